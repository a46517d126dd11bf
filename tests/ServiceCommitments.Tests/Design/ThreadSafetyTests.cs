using System;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using ServiceCommitments.Calendars;
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
}
