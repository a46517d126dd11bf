using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.TestSupport;

namespace ServiceCommitments.Benchmarks;

/// <summary>
/// How the cost grows with the distance a deadline lies from its start: <see cref="BusinessCalendarBenchmarks"/>'s
/// calendar and starts, with the amounts multiplied by <see cref="Scale"/> (4, 40 and 400 working hours; 2, 20 and 200
/// working days). The walking calendar visits every date in between; the compiled one does not.
/// </summary>
/// <remarks>
/// The compiled methods run over 100,000 starts, the walking baselines over the first 1,000 of them; figures are per
/// operation either way. Holiday data ends in 2026, so 400 working hours and 200 working days from 2024-2025 starts
/// use a calendar that treats later years as ordinary weeks.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class DistanceBenchmarks
{
    private const int StartCount = 100_000;
    private const int WalkingCount = 1_000;

    private BusinessCalendar calendar = null!;
    private WalkingCalendar walking = null!;
    private Instant[] starts = null!;
    private Duration amount;
    private int days;

    /// <summary>Accumulates every result so the JIT cannot drop the calls.</summary>
    public long Checksum;

    /// <summary>The multiple of 4 working hours and 2 working days.</summary>
    [Params(1, 10, 100)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        calendar = BenchmarkData.ShanghaiOffice(unknownYearsOrdinary: true);
        walking = new WalkingCalendar(calendar);
        amount = Duration.FromHours(4 * Scale);
        days = 2 * Scale;
        starts = BenchmarkData.Ranges(StartCount, 2024, 2).Starts;

        var results = new Instant[StartCount];
        calendar.AddWorkingTime(starts, amount, results);
        calendar.AddWorkingDays(starts, days, results);
    }

    [Benchmark(OperationsPerInvoke = StartCount)]
    [BenchmarkCategory("AddWorkingTime")]
    public long AddWorkingTime()
    {
        long sum = 0;
        foreach (var start in starts)
        {
            sum += calendar.AddWorkingTime(start, amount).ToUnixTimeTicks();
        }

        Checksum += sum;
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = WalkingCount)]
    [BenchmarkCategory("AddWorkingTime")]
    public long WalkingAddWorkingTime()
    {
        long sum = 0;
        for (int i = 0; i < WalkingCount; i++)
        {
            sum += walking.AddWorkingTime(starts[i], amount).ToUnixTimeTicks();
        }

        Checksum += sum;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = StartCount)]
    [BenchmarkCategory("AddWorkingDays")]
    public long AddWorkingDays()
    {
        long sum = 0;
        foreach (var start in starts)
        {
            sum += calendar.AddWorkingDays(start, days).ToUnixTimeTicks();
        }

        Checksum += sum;
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = WalkingCount)]
    [BenchmarkCategory("AddWorkingDays")]
    public long WalkingAddWorkingDays()
    {
        long sum = 0;
        for (int i = 0; i < WalkingCount; i++)
        {
            sum += walking.AddWorkingDays(starts[i], days).ToUnixTimeTicks();
        }

        Checksum += sum;
        return sum;
    }
}
