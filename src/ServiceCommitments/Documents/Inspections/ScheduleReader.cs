using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Inspections;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads the schedule document of docs/inspections.md into an <see cref="InspectionScheduleBuilder"/>: <c>anchor</c>,
/// <c>phases</c> (or <c>every</c>, or <c>once</c>), <c>includeAnchor</c>, <c>monthEnd</c>, <c>until</c>, <c>count</c>,
/// <c>align</c>, <c>tolerance</c>, <c>shift</c>, <c>notice</c>, <c>followUps</c> and <c>quotas</c>.
/// </summary>
/// <remarks>
/// The reader checks only the document's own business (JSON types, names, text forms); every rule of the schedule is
/// the builder's, reported at the document's paths. Calendars are named from the document's <c>calendars</c>.
/// </remarks>
internal static class ScheduleReader
{
    internal const string What = "a schedule object with \"anchor\" and \"phases\", \"every\" or \"once\"";

    private static readonly string[] Moves = ["none", "nextWorkingDay", "previousWorkingDay", "nearestWorkingDay", "nearestWorkingDayInPeriod", "skip"];
    private static readonly string[] MonthEnds = ["clamp", "skip", "forward"];

    internal static InspectionSchedule? Read(DocNode node, DocumentContext context)
    {
        var schedule = context.Object(node, What);
        if (schedule is null)
        {
            return null;
        }

        int errorsBefore = context.ErrorCount;
        string anchor = schedule.Required("anchor", "the contract event the schedule counts from, such as \"acceptance\"") is { } anchorNode &&
            context.TryString(anchorNode, "an event name", out string a) ? a : "anchor";
        var builder = new InspectionScheduleBuilder(anchor) { ScheduleField = FieldRef.At(node) };
        if (schedule.Optional("anchor") is { } an)
        {
            builder.AnchorField = FieldRef.At(an);
        }

        ReadPhases(schedule, context, builder);
        if (schedule.Optional("once") is { } once && context.TryPeriod(once, out var offset))
        {
            builder.Once(offset, FieldRef.At(once));
        }

        if (schedule.Optional("includeAnchor") is { } include && context.TryBool(include, out bool includes))
        {
            builder.IncludeAnchor = includes;
        }

        if (schedule.Optional("monthEnd") is { } monthEnd && Choice(monthEnd, MonthEnds, "a month-end rule", context) is int rule)
        {
            builder.MonthEnd = (MonthEndRule)rule;
        }

        ReadUntil(schedule, context, builder);
        if (schedule.Optional("count") is { } count && context.TryInt(count, "a count of occurrences", out int n))
        {
            builder.LimitCount(n, FieldRef.At(count));
        }

        ReadAlign(schedule, context, builder);
        var toleranceNode = schedule.Optional("tolerance");
        if (toleranceNode is not null && ReadTolerance(toleranceNode, context) is { } onTime)
        {
            builder.OnTimeRule = onTime;
        }

        var shiftNode = schedule.Optional("shift");
        if (shiftNode is not null && ReadShift(shiftNode, context) is { } shift)
        {
            builder.ShiftFactors = shift;
        }

        var noticeNode = schedule.Optional("notice");
        if (noticeNode is not null && ReadNotice(noticeNode, context) is { } notice)
        {
            builder.Notice = notice;
        }

        builder.SetFields(toleranceNode is null ? null : FieldRef.At(toleranceNode), shiftNode is null ? null : FieldRef.At(shiftNode), noticeNode is null ? null : FieldRef.At(noticeNode));
        ReadFollowUps(schedule, context, builder);
        ReadQuotas(schedule, context, builder);
        schedule.Finish("schedule property");
        if (context.ErrorCount > errorsBefore)
        {
            return null;
        }

        var built = builder.TryBuild(context.Problems);
        return context.ErrorCount > errorsBefore ? null : built;
    }

    private static void ReadPhases(ObjectReader schedule, DocumentContext context, InspectionScheduleBuilder builder)
    {
        var every = schedule.Optional("every");
        var phases = schedule.Optional("phases");
        if (every is not null && phases is not null)
        {
            context.Error(every, "give \"every\" (one phase) or \"phases\", not both");
            return;
        }

        if (every is not null)
        {
            if (ReadStep(every, context) is { } step)
            {
                builder.AddPhase(step, null, FieldRef.At(every));
            }

            return;
        }

        if (phases is null)
        {
            return;
        }

        var items = context.Array(phases, "an array of phases such as { \"every\": \"P1M\", \"for\": \"P3M\" }");
        if (phases.Kind == JsonValueKind.Array && items.Count == 0)
        {
            context.Invalid(phases, "expected at least one phase");
        }

        foreach (var item in items)
        {
            if (context.Object(item, "a phase object with \"every\" and, except for the last phase, \"for\"") is not { } phase)
            {
                continue;
            }

            var step = phase.Required("every", "the step: an ISO period such as P1M or P7D, or calendarMonth, calendarQuarter, calendarHalfYear, calendarYear, contractMonth, contractQuarter, contractYear") is { } stepNode
                ? ReadStep(stepNode, context)
                : null;
            Period? length = null;
            bool lengthOk = true;
            if (phase.Optional("for") is { } forNode)
            {
                lengthOk = context.TryPeriod(forNode, out var l);
                length = l;
            }

            phase.Finish("phase property");
            if (step is { } s && lengthOk)
            {
                builder.AddPhase(s, length, FieldRef.At(item));
            }
        }
    }

    internal static ScheduleStep? ReadStep(DocNode node, DocumentContext context)
    {
        if (!context.TryString(node, "a step such as \"P1M\" or \"calendarQuarter\"", out string text))
        {
            return null;
        }

        switch (text)
        {
            case "calendarMonth": return ScheduleStep.CalendarMonth;
            case "calendarQuarter": return ScheduleStep.CalendarQuarter;
            case "calendarHalfYear": return ScheduleStep.CalendarHalfYear;
            case "calendarYear": return ScheduleStep.CalendarYear;
            case "contractMonth": return ScheduleStep.Months(1);
            case "contractQuarter": return ScheduleStep.Quarters(1);
            case "contractYear": return ScheduleStep.Years(1);
        }

        if (!IsoText.TryParsePeriod(text, out var period))
        {
            context.Invalid(node, "expected a step: an ISO period such as P1M, P3M, P1Y, P7D or P2W, or calendarMonth, calendarQuarter, calendarHalfYear, calendarYear, contractMonth, contractQuarter, contractYear");
            return null;
        }

        if (!ScheduleStep.TryFromPeriod(period, out var step, out string? rule))
        {
            context.Invalid(node, "expected a step that " + rule!.Replace("must have", "has", System.StringComparison.Ordinal).Replace("mixes", "does not mix", System.StringComparison.Ordinal).Replace("is zero", "is not zero", System.StringComparison.Ordinal).Replace("is longer than", "is at most", System.StringComparison.Ordinal));
            return null;
        }

        return step;
    }

    internal static PeriodGrid? ReadGrid(DocNode node, DocumentContext context)
    {
        if (!context.TryString(node, "a kind of period such as \"calendarQuarter\"", out string text))
        {
            return null;
        }

        switch (text)
        {
            case "calendarMonth": return PeriodGrid.CalendarMonths;
            case "calendarQuarter": return PeriodGrid.CalendarQuarters;
            case "calendarHalfYear": return PeriodGrid.CalendarHalfYears;
            case "calendarYear": return PeriodGrid.CalendarYears;
            case "contractMonth": return PeriodGrid.ContractMonths;
            case "contractQuarter": return PeriodGrid.ContractQuarters;
            case "contractYear": return PeriodGrid.ContractYears;
        }

        if (IsoText.TryParsePeriod(text, out var period) && ScheduleStep.TryFromPeriod(period, out _, out _))
        {
            return PeriodGrid.Contract(period);
        }

        context.Invalid(node, "expected a kind of period: calendarMonth, calendarQuarter, calendarHalfYear, calendarYear, contractMonth, contractQuarter, contractYear, or a contract period such as P2M or P14D");
        return null;
    }

    private static void ReadUntil(ObjectReader schedule, DocumentContext context, InspectionScheduleBuilder builder)
    {
        if (schedule.Optional("until") is not { } node || !context.TryString(node, "a period (P12M) or a date (2025-03-20)", out string text))
        {
            return;
        }

        if (text.StartsWith('P'))
        {
            if (context.TryPeriod(node, out var period))
            {
                builder.Until(period, FieldRef.At(node));
            }
        }
        else if (context.TryDate(node, out var date))
        {
            builder.UntilDate(date, FieldRef.At(node));
        }
    }

    private static void ReadAlign(ObjectReader schedule, DocumentContext context, InspectionScheduleBuilder builder)
    {
        if (schedule.Optional("align") is not { } node || context.Object(node, "an alignment object with \"calendar\" and \"move\"") is not { } align)
        {
            return;
        }

        Calendars.BusinessCalendar? calendar = null;
        string? name = null;
        if (align.Required("calendar", "the name of a calendar in the file's \"calendars\"") is { } calendarNode && context.TryString(calendarNode, "a calendar name", out name) &&
            !context.Calendars.TryGetValue(name, out calendar))
        {
            context.Invalid(calendarNode, context.Calendars.Count == 0
                ? "expected the name of a calendar in the file's \"calendars\", which has none"
                : $"expected the name of a calendar in \"calendars\": {ProblemSink.List(context.Calendars.Keys)}");
        }

        var move = AlignMove.None;
        if (align.Optional("move") is { } moveNode && Choice(moveNode, Moves, "an alignment move", context) is int m)
        {
            move = (AlignMove)m;
        }

        PeriodGrid? period = null;
        if (align.Optional("period") is { } periodNode)
        {
            period = ReadGrid(periodNode, context);
        }

        align.Finish("alignment property");
        builder.AlignTo(calendar, move, period, FieldRef.At(node), name);
    }

    private static OnTimeRule? ReadTolerance(DocNode node, DocumentContext context)
    {
        if (node.Kind == JsonValueKind.String)
        {
            switch (node.Text)
            {
                case "exact": return OnTimeRule.Exact;
                case "tenPercent": return OnTimeRule.TenPercentOfInterval;
                case "smrp": return OnTimeRule.SmrpGrace;
                default:
                    context.Invalid(node, "expected a ready-made on-time rule, \"exact\", \"tenPercent\" or \"smrp\", or an object with \"early\" and \"late\"");
                    return null;
            }
        }

        if (context.Object(node, "a tolerance object with \"early\" and \"late\", or \"tenPercent\" or \"smrp\"") is not { } tolerance)
        {
            return null;
        }

        var early = tolerance.Optional("early") is { } e ? ReadAllowance(e, context) : Allowance.None;
        var late = tolerance.Optional("late") is { } l ? ReadAllowance(l, context) : Allowance.None;
        string? name = tolerance.Optional("name") is { } n && context.TryString(n, "a name", out string text) ? text : null;
        tolerance.Finish("tolerance property");
        return early is { } ea && late is { } la ? new OnTimeRule(ea, la, name) : null;
    }

    private static Allowance? ReadAllowance(DocNode node, DocumentContext context)
    {
        if (node.Kind == JsonValueKind.String)
        {
            if (node.Text == "cycle")
            {
                return Allowance.WholeCycle;
            }

            if (!context.TryPeriod(node, out var period))
            {
                return null;
            }

            if (period.Years != 0 || period.Months != 0 || (7L * period.Weeks) + period.Days > 36_500)
            {
                context.Invalid(node, "expected an allowance in days or weeks (P7D, P2W), at most 36,500 days; months vary in length, so give days, or a share of the interval");
                return null;
            }

            return Allowance.CalendarDays((7 * period.Weeks) + period.Days);
        }

        if (context.Object(node, "an allowance: a period of days (\"P7D\"), \"cycle\", { \"workingDays\": 2 } or { \"share\": 0.1, \"max\": \"P28D\" }") is not { } allowance)
        {
            return null;
        }

        Allowance? result = null;
        var working = allowance.Optional("workingDays");
        var share = allowance.Optional("share");
        if ((working is null) == (share is null))
        {
            context.Error(node, "an allowance object has exactly one of \"workingDays\" and \"share\"");
        }
        else if (working is not null && context.TryInt(working, "a number of working days", out int days))
        {
            if (days < 0 || days > 36_500)
            {
                context.Invalid(working, "expected 0 to 36,500 working days");
            }
            else
            {
                result = Allowance.WorkingDays(days);
            }
        }
        else if (share is not null && context.TryDecimal(share, "a share of the interval", out decimal s))
        {
            int max = 0;
            bool maxOk = true;
            if (allowance.Optional("max") is { } maxNode)
            {
                maxOk = context.TryPeriod(maxNode, out var p) && p.Years == 0 && p.Months == 0 && (7L * p.Weeks) + p.Days <= 36_500;
                if (!maxOk && maxNode.Kind == JsonValueKind.String && IsoText.TryParsePeriod(maxNode.Text!, out _))
                {
                    context.Invalid(maxNode, "expected a cap in days or weeks (P28D), at most 36,500 days");
                }

                max = maxOk ? (7 * p.Weeks) + p.Days : 0;
            }

            if (s <= 0 || s > 1)
            {
                context.Invalid(share, "expected a share more than 0 and at most 1 (0.1 for 10 %)");
            }
            else if (maxOk)
            {
                result = Allowance.ShareOfInterval(s, max);
            }
        }

        allowance.Finish("allowance property");
        return result;
    }

    private static ShiftFactors? ReadShift(DocNode node, DocumentContext context)
    {
        if (node.Kind == JsonValueKind.String)
        {
            switch (node.Text)
            {
                case "fixed": return ShiftFactors.Fixed;
                case "floating": return ShiftFactors.Floating;
                default:
                    context.Invalid(node, "expected \"fixed\", \"floating\" or an object of shift factors { \"early\": 0, \"late\": 1 }");
                    return null;
            }
        }

        if (context.Object(node, "\"fixed\", \"floating\" or an object of shift factors { \"early\": 0, \"late\": 1 }") is not { } shift)
        {
            return null;
        }

        decimal early = 0, late = 0;
        bool ok = (shift.Optional("early") is not { } e || context.TryDecimal(e, "a shift factor", out early)) &
                  (shift.Optional("late") is not { } l || context.TryDecimal(l, "a shift factor", out late));
        shift.Finish("shift property");
        return ok ? new ShiftFactors(early, late) : null;
    }

    private static NoticeLeadTime? ReadNotice(DocNode node, DocumentContext context)
    {
        if (context.Object(node, "a notice object: { \"workingDays\": 3 } or { \"calendarDays\": 3 }") is not { } notice)
        {
            return null;
        }

        var working = notice.Optional("workingDays");
        var calendar = notice.Optional("calendarDays");
        notice.Finish("notice property");
        if ((working is null) == (calendar is null))
        {
            context.Error(node, "a notice has exactly one of \"workingDays\" and \"calendarDays\"");
            return null;
        }

        var amount = working ?? calendar!;
        if (!context.TryInt(amount, "a number of days", out int days))
        {
            return null;
        }

        if (days < 0 || days > 3_650)
        {
            context.Invalid(amount, "expected 0 to 3,650 days of notice");
            return null;
        }

        return working is not null ? NoticeLeadTime.WorkingDays(days) : NoticeLeadTime.CalendarDays(days);
    }

    private static void ReadFollowUps(ObjectReader schedule, DocumentContext context, InspectionScheduleBuilder builder)
    {
        if (schedule.Optional("followUps") is not { } node)
        {
            return;
        }

        foreach (var item in context.Array(node, "an array of follow-up duties such as { \"name\": \"signedReport\", \"workingDays\": 5 }"))
        {
            if (context.Object(item, "a follow-up duty object with \"name\" and one amount") is not { } duty)
            {
                continue;
            }

            string? name = duty.Required("name", "the duty's name, such as \"signedReport\"") is { } nameNode && context.TryString(nameNode, "a name", out string text) ? text : null;
            int before = context.ErrorCount;
            var target = TargetReader.Read(duty, context, out string? calendarName, out var calendar);
            duty.Finish("follow-up duty property");
            if (name is not null && target is { } t && context.ErrorCount == before)
            {
                builder.AddFollowUp(name, t, calendar, FieldRef.At(item), calendarName);
            }
        }
    }

    private static void ReadQuotas(ObjectReader schedule, DocumentContext context, InspectionScheduleBuilder builder)
    {
        if (schedule.Optional("quotas") is not { } node)
        {
            return;
        }

        foreach (var item in context.Array(node, "an array of quotas such as { \"atLeast\": 1, \"per\": \"contractMonth\", \"for\": \"P3M\" }"))
        {
            if (context.Object(item, "a quota object with \"atLeast\" and \"per\"") is not { } quota)
            {
                continue;
            }

            int before = context.ErrorCount;
            int atLeast = quota.Required("atLeast", "the least number of visits per period") is { } a && context.TryInt(a, "a number of visits", out int k) ? k : 0;
            var per = quota.Required("per", "the periods: calendarMonth, calendarQuarter, calendarYear, contractMonth, contractQuarter, contractYear, ...") is { } p ? ReadGrid(p, context) : null;
            var from = Period.Zero;
            if (quota.Optional("from") is { } fromNode && context.TryPeriod(fromNode, out var f))
            {
                from = f;
            }

            Period? length = null;
            if (quota.Optional("for") is { } forNode && context.TryPeriod(forNode, out var l))
            {
                length = l;
            }

            quota.Finish("quota property");
            if (per is { } grid && context.ErrorCount == before)
            {
                builder.AddQuota(atLeast, grid, from, length, FieldRef.At(item));
            }
        }
    }

    private static int? Choice(DocNode node, string[] names, string what, DocumentContext context)
    {
        if (!context.TryString(node, what, out string text))
        {
            return null;
        }

        int index = System.Array.IndexOf(names, text);
        if (index < 0)
        {
            context.Invalid(node, $"expected {what}: {string.Join(", ", names.Select(n => $"\"{n}\""))}");
            return null;
        }

        return index;
    }
}
