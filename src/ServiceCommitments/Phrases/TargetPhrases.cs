using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Phrases;

/// <summary>
/// Reads a target written the way commitments are written, in English or Chinese, and writes a target back as a
/// contract would print it. Parsing the rendered phrase gives the same target.
/// </summary>
/// <remarks>
/// <para>Accepted, besides ISO 8601 (<c>PT4H</c> elapsed, <c>P15D</c>/<c>P1M</c> a period):</para>
/// <list type="bullet">
/// <item>English: "within 2 hours", "30 minutes", "2 hours 30 minutes", "half an hour", "4 business hours",
/// "within 8 working hours", "within 2 working days", "2 business days", "by the end of the 2nd working day",
/// "3 calendar days", "7 natural days", "5 days" (calendar days), "within a period of 15 days", "half a month",
/// "12 months", "1 year 6 months", "2 weeks"; numbers as digits, or words from one to twelve, "a" and "an".</item>
/// <item>Chinese: 2小时内, 30分钟, 1小时30分钟, 半小时, 8个工作小时内, 2个工作日内, 第二个工作日内, 3个日历天,
/// 七个自然日, 5天 (calendar days), 15日 (a period of days), 半个月, 12个月, 3年, 2周, 7×24×4 (4 hours, counted on
/// a 7×24 clock); numbers as Arabic or Chinese numerals (二十四, 两).</item>
/// </list>
/// <para>"N days" without a qualifier means calendar days: Chinese commitments write 天 for natural days, and a
/// deadline "within 5 days" ends at 24:00 of the fifth day. A phrase the parser does not understand is a
/// <see cref="FormatException"/> that quotes it; it is never guessed. The class is thread-safe.</para>
/// </remarks>
public static class TargetPhrases
{
    private static readonly string[] EnglishNumbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    private static readonly string[] EnglishOrdinals = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

    private const string ChineseHolidaySuffix = "最后一日为非工作日的顺延至其后第一个工作日下班时";
    private const string EnglishHolidaySuffix = TargetDescription.HolidaySuffix;

    private static readonly Regex ChineseCutOff = new(@"^([0-9]{1,2}):([0-9]{2})以后报告的自下一个工作日起算$", RegexOptions.CultureInvariant);
    private static readonly Regex EnglishCutOff = new(@"^, counted from the next working day when reported at or after ([0-9]{1,2}):([0-9]{2})$", RegexOptions.CultureInvariant);
    private static readonly Regex SevenByTwentyFour = new(@"^7[×xX*＊]24[×xX*＊]([0-9]+)$", RegexOptions.CultureInvariant);
    private static readonly Regex EnglishAmount = new(
        @"^(?<n>[0-9]+|a|an|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?<unit>(?:working|business)\s+(?:hours?|minutes?|days?)|(?:calendar|natural)\s+days?|minutes?|mins?|hours?|hrs?|seconds?|secs?|days?|weeks?|months?|years?)\b\s*(?:,|and)?\s*",
        RegexOptions.CultureInvariant);
    private static readonly Regex EnglishOrdinal = new(
        @"^(?<n>[0-9]+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+(?<unit>(?:working|business)\s+day|(?:calendar\s+|natural\s+)?day)$",
        RegexOptions.CultureInvariant);

    /// <summary>Reads a target phrase in English or Chinese, or ISO 8601.</summary>
    /// <param name="text">The phrase, for example <c>within 2 working days</c> or <c>2个工作日内</c>.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The phrase is not understood; the message quotes it and says what is accepted.</exception>
    public static ServiceTarget Parse(string text)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        if (TryParse(text, out var target, out string? problem))
        {
            return target;
        }

        throw new FormatException($"The target \"{ProblemSink.Cut(text)}\" is not understood: {problem}.");
    }

    /// <summary>Reads a target phrase without throwing.</summary>
    /// <param name="text">The phrase.</param>
    /// <param name="target">The target, when understood.</param>
    /// <returns>Whether the phrase was understood.</returns>
    public static bool TryParse(string? text, out ServiceTarget target) => TryParse(text, out target, out _);

    /// <summary>Writes a target as a contract prints it: <c>within 2 working days</c>, <c>2个工作日内</c>.</summary>
    /// <param name="target">The target.</param>
    /// <param name="language">The language.</param>
    /// <returns>The phrase; <see cref="Parse"/> reads it back to the same target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    /// <exception cref="ArgumentException">
    /// No phrase reads back to the target: an amount in fractions of a second, or working time that is not a whole
    /// number of working minutes (contracts state neither; a document states them in ISO 8601).
    /// </exception>
    public static string Render(ServiceTarget target, Language language)
    {
        string phrase = language switch
        {
            Language.English => TargetDescription.English(target),
            Language.Chinese => RenderChinese(target),
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Expected English or Chinese."),
        };

        // The phrase must say exactly the target: one that reads back as another target is refused, never printed.
        if (!TryParse(phrase, out var back) || !back.Equals(target))
        {
            throw new ArgumentException(
                $"The target {target} has no {(language == Language.Chinese ? "Chinese" : "English")} phrase that reads back to it " +
                $"(\"{phrase}\" would read as {(TryParse(phrase, out var other) ? other.ToString() : "nothing")}); expected whole seconds, " +
                "and working time in whole working minutes.",
                nameof(target));
        }

        return phrase;
    }

    private static readonly string[] Elsewhere = ["市外", "其他地区", "其他区域", "其余地区", "其他", "elsewhere", "otherwise", "other regions"];

    /// <summary>
    /// Reads a target that differs by region, as commitments write it: <c>市内4小时,市外8小时</c>,
    /// <c>北京市2小时内 其他地区24小时内</c>, <c>Beijing within 2 hours, elsewhere within 24 hours</c>: parts separated by
    /// commas, semicolons or spaces, each a region followed by a target; 市外, 其他地区, elsewhere (and the like) name every
    /// other region and have no region (null). At least two parts.
    /// </summary>
    internal static bool TryParseRegional(string text, out List<(string? Region, ServiceTarget Target)> parts)
    {
        parts = [];
        foreach (string raw in Regex.Split(text.Trim(), @"[，,；;、]+|\s{2,}|(?<=[内时])\s+"))
        {
            string part = raw.Trim();
            if (part.Length == 0)
            {
                continue;
            }

            string? region = null;
            ServiceTarget target = default;
            bool found = false;
            for (int p = 1; p < part.Length && !found; p++)
            {
                if (TryParse(part[p..], out target, out _))
                {
                    region = part[..p].Trim().TrimEnd(':', '：').Trim();
                    found = region.Length > 0;
                }
            }

            if (!found)
            {
                return false;
            }

            parts.Add((Array.Exists(Elsewhere, e => string.Equals(e, region, StringComparison.OrdinalIgnoreCase)) ? null : region, target));
        }

        return parts.Count >= 2 && parts.Count(p => p.Region is null) <= 1;
    }

    internal static bool TryParse(string? text, out ServiceTarget target, out string? problem)
    {
        target = default;
        problem = null;
        if (text is null)
        {
            problem = "there is no phrase";
            return false;
        }

        string trimmed = text.Trim().TrimEnd('。', '.', '，', ',', '；', ';');
        if (trimmed.Length == 0)
        {
            problem = "the phrase is empty";
            return false;
        }

        if (trimmed[0] is 'P' or '-' && TryParseIso(trimmed, out target))
        {
            return true;
        }

        if (SevenByTwentyFour.Match(Regex.Replace(trimmed, @"\s+", "")) is { Success: true } round)
        {
            return TrySevenByTwentyFour(round, out target, out problem);
        }

        bool chinese = false;
        foreach (char c in trimmed)
        {
            chinese |= c >= '\u4e00' && c <= '\u9fff';
        }

        return chinese || trimmed.Contains('×', StringComparison.Ordinal)
            ? TryParseChinese(trimmed, out target, out problem)
            : TryParseEnglish(trimmed, out target, out problem);
    }

    /// <summary>An ISO 8601 duration (elapsed) or period; false for anything else, numbers too large for NodaTime included.</summary>
    private static bool TryParseIso(string text, out ServiceTarget target)
    {
        try
        {
            return TryParseIsoUnchecked(text, out target);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            // NodaTime 3.3 throws for a unit beyond its range (P99999999999D) and when a period's duration overflows
            // (PT99999999999H) instead of failing the parse.
            target = default;
            return false;
        }
    }

    private static bool TryParseIsoUnchecked(string text, out ServiceTarget target)
    {
        target = default;
        if (text.Contains('T', StringComparison.Ordinal))
        {
            var duration = PeriodPattern.NormalizingIso.Parse(text);
            if (!duration.Success || duration.Value.Years != 0 || duration.Value.Months != 0)
            {
                return false;
            }

            var d = duration.Value.ToDuration();
            if (d < Duration.Zero || d > Ticks.MaxDuration || Duration.FromTicks(d.BclCompatibleTicks) != d)
            {
                return false;
            }

            target = ServiceTarget.Elapsed(d);
            return true;
        }

        var period = PeriodPattern.NormalizingIso.Parse(text);
        if (!period.Success || period.Value.Years < 0 || period.Value.Months < 0 || period.Value.Days < 0 || period.Value.Weeks < 0 ||
            period.Value.Years > 10_000 || period.Value.Months > 120_000 || period.Value.Days > 3_652_500 || period.Value.Weeks > 520_000)
        {
            return false;
        }

        target = ServiceTarget.OfPeriod(period.Value);
        return true;
    }

    // ------------------------------------------------------------------ Chinese

    private static bool TryParseChinese(string text, out ServiceTarget target, out string? problem)
    {
        target = default;
        problem = null;
        var s = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                s.Append(c switch { '（' => '(', '）' => ')', '：' => ':', '，' => ',', _ => c });
            }
        }

        string body = s.ToString();
        var holiday = HolidayRule.None;
        LocalTime? cutOff = null;
        foreach (string clause in SplitClauses(ref body))
        {
            if (clause == ChineseHolidaySuffix)
            {
                holiday = HolidayRule.NextWorkingDay;
            }
            else if (ChineseCutOff.Match(clause) is { Success: true } m && TryTime(m, out var time))
            {
                cutOff = time;
            }
            else
            {
                problem = $"the clause \"{clause}\" is not understood; a target may end with ({ChineseHolidaySuffix}) or (16:00以后报告的自下一个工作日起算)";
                return false;
            }
        }

        if (SevenByTwentyFour.Match(body) is { Success: true } round)
        {
            if (!TrySevenByTwentyFour(round, out target, out problem))
            {
                return false;
            }
        }
        else if (body is "7×24" or "7x24" or "7X24" or "7*24")
        {
            problem = "7×24 names service hours (every hour of every day, holidays included), not a deadline: write it as a calendar's weekly hours (\"24x7\"), and the deadline as 7×24×4 or 4小时内";
            return false;
        }
        else if (!TryChineseAmount(body, out target, out problem))
        {
            return false;
        }

        return Finish(ref target, holiday, cutOff, ref problem);
    }

    /// <summary>Takes trailing "(...)" or ",..." clauses off <paramref name="body"/>.</summary>
    private static List<string> SplitClauses(ref string body)
    {
        var clauses = new List<string>();
        while (true)
        {
            if (body.EndsWith(')') && body.LastIndexOf('(') is int open and > 0)
            {
                clauses.Insert(0, body[(open + 1)..^1]);
                body = body[..open];
            }
            else if (body.LastIndexOf(',') is int comma and > 0)
            {
                clauses.Insert(0, body[(comma + 1)..]);
                body = body[..comma];
            }
            else
            {
                return clauses;
            }
        }
    }

    private static bool TryChineseAmount(string body, out ServiceTarget target, out string? problem)
    {
        target = default;
        problem = null;
        foreach (string prefix in new[] { "在", "于" })
        {
            if (body.StartsWith(prefix, StringComparison.Ordinal))
            {
                body = body[prefix.Length..];
            }
        }

        foreach (string suffix in new[] { "以内", "之内", "内" })
        {
            if (body.EndsWith(suffix, StringComparison.Ordinal))
            {
                body = body[..^suffix.Length];
                break;
            }
        }

        if (body == "立即")
        {
            target = ServiceTarget.Elapsed(Duration.Zero);
            return true;
        }

        switch (body)
        {
            case "半个月" or "半月":
                target = ServiceTarget.HalfMonth;
                return true;
            case "半小时" or "半个小时" or "半个钟头":
                target = ServiceTarget.Elapsed(Duration.FromMinutes(30));
                return true;
        }

        bool ordinal = body.StartsWith('第');
        if (ordinal)
        {
            body = body[1..];
        }

        string? kind = null;
        long ticks = 0;
        var period = Period.Zero;
        int at = 0;
        while (at < body.Length)
        {
            int read = ChineseNumbers.Read(body.AsSpan(at), out long n);
            if (read == 0)
            {
                problem = $"expected a number at \"{body[at..]}\" (Arabic or Chinese numerals)";
                return false;
            }

            at += read;
            if (at < body.Length && body[at] == '个')
            {
                at++;
            }

            var (unit, length) = ChineseUnit(body.AsSpan(at));
            if (unit is null)
            {
                problem = $"expected a unit after {n} (分钟, 小时, 工作小时, 工作日, 日历天, 自然日, 天, 日, 周, 月, 年), found \"{body[at..]}\"";
                return false;
            }

            at += length;
            string unitKind = UnitKind(unit);
            if (kind is not null && (kind != unitKind || unitKind is "workingDays" or "calendarDays"))
            {
                problem = $"\"{body}\" mixes units that count differently";
                return false;
            }

            kind = unitKind;
            if (!Accumulate(unit, n, ref ticks, ref period))
            {
                problem = $"{n} is too large";
                return false;
            }
        }

        if (kind is null)
        {
            problem = "expected an amount such as 2小时, 2个工作日 or 3个日历天";
            return false;
        }

        if (ordinal && kind is not ("workingDays" or "calendarDays"))
        {
            problem = "第N works with days (第二个工作日内, 第3天)";
            return false;
        }

        return Make(kind, ticks, period, out target, out problem);
    }

    private static (string? Unit, int Length) ChineseUnit(ReadOnlySpan<char> rest)
    {
        (string Text, string Unit)[] units =
        [
            ("工作小时", "workingHour"), ("工作分钟", "workingMinute"), ("工作日", "workingDay"), ("日历天", "calendarDay"), ("日历日", "calendarDay"),
            ("自然日", "calendarDay"), ("自然天", "calendarDay"), ("分钟", "minute"), ("小时", "hour"), ("钟头", "hour"), ("秒钟", "second"), ("秒", "second"),
            ("分", "minute"), ("天", "calendarDay"), ("日", "periodDay"), ("星期", "week"), ("礼拜", "week"), ("周", "week"), ("月", "month"), ("年", "year"),
        ];
        foreach (var (text, unit) in units)
        {
            if (rest.StartsWith(text, StringComparison.Ordinal))
            {
                return (unit, text.Length);
            }
        }

        return (null, 0);
    }

    private static string RenderChinese(ServiceTarget target)
    {
        string amount = target.Kind switch
        {
            TargetKind.Elapsed => target.Amount == Duration.Zero ? "立即" : ChineseDuration(target.Amount, "小时", "分钟", "秒") + "内",
            TargetKind.WorkingTime => target.Amount.BclCompatibleTicks % NodaConstants.TicksPerHour == 0
                ? $"{ChineseNumbers.Write(target.Amount.BclCompatibleTicks / NodaConstants.TicksPerHour)}个工作小时内"
                : $"{ChineseNumbers.Write((long)target.Amount.TotalMinutes)}个工作分钟内",
            TargetKind.WorkingDays => $"{ChineseNumbers.Write(target.Days)}个工作日内",
            TargetKind.CalendarDays => $"{ChineseNumbers.Write(target.Days)}个日历天内",
            _ => ChinesePeriod(target.Period!) + "内",
        };
        if (target.HolidayRule == HolidayRule.NextWorkingDay)
        {
            amount += $"({ChineseHolidaySuffix})";
        }

        if (target.CutOff is { } cutOff)
        {
            amount += $"({cutOff.ToString("HH:mm", CultureInfo.InvariantCulture)}以后报告的自下一个工作日起算)";
        }

        return amount;
    }

    internal static string ChineseDuration(Duration d, string hours, string minutes, string seconds)
    {
        var text = new StringBuilder();
        long totalHours = d.BclCompatibleTicks / NodaConstants.TicksPerHour;
        if (totalHours > 0)
        {
            text.Append(ChineseNumbers.Write(totalHours)).Append(hours);
        }

        if (d.Minutes > 0)
        {
            text.Append(ChineseNumbers.Write(d.Minutes)).Append(minutes);
        }

        if (d.Seconds > 0 || d.SubsecondTicks > 0)
        {
            text.Append(d.SubsecondTicks > 0 ? (d.Seconds + (d.SubsecondTicks / 1e7m)).ToString(CultureInfo.InvariantCulture) : ChineseNumbers.Write(d.Seconds)).Append(seconds);
        }

        return text.ToString();
    }

    private static string ChinesePeriod(Period p)
    {
        if (p.Equals(Period.FromDays(15)))
        {
            return "半个月";
        }

        var text = new StringBuilder();
        if (p.Years > 0)
        {
            text.Append(ChineseNumbers.Write(p.Years)).Append('年');
        }

        if (p.Months > 0)
        {
            text.Append(ChineseNumbers.Write(p.Months)).Append("个月");
        }

        if (p.Days > 0 || text.Length == 0)
        {
            text.Append(ChineseNumbers.Write(p.Days)).Append('日');
        }

        return text.ToString();
    }

    // ------------------------------------------------------------------ English

    private static bool TryParseEnglish(string text, out ServiceTarget target, out string? problem)
    {
        target = default;
        problem = null;
        string body = Regex.Replace(text.ToLowerInvariant(), @"\s+", " ");
        var holiday = HolidayRule.None;
        LocalTime? cutOff = null;
        int comma = body.IndexOf(", counted from", StringComparison.Ordinal);
        if (comma > 0)
        {
            if (EnglishCutOff.Match(body[comma..]) is { Success: true } m && TryTime(m, out var time))
            {
                cutOff = time;
                body = body[..comma];
            }
            else
            {
                problem = $"the clause \"{body[comma..]}\" is not understood; write \", counted from the next working day when reported at or after 16:00\"";
                return false;
            }
        }

        if (body.EndsWith(EnglishHolidaySuffix, StringComparison.Ordinal))
        {
            holiday = HolidayRule.NextWorkingDay;
            body = body[..^EnglishHolidaySuffix.Length];
        }

        foreach (string prefix in new[] { "within ", "in ", "by the end of the ", "before the end of the ", "by the end of ", "no later than " })
        {
            if (body.StartsWith(prefix, StringComparison.Ordinal))
            {
                body = body[prefix.Length..];
                break;
            }
        }

        switch (body)
        {
            case "half a month" or "half month" or "a half month":
                target = ServiceTarget.HalfMonth;
                return Finish(ref target, holiday, cutOff, ref problem);
            case "half an hour" or "half hour":
                target = ServiceTarget.Elapsed(Duration.FromMinutes(30));
                return Finish(ref target, holiday, cutOff, ref problem);
            case "no time" or "immediately":
                target = ServiceTarget.Elapsed(Duration.Zero);
                return Finish(ref target, holiday, cutOff, ref problem);
        }

        if (EnglishOrdinal.Match(body) is { Success: true } ordinal)
        {
            string n = ordinal.Groups["n"].Value;
            int days = 0;
            if (char.IsAsciiDigit(n[0]) ? !int.TryParse(n[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out days) || days > 1_000_000 : (days = Array.IndexOf(EnglishOrdinals, n)) < 0)
            {
                problem = $"{n} is too large: at most 1,000,000 days";
                return false;
            }

            target = ordinal.Groups["unit"].Value.Contains("working", StringComparison.Ordinal) || ordinal.Groups["unit"].Value.Contains("business", StringComparison.Ordinal)
                ? ServiceTarget.WorkingDays(days)
                : ServiceTarget.CalendarDays(days);
            return Finish(ref target, holiday, cutOff, ref problem);
        }

        bool periodOfDays = body.StartsWith("a period of ", StringComparison.Ordinal);
        if (periodOfDays)
        {
            body = body["a period of ".Length..];
        }

        string? kind = null;
        long ticks = 0;
        var period = Period.Zero;
        int at = 0;
        while (at < body.Length)
        {
            var m = EnglishAmount.Match(body, at, body.Length - at);
            if (!m.Success || m.Index != at)
            {
                problem = $"expected an amount such as \"2 hours\", \"2 working days\" or \"3 calendar days\" at \"{body[at..]}\"";
                return false;
            }

            string n = m.Groups["n"].Value;
            long number = 0;
            if (char.IsAsciiDigit(n[0]) && !long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                problem = $"{n} is too large";
                return false;
            }

            number = char.IsAsciiDigit(n[0]) ? number : n is "a" or "an" ? 1 : Array.IndexOf(EnglishNumbers, n);
            string unit = EnglishUnit(m.Groups["unit"].Value, periodOfDays || kind == "period");
            string unitKind = UnitKind(unit);
            if (kind is not null && (kind != unitKind || unitKind is "workingDays" or "calendarDays"))
            {
                problem = $"\"{body}\" mixes units that count differently";
                return false;
            }

            kind = unitKind;
            if (!Accumulate(unit, number, ref ticks, ref period))
            {
                problem = $"{number} is too large";
                return false;
            }

            at += m.Length;
        }

        if (kind is null || (periodOfDays && kind != "period"))
        {
            problem = "expected an amount such as \"within 2 hours\", \"2 working days\", \"3 calendar days\" or \"half a month\"";
            return false;
        }

        return Make(kind, ticks, period, out target, out problem) && Finish(ref target, holiday, cutOff, ref problem);
    }

    private static string EnglishUnit(string unit, bool periodOfDays)
    {
        unit = unit.TrimEnd('s');
        return unit switch
        {
            "working hour" or "business hour" => "workingHour",
            "working minute" or "business minute" => "workingMinute",
            "working day" or "business day" => "workingDay",
            "calendar day" or "natural day" => "calendarDay",
            "minute" or "min" => "minute",
            "hour" or "hr" => "hour",
            "second" or "sec" => "second",
            "day" => periodOfDays ? "periodDay" : "calendarDay",
            "week" => "week",
            "month" => "month",
            _ => "year",
        };
    }

    // ------------------------------------------------------------------ shared

    private static string UnitKind(string unit) => unit switch
    {
        "minute" or "hour" or "second" => "elapsed",
        "workingHour" or "workingMinute" => "workingTime",
        "workingDay" => "workingDays",
        "calendarDay" => "calendarDays",
        _ => "period",
    };

    private static bool Accumulate(string unit, long n, ref long ticks, ref Period period)
    {
        const long Max = 3_652_500L * NodaConstants.TicksPerDay;
        try
        {
            switch (unit)
            {
                case "second":
                    ticks = checked(ticks + (n * NodaConstants.TicksPerSecond));
                    break;
                case "minute" or "workingMinute":
                    ticks = checked(ticks + (n * NodaConstants.TicksPerMinute));
                    break;
                case "hour" or "workingHour":
                    ticks = checked(ticks + (n * NodaConstants.TicksPerHour));
                    break;
                case "workingDay" or "calendarDay":
                    ticks = n > 1_000_000 ? throw new OverflowException() : n;
                    break;
                case "periodDay":
                    period = n > 3_652_500 ? throw new OverflowException() : period + Period.FromDays((int)n);
                    break;
                case "week":
                    period = n > 520_000 ? throw new OverflowException() : period + Period.FromWeeks((int)n);
                    break;
                case "month":
                    period = n > 120_000 ? throw new OverflowException() : period + Period.FromMonths((int)n);
                    break;
                default:
                    period = n > 10_000 ? throw new OverflowException() : period + Period.FromYears((int)n);
                    break;
            }

            return ticks <= Max;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool Make(string kind, long ticks, Period period, out ServiceTarget target, out string? problem)
    {
        problem = null;
        target = kind switch
        {
            "elapsed" => ServiceTarget.Elapsed(Duration.FromTicks(ticks)),
            "workingTime" => ServiceTarget.WorkingTime(Duration.FromTicks(ticks)),
            "workingDays" => ServiceTarget.WorkingDays((int)ticks),
            "calendarDays" => ServiceTarget.CalendarDays((int)ticks),
            _ => ServiceTarget.OfPeriod(period),
        };
        return true;
    }

    private static bool Finish(ref ServiceTarget target, HolidayRule holiday, LocalTime? cutOff, ref string? problem)
    {
        if (holiday == HolidayRule.NextWorkingDay)
        {
            if (target.Kind is not (TargetKind.CalendarDays or TargetKind.Period))
            {
                problem = "the rule for a last day that is not a working day applies to calendar days and periods";
                return false;
            }

            target = target.WithHolidayRule(HolidayRule.NextWorkingDay);
        }

        if (cutOff is { } time)
        {
            target = target.WithCutOff(time);
        }

        return true;
    }

    /// <summary>7×24×N: N hours elapsed on a 7×24 clock; a problem when N hours is beyond any target.</summary>
    private static bool TrySevenByTwentyFour(Match round, out ServiceTarget target, out string? problem)
    {
        const long MaxHours = 3_652_500L * 24;
        target = default;
        problem = null;
        if (!long.TryParse(round.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long hours) || hours > MaxHours)
        {
            problem = $"7×24×{round.Groups[1].Value} is too large: at most {MaxHours.ToString(CultureInfo.InvariantCulture)} hours";
            return false;
        }

        target = ServiceTarget.Elapsed(Duration.FromHours(hours));
        return true;
    }

    private static bool TryTime(Match m, out LocalTime time)
    {
        int hour = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        int minute = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        bool ok = hour < 24 && minute < 60;
        time = ok ? new LocalTime(hour, minute) : default;
        return ok;
    }
}
