using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

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
    /// month, or that month's last day where there is none (art. 202). Years count as twelve months each, added with
    /// the months in one step, so that the corresponding day is the start's own day of the month (29 February plus one
    /// year and one month is 29 March, not the 28th that adding the year first would give); weeks and days follow.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The last day would fall after year 9998.</exception>
    internal static LocalDate LastDay(LocalDate start, Period period, bool countStartDay)
    {
        long months = ((long)period.Years * 12) + period.Months;
        if ((((long)start.Year * 12) + start.Month - 1 + months) / 12 > CalendarLimits.MaxYear)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(period), period, $"a period whose last day falls before year {CalendarLimits.MaxYear + 1} (from {start:uuuu-MM-dd})");
        }

        var last = start.PlusMonths((int)months).PlusDays(checked((period.Weeks * 7) + period.Days));
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
