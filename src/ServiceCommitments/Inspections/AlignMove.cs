namespace ServiceCommitments.Inspections;

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
