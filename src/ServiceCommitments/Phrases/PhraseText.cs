using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Phrases;

/// <summary>
/// What the warranty and schedule sentences share: names written bare or quoted, periods in words, percentages,
/// trailing notes in parentheses, Chinese punctuation, and the error that quotes a sentence.
/// </summary>
internal static class PhraseText
{
    /// <summary>Whether a name may be written bare: an ASCII identifier (letters, digits, '_' and '-', not starting with a digit or '-').</summary>
    internal static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes a name bare when it is an identifier not in <paramref name="reserved"/>, else quoted (“name” in Chinese, "name" in English; the closing quote doubled inside).</summary>
    internal static string Name(string name, Language language, IReadOnlyCollection<string>? reserved = null) =>
        IsIdentifier(name) && (reserved is null || !reserved.Contains(name, StringComparer.OrdinalIgnoreCase)) ? name : Quote(name, language);

    /// <summary>Writes text in quotes: “text” in Chinese, "text" in English, the closing quote doubled inside.</summary>
    internal static string Quote(string text, Language language) =>
        language == Language.Chinese ? "“" + text.Replace("”", "””", StringComparison.Ordinal) + "”" : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Writes a decimal without trailing zeros: <c>50000</c>, <c>0.5</c>.</summary>
    internal static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes a share (0.5) as a percentage without the sign (50).</summary>
    internal static string Percent(decimal share) => Number(share * 100);

    /// <summary>Writes a period of years, months, weeks and days: <c>1年2个月3周4日</c>, <c>1 year 2 months 3 weeks 4 days</c>; zero as <c>0日</c>, <c>0 days</c>.</summary>
    internal static string Period(Period period, Language language)
    {
        var parts = new List<string>();
        Add(period.Years, "年", "year");
        Add(period.Months, "个月", "month");
        Add(period.Weeks, "周", "week");
        Add(period.Days, "日", "day");
        if (parts.Count == 0)
        {
            return language == Language.Chinese ? "0日" : "0 days";
        }

        return string.Join(language == Language.Chinese ? "" : " ", parts);

        void Add(long n, string chinese, string english)
        {
            if (n != 0)
            {
                parts.Add(language == Language.Chinese ? Number(n) + chinese : Plural(n, english));
            }
        }
    }

    internal static string Plural(long n, string noun) => n == 1 ? $"1 {noun}" : $"{Number(n)} {noun}s";

    /// <summary>Joins names as English lists them in a start: <c>a and b and c</c> (no commas, so that a list ends where a comma does).</summary>
    internal static string JoinAnd(IEnumerable<string> names) => string.Join(" and ", names);

    /// <summary>The problem of a sentence naming a calendar it was not given: the name, and the names that were given.</summary>
    internal static string CalendarNotGiven(string named, IReadOnlyDictionary<string, BusinessCalendar>? calendars) =>
        $"the calendar \"{named}\" is not among the calendars given ({GivenCalendars(calendars)})";

    /// <summary>The names of the calendars given, in order, or "none".</summary>
    internal static string GivenCalendars(IReadOnlyDictionary<string, BusinessCalendar>? calendars) =>
        calendars is null || calendars.Count == 0 ? "none" : string.Join(", ", calendars.Keys.Order(StringComparer.Ordinal));

    /// <summary>
    /// One step of a scan that respects quotes: whether <c>text[i]</c> opens, is inside or closes a quoted name (“...” or
    /// "...", the closing quote doubled inside), so that the scan passes it by. A doubled closing quote moves
    /// <paramref name="i"/> past its second character.
    /// </summary>
    internal static bool SkipQuoted(string text, ref int i, ref char closing)
    {
        char c = text[i];
        if (closing != '\0')
        {
            if (c == closing)
            {
                if (i + 1 < text.Length && text[i + 1] == closing)
                {
                    i++;
                }
                else
                {
                    closing = '\0';
                }
            }

            return true;
        }

        if (c is '“' or '"')
        {
            closing = c == '“' ? '”' : '"';
            return true;
        }

        return false;
    }

    /// <summary>
    /// Splits off the groups in parentheses at the end of <paramref name="text"/> (quotes respected):
    /// <c>3年(甲)(乙)</c> gives <c>3年</c> and [甲, 乙]. Only groups that follow each other to the end are taken.
    /// </summary>
    internal static (string Head, List<string> Groups) TrailingGroups(string text)
    {
        var groups = new List<(int Start, int End)>();
        int depth = 0, start = -1;
        char closing = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (SkipQuoted(text, ref i, ref closing))
            {
                continue;
            }

            if (c == '(')
            {
                if (depth++ == 0)
                {
                    start = i;
                }
            }
            else if (c == ')' && depth > 0 && --depth == 0)
            {
                groups.Add((start, i));
            }
        }

        var taken = new List<string>();
        int end = text.Length;
        for (int g = groups.Count - 1; g >= 0 && depth == 0 && groups[g].End == end - 1; g--)
        {
            taken.Insert(0, text[(groups[g].Start + 1)..groups[g].End]);
            end = groups[g].Start;
        }

        return (text[..end], taken);
    }

    /// <summary>Splits <paramref name="text"/> at each separator that is outside quotes and parentheses.</summary>
    internal static List<string> SplitTop(string text, params string[] separators)
    {
        var parts = new List<string>();
        int depth = 0, from = 0;
        char closing = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (SkipQuoted(text, ref i, ref closing))
            {
                continue;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                foreach (string separator in separators)
                {
                    if (string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
                    {
                        parts.Add(text[from..i]);
                        from = i + separator.Length;
                        i = from - 1;
                        break;
                    }
                }
            }
        }

        parts.Add(text[from..]);
        return parts;
    }

    /// <summary>Whether the text has a Chinese character outside quotes: a Chinese sentence rather than an English one.</summary>
    internal static bool IsChinese(string text)
    {
        char closing = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (SkipQuoted(text, ref i, ref closing))
            {
                continue;
            }

            if (c >= '\u4e00' && c <= '\u9fff')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Full-width punctuation outside quotes as the renderer writes it (（）：，；→ ( ) : , ;), white space around it removed.</summary>
    internal static string NormaliseChinese(string text)
    {
        var s = new StringBuilder(text.Length);
        char closing = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (closing != '\0')
            {
                s.Append(c);
                if (c == closing)
                {
                    if (i + 1 < text.Length && text[i + 1] == closing)
                    {
                        s.Append(text[++i]);
                    }
                    else
                    {
                        closing = '\0';
                    }
                }

                continue;
            }

            if (c is '“' or '"')
            {
                closing = c == '“' ? '”' : '"';
                s.Append(c);
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            s.Append(c switch { '（' => '(', '）' => ')', '：' => ':', '，' => ',', '；' => ';', '％' => '%', _ => c });
        }

        return s.ToString().TrimEnd('。', '.');
    }

    /// <summary>
    /// The longest sentence an error quotes whole. A contract's sentence is quoted as written, so that its reader can
    /// find it; only a longer text is cut (its length stated), and the problem then quotes the part not understood.
    /// </summary>
    internal const int MaxQuotedSentence = 1000;

    /// <summary>A sentence in double quotes, whole up to <see cref="MaxQuotedSentence"/> characters.</summary>
    internal static string QuoteSentence(string text) =>
        "\"" + (text.Length <= MaxQuotedSentence
            ? text
            : string.Concat(text.AsSpan(0, MaxQuotedSentence - 3), "...", $" ({text.Length.ToString(CultureInfo.InvariantCulture)} characters)")) + "\"";

    /// <summary>The error for a sentence not understood: <c>The sentence "…" is not understood: problem.</c></summary>
    /// <remarks>The sentence and the problem are kept apart in <see cref="Exception.Data"/>, so that <see cref="AsWritten"/> can quote the sentence as written.</remarks>
    internal static FormatException Fail(string text, string problem)
    {
        var e = new FormatException($"The sentence {QuoteSentence(text)} is not understood: {problem}.");
        e.Data[SentenceKey] = text;
        e.Data[ProblemKey] = problem;
        return e;
    }

    /// <summary>
    /// The same error quoting <paramref name="written"/>, the sentence as its author wrote it, instead of the form the
    /// reader worked on (full-width punctuation and spaces normalised).
    /// </summary>
    internal static FormatException AsWritten(FormatException e, string written) =>
        e.Data[SentenceKey] is string sentence && e.Data[ProblemKey] is string problem
            ? sentence == written ? e : Fail(written, problem)
            : Fail(written, e.Message.TrimEnd('.'));

    private const string SentenceKey = "ServiceCommitments.Sentence";
    private const string ProblemKey = "ServiceCommitments.Problem";
}

/// <summary>Reads a sentence from left to right: literals, names (bare or quoted), numbers and periods.</summary>
internal sealed class PhraseCursor
{
    private static readonly string[] EnglishNumbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private readonly string text;

    internal PhraseCursor(string text)
    {
        this.text = text;
    }

    internal int Position { get; set; }

    internal bool AtEnd => Position >= text.Length;

    internal string Rest => text[Position..];

    internal bool Peek(string literal) => Position + literal.Length <= text.Length && text.AsSpan(Position, literal.Length).SequenceEqual(literal);

    internal bool Eat(string literal)
    {
        if (Peek(literal))
        {
            Position += literal.Length;
            return true;
        }

        return false;
    }

    /// <summary>Eats the longest of <paramref name="options"/> found here, giving its index; -1 when none.</summary>
    internal int EatAny(params string[] options)
    {
        int best = -1;
        for (int i = 0; i < options.Length; i++)
        {
            if (Peek(options[i]) && (best < 0 || options[i].Length > options[best].Length))
            {
                best = i;
            }
        }

        if (best >= 0)
        {
            Position += options[best].Length;
        }

        return best;
    }

    /// <summary>Reads a quoted name (“…” or "…", the closing quote doubled inside) or a bare identifier.</summary>
    internal bool Name(out string name, out bool quoted)
    {
        name = "";
        quoted = false;
        if (AtEnd)
        {
            return false;
        }

        char open = text[Position];
        if (open is '“' or '"')
        {
            char closing = open == '“' ? '”' : '"';
            var s = new StringBuilder();
            for (int i = Position + 1; i < text.Length; i++)
            {
                if (text[i] == closing)
                {
                    if (i + 1 < text.Length && text[i + 1] == closing)
                    {
                        s.Append(closing);
                        i++;
                        continue;
                    }

                    name = s.ToString();
                    quoted = true;
                    Position = i + 1;
                    return true;
                }

                s.Append(text[i]);
            }

            return false;
        }

        if (!(char.IsAsciiLetter(open) || open == '_'))
        {
            return false;
        }

        int end = Position;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-'))
        {
            end++;
        }

        name = text[Position..end];
        Position = end;
        return true;
    }

    internal bool Name(out string name) => Name(out name, out _);

    /// <summary>Reads a decimal number in ASCII digits: <c>50000</c>, <c>0.5</c>.</summary>
    internal bool Decimal(out decimal value)
    {
        value = 0;
        int end = Position;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end == Position)
        {
            return false;
        }

        if (end + 1 < text.Length && text[end] == '.' && char.IsAsciiDigit(text[end + 1]))
        {
            end++;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
        }

        // A number a decimal cannot hold exactly (too large, or more digits than it keeps) is not understood, not rounded.
        var digits = text.AsSpan(Position, end - Position);
        if (digits.Length > 64 || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) ||
            !PhraseText.Number(value).AsSpan().SequenceEqual(Canonical(digits)))
        {
            value = 0;
            return false;
        }

        Position = end;
        return true;
    }

    /// <summary>Digits as <see cref="PhraseText.Number(decimal)"/> writes their value: no leading zeros, no trailing zeros after the point.</summary>
    private static ReadOnlySpan<char> Canonical(ReadOnlySpan<char> digits)
    {
        if (digits.Contains('.'))
        {
            digits = digits.TrimEnd('0').TrimEnd('.');
        }

        digits = digits.TrimStart('0');
        return digits.Length == 0 || digits[0] == '.' ? string.Concat("0", digits) : digits;
    }

    /// <summary>Reads a whole number: Arabic digits (full width too), Chinese numerals (二十四, 两), or in English the words one to twelve and "a"/"an".</summary>
    internal bool Integer(out long value, bool english = false)
    {
        value = 0;
        if (english)
        {
            for (int n = EnglishNumbers.Length - 1; n >= 0; n--)
            {
                if (Peek(EnglishNumbers[n] + " "))
                {
                    Position += EnglishNumbers[n].Length;
                    value = n;
                    return true;
                }
            }

            foreach (string article in new[] { "an ", "a " })
            {
                if (Peek(article))
                {
                    Position += article.Length - 1;
                    value = 1;
                    return true;
                }
            }
        }

        int read = ChineseNumbers.Read(text.AsSpan(Position), out value);
        if (read == 0 || (english && !char.IsAsciiDigit(text[Position])))
        {
            return false;
        }

        Position += read;
        return true;
    }

    /// <summary>Reads an int of 0 to <paramref name="max"/>.</summary>
    internal bool Int(out int value, int max = 1_000_000, bool english = false)
    {
        value = 0;
        int at = Position;
        if (!Integer(out long n, english) || n > max)
        {
            Position = at;
            return false;
        }

        value = (int)n;
        return true;
    }

    /// <summary>
    /// Reads a period: Chinese <c>1年2个月3周4日</c> (天 and 星期 too, 个 optional, 半年 for six months, 半个月 for 15 days),
    /// English <c>1 year 2 months 3 weeks 4 days</c>.
    /// </summary>
    internal bool Period(Language language, out Period period)
    {
        period = NodaTime.Period.Zero;
        int start = Position;
        bool any = false;
        if (language == Language.Chinese)
        {
            if (Eat("半年"))
            {
                period = NodaTime.Period.FromMonths(6);
                return true;
            }

            if (EatAny("半个月", "半月") >= 0)
            {
                period = NodaTime.Period.FromDays(15);
                return true;
            }

            string[] units = ["年", "个月", "月", "周", "星期", "个星期", "日", "天"];
            while (true)
            {
                int at = Position;
                if (!Integer(out long n) || n > 3_652_500)
                {
                    Position = at;
                    break;
                }

                int unit = EatAny(units);
                if (unit < 0)
                {
                    Position = at;
                    break;
                }

                period += unit switch
                {
                    0 => NodaTime.Period.FromYears((int)n),
                    1 or 2 => NodaTime.Period.FromMonths((int)n),
                    3 or 4 or 5 => NodaTime.Period.FromWeeks((int)n),
                    _ => NodaTime.Period.FromDays((int)n),
                };
                any = true;
            }
        }
        else
        {
            while (true)
            {
                int at = Position;
                if (any && !Eat(" "))
                {
                    break;
                }

                if (!Integer(out long n, english: true) || n > 3_652_500 || !Eat(" "))
                {
                    Position = at;
                    break;
                }

                int unit = EatAny("years", "year", "months", "month", "weeks", "week", "days", "day");
                if (unit < 0 || (char.IsAsciiLetter(AtEnd ? ' ' : text[Position])))
                {
                    Position = at;
                    break;
                }

                period += (unit / 2) switch
                {
                    0 => NodaTime.Period.FromYears((int)n),
                    1 => NodaTime.Period.FromMonths((int)n),
                    2 => NodaTime.Period.FromWeeks((int)n),
                    _ => NodaTime.Period.FromDays((int)n),
                };
                any = true;
            }
        }

        if (!any)
        {
            Position = start;
        }

        return any;
    }
}
