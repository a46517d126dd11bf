using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

/// <summary>The periods a compliance report groups tickets by.</summary>
public enum CompliancePeriod
{
    /// <summary>Calendar months (<c>2024-06</c>). This is the default value.</summary>
    Month = 0,

    /// <summary>Calendar quarters (<c>2024-Q2</c>): January-March, April-June, July-September, October-December.</summary>
    Quarter = 1,
}

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

/// <summary>
/// Compliance per fault level, milestone and period (D2.22: the quarterly statistics report): how many milestones
/// were met and breached, the share met, and the median and 90th percentile of the time to each milestone.
/// </summary>
/// <remarks>
/// A ticket belongs to the period of its report's local date in <see cref="Zone"/>, and to the level in force at
/// <see cref="AsOf"/>; a ticket reported after <see cref="AsOf"/> is left out. The time to a milestone is the wall-clock time from the target's start (the report, or the
/// milestone it counts from) to its counted event. Immutable.
/// </remarks>
[Immutable]
public sealed class ComplianceReport
{
    private ComplianceReport(Instant asOf, CompliancePeriod period, DateTimeZone zone, IReadOnlyList<ComplianceRow> rows)
    {
        AsOf = asOf;
        Period = period;
        Zone = zone;
        Rows = rows;
    }

    /// <summary>The instant the tickets were evaluated at.</summary>
    public Instant AsOf { get; }

    /// <summary>How tickets are grouped in time.</summary>
    public CompliancePeriod Period { get; }

    /// <summary>The zone in which a report's date decides its period.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The rows, ordered by period, level and the policy's milestone order; a group with no applicable milestone has no row.</summary>
    public IReadOnlyList<ComplianceRow> Rows { get; }

    /// <summary>Evaluates <paramref name="tickets"/> against <paramref name="policy"/> as of <paramref name="asOf"/> and groups the results.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="tickets">The tickets.</param>
    /// <param name="asOf">The instant to evaluate at.</param>
    /// <param name="period">Months or quarters.</param>
    /// <param name="zone">The zone in which a report's date decides its period.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument, or a ticket, is null.</exception>
    /// <exception cref="ArgumentException">A ticket's level is not a level of the policy; <paramref name="period"/> is not defined.</exception>
    /// <exception cref="Calendars.HolidayDataUnavailableException">A deadline needs a year a calendar's holiday data does not know.</exception>
    public static ComplianceReport Create(ServicePolicy policy, IEnumerable<Ticket> tickets, Instant asOf, CompliancePeriod period, DateTimeZone zone)
    {
        Preconditions.CheckNotNull(policy, nameof(policy));
        Preconditions.CheckNotNull(zone, nameof(zone));
        // A ticket reported after asOf does not exist yet as of the report: it is neither evaluated nor counted.
        var list = Preconditions.CheckNotNull(tickets, nameof(tickets)).Where(t => Preconditions.CheckNotNull(t, nameof(tickets)).Reported <= asOf).ToArray();
        if (period is not (CompliancePeriod.Month or CompliancePeriod.Quarter))
        {
            Preconditions.ThrowArgument(nameof(period), $"period was {period}; expected Month or Quarter.");
        }

        int width = policy.Milestones.Count;
        var results = new MilestoneResult[list.Length * width];
        policy.Evaluate(list, asOf, results);
        long at = asOf.ToUnixTimeTicks();
        var groups = new SortedDictionary<(LocalDate Start, int Level, int Milestone), Tally>();
        for (int t = 0; t < list.Length; t++)
        {
            var date = list[t].Reported.InZone(zone).Date;
            var start = period == CompliancePeriod.Month
                ? new LocalDate(date.Year, date.Month, 1)
                : new LocalDate(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);
            int level = list[t].LevelAt(at).Level;
            for (int m = 0; m < width; m++)
            {
                var result = results[(t * width) + m];
                if (result.Status == MilestoneStatus.NotApplicable)
                {
                    continue;
                }

                var key = (start, level, m);
                if (!groups.TryGetValue(key, out var tally))
                {
                    groups.Add(key, tally = new Tally());
                }

                tally.Add(result);
            }
        }

        var rows = groups.Select(g => new ComplianceRow(
            g.Key.Level,
            policy.Milestones[g.Key.Milestone],
            Label(g.Key.Start, period),
            g.Key.Start,
            g.Value.Met,
            g.Value.Breached,
            g.Value.Pending,
            g.Value.Waiting,
            g.Value.Times.ToArray())).ToArray();
        return new ComplianceReport(asOf, period, zone, Array.AsReadOnly(rows));
    }

    /// <summary>The row for a level, milestone and period label, or null.</summary>
    /// <param name="level">The level.</param>
    /// <param name="milestone">The milestone.</param>
    /// <param name="period">The period's label, <c>2024-06</c> or <c>2024-Q2</c>.</param>
    /// <returns>The row, or null when the report has none.</returns>
    public ComplianceRow? Find(int level, string milestone, string period) =>
        Rows.FirstOrDefault(r => r.Level == level && r.Milestone == milestone && r.Period == period);

    internal static string Label(LocalDate start, CompliancePeriod period) =>
        period == CompliancePeriod.Month
            ? start.ToString("uuuu-MM", CultureInfo.InvariantCulture)
            : $"{start.ToString("uuuu", CultureInfo.InvariantCulture)}-Q{((start.Month - 1) / 3) + 1}";

    private sealed class Tally
    {
        internal int Met { get; private set; }

        internal int Breached { get; private set; }

        internal int Pending { get; private set; }

        internal int Waiting { get; private set; }

        internal List<long> Times { get; } = [];

        internal void Add(MilestoneResult result)
        {
            switch (result.Status)
            {
                case MilestoneStatus.Met:
                    Met++;
                    break;
                case MilestoneStatus.Breached:
                    Breached++;
                    break;
                case MilestoneStatus.Pending:
                    Pending++;
                    return;
                default:
                    Waiting++;
                    return;
            }

            if (result.EventTicks != MilestoneResult.NoValue && result.StartTicks != MilestoneResult.NoValue)
            {
                Times.Add(result.EventTicks - result.StartTicks);
            }
        }
    }
}
