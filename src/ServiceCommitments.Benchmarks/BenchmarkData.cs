using System;
using NodaTime;
using ServiceCommitments.Calendars;

namespace ServiceCommitments.Benchmarks;

/// <summary>The calendars and seeded inputs the benchmarks share, so that every class measures the same workload.</summary>
internal static class BenchmarkData
{
    /// <summary>The seed of every random input.</summary>
    public const int Seed = 20240101;

    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Asia/Shanghai, Monday-Friday with <paramref name="hours"/>, mainland China holidays.</summary>
    public static BusinessCalendar ShanghaiOffice(bool unknownYearsOrdinary, params WorkingInterval[] hours) =>
        new BusinessCalendarBuilder(Shanghai)
            .SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, hours)
            .AddHolidaySet(HolidaySets.ChinaMainland)
            .TreatUnknownYearsAsOrdinary(unknownYearsOrdinary)
            .Build();

    /// <summary>The calendar: Monday-Friday 09:00-12:00 and 13:00-18:00.</summary>
    public static BusinessCalendar ShanghaiOffice(bool unknownYearsOrdinary = false) =>
        ShanghaiOffice(unknownYearsOrdinary, WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("13:00-18:00"));

    /// <summary>
    /// <paramref name="count"/> starts drawn uniformly (tick precision) from [1 January <paramref name="firstYear"/>,
    /// 1 January <paramref name="firstYear"/> + <paramref name="years"/>) in Shanghai, and for each an end 0-30 days later.
    /// </summary>
    public static (Instant[] Starts, Instant[] Ends) Ranges(int count, int firstYear, int years)
    {
        long from = new LocalDate(firstYear, 1, 1).AtStartOfDayInZone(Shanghai).ToInstant().ToUnixTimeTicks();
        long to = new LocalDate(firstYear + years, 1, 1).AtStartOfDayInZone(Shanghai).ToInstant().ToUnixTimeTicks();
        long thirtyDays = Duration.FromDays(30).BclCompatibleTicks;
        var random = new Random(Seed);
        var starts = new Instant[count];
        var ends = new Instant[count];
        for (int i = 0; i < count; i++)
        {
            starts[i] = Instant.FromUnixTimeTicks(random.NextInt64(from, to));
            ends[i] = starts[i] + Duration.FromTicks(random.NextInt64(0, thirtyDays + 1));
        }

        return (starts, ends);
    }
}
