namespace ServiceCommitments.Calendars;

/// <summary>What a holiday set says about one date.</summary>
public enum HolidayKind
{
    /// <summary>A statutory holiday (or a company closure): the date has no working hours. This is the default value.</summary>
    Holiday = 0,

    /// <summary>
    /// An adjusted working day (调休上班): a date that would be a rest day but is an official working day, usually a
    /// Saturday or Sunday next to a holiday block. It counts as a working day with the calendar's adjusted-working-day hours.
    /// </summary>
    AdjustedWorkingDay = 1,
}
