using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

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
