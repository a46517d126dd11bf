namespace ServiceCommitments.Targets;

/// <summary>How a <see cref="ServiceTarget"/> counts its "within N".</summary>
public enum TargetKind
{
    /// <summary>Wall-clock time from the start ("reply within 2 hours", "30分钟内响应"). This is the default value.</summary>
    Elapsed = 0,

    /// <summary>Working time on a business calendar ("within 8 working hours"): only time inside working hours counts.</summary>
    WorkingTime = 1,

    /// <summary>
    /// Working days ("within 2 working days", "2个工作日内"): the close of business of the Nth working day after the
    /// start's local date; the start's date is not counted.
    /// </summary>
    WorkingDays = 2,

    /// <summary>Calendar (natural) days ("3个日历天", "七个自然日"): 24:00 of the Nth day after the start's local date.</summary>
    CalendarDays = 3,

    /// <summary>
    /// A period of years, months, weeks and days ("half a month", "12 months"): the start's date is not counted; the
    /// period ends at 24:00 of its corresponding day, or of the month's last day when there is none.
    /// </summary>
    Period = 4,
}
