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
