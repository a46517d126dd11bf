namespace ServiceCommitments.Inspections;

/// <summary>What a step counted in months does when the anchor's day does not exist in a month (31 January + 1 month).</summary>
public enum MonthEndRule
{
    /// <summary>The occurrence falls on the month's last day: 31 January + 1 month is 29 February 2024 (PRC Civil Code art. 202). This is the default value.</summary>
    Clamp = 0,

    /// <summary>The month has no occurrence: from 31 January, monthly occurrences fall on 31 March, 31 May, ... The occurrence's number is used up all the same.</summary>
    Skip = 1,

    /// <summary>The occurrence falls on the first day of the next month: 31 January + 1 month is 1 March.</summary>
    Forward = 2,
}

/// <summary>Where a due date that is not a working day of the alignment calendar goes.</summary>
public enum AlignMove
{
    /// <summary>It stays where it is: the calendar is not consulted. This is the default value.</summary>
    None = 0,

    /// <summary>To the first working day after it.</summary>
    NextWorkingDay = 1,

    /// <summary>To the last working day before it.</summary>
    PreviousWorkingDay = 2,

    /// <summary>To the nearer of the previous and the next working day; when both are as near, to the previous one (so that a visit is never later than it need be).</summary>
    NearestWorkingDay = 3,

    /// <summary>
    /// To the nearer of the previous and the next working day that lie inside the same period of
    /// <see cref="ScheduleAlignment.Period"/> (a calendar month by default), ties to the previous; when the period has no
    /// working day at all, the occurrence is skipped.
    /// </summary>
    NearestWorkingDayInPeriod = 4,

    /// <summary>The occurrence is dropped: the schedule has no occurrence that time. Its number is used up.</summary>
    Skip = 5,
}

/// <summary>The verdict on one occurrence of a schedule, or on a visit no occurrence claimed.</summary>
public enum VisitVerdict
{
    /// <summary>No visit, and the occurrence's window is still open (its last day is on or after the as-of date). This is the default value.</summary>
    Pending = 0,

    /// <summary>A visit inside the occurrence's window.</summary>
    OnTime = 1,

    /// <summary>A visit before the occurrence's window opened.</summary>
    Early = 2,

    /// <summary>A visit after the occurrence's window closed.</summary>
    Late = 3,

    /// <summary>No visit, and the occurrence's window closed before the as-of date.</summary>
    Missed = 4,

    /// <summary>A visit that no occurrence claimed: reported, never silently matched.</summary>
    Extra = 5,
}

/// <summary>Where a quota stands for one period.</summary>
public enum QuotaStatus
{
    /// <summary>The period has not ended by the as-of date and has fewer visits than required. This is the default value.</summary>
    Open = 0,

    /// <summary>The period has at least as many visits as required.</summary>
    Met = 1,

    /// <summary>The period ended before the as-of date with fewer visits than required.</summary>
    Short = 2,
}

/// <summary>How an allowance of an on-time rule is counted.</summary>
public enum AllowanceKind
{
    /// <summary>No allowance: the window ends (or starts) on the due date. This is the default value.</summary>
    None = 0,

    /// <summary>Calendar days.</summary>
    CalendarDays = 1,

    /// <summary>Working days of the schedule's alignment calendar (adjusted working days count, holidays do not).</summary>
    WorkingDays = 2,

    /// <summary>A share of the occurrence's interval in days, rounded down to whole days, optionally capped.</summary>
    ShareOfInterval = 3,

    /// <summary>(Early side only) the whole cycle: the window opens on the day after the previous occurrence's nominal date, or for a calendar step on the first day of the occurrence's period.</summary>
    WholeCycle = 4,
}
