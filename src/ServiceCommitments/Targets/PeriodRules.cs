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
    /// <summary>The longest period, in years: a longer one reaches no date the library supports from any start.</summary>
    internal const int MaxYears = 10_000;

    /// <summary>The longest period, in days (10,000 years of 365.25 days).</summary>
    internal const int MaxDays = 3_652_500;

    /// <summary>The rule <see cref="IsWithinMaxLength"/> checks, phrased as what is expected.</summary>
    internal const string MaxLengthRule = "expected a period of at most 10,000 years";

    /// <summary>
    /// Whether a period of years, months, weeks and days, none negative, is at most 10,000 years long: each part and
    /// their sum. The one rule for every period of targets, warranty terms and schedules; builders, factories and
    /// readers all call it, so that a period is refused where it is made, never with an OverflowException where it is used.
    /// </summary>
    internal static bool IsWithinMaxLength(Period period) =>
        period.Years <= MaxYears && period.Months <= MaxYears * 12 && period.Weeks <= MaxDays / 7 && period.Days <= MaxDays &&
        (period.Years * 365.25) + (period.Months * 30.5) + (period.Weeks * 7L) + period.Days <= MaxYears * 366.0;

    /// <summary>Whether <paramref name="period"/> is within <see cref="IsWithinMaxLength"/>; the problem reported at <paramref name="at"/> when not.</summary>
    internal static bool CheckMaxLength(Period period, Internal.FieldRef at, Internal.IShownValue? shown, Internal.ProblemSink sink)
    {
        if (IsWithinMaxLength(period))
        {
            return true;
        }

        sink.Add(at, shown?.Show() ?? period.ToString(), MaxLengthRule);
        return false;
    }

    /// <summary>
    /// The period with its weeks counted as days, as <see cref="Period.Normalize"/> gives a period without a time part,
    /// but without its sum of nanoseconds, which overflows beyond 106,751 days. The period is within
    /// <see cref="IsWithinMaxLength"/> and has no time part.
    /// </summary>
    internal static Period FoldWeeks(Period period) =>
        period.Weeks == 0 ? period : new PeriodBuilder { Years = period.Years, Months = period.Months, Days = (period.Weeks * 7) + period.Days }.Build();

    /// <summary>
    /// The last day of a period that starts from <paramref name="start"/>: the start's day is not counted (art. 201)
    /// unless <paramref name="countStartDay"/>; a period of months or years ends on the corresponding day of the last
    /// month, or that month's last day where there is none (art. 202). Years count as twelve months each, added with
    /// the months in one step, so that the corresponding day is the start's own day of the month (29 February plus one
    /// year and one month is 29 March, not the 28th that adding the year first would give); weeks and days follow.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The last day would fall after year 9998 (checked before any date is computed, so never an OverflowException).</exception>
    internal static LocalDate LastDay(LocalDate start, Period period, bool countStartDay)
    {
        long months = ((long)period.Years * 12) + period.Months;
        if ((((long)start.Year * 12) + start.Month - 1 + months) / 12 > CalendarLimits.MaxYear)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(period), period, $"a period whose last day falls before year {CalendarLimits.MaxYear + 1} (from {start:uuuu-MM-dd})");
        }

        var afterMonths = start.PlusMonths((int)months);
        long days = (period.Weeks * 7L) + period.Days;
        if (days > Period.DaysBetween(afterMonths, new LocalDate(CalendarLimits.MaxYear, 12, 31)) + (countStartDay ? 1 : 0))
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(period), period, $"a period whose last day falls before year {CalendarLimits.MaxYear + 1} (from {start:uuuu-MM-dd})");
        }

        var last = afterMonths.PlusDays((int)days);
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
