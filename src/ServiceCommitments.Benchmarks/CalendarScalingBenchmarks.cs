using BenchmarkDotNet.Attributes;
using NodaTime;
using ServiceCommitments.Calendars;

namespace ServiceCommitments.Benchmarks;

/// <summary>
/// How the compiled calendar's per-operation cost grows with the span of years the starts cover
/// (<see cref="HorizonYears"/>: how many compiled years are in play) and with the number of working intervals per day
/// (<see cref="IntervalsPerDay"/>: how long each year's interval arrays are).
/// </summary>
/// <remarks>
/// Asia/Shanghai, Mon-Fri, the 08:00-18:00 day split into <see cref="IntervalsPerDay"/> equal slots with a 15-minute
/// break between consecutive intervals (1: 08:00-18:00; 8: 08:00-09:00, 09:15-10:15, ... 16:45-18:00), China-mainland
/// holidays, years the holiday set does not know (before 2004, after 2026) treated as ordinary. 100,000 random starts
/// (fixed seed) in [2000-01-01, 2000+<see cref="HorizonYears"/>-01-01) +08:00; all years compiled in <see cref="Setup"/>.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class CalendarScalingBenchmarks
{
    /// <summary>The number of starts each method runs over.</summary>
    public const int StartCount = 100_000;

    private static readonly Duration Amount = Duration.FromHours(4);
    private const int Days = 2;

    private BusinessCalendar calendar = null!;
    private Instant[] starts = null!;
    private Instant[] ends = null!;

    /// <summary>Accumulates every result so the JIT cannot drop the calls.</summary>
    public long Checksum;

    [Params(1, 30)]
    public int HorizonYears { get; set; }

    [Params(1, 2, 4, 8)]
    public int IntervalsPerDay { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        calendar = BenchmarkData.ShanghaiOffice(unknownYearsOrdinary: true, DayHours(IntervalsPerDay));
        (starts, ends) = BenchmarkData.Ranges(StartCount, 2000, HorizonYears);

        // Compile every year the runs touch before measuring.
        var results = new Instant[StartCount];
        calendar.AddWorkingTime(starts, Amount, results);
        calendar.AddWorkingDays(starts, Days, results);
        calendar.WorkingTimeBetween(starts, ends, new Duration[StartCount]);
    }

    /// <summary>08:00-18:00 split into <paramref name="count"/> equal slots, each but the last ending 15 minutes early.</summary>
    private static WorkingInterval[] DayHours(int count)
    {
        const int dayStartMinutes = 8 * 60;
        const int dayMinutes = 10 * 60;
        const int breakMinutes = 15;
        var hours = new WorkingInterval[count];
        for (int i = 0; i < count; i++)
        {
            int start = dayStartMinutes + i * dayMinutes / count;
            int end = dayStartMinutes + (i + 1) * dayMinutes / count - (i < count - 1 ? breakMinutes : 0);
            hours[i] = new WorkingInterval(new LocalTime(start / 60, start % 60), new LocalTime(end / 60, end % 60));
        }

        return hours;
    }

    [Benchmark(OperationsPerInvoke = StartCount)]
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

    [Benchmark(OperationsPerInvoke = StartCount)]
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
}
