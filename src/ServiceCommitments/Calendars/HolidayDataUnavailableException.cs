using System;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>
/// Thrown when a computation needs a year for which one of the calendar's holiday sets has no data, and the
/// calendar was built neither to treat unknown years as ordinary weeks nor to fill them provisionally (or the set
/// cannot fill that year: a set without a statutory rule, or for mainland China a year outside 1901-2100).
/// </summary>
/// <remarks>
/// Mainland China's holidays and adjusted working days are announced by the State Council year by year, so a
/// year without data is not an ordinary year: counting it as one would silently give wrong deadlines. Add the year
/// from its notice with <see cref="HolidaySet.WithNotice(string, bool)"/> (or as dates with <see cref="HolidaySet.WithYear"/>),
/// or build the calendar with <see cref="BusinessCalendarBuilder.SetUnknownYears"/>.
/// </remarks>
[Immutable]
public sealed class HolidayDataUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="holidaySetId"/> and <paramref name="year"/>.</summary>
    /// <param name="holidaySetId">The id of the holiday set that lacks the year.</param>
    /// <param name="year">The year that was needed.</param>
    /// <param name="firstKnownYear">The first year the set knows.</param>
    /// <param name="lastKnownYear">The last year the set knows.</param>
    public HolidayDataUnavailableException(string holidaySetId, int year, int firstKnownYear, int lastKnownYear)
        : base($"Holiday set '{holidaySetId}' has no data for {year}; it knows {firstKnownYear}-{lastKnownYear}. " +
               "Add the year's State Council notice with HolidaySet.WithNotice (published each November; \"notices\" in a document), " +
               "or build the calendar with SetUnknownYears(UnknownYears.Provisional) to fill it with the statutory holidays alone " +
               "(\"unknownYears\": \"provisional\"), or UnknownYears.Ordinary to count it as ordinary weeks.")
    {
        HolidaySetId = holidaySetId;
        Year = year;
        FirstKnownYear = firstKnownYear;
        LastKnownYear = lastKnownYear;
    }

    /// <summary>The id of the holiday set that lacks the year.</summary>
    public string HolidaySetId { get; }

    /// <summary>The year that was needed.</summary>
    public int Year { get; }

    /// <summary>The first year the set knows.</summary>
    public int FirstKnownYear { get; }

    /// <summary>The last year the set knows.</summary>
    public int LastKnownYear { get; }
}
