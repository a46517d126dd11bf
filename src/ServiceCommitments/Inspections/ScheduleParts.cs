using System;
using System.Globalization;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Inspections;

/// <summary>One phase of a schedule: a step, and how long the phase lasts (null for the last phase, which lasts to the schedule's end).</summary>
/// <remarks>
/// A phase with a length holds the occurrences up to its anchor + its length, that day included; the next phase is
/// anchored there. The first phase is anchored on the schedule's anchor. Instances are immutable.
/// </remarks>
[Immutable]
public sealed class SchedulePhase
{
    internal SchedulePhase(ScheduleStep step, Period? length, FieldRef origin)
    {
        Step = step;
        Length = length;
        Origin = origin;
    }

    /// <summary>The step between occurrences.</summary>
    public ScheduleStep Step { get; }

    /// <summary>How long the phase lasts from its anchor, or null for a phase that lasts to the schedule's end.</summary>
    public Period? Length { get; }

    internal FieldRef Origin { get; }

    /// <summary>Describes the phase: <c>every month for 3 months</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Length is null ? Step.ToString() : $"{Step} for {Length}";
}

/// <summary>
/// How far ahead of each occurrence the customer must be told ("notify the customer before an inspection", "announce at least
/// 3 days before"): the last day on which the notice may be given.
/// </summary>
/// <remarks>The default value is no lead time (notice on the due date itself). Instances are immutable values.</remarks>
[Immutable]
public readonly record struct NoticeLeadTime
{
    private NoticeLeadTime(int days, bool working)
    {
        Days = days;
        IsWorkingDays = working;
    }

    /// <summary>The days of notice.</summary>
    public int Days { get; }

    /// <summary>Whether <see cref="Days"/> counts working days of the schedule's alignment calendar rather than calendar days.</summary>
    public bool IsWorkingDays { get; }

    /// <summary>Notice <paramref name="days"/> calendar days before: the last day to give it is the due date minus <paramref name="days"/>.</summary>
    /// <param name="days">The days, 0 to 3,650.</param>
    /// <returns>The lead time.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 0-3,650.</exception>
    public static NoticeLeadTime CalendarDays(int days) => new(Check(days, nameof(days)), false);

    /// <summary>Notice <paramref name="days"/> working days before: the last day to give it is the <paramref name="days"/>th working day before the due date.</summary>
    /// <param name="days">The working days, 0 to 3,650.</param>
    /// <returns>The lead time.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 0-3,650.</exception>
    public static NoticeLeadTime WorkingDays(int days) => new(Check(days, nameof(days)), true);

    /// <summary>Describes the lead time: <c>3 working days before</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Days.ToString(CultureInfo.InvariantCulture)} {(IsWorkingDays ? "working " : "")}day{(Days == 1 ? "" : "s")} before";

    private static int Check(int days, string paramName)
    {
        if (days < 0 || days > 3_650)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, days, "0 to 3,650 days");
        }

        return days;
    }
}

/// <summary>
/// A duty that follows each visit, with its own deadline counted from the visit's date ("the report signed by the
/// customer is filed within 5 working days").
/// </summary>
/// <remarks>
/// The deadline follows the target's rules with the visit's date as the start's date (that day not counted): working
/// days end at the close of business of the Nth working day after it, calendar days and periods at 24:00 of their last
/// day. Only day-based targets (working days, calendar days, periods) apply, since visits are dates. Instances are
/// immutable.
/// </remarks>
[Immutable]
public sealed class FollowUpDuty
{
    internal FollowUpDuty(string name, ServiceTarget within, BusinessCalendar? calendar, FieldRef origin, string? calendarName = null)
    {
        Name = name;
        Within = within;
        Calendar = calendar;
        Origin = origin;
        CalendarName = calendarName;
    }

    /// <summary>The duty's name, for example <c>signedReport</c>.</summary>
    public string Name { get; }

    /// <summary>How long after the visit the duty is due.</summary>
    public ServiceTarget Within { get; }

    /// <summary>The calendar the target counts on, or null to use the schedule's alignment calendar.</summary>
    public BusinessCalendar? Calendar { get; }

    /// <summary>The name a document gave <see cref="Calendar"/>, kept to write the schedule back under it; null when built in code.</summary>
    internal string? CalendarName { get; }

    internal FieldRef Origin { get; }

    /// <summary>Describes the duty: <c>signedReport within 5 working days</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Name} {Within}";
}

/// <summary>
/// "At least K visits per period" (four inspections a year, at least one visit a month in the first three months): an
/// obligation over calendar or contract periods, checked against the visits themselves, apart from the nominal dates.
/// </summary>
/// <remarks>
/// The quota applies from the anchor + <see cref="From"/> for <see cref="For"/> (or to the schedule's end when null).
/// Every period of <see cref="Per"/> that overlaps that range is checked, and only visits inside both the period and
/// the range count; a period the range covers only in part is flagged <see cref="QuotaResult.IsPartial"/> and still
/// needs the full <see cref="AtLeast"/>, which is never scaled down silently. Instances are immutable.
/// </remarks>
[Immutable]
public sealed class VisitQuota
{
    internal VisitQuota(int atLeast, PeriodGrid per, Period from, Period? length, FieldRef origin)
    {
        AtLeast = atLeast;
        Per = per;
        From = from;
        For = length;
        Origin = origin;
    }

    /// <summary>The least number of visits each period needs.</summary>
    public int AtLeast { get; }

    /// <summary>The periods.</summary>
    public PeriodGrid Per { get; }

    /// <summary>When the quota starts, counted from the anchor (zero: the day after the anchor).</summary>
    public Period From { get; }

    /// <summary>How long the quota lasts, or null for the schedule's whole life.</summary>
    public Period? For { get; }

    internal FieldRef Origin { get; }

    /// <summary>Describes the quota: <c>at least 1 visit per contract month</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"at least {AtLeast.ToString(CultureInfo.InvariantCulture)} visit{(AtLeast == 1 ? "" : "s")} per {Per.ToString().Replace("months", "month", StringComparison.Ordinal).Replace("quarters", "quarter", StringComparison.Ordinal).Replace("years", "year", StringComparison.Ordinal).Replace("half-years", "half-year", StringComparison.Ordinal)}";
}

/// <summary>How a schedule's due dates meet a business calendar: the calendar, the move for a date that is not a working day, and the period used by <see cref="AlignMove.NearestWorkingDayInPeriod"/>.</summary>
/// <remarks>Instances are immutable.</remarks>
[Immutable]
public sealed class ScheduleAlignment
{
    internal ScheduleAlignment(BusinessCalendar? calendar, AlignMove move, PeriodGrid period, string? calendarName = null)
    {
        Calendar = calendar;
        Move = move;
        Period = period;
        CalendarName = calendarName;
    }

    /// <summary>The calendar, or null when the schedule has none.</summary>
    public BusinessCalendar? Calendar { get; }

    /// <summary>The name a document gave <see cref="Calendar"/>, kept to write the schedule back under it; null when built in code.</summary>
    internal string? CalendarName { get; }

    /// <summary>Where a due date that is not a working day goes.</summary>
    public AlignMove Move { get; }

    /// <summary>The periods inside which <see cref="AlignMove.NearestWorkingDayInPeriod"/> stays (calendar months by default).</summary>
    public PeriodGrid Period { get; }
}
