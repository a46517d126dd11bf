namespace ServiceCommitments.Calendars;

/// <summary>The statutory rules the package knows.</summary>
internal static class StatutoryRules
{
    /// <summary>Mainland China's 全国年节及纪念日放假办法, in the revision in force each year.</summary>
    internal static StatutoryRule ChinaMainland { get; } = new ChinaMainlandRule();

    private sealed class ChinaMainlandRule : StatutoryRule
    {
        internal override bool TryGetHolidays(int year, out HolidaySetEntry[] entries) => ChinaMainlandStatute.TryGetHolidays(year, out entries);

        internal override string Describe(int year) => ChinaMainlandStatute.LawFor(year);
    }
}
