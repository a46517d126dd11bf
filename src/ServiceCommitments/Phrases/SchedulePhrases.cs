using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Inspections;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Phrases;

/// <summary>
/// Renders an inspection schedule as the sentences a contract prints, in Chinese or English, and reads such sentences
/// back, so that the people who wrote the bid can check what the software enforces. Parsing the rendered text gives
/// the same schedule.
/// </summary>
/// <remarks>
/// <para>The text is clauses separated by semicolons. The first names the anchor, the bounds and the visits:
/// <c>自验收之日起3年内,前3个月每月巡检一次,此后每季度一次</c>, <c>From acceptance, for 3 years: monthly for the first
/// 3 months, then quarterly</c>; quotas follow there too (<c>前3个月每月至少巡检1次</c>, <c>at least 1 visit per month in
/// the first 3 months</c>). Then, each when the schedule has it: the highest occurrence number, the month-end rule,
/// the alignment with the calendar, the on-time rule, the shift factors, the notice and one clause per follow-up duty.
/// docs/inspections.md ("The schedule as sentences") gives examples.</para>
/// <para><b>Words.</b> <c>每月</c>, <c>每季度</c>, <c>每年</c> (monthly, quarterly, yearly) are counted from the anchor
/// (contract months, quarters and years); <c>每自然季度</c> (every calendar quarter) is one visit per calendar period.
/// In quotas, <c>每月</c> (per month) is a contract month and <c>每自然月</c> (per calendar month) a calendar one.</para>
/// <para>What a sentence does not carry: the calendars themselves. A sentence names a calendar (<c>(按“office”日历)</c>,
/// <c>, on the "office" calendar</c>) by the name a document gave it, or <c>calendar1</c>, <c>calendar2</c>, ... as
/// <c>ScheduleDocument.Write</c> names calendars given in code; <see cref="Parse"/> takes the calendars to
/// resolve the names, and uses the only calendar given when a sentence needs one and names none. The class is
/// thread-safe.</para>
/// </remarks>
public static class SchedulePhrases
{
    private const string ZhVisit = "巡检";
    private const string ZhAnchorVisit = "当日首次巡检";
    private const string EnAnchorVisit = "a first visit on the day itself";
    private const string ZhTenPercent = "按时标准采用间隔10%规则:应巡检日前后各间隔的10%内巡检为按时";
    private const string EnTenPercent = "on time by the ten-percent rule: a visit up to 10 % of the interval either side of the due date";
    private const string ZhSmrp = "按时标准采用SMRP宽限期:应巡检日后间隔的20%且不超过28日内巡检为按时";
    private const string EnSmrp = "on time by the SMRP grace period: a visit up to 20 % of the interval (at most 28 days) after the due date";
    private const string ZhFloating = "提前或逾期巡检的,其后巡检日自实际巡检日起重新计算";
    private const string EnFloating = "an early or late visit restarts the count of later visits from its date";
    private const string ZhMonthEnd = "按月计算的巡检日在当月不存在的,";
    private const string EnMonthEnd = "a visit date counted in months that does not exist in its month ";
    private const string EnNotWorkingDay = "a visit date that is not a working day ";

    private static readonly string[] ZhVerbs = ["巡检", "回访", "走访", "拜访", "检查", "培训", "维护", "保养", "服务", "进行巡检", "进行回访", "进行培训", "上门巡检", "现场巡检", "电话回访"];

    private static readonly string[] ZhHoliday = ["节假日", "非工作日", "法定节假日", "休息日", "周末或节假日", "节假日或周末", "双休日或节假日", "节假日或双休日"];

    /// <summary>How contracts name common anchor events in Chinese: the word written first, then the other words read.</summary>
    private static readonly (string Event, string[] Words)[] ChineseEvents =
    [
        ("acceptance", ["验收", "验收合格", "竣工验收", "终验", "最终验收"]),
        ("commissioning", ["调试完成", "安装调试完成", "调试合格", "安装调试合格", "调试"]),
        ("warrantyStart", ["质保期开始", "质保开始", "保修期开始"]),
        ("delivery", ["交付", "到货", "交货"]),
        ("installation", ["安装完成", "安装"]),
    ];

    /// <summary>Follow-up duties with words of their own; any other is "完成{name}", "complete {name}".</summary>
    private static readonly (string Name, string[] Chinese, string English)[] Duties =
    [
        ("signedReport", ["提交客户签字的巡检报告", "提交经客户签字的巡检报告", "提交客户签字的报告"], "file the report signed by the customer"),
        ("report", ["提交巡检报告", "提交报告"], "submit the inspection report"),
    ];

    // ------------------------------------------------------------------ the public surface

    /// <summary>Renders a schedule as the sentences a contract prints: every option it has, so that <see cref="Parse"/> reads back the same schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="language">The language.</param>
    /// <returns>
    /// The clauses, separated by semicolons, for example
    /// <c>自验收之日起1年内,前3个月每月巡检一次,此后每季度一次;巡检日遇节假日顺延至下一个工作日(按“office”日历);每次巡检后5个工作日内提交客户签字的巡检报告</c> or
    /// <c>From acceptance, for 1 year: monthly for the first 3 months, then quarterly; a visit date that is not a working day moves to the next working day, on the "office" calendar; ...</c>.
    /// Calendars are named as <c>ScheduleDocument.Write</c> names them.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A part of the schedule cannot be said in a sentence: an alignment period with a move other than
    /// <see cref="AlignMove.NearestWorkingDayInPeriod"/> (it changes nothing, so no sentence states it), or a name (anchor event,
    /// follow-up duty, on-time rule) with a line break or a control character. The message names the part and why.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    public static string Render(InspectionSchedule schedule, Language language)
    {
        Preconditions.CheckNotNull(schedule, nameof(schedule));
        if (language is not (Language.English or Language.Chinese))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "Expected English or Chinese.");
        }

        CheckExpressible(schedule);
        bool zh = language == Language.Chinese;
        var naming = new CalendarNames(ScheduleCalendars.Of(schedule));
        var clauses = new List<string> { zh ? ChineseHeader(schedule) : EnglishHeader(schedule) };
        if (schedule.Count is { } count)
        {
            clauses.Add(zh ? $"至第{N(count)}次巡检止" : $"ending with visit {N(count)}");
        }

        if (schedule.MonthEnd != MonthEndRule.Clamp)
        {
            clauses.Add(schedule.MonthEnd == MonthEndRule.Skip
                ? zh ? ZhMonthEnd + "当月不巡检" : EnMonthEnd + "is skipped"
                : zh ? ZhMonthEnd + "改在下月1日巡检" : EnMonthEnd + "moves to the 1st of the next month");
        }

        if (schedule.Alignment.Calendar is { } calendar)
        {
            string name = naming.NameOf(calendar);
            clauses.Add(zh ? ChineseAlignment(schedule.Alignment) + ChineseCalendar(name) : EnglishAlignment(schedule.Alignment) + EnglishCalendar(name));
        }

        if (schedule.OnTimeRule != OnTimeRule.Exact)
        {
            clauses.Add(zh ? ChineseOnTime(schedule.OnTimeRule) : EnglishOnTime(schedule.OnTimeRule));
        }

        if (!schedule.ShiftFactors.IsFixed)
        {
            var shift = schedule.ShiftFactors;
            clauses.Add(shift == ShiftFactors.Floating
                ? zh ? ZhFloating : EnFloating
                : zh ? $"提前巡检的,其后巡检日顺移偏差的{PhraseText.Percent(shift.Early)}%,逾期巡检的顺移偏差的{PhraseText.Percent(shift.Late)}%"
                     : $"an early visit moves later visits by {PhraseText.Percent(shift.Early)} % of its deviation, a late visit by {PhraseText.Percent(shift.Late)} %");
        }

        if (schedule.Notice is { } notice)
        {
            clauses.Add(zh
                ? $"每次巡检前{N(notice.Days)}{(notice.IsWorkingDays ? "个工作日" : "日")}通知客户"
                : $"the customer is notified {PhraseText.Plural(notice.Days, notice.IsWorkingDays ? "working day" : "day")} before each visit");
        }

        foreach (var duty in schedule.FollowUps)
        {
            string? own = duty.Calendar is { } c ? naming.NameOf(c) : null;
            var words = Array.Find(Duties, d => d.Name == duty.Name);
            string target = TargetPhrases.Render(duty.Within, language);
            clauses.Add(zh
                ? $"每次巡检后{target}{(words.Name is null ? "完成" + PhraseText.Name(duty.Name, language) : words.Chinese[0])}{(own is null ? "" : ChineseCalendar(own))}"
                : $"after each visit, {(words.Name is null ? "complete " + PhraseText.Name(duty.Name, language) : words.English)} {target}{(own is null ? "" : EnglishCalendar(own))}");
        }

        return string.Join(zh ? ";" : "; ", clauses);
    }

    /// <summary>
    /// Reads the sentences <see cref="Render"/> writes, in either language (even mixed, clause by clause), and the
    /// common ways a bid says the same: <c>每季度巡检一次</c>, <c>每半年一次</c>, <c>前三个月每月一次</c>,
    /// <c>巡检日遇节假日顺延</c>, <c>提前3天书面通知客户</c>, <c>quarterly</c>, <c>monthly in the first three months</c>.
    /// </summary>
    /// <param name="text">The clauses, separated by semicolons (<c>;</c>, <c>；</c>), line breaks or full stops; the first names the anchor (<c>自验收之日起</c>, <c>From acceptance:</c>).</param>
    /// <param name="calendars">The calendars the sentences name (<c>(按“office”日历)</c>); a clause that needs a calendar and names none uses the only one given. Null for none.</param>
    /// <returns>The schedule; the calendars keep the names the sentences gave them, so <c>ScheduleDocument.Write</c> writes them under those names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">
    /// A clause is not understood, names a calendar not given, says a thing twice, or the clauses make a schedule that
    /// breaks a rule of <see cref="InspectionScheduleBuilder"/>; the message quotes the clause (or the text).
    /// </exception>
    public static InspectionSchedule Parse(string text, IReadOnlyDictionary<string, BusinessCalendar>? calendars = null)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        var clauses = PhraseText.SplitTop(text, ";", "；", "\n", "。", ". ").Select(c => c.Trim()).Where(c => c.Length > 0 && c != "." && c != "。").ToList();
        if (clauses.Count == 0)
        {
            throw PhraseText.Fail(text, "there are no sentences");
        }

        var state = new ParseState(calendars);
        for (int i = 0; i < clauses.Count; i++)
        {
            string original = clauses[i];
            bool zh = PhraseText.IsChinese(original);
            string clause = zh ? PhraseText.NormaliseChinese(original) : EnglishClause(original);
            try
            {
                if (i == 0)
                {
                    if (zh)
                    {
                        ReadChineseHeader(clause, state);
                    }
                    else
                    {
                        ReadEnglishHeader(clause, state);
                    }
                }
                else if (!(zh ? ReadChineseClause(clause, state) : ReadEnglishClause(clause, state)))
                {
                    throw PhraseText.Fail(original, zh
                        ? "expected a clause on the count (至第12次巡检止), month ends, holidays (巡检日遇节假日顺延至下一个工作日), the on-time rule, shifts, notice (每次巡检前3个工作日通知客户) or a follow-up duty (每次巡检后5个工作日内提交巡检报告)"
                        : "expected a clause on the count (ending with visit 12), month ends, holidays (a visit date that is not a working day moves to the next working day), the on-time rule, shifts, notice (the customer is notified 3 working days before each visit) or a follow-up duty (after each visit, submit the inspection report within 5 working days)");
                }
            }
            catch (FormatException e) when (!e.Message.StartsWith("The sentence \"", StringComparison.Ordinal))
            {
                throw PhraseText.Fail(original, e.Message);
            }
            catch (ClauseException e)
            {
                throw PhraseText.Fail(original, e.Message);
            }
        }

        return state.Build(text);
    }

    // ------------------------------------------------------------------ render

    private static void CheckExpressible(InspectionSchedule schedule)
    {
        if (schedule.Alignment.Period != PeriodGrid.CalendarMonths && schedule.Alignment.Move != AlignMove.NearestWorkingDayInPeriod)
        {
            Preconditions.ThrowArgument(nameof(schedule), $"The alignment's period ({schedule.Alignment.Period}) is used only by the move nearestWorkingDayInPeriod, and the move is {schedule.Alignment.Move}: no sentence states a period that changes nothing, so the schedule cannot be rendered. Leave the period out.");
        }

        CheckName(schedule.AnchorEvent, "The anchor event");
        foreach (var duty in schedule.FollowUps)
        {
            CheckName(duty.Name, "A follow-up duty's name");
        }

        if (schedule.OnTimeRule.Name is { } ruleName)
        {
            CheckName(ruleName, "The on-time rule's name");
        }

        static void CheckName(string name, string what)
        {
            if (name.Any(char.IsControl))
            {
                Preconditions.ThrowArgument("schedule", $"{what} \"{ProblemSink.Cut(name)}\" has a line break or control character, which a sentence cannot hold.");
            }
        }
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string ChineseHeader(InspectionSchedule s)
    {
        string head = "自" + ChineseEvent(s.AnchorEvent) + "之日起";
        if (s.Until is { } until)
        {
            head += PhraseText.Period(until, Language.Chinese) + "内";
        }
        else if (s.UntilDate is { } date)
        {
            head += $"至{N(date.Year)}年{N(date.Month)}月{N(date.Day)}日止";
        }

        var items = new List<string>();
        if (s.IncludesAnchor)
        {
            items.Add(ZhAnchorVisit);
        }

        for (int i = 0; i < s.Phases.Count; i++)
        {
            var phase = s.Phases[i];
            string step = ChineseStep(phase.Step);
            string length = phase.Length is { } l ? PhraseText.Period(l, Language.Chinese) : "";
            items.Add(i == 0
                ? (phase.Length is null ? "" : "前" + length) + step + ZhVisit + "一次"
                : (phase.Length is null ? "此后" : "其后" + length) + step + "一次");
        }

        if (s.Once is { } once)
        {
            items.Add(once.Equals(Period.Zero) ? "仅在当日巡检一次" : $"仅在{PhraseText.Period(once, Language.Chinese)}后巡检一次");
        }

        foreach (var quota in s.Quotas)
        {
            string range = (quota.From.Equals(Period.Zero), quota.For) switch
            {
                (true, null) => "",
                (true, { } f) => "前" + PhraseText.Period(f, Language.Chinese),
                (false, null) => PhraseText.Period(quota.From, Language.Chinese) + "后",
                (false, { } f) => PhraseText.Period(quota.From, Language.Chinese) + "后的" + PhraseText.Period(f, Language.Chinese) + "内",
            };
            items.Add($"{range}每{ChineseGrid(quota.Per)}至少巡检{N(quota.AtLeast)}次");
        }

        return head + "," + string.Join(",", items);
    }

    private static string EnglishHeader(InspectionSchedule s)
    {
        string head = "From " + PhraseText.Name(s.AnchorEvent, Language.English);
        if (s.Until is { } until)
        {
            head += ", for " + PhraseText.Period(until, Language.English);
        }
        else if (s.UntilDate is { } date)
        {
            head += ", until " + date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        }

        var items = new List<string>();
        if (s.IncludesAnchor)
        {
            items.Add(EnAnchorVisit);
        }

        for (int i = 0; i < s.Phases.Count; i++)
        {
            var phase = s.Phases[i];
            string step = EnglishStep(phase.Step);
            string length = phase.Length is { } l ? PhraseText.Period(l, Language.English) : "";
            items.Add(i == 0
                ? step + (phase.Length is null ? "" : " for the first " + length)
                : "then " + step + (phase.Length is null ? "" : " for " + length));
        }

        if (s.Once is { } once)
        {
            items.Add(once.Equals(Period.Zero) ? "a single visit on the day itself" : $"a single visit {PhraseText.Period(once, Language.English)} after");
        }

        foreach (var quota in s.Quotas)
        {
            string range = (quota.From.Equals(Period.Zero), quota.For) switch
            {
                (true, null) => "",
                (true, { } f) => " in the first " + PhraseText.Period(f, Language.English),
                (false, null) => " after the first " + PhraseText.Period(quota.From, Language.English),
                (false, { } f) => $" in the {PhraseText.Period(f, Language.English)} after the first {PhraseText.Period(quota.From, Language.English)}",
            };
            items.Add($"at least {PhraseText.Plural(quota.AtLeast, "visit")} per {EnglishGrid(quota.Per)}{range}");
        }

        return head + ": " + string.Join(", ", items);
    }

    private static string ChineseEvent(string name) =>
        Array.Find(ChineseEvents, e => e.Event == name) is { Words: { } words } ? words[0] : PhraseText.Name(name, Language.Chinese);

    private static string ChineseStep(ScheduleStep step)
    {
        if (step.IsCalendarPeriod)
        {
            return "每自然" + ChineseCalendarUnit(step.CalendarPeriodMonths);
        }

        if (step.MonthCount > 0)
        {
            return "每" + ChineseMonths(step.MonthCount);
        }

        return "每" + ChineseDays(step.DayCount);
    }

    private static string ChineseCalendarUnit(int months) => months switch { 1 => "月", 3 => "季度", 6 => "半年", _ => "年" };

    private static string ChineseMonths(int m) => m switch
    {
        1 => "月",
        3 => "季度",
        6 => "半年",
        12 => "年",
        _ when m % 12 == 0 => N(m / 12) + "年",
        _ => N(m) + "个月",
    };

    private static string ChineseDays(int d) => d switch
    {
        1 => "日",
        7 => "周",
        _ when d % 7 == 0 => N(d / 7) + "周",
        _ => N(d) + "日",
    };

    private static string ChineseGrid(PeriodGrid grid)
    {
        if (!grid.IsContract)
        {
            return "自然" + ChineseCalendarUnit((int)grid.Length.Months);
        }

        var length = grid.Length;
        return length.Months > 0 ? ChineseMonths(length.Months) : ChineseDays(length.Days);
    }

    private static string EnglishStep(ScheduleStep step)
    {
        if (step.IsCalendarPeriod)
        {
            return "every calendar " + EnglishCalendarUnit(step.CalendarPeriodMonths);
        }

        int m = step.MonthCount, d = step.DayCount;
        return m switch
        {
            1 => "monthly",
            3 => "quarterly",
            12 => "yearly",
            > 0 when m % 12 == 0 => $"every {N(m / 12)} years",
            > 0 => $"every {N(m)} months",
            _ => d switch
            {
                1 => "daily",
                7 => "weekly",
                _ when d % 7 == 0 => $"every {N(d / 7)} weeks",
                _ => $"every {N(d)} days",
            },
        };
    }

    private static string EnglishCalendarUnit(int months) => months switch { 1 => "month", 3 => "quarter", 6 => "half-year", _ => "year" };

    private static string EnglishGrid(PeriodGrid grid)
    {
        if (!grid.IsContract)
        {
            return "calendar " + EnglishCalendarUnit((int)grid.Length.Months);
        }

        var length = grid.Length;
        return length.Months switch
        {
            1 => "month",
            3 => "quarter",
            12 => "year",
            _ => "period of " + PhraseText.Period(length.Months > 0 ? Period.FromMonths(length.Months) : Period.FromDays(length.Days), Language.English),
        };
    }

    private static string ChineseCalendar(string name) => $"(按{PhraseText.Quote(name, Language.Chinese)}日历)";

    private static string EnglishCalendar(string name) => $", on the {PhraseText.Quote(name, Language.English)} calendar";

    private static string ChineseAlignment(ScheduleAlignment a) => a.Move switch
    {
        AlignMove.NextWorkingDay => "巡检日遇节假日顺延至下一个工作日",
        AlignMove.PreviousWorkingDay => "巡检日遇节假日提前至上一个工作日",
        AlignMove.NearestWorkingDay => "巡检日遇节假日调整至最近的工作日,距离相同的提前",
        AlignMove.NearestWorkingDayInPeriod => $"巡检日遇节假日调整至同一{ChineseGrid(a.Period)}内最近的工作日,距离相同的提前,期内无工作日的不巡检",
        AlignMove.Skip => "巡检日遇节假日不巡检",
        _ => "工作日",
    };

    private static string EnglishAlignment(ScheduleAlignment a) => a.Move switch
    {
        AlignMove.NextWorkingDay => EnNotWorkingDay + "moves to the next working day",
        AlignMove.PreviousWorkingDay => EnNotWorkingDay + "moves to the previous working day",
        AlignMove.NearestWorkingDay => EnNotWorkingDay + "moves to the nearest working day, the earlier one on a tie",
        AlignMove.NearestWorkingDayInPeriod => EnNotWorkingDay + $"moves to the nearest working day in the same {EnglishGrid(a.Period)}, the earlier one on a tie, and is skipped when there is none",
        AlignMove.Skip => EnNotWorkingDay + "is skipped",
        _ => "working days",
    };

    private static string ChineseAllowance(Allowance a) => a.Kind switch
    {
        AllowanceKind.CalendarDays => N(a.Days) + "日",
        AllowanceKind.WorkingDays => N(a.Days) + "个工作日",
        _ => $"间隔的{PhraseText.Percent(a.Share)}%" + (a.Days > 0 ? $"且不超过{N(a.Days)}日" : ""),
    };

    private static string EnglishAllowance(Allowance a) => a.Kind switch
    {
        AllowanceKind.CalendarDays => PhraseText.Plural(a.Days, "day"),
        AllowanceKind.WorkingDays => PhraseText.Plural(a.Days, "working day"),
        _ => $"{PhraseText.Percent(a.Share)} % of the interval" + (a.Days > 0 ? $" (at most {PhraseText.Plural(a.Days, "day")})" : ""),
    };

    private static bool Symmetric(OnTimeRule rule) =>
        rule.Early == rule.Late && rule.Early.Kind is AllowanceKind.CalendarDays or AllowanceKind.WorkingDays or AllowanceKind.ShareOfInterval;

    private static string ChineseOnTime(OnTimeRule rule)
    {
        if (rule == OnTimeRule.TenPercentOfInterval)
        {
            return ZhTenPercent;
        }

        if (rule == OnTimeRule.SmrpGrace)
        {
            return ZhSmrp;
        }

        string text;
        if (rule.Early.Kind == AllowanceKind.None && rule.Late.Kind == AllowanceKind.None)
        {
            text = "仅在应巡检日当日巡检为按时";
        }
        else if (Symmetric(rule))
        {
            text = $"应巡检日前后各{ChineseAllowance(rule.Early)}内巡检为按时";
        }
        else
        {
            string early = rule.Early.Kind switch
            {
                AllowanceKind.None => "应巡检日",
                AllowanceKind.WholeCycle => "本周期开始",
                _ => "应巡检日前" + ChineseAllowance(rule.Early),
            };
            string late = rule.Late.Kind == AllowanceKind.None ? "应巡检日" : "应巡检日后" + ChineseAllowance(rule.Late);
            text = $"自{early}至{late}巡检为按时";
        }

        return rule.Name is { } name ? $"{text}(规则名称{PhraseText.Quote(name, Language.Chinese)})" : text;
    }

    private static string EnglishOnTime(OnTimeRule rule)
    {
        if (rule == OnTimeRule.TenPercentOfInterval)
        {
            return EnTenPercent;
        }

        if (rule == OnTimeRule.SmrpGrace)
        {
            return EnSmrp;
        }

        string text;
        if (rule.Early.Kind == AllowanceKind.None && rule.Late.Kind == AllowanceKind.None)
        {
            text = "only a visit on the due date is on time";
        }
        else if (Symmetric(rule))
        {
            text = $"a visit up to {EnglishAllowance(rule.Early)} either side of the due date is on time";
        }
        else
        {
            string early = rule.Early.Kind switch
            {
                AllowanceKind.None => "the due date",
                AllowanceKind.WholeCycle => "the start of its cycle",
                _ => EnglishAllowance(rule.Early) + " before the due date",
            };
            string late = rule.Late.Kind == AllowanceKind.None ? "the due date" : EnglishAllowance(rule.Late) + " after the due date";
            text = $"a visit from {early} to {late} is on time";
        }

        return rule.Name is { } name ? $"{text} (rule {PhraseText.Quote(name, Language.English)})" : text;
    }

    // ------------------------------------------------------------------ parse: the state

    /// <summary>A problem in one clause; the caller quotes the clause.</summary>
    private sealed class ClauseException(string message) : Exception(message);

    private sealed class ParseState(IReadOnlyDictionary<string, BusinessCalendar>? calendars)
    {
        private readonly HashSet<string> said = [];

        internal IReadOnlyDictionary<string, BusinessCalendar>? Calendars { get; } = calendars;

        internal InspectionScheduleBuilder? Builder { get; set; }

        internal List<(ScheduleStep Step, Period? Length)> Phases { get; } = [];

        internal bool NeedsAlignCalendar { get; set; }

        internal bool Aligned { get; set; }

        internal InspectionScheduleBuilder B => Builder!;

        /// <summary>Marks a part as said, and fails when it was said before.</summary>
        internal void Once(string part)
        {
            if (!said.Add(part))
            {
                throw new ClauseException($"the {part} was already given by another clause");
            }
        }

        internal (BusinessCalendar Calendar, string Name) Calendar(string? named)
        {
            if (named is not null)
            {
                return Calendars is not null && Calendars.TryGetValue(named, out var found)
                    ? (found, named)
                    : throw new ClauseException(PhraseText.CalendarNotGiven(named, Calendars));
            }

            return Calendars is { Count: 1 }
                ? (Calendars.Values.First(), Calendars.Keys.First())
                : throw new ClauseException($"the clause needs a business calendar and names none; name it (按“office”日历, on the \"office\" calendar), or give exactly one calendar (given: {PhraseText.GivenCalendars(Calendars)})");
        }

        internal InspectionSchedule Build(string text)
        {
            var builder = B;
            foreach (var (step, length) in Phases)
            {
                builder.AddPhase(step, length);
            }

            if (!Aligned && NeedsAlignCalendar && Calendars is { Count: 1 })
            {
                var (calendar, name) = Calendar(null);
                builder.AlignTo(calendar, AlignMove.None, null, name);
            }

            var sink = new ProblemSink();
            return builder.TryBuild(sink) ?? throw new FormatException(
                $"The sentences \"{ProblemSink.Cut(text.Trim())}\" do not make a valid inspection schedule: {string.Join("; ", sink.Problems.Select(p => p.ToString()))}.");
        }
    }

    private static string EnglishClause(string text)
    {
        string t = text.Trim().TrimEnd('.').TrimEnd();
        return t.Length > 0 && char.IsAsciiLetterUpper(t[0]) ? char.ToLowerInvariant(t[0]) + t[1..] : t;
    }

    private static ClauseException Expected(string what) => new("expected " + what);

    // ------------------------------------------------------------------ parse: Chinese

    private static void ReadChineseHeader(string clause, ParseState state)
    {
        var c = new PhraseCursor(clause);
        c.Eat("自");
        string anchor = ChineseAnchor(c);
        if (c.EatAny("之日起", "日起", "起", "后") < 0)
        {
            throw Expected("the anchor first: 自验收之日起, ...");
        }

        state.Builder = new InspectionScheduleBuilder(anchor);
        if (c.Eat("至"))
        {
            state.B.UntilDate(ChineseDate(c));
            if (!c.Eat("止"))
            {
                throw Expected("至2025年12月31日止");
            }
        }
        else
        {
            int at = c.Position;
            c.Eat("的");
            if (c.Period(Language.Chinese, out var until) && c.Eat("内"))
            {
                state.B.Until(until);
            }
            else
            {
                c.Position = at;
            }
        }

        if (!c.Eat(","))
        {
            if (!c.AtEnd)
            {
                throw Expected($"a comma after the anchor and its bounds, before \"{c.Rest}\"");
            }

            throw Expected("the visits after the anchor: 自验收之日起,每季度巡检一次");
        }

        foreach (string item in PhraseText.SplitTop(c.Rest, ","))
        {
            ReadChineseItem(item, state);
        }
    }

    private static string ChineseAnchor(PhraseCursor c)
    {
        int best = -1, length = 0;
        for (int e = 0; e < ChineseEvents.Length; e++)
        {
            foreach (string word in ChineseEvents[e].Words)
            {
                if (c.Peek(word) && word.Length > length)
                {
                    best = e;
                    length = word.Length;
                }
            }
        }

        if (best >= 0)
        {
            c.Position += length;
            return ChineseEvents[best].Event;
        }

        if (c.Name(out string name))
        {
            return name;
        }

        throw Expected($"the anchor event ({string.Join(", ", ChineseEvents.Select(e => e.Words[0]))}, or a name such as “phoneChange”) at \"{c.Rest}\"");
    }

    private static LocalDate ChineseDate(PhraseCursor c)
    {
        var m = Regex.Match(c.Rest, @"^(\d{1,4})年(\d{1,2})月(\d{1,2})日|^(\d{4})-(\d{2})-(\d{2})", RegexOptions.CultureInvariant);
        if (!m.Success)
        {
            throw Expected($"a date such as 2025年12月31日 at \"{c.Rest}\"");
        }

        c.Position += m.Length;
        return MakeDate(m.Groups[m.Groups[1].Success ? 1 : 4].Value, m.Groups[m.Groups[1].Success ? 2 : 5].Value, m.Groups[m.Groups[1].Success ? 3 : 6].Value);
    }

    private static LocalDate MakeDate(string year, string month, string day)
    {
        int y = int.Parse(year, CultureInfo.InvariantCulture), mo = int.Parse(month, CultureInfo.InvariantCulture), d = int.Parse(day, CultureInfo.InvariantCulture);
        if (y < 1 || y > 9998 || mo < 1 || mo > 12 || d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(y, mo))
        {
            throw Expected($"a date that exists in years 1-9998, not {year}-{month}-{day}");
        }

        return new LocalDate(y, mo, d);
    }

    private static void ReadChineseItem(string item, ParseState state)
    {
        if (item.Length == 0)
        {
            throw Expected("a visit between two commas");
        }

        if (item is ZhAnchorVisit or "当日巡检一次并计为首次")
        {
            if (state.B.IncludeAnchor)
            {
                throw new ClauseException("the visit on the anchor's day was already given");
            }

            state.B.IncludeAnchor = true;
            return;
        }

        if (item.Contains("至少", StringComparison.Ordinal) || item.Contains("不少于", StringComparison.Ordinal))
        {
            ReadChineseQuota(item, state);
            return;
        }

        var c = new PhraseCursor(item);
        if (c.Eat("仅在") || c.Eat("仅于") || c.Eat("仅") || c.Eat("于"))
        {
            ReadChineseOnce(c, item, state);
            return;
        }

        if (c.Eat("当日"))
        {
            c.Position = 0;
            ReadChineseOnce(c, item, state);
            return;
        }

        Period? length = null;
        if (c.Eat("前"))
        {
            if (!c.Period(Language.Chinese, out var l))
            {
                throw Expected($"a length after 前: 前3个月每月巡检一次, in \"{item}\"");
            }

            length = l;
            c.Eat("内");
        }
        else if (c.EatAny("其后", "此后", "之后", "随后", "然后", "以后", "再后", "后") >= 0)
        {
            if (c.Period(Language.Chinese, out var l))
            {
                length = l;
                c.Eat("内");
            }
        }
        else if (c.Period(Language.Chinese, out _) && c.Eat("后"))
        {
            c.Position = 0;
            ReadChineseOnce(c, item, state);
            return;
        }
        else
        {
            c.Position = 0;
        }

        if (!c.Eat("每"))
        {
            throw Expected($"a visit such as 每季度巡检一次, 前3个月每月巡检一次, 此后每季度一次, 每自然年至少巡检4次 or 仅在3日后巡检一次, not \"{item}\"");
        }

        int stepAt = c.Position;
        var step = ChineseStepAfterEvery(c, item);
        c.EatAny(ZhVerbs);
        c.Eat("1次");
        c.Eat("一次");
        if (!c.AtEnd)
        {
            // 每年巡检4次: four visits a year, a quota.
            int at = c.Position;
            if (length is null && c.Int(out int k, 10_000) && k > 1 && c.Eat("次") && c.AtEnd)
            {
                c.Position = stepAt;
                state.B.AddQuota(k, ChineseGridAfterEvery(c, item));
                return;
            }

            c.Position = at;
            throw Expected($"the visit to end after the step (每季度巡检一次), not \"{c.Rest}\" in \"{item}\"");
        }

        if (state.Phases.Count > 0 && state.Phases[^1].Length is null)
        {
            throw new ClauseException($"the phase before \"{item}\" lasts to the schedule's end; give it a length (前3个月每月巡检一次)");
        }

        state.Phases.Add((step, length));
    }

    private static void ReadChineseOnce(PhraseCursor c, string item, ParseState state)
    {
        Period offset;
        if (c.Eat("当日") || c.Eat("当天"))
        {
            offset = Period.Zero;
        }
        else if (!(c.Period(Language.Chinese, out offset) && c.Eat("后")))
        {
            throw Expected($"a one-off visit: 仅在3日后巡检一次 or 仅在当日巡检一次, not \"{item}\"");
        }

        c.Eat("进行");
        c.EatAny(ZhVerbs);
        c.Eat("1次");
        c.Eat("一次");
        if (!c.AtEnd)
        {
            throw Expected($"the one-off visit to end there, not \"{c.Rest}\" in \"{item}\"");
        }

        state.Once("one-off visit");
        state.B.Once(offset);
    }

    private static ScheduleStep ChineseStepAfterEvery(PhraseCursor c, string item)
    {
        if (c.EatAny("个自然", "自然", "个日历", "日历") >= 0)
        {
            return c.EatAny("月", "季度", "季", "半年", "年") switch
            {
                0 => ScheduleStep.CalendarMonth,
                1 or 2 => ScheduleStep.CalendarQuarter,
                3 => ScheduleStep.CalendarHalfYear,
                4 => ScheduleStep.CalendarYear,
                _ => throw Expected($"月, 季度, 半年 or 年 after 每自然 in \"{item}\""),
            };
        }

        c.Eat("个");
        switch (c.EatAny("月", "季度", "季", "半年", "年", "周", "星期", "日", "天"))
        {
            case 0: return ScheduleStep.Months(1);
            case 1 or 2: return ScheduleStep.Quarters(1);
            case 3: return ScheduleStep.Months(6);
            case 4: return ScheduleStep.Years(1);
            case 5 or 6: return ScheduleStep.Weeks(1);
            case 7 or 8: return ScheduleStep.Days(1);
        }

        if (c.Int(out int n, 36_500) && n > 0)
        {
            int unit = c.EatAny("年", "个月", "月", "个季度", "季度", "个半年", "周", "个星期", "星期", "日", "天");
            try
            {
                switch (unit)
                {
                    case 0: return ScheduleStep.Years(n);
                    case 1 or 2: return ScheduleStep.Months(n);
                    case 3 or 4: return ScheduleStep.Quarters(n);
                    case 5: return ScheduleStep.Months(6 * n);
                    case 6 or 7 or 8: return ScheduleStep.Weeks(n);
                    case 9 or 10: return ScheduleStep.Days(n);
                }
            }
            catch (ArgumentOutOfRangeException)
            {
                throw Expected($"a step of at most 100 years in \"{item}\"");
            }
        }

        throw Expected($"a step after 每 (每月, 每季度, 每半年, 每年, 每2个月, 每周, 每自然季度) in \"{item}\"");
    }

    private static PeriodGrid ChineseGridAfterEvery(PhraseCursor c, string item)
    {
        var step = ChineseStepAfterEvery(c, item);
        if (step.IsCalendarPeriod)
        {
            return step.CalendarPeriodMonths switch
            {
                1 => PeriodGrid.CalendarMonths,
                3 => PeriodGrid.CalendarQuarters,
                6 => PeriodGrid.CalendarHalfYears,
                _ => PeriodGrid.CalendarYears,
            };
        }

        return PeriodGrid.Contract(step.ToPeriod());
    }

    private static void ReadChineseQuota(string item, ParseState state)
    {
        var c = new PhraseCursor(item);
        var from = Period.Zero;
        Period? length = null;
        if (c.Eat("前"))
        {
            if (!c.Period(Language.Chinese, out var l))
            {
                throw Expected($"a length after 前 in \"{item}\"");
            }

            length = l;
            c.Eat("内");
        }
        else if (c.Period(Language.Chinese, out var f))
        {
            if (!c.Eat("后"))
            {
                throw Expected($"后 after the period the quota starts at (3个月后每季度至少巡检1次) in \"{item}\"");
            }

            from = f;
            int at = c.Position;
            c.Eat("的");
            if (c.Period(Language.Chinese, out var l) && c.Eat("内"))
            {
                length = l;
            }
            else
            {
                c.Position = at;
            }
        }

        if (!c.Eat("每"))
        {
            throw Expected($"a quota such as 每自然年至少巡检4次 or 前3个月每月至少巡检1次, not \"{item}\"");
        }

        var grid = ChineseGridAfterEvery(c, item);
        c.EatAny(ZhVerbs);
        if (c.EatAny("至少", "不少于") < 0)
        {
            throw Expected($"至少 after the period in \"{item}\"");
        }

        c.EatAny(ZhVerbs);
        if (!c.Int(out int k, 10_000) || k < 1 || !c.Eat("次") || !c.AtEnd)
        {
            throw Expected($"the number of visits, 1 to 10,000, then 次 at the end: 至少巡检4次, in \"{item}\"");
        }

        state.B.AddQuota(k, grid, from, length);
    }

    private static bool ReadChineseClause(string clause, ParseState state)
    {
        var (head, groups) = PhraseText.TrailingGroups(clause);
        string? calendarName = null;
        if (groups.Count > 0 && groups[^1].StartsWith("按", StringComparison.Ordinal) && groups[^1].EndsWith("日历", StringComparison.Ordinal))
        {
            var n = new PhraseCursor(groups[^1]);
            if (!(n.Eat("按") && n.Name(out calendarName, out _) && n.Eat("日历") && n.AtEnd))
            {
                throw Expected($"a calendar named as (按“office”日历), not ({groups[^1]})");
            }

            head = head + string.Concat(groups.Take(groups.Count - 1).Select(g => "(" + g + ")"));
        }
        else
        {
            head = clause;
        }

        var c = new PhraseCursor(head);

        // The count.
        if (c.Eat("至第") || c.Eat("巡检至第"))
        {
            bool ok = c.Int(out int n) && c.Eat("次");
            c.EatAny(ZhVerbs);
            if (!(ok && c.EatAny("止", "为止") >= 0 && c.AtEnd))
            {
                throw Expected("至第12次巡检止");
            }

            NoCalendar(calendarName);
            state.Once("count");
            state.B.LimitCount(n);
            return true;
        }

        // Month ends.
        if (head.StartsWith(ZhMonthEnd, StringComparison.Ordinal))
        {
            string rule = head[ZhMonthEnd.Length..];
            state.Once("month-end rule");
            NoCalendar(calendarName);
            state.B.MonthEnd = rule switch
            {
                "当月不巡检" => MonthEndRule.Skip,
                "改在下月1日巡检" or "顺延至下月1日" => MonthEndRule.Forward,
                "取当月最后一日" or "取当月最后一天" => MonthEndRule.Clamp,
                _ => throw Expected("当月不巡检, 改在下月1日巡检 or 取当月最后一日 after " + ZhMonthEnd),
            };
            return true;
        }

        // The calendar alone.
        if (head is "工作日" or "工作日计算")
        {
            Align(state, AlignMove.None, null, calendarName);
            return true;
        }

        // Holidays.
        int start = c.Position;
        c.EatAny("应巡检日", "巡检日", "巡检日期", "巡检");
        if (c.Eat("遇") || c.Eat("如遇") || c.Eat("逢"))
        {
            if (c.EatAny(ZhHoliday) < 0)
            {
                throw Expected("节假日 after 遇");
            }

            c.Eat(",");
            c.Eat("则");
            string rest = c.Rest;
            if (rest is "顺延至下一个工作日" or "顺延至下一工作日" or "顺延至其后第一个工作日" or "顺延")
            {
                Align(state, AlignMove.NextWorkingDay, null, calendarName);
            }
            else if (rest is "提前至上一个工作日" or "提前至上一工作日" or "提前至前一个工作日" or "提前至前一工作日" or "提前")
            {
                Align(state, AlignMove.PreviousWorkingDay, null, calendarName);
            }
            else if (rest is "调整至最近的工作日,距离相同的提前")
            {
                Align(state, AlignMove.NearestWorkingDay, null, calendarName);
            }
            else if (rest is "不巡检" or "取消该次巡检" or "该次不巡检")
            {
                Align(state, AlignMove.Skip, null, calendarName);
            }
            else if (rest.StartsWith("调整至同一", StringComparison.Ordinal) && rest.EndsWith("内最近的工作日,距离相同的提前,期内无工作日的不巡检", StringComparison.Ordinal))
            {
                var g = new PhraseCursor("每" + rest["调整至同一".Length..^"内最近的工作日,距离相同的提前,期内无工作日的不巡检".Length]);
                g.Eat("每");
                var grid = ChineseGridAfterEvery(g, clause);
                if (!g.AtEnd)
                {
                    throw Expected("a period such as 自然月 or 自然季度 after 同一");
                }

                Align(state, AlignMove.NearestWorkingDayInPeriod, grid, calendarName);
            }
            else
            {
                throw Expected("顺延至下一个工作日, 提前至上一个工作日, 调整至最近的工作日,距离相同的提前, 调整至同一自然月内最近的工作日,... or 不巡检 after 遇节假日");
            }

            return true;
        }

        c.Position = start;

        // Shifts.
        if (head == ZhFloating)
        {
            state.Once("shift rule");
            state.B.ShiftFactors = ShiftFactors.Floating;
            return true;
        }

        var shift = Regex.Match(head, @"^提前巡检的,其后巡检日顺移偏差的(\d+(?:\.\d+)?)%,逾期巡检的顺移偏差的(\d+(?:\.\d+)?)%$", RegexOptions.CultureInvariant);
        if (shift.Success)
        {
            NoCalendar(calendarName);
            state.Once("shift rule");
            state.B.ShiftFactors = new ShiftFactors(Share(shift.Groups[1].Value), Share(shift.Groups[2].Value));
            return true;
        }

        // Notice.
        if (head.EndsWith("通知客户", StringComparison.Ordinal) || head.EndsWith("通知用户", StringComparison.Ordinal))
        {
            c.EatAny("每次巡检前", "巡检前", "每次巡检", "至少", "应");
            c.Eat("至少");
            c.Eat("提前");
            if (!c.Int(out int days, 3_650))
            {
                throw Expected("the days of notice: 每次巡检前3个工作日通知客户, 提前3天书面通知客户");
            }

            bool working = c.EatAny("个工作日", "工作日") >= 0;
            if (!working && c.EatAny("日", "天") < 0)
            {
                throw Expected("日, 天 or 个工作日 after the number of days of notice");
            }

            c.Eat("前");
            c.Eat("以");
            c.Eat("书面");
            c.Eat("形式");
            if (c.EatAny("通知客户", "通知用户") < 0 || !c.AtEnd)
            {
                throw Expected("the notice to end with 通知客户");
            }

            NoCalendar(calendarName);
            state.Once("notice");
            state.B.Notice = working ? NoticeLeadTime.WorkingDays(days) : NoticeLeadTime.CalendarDays(days);
            state.NeedsAlignCalendar |= working;
            return true;
        }

        // Follow-up duties.
        if (c.EatAny("每次巡检后", "巡检后", "每次巡检结束后", "每次回访后", "回访后") >= 0)
        {
            string body = c.Rest;
            string? name = null;
            string target = "";
            foreach (var duty in Duties)
            {
                foreach (string words in duty.Chinese)
                {
                    if (body.EndsWith(words, StringComparison.Ordinal) && (name is null || words.Length > body.Length - target.Length))
                    {
                        name = duty.Name;
                        target = body[..^words.Length];
                    }
                }
            }

            if (name is null)
            {
                for (int at = body.LastIndexOf("完成", StringComparison.Ordinal); at >= 0; at = at == 0 ? -1 : body.LastIndexOf("完成", at - 1, StringComparison.Ordinal))
                {
                    var n = new PhraseCursor(body[(at + 2)..]);
                    if (n.Name(out string duty) && n.AtEnd)
                    {
                        name = duty;
                        target = body[..at];
                        break;
                    }
                }
            }

            if (name is null)
            {
                throw Expected("a duty after the deadline: 提交巡检报告, 提交客户签字的巡检报告, or 完成 and a name (完成“signedCopy”)");
            }

            AddFollowUp(state, name, target, calendarName);
            return true;
        }

        // The on-time rule.
        if (head == ZhTenPercent || head == ZhSmrp)
        {
            NoCalendar(calendarName);
            state.Once("on-time rule");
            state.B.OnTimeRule = head == ZhTenPercent ? OnTimeRule.TenPercentOfInterval : OnTimeRule.SmrpGrace;
            return true;
        }

        if (head.Contains("按时", StringComparison.Ordinal))
        {
            NoCalendar(calendarName);
            ReadChineseOnTime(head, state);
            return true;
        }

        return false;
    }

    private static void ReadChineseOnTime(string head, ParseState state)
    {
        var (body, groups) = PhraseText.TrailingGroups(head);
        string? name = null;
        if (groups.Count == 1 && groups[0].StartsWith("规则名称", StringComparison.Ordinal))
        {
            var n = new PhraseCursor(groups[0]["规则名称".Length..]);
            if (!(n.Name(out string ruleName, out _) && n.AtEnd))
            {
                throw Expected("a rule name in quotes: (规则名称“月度巡检”)");
            }

            name = ruleName;
        }
        else if (groups.Count > 0)
        {
            body = head;
        }

        OnTimeRule rule;
        if (body == "仅在应巡检日当日巡检为按时")
        {
            rule = new OnTimeRule(Allowance.None, Allowance.None, name);
        }
        else
        {
            var c = new PhraseCursor(body);
            if (c.EatAny("应巡检日前后各", "巡检日前后各", "前后各", "应巡检日前后", "巡检日前后", "巡检时间可前后浮动", "可前后浮动", "前后浮动", "前后") >= 0)
            {
                var a = ChineseAllowance(c, body);
                c.Eat("内");
                c.EatAny(ZhVerbs);
                if (!(c.AtEnd || (c.EatAny("为按时", "均为按时", "视为按时") >= 0 && c.AtEnd)))
                {
                    throw Expected("为按时 at the end: 应巡检日前后各7日内巡检为按时");
                }

                rule = new OnTimeRule(a, a, name);
            }
            else if (c.Eat("自"))
            {
                Allowance early = Allowance.None, late = Allowance.None;
                if (c.Eat("本周期开始"))
                {
                    early = Allowance.WholeCycle;
                }
                else if (!c.Eat("应巡检日"))
                {
                    throw Expected("应巡检日 or 本周期开始 after 自");
                }
                else if (c.Eat("前"))
                {
                    early = ChineseAllowance(c, body);
                }

                if (!c.Eat("至") || !c.Eat("应巡检日"))
                {
                    throw Expected("至应巡检日 in the on-time rule: 自应巡检日前7日至应巡检日后3日巡检为按时");
                }

                if (c.Eat("后"))
                {
                    late = ChineseAllowance(c, body);
                }

                c.Eat("内");
                if (!c.Eat("巡检为按时") || !c.AtEnd)
                {
                    throw Expected("巡检为按时 at the end of the on-time rule");
                }

                rule = new OnTimeRule(early, late, name);
            }
            else
            {
                throw Expected("an on-time rule: 应巡检日前后各7日内巡检为按时, 自应巡检日至应巡检日后2个工作日巡检为按时, or " + ZhTenPercent);
            }
        }

        state.Once("on-time rule");
        state.B.OnTimeRule = rule;
        state.NeedsAlignCalendar |= rule.Early.Kind == AllowanceKind.WorkingDays || rule.Late.Kind == AllowanceKind.WorkingDays;
    }

    private static Allowance ChineseAllowance(PhraseCursor c, string text)
    {
        if (c.Eat("间隔的") || c.Eat("周期的"))
        {
            if (!c.Decimal(out decimal percent) || !c.Eat("%"))
            {
                throw Expected($"a percentage such as 间隔的10% in \"{text}\"");
            }

            int cap = 0;
            if (c.Eat("且不超过") || c.Eat("但不超过") || c.Eat("最多"))
            {
                if (!c.Int(out cap, 36_500) || c.EatAny("日", "天") < 0)
                {
                    throw Expected($"a cap in days such as 且不超过28日 in \"{text}\"");
                }
            }

            return MakeShare(percent, cap);
        }

        if (!c.Int(out int days, 36_500))
        {
            throw Expected($"an allowance such as 7日, 2个工作日 or 间隔的10% at \"{c.Rest}\"");
        }

        if (c.EatAny("个工作日", "工作日") >= 0)
        {
            return Allowance.WorkingDays(days);
        }

        if (c.EatAny("日", "天", "个日历天", "日历天") >= 0)
        {
            return Allowance.CalendarDays(days);
        }

        throw Expected($"日, 天 or 个工作日 after {days} in \"{text}\"");
    }

    // ------------------------------------------------------------------ parse: English

    private static void ReadEnglishHeader(string clause, ParseState state)
    {
        var c = new PhraseCursor(clause);
        if (!c.Eat("from "))
        {
            throw Expected("the anchor first: From acceptance: ...");
        }

        c.Eat("the ");
        if (!c.Name(out string anchor))
        {
            throw Expected($"the anchor event's name after From, at \"{c.Rest}\"");
        }

        c.Eat(" date");
        state.Builder = new InspectionScheduleBuilder(anchor);
        if (c.Eat(", for ") || c.Eat(", within ") || c.Eat(" for ") || c.Eat(" within "))
        {
            if (!c.Period(Language.English, out var until))
            {
                throw Expected($"a length such as 3 years after \"for\", at \"{c.Rest}\"");
            }

            state.B.Until(until);
        }
        else if (c.Eat(", until ") || c.Eat(" until "))
        {
            var m = Regex.Match(c.Rest, @"^(\d{4})-(\d{2})-(\d{2})", RegexOptions.CultureInvariant);
            if (!m.Success)
            {
                throw Expected($"a date such as 2025-12-31 after \"until\", at \"{c.Rest}\"");
            }

            c.Position += m.Length;
            state.B.UntilDate(MakeDate(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value));
        }

        if (!c.Eat(":") && !c.Eat(","))
        {
            throw Expected($"a colon after the anchor and its bounds (From acceptance, for 3 years: quarterly), before \"{c.Rest}\"");
        }

        c.Eat(" ");
        foreach (string item in PhraseText.SplitTop(c.Rest, ","))
        {
            ReadEnglishItem(item.Trim(), state);
        }
    }

    private static void ReadEnglishItem(string item, ParseState state)
    {
        if (item.Length == 0)
        {
            throw Expected("a visit between two commas");
        }

        if (item is EnAnchorVisit or "a visit on the day itself" or "also a visit on the day itself")
        {
            if (state.B.IncludeAnchor)
            {
                throw new ClauseException("the visit on the anchor's day was already given");
            }

            state.B.IncludeAnchor = true;
            return;
        }

        var c = new PhraseCursor(item);
        if (c.Eat("at least "))
        {
            ReadEnglishQuota(c, item, state);
            return;
        }

        if (c.EatAny("a single visit ", "one visit ", "a visit only ") >= 0)
        {
            Period offset;
            if (c.EatAny("on the day itself", "on the day") >= 0)
            {
                offset = Period.Zero;
            }
            else if (!(c.Period(Language.English, out offset) && c.Eat(" after")))
            {
                throw Expected($"a one-off visit: a single visit 3 days after, or a single visit on the day itself, not \"{item}\"");
            }

            if (!c.AtEnd)
            {
                throw Expected($"the one-off visit to end there, not \"{c.Rest}\"");
            }

            state.Once("one-off visit");
            state.B.Once(offset);
            return;
        }

        bool then = c.EatAny("then ", "thereafter ", "and then ", "after that ", "afterwards ") >= 0;
        Period? length = null;
        if (c.EatAny("for the first ", "in the first ", "during the first ") >= 0)
        {
            length = EnglishLength(c, item);
            if (!c.Eat(" ") && !c.Eat(", "))
            {
                throw Expected($"a step after the length in \"{item}\"");
            }
        }

        var step = EnglishStep(c, item);
        if (length is null && c.EatAny(" for the first ", " in the first ", " during the first ", " for ", " in the next ", " for the next ") >= 0)
        {
            length = EnglishLength(c, item);
        }

        if (!c.AtEnd)
        {
            throw Expected($"the visit to end after the step and its length (monthly for the first 3 months, then quarterly), not \"{c.Rest}\" in \"{item}\"");
        }

        if (!then && state.Phases.Count > 0 && state.Phases[^1].Length is null)
        {
            throw new ClauseException($"the phase before \"{item}\" lasts to the schedule's end; give it a length (monthly for the first 3 months)");
        }

        state.Phases.Add((step, length));
    }

    private static Period EnglishLength(PhraseCursor c, string item) =>
        c.Period(Language.English, out var length) ? length : throw Expected($"a length such as 3 months in \"{item}\"");

    private static ScheduleStep EnglishStep(PhraseCursor c, string item)
    {
        switch (c.EatAny("monthly", "quarterly", "yearly", "annually", "half-yearly", "semi-annually", "weekly", "daily", "fortnightly", "biweekly"))
        {
            case 0: return ScheduleStep.Months(1);
            case 1: return ScheduleStep.Quarters(1);
            case 2 or 3: return ScheduleStep.Years(1);
            case 4 or 5: return ScheduleStep.Months(6);
            case 6: return ScheduleStep.Weeks(1);
            case 7: return ScheduleStep.Days(1);
            case 8 or 9: return ScheduleStep.Weeks(2);
        }

        if (c.EatAny("every ", "each ", "once a ", "once an ", "once per ", "once every ", "once each ") < 0)
        {
            throw Expected($"a step such as monthly, quarterly, every 6 months or every calendar quarter in \"{item}\"");
        }

        var grid = EnglishGridAfter(c, item, out bool calendar);
        if (calendar)
        {
            return grid == PeriodGrid.CalendarMonths ? ScheduleStep.CalendarMonth
                : grid == PeriodGrid.CalendarQuarters ? ScheduleStep.CalendarQuarter
                : grid == PeriodGrid.CalendarHalfYears ? ScheduleStep.CalendarHalfYear
                : ScheduleStep.CalendarYear;
        }

        return ScheduleStep.FromPeriod(grid.Length);
    }

    /// <summary>Reads <c>calendar quarter</c>, <c>month</c>, <c>3 months</c>, <c>period of 14 days</c>: a kind of period.</summary>
    private static PeriodGrid EnglishGridAfter(PhraseCursor c, string item, out bool calendar)
    {
        calendar = c.Eat("calendar ");
        string[] units = ["month", "quarter", "half-year", "half year", "year", "week", "day"];
        int unit = c.EatAny(units);
        if (unit >= 0)
        {
            if (calendar)
            {
                return unit switch
                {
                    0 => PeriodGrid.CalendarMonths,
                    1 => PeriodGrid.CalendarQuarters,
                    2 or 3 => PeriodGrid.CalendarHalfYears,
                    4 => PeriodGrid.CalendarYears,
                    _ => throw Expected($"calendar month, quarter, half-year or year in \"{item}\""),
                };
            }

            return unit switch
            {
                0 => PeriodGrid.ContractMonths,
                1 => PeriodGrid.ContractQuarters,
                2 or 3 => PeriodGrid.Contract(Period.FromMonths(6)),
                4 => PeriodGrid.ContractYears,
                5 => PeriodGrid.Contract(Period.FromWeeks(1)),
                _ => PeriodGrid.Contract(Period.FromDays(1)),
            };
        }

        if (calendar)
        {
            throw Expected($"calendar month, quarter, half-year or year in \"{item}\"");
        }

        c.Eat("period of ");
        int at = c.Position;
        if (c.Int(out int n, 36_500, english: true) && n > 0 && c.Eat(" ") && c.EatAny("quarters", "quarter") >= 0)
        {
            return PeriodGrid.Contract(Period.FromMonths(3 * Math.Min(n, 400)));
        }

        c.Position = at;
        if (c.Period(Language.English, out var length) && ScheduleStep.TryFromPeriod(length, out _, out _))
        {
            return PeriodGrid.Contract(length);
        }

        throw Expected($"a kind of period (month, quarter, year, 2 months, calendar quarter) in \"{item}\"");
    }

    private static void ReadEnglishQuota(PhraseCursor c, string item, ParseState state)
    {
        if (!c.Int(out int k, 10_000, english: true) || k < 1 || !c.Eat(" ") || c.EatAny("visits", "visit", "inspections", "inspection") < 0)
        {
            throw Expected($"a number of visits after \"at least\" (at least 1 visit per month) in \"{item}\"");
        }

        if (c.EatAny(" per ", " a ", " an ", " each ", " every ", " in each ", " in every ") < 0)
        {
            throw Expected($"\"per\" and a kind of period (at least 4 visits per calendar year) in \"{item}\"");
        }

        var grid = EnglishGridAfter(c, item, out _);
        var from = Period.Zero;
        Period? length = null;
        if (c.EatAny(" in the first ", " for the first ", " during the first ") >= 0)
        {
            length = EnglishLength(c, item);
        }
        else if (c.Eat(" after the first "))
        {
            from = EnglishLength(c, item);
        }
        else if (c.EatAny(" in the ", " for the ") >= 0)
        {
            length = EnglishLength(c, item);
            if (!c.Eat(" after the first "))
            {
                throw Expected($"\"after the first\" and a period (in the 6 months after the first 3 months) in \"{item}\"");
            }

            from = EnglishLength(c, item);
        }

        if (!c.AtEnd)
        {
            throw Expected($"the quota to end there, not \"{c.Rest}\" in \"{item}\"");
        }

        state.B.AddQuota(k, grid, from, length);
    }

    private static bool ReadEnglishClause(string clause, ParseState state)
    {
        string head = clause;
        string? calendarName = null;
        var calendarSuffix = Regex.Match(clause, @",? on the (""(?:[^""]|"""")*""|[A-Za-z_][A-Za-z0-9_-]*) calendar$", RegexOptions.CultureInvariant);
        if (calendarSuffix.Success)
        {
            var n = new PhraseCursor(calendarSuffix.Groups[1].Value);
            n.Name(out calendarName, out _);
            head = clause[..calendarSuffix.Index];
        }

        var c = new PhraseCursor(head);
        if (c.Eat("ending with visit "))
        {
            if (!c.Int(out int n) || !c.AtEnd)
            {
                throw Expected("ending with visit 12");
            }

            NoCalendar(calendarName);
            state.Once("count");
            state.B.LimitCount(n);
            return true;
        }

        if (head.StartsWith(EnMonthEnd, StringComparison.Ordinal))
        {
            NoCalendar(calendarName);
            state.Once("month-end rule");
            state.B.MonthEnd = head[EnMonthEnd.Length..] switch
            {
                "is skipped" => MonthEndRule.Skip,
                "moves to the 1st of the next month" or "moves to the first day of the next month" => MonthEndRule.Forward,
                "falls on the last day of the month" => MonthEndRule.Clamp,
                _ => throw Expected("\"is skipped\", \"moves to the 1st of the next month\" or \"falls on the last day of the month\" after \"" + EnMonthEnd.Trim() + "\""),
            };
            return true;
        }

        if (head is "working days" or "working days are counted")
        {
            Align(state, AlignMove.None, null, calendarName);
            return true;
        }

        if (c.EatAny(EnNotWorkingDay, "a visit date that falls on a holiday ", "a visit that falls on a holiday ", "a visit date on a holiday ", "visits on holidays ", "a visit date on a non-working day ") >= 0)
        {
            string rest = c.Rest;
            if (rest is "moves to the next working day" or "is moved to the next working day" or "is postponed to the next working day")
            {
                Align(state, AlignMove.NextWorkingDay, null, calendarName);
            }
            else if (rest is "moves to the previous working day" or "is moved to the previous working day" or "is brought forward to the previous working day")
            {
                Align(state, AlignMove.PreviousWorkingDay, null, calendarName);
            }
            else if (rest is "moves to the nearest working day, the earlier one on a tie")
            {
                Align(state, AlignMove.NearestWorkingDay, null, calendarName);
            }
            else if (rest is "is skipped")
            {
                Align(state, AlignMove.Skip, null, calendarName);
            }
            else if (rest.StartsWith("moves to the nearest working day in the same ", StringComparison.Ordinal) &&
                     rest.EndsWith(", the earlier one on a tie, and is skipped when there is none", StringComparison.Ordinal))
            {
                string gridText = rest["moves to the nearest working day in the same ".Length..^", the earlier one on a tie, and is skipped when there is none".Length];
                var g = new PhraseCursor(gridText);
                var grid = EnglishGridAfter(g, clause, out _);
                if (!g.AtEnd)
                {
                    throw Expected($"a kind of period such as calendar month after \"in the same\", not \"{gridText}\"");
                }

                Align(state, AlignMove.NearestWorkingDayInPeriod, grid, calendarName);
            }
            else
            {
                throw Expected("\"moves to the next working day\", \"moves to the previous working day\", \"moves to the nearest working day, the earlier one on a tie\", \"moves to the nearest working day in the same calendar month, ...\" or \"is skipped\"");
            }

            return true;
        }

        if (head == EnFloating)
        {
            state.Once("shift rule");
            state.B.ShiftFactors = ShiftFactors.Floating;
            return true;
        }

        var shift = Regex.Match(head, @"^an early visit moves later visits by (\d+(?:\.\d+)?) % of its deviation, a late visit by (\d+(?:\.\d+)?) %$", RegexOptions.CultureInvariant);
        if (shift.Success)
        {
            NoCalendar(calendarName);
            state.Once("shift rule");
            state.B.ShiftFactors = new ShiftFactors(Share(shift.Groups[1].Value), Share(shift.Groups[2].Value));
            return true;
        }

        if (c.EatAny("the customer is notified ", "the customer is told ", "notify the customer ", "the customer is notified at least ", "notify the customer at least ") >= 0)
        {
            c.Eat("at least ");
            if (!c.Int(out int days, 3_650, english: true) || !c.Eat(" "))
            {
                throw Expected("the days of notice: the customer is notified 3 working days before each visit");
            }

            bool working = c.EatAny("working days", "working day") >= 0;
            if (!working && c.EatAny("days", "day", "calendar days", "calendar day") < 0)
            {
                throw Expected("days or working days after the number of days of notice");
            }

            c.Eat(" in writing");
            if (c.EatAny(" before each visit", " before a visit", " before every visit", " before") < 0 || !c.AtEnd)
            {
                throw Expected("\"before each visit\" at the end of the notice");
            }

            NoCalendar(calendarName);
            state.Once("notice");
            state.B.Notice = working ? NoticeLeadTime.WorkingDays(days) : NoticeLeadTime.CalendarDays(days);
            state.NeedsAlignCalendar |= working;
            return true;
        }

        if (c.EatAny("after each visit, ", "after each visit ", "after every visit, ") >= 0)
        {
            string? name = null;
            foreach (var duty in Duties)
            {
                if (c.Eat(duty.English + " "))
                {
                    name = duty.Name;
                    break;
                }
            }

            if (name is null)
            {
                if (!(c.Eat("complete ") && c.Name(out string duty) && c.Eat(" ")))
                {
                    throw Expected("a duty and its deadline: submit the inspection report within 5 working days, or complete and a name (complete \"signed copy\" within 7 calendar days)");
                }

                name = duty;
            }

            AddFollowUp(state, name, c.Rest, calendarName);
            return true;
        }

        if (head == EnTenPercent || head == EnSmrp)
        {
            NoCalendar(calendarName);
            state.Once("on-time rule");
            state.B.OnTimeRule = head == EnTenPercent ? OnTimeRule.TenPercentOfInterval : OnTimeRule.SmrpGrace;
            return true;
        }

        if (head.Contains("on time", StringComparison.Ordinal))
        {
            NoCalendar(calendarName);
            ReadEnglishOnTime(head, state);
            return true;
        }

        return false;
    }

    private static void ReadEnglishOnTime(string head, ParseState state)
    {
        string body = head;
        string? name = null;
        var named = Regex.Match(head, @" \(rule (""(?:[^""]|"""")*"")\)$", RegexOptions.CultureInvariant);
        if (named.Success)
        {
            var n = new PhraseCursor(named.Groups[1].Value);
            n.Name(out string ruleName, out _);
            name = ruleName;
            body = head[..named.Index];
        }

        OnTimeRule rule;
        var c = new PhraseCursor(body);
        if (body == "only a visit on the due date is on time")
        {
            rule = new OnTimeRule(Allowance.None, Allowance.None, name);
        }
        else if (c.Eat("a visit up to "))
        {
            var a = EnglishAllowance(c, body);
            if (!c.Eat(" either side of the due date is on time") || !c.AtEnd)
            {
                throw Expected("\"either side of the due date is on time\" after the allowance");
            }

            rule = new OnTimeRule(a, a, name);
        }
        else if (c.Eat("a visit from "))
        {
            Allowance early = Allowance.None, late = Allowance.None;
            if (c.Eat("the start of its cycle"))
            {
                early = Allowance.WholeCycle;
            }
            else if (!c.Eat("the due date"))
            {
                early = EnglishAllowance(c, body);
                if (!c.Eat(" before the due date"))
                {
                    throw Expected("\"before the due date\" after the early allowance");
                }
            }

            if (!c.Eat(" to "))
            {
                throw Expected("\" to \" between the two ends of the window");
            }

            if (!c.Eat("the due date"))
            {
                late = EnglishAllowance(c, body);
                if (!c.Eat(" after the due date"))
                {
                    throw Expected("\"after the due date\" after the late allowance");
                }
            }

            if (!c.Eat(" is on time") || !c.AtEnd)
            {
                throw Expected("\"is on time\" at the end of the on-time rule");
            }

            rule = new OnTimeRule(early, late, name);
        }
        else
        {
            throw Expected("an on-time rule: a visit up to 7 days either side of the due date is on time, a visit from the due date to 2 working days after the due date is on time, or " + EnTenPercent);
        }

        state.Once("on-time rule");
        state.B.OnTimeRule = rule;
        state.NeedsAlignCalendar |= rule.Early.Kind == AllowanceKind.WorkingDays || rule.Late.Kind == AllowanceKind.WorkingDays;
    }

    private static Allowance EnglishAllowance(PhraseCursor c, string text)
    {
        int at = c.Position;
        if (c.Decimal(out decimal percent) && c.Eat(" % of the interval"))
        {
            int cap = 0;
            if (c.Eat(" (at most "))
            {
                if (!c.Int(out cap, 36_500) || !c.Eat(" ") || c.EatAny("days", "day") < 0 || !c.Eat(")"))
                {
                    throw Expected($"a cap such as (at most 28 days) in \"{text}\"");
                }
            }

            return MakeShare(percent, cap);
        }

        c.Position = at;
        if (!c.Int(out int days, 36_500, english: true) || !c.Eat(" "))
        {
            throw Expected($"an allowance such as 7 days, 2 working days or 10 % of the interval at \"{c.Rest}\"");
        }

        if (c.EatAny("working days", "working day") >= 0)
        {
            return Allowance.WorkingDays(days);
        }

        if (c.EatAny("days", "day", "calendar days", "calendar day") >= 0)
        {
            return Allowance.CalendarDays(days);
        }

        throw Expected($"days or working days after {days} in \"{text}\"");
    }

    // ------------------------------------------------------------------ parse: shared

    private static void NoCalendar(string? name)
    {
        if (name is not null)
        {
            throw new ClauseException($"this clause does not count on a calendar, yet names \"{name}\"");
        }
    }

    private static void Align(ParseState state, AlignMove move, PeriodGrid? period, string? calendarName)
    {
        state.Once("alignment with the calendar");
        var (calendar, name) = state.Calendar(calendarName);
        state.B.AlignTo(calendar, move, period, name);
        state.Aligned = true;
    }

    private static void AddFollowUp(ParseState state, string name, string targetText, string? calendarName)
    {
        if (!TargetPhrases.TryParse(targetText, out var target, out string? problem))
        {
            throw new ClauseException($"the deadline \"{ProblemSink.Cut(targetText)}\" is not understood: {problem}");
        }

        if (calendarName is null)
        {
            state.NeedsAlignCalendar = true;
            state.B.AddFollowUp(name, target, null, FieldRef.Named($"follow-up '{name}'"));
            return;
        }

        var (calendar, calendarKey) = state.Calendar(calendarName);
        state.B.AddFollowUp(name, target, calendar, FieldRef.Named($"follow-up '{name}'"), calendarKey);
    }

    private static decimal Share(string percent) =>
        decimal.Parse(percent, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) / 100;

    private static Allowance MakeShare(decimal percent, int cap)
    {
        decimal share = percent / 100;
        if (share <= 0 || share > 1)
        {
            throw Expected($"a share more than 0 % and at most 100 %, not {PhraseText.Number(percent)} %");
        }

        return Allowance.ShareOfInterval(share, cap);
    }
}
