using System;
using System.Globalization;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>
/// How far one side of an occurrence's window reaches from its due date: calendar days, working days, a share of the
/// interval, or (before the due date) the whole cycle.
/// </summary>
/// <remarks>The default value is no allowance. Instances are immutable values.</remarks>
[Immutable]
public readonly struct Allowance : IEquatable<Allowance>
{
    private readonly decimal share;

    private Allowance(AllowanceKind kind, int days, decimal share)
    {
        Kind = kind;
        Days = days;
        this.share = share;
    }

    /// <summary>The most days an allowance or its cap counts.</summary>
    internal const int MaxDays = 36_500;

    /// <summary>No allowance.</summary>
    public static Allowance None => default;

    /// <summary>The whole cycle (early side only): the window opens the day after the previous occurrence's nominal date.</summary>
    public static Allowance WholeCycle { get; } = new(AllowanceKind.WholeCycle, 0, 0);

    /// <summary>How the allowance is counted.</summary>
    public AllowanceKind Kind { get; }

    /// <summary>The days for calendar and working days; for a share of the interval, the cap in days (0 for none).</summary>
    public int Days { get; }

    /// <summary>The share of the interval, from 0 to 1, for <see cref="AllowanceKind.ShareOfInterval"/>; zero otherwise.</summary>
    public decimal Share => share;

    /// <summary><paramref name="days"/> calendar days.</summary>
    /// <param name="days">The days, 0 to 36,500.</param>
    /// <returns>The allowance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 0-36,500.</exception>
    public static Allowance CalendarDays(int days) => new(AllowanceKind.CalendarDays, CheckDays(days, nameof(days)), 0);

    /// <summary><paramref name="days"/> working days of the schedule's alignment calendar, which the schedule must then have.</summary>
    /// <param name="days">The working days, 0 to 36,500.</param>
    /// <returns>The allowance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 0-36,500.</exception>
    public static Allowance WorkingDays(int days) => new(AllowanceKind.WorkingDays, CheckDays(days, nameof(days)), 0);

    /// <summary>A share of the occurrence's interval in days, rounded down (10 % of a 31-day interval is 3 days), at most <paramref name="maxDays"/> when that is above 0.</summary>
    /// <param name="share">The share, more than 0 and at most 1 (0.1 for 10 %).</param>
    /// <param name="maxDays">The cap in days, 0 for none; at most 36,500.</param>
    /// <returns>The allowance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="share"/> is not in (0, 1], or <paramref name="maxDays"/> is outside 0-36,500.</exception>
    public static Allowance ShareOfInterval(decimal share, int maxDays = 0)
    {
        if (share <= 0 || share > 1)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(share), share, "a share more than 0 and at most 1 (0.1 for 10 %)");
        }

        return new(AllowanceKind.ShareOfInterval, CheckDays(maxDays, nameof(maxDays)), share);
    }

    /// <summary>A period as an allowance of calendar days, or null with the problem reported at <paramref name="field"/>: only days and weeks, at most 36,500 days.</summary>
    internal static Allowance? TryCalendarDays(Period period, FieldRef field, ProblemSink sink)
    {
        if (!IsDays(period))
        {
            sink.Add(field, ProblemSink.Quote(period.ToString()), "expected an allowance in days or weeks (P7D, P2W), at most 36,500 days; months vary in length, so give days, or a share of the interval");
            return null;
        }

        return CalendarDays((7 * period.Weeks) + period.Days);
    }

    /// <summary><paramref name="days"/> working days, or null with the problem reported at <paramref name="field"/>.</summary>
    internal static Allowance? TryWorkingDays(int days, FieldRef field, ProblemSink sink)
    {
        if (days < 0 || days > MaxDays)
        {
            sink.Add(field, days.ToString(System.Globalization.CultureInfo.InvariantCulture), "expected 0 to 36,500 working days");
            return null;
        }

        return WorkingDays(days);
    }

    /// <summary>
    /// A share of the interval capped at <paramref name="max"/> (null for no cap), or null with each problem reported at
    /// <paramref name="fields"/>' <c>max</c> and <c>share</c>.
    /// </summary>
    internal static Allowance? TryShareOfInterval(decimal share, Period? max, FieldMap fields, ProblemSink sink)
    {
        bool maxOk = max is null || IsDays(max);
        if (!maxOk)
        {
            sink.Add(fields.Get("max"), ProblemSink.Quote(max!.ToString()), "expected a cap in days or weeks (P28D), at most 36,500 days");
        }

        if (share <= 0 || share > 1)
        {
            sink.Add(fields.Get("share"), share.ToString(System.Globalization.CultureInfo.InvariantCulture), "expected a share more than 0 and at most 1 (0.1 for 10 %)");
            return null;
        }

        return maxOk ? ShareOfInterval(share, max is null ? 0 : (7 * max.Weeks) + max.Days) : null;
    }

    private static bool IsDays(Period period) => period.Years == 0 && period.Months == 0 && (7L * period.Weeks) + period.Days <= MaxDays;

    /// <summary>The allowance in days for an occurrence whose interval is <paramref name="intervalDays"/> days (calendar-day kinds only).</summary>
    internal int DaysFor(int intervalDays)
    {
        switch (Kind)
        {
            case AllowanceKind.CalendarDays or AllowanceKind.WorkingDays:
                return Days;
            case AllowanceKind.ShareOfInterval:
                int d = (int)decimal.Floor(share * intervalDays);
                return Days > 0 && d > Days ? Days : d;
            default:
                return 0;
        }
    }

    /// <summary>Describes the allowance: <c>7 days</c>, <c>2 working days</c>, <c>20 % of the interval, at most 28 days</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        AllowanceKind.CalendarDays => Days == 1 ? "1 day" : $"{Days.ToString(CultureInfo.InvariantCulture)} days",
        AllowanceKind.WorkingDays => Days == 1 ? "1 working day" : $"{Days.ToString(CultureInfo.InvariantCulture)} working days",
        AllowanceKind.ShareOfInterval => $"{(share * 100).ToString("0.##", CultureInfo.InvariantCulture)} % of the interval" +
            (Days > 0 ? $", at most {Days.ToString(CultureInfo.InvariantCulture)} days" : ""),
        AllowanceKind.WholeCycle => "the whole cycle",
        _ => "none",
    };

    /// <inheritdoc/>
    public bool Equals(Allowance other) => Kind == other.Kind && Days == other.Days && share == other.share;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Allowance other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Days, share);

    /// <summary>Whether two allowances are the same.</summary>
    /// <param name="left">The first allowance.</param>
    /// <param name="right">The second allowance.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Allowance left, Allowance right) => left.Equals(right);

    /// <summary>Whether two allowances differ.</summary>
    /// <param name="left">The first allowance.</param>
    /// <param name="right">The second allowance.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(Allowance left, Allowance right) => !left.Equals(right);

    private static int CheckDays(int days, string paramName)
    {
        if (days < 0 || days > MaxDays)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, days, "0 to 36,500 days");
        }

        return days;
    }
}
