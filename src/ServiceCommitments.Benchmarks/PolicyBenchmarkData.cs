using System;
using System.Collections.Generic;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Benchmarks;

/// <summary>
/// The policy and the seeded tickets of <see cref="PolicyEvaluationBenchmarks"/>: a four-milestone fault-level table
/// with elapsed targets on a 7×24 calendar and working-time and working-day targets on the China office calendar, and
/// tickets reported over 2024-2025 with a mix of met, late and missing events, a few pauses and level changes.
/// </summary>
internal static class PolicyBenchmarkData
{
    /// <summary>Every ticket is evaluated as of 2026-01-01T00:00 +08:00: tickets of the last days of 2025 are still open.</summary>
    public static readonly Instant AsOf = new LocalDate(2026, 1, 1).AtStartOfDayInZone(BenchmarkData.Shanghai).ToInstant();

    public static readonly string[] Regions = ["Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Chengdu"];

    private static readonly double[] RegionWeights = [0.35, 0.20, 0.15, 0.15, 0.15];

    private static readonly double[] LevelWeights = [0.10, 0.25, 0.40, 0.25];

    private static readonly TargetWarning[] ShareWarning = [TargetWarning.AtShare(0.75)];

    private static readonly TargetWarning[] LeadWarning = [TargetWarning.Before(Duration.FromHours(2))];

    /// <summary>
    /// The table. Calendars: <c>always</c> (7×24, the default) and <c>office</c> (Mon-Fri 09:00-12:00, 13:00-18:00, China
    /// mainland holidays and adjusted working days). Four milestones, eleven rows; onSite has Beijing rows that beat the
    /// all-regions rows, and restored counts from onSite for levels 1-2.
    /// </summary>
    public static IReadOnlyList<Row> Table { get; } =
    [
        new(Milestones.FirstResponse, [1], null, ServiceTarget.Elapsed(Duration.FromMinutes(30)), "always", false, ShareWarning),
        new(Milestones.FirstResponse, [2], null, ServiceTarget.Elapsed(Duration.FromHours(1)), "always", false, ShareWarning),
        new(Milestones.FirstResponse, [3, 4], null, ServiceTarget.Elapsed(Duration.FromHours(4)), "always", false, []),
        new(Milestones.OnSite, [1, 2], "Beijing", ServiceTarget.Elapsed(Duration.FromHours(2)), "always", false, ShareWarning),
        new(Milestones.OnSite, [1, 2], null, ServiceTarget.Elapsed(Duration.FromHours(24)), "always", false, ShareWarning),
        new(Milestones.OnSite, [3, 4], "Beijing", ServiceTarget.WorkingDays(1), "office", false, []),
        new(Milestones.OnSite, [3, 4], null, ServiceTarget.WorkingDays(2), "office", false, []),
        new(Milestones.Restored, [1, 2], null, ServiceTarget.Elapsed(Duration.FromHours(4)), "always", true, ShareWarning),
        new(Milestones.Restored, [3, 4], null, ServiceTarget.WorkingTime(Duration.FromHours(16)), "office", false, LeadWarning),
        new(Milestones.FaultReport, [1, 2], null, ServiceTarget.WorkingDays(3), "office", false, LeadWarning),
        new(Milestones.FaultReport, [3, 4], null, ServiceTarget.WorkingDays(5), "office", false, []),
    ];

    public static ServicePolicy Policy(BusinessCalendar always, BusinessCalendar office)
    {
        var builder = new ServicePolicyBuilder()
            .AddCalendar("always", always)
            .AddCalendar("office", office)
            .SetDefaultCalendar("always");
        foreach (var row in Table)
        {
            var target = PolicyRow.For(row.Milestone, row.Target).ForLevels(row.Levels).OnCalendar(row.Calendar).WithWarnings(row.Warnings);
            target = row.Region is null ? target : target.WhereAttribute("region", row.Region);
            builder.AddRow(row.FromOnSite ? target.CountingFrom(Milestones.OnSite) : target);
        }

        return builder.Build();
    }

    /// <summary>
    /// <paramref name="count"/> tickets, seeded: reported uniformly (to the second) over [2024-01-01, 2026-01-01) +08:00;
    /// levels 1-4 (10/25/40/25 %), regions (Beijing 35 %, four others); per milestone an event on time (75 %), late
    /// (12 %) or missing (13 %), placed against the deadline its row gives; 5 % with a pause of 30 min to 4 h (1 % two),
    /// 3 % with a change of level a few hours after the report.
    /// </summary>
    public static Ticket[] Tickets(int count, BusinessCalendar always, BusinessCalendar office)
    {
        var random = new Random(BenchmarkData.Seed);
        long from = new LocalDate(2024, 1, 1).AtStartOfDayInZone(BenchmarkData.Shanghai).ToInstant().ToUnixTimeSeconds();
        long to = AsOf.ToUnixTimeSeconds();
        var tickets = new Ticket[count];
        var events = new List<MilestoneEvent>(4);
        var pauses = new List<Pause>(2);
        var changes = new List<LevelChange>(1);
        for (int i = 0; i < count; i++)
        {
            var reported = Instant.FromUnixTimeSeconds(random.NextInt64(from, to));
            int initial = 1 + Pick(random, LevelWeights);
            string region = Regions[Pick(random, RegionWeights)];
            events.Clear();
            pauses.Clear();
            changes.Clear();

            int level = initial;
            if (random.NextDouble() < 0.03)
            {
                level = initial == 1 ? 2 : initial == 4 ? 3 : initial + (random.Next(2) == 0 ? -1 : 1);
                changes.Add(new LevelChange(reported + Minutes(random, 10, 360), level));
            }

            double p = random.NextDouble();
            if (p < 0.05)
            {
                var pauseStart = reported + Minutes(random, 5, 240);
                pauses.Add(new Pause(pauseStart, pauseStart + Minutes(random, 30, 240), "waiting for the customer"));
                if (p < 0.01)
                {
                    var second = pauseStart + Minutes(random, 300, 1440);
                    pauses.Add(new Pause(second, second + Minutes(random, 30, 240), "waiting for a part"));
                }
            }

            Instant? onSite = null;
            foreach (string milestone in MilestoneOrder)
            {
                var row = RowFor(milestone, level, region);
                var start = row.FromOnSite ? onSite : reported;
                var at = start is { } s ? PlaceEvent(random, row, s, row.Calendar == "office" ? office : always) : null;
                if (at is { } a)
                {
                    events.Add(new MilestoneEvent(milestone, a));
                }

                if (milestone == Milestones.OnSite)
                {
                    onSite = at;
                }
            }

            tickets[i] = new Ticket(reported, initial, [new("region", region)], events, pauses, changes, id: $"T{i}");
        }

        return tickets;
    }

    private static readonly string[] MilestoneOrder = [Milestones.FirstResponse, Milestones.OnSite, Milestones.Restored, Milestones.FaultReport];

    /// <summary>On time (75 %): somewhere in the first 95 % of the target; late (12 %): up to the target's length again after it; missing (13 %).</summary>
    private static Instant? PlaceEvent(Random random, Row row, Instant start, BusinessCalendar calendar)
    {
        double outcome = random.NextDouble();
        if (outcome >= 0.87)
        {
            return null;
        }

        var due = row.Target.GetDue(start, calendar);
        long length = Math.Max((due - start).BclCompatibleTicks, TimeSpan.TicksPerMinute);
        double fraction = outcome < 0.75 ? 0.02 + (random.NextDouble() * 0.93) : 1.0 + (random.NextDouble() * 1.0);
        long seconds = (long)(length * fraction) / TimeSpan.TicksPerSecond;
        return start + Duration.FromSeconds(Math.Max(seconds, 1));
    }

    private static Row RowFor(string milestone, int level, string region)
    {
        foreach (var row in Table)
        {
            if (row.Milestone == milestone && Array.IndexOf(row.Levels, level) >= 0 && (row.Region is null || row.Region == region))
            {
                return row; // the Beijing rows come first in the table, as the policy ranks them
            }
        }

        throw new InvalidOperationException($"No row for {milestone}, level {level}.");
    }

    private static Duration Minutes(Random random, int min, int max) => Duration.FromMinutes(random.Next(min, max + 1));

    private static int Pick(Random random, double[] weights)
    {
        double x = random.NextDouble();
        for (int i = 0; i < weights.Length - 1; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>One row of the table.</summary>
    internal sealed record Row(string Milestone, int[] Levels, string? Region, ServiceTarget Target, string Calendar, bool FromOnSite, TargetWarning[] Warnings);
}
