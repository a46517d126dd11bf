using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Faults;

namespace ServiceCommitments.Benchmarks;

/// <summary>
/// Per-ticket cost of evaluating a fault-level service policy: 1,000,000 tickets, four milestones each, as of one
/// instant (<see cref="PolicyBenchmarkData"/> describes the policy and the tickets).
/// </summary>
/// <remarks>
/// <para><see cref="EvaluateMany"/> is the bulk, allocation-free form over all 1,000,000 tickets on one thread;
/// <see cref="EvaluateManyParallel"/> the same on every core. The baseline, <see cref="EvaluateOneByOne"/>, is the
/// straightforward form a caller writes first, <c>policy.Evaluate(ticket, asOf)</c> per ticket (a
/// <see cref="TicketEvaluation"/> with warnings, explanations on request), over the first
/// <see cref="OneByOneCount"/> tickets. Every figure is per ticket (<c>OperationsPerInvoke</c>).</para>
/// <para>Every year the runs touch is compiled in <see cref="Setup"/>, which also prints the mix of statuses.</para>
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class PolicyEvaluationBenchmarks
{
    /// <summary>The number of tickets the bulk forms evaluate.</summary>
    public const int TicketCount = 1_000_000;

    /// <summary>The number of tickets (the first ones) the one-by-one baseline evaluates.</summary>
    public const int OneByOneCount = 100_000;

    private ServicePolicy policy = null!;
    private Ticket[] tickets = null!;
    private MilestoneResult[] results = null!;
    private Instant asOf;

    /// <summary>Accumulates every result so the JIT cannot drop the calls.</summary>
    public long Checksum;

    [GlobalSetup]
    public void Setup()
    {
        var always = BusinessCalendar.AlwaysOpen(BenchmarkData.Shanghai);
        var office = BenchmarkData.ShanghaiOffice();
        policy = PolicyBenchmarkData.Policy(always, office);
        tickets = PolicyBenchmarkData.Tickets(TicketCount, always, office);
        asOf = PolicyBenchmarkData.AsOf;
        results = new MilestoneResult[TicketCount * policy.Milestones.Count];

        // Compiles 2024-2026 on both calendars before anything is measured.
        policy.Evaluate(tickets, asOf, results);
        Console.WriteLine($"// policy mix: {Describe(policy, tickets, results)}");
    }

    /// <summary>Baseline: one <see cref="ServicePolicy.Evaluate(Ticket, Instant)"/> per ticket, over the first 100,000 tickets.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = OneByOneCount)]
    public long EvaluateOneByOne()
    {
        var local = policy;
        var t = tickets;
        long sum = 0;
        for (int i = 0; i < OneByOneCount; i++)
        {
            var evaluation = local.Evaluate(t[i], asOf);
            sum += evaluation.Level + (int)evaluation.Milestones[^1].Status;
        }

        Checksum += sum;
        return sum;
    }

    /// <summary>The bulk form over all 1,000,000 tickets, on one thread.</summary>
    [Benchmark(OperationsPerInvoke = TicketCount)]
    public long EvaluateMany()
    {
        policy.Evaluate(tickets, asOf, results);
        return Sum();
    }

    /// <summary>The parallel form over all 1,000,000 tickets, on every core (<see cref="Environment.ProcessorCount"/>).</summary>
    [Benchmark(OperationsPerInvoke = TicketCount)]
    public long EvaluateManyParallel()
    {
        policy.EvaluateParallel(tickets, asOf, results);
        return Sum();
    }

    private long Sum()
    {
        long sum = (results[0].Due?.ToUnixTimeTicks() ?? 0) + (results[^1].Due?.ToUnixTimeTicks() ?? 0);
        Checksum += sum;
        return sum;
    }

    /// <summary>The share of each status per milestone, and how many tickets have pauses and level changes.</summary>
    private static string Describe(ServicePolicy policy, Ticket[] tickets, MilestoneResult[] results)
    {
        int width = policy.Milestones.Count;
        var parts = policy.Milestones.Select((m, k) =>
        {
            var statuses = Enumerable.Range(0, tickets.Length).Select(i => results[(i * width) + k].Status);
            var counts = statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key} {100.0 * g.Count() / tickets.Length:0.0}%");
            return $"{m}: {string.Join(", ", counts)}";
        });
        int paused = tickets.Count(t => t.Pauses.Count > 0);
        int changed = tickets.Count(t => t.LevelChanges.Count > 0);
        var levels = tickets.GroupBy(t => t.Level).OrderBy(g => g.Key).Select(g => $"L{g.Key} {100.0 * g.Count() / tickets.Length:0.0}%");
        return $"{string.Join("; ", parts)}; levels {string.Join(", ", levels)}; paused {100.0 * paused / tickets.Length:0.0}%, level changed {100.0 * changed / tickets.Length:0.0}%";
    }
}
