using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars.Notices;

/// <summary>
/// Reads a notice's text: finds its year, cuts it into numbered items, each item into sentences and each sentence into
/// clauses at top-level commas, and reads each clause by its verb: 放假/补休/连休 (days off), 上班 (days worked),
/// 调至 (a rest day moved), 延长...至 (a block extended), or a word that only describes. See <see cref="HolidayNotice"/>.
/// </summary>
internal static partial class NoticeReader
{
    /// <summary>How far into the December before its year a notice may reach (元旦 arrangements).</summary>
    private const int FirstDecemberDay = 20;

    [GeneratedRegex(@"(?<!\d)(?:(?<y>\d{4})年)?(?:(?<m>\d{1,2})月)?(?<d>\d{1,2})日(?:\((?<a>[^()]*)\))?")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?:关于|现将|现就)(?<y>\d{4})年|(?<y>\d{4})年(?:部分)?节假日")]
    private static partial Regex HeadingYearPattern();

    [GeneratedRegex(@"(?<y>\d{4})年(?!\d)")]
    private static partial Regex BareYearPattern();

    [GeneratedRegex(@"(?<y>\d{4})年\d{1,2}月\d{1,2}日")]
    private static partial Regex FullDatePattern();

    [GeneratedRegex(@"(?:^|(?<=[\n。:]))(?<n>[一二三四五六七八九十]{1,3})[、.]")]
    private static partial Regex ItemPattern();

    /// <summary>A number too long for a month or a day (111月1日): a typo that must not read as a shorter date.</summary>
    [GeneratedRegex(@"\d{3,}[月日]")]
    private static partial Regex OverlongNumberPattern();

    [GeneratedRegex(@"(?:星期|礼拜|周)(?<w>[一二三四五六日天])")]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"(?:共|放假|补休|休息)(?<n>\d+|[〇一二两三四五六七八九十百千]+)天")]
    private static partial Regex CountPattern();

    /// <summary>Reads a notice; throws <see cref="HolidayNoticeException"/> when it cannot be read.</summary>
    internal static HolidayNotice Read(string original, int? givenYear)
    {
        try
        {
            return ReadOrFail(original, givenYear);
        }
        catch (Failure failure)
        {
            throw new HolidayNoticeException(failure.Problem, failure.Item, failure.Year);
        }
    }

    /// <summary>Reads a notice; null, with the problem reported at <paramref name="field"/>, when it cannot be read.</summary>
    internal static HolidayNotice? TryRead(string original, FieldRef field, ProblemSink problems)
    {
        try
        {
            return ReadOrFail(original, null);
        }
        catch (Failure failure)
        {
            problems.Add(field, null, failure.Problem);
            return null;
        }
    }

    private static HolidayNotice ReadOrFail(string original, int? givenYear)
    {
        var text = NoticeText.Fold(original);
        int year = FindYear(text, givenYear);
        var reader = new ItemReader(text, year);
        var items = new List<HolidayNoticeItem>();
        var matches = ItemPattern().Matches(text.Value);
        if (matches.Count == 0)
        {
            // A text that numbers no items (the 2015 supplement): each line is read on its own.
            for (int start = 0; start < text.Value.Length;)
            {
                int end = text.Value.IndexOf('\n', start);
                end = end < 0 ? text.Value.Length : end;
                if (text.Value.AsSpan(start, end - start).Contains('日'))
                {
                    // A line without 日 names no date, so there is nothing in it to read.
                    reader.Read(0, start, end, items);
                }

                start = end + 1;
            }
        }
        else
        {
            for (int i = 0; i < matches.Count; i++)
            {
                int start = matches[i].Index;
                int end = i + 1 < matches.Count ? matches[i + 1].Index : text.Value.Length;
                if (i + 1 == matches.Count && text.Value.IndexOf("\n\n", start, StringComparison.Ordinal) is int blank and >= 0)
                {
                    // The last item ends at the paragraph break before the closing lines.
                    end = blank;
                }

                reader.Read(ChineseNumber(matches[i].Groups["n"].Value), start, end, items);
            }
        }

        if (items.Count == 0)
        {
            throw new Failure(
                $"Holiday notice {year}: no item names a date; expected items such as 一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。",
                text.Quote(0, text.Value.Length),
                year);
        }

        return new HolidayNotice(original, year, items.AsReadOnly(), Entries(items, year).AsReadOnly());
    }

    private static int FindYear(NoticeText text, int? given)
    {
        var heading = HeadingYearPattern().Match(text.Value);
        var found = heading.Success ? heading : BareYearPattern().Match(text.Value);
        if (!found.Success && given is null)
        {
            // No year of its own (国务院关于...70周年纪念日调休放假的通知): the year its dates are written with, if one.
            // A signature's date (a line of its own) is not the notice's year, nor is the year of December dates alone
            // (2011年12月31日 in a 2012 元旦 item): the notice's year is then unknown.
            var dates = FullDatePattern().Matches(text.Value).Where(m => !IsOwnLine(text.Value, m)).ToList();
            if (dates.Select(m => m.Groups["y"].Value).Distinct().Count() == 1 && !dates.TrueForAll(m => m.Value.Contains("年12月", StringComparison.Ordinal)))
            {
                found = dates[0];
            }
        }

        if (!found.Success)
        {
            return given ?? throw new Failure(
                "Holiday notice: the text does not say its year; expected a heading such as 国务院办公厅关于2027年部分节假日安排的通知, or give the year (HolidayNotice.Parse(text, year)).",
                string.Empty,
                null);
        }

        int year = int.Parse(found.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (given is { } expected && expected != year)
        {
            throw new Failure(
                $"Holiday notice: the text is for {year} (\"{text.Quote(found.Index, found.Index + found.Length)}\"), but the year {expected} was given.",
                text.Quote(found.Index, found.Index + found.Length),
                year);
        }

        if (year < CalendarLimits.MinYear + 1 || year > CalendarLimits.MaxYear)
        {
            throw new Failure(
                $"Holiday notice: the year {year} is outside the years a calendar supports ({CalendarLimits.MinYear + 1}-{CalendarLimits.MaxYear}).",
                text.Quote(found.Index, found.Index + found.Length),
                year);
        }

        return year;
    }

    /// <summary>Whether <paramref name="match"/> stands on a line of its own (a signature's date).</summary>
    private static bool IsOwnLine(string text, Match match)
    {
        int end = match.Index + match.Length;
        return (match.Index == 0 || text[match.Index - 1] == '\n') && (end == text.Length || text[end] == '\n');
    }

    /// <summary>The entries of all items; a date may be named by several items only with the same kind.</summary>
    private static List<HolidaySetEntry> Entries(List<HolidayNoticeItem> items, int year)
    {
        var byDate = new SortedDictionary<LocalDate, HolidaySetEntry>();
        foreach (var item in items)
        {
            bool midAutumnShared = item.Name != Festivals.MidAutumn && item.Festival.Contains("中秋", StringComparison.Ordinal);
            foreach (var date in item.Holidays)
            {
                string name = midAutumnShared && Festivals.IsMidAutumnDay(date) ? Festivals.MidAutumn : item.Name;
                Add(byDate, new HolidaySetEntry(date, HolidayKind.Holiday, name), item, year);
            }

            foreach (var date in item.WorkingDays)
            {
                Add(byDate, new HolidaySetEntry(date, HolidayKind.AdjustedWorkingDay, item.Name), item, year);
            }
        }

        return [.. byDate.Values];
    }

    private static void Add(SortedDictionary<LocalDate, HolidaySetEntry> byDate, HolidaySetEntry entry, HolidayNoticeItem item, int year)
    {
        if (byDate.TryGetValue(entry.Date, out var existing))
        {
            if (existing.Kind != entry.Kind)
            {
                throw new Failure(
                    $"Holiday notice {year}, item \"{item.Text}\": {Show(entry.Date)} is named as a working day and as a day off; expected each date once, with one meaning.",
                    item.Text,
                    year);
            }

            return;
        }

        byDate.Add(entry.Date, entry);
    }

    internal static string Show(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>一 to 九十九 (and Arabic digits), for item numbers and day counts; 0 when it is not a number.</summary>
    internal static int ChineseNumber(string text)
    {
        text = text.Replace('两', '二');
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int arabic))
        {
            return arabic;
        }

        const string Digits = "〇一二三四五六七八九";
        int ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return text.Length == 1 ? Math.Max(0, Digits.IndexOf(text[0], StringComparison.Ordinal)) : 0;
        }

        int tens = ten == 0 ? 1 : Digits.IndexOf(text[0], StringComparison.Ordinal);
        int ones = ten == text.Length - 1 ? 0 : Digits.IndexOf(text[^1], StringComparison.Ordinal);
        return tens <= 0 || ones < 0 || text.Length > 3 ? 0 : (tens * 10) + ones;
    }

    private enum Verb
    {
        None,
        Describes,
        DaysOff,
        Worked,
        Moved,
        Extended,
    }

    /// <summary>A date as written in a clause: its value, where it stands, and whether it ends a range begun by the one before.</summary>
    private readonly record struct DateMention(LocalDate Date, int Index, int End, bool EndsRange);

    /// <summary>Reads the items of one notice.</summary>
    private sealed class ItemReader(NoticeText text, int year)
    {
        private string itemText = string.Empty;
        private string festivalName = string.Empty;
        private List<(int Index, int End, string Name)>? festivalWords;

        internal void Read(int number, int start, int end, List<HolidayNoticeItem> items)
        {
            string value = text.Value[start..end];
            itemText = text.Quote(start, end);
            int bodyStart = 0;
            string festival = string.Empty;
            if (number > 0)
            {
                // The heading is what stands between the number and a colon, or directly before the first date
                // (三、清明节4月4日至6日放假); an item that starts with its sentence (一、延长2020年春节假期...) has none.
                bodyStart = value.IndexOfAny(['、', '.']) + 1;
                var first = DatePattern().Match(value, bodyStart);
                int colon = value.IndexOf(':', bodyStart);
                int headingEnd = colon >= 0 && (!first.Success || colon < first.Index) ? colon : first.Success ? first.Index : -1;
                if (headingEnd >= 0 && !ContainsDigit(value.AsSpan(bodyStart, headingEnd - bodyStart)))
                {
                    festival = value[bodyStart..headingEnd];
                    bodyStart = headingEnd == colon ? colon + 1 : headingEnd;
                }
            }

            string body = value[bodyStart..].Replace("\n", string.Empty, StringComparison.Ordinal);
            festivalName = festival.Length > 0 ? NameOf(festival) : UnnamedFestival(value, start);
            var holidays = new SortedSet<LocalDate>();
            var worked = new SortedSet<LocalDate>();
            var movedAway = new List<LocalDate>();
            LocalDate? extendedTo = null;
            bool named = false;
            foreach (string sentence in body.Split(['。', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                named |= ReadSentence(sentence, holidays, worked, movedAway, ref extendedTo);
            }

            if (!named)
            {
                return;
            }

            FillWeekendsBetween(holidays);
            foreach (var date in movedAway)
            {
                if (!holidays.Contains(date) && IsWeekend(date))
                {
                    worked.Add(date);
                }
            }

            if (holidays.Overlaps(worked))
            {
                Fail($"{Show(holidays.Intersect(worked).First())} is named as a day off and as a working day", "each date once, with one meaning");
            }

            items.Add(new HolidayNoticeItem(
                number, itemText, festival, festivalName, holidays.ToList().AsReadOnly(), worked.ToList().AsReadOnly(), extendedTo));
        }

        /// <summary>
        /// The festival of an item without a heading: the one its words name (延长2020年春节假期), else the last one the
        /// text names before the item's first date (关于调整2019年劳动节假期安排的通知 ... 一、2019年5月1日至4日...).
        /// </summary>
        private string UnnamedFestival(string value, int start)
        {
            var date = DatePattern().Match(value);
            int firstDate = date.Success ? date.Index : value.Length;
            return Festivals.Find(value[..firstDate])?.Name
                ?? Festivals.Find(value)?.Name
                ?? FestivalBefore(start)
                ?? string.Empty;
        }

        /// <summary>The name of the last festival word that ends before <paramref name="end"/>, from an index made once per text.</summary>
        private string? FestivalBefore(int end)
        {
            festivalWords ??= Festivals.FindAll(text.Value);
            int lo = 0, hi = festivalWords.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                (lo, hi) = festivalWords[mid].Index < end ? (mid + 1, hi) : (lo, mid);
            }

            // Words are at most a few characters long, so only the last few that start before the end can overlap it.
            for (int i = lo - 1; i >= 0; i--)
            {
                if (festivalWords[i].End <= end)
                {
                    return festivalWords[i].Name;
                }
            }

            return null;
        }

        private static bool ContainsDigit(ReadOnlySpan<char> text) => text.IndexOfAnyInRange('0', '9') >= 0;

        private static string NameOf(string festival)
        {
            if (festival.Length == 0)
            {
                return string.Empty;
            }

            var first = Festivals.Find(festival);
            if (first is null)
            {
                return festival;
            }

            // Two festivals in one item (国庆节、中秋节): the block is National Day's, bar the mid-autumn day itself.
            return festival.Contains("国庆", StringComparison.Ordinal) ? Festivals.National : first.Value.Name;
        }

        /// <summary>Reads one sentence; true when it named a date.</summary>
        private bool ReadSentence(string sentence, SortedSet<LocalDate> holidays, SortedSet<LocalDate> worked, List<LocalDate> movedAway, ref LocalDate? extendedTo)
        {
            var clauses = SplitClauses(sentence);
            if (IsSignature(sentence))
            {
                return false;
            }

            if (Encourages(sentence))
            {
                DateMention? none = null;
                foreach (var (start, end) in clauses)
                {
                    Dates(sentence[start..end], ref none);
                }

                return false;
            }

            bool named = false;
            int pendingStart = -1;
            DateMention? previous = null;
            int lastDaysOff = -1;
            foreach (var (start, end) in clauses)
            {
                // Dates whose verb comes in a later clause (2015年9月3日至5日,调休放假) are read with it, once: the
                // clauses waiting for a verb have none of the words, so the verb is the new clause's.
                string clause = sentence[start..end];
                bool waiting = pendingStart >= 0;
                var verb = VerbOf(clause, waiting || DatePattern().IsMatch(clause));
                if (verb == Verb.None)
                {
                    pendingStart = waiting ? pendingStart : start;
                    continue;
                }

                string whole = waiting ? sentence[pendingStart..end] : clause;
                pendingStart = -1;
                var dates = Dates(whole, ref previous);
                var count = CountPattern().Match(Strip(whole));
                named |= dates.Count > 0;
                switch (verb)
                {
                    case Verb.DaysOff:
                        var days = Expand(dates);
                        holidays.UnionWith(days);
                        lastDaysOff = dates.Count == 0 ? lastDaysOff : days.Count;
                        break;
                    case Verb.Worked:
                        foreach (var date in Expand(dates))
                        {
                            if (IsWeekend(date))
                            {
                                worked.Add(date);
                            }
                        }

                        break;
                    case Verb.Moved:
                        // 1月4日(星期日)公休日调至1月2日(星期五): the dates before 调至 are worked (unless days off anyway), those after it are off.
                        int move = whole.IndexOf("调至", StringComparison.Ordinal);
                        foreach (var mention in dates)
                        {
                            (mention.Index < move ? movedAway : (ICollection<LocalDate>)holidays).Add(mention.Date);
                        }

                        break;
                    case Verb.Extended:
                        if (dates.Count == 0)
                        {
                            Fail("an extension names no date", "延长...至 and the last day off, such as 延长2020年春节假期至2月2日");
                        }

                        extendedTo = dates[^1].Date;
                        break;
                }

                if (count.Success)
                {
                    CheckCount(count, dates.Count > 0 && verb == Verb.DaysOff ? Expand(dates).Count : lastDaysOff);
                }
            }

            if (pendingStart >= 0)
            {
                string pending = sentence[pendingStart..];
                Dates(pending, ref previous);
                Fail($"\"{Cut(pending)}\" names dates but not what happens on them", "放假, 补休, 上班 or 调至 after the dates");
            }

            return named;
        }

        private void CheckCount(Match count, int days)
        {
            int stated = ChineseNumber(count.Groups["n"].Value);
            if (days < 0)
            {
                Fail($"\"{Cut(count.Value)}\" counts days, but no range of days off comes before it", "共N天 after the dates of a 放假 range");
            }

            if (stated != days)
            {
                Fail($"\"{Cut(count.Value)}\" does not match the days off named before it ({days})", $"共{days}天, or dates that give {stated} days");
            }
        }

        /// <summary>
        /// A signature: a sentence that ends with its only date, written with its year, and says nothing happens on it
        /// (国务院办公厅 2012年12月8日, joined to the last item when the text has no blank line before it).
        /// </summary>
        private static bool IsSignature(string sentence)
        {
            var dates = DatePattern().Matches(sentence);
            return dates.Count == 1 && dates[0].Index + dates[0].Length == sentence.Length && dates[0].Groups["y"].Success
                && VerbOf(sentence, hasDates: true) == Verb.None;
        }

        /// <summary>A sentence that only encourages (鼓励...安排职工在除夕(2月9日)休息): nothing in it is a day off.</summary>
        private static bool Encourages(string sentence) => Has(Strip(sentence), "鼓励", "提倡", "倡导");

        private static List<(int Start, int End)> SplitClauses(string sentence)
        {
            var clauses = new List<(int Start, int End)>();
            int depth = 0, start = 0;
            for (int i = 0; i < sentence.Length; i++)
            {
                switch (sentence[i])
                {
                    case '(':
                        depth++;
                        break;
                    case ')':
                        depth = Math.Max(0, depth - 1);
                        break;
                    case ',' when depth == 0:
                        clauses.Add((start, i));
                        start = i + 1;
                        break;
                }
            }

            clauses.Add((start, sentence.Length));
            return clauses;
        }

        /// <summary>The clause without its dates and their bracketed notes: the words that say what happens.</summary>
        private static string Strip(string clause) => DatePattern().Replace(clause, "#");

        private static Verb VerbOf(string clause, bool hasDates)
        {
            string words = Strip(clause);
            if (Has(words, "调至"))
            {
                return Verb.Moved;
            }

            if (Has(words, "延长"))
            {
                return Verb.Extended;
            }

            if (Has(words, "上班", "补班"))
            {
                return Verb.Worked;
            }

            if (Has(words, "放假", "补休", "连休", "休假", "休息"))
            {
                return Verb.DaysOff;
            }

            if (Has(words, "法定", "公休", "当日", "调休", "假期"))
            {
                return Verb.Describes;
            }

            return hasDates ? Verb.None : Verb.Describes;
        }

        private static bool Has(string words, params string[] any)
        {
            foreach (string word in any)
            {
                if (words.Contains(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The dates of a clause, each resolved to a year and checked against its bracketed weekday.</summary>
        private List<DateMention> Dates(string clause, ref DateMention? previous)
        {
            var result = new List<DateMention>();
            if (OverlongNumberPattern().Match(clause) is { Success: true } overlong)
            {
                Fail($"\"{Cut(overlong.Value)}\" is not a month or a day", "a month 1-12 and a day 1-31, as 1月3日");
            }

            var matches = DatePattern().Matches(clause);
            for (int i = 0; i < matches.Count; i++)
            {
                var match = matches[i];
                var groups = match.Groups;
                int day = int.Parse(groups["d"].Value, CultureInfo.InvariantCulture);
                int month;
                int y;
                if (groups["m"].Success)
                {
                    month = int.Parse(groups["m"].Value, CultureInfo.InvariantCulture);
                }
                else if (previous is { } before)
                {
                    month = before.Date.Month;
                }
                else
                {
                    Fail($"\"{Cut(match.Value)}\" has no month, and no date before it gives one", "a date such as 1月3日");
                    return result;
                }

                if (groups["y"].Success)
                {
                    y = int.Parse(groups["y"].Value, CultureInfo.InvariantCulture);
                }
                else
                {
                    // A notice reaches back only into the December before its year, for 元旦: a December date without
                    // its year is that December's when the item is New Year's, a range from it runs into January, or
                    // the date before it was in that December.
                    bool intoJanuary = i + 1 < matches.Count && matches[i + 1].Groups["m"].Value == "1";
                    bool afterDecember = previous is { } before && before.Date.Year == year - 1;
                    y = month == 12 && (festivalName == Festivals.NewYear || intoJanuary || afterDecember) ? year - 1 : year;
                }

                if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(Math.Clamp(y, 1, 9999), month))
                {
                    Fail($"\"{Cut(match.Value)}\" is not a date", "a month 1-12 and a day of that month");
                }

                var date = new LocalDate(y, month, day);
                if (!(date.Year == year || (date.Year == year - 1 && date.Month == 12 && date.Day >= FirstDecemberDay)))
                {
                    Fail($"\"{Cut(match.Value)}\" is {Show(date)}, outside {year}", $"a date in {year}, or in the last days of December {year - 1}");
                }

                CheckWeekday(match, date);
                string between = i == 0 ? string.Empty : clause[(matches[i - 1].Index + matches[i - 1].Length)..match.Index];
                bool endsRange = between is "至" or "-" or "到";
                if (endsRange && date < result[^1].Date)
                {
                    Fail($"the range ending \"{Cut(match.Value)}\" ends before it begins", "a range whose last day is not before its first");
                }

                var mention = new DateMention(date, match.Index, match.Index + match.Length, endsRange);
                result.Add(mention);
                previous = mention;
            }

            return result;
        }

        private void CheckWeekday(Match match, LocalDate date)
        {
            if (!match.Groups["a"].Success || WeekdayPattern().Match(match.Groups["a"].Value) is not { Success: true } named)
            {
                return;
            }

            int stated = "一二三四五六日".IndexOf(named.Groups["w"].Value[0] == '天' ? '日' : named.Groups["w"].Value[0], StringComparison.Ordinal) + 1;
            if (stated != (int)date.DayOfWeek)
            {
                Fail(
                    $"\"{Cut(match.Value)}\" says {named.Value}, but {Show(date)} is a {date.DayOfWeek}",
                    $"the date's own weekday ({(named.Value.StartsWith('周') ? "周" : "星期")}{"一二三四五六日"[(int)date.DayOfWeek - 1]}) or another date");
            }
        }

        /// <summary>Every day named: each single date, and every day of each range.</summary>
        private static List<LocalDate> Expand(List<DateMention> dates)
        {
            var days = new List<LocalDate>();
            for (int i = 0; i < dates.Count; i++)
            {
                if (i + 1 < dates.Count && dates[i + 1].EndsRange)
                {
                    for (var d = dates[i].Date; d <= dates[i + 1].Date; d = d.PlusDays(1))
                    {
                        days.Add(d);
                    }

                    i++;
                    continue;
                }

                days.Add(dates[i].Date);
            }

            return days;
        }

        /// <summary>
        /// A Saturday or Sunday between two days off of one item is inside their block (4月5日放假,4月7日(星期一)补休:
        /// the 6th too), as every weekend day inside a 放假 range is; a weekend merely next to a day off (与周末连休) is not named.
        /// </summary>
        private static void FillWeekendsBetween(SortedSet<LocalDate> holidays)
        {
            var gaps = new List<LocalDate>();
            LocalDate? before = null;
            foreach (var date in holidays)
            {
                if (before is { } b && Period.DaysBetween(b, date) is > 1 and <= 3)
                {
                    var between = new List<LocalDate>();
                    for (var d = b.PlusDays(1); d < date; d = d.PlusDays(1))
                    {
                        between.Add(d);
                    }

                    if (between.TrueForAll(IsWeekend))
                    {
                        gaps.AddRange(between);
                    }
                }

                before = date;
            }

            holidays.UnionWith(gaps);
        }

        private static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

        private static string Cut(string text) => text.Length <= 40 ? text : text[..37] + "...";

        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        private void Fail(string problem, string expected) =>
            throw new Failure($"Holiday notice {year}, item \"{itemText}\": {problem}; expected {expected}.", itemText, year);
    }

    /// <summary>
    /// Why a notice cannot be read: the problem as a sentence, the item it is in and the notice's year. It only unwinds
    /// the reading; <see cref="Read"/> throws it as a <see cref="HolidayNoticeException"/>, <see cref="TryRead"/> reports it.
    /// </summary>
#pragma warning disable CA1032, CA1064 // Never leaves this class.
    private sealed class Failure(string problem, string item, int? year) : Exception
#pragma warning restore CA1032, CA1064
    {
        internal string Problem { get; } = problem;

        internal string Item { get; } = item;

        internal int? Year { get; } = year;
    }
}
