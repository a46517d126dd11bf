namespace ServiceCommitments.Inspections;

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
