using System;
using NodaTime;
using NodaTime.TimeZones;
using ServiceCommitments.Calendars;
using ServiceCommitments.TestSupport;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Calendars;

/// <summary>
/// Working hours that span a DST transition (docs/calendars.md, "Time zones and daylight saving"): lenient mapping
/// (a gap time moves forward by the gap's length; an ambiguous time takes the earlier instant). Every expected value
/// is worked out by hand from the offsets and also checked against the walking implementation.
/// </summary>
public sealed class DaylightSavingTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly DateTimeZone LordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];
    private static readonly DateTimeZone SaoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    private static BusinessCalendar Daily(DateTimeZone zone, params string[] intervals)
    {
        var hours = Array.ConvertAll(intervals, WorkingInterval.Parse);
        return new BusinessCalendarBuilder(zone).SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, hours).Build();
    }

    private static Duration DayLength(BusinessCalendar calendar, string date)
    {
        var d = Date(date);
        return calendar.WorkingTimeBetween(
            calendar.Zone.AtStartOfDay(d).ToInstant(), calendar.Zone.AtStartOfDay(d.PlusDays(1)).ToInstant());
    }

    /// <summary>Sweeps starts every 15 minutes over [from, to) and compares every operation with the walker.</summary>
    private static void AssertMatchesWalker(BusinessCalendar calendar, Instant from, Instant to)
    {
        var walker = new WalkingCalendar(calendar);
        Duration[] amounts =
        [
            Duration.FromMinutes(15), Duration.FromMinutes(30), Duration.FromHours(1), Duration.FromMinutes(150),
            Duration.FromHours(25), Duration.FromTicks(1),
        ];
        for (var s = from; s < to; s += Duration.FromMinutes(15))
        {
            foreach (var a in amounts)
            {
                Assert.True(walker.AddWorkingTime(s, a) == calendar.AddWorkingTime(s, a), $"AddWorkingTime({Show(s, calendar.Zone)}, {a})");
                Assert.True(walker.AddWorkingTime(s, -a) == calendar.AddWorkingTime(s, -a), $"AddWorkingTime({Show(s, calendar.Zone)}, -{a})");
                Assert.True(walker.WorkingTimeBetween(s, s + a) == calendar.WorkingTimeBetween(s, s + a), $"WorkingTimeBetween({Show(s, calendar.Zone)}, +{a})");
            }

            for (int n = -2; n <= 2; n++)
            {
                Assert.True(walker.AddWorkingDays(s, n) == calendar.AddWorkingDays(s, n), $"AddWorkingDays({Show(s, calendar.Zone)}, {n})");
            }
        }
    }

    [Fact]
    public void NewYork_AlwaysOpen_SpringForwardDayLasts23Hours_FallBackDay25()
    {
        var open = BusinessCalendar.AlwaysOpen(NewYork);
        Assert.Equal(Duration.FromHours(23), DayLength(open, "2024-03-10"));
        Assert.Equal(Duration.FromHours(25), DayLength(open, "2024-11-03"));
        Assert.Equal(Duration.FromHours(24), DayLength(open, "2024-03-11"));

        // Working time is elapsed time, straight through the gap and the overlap.
        Assert.Equal(Offset("2024-03-10T03:30:00-04:00"), open.AddWorkingTime(Offset("2024-03-10T01:30:00-05:00"), Duration.FromHours(1)));
        Assert.Equal(Offset("2024-11-03T01:30:00-05:00"), open.AddWorkingTime(Offset("2024-11-03T01:30:00-04:00"), Duration.FromHours(1)));
        Assert.Equal(Offset("2024-03-10T01:30:00-05:00"), open.AddWorkingTime(Offset("2024-03-10T03:30:00-04:00"), Duration.FromHours(-1)));

        // A working day on the 7x24 calendar closes at the next local midnight, however long the day.
        Assert.Equal(At(NewYork, "2024-03-11 00:00"), open.AddWorkingDays(At(NewYork, "2024-03-09 12:00"), 1));
        Assert.Equal(At(NewYork, "2024-11-04 00:00"), open.AddWorkingDays(At(NewYork, "2024-11-02 12:00"), 1));
        Assert.Equal(At(NewYork, "2024-03-11 00:00"), open.AddWorkingDays(At(NewYork, "2024-03-10 12:00"), 0));
        Assert.True(open.IsWorkingTime(Offset("2024-11-03T01:30:00-05:00")));

        AssertMatchesWalker(open, At(NewYork, "2024-03-09 20:00"), At(NewYork, "2024-03-10 08:00"));
        AssertMatchesWalker(open, At(NewYork, "2024-11-02 20:00"), At(NewYork, "2024-11-03 08:00"));
    }

    [Fact]
    public void NewYork_OneToFour_Gives2HoursOnSpringForward_4OnFallBack()
    {
        // docs/calendars.md: 01:00-04:00 on 2024-03-10 gives 2 hours, on 2024-11-03 4 hours.
        var calendar = Daily(NewYork, "01:00-04:00");
        Assert.Equal(Duration.FromHours(2), DayLength(calendar, "2024-03-10"));
        Assert.Equal(Duration.FromHours(4), DayLength(calendar, "2024-11-03"));
        Assert.Equal(Duration.FromHours(3), DayLength(calendar, "2024-03-09"));

        // Spring forward: 01:00 EST (06:00Z) to 04:00 EDT (08:00Z).
        Assert.Equal(Offset("2024-03-10T04:00:00-04:00"), calendar.AddWorkingTime(Offset("2024-03-10T01:00:00-05:00"), Duration.FromHours(2)));
        Assert.Equal(Offset("2024-03-11T01:30:00-04:00"), calendar.AddWorkingTime(Offset("2024-03-10T01:00:00-05:00"), Duration.FromMinutes(150)));
        Assert.Equal(Offset("2024-03-10T03:30:00-04:00"), calendar.AddWorkingTime(Offset("2024-03-10T01:30:00-05:00"), Duration.FromHours(1)));
        Assert.Equal(Offset("2024-03-10T01:00:00-05:00"), calendar.AddWorkingTime(Offset("2024-03-10T04:00:00-04:00"), Duration.FromHours(-2)));
        Assert.Equal(Offset("2024-03-10T04:00:00-04:00"), calendar.AddWorkingDays(At(NewYork, "2024-03-09 12:00"), 1));

        // Fall back: 01:00 is ambiguous and takes the earlier instant, 01:00 EDT (05:00Z); 04:00 EST is 09:00Z.
        Assert.Equal(Offset("2024-11-03T01:00:00-04:00"), calendar.NextWorkingInstant(At(NewYork, "2024-11-03 00:30")));
        Assert.Equal(Offset("2024-11-03T03:00:00-05:00"), calendar.AddWorkingTime(Offset("2024-11-03T01:00:00-04:00"), Duration.FromHours(3)));
        Assert.Equal(Offset("2024-11-03T04:00:00-05:00"), calendar.AddWorkingTime(Offset("2024-11-03T01:00:00-04:00"), Duration.FromHours(4)));
        Assert.Equal(Offset("2024-11-03T01:00:00-04:00"), calendar.AddWorkingTime(Offset("2024-11-03T04:00:00-05:00"), Duration.FromHours(-4)));
        Assert.True(calendar.IsWorkingTime(Offset("2024-11-03T01:30:00-05:00"))); // the second 01:30
        Assert.Equal(Offset("2024-11-03T04:00:00-05:00"), calendar.AddWorkingDays(At(NewYork, "2024-11-02 12:00"), 1));

        AssertMatchesWalker(calendar, At(NewYork, "2024-03-09 00:00"), At(NewYork, "2024-03-11 06:00"));
        AssertMatchesWalker(calendar, At(NewYork, "2024-11-02 00:00"), At(NewYork, "2024-11-04 06:00"));
    }

    [Fact]
    public void NewYork_IntervalsInsideTheGap_GiveNoWorkingTimeButTheDayStillHasHours()
    {
        // 02:00 and 03:00 both map to 03:00 EDT on 2024-03-10: no working time that day.
        var calendar = Daily(NewYork, "02:00-03:00");
        Assert.Equal(Duration.Zero, DayLength(calendar, "2024-03-10"));
        Assert.True(calendar.IsWorkingDay(Date("2024-03-10")));
        Assert.False(calendar.IsWorkingTime(Offset("2024-03-10T03:00:00-04:00")));
        Assert.Equal(Offset("2024-03-11T02:30:00-04:00"), calendar.AddWorkingTime(Offset("2024-03-09T02:30:00-05:00"), Duration.FromHours(1)));
        Assert.Equal(Offset("2024-03-11T02:00:00-04:00"), calendar.NextWorkingInstant(Offset("2024-03-09T03:00:00-05:00")));

        // 01:30-02:30: the end moves forward by the gap to 03:30 EDT, so the day still has one hour (06:30Z-07:30Z).
        var straddling = Daily(NewYork, "01:30-02:30");
        Assert.Equal(Duration.FromHours(1), DayLength(straddling, "2024-03-10"));
        Assert.Equal(Offset("2024-03-10T03:30:00-04:00"), straddling.AddWorkingTime(Offset("2024-03-10T01:30:00-05:00"), Duration.FromHours(1)));

        AssertMatchesWalker(calendar, At(NewYork, "2024-03-09 00:00"), At(NewYork, "2024-03-11 06:00"));
        AssertMatchesWalker(straddling, At(NewYork, "2024-03-09 00:00"), At(NewYork, "2024-03-11 06:00"));
    }

    [Fact]
    public void NewYork_StrictResolver_MakesAYearWithASkippedTimeThrow()
    {
        var builder = new BusinessCalendarBuilder(NewYork) { Resolver = Resolvers.StrictResolver };
        var calendar = builder.SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, WorkingInterval.Parse("02:00-03:00")).Build();
        Assert.Same(Resolvers.StrictResolver, calendar.Resolver);
        Assert.Throws<SkippedTimeException>(() => calendar.IsWorkingTime(Offset("2024-06-01T02:30:00-04:00")));
    }

    [Fact]
    public void Berlin_SpringForwardAndFallBack()
    {
        // 2024-03-31 02:00 CET -> 03:00 CEST; 2024-10-27 03:00 CEST -> 02:00 CET.
        var open = BusinessCalendar.AlwaysOpen(Berlin);
        Assert.Equal(Duration.FromHours(23), DayLength(open, "2024-03-31"));
        Assert.Equal(Duration.FromHours(25), DayLength(open, "2024-10-27"));

        var night = Daily(Berlin, "01:00-04:00");
        Assert.Equal(Duration.FromHours(2), DayLength(night, "2024-03-31")); // 00:00Z to 02:00Z
        Assert.Equal(Duration.FromHours(4), DayLength(night, "2024-10-27")); // 23:00Z to 03:00Z
        Assert.Equal(Offset("2024-03-31T03:30:00+02:00"), night.AddWorkingTime(Offset("2024-03-31T01:30:00+01:00"), Duration.FromHours(1)));
        Assert.Equal(Offset("2024-10-27T02:30:00+01:00"), night.AddWorkingTime(Offset("2024-10-27T02:30:00+02:00"), Duration.FromHours(1)));

        // An office week containing the transition still has 40 working hours: 09:00-18:00 is far from 02:00.
        var office = BusinessCalendar.FiveByEight(Berlin);
        Assert.Equal(Duration.FromHours(40), office.WorkingTimeBetween(At(Berlin, "2024-03-25 00:00"), At(Berlin, "2024-04-01 00:00")));
        Assert.Equal(At(Berlin, "2024-04-01 10:00"), office.AddWorkingTime(At(Berlin, "2024-03-29 17:00"), Duration.FromHours(2)));

        AssertMatchesWalker(open, At(Berlin, "2024-03-30 20:00"), At(Berlin, "2024-03-31 06:00"));
        AssertMatchesWalker(night, At(Berlin, "2024-03-30 00:00"), At(Berlin, "2024-04-01 06:00"));
        AssertMatchesWalker(night, At(Berlin, "2024-10-26 00:00"), At(Berlin, "2024-10-28 06:00"));
    }

    [Fact]
    public void LordHowe_HalfHourShift()
    {
        // Lord Howe: +10:30 standard, +11:00 summer. 2024-04-07 02:00 (+11) -> 01:30 (+10:30);
        // 2024-10-06 02:00 (+10:30) -> 02:30 (+11).
        var open = BusinessCalendar.AlwaysOpen(LordHowe);
        Assert.Equal(Duration.FromMinutes(24 * 60 + 30), DayLength(open, "2024-04-07"));
        Assert.Equal(Duration.FromMinutes(23 * 60 + 30), DayLength(open, "2024-10-06"));
        Assert.Equal(Offset("2024-10-06T02:45:00+11:00"), open.AddWorkingTime(Offset("2024-10-06T01:45:00+10:30"), Duration.FromMinutes(30)));

        var night = Daily(LordHowe, "01:00-04:00");
        Assert.Equal(Duration.FromMinutes(210), DayLength(night, "2024-04-07"));
        Assert.Equal(Duration.FromMinutes(150), DayLength(night, "2024-10-06"));
        Assert.Equal(Offset("2024-10-06T04:00:00+11:00"), night.AddWorkingTime(Offset("2024-10-06T01:00:00+10:30"), Duration.FromMinutes(150)));
        Assert.Equal(Offset("2024-10-07T01:01:00+11:00"), night.AddWorkingTime(Offset("2024-10-06T01:00:00+10:30"), Duration.FromMinutes(151)));
        // 02:15 on 2024-10-06 is in the gap: lenient mapping moves it 30 minutes forward, to 02:45 +11.
        var gap = Daily(LordHowe, "02:15-05:00");
        Assert.Equal(Offset("2024-10-06T02:45:00+11:00"), gap.NextWorkingInstant(Offset("2024-10-06T00:00:00+10:30")));

        AssertMatchesWalker(open, At(LordHowe, "2024-10-05 20:00"), At(LordHowe, "2024-10-06 06:00"));
        AssertMatchesWalker(night, At(LordHowe, "2024-04-06 00:00"), At(LordHowe, "2024-04-08 06:00"));
        AssertMatchesWalker(night, At(LordHowe, "2024-10-05 00:00"), At(LordHowe, "2024-10-07 06:00"));
        AssertMatchesWalker(gap, At(LordHowe, "2024-10-05 00:00"), At(LordHowe, "2024-10-07 06:00"));
    }

    [Fact]
    public void SaoPaulo_MidnightSkipped_DayStartsAtOne()
    {
        // 2018-11-04 00:00 -03 did not exist: the day began at 01:00 -02 and lasted 23 hours.
        var open = BusinessCalendar.AlwaysOpen(SaoPaulo);
        Assert.Equal(Duration.FromHours(23), DayLength(open, "2018-11-04"));
        Assert.Equal(Offset("2018-11-04T01:00:00-02:00"), open.AddWorkingDays(At(SaoPaulo, "2018-11-03 12:00"), 0));
        Assert.Equal(Offset("2018-11-04T01:00:00-02:00"), open.AddWorkingTime(Offset("2018-11-03T23:00:00-03:00"), Duration.FromHours(1)));

        var allDay = Daily(SaoPaulo, "00:00-24:00");
        Assert.Equal(open.AddWorkingDays(At(SaoPaulo, "2018-11-02 12:00"), 2), allDay.AddWorkingDays(At(SaoPaulo, "2018-11-02 12:00"), 2));
        AssertMatchesWalker(open, At(SaoPaulo, "2018-11-03 20:00"), At(SaoPaulo, "2018-11-04 06:00"));
        AssertMatchesWalker(Daily(SaoPaulo, "00:00-01:30", "22:00-24:00"), At(SaoPaulo, "2018-11-02 20:00"), At(SaoPaulo, "2018-11-05 06:00"));
    }
}
