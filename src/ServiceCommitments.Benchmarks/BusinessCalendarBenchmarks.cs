using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.TestSupport;

namespace ServiceCommitments.Benchmarks;

/// <summary>
/// Per-operation cost of the compiled <see cref="BusinessCalendar"/> against the interval-walking
/// <see cref="WalkingCalendar"/> baseline, on a China-mainland 5×8 calendar (Asia/Shanghai, Mon-Fri 09:00-12:00 and
/// 13:00-18:00, statutory holidays and adjusted working days).
/// </summary>
/// <remarks>
/// The compiled methods loop over all <see cref="StartCount"/> (1,000,000) random starts in [2024-01-01, 2026-01-01)
/// +08:00. The walking baselines are three to four orders of magnitude slower, so they loop over only the first
/// <see cref="WalkingCount"/> (10,000) of the same starts, with <c>OperationsPerInvoke = 10_000</c>; the reported
/// figures are per operation either way, so the ratios compare like with like.
/// All tables are compiled in <see cref="Setup"/>, so no lazy compilation is measured.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class BusinessCalendarBenchmarks
{
    /// <summary>The number of starts the compiled methods run over.</summary>
    public const int StartCount = 1_000_000;

    /// <summary>The number of starts (the first ones) the walking baselines run over.</summary>
    public const int WalkingCount = 10_000;

    private static readonly Duration Amount = Duration.FromHours(4);
    private const int Days = 2;

    private BusinessCalendar calendar = null!;
    private WalkingCalendar walking = null!;
    private Instant[] starts = null!;
    private Instant[] ends = null!;
    private Instant[] results = null!;
    private Duration[] durations = null!;

    /// <summary>Accumulates every result so the JIT cannot drop the calls.</summary>
    public long Checksum;

    [GlobalSetup]
    public void Setup()
    {
        calendar = BenchmarkData.ShanghaiOffice();
        walking = new WalkingCalendar(calendar);
        (starts, ends) = BenchmarkData.Ranges(StartCount, 2024, 2);
        results = new Instant[StartCount];
        durations = new Duration[StartCount];

        // Compile every year the runs touch (2024-2025, and 2026 for the +2 days / +30 days tails) before measuring.
        calendar.AddWorkingTime(starts, Amount, results);
        calendar.AddWorkingDays(starts, Days, results);
        calendar.WorkingTimeBetween(starts, ends, durations);
    }

    [Benchmark(OperationsPerInvoke = StartCount)]
    [BenchmarkCategory("AddWorkingTime")]
    public long AddWorkingTime()
    {
        var local = calendar;
        var s = starts;
        long sum = 0;
        for (int i = 0; i < s.Length; i++)
        {
            sum += local.AddWorkingTime(s[i], Amount).ToUnixTimeTicks();
        }

        Checksum += sum;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = StartCount)]
    [BenchmarkCategory("AddWorkingTime")]
    public long AddWorkingTimeBulk()
    {
        calendar.AddWorkingTime(starts, Amount, results);
        long sum = results[0].ToUnixTimeTicks() + results[^1].ToUnixTimeTicks();
        Checksum += sum;
        return sum;
    }

    /// <summary>Baseline: the walking calendar over the first 10,000 starts only (<c>OperationsPerInvoke = 10_000</c>).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = WalkingCount)]
    [BenchmarkCategory("AddWorkingTime")]
    public long WalkingAddWorkingTime()
    {
        var local = walking;
        var s = starts;
        long sum = 0;
        for (int i = 0; i < WalkingCount; i++)
        {
            sum += local.AddWorkingTime(s[i], Amount).ToUnixTimeTicks();
        }

        Checksum += sum;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = StartCount)]
    [BenchmarkCategory("AddWorkingDays")]
    public long AddWorkingDays()
    {
        var local = calendar;
        var s = starts;
        long sum = 0;
        for (int i = 0; i < s.Length; i++)
        {
            sum += local.AddWorkingDays(s[i], Days).ToUnixTimeTicks();
        }

        Checksum += sum;
        return sum;
    }

    /// <summary>Baseline: the walking calendar over the first 10,000 starts only (<c>OperationsPerInvoke = 10_000</c>).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = WalkingCount)]
    [BenchmarkCategory("AddWorkingDays")]
    public long WalkingAddWorkingDays()
    {
        var local = walking;
        var s = starts;
        long sum = 0;
        for (int i = 0; i < WalkingCount; i++)
        {
            sum += local.AddWorkingDays(s[i], Days).ToUnixTimeTicks();
        }

        Checksum += sum;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = StartCount)]
    [BenchmarkCategory("WorkingTimeBetween")]
    public long WorkingTimeBetween()
    {
        var local = calendar;
        var s = starts;
        var e = ends;
        long sum = 0;
        for (int i = 0; i < s.Length; i++)
        {
            sum += local.WorkingTimeBetween(s[i], e[i]).BclCompatibleTicks;
        }

        Checksum += sum;
        return sum;
    }

    /// <summary>Baseline: the walking calendar over the first 10,000 starts only (<c>OperationsPerInvoke = 10_000</c>).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = WalkingCount)]
    [BenchmarkCategory("WorkingTimeBetween")]
    public long WalkingWorkingTimeBetween()
    {
        var local = walking;
        var s = starts;
        var e = ends;
        long sum = 0;
        for (int i = 0; i < WalkingCount; i++)
        {
            sum += local.WorkingTimeBetween(s[i], e[i]).BclCompatibleTicks;
        }

        Checksum += sum;
        return sum;
    }
}
