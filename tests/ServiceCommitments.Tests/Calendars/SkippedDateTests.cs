using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.TimeZones;
using ServiceCommitments.TestSupport;
using ServiceCommitments.Calendars;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Calendars;

/// <summary>
/// Dates a zone skips entirely, such as Samoa's 30 December 2011 (it moved across the date line from -10 to +14). Such
/// a date has no working time and is never a working day; it is a day of zero length that begins and ends where the
/// next existing local time begins, and every other date of its year works as usual.
/// </summary>
public sealed class SkippedDateTests
{
    /// <summary>Every whole local date the tzdb in NodaTime skips (aliases included), as <see cref="Tzdb_SkipsExactlyTheDatesTested"/> checks.</summary>
    public static TheoryData<string, string> SkippedDates => new()
    {
        { "Pacific/Apia", "2011-12-30" },
        { "Pacific/Fakaofo", "2011-12-30" },
        { "Pacific/Kiritimati", "1994-12-31" },
        { "Pacific/Kanton", "1994-12-31" },
        { "Pacific/Enderbury", "1994-12-31" },
        { "Pacific/Kwajalein", "1993-08-21" },
        { "Kwajalein", "1993-08-21" },
        { "Asia/Manila", "1844-12-31" },
        { "Pacific/Guam", "1844-12-31" },
        { "Pacific/Saipan", "1844-12-31" },
        { "Pacific/Palau", "1844-12-31" },
        { "Pacific/Kosrae", "1844-12-31" },
    };

    private static BusinessCalendar Daily(DateTimeZone zone) =>
        new BusinessCalendarBuilder(zone).SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, WorkingInterval.Parse("09:00-18:00")).Build();

    private static IEnumerable<BusinessCalendar> Calendars(DateTimeZone zone) =>
        [BusinessCalendar.AlwaysOpen(zone), BusinessCalendar.FiveByEight(zone), Daily(zone)];

    /// <summary>The first instant of <paramref name="date"/>, which must exist in <paramref name="zone"/>.</summary>
    private static Instant StartOf(DateTimeZone zone, LocalDate date) => zone.AtStartOfDay(date).ToInstant();

    [Fact]
    public void Tzdb_SkipsExactlyTheDatesTested()
    {
        var found = new List<(string, string)>();
        var tzdb = DateTimeZoneProviders.Tzdb;
        foreach (string id in tzdb.Ids)
        {
            var zone = tzdb[id];
            foreach (var interval in zone.GetZoneIntervals(Instant.FromUtc(1, 1, 2, 0, 0), Instant.FromUtc(9999, 1, 1, 0, 0)))
            {
                if (!interval.HasStart)
                {
                    continue;
                }

                // The local times in [before, after) do not exist; collect the dates wholly inside.
                var before = interval.Start.WithOffset(zone.GetZoneInterval(interval.Start - Duration.Epsilon).WallOffset).LocalDateTime;
                var after = interval.Start.WithOffset(interval.WallOffset).LocalDateTime;
                for (var d = before.Date; d < after.Date; d = d.PlusDays(1))
                {
                    if (before <= d.AtMidnight() && after >= d.PlusDays(1).AtMidnight())
                    {
                        found.Add((id, d.ToString("uuuu-MM-dd", null)));
                    }
                }
            }
        }

        var tested = SkippedDates.Select(row => ((string)row[0], (string)row[1]));
        Assert.Equal(tested.OrderBy(r => r), found.OrderBy(r => r));
    }

    [Theory]
    [MemberData(nameof(SkippedDates))]
    public void TheYearsAroundASkippedDate_Compile_AndOnlyTheSkippedDateIsNotAWorkingDay(string zoneId, string skipped)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var date = Date(skipped);
        var open = BusinessCalendar.AlwaysOpen(zone);
        var daily = Daily(zone);
        for (var d = new LocalDate(date.Year - 1, 1, 1); d < new LocalDate(date.Year + 2, 1, 1); d = d.PlusDays(1))
        {
            Assert.True(open.IsWorkingDay(d) == (d != date), $"AlwaysOpen.IsWorkingDay({d})");
            Assert.True(daily.IsWorkingDay(d) == (d != date), $"Daily.IsWorkingDay({d})");
        }

        var five = BusinessCalendar.FiveByEight(zone);
        Assert.False(five.IsWorkingDay(date));
        Assert.Equal(date.DayOfWeek <= IsoDayOfWeek.Friday, five.IsWorkingDay(date.PlusDays(-7)));
        Assert.Empty(open.GetWorkingHours(date));
        Assert.Empty(five.GetWorkingHours(date));
        Assert.Equal(new[] { WorkingInterval.AllDay }, open.GetWorkingHours(date.PlusDays(1)));
    }

    [Theory]
    [MemberData(nameof(SkippedDates))]
    public void AlwaysOpen_CountsElapsedTimeStraightOverTheSkippedDate(string zoneId, string skipped)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var date = Date(skipped);
        var open = BusinessCalendar.AlwaysOpen(zone);
        var dayBefore = StartOf(zone, date.PlusDays(-1));
        var dayAfter = StartOf(zone, date.PlusDays(1));

        // The day before ends where the day after begins: the skipped date lasts no time at all.
        Assert.Equal(Duration.FromHours(24), open.WorkingTimeBetween(dayBefore, dayAfter));
        Assert.Equal(dayAfter, dayBefore + Duration.FromHours(24));
        Assert.Equal(dayAfter, open.AddWorkingTime(dayBefore, Duration.FromHours(24)));
        Assert.Equal(dayBefore, open.AddWorkingTime(dayAfter, Duration.FromHours(-24)));
        Assert.True(open.IsWorkingTime(dayAfter));
        Assert.Equal(dayAfter, open.NextWorkingInstant(dayAfter));

        // Working days step over the skipped date, both ways.
        Assert.Equal(date.PlusDays(1), open.AddWorkingDays(date.PlusDays(-1), 1));
        Assert.Equal(date.PlusDays(2), open.AddWorkingDays(date.PlusDays(-1), 2));
        Assert.Equal(date.PlusDays(-1), open.AddWorkingDays(date.PlusDays(1), -1));
        Assert.Equal(date.PlusDays(1), open.AddWorkingDays(date, 1));
        Assert.Equal(date.PlusDays(-1), open.AddWorkingDays(date, -1));
        Assert.Equal(date, open.AddWorkingDays(date, 0));

        // As instants: the close of business of a day on the 7x24 calendar is the start of the next existing day.
        var noonBefore = dayBefore + Duration.FromHours(12);
        Assert.Equal(dayAfter, open.AddWorkingDays(noonBefore, 0));
        Assert.Equal(StartOf(zone, date.PlusDays(2)), open.AddWorkingDays(noonBefore, 1));
        Assert.Equal(dayAfter, open.AddWorkingDays(dayAfter + Duration.FromHours(12), -1)); // 24:00 of the day before
    }

    [Theory]
    [MemberData(nameof(SkippedDates))]
    public void EveryOperationAcrossTheSkippedDate_AgreesWithTheWalkerAndWithItself(string zoneId, string skipped)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var date = Date(skipped);
        var from = StartOf(zone, date.PlusDays(-2));
        var to = StartOf(zone, date.PlusDays(2));
        Duration[] amounts = [Duration.FromTicks(1), Duration.FromMinutes(90), Duration.FromHours(9), Duration.FromHours(20), Duration.FromHours(30)];
        foreach (var calendar in Calendars(zone))
        {
            var walker = new WalkingCalendar(calendar);
            for (var s = from; s < to; s += Duration.FromMinutes(90))
            {
                foreach (var a in amounts)
                {
                    var forward = calendar.AddWorkingTime(s, a);
                    var backward = calendar.AddWorkingTime(s, -a);
                    Assert.True(walker.AddWorkingTime(s, a) == forward, $"AddWorkingTime({Show(s, zone)}, {a})");
                    Assert.True(walker.AddWorkingTime(s, -a) == backward, $"AddWorkingTime({Show(s, zone)}, -{a})");
                    Assert.True(calendar.WorkingTimeBetween(s, forward) == a, $"WorkingTimeBetween({Show(s, zone)}, +{a} working)");
                    Assert.True(calendar.WorkingTimeBetween(s, backward) == -a, $"WorkingTimeBetween({Show(s, zone)}, -{a} working)");
                    Assert.True(walker.WorkingTimeBetween(s, s + a) == calendar.WorkingTimeBetween(s, s + a), $"WorkingTimeBetween({Show(s, zone)}, +{a})");
                }

                for (int n = -3; n <= 3; n++)
                {
                    var result = calendar.AddWorkingDays(s, n);
                    Assert.True(walker.AddWorkingDays(s, n) == result, $"AddWorkingDays({Show(s, zone)}, {n})");
                }

                for (int n = 1; n <= 3; n++)
                {
                    Assert.NotEqual(date, calendar.AddWorkingDays(s.InZone(zone).Date, n));
                    Assert.NotEqual(date, calendar.AddWorkingDays(s.InZone(zone).Date, -n));
                }
            }
        }
    }

    /// <summary>A zone that jumps from -12:00 to +12:00 at the end of 31 December 2000, skipping 1 January 2001.</summary>
    private sealed class SkipsNewYearsDay2001()
        : DateTimeZone("Test/SkipsNewYearsDay2001", false, West, East)
    {
        private static readonly Offset West = NodaTime.Offset.FromHours(-12);
        private static readonly Offset East = NodaTime.Offset.FromHours(12);

        internal static readonly Instant Transition = Instant.FromUtc(2001, 1, 1, 12, 0);

        public override ZoneInterval GetZoneInterval(Instant instant) => instant < Transition
            ? new ZoneInterval("West", null, Transition, West, NodaTime.Offset.Zero)
            : new ZoneInterval("East", Transition, null, East, NodaTime.Offset.Zero);
    }

    [Fact]
    public void ASkippedFirstOfJanuary_StartsTheYearWhereTheNextExistingTimeBegins()
    {
        var zone = new SkipsNewYearsDay2001();
        var transition = SkipsNewYearsDay2001.Transition;
        Assert.Equal(0, zone.MapLocal(new LocalDateTime(2001, 1, 1, 12, 0)).Count);
        Assert.Equal(new LocalDateTime(2001, 1, 2, 0, 0), transition.InZone(zone).LocalDateTime);

        var open = BusinessCalendar.AlwaysOpen(zone);
        Assert.False(open.IsWorkingDay(new LocalDate(2001, 1, 1)));
        Assert.True(open.IsWorkingDay(new LocalDate(2000, 12, 31)));
        Assert.True(open.IsWorkingDay(new LocalDate(2001, 1, 2)));
        Assert.True(open.IsWorkingTime(transition));
        Assert.True(open.IsWorkingTime(transition - Duration.FromTicks(1)));
        Assert.Equal(Duration.FromHours(2), open.WorkingTimeBetween(transition - Duration.FromHours(1), transition + Duration.FromHours(1)));
        Assert.Equal(new LocalDate(2001, 1, 2), open.AddWorkingDays(new LocalDate(2000, 12, 31), 1));
        Assert.Equal(new LocalDate(2000, 12, 31), open.AddWorkingDays(new LocalDate(2001, 1, 2), -1));
        Assert.Equal(transition, open.AddWorkingDays(transition - Duration.FromHours(1), 0));
        Assert.Equal(transition + Duration.FromHours(24), open.AddWorkingDays(transition - Duration.FromHours(1), 1));

        var daily = Daily(zone);
        Assert.Equal(
            transition + Duration.FromHours(10),
            daily.AddWorkingTime(transition - Duration.FromHours(7), Duration.FromHours(2))); // 2000-12-31 17:00 + 2 h: 2001-01-02 10:00
        foreach (var calendar in new[] { open, daily, BusinessCalendar.FiveByEight(zone) })
        {
            var walker = new WalkingCalendar(calendar);
            for (var s = transition - Duration.FromDays(2); s < transition + Duration.FromDays(2); s += Duration.FromMinutes(90))
            {
                Assert.Equal(walker.AddWorkingTime(s, Duration.FromHours(9)), calendar.AddWorkingTime(s, Duration.FromHours(9)));
                Assert.Equal(walker.AddWorkingTime(s, Duration.FromHours(-9)), calendar.AddWorkingTime(s, Duration.FromHours(-9)));
                Assert.Equal(walker.WorkingTimeBetween(s, s + Duration.FromHours(30)), calendar.WorkingTimeBetween(s, s + Duration.FromHours(30)));
                Assert.Equal(walker.AddWorkingDays(s, 1), calendar.AddWorkingDays(s, 1));
                Assert.Equal(walker.AddWorkingDays(s, -1), calendar.AddWorkingDays(s, -1));
                Assert.Equal(walker.AddWorkingDays(s, 0), calendar.AddWorkingDays(s, 0));
            }
        }
    }
}
