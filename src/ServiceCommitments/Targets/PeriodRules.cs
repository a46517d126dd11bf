using NodaTime;

namespace ServiceCommitments.Targets;

/// <summary>
/// The PRC Civil Code's rules for periods counted in days, months and years (arts. 201-203), shared by targets,
/// warranty terms and schedules.
/// </summary>
internal static class PeriodRules
{
    /// <summary>
    /// The last day of a period that starts from <paramref name="start"/>: the start's day is not counted (art. 201)
    /// unless <paramref name="countStartDay"/>; a period of months or years ends on the corresponding day of the last
    /// month, or that month's last day where there is none (art. 202).
    /// </summary>
    internal static LocalDate LastDay(LocalDate start, Period period, bool countStartDay)
    {
        var last = start.Plus(period);
        return countStartDay ? last.PlusDays(-1) : last;
    }

    /// <summary>The first instant of <paramref name="date"/> in <paramref name="zone"/>; for a date the zone skips entirely, the first instant after it.</summary>
    internal static Instant StartOfDay(DateTimeZone zone, LocalDate date)
    {
        for (int i = 0; ; i++)
        {
            try
            {
                return zone.AtStartOfDay(date.PlusDays(i)).ToInstant();
            }
            catch (NodaTime.SkippedTimeException) when (i < 3)
            {
                // The whole date is skipped (Pacific/Apia, 2011-12-30): its 24:00 is the next date's start.
            }
        }
    }
}
