using System;
using System.Globalization;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

/// <summary>One group of a compliance report: a fault level, a milestone and a period, with its counts and times.</summary>
/// <remarks>Immutable.</remarks>
[Immutable]
public sealed class ComplianceRow
{
    internal ComplianceRow(int level, string milestone, string period, LocalDate periodStart, int met, int breached, int pending, int waiting, long[] times)
    {
        Level = level;
        Milestone = milestone;
        Period = period;
        PeriodStart = periodStart;
        Met = met;
        Breached = breached;
        Pending = pending;
        Waiting = waiting;
        ShareMet = met + breached == 0 ? null : met / (double)(met + breached);
        Array.Sort(times);
        Median = Percentile(times, 50);
        Percentile90 = Percentile(times, 90);
    }

    /// <summary>The fault level: the one in force at the instant the tickets were evaluated at.</summary>
    public int Level { get; }

    /// <summary>The milestone.</summary>
    public string Milestone { get; }

    /// <summary>The period's label: <c>2024-06</c> or <c>2024-Q2</c>.</summary>
    public string Period { get; }

    /// <summary>The period's first day.</summary>
    public LocalDate PeriodStart { get; }

    /// <summary>The tickets for which the milestone applies: met, breached, pending and waiting.</summary>
    public int Count => Met + Breached + Pending + Waiting;

    /// <summary>Milestones met.</summary>
    public int Met { get; }

    /// <summary>Milestones breached.</summary>
    public int Breached { get; }

    /// <summary>Milestones pending.</summary>
    public int Pending { get; }

    /// <summary>Milestones waiting for the milestone they count from.</summary>
    public int Waiting { get; }

    /// <summary>Met ÷ (met + breached), or null when both are zero.</summary>
    public double? ShareMet { get; }

    /// <summary>The median time to the milestone (nearest rank), over the met and breached milestones with an event; null when there are none.</summary>
    public Duration? Median { get; }

    /// <summary>The 90th percentile of the time to the milestone (nearest rank); null when there are none.</summary>
    public Duration? Percentile90 { get; }

    /// <summary>Describes the row.</summary>
    /// <returns>For example <c>2024-Q2 level 1 onSite: 12 (10 met, 2 breached), 83.33% met, median 1h 10m, p90 1h 55m</c>.</returns>
    public override string ToString() =>
        $"{Period} level {Level} {Milestone}: {Count} ({Met} met, {Breached} breached, {Pending} pending, {Waiting} waiting)" +
        (ShareMet is { } share ? $", {(share * 100).ToString("0.##", CultureInfo.InvariantCulture)}% met" : "") +
        (Median is { } median ? $", median {median}, p90 {Percentile90}" : "");

    /// <summary>The nearest-rank percentile: the ⌈p/100 · n⌉-th smallest value.</summary>
    private static Duration? Percentile(long[] sorted, int p)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        int rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return Duration.FromTicks(sorted[Math.Max(rank, 1) - 1]);
    }
}
