namespace ServiceCommitments.Calendars;

/// <summary>
/// The rule a holiday set fills unknown years from when a calendar asks for provisional years: the holidays fixed by
/// law, without the yearly bridges and swaps that only a notice announces.
/// </summary>
internal abstract class StatutoryRule
{
    /// <summary>The statutory holidays of <paramref name="year"/>, ordered by date; false when the rule cannot compute the year.</summary>
    internal abstract bool TryGetHolidays(int year, out HolidaySetEntry[] entries);

    /// <summary>The law applied to <paramref name="year"/>, in words, for explanations.</summary>
    internal abstract string Describe(int year);
}
