namespace ServiceCommitments.Calendars;

/// <summary>What a calendar's answers for a year rest on (<see cref="BusinessCalendar.GetHolidayYearStatus"/>).</summary>
public enum HolidayYearStatus
{
    /// <summary>Every holiday set knows the year: its answers rest on announced data. The default value.</summary>
    Known = 0,

    /// <summary>
    /// A set does not know the year and filled it from its statutory rule (<see cref="UnknownYears.Provisional"/>): the
    /// statutory holidays count, the bridge days and adjusted working days a notice would announce do not.
    /// </summary>
    Provisional = 1,

    /// <summary>A set does not know the year and the calendar counts it as ordinary weeks (<see cref="UnknownYears.Ordinary"/>).</summary>
    Ordinary = 2,

    /// <summary>A set does not know the year and the calendar cannot fill it: a computation that needs it throws <see cref="HolidayDataUnavailableException"/>.</summary>
    Unavailable = 3,
}
