using System;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>
/// A division of time into consecutive periods, for quotas ("at least one visit a month"), for the share of visits on
/// time per period, for cohorts and for moving a due date to a working day inside its period: calendar months,
/// quarters, half-years or years, or contract periods counted from the schedule's anchor.
/// </summary>
/// <remarks>
/// <para>A <b>calendar</b> period starts on the first day of a month (quarters on 1 January, 1 April, 1 July and
/// 1 October; years on 1 January) and ends on the last day of its last month.</para>
/// <para>A <b>contract</b> period is counted from the anchor as a period of the PRC Civil Code is (arts. 201-202): the
/// anchor's own day is not counted, so contract month k (from 0) runs from the day after anchor + k months to
/// anchor + (k + 1) months inclusive, that month's last day where it has no corresponding day. From acceptance on
/// 20 March 2024, contract month 0 is 21 March - 20 April and contract quarter 1 is 21 June - 20 September.</para>
/// <para>The default value is the calendar month grid. Instances are immutable values.</para>
/// </remarks>
[Immutable]
public readonly struct PeriodGrid : IEquatable<PeriodGrid>
{
    private readonly int lengthMonths; // stored minus one for calendar grids so that default is the calendar month
    private readonly int lengthDays;
    private readonly bool contract;

    private PeriodGrid(bool contract, int months, int days)
    {
        this.contract = contract;
        lengthMonths = contract ? months : months - 1;
        lengthDays = days;
    }

    /// <summary>Calendar months.</summary>
    public static PeriodGrid CalendarMonths { get; } = new(false, 1, 0);

    /// <summary>Calendar quarters: January-March, April-June, July-September, October-December.</summary>
    public static PeriodGrid CalendarQuarters { get; } = new(false, 3, 0);

    /// <summary>Calendar half-years: January-June, July-December.</summary>
    public static PeriodGrid CalendarHalfYears { get; } = new(false, 6, 0);

    /// <summary>Calendar years.</summary>
    public static PeriodGrid CalendarYears { get; } = new(false, 12, 0);

    /// <summary>Contract months, counted from the anchor.</summary>
    public static PeriodGrid ContractMonths { get; } = new(true, 1, 0);

    /// <summary>Contract quarters: every 3 months from the anchor.</summary>
    public static PeriodGrid ContractQuarters { get; } = new(true, 3, 0);

    /// <summary>Contract years: every 12 months from the anchor.</summary>
    public static PeriodGrid ContractYears { get; } = new(true, 12, 0);

    /// <summary>Contract periods of any length counted from the anchor: months and years (<c>P2M</c>) or weeks and days (<c>P14D</c>).</summary>
    /// <param name="length">The length of each period.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="length"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="length"/> is not a valid step (see <see cref="ScheduleStep.FromPeriod"/>).</exception>
    public static PeriodGrid Contract(Period length)
    {
        var step = ScheduleStep.FromPeriod(length);
        return new PeriodGrid(true, step.MonthCount, step.DayCount);
    }

    /// <summary>Whether the periods are counted from the anchor (contract periods) rather than from the calendar.</summary>
    public bool IsContract => contract;

    /// <summary>The length of each period.</summary>
    public Period Length => lengthDays > 0 ? Period.FromDays(lengthDays) : Period.FromMonths(contract ? lengthMonths : lengthMonths + 1);

    private int Months => contract ? lengthMonths : lengthMonths + 1;

    /// <summary>The period that holds <paramref name="date"/>, for a schedule anchored on <paramref name="anchor"/>.</summary>
    /// <param name="date">The date.</param>
    /// <param name="anchor">The anchor, used by contract periods only.</param>
    /// <returns>The period, both ends included.</returns>
    public DateInterval PeriodOf(LocalDate date, LocalDate anchor)
    {
        var (start, end) = Locate(date, anchor);
        return new DateInterval(start, end);
    }

    /// <summary>The first and last day of the period that holds <paramref name="date"/>.</summary>
    internal (LocalDate Start, LocalDate End) Locate(LocalDate date, LocalDate anchor)
    {
        if (!contract)
        {
            int months = Months;
            int firstMonth = (((date.Month - 1) / months) * months) + 1;
            var start = new LocalDate(date.Year, firstMonth, 1);
            int lastMonth = firstMonth + months - 1;
            return (start, new LocalDate(date.Year, lastMonth, CalendarSystem.Iso.GetDaysInMonth(date.Year, lastMonth)));
        }

        if (!FitsIsoRange(date, anchor))
        {
            ThrowBeyondIsoRange(date, anchor);
        }

        long k = EstimateIndex(date, anchor);
        while (Boundary(anchor, k) >= date)
        {
            k--;
        }

        while (Boundary(anchor, k + 1) < date)
        {
            k++;
        }

        return (Boundary(anchor, k).PlusDays(1), Boundary(anchor, k + 1));
    }

    /// <summary>
    /// Whether the contract period that holds <paramref name="date"/> lies within the dates NodaTime represents, with
    /// a period to spare on either side for the search of <see cref="Locate"/>: beyond them its ends are no
    /// <see cref="LocalDate"/>, and adding to the anchor would overflow.
    /// </summary>
    private bool FitsIsoRange(LocalDate date, LocalDate anchor)
    {
        // Two periods' worth (a month is at most 31 days) from each end of the range is always safe.
        long margin = lengthDays > 0 ? 2L * lengthDays : 62L * lengthMonths;
        long fromMin = Period.DaysBetween(LocalDate.MinIsoValue, date);
        long toMax = Period.DaysBetween(date, LocalDate.MaxIsoValue);
        if (fromMin >= margin && toMax >= margin)
        {
            return true;
        }

        // Near an end: compute the boundaries around the date in day numbers and months, without LocalDate.
        long k = ContractIndexUnchecked(date, anchor);
        return k != long.MinValue;
    }

    /// <summary>The index of the contract period that holds the date, or <see cref="long.MinValue"/> when one of its ends is no ISO date.</summary>
    private long ContractIndexUnchecked(LocalDate date, LocalDate anchor)
    {
        long k = EstimateIndex(date, anchor);
        while (true)
        {
            int place = TryBoundary(anchor, k, out var boundary);
            if (place < 0)
            {
                return long.MinValue;
            }

            if (place == 0 && boundary < date)
            {
                break;
            }

            k--;
        }

        while (true)
        {
            if (TryBoundary(anchor, k + 1, out var next) != 0)
            {
                return long.MinValue;
            }

            if (next >= date)
            {
                return k;
            }

            k++;
        }
    }

    /// <summary>anchor + k periods: 0 with the date, or -1 (before) or 1 (after) when that is no ISO date.</summary>
    private int TryBoundary(LocalDate anchor, long k, out LocalDate boundary)
    {
        boundary = default;
        if (lengthDays > 0)
        {
            long day = Period.DaysBetween(LocalDate.MinIsoValue, anchor) + (k * lengthDays);
            if (day < 0 || day > Period.DaysBetween(LocalDate.MinIsoValue, LocalDate.MaxIsoValue))
            {
                return day < 0 ? -1 : 1;
            }

            boundary = LocalDate.MinIsoValue.PlusDays((int)day);
            return 0;
        }

        long month = ((anchor.Year - (long)LocalDate.MinIsoValue.Year) * 12) + anchor.Month - 1 + (k * lengthMonths);
        if (month < 0 || month > ((LocalDate.MaxIsoValue.Year - (long)LocalDate.MinIsoValue.Year) * 12) + 11)
        {
            return month < 0 ? -1 : 1;
        }

        boundary = anchor.PlusMonths((int)(k * lengthMonths));
        return 0;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowBeyondIsoRange(LocalDate date, LocalDate anchor) =>
        throw new ArgumentOutOfRangeException(
            nameof(date),
            date,
            $"The {this} from {anchor:uuuu-MM-dd} that holds {date:uuuu-MM-dd} would start before {LocalDate.MinIsoValue:uuuu-MM-dd} or end after {LocalDate.MaxIsoValue:uuuu-MM-dd}, the dates NodaTime represents; expected a date whose period lies within them.");

    /// <summary>The contract period index (from 0 for the first period after the anchor) that holds <paramref name="date"/>.</summary>
    internal long ContractIndex(LocalDate date, LocalDate anchor)
    {
        long k = EstimateIndex(date, anchor);
        while (Boundary(anchor, k) >= date)
        {
            k--;
        }

        while (Boundary(anchor, k + 1) < date)
        {
            k++;
        }

        return k;
    }

    /// <summary>anchor + k periods: the last day of contract period k - 1.</summary>
    internal LocalDate Boundary(LocalDate anchor, long k) =>
        lengthDays > 0 ? anchor.PlusDays(checked((int)(k * lengthDays))) : anchor.PlusMonths(checked((int)(k * lengthMonths)));

    private long EstimateIndex(LocalDate date, LocalDate anchor)
    {
        long days = Period.DaysBetween(anchor, date);
        return lengthDays > 0 ? Math.DivRem(days - 1, lengthDays).Quotient : (long)Math.Floor((days - 1) / (30.436875 * lengthMonths));
    }

    /// <summary>Describes the grid: <c>calendar quarters</c>, <c>contract months</c>, <c>contract periods of P14D</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        string unit = Months switch
        {
            _ when lengthDays > 0 => $"periods of {lengthDays} days",
            1 => "months",
            3 => "quarters",
            6 => "half-years",
            12 => "years",
            _ => $"periods of {Months} months",
        };
        return (contract ? "contract " : "calendar ") + unit;
    }

    /// <summary>The grid's name in documents: <c>calendarQuarter</c>, <c>contractMonth</c>, or a contract period such as <c>P14D</c>.</summary>
    internal string DocumentName => (contract, Months, lengthDays) switch
    {
        (false, 1, _) => "calendarMonth",
        (false, 3, _) => "calendarQuarter",
        (false, 6, _) => "calendarHalfYear",
        (false, 12, _) => "calendarYear",
        (true, 1, 0) => "contractMonth",
        (true, 3, 0) => "contractQuarter",
        (true, 12, 0) => "contractYear",
        _ => Length.ToString(),
    };

    /// <inheritdoc/>
    public bool Equals(PeriodGrid other) => contract == other.contract && lengthMonths == other.lengthMonths && lengthDays == other.lengthDays;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PeriodGrid other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(contract, lengthMonths, lengthDays);

    /// <summary>Whether two grids are the same.</summary>
    /// <param name="left">The first grid.</param>
    /// <param name="right">The second grid.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(PeriodGrid left, PeriodGrid right) => left.Equals(right);

    /// <summary>Whether two grids differ.</summary>
    /// <param name="left">The first grid.</param>
    /// <param name="right">The second grid.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(PeriodGrid left, PeriodGrid right) => !left.Equals(right);
}
