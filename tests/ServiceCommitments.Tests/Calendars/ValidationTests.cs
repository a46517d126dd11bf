using System;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Calendars;

/// <summary>Argument validation: the exception type, the parameter name and a message that names the offending value.</summary>
public sealed class ValidationTests
{
    private static T Throws<T>(string? paramName, string[] mentions, Action action)
        where T : Exception
    {
        var e = Assert.Throws<T>(action);
        if (e is ArgumentException argument)
        {
            Assert.Equal(paramName, argument.ParamName);
        }

        foreach (string text in mentions)
        {
            Assert.Contains(text, e.Message, StringComparison.Ordinal);
        }

        return e;
    }

    // WorkingInterval

    [Fact]
    public void WorkingInterval_Overnight_IsRejectedWithTheSplitSpelledOut()
    {
        Throws<ArgumentException>("text", ["22:00-06:00", "22:00-24:00", "00:00-06:00"], () => WorkingInterval.Parse("22:00-06:00"));
        Throws<ArgumentException>("end", ["22:00-06:00", "22:00-24:00"], () => _ = new WorkingInterval(new LocalTime(22, 0), new LocalTime(6, 0)));
        Throws<ArgumentException>("endHour", ["22:00-06:00", "22:00-24:00"], () => WorkingInterval.FromHours(22, 0, 6, 0));
    }

    [Fact]
    public void WorkingInterval_Empty_IsRejected()
    {
        Throws<ArgumentException>("text", ["09:00-09:00", "empty"], () => WorkingInterval.Parse("09:00-09:00"));
        Throws<ArgumentException>("end", ["09:00-09:00"], () => _ = new WorkingInterval(new LocalTime(9, 0), new LocalTime(9, 0)));
        Throws<ArgumentException>("endHour", ["12:30-12:30"], () => WorkingInterval.FromHours(12, 30, 12, 30));
        // Midnight as an end means 24:00, so 00:00-00:00 via the constructor is the whole day, not empty.
        Assert.Equal(WorkingInterval.AllDay, new WorkingInterval(LocalTime.Midnight, LocalTime.Midnight));
    }

    [Theory]
    [InlineData("")]
    [InlineData("09:00")]
    [InlineData("0900-1200")]
    [InlineData("09:00-12")]
    [InlineData("9am-5pm")]
    [InlineData("25:00-26:00")]
    [InlineData("09:00-24:30")]
    [InlineData("24:00-24:00")]
    [InlineData("09:60-12:00")]
    [InlineData("09:00/12:00")]
    public void WorkingInterval_Parse_RejectsBadText(string text)
    {
        var e = Assert.Throws<FormatException>(() => WorkingInterval.Parse(text));
        Assert.Contains($"\"{text}\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("HH:mm-HH:mm", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkingInterval_Parse_Null_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => WorkingInterval.Parse(null!));
        Assert.Equal("text", e.ParamName);
    }

    [Theory]
    [InlineData("09:00-12:00", "09:00-12:00", false)]
    [InlineData("22:00-24:00", "22:00-24:00", true)]
    [InlineData("00:00-24:00", "00:00-24:00", true)]
    [InlineData("09:00:30-10:00:00", "09:00:30-10:00", false)]
    [InlineData(" 09:00 - 12:00 ", "09:00-12:00", false)]
    [InlineData("09:00-24:00:00", "09:00-24:00", true)]
    public void WorkingInterval_Parse_AcceptsDocumentedForms(string text, string formatted, bool endsAtMidnight)
    {
        var interval = WorkingInterval.Parse(text);
        Assert.Equal(formatted, interval.ToString());
        Assert.Equal(endsAtMidnight, interval.EndsAtMidnight);
        Assert.Equal(interval, WorkingInterval.Parse(interval.ToString()));
    }

    [Fact]
    public void WorkingInterval_FromHours_ChecksComponents()
    {
        Throws<ArgumentOutOfRangeException>("startHour", ["24:00"], () => WorkingInterval.FromHours(24, 0, 24, 0));
        Throws<ArgumentOutOfRangeException>("startHour", ["-01:00"], () => WorkingInterval.FromHours(-1, 0, 12, 0));
        Throws<ArgumentOutOfRangeException>("startHour", ["09:60"], () => WorkingInterval.FromHours(9, 60, 12, 0));
        Throws<ArgumentOutOfRangeException>("endHour", ["24:01"], () => WorkingInterval.FromHours(9, 0, 24, 1));
        Throws<ArgumentOutOfRangeException>("endHour", ["25:00"], () => WorkingInterval.FromHours(9, 0, 25, 0));
        var interval = WorkingInterval.FromHours(22, 0, 24, 0);
        Assert.True(interval.EndsAtMidnight);
        Assert.Equal(LocalTime.Midnight, interval.End);
        Assert.Equal(Duration.FromHours(2), interval.Length);
    }

    [Fact]
    public void WorkingInterval_SubTickTimes_AreRejected()
    {
        var fine = LocalTime.FromHourMinuteSecondNanosecond(9, 0, 0, 50);
        Assert.Throws<ArgumentException>(() => _ = new WorkingInterval(fine, new LocalTime(10, 0)));
    }

    // BusinessCalendarBuilder

    // BusinessCalendarBuilder: every rule is checked once, by Build, and every problem is listed in one exception.

    private static ValidationException BuildFails(BusinessCalendarBuilder builder) => Assert.Throws<ValidationException>(() => builder.Build());

    private static BusinessCalendarBuilder Weekdays() =>
        new BusinessCalendarBuilder(Shanghai).SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, WorkingInterval.Parse("09:00-18:00"));

    [Fact]
    public void Builder_OverlappingIntervals_AreRejectedOnBuild()
    {
        var builder = new BusinessCalendarBuilder(Shanghai)
            .SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("11:00-13:00"))
            .SetWeeklyHours(IsoDayOfWeek.Saturday, WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("09:00-12:00"));

        var e = BuildFails(builder);

        Assert.Equal(
            "The business calendar is not valid (2 problems):\n" +
            "  - weekly hours of Monday-Friday[1]: found 11:00-13:00; intervals must be in order and must not overlap: the interval before it is 09:00-12:00\n" +
            "  - weekly hours of Saturday[1]: found 09:00-12:00; intervals must be in order and must not overlap: the interval before it is 09:00-12:00",
            e.Message);
        Assert.Equal("business calendar", e.Subject);
        Assert.Equal(2, e.ProblemCount);
        Assert.Equal(new ValidationProblem("weekly hours of Monday-Friday[1]", "11:00-13:00", "intervals must be in order and must not overlap: the interval before it is 09:00-12:00"), e.Problems[0]);
    }

    [Fact]
    public void Builder_UnorderedIntervals_AreRejectedOnBuild()
    {
        var builder = Weekdays()
            .SetWeeklyHours(IsoDayOfWeek.Tuesday, WorkingInterval.Parse("13:00-18:00"), WorkingInterval.Parse("09:00-12:00"))
            .SetSpecialHours(Date("2024-12-31"), WorkingInterval.Parse("13:00-18:00"), WorkingInterval.Parse("09:00-12:00"))
            .SetAdjustedWorkingDayHours(WorkingInterval.Parse("13:00-18:00"), WorkingInterval.Parse("09:00-12:00"));

        var e = BuildFails(builder);

        Assert.Equal(
            ["weekly hours of Tuesday[1]", "adjusted working day hours[1]", "special hours of 2024-12-31[1]"],
            e.Problems.Select(p => p.Field).ToArray());
        Assert.All(e.Problems, p => Assert.Equal("09:00-12:00", p.Value));
    }

    [Fact]
    public void Builder_AdjacentIntervals_AreAllowed()
    {
        var calendar = new BusinessCalendarBuilder(Shanghai)
            .SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("12:00-13:00"))
            .Build();
        Assert.True(calendar.IsWorkingTime(Sh("2024-03-04 12:00")));
        Assert.Equal(Sh("2024-03-04 13:00"), calendar.AddWorkingTime(Sh("2024-03-04 11:00"), Duration.FromHours(2)));
    }

    [Fact]
    public void Builder_DefaultInterval_IsRejectedAsEmpty()
    {
        var e = BuildFails(new BusinessCalendarBuilder(Shanghai).SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.Parse("09:00-12:00"), default));

        Assert.Equal(
            "The business calendar is not valid (1 problem):\n" +
            "  - weekly hours of Monday[1]: found 00:00-00:00; an interval must end after it starts (the default WorkingInterval is empty)",
            e.Message);
    }

    [Fact]
    public void Builder_TooManyIntervalsOnADay_AreRejected()
    {
        // 97 five-minute slots, one every ten minutes.
        var slots = Enumerable.Range(0, 97).Select(i => WorkingInterval.FromHours(i / 6, i % 6 * 10, i / 6, (i % 6 * 10) + 5)).ToArray();

        var e = BuildFails(Weekdays().SetWeeklyHours(IsoDayOfWeek.Saturday, slots));

        Assert.Equal("weekly hours of Saturday: found 97 intervals; a day may have at most 96 working intervals", e.Problems.Single().ToString());
        _ = Weekdays().SetWeeklyHours(IsoDayOfWeek.Saturday, slots[..96]).Build();
    }

    [Fact]
    public void Builder_WeekWithoutWorkingTime_FailsOnBuild()
    {
        const string NoWorkingTime = "weekly hours: the week has no working time at all; a calendar needs at least one working interval in its week";
        Assert.Equal(NoWorkingTime, BuildFails(new BusinessCalendarBuilder(Shanghai)).Problems.Single().ToString());
        Assert.Equal(NoWorkingTime, BuildFails(new BusinessCalendarBuilder(Shanghai)
            .SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday)
            .AddWorkingDay(Date("2024-03-04"))).Problems.Single().ToString());
        Assert.Equal(NoWorkingTime, BuildFails(new BusinessCalendarBuilder(Shanghai)
            .SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.Parse("09:00-12:00"))
            .SetWeeklyHours(IsoDayOfWeek.Monday)).Problems.Single().ToString());
    }

    [Fact]
    public void Builder_NullArguments_AreRejected()
    {
        Throws<ArgumentNullException>("zone", [], () => _ = new BusinessCalendarBuilder((DateTimeZone)null!));
        var builder = new BusinessCalendarBuilder(Shanghai);
        Throws<ArgumentNullException>("value", [], () => builder.Zone = null!);
        Throws<ArgumentNullException>("value", [], () => builder.Resolver = null!);
        Throws<ArgumentNullException>("hours", [], () => builder.SetWeeklyHours(IsoDayOfWeek.Monday, null!));
        Throws<ArgumentNullException>("hours", [], () => builder.SetSpecialHours(Date("2024-01-01"), null!));
        Throws<ArgumentNullException>("hours", [], () => builder.SetAdjustedWorkingDayHours(null!));
        Throws<ArgumentNullException>("holidaySet", [], () => builder.AddHolidaySet(null!));
    }

    [Fact]
    public void Builder_BadDayOfWeek_IsRejected()
    {
        var builder = new BusinessCalendarBuilder(Shanghai);
        Throws<ArgumentOutOfRangeException>("day", [], () => builder.SetWeeklyHours(IsoDayOfWeek.None, WorkingInterval.AllDay));
        Throws<ArgumentOutOfRangeException>("first", [], () => builder.SetWeeklyHours(IsoDayOfWeek.None, IsoDayOfWeek.Friday, WorkingInterval.AllDay));
        Throws<ArgumentOutOfRangeException>("last", [], () => builder.SetWeeklyHours(IsoDayOfWeek.Monday, (IsoDayOfWeek)8, WorkingInterval.AllDay));
        Throws<ArgumentOutOfRangeException>("day", [], () => BusinessCalendar.AlwaysOpen(Shanghai).GetWeeklyHours((IsoDayOfWeek)9));
    }

    [Fact]
    public void Builder_DateNamedTwice_IsRejected()
    {
        var builder = Weekdays()
            .AddClosure(Date("2024-12-24"))
            .AddClosure(Date("2024-12-24"))
            .AddWorkingDay(Date("2024-12-24"))
            .SetSpecialHours(Date("2024-12-24"), WorkingInterval.AllDay)
            .AddWorkingDay(Date("2024-12-28"))
            .AddClosure(Date("2024-12-28"))
            .SetSpecialHours(Date("2024-12-31"))
            .AddWorkingDay(Date("2024-12-31"));

        var e = BuildFails(builder);

        Assert.Equal(
            [
                "closure 2024-12-24: found 2024-12-24; a date takes one override, and it already has a closure (closure 2024-12-24)",
                "working day 2024-12-24: found 2024-12-24; a date takes one override, and it already has a closure (closure 2024-12-24)",
                "special hours of 2024-12-24: found 2024-12-24; a date takes one override, and it already has a closure (closure 2024-12-24)",
                "closure 2024-12-28: found 2024-12-28; a date takes one override, and it already has an extra working day (working day 2024-12-28)",
                "working day 2024-12-31: found 2024-12-31; a date takes one override, and it already has special hours (special hours of 2024-12-31)",
            ],
            e.Problems.Select(p => p.ToString()).ToArray());
    }

    [Fact]
    public void Builder_DatesOutsideSupportedYears_AreRejected()
    {
        var builder = Weekdays()
            .AddClosure(new LocalDate(9999, 1, 1))
            .AddWorkingDay(new LocalDate(0, 1, 1))
            .AddClosure(new LocalDate(2024, 1, 1, CalendarSystem.Julian));

        var e = BuildFails(builder);

        Assert.Equal(3, e.Problems.Count);
        Assert.Equal("closure 9999-01-01: found 9999-01-01; expected a date in years 1-9998, the years calendars support", e.Problems[0].ToString());
        Assert.Equal("working day 0000-01-01", e.Problems[1].Field);
        Assert.Contains("ISO calendar", e.Problems[2].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_HolidaySetAddedTwice_IsRejected()
    {
        var e = BuildFails(Weekdays().AddHolidaySet(HolidaySets.ChinaMainland).AddHolidaySet(HolidaySets.ChinaMainland));

        Assert.Equal(
            "holiday set 'cn-mainland': found cn-mainland; a holiday set with this id was already added; add each set once",
            e.Problems.Single().ToString());
    }

    [Fact]
    public void Builder_EmptyAdjustedWorkingDayHours_AreRejected()
    {
        var e = BuildFails(Weekdays().SetAdjustedWorkingDayHours());

        Assert.Equal(
            "adjusted working day hours: found no interval; adjusted working days need at least one working interval; to close a date, add a closure (AddClosure, \"closures\")",
            e.Problems.Single().ToString());
    }

    [Fact]
    public void Builder_ReportsEveryProblemAtOnce()
    {
        var builder = new BusinessCalendarBuilder(Shanghai)
            .SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.Parse("13:00-18:00"), WorkingInterval.Parse("09:00-12:00"))
            .AddHolidaySet(HolidaySets.ChinaMainland)
            .AddHolidaySet(HolidaySets.ChinaMainland)
            .SetAdjustedWorkingDayHours()
            .AddClosure(Date("2024-12-24"))
            .AddWorkingDay(Date("2024-12-24"));

        var e = BuildFails(builder);

        Assert.Equal(4, e.ProblemCount);
        Assert.Equal(
            ["weekly hours of Monday[1]", "holiday set 'cn-mainland'", "adjusted working day hours", "working day 2024-12-24"],
            e.Problems.Select(p => p.Field).ToArray());
        Assert.IsAssignableFrom<ArgumentException>(e);
    }

    [Fact]
    public void Builder_BuildTakesASnapshot()
    {
        var builder = new BusinessCalendarBuilder(Shanghai).SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.Parse("09:00-12:00"));
        var first = builder.Build();
        builder.SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.Parse("13:00-14:00")).AddClosure(Date("2024-03-04"));
        var second = builder.Build();
        Assert.True(first.IsWorkingDay(Date("2024-03-04")));
        Assert.Equal(new[] { WorkingInterval.Parse("09:00-12:00") }, first.GetWeeklyHours(IsoDayOfWeek.Monday));
        Assert.False(second.IsWorkingDay(Date("2024-03-04")));
        Assert.Equal(new[] { WorkingInterval.Parse("13:00-14:00") }, second.GetWeeklyHours(IsoDayOfWeek.Monday));
    }

    // BusinessCalendar

    public static TheoryData<string> InstantsBeyondTheSupportedYears => new()
    {
        "max", "max - 1 ns", "max - 1 tick", "max - 1 day", "max - 1 day - 1 tick", "9999-06-01 + 50 ns", "min", "min + 1 ns", "0000-12-30 + 1 ns",
    };

    private static Instant Beyond(string name) => name switch
    {
        "max" => Instant.MaxValue,
        "max - 1 ns" => Instant.MaxValue - Duration.Epsilon,
        "max - 1 tick" => Instant.MaxValue - Duration.FromTicks(1),
        "max - 1 day" => Instant.MaxValue - Duration.FromDays(1),
        "max - 1 day - 1 tick" => Instant.MaxValue - Duration.FromDays(1) - Duration.FromTicks(1),
        "9999-06-01 + 50 ns" => Instant.FromUtc(9999, 6, 1, 0, 0) + Duration.FromNanoseconds(50),
        "min" => Instant.MinValue,
        "min + 1 ns" => Instant.MinValue + Duration.Epsilon,
        _ => Instant.FromUtc(1, 1, 1, 0, 0) - Duration.FromDays(2) + Duration.Epsilon, // before year 1 in every zone
    };

    [Theory]
    [MemberData(nameof(InstantsBeyondTheSupportedYears))]
    public void Calendar_InstantBeyondTheSupportedYears_IsOutOfRange_EvenWhenFinerThanATick(string name)
    {
        var x = Beyond(name);
        var fine = Sh("2024-03-04 10:00");
        var one = Duration.FromHours(1);
        string[] mentions = [x.ToString(), "1-9998"];
        foreach (var calendar in new[] { Office, BusinessCalendar.AlwaysOpen(DateTimeZone.Utc), BusinessCalendar.AlwaysOpen(DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"]) })
        {
            var e = Throws<ArgumentOutOfRangeException>("instant", mentions, () => calendar.IsWorkingTime(x));
            Assert.Equal(x, e.ActualValue);
            Throws<ArgumentOutOfRangeException>("instant", mentions, () => calendar.NextWorkingInstant(x));
            Throws<ArgumentOutOfRangeException>("start", mentions, () => calendar.AddWorkingTime(x, one));
            Throws<ArgumentOutOfRangeException>("start", mentions, () => calendar.AddWorkingTime(x, -one));
            Throws<ArgumentOutOfRangeException>("start", mentions, () => calendar.AddWorkingTime(x, Duration.Zero));
            Throws<ArgumentOutOfRangeException>("start", mentions, () => calendar.AddWorkingDays(x, 1));
            Throws<ArgumentOutOfRangeException>("start", mentions, () => calendar.AddWorkingDays(x, 0));
            Throws<ArgumentOutOfRangeException>("start", mentions, () => calendar.WorkingTimeBetween(x, fine));
            Throws<ArgumentOutOfRangeException>("end", mentions, () => calendar.WorkingTimeBetween(fine, x));
            Throws<ArgumentOutOfRangeException>("start", mentions, () => calendar.WorkingTimeBetween(x, x));
            Throws<ArgumentOutOfRangeException>("starts", mentions, () => calendar.AddWorkingTime([fine, x], one, new Instant[2]));
            Throws<ArgumentOutOfRangeException>("starts", mentions, () => calendar.AddWorkingTime([fine, x], [one, one], new Instant[2]));
            Throws<ArgumentOutOfRangeException>("starts", mentions, () => calendar.AddWorkingDays([fine, x], 1, new Instant[2]));
            Throws<ArgumentOutOfRangeException>("starts", mentions, () => calendar.WorkingTimeBetween([x], [fine], new Duration[1]));
            Throws<ArgumentOutOfRangeException>("ends", mentions, () => calendar.WorkingTimeBetween([fine], [x], new Duration[1]));
        }
    }

    [Fact]
    public void Calendar_SubTickInstantInsideTheSupportedYears_IsStillRejectedAsSubTick()
    {
        var x = Instant.FromUtc(9998, 6, 1, 0, 0) + Duration.FromNanoseconds(50);
        var e = Throws<ArgumentException>("instant", ["whole number of ticks"], () => Office.ToBuilder().TreatUnknownYearsAsOrdinary().Build().IsWorkingTime(x));
        Assert.IsNotType<ArgumentOutOfRangeException>(e);
        Throws<ArgumentException>("end", ["whole number of ticks"], () => Office.WorkingTimeBetween(Sh("2024-03-04 10:00"), Sh("2024-03-04 11:00") + Duration.Epsilon));
    }

    // HolidaySet

    private static HolidaySetEntry H(string date) => new(Date(date), HolidayKind.Holiday, "test");

    private static HolidaySetEntry W(string date) => new(Date(date), HolidayKind.AdjustedWorkingDay, "test");

    [Fact]
    public void HolidaySet_Create_ValidatesIdAndYears()
    {
        Throws<ArgumentNullException>("id", [], () => HolidaySet.Create(null!, 2024, 2024, []));
        Throws<ArgumentNullException>("entries", [], () => HolidaySet.Create("x", 2024, 2024, null!));
        Throws<ArgumentException>("id", ["\"\""], () => HolidaySet.Create("", 2024, 2024, []));
        Throws<ArgumentException>("id", ["a b"], () => HolidaySet.Create("a b", 2024, 2024, []));
        Throws<ArgumentOutOfRangeException>("firstYear", ["0"], () => HolidaySet.Create("x", 0, 2024, []));
        Throws<ArgumentOutOfRangeException>("lastYear", ["9999"], () => HolidaySet.Create("x", 2024, 9999, []));
        Throws<ArgumentOutOfRangeException>("lastYear", ["2023", "2024"], () => HolidaySet.Create("x", 2024, 2023, []));
        var ok = HolidaySet.Create("my-set_1.0", 2024, 2024, []);
        Assert.Equal("my-set_1.0 (2024-2024)", ok.ToString());
    }

    [Fact]
    public void HolidaySet_Create_ValidatesEntries()
    {
        Throws<ArgumentException>("entries", ["2025-01-01", "2024-2024"], () => HolidaySet.Create("x", 2024, 2024, [H("2025-01-01")]));
        Throws<ArgumentException>("entries", ["2023-12-31", "2024-2024"], () => HolidaySet.Create("x", 2024, 2024, [H("2023-12-31")]));
        Throws<ArgumentException>("entries", ["2024-05-01", "'x'"], () => HolidaySet.Create("x", 2024, 2024, [H("2024-05-01"), W("2024-05-01")]));
        Throws<ArgumentException>("entries", ["2024-05-01"], () => HolidaySet.Create("x", 2024, 2024, [H("2024-05-01"), H("2024-05-01")]));
        Throws<ArgumentNullException>("entries", ["2024-05-01"], () => HolidaySet.Create("x", 2024, 2024, [new HolidaySetEntry(Date("2024-05-01"), HolidayKind.Holiday, null!)]));
        Throws<ArgumentException>("entries", ["2024-05-01", "7"], () => HolidaySet.Create("x", 2024, 2024, [new HolidaySetEntry(Date("2024-05-01"), (HolidayKind)7, "bad")]));
        Throws<ArgumentException>("entries", [], () => HolidaySet.Create("x", 2024, 2024, [new HolidaySetEntry(new LocalDate(2024, 5, 1, CalendarSystem.Julian), HolidayKind.Holiday, "j")]));

        var set = HolidaySet.Create("x", 2024, 2025, [W("2025-01-26"), H("2024-05-01")]);
        Assert.Equal(new[] { Date("2024-05-01"), Date("2025-01-26") }, set.Entries.Select(e => e.Date));
        Assert.True(set.TryGetEntry(Date("2025-01-26"), out var entry));
        Assert.Equal(HolidayKind.AdjustedWorkingDay, entry.Kind);
        Assert.False(set.TryGetEntry(Date("2025-01-27"), out _));
    }

    [Fact]
    public void HolidaySet_WithYear_KeepsYearsContiguous()
    {
        var cn = HolidaySets.ChinaMainland;
        Throws<ValidationException>("year", ["2024", "2004-2026"], () => cn.WithYear(2024, []));
        Throws<ValidationException>("year", ["2028", "2027"], () => cn.WithYear(2028, []));
        Throws<ValidationException>("year", ["2002", "2003"], () => cn.WithYear(2002, []));
        Throws<ArgumentNullException>("entries", [], () => cn.WithYear(2027, null!));
        // An entry outside the resulting years, a repeated date, a date the set already has.
        Throws<ValidationException>("entries", ["2028-01-01", "2004-2027"], () => cn.WithYear(2027, [H("2028-01-01")]));
        Throws<ValidationException>("entries", ["2027-01-01"], () => cn.WithYear(2027, [H("2027-01-01"), H("2027-01-01")]));
        Throws<ValidationException>("entries", ["2026-01-01"], () => cn.WithYear(2027, [H("2026-01-01")]));
    }

    [Fact]
    public void HolidaySet_WithYear_RejectsADateOfAKnownYearThatIsNotTheNeighbour()
    {
        // A notice reaches at most into the known year next to the one it announces.
        Throws<ValidationException>("entries", ["2025-03-12", "2026"], () => HolidaySets.ChinaMainland.WithYear(2027, [H("2025-03-12")]));
        Throws<ValidationException>("entries", ["2005-03-15", "2004"], () => HolidaySets.ChinaMainland.WithYear(2003, [H("2005-03-15")]));
    }

    [Fact]
    public void HolidaySet_WithYears_KeepsYearsContiguous()
    {
        var cn = HolidaySets.ChinaMainland;
        Throws<ArgumentNullException>("entries", [], () => cn.WithYears(2027, 2028, null!));
        Throws<ValidationException>("firstYear", ["2026", "2004-2026"], () => cn.WithYears(2026, 2028, []));
        Throws<ValidationException>("firstYear", ["found 2004", "2004-2026"], () => cn.WithYears(2003, 2004, []));
        Throws<ValidationException>("firstYear", ["found 2004-2026", "already knows 2004-2026"], () => cn.WithYears(2000, 2030, []));
        Throws<ValidationException>("firstYear", ["2028-2029", "2027"], () => cn.WithYears(2028, 2029, []));
        Throws<ValidationException>("lastYear", ["2001-2002", "2003"], () => cn.WithYears(2001, 2002, []));
        Throws<ArgumentOutOfRangeException>("lastYear", ["2026", "2028"], () => cn.WithYears(2028, 2026, []));
        Throws<ArgumentOutOfRangeException>("lastYear", ["9999"], () => cn.WithYears(2027, 9999, []));
        Throws<ArgumentOutOfRangeException>("firstYear", ["0"], () => cn.WithYears(0, 2003, []));
        Throws<ArgumentOutOfRangeException>("year", ["9999"], () => HolidaySet.Create("x", 9998, 9998, []).WithYear(9999, []));
        Throws<ArgumentOutOfRangeException>("year", ["0"], () => HolidaySet.Create("x", 1, 1, []).WithYear(0, []));
    }

    [Fact]
    public void HolidaySet_WithYears_ValidatesEntries()
    {
        var cn = HolidaySets.ChinaMainland;
        Throws<ValidationException>("entries", ["2029-01-01", "2004-2028"], () => cn.WithYears(2027, 2028, [H("2029-01-01")]));
        Throws<ValidationException>("entries", ["2001-12-31", "2002-2026"], () => cn.WithYears(2002, 2003, [H("2001-12-31")]));
        Throws<ValidationException>("entries", ["2025-12-31", "2026"], () => cn.WithYears(2027, 2028, [H("2025-12-31")]));
        Throws<ValidationException>("entries", ["2028-05-01"], () => cn.WithYears(2027, 2028, [H("2028-05-01"), W("2028-05-01")]));
        Throws<ValidationException>("entries", ["2026-10-01"], () => cn.WithYears(2027, 2028, [H("2026-10-01")]));
        Throws<ValidationException>("entries", ["2004-01-01"], () => cn.WithYears(2002, 2003, [H("2004-01-01")]));
        Throws<ArgumentNullException>("entries", ["2027-05-01"], () => cn.WithYears(2027, 2028, [new HolidaySetEntry(Date("2027-05-01"), HolidayKind.Holiday, null!)]));
        Throws<ArgumentException>("entries", ["2027-05-01", "7"], () => cn.WithYears(2027, 2028, [new HolidaySetEntry(Date("2027-05-01"), (HolidayKind)7, "bad")]));
        Throws<ArgumentException>("entries", [], () => cn.WithYears(2027, 2028, [new HolidaySetEntry(new LocalDate(2027, 5, 1, CalendarSystem.Julian), HolidayKind.Holiday, "j")]));
    }

    [Fact]
    public void HolidaySet_WithYear_AddsTheNextYearAndAcceptsANeighbouringDate()
    {
        var cn = HolidaySets.ChinaMainland;
        Assert.False(cn.TryGetEntry(Date("2026-12-31"), out _));
        var extended = cn.WithYear(2027, [H("2026-12-31"), H("2027-01-01"), W("2027-01-03")]);
        Assert.Equal("cn-mainland", extended.Id);
        Assert.Equal(2004, extended.FirstYear);
        Assert.Equal(2027, extended.LastYear);
        Assert.Equal(cn.Entries.Count + 3, extended.Entries.Count);
        Assert.Equal(2026, cn.LastYear); // unchanged
        Assert.False(cn.KnowsYear(2027));

        var calendar = BusinessCalendar.FiveByEight(Shanghai, extended);
        Assert.False(calendar.IsWorkingDay(Date("2026-12-31")));
        Assert.False(calendar.IsWorkingDay(Date("2027-01-01")));
        Assert.True(calendar.IsWorkingDay(Date("2027-01-03")));
        Assert.Equal(Sh("2027-01-03 11:00"), calendar.AddWorkingTime(Sh("2026-12-30 17:00"), Duration.FromHours(3)));

        var earlier = cn.WithYear(2003, [H("2003-10-01")]);
        Assert.Equal(2003, earlier.FirstYear);
        Assert.True(earlier.KnowsYear(2003));
    }

    // HolidaySetRegistry

    [Fact]
    public void HolidaySetRegistry_LooksUpByExactId()
    {
        Assert.Equal(new[] { "cn-mainland" }, HolidaySetRegistry.Default.Ids);
        Assert.Empty(HolidaySetRegistry.Empty.Ids);
        Assert.True(HolidaySetRegistry.Default.TryGet("cn-mainland", out var set));
        Assert.Same(HolidaySets.ChinaMainland, set);
        Assert.False(HolidaySetRegistry.Default.TryGet("CN-MAINLAND", out _));
        Assert.False(HolidaySetRegistry.Empty.TryGet("cn-mainland", out _));
        Throws<ArgumentNullException>("id", [], () => HolidaySetRegistry.Default.TryGet(null!, out _));
        Throws<ArgumentNullException>("set", [], () => HolidaySetRegistry.Default.With(null!));
    }

    [Fact]
    public void HolidaySetRegistry_With_ReplacesASetOfTheSameId()
    {
        var extended = HolidaySets.ChinaMainland.WithYear(2027, [H("2027-01-01")]);
        var registry = HolidaySetRegistry.Default.With(extended);
        Assert.True(registry.TryGet("cn-mainland", out var found));
        Assert.Same(extended, found);
        Assert.True(HolidaySetRegistry.Default.TryGet("cn-mainland", out var original));
        Assert.Same(HolidaySets.ChinaMainland, original);

        var other = HolidaySet.Create("acme", 2024, 2024, [H("2024-03-04")]);
        var both = registry.With(other);
        Assert.Equal(new[] { "acme", "cn-mainland" }, both.Ids.OrderBy(i => i, StringComparer.Ordinal));

        const string Json = """{ "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] }""";
        var calendar = CalendarDocument.Parse(Json, registry);
        Assert.Same(extended, calendar.HolidaySets[0]);
        Assert.False(calendar.IsWorkingDay(Date("2027-01-01")));
        Assert.Throws<HolidayDataUnavailableException>(() => CalendarDocument.Parse(Json).IsWorkingDay(Date("2027-01-01")));
    }
}
