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
        if (days < 0 || days > 36_500)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, days, "0 to 36,500 days");
        }

        return days;
    }
}

/// <summary>
/// When a visit counts as on time: the window around each due date, an allowance before it and one after it. A visit
/// inside the window (both ends included) is on time, before it early, after it late.
/// </summary>
/// <remarks>
/// <para>Ready-made rules from maintenance practice: <see cref="TenPercentOfInterval"/> and <see cref="SmrpGrace"/>;
/// docs/inspections.md gives the source of each.</para>
/// <para>The default value is <see cref="Exact"/>: the window is the due date alone. Instances are immutable values.</para>
/// </remarks>
[Immutable]
public readonly record struct OnTimeRule
{
    /// <summary>Creates a rule from its two allowances.</summary>
    /// <param name="early">How far before the due date the window opens; <see cref="Allowance.WholeCycle"/> allowed.</param>
    /// <param name="late">How far after the due date the window closes; <see cref="Allowance.WholeCycle"/> is not allowed here (checked by the schedule builder).</param>
    /// <param name="name">A name for reports, or null to describe the allowances.</param>
    public OnTimeRule(Allowance early, Allowance late, string? name = null)
    {
        Early = early;
        Late = late;
        Name = name;
    }

    /// <summary>No allowance: only a visit on the due date is on time.</summary>
    public static OnTimeRule Exact => default;

    /// <summary>
    /// Within 10 % of the interval either side of the due date, rounded down to whole days (a monthly visit of a
    /// 31-day interval may be 3 days early or late): the common "±10 % of the frequency" rule of preventive-maintenance
    /// compliance.
    /// </summary>
    public static OnTimeRule TenPercentOfInterval { get; } =
        new(Allowance.ShareOfInterval(0.1m), Allowance.ShareOfInterval(0.1m), "within 10 % of the interval");

    /// <summary>
    /// The SMRP grace period: a visit up to 20 % of the interval after the due date, at most 28 days, is on time
    /// (Society for Maintenance and Reliability Professionals, SMRP Best Practices, metric 5.4.8, "PM and PdM
    /// compliance"); no allowance before the due date.
    /// </summary>
    public static OnTimeRule SmrpGrace { get; } =
        new(Allowance.None, Allowance.ShareOfInterval(0.2m, 28), "SMRP grace: 20 % of the interval, at most 28 days");

    /// <summary>How far before the due date the window opens.</summary>
    public Allowance Early { get; init; }

    /// <summary>How far after the due date the window closes.</summary>
    public Allowance Late { get; init; }

    /// <summary>The rule's name in reports, or null.</summary>
    public string? Name { get; init; }

    /// <summary>Describes the rule: its name, or <c>7 days early, 7 days late</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Name ?? $"{Early} early, {Late} late";
}

/// <summary>
/// How much an early or a late visit moves the rest of the schedule (SAP's shift factors): 0 keeps the dates fixed,
/// 1 (100 %) re-anchors them on the visit (a floating schedule), and a share between moves them by that share of the
/// deviation.
/// </summary>
/// <remarks>
/// A visit inside its window never moves the schedule (SAP's tolerance). A visit outside it re-anchors the phase on the
/// occurrence's nominal date plus the shift factor × the days from the nominal date to the visit (rounded towards
/// zero), so that a factor of 1 re-anchors it on the visit itself, and the following
/// occurrences are counted from there; a new phase starts on its own anchor. The default value is <see cref="Fixed"/>.
/// Instances are immutable values.
/// </remarks>
/// <param name="Early">The share of an early deviation applied, 0 to 1.</param>
/// <param name="Late">The share of a late deviation applied, 0 to 1.</param>
[Immutable]
public readonly record struct ShiftFactors(decimal Early, decimal Late)
{
    /// <summary>A fixed schedule: visits never move the dates.</summary>
    public static ShiftFactors Fixed => default;

    /// <summary>A floating schedule: an early or late visit re-anchors the schedule on the visit.</summary>
    public static ShiftFactors Floating { get; } = new(1, 1);

    /// <summary>Whether any visit can move the schedule.</summary>
    public bool IsFixed => Early == 0 && Late == 0;
}
