namespace ServiceCommitments.Targets;

/// <summary>What a day-based target does when its last day is not a working day of its calendar.</summary>
public enum HolidayRule
{
    /// <summary>Nothing: the deadline stays at 24:00 of the last day. This is the default value.</summary>
    None = 0,

    /// <summary>
    /// The PRC Civil Code's rule (art. 203): a period whose last day is a statutory holiday or rest day ends on the
    /// first working day after it, at the close of business. Adjusted working days (调休) are working days.
    /// </summary>
    NextWorkingDay = 1,
}
