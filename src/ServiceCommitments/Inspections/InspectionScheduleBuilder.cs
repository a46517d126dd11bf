using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Inspections;

/// <summary>Builds an <see cref="InspectionSchedule"/>: its anchor event, phases or one-off offset, bounds, alignment, on-time rule, shift factors, notice, follow-up duties and quotas.</summary>
/// <remarks>
/// <para>The methods reject only null arguments. <see cref="Build"/> checks every rule once and throws one
/// <see cref="ValidationException"/> listing every problem: no phase, one-off duty or quota; both phases and a one-off
/// duty; a phase before the last without a length; a length or offset that is zero, negative or has a time part;
/// both a period and a date to end on; a count below 1; an alignment move without a calendar; a working-day
/// allowance or notice without a calendar; a whole-cycle allowance after the due date; a shift factor outside 0-1; a
/// follow-up duty that is not counted in days or a period, has no calendar, or repeats a name; a quota of fewer than
/// one visit.</para>
/// <para>A builder is mutable and not thread-safe; <see cref="Build"/> takes a snapshot, so a builder can be changed and built again.</para>
/// </remarks>
[Mutable]
public sealed class InspectionScheduleBuilder
{
    /// <summary>Where the schedule and its settings came from, for C# callers: the names their messages use.</summary>
    private static readonly FieldMap CallerFields = FieldMap.Named(
        "phases", ("anchor", "anchor event"), ("once", "once"), ("until", "until"), ("count", "count"), ("align", "alignment"),
        ("tolerance", "on-time rule"), ("shift", "shift factors"), ("notice", "notice"));

    private readonly List<SchedulePhase> phases = [];
    private readonly List<FollowUpDuty> followUps = [];
    private readonly List<VisitQuota> quotas = [];
    private string anchorEvent;
    private FieldMap fields = CallerFields;
    private Period? once;
    private Period? until;
    private LocalDate? untilDate;
    private int? count;
    private BusinessCalendar? calendar;
    private string? calendarName;
    private AlignMove move;
    private PeriodGrid alignPeriod = PeriodGrid.CalendarMonths;

    /// <summary>Creates a builder for a schedule anchored on the contract event <paramref name="anchorEvent"/>.</summary>
    /// <param name="anchorEvent">The event, for example <c>acceptance</c>, <c>commissioning</c> or <c>warrantyStart</c>; not empty (checked by <see cref="Build"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="anchorEvent"/> is null.</exception>
    public InspectionScheduleBuilder(string anchorEvent)
    {
        this.anchorEvent = Preconditions.CheckNotNull(anchorEvent, nameof(anchorEvent));
    }

    /// <summary>What a step counted in months does when the anchor's day does not exist in a month. Default <see cref="MonthEndRule.Clamp"/>.</summary>
    public MonthEndRule MonthEnd { get; set; }

    /// <summary>Whether the anchor itself is occurrence 0 ("an inspection at acceptance, then every quarter"). Default false.</summary>
    public bool IncludeAnchor { get; set; }

    /// <summary>When a visit counts as on time. Default <see cref="OnTimeRule.Exact"/>.</summary>
    public OnTimeRule OnTimeRule { get; set; }

    /// <summary>How early and late visits move the rest of the schedule. Default <see cref="ShiftFactors.Fixed"/>.</summary>
    public ShiftFactors ShiftFactors { get; set; }

    /// <summary>How far ahead the customer must be told of each visit, or null (the default) for no notice.</summary>
    public NoticeLeadTime? Notice { get; set; }

    /// <summary>Adds a phase: occurrences every <paramref name="step"/>, for <paramref name="length"/> from the phase's anchor, or to the schedule's end when null (the last phase only).</summary>
    /// <param name="step">The step.</param>
    /// <param name="length">How long the phase lasts, or null.</param>
    /// <returns>This builder.</returns>
    public InspectionScheduleBuilder AddPhase(ScheduleStep step, Period? length = null) =>
        AddPhase(step, length, FieldRef.Named($"phases[{phases.Count.ToString(CultureInfo.InvariantCulture)}]"));

    internal InspectionScheduleBuilder AddPhase(ScheduleStep step, Period? length, FieldRef field)
    {
        phases.Add(new SchedulePhase(step, length, field));
        return this;
    }

    /// <summary>Makes the schedule a one-off duty due <paramref name="offset"/> after the anchor (training 3 days after commissioning: <c>P3D</c>; on the anchor's day: <c>P0D</c>).</summary>
    /// <param name="offset">The offset, zero or more, in years, months, weeks and days.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="offset"/> is null.</exception>
    public InspectionScheduleBuilder Once(Period offset)
    {
        once = Preconditions.CheckNotNull(offset, nameof(offset));
        return this;
    }

    /// <summary>Ends the schedule <paramref name="length"/> after the anchor: the last day is the anchor + the length (the anchor's day is not counted).</summary>
    /// <param name="length">The schedule's length: the warranty period, for example <c>P12M</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="length"/> is null.</exception>
    public InspectionScheduleBuilder Until(Period length)
    {
        until = Preconditions.CheckNotNull(length, nameof(length));
        return this;
    }

    /// <summary>Ends the schedule on <paramref name="lastDay"/>, that day included.</summary>
    /// <param name="lastDay">The last day an occurrence's nominal date may fall on.</param>
    /// <returns>This builder.</returns>
    public InspectionScheduleBuilder UntilDate(LocalDate lastDay)
    {
        untilDate = lastDay;
        return this;
    }

    /// <summary>Ends the schedule after occurrence number <paramref name="count"/> ("four inspections").</summary>
    /// <param name="count">The highest number, 1 or more; skipped occurrences use up their numbers.</param>
    /// <returns>This builder.</returns>
    public InspectionScheduleBuilder LimitCount(int count)
    {
        this.count = count;
        return this;
    }

    /// <summary>Aligns due dates with <paramref name="calendar"/>: a due date that is not a working day moves by <paramref name="move"/>.</summary>
    /// <param name="calendar">The calendar; also the one working-day allowances, notices and follow-up duties count on.</param>
    /// <param name="move">Where a due date that is not a working day goes.</param>
    /// <param name="period">For <see cref="AlignMove.NearestWorkingDayInPeriod"/>, the periods to stay inside; null for calendar months.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public InspectionScheduleBuilder AlignTo(BusinessCalendar calendar, AlignMove move, PeriodGrid? period = null) =>
        AlignTo(Preconditions.CheckNotNull(calendar, nameof(calendar)), move, period, null);

    /// <summary>Aligns as the public overload does; a document gives the name its <c>calendars</c> gave the calendar, which the schedule keeps for writing it back.</summary>
    internal InspectionScheduleBuilder AlignTo(BusinessCalendar? calendar, AlignMove move, PeriodGrid? period, string? calendarName)
    {
        this.calendar = calendar;
        this.calendarName = calendarName;
        this.move = move;
        alignPeriod = period ?? PeriodGrid.CalendarMonths;
        return this;
    }

    /// <summary>The contract event, as a document gives it after the builder was made.</summary>
    internal string AnchorEvent
    {
        set => anchorEvent = value;
    }

    /// <summary>
    /// Where the schedule came from: its origin (for the "nothing to schedule" problem) and its <c>anchor</c>, <c>once</c>,
    /// <c>until</c>, <c>count</c>, <c>align</c>, <c>tolerance</c>, <c>shift</c> and <c>notice</c>, which the checks report at.
    /// </summary>
    internal InspectionScheduleBuilder WithFields(FieldMap map)
    {
        fields = map;
        return this;
    }

    /// <summary>Adds a duty that follows each visit (the signed report filed within 5 working days).</summary>
    /// <param name="name">The duty's name, unique in the schedule.</param>
    /// <param name="within">The deadline after the visit: working days, calendar days or a period.</param>
    /// <param name="calendar">The calendar to count on, or null for the alignment calendar.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public InspectionScheduleBuilder AddFollowUp(string name, ServiceTarget within, BusinessCalendar? calendar = null) =>
        AddFollowUp(Preconditions.CheckNotNull(name, nameof(name)), within, calendar, FieldRef.Named($"follow-up '{name}'"));

    internal InspectionScheduleBuilder AddFollowUp(string name, ServiceTarget within, BusinessCalendar? calendar, FieldRef field, string? calendarName = null)
    {
        followUps.Add(new FollowUpDuty(name, within, calendar, field, calendar is null ? null : calendarName));
        return this;
    }

    /// <summary>Adds a quota: at least <paramref name="atLeast"/> visits in every period of <paramref name="per"/>, from the anchor + <paramref name="from"/> for <paramref name="length"/>.</summary>
    /// <param name="atLeast">The least number of visits per period, 1 or more.</param>
    /// <param name="per">The periods.</param>
    /// <param name="from">When the quota starts, after the anchor; null for the anchor.</param>
    /// <param name="length">How long it lasts; null for the schedule's whole life.</param>
    /// <returns>This builder.</returns>
    public InspectionScheduleBuilder AddQuota(int atLeast, PeriodGrid per, Period? from = null, Period? length = null) =>
        AddQuota(atLeast, per, from ?? Period.Zero, length, FieldRef.Named($"quotas[{quotas.Count.ToString(CultureInfo.InvariantCulture)}]"));

    internal InspectionScheduleBuilder AddQuota(int atLeast, PeriodGrid per, Period from, Period? length, FieldRef field)
    {
        quotas.Add(new VisitQuota(atLeast, per, from, length, field));
        return this;
    }

    /// <summary>Builds the schedule, checking every rule once.</summary>
    /// <returns>An immutable, thread-safe schedule.</returns>
    /// <exception cref="ValidationException">The schedule breaks a rule; every problem is listed.</exception>
    public InspectionSchedule Build()
    {
        var sink = new ProblemSink();
        return TryBuild(sink) ?? throw new ValidationException("inspection schedule", sink);
    }

    internal InspectionSchedule? TryBuild(ProblemSink sink)
    {
        int before = sink.Count;
        if (anchorEvent.Length == 0)
        {
            sink.Add(fields.Get("anchor"), "\"\"", "expected the name of a contract event, such as acceptance or commissioning");
        }

        if (phases.Count == 0 && once is null && quotas.Count == 0)
        {
            sink.Add(fields.Origin, null, "a schedule needs at least one phase, a one-off offset (once) or a quota");
        }

        if (phases.Count > 0 && once is { } oneOff)
        {
            sink.Add(fields.Get("once"), oneOff.ToString(), "a one-off duty has no phases; give either phases or once");
        }

        if (once is { } offset)
        {
            CheckPeriod(offset, fields.Get("once"), allowZero: true, sink);
        }

        for (int i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            if (!phase.Step.IsValid)
            {
                sink.Add(phase.Origin, "no step", "a phase needs a step that moves forward, such as every month or every 7 days");
            }

            if (phase.Length is { } length)
            {
                CheckPeriod(length, phase.Origin, allowZero: false, sink);
            }
            else if (i + 1 < phases.Count)
            {
                sink.Add(phase.Origin, phase.ToString(), "only the last phase may last to the schedule's end; give this phase a length (for)");
            }
        }

        if (until is { } u)
        {
            CheckPeriod(u, fields.Get("until"), allowZero: false, sink);
            if (untilDate is { } both)
            {
                sink.Add(fields.Get("until"), Occurrence.Format(both), "a schedule ends after a period or on a date, not both");
            }
        }

        if (untilDate is { } d && (d.Calendar != CalendarSystem.Iso || d.Year < CalendarLimits.MinYear || d.Year > CalendarLimits.MaxYear))
        {
            sink.Add(fields.Get("until"), d.ToString(), $"expected an ISO date in years {CalendarLimits.MinYear}-{CalendarLimits.MaxYear}");
        }

        if (count is { } c && c < 1)
        {
            sink.Add(fields.Get("count"), c.ToString(CultureInfo.InvariantCulture), "expected a count of 1 or more occurrences");
        }

        if (!Enum.IsDefined(move))
        {
            sink.Add(fields.Get("align"), move.ToString(), "expected an alignment move: none, nextWorkingDay, previousWorkingDay, nearestWorkingDay, nearestWorkingDayInPeriod or skip");
        }
        else if (move != AlignMove.None && calendar is null)
        {
            sink.Add(fields.Get("align"), move.ToString(), "moving due dates to working days needs a calendar");
        }

        if (!Enum.IsDefined(MonthEnd))
        {
            sink.Add(FieldRef.Named("month-end rule"), MonthEnd.ToString(), "expected clamp, skip or forward");
        }

        CheckAllowance(OnTimeRule.Early, "early", sink);
        CheckAllowance(OnTimeRule.Late, "late", sink);
        if (OnTimeRule.Late.Kind == AllowanceKind.WholeCycle)
        {
            sink.Add(fields.Get("tolerance"), "the whole cycle", "the whole cycle is an allowance before the due date only (early)");
        }

        CheckFactor(ShiftFactors.Early, "early", sink);
        CheckFactor(ShiftFactors.Late, "late", sink);
        if (Notice is { IsWorkingDays: true } notice && calendar is null)
        {
            sink.Add(fields.Get("notice"), notice.ToString(), "a notice in working days needs the schedule's calendar (align)");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var duty in followUps)
        {
            if (duty.Name.Length == 0)
            {
                sink.Add(duty.Origin, "\"\"", "a follow-up duty needs a name");
            }
            else if (!names.Add(duty.Name))
            {
                sink.Add(duty.Origin, ProblemSink.Quote(duty.Name), "a follow-up duty with this name was already added; give each duty its own name");
            }

            if (duty.Within.Kind is not (TargetKind.WorkingDays or TargetKind.CalendarDays or TargetKind.Period))
            {
                sink.Add(duty.Origin, duty.Within.ToString(), "a follow-up duty counts from the visit's date, so it is due within working days, calendar days or a period");
            }
            else if (duty.Within.HasCutOff)
            {
                sink.Add(duty.Origin, duty.Within.ToString(), "a follow-up duty counts from the visit's date, which has no time of day for a cut-off");
            }

            if (duty.Calendar is null && calendar is null)
            {
                sink.Add(duty.Origin, duty.Within.ToString(), "a follow-up duty needs a calendar: its own, or the schedule's (align)");
            }
        }

        foreach (var quota in quotas)
        {
            if (quota.AtLeast < 1 || quota.AtLeast > 10_000)
            {
                sink.Add(quota.Origin, quota.AtLeast.ToString(CultureInfo.InvariantCulture), "expected at least 1 and at most 10,000 visits per period");
            }

            CheckPeriod(quota.From, quota.Origin, allowZero: true, sink);
            if (quota.For is { } length)
            {
                CheckPeriod(length, quota.Origin, allowZero: false, sink);
            }
        }

        if (sink.Count > before)
        {
            return null;
        }

        return new InspectionSchedule(
            anchorEvent, phases.ToArray(), FoldWeeks(once), IncludeAnchor, MonthEnd, FoldWeeks(until), untilDate, count,
            new ScheduleAlignment(calendar, move, alignPeriod, calendar is null ? null : calendarName), OnTimeRule, ShiftFactors, Notice, followUps.ToArray(), quotas.ToArray());
    }

    private void CheckAllowance(Allowance allowance, string side, ProblemSink sink)
    {
        if (!Enum.IsDefined(allowance.Kind))
        {
            sink.Add(fields.Get("tolerance"), allowance.Kind.ToString(), $"expected a known {side} allowance");
        }
        else if (allowance.Kind == AllowanceKind.WorkingDays && calendar is null)
        {
            sink.Add(fields.Get("tolerance"), allowance.ToString(), $"{(side == "early" ? "an" : "a")} {side} allowance in working days needs the schedule's calendar (align)");
        }
    }

    private void CheckFactor(decimal factor, string side, ProblemSink sink)
    {
        if (factor < 0 || factor > 1)
        {
            sink.Add(fields.Get("shift"), factor.ToString(CultureInfo.InvariantCulture), $"expected {(side == "early" ? "an" : "a")} {side} shift factor from 0 (fixed) to 1 (floating)");
        }
    }

    private static Period? FoldWeeks(Period? period) => period is null ? null : PeriodRules.FoldWeeks(period);

    private static void CheckPeriod(Period period, FieldRef field, bool allowZero, ProblemSink sink)
    {
        if (period.HasTimeComponent || period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0)
        {
            sink.Add(field, period.ToString(), "expected a period of years, months, weeks and days, none negative, with no time part");
        }
        else if (!allowZero && period.Years == 0 && period.Months == 0 && period.Weeks == 0 && period.Days == 0)
        {
            sink.Add(field, period.ToString(), "expected a period longer than zero");
        }
        else if (!PeriodRules.IsWithinMaxLength(period))
        {
            sink.Add(field, period.ToString(), PeriodRules.MaxLengthRule);
        }
    }
}
