using System;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using ServiceCommitments.Tests.Documents.Commitments;
using ServiceCommitments.Tests.Faults;
using Xunit;

namespace ServiceCommitments.Tests.Design;

/// <summary>A built calendar compiles its years lazily; sharing it between threads must give the answers one thread gets.</summary>
public sealed class ThreadSafetyTests
{
    [Fact]
    public void SharedCalendar_GivesSingleThreadedAnswers_WhenYearsCompileConcurrently()
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var random = new Random(20261123);
        long from = Instant.FromUtc(2004, 1, 1, 0, 0).ToUnixTimeTicks();
        long to = Instant.FromUtc(2026, 6, 1, 0, 0).ToUnixTimeTicks();
        var starts = Enumerable.Range(0, 20_000)
            .Select(_ => Instant.FromUnixTimeTicks(from + (long)(random.NextDouble() * (to - from))))
            .ToArray();
        var amount = Duration.FromHours(37);

        var reference = BusinessCalendar.FiveByEight(zone, HolidaySets.ChinaMainland);
        var expected = starts.Select(s => (reference.AddWorkingTime(s, amount), reference.AddWorkingDays(s, 3))).ToArray();

        // A fresh calendar: every year is compiled by whichever thread gets there first.
        var shared = BusinessCalendar.FiveByEight(zone, HolidaySets.ChinaMainland);
        var actual = new (Instant, Instant)[starts.Length];
        Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i] = (shared.AddWorkingTime(starts[i], amount), shared.AddWorkingDays(starts[i], 3)));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SharedPolicy_GivesSingleThreadedAnswers_From16Threads()
    {
        // 20,000 random tickets (every feature of a policy), evaluated one thread at a time on one policy, each as of its
        // own instant and all as of one instant in bulk...
        var made = Enumerable.Range(0, 20_000).Select(i => RandomTickets.Make(20261127 + i)).ToArray();
        var tickets = made.Select(m => m.Ticket).ToArray();
        var asOf = Instant.FromUtc(2024, 9, 30, 8, 0);
        var reference = RandomTickets.Policy(LevelChangeRule.FromChange);
        int width = reference.Milestones.Count;
        var expected = made.Select(m => Answer(reference, m.Ticket, m.AsOf)).ToArray();
        var expectedBulk = new MilestoneResult[tickets.Length * width];
        reference.Evaluate(tickets, asOf, expectedBulk);

        // ... and by 16 threads at once on another policy, whose calendars are fresh so that their years compile
        // concurrently: each thread takes a quarter of the tickets one by one, in its own order (so each ticket is
        // evaluated by four threads), then all of them in bulk.
        var shared = RandomTickets.Policy(LevelChangeRule.FromChange, freshCalendars: true);
        var wrong = new System.Collections.Concurrent.ConcurrentBag<string>();
        var threads = Enumerable.Range(0, 16).Select(t => new System.Threading.Thread(() =>
        {
            foreach (int i in Enumerable.Range(0, made.Length).Where(i => (i + t) % 4 == 0).OrderBy(i => ((i * 7919L) + (t * 104729L)) % made.Length))
            {
                if (!Answer(shared, made[i].Ticket, made[i].AsOf).SequenceEqual(expected[i]))
                {
                    wrong.Add($"thread {t}, ticket {i}");
                }
            }

            var results = new MilestoneResult[tickets.Length * width];
            shared.Evaluate(tickets, asOf, results);
            if (!results.Select(Fields).SequenceEqual(expectedBulk.Select(Fields)))
            {
                wrong.Add($"thread {t}, in bulk");
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.True(wrong.IsEmpty, $"{wrong.Count} answers differ from the single-threaded ones, for example {string.Join(", ", wrong.Take(5))}");
    }

    [Fact]
    public void SharedCommitment_PolicyWarrantyAndSchedule_GiveSingleThreadedAnswers_From16Threads()
    {
        // The terminal after-sales template holds a policy, a warranty and a schedule. One copy answers 400 random
        // questions of each (tickets, claims and coverage, occurrences, visits, follow-ups and quotas) on one thread...
        const int Seeds = 100;
        const int PerSeed = 4;
        var reference = CommitmentTemplates.Load("terminal-after-sales");
        Assert.NotNull(reference.Policy);
        Assert.NotNull(reference.Warranty);
        Assert.NotEmpty(reference.Schedules);
        var expected = Enumerable.Range(0, Seeds).Select(seed => CommitmentAnswers.Of(reference, seed, PerSeed)).ToArray();

        // ... and a fresh copy, whose calendars compile their years concurrently, answers the same questions from 16
        // threads at once, each thread all of them in its own order.
        var shared = CommitmentTemplates.Load("terminal-after-sales");
        var wrong = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new System.Threading.Barrier(16);
        var threads = Enumerable.Range(0, 16).Select(t => new System.Threading.Thread(() =>
        {
            start.SignalAndWait();
            foreach (int seed in Enumerable.Range(0, Seeds).OrderBy(s => ((s * 7919L) + (t * 104729L)) % Seeds))
            {
                if (!CommitmentAnswers.Of(shared, seed, PerSeed).SequenceEqual(expected[seed]))
                {
                    wrong.Add($"thread {t}, seed {seed}");
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.True(wrong.IsEmpty, $"{wrong.Count} answers differ from the single-threaded ones, for example {string.Join(", ", wrong.Take(5))}");
        Assert.Contains(expected.SelectMany(a => a), a => a.StartsWith("warranty: ", StringComparison.Ordinal) && !a.Contains("throws", StringComparison.Ordinal));
        Assert.Contains(expected.SelectMany(a => a), a => a.StartsWith("schedule ", StringComparison.Ordinal) && !a.Contains("throws", StringComparison.Ordinal));
    }

    /// <summary>A result by value; the row that applied by what it says, since the two policies hold equal rows, not the same ones.</summary>
    private static object Fields(MilestoneResult r) => ServicePolicyProperties.Fields(r) with { Item2 = null, Item1 = r.Milestone + " " + r.Row };

    /// <summary>Everything an evaluation says about a ticket: each milestone's result and warnings.</summary>
    private static object[] Answer(ServicePolicy policy, Ticket ticket, Instant asOf) =>
        policy.Evaluate(ticket, asOf).Milestones
            .SelectMany(m => m.Warnings.Select(w => (object)w.At).Prepend(Fields(m.Result)))
            .ToArray();
}
