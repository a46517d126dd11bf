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

    [Fact]
    public void Builder_OverlappingIntervals_AreRejected()
    {
        var builder = new BusinessCalendarBuilder(Shanghai);
        Throws<ArgumentException>("hours", ["09:00-12:00", "11:00-13:00", "Monday"],
            () => builder.SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("11:00-13:00")));
        Throws<ArgumentException>("hours", ["09:00-12:00", "11:00-13:00", "Monday-Friday"],
            () => builder.SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("11:00-13:00")));
        Throws<ArgumentException>("hours", ["09:00-12:00", "09:00-12:00"],
            () => builder.SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("09:00-12:00")));
    }

    [Fact]
    public void Builder_UnorderedIntervals_AreRejected()
    {
        var builder = new BusinessCalendarBuilder(Shanghai);
        Throws<ArgumentException>("hours", ["13:00-18:00", "09:00-12:00"],
            () => builder.SetWeeklyHours(IsoDayOfWeek.Tuesday, WorkingInterval.Parse("13:00-18:00"), WorkingInterval.Parse("09:00-12:00")));
        Throws<ArgumentException>("hours", ["13:00-18:00", "09:00-12:00"],
            () => builder.SetSpecialHours(Date("2024-12-31"), WorkingInterval.Parse("13:00-18:00"), WorkingInterval.Parse("09:00-12:00")));
        Throws<ArgumentException>("hours", ["13:00-18:00", "09:00-12:00"],
            () => builder.SetAdjustedWorkingDayHours(WorkingInterval.Parse("13:00-18:00"), WorkingInterval.Parse("09:00-12:00")));
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
        Throws<ArgumentException>("hours", ["empty", "00:00-00:00", "index 1"],
            () => new BusinessCalendarBuilder(Shanghai).SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.Parse("09:00-12:00"), default));
    }

    [Fact]
    public void Builder_WeekWithoutWorkingTime_FailsOnBuild()
    {
        Assert.Throws<InvalidOperationException>(() => new BusinessCalendarBuilder(Shanghai).Build());
        Assert.Throws<InvalidOperationException>(() => new BusinessCalendarBuilder(Shanghai)
            .SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday)
            .AddWorkingDay(Date("2024-03-04"))
            .Build());
        var e = Assert.Throws<InvalidOperationException>(() => new BusinessCalendarBuilder(Shanghai)
            .SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.Parse("09:00-12:00"))
            .SetWeeklyHours(IsoDayOfWeek.Monday)
            .Build());
        Assert.IsNotType<HolidayDataUnavailableException>(e);
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
        var builder = new BusinessCalendarBuilder(Shanghai).AddClosure(Date("2024-12-24"));
        Throws<ArgumentException>("date", ["2024-12-24", "closure"], () => builder.AddClosure(Date("2024-12-24")));
        Throws<ArgumentException>("date", ["2024-12-24", "closure"], () => builder.AddWorkingDay(Date("2024-12-24")));
        Throws<ArgumentException>("date", ["2024-12-24", "closure"], () => builder.SetSpecialHours(Date("2024-12-24"), WorkingInterval.AllDay));
        builder.AddWorkingDay(Date("2024-12-28"));
        Throws<ArgumentException>("date", ["2024-12-28", "working day"], () => builder.AddClosure(Date("2024-12-28")));
        builder.SetSpecialHours(Date("2024-12-31"));
        Throws<ArgumentException>("date", ["2024-12-31", "special hours"], () => builder.AddWorkingDay(Date("2024-12-31")));
    }

    [Fact]
    public void Builder_DatesOutsideSupportedYears_AreRejected()
    {
        var builder = new BusinessCalendarBuilder(Shanghai);
        Throws<ArgumentException>("date", ["9999"], () => builder.AddClosure(new LocalDate(9999, 1, 1)));
        Throws<ArgumentException>("date", ["0"], () => builder.AddWorkingDay(new LocalDate(0, 1, 1)));
        Throws<ArgumentException>("date", [], () => builder.AddClosure(new LocalDate(2024, 1, 1, CalendarSystem.Julian)));
    }

    [Fact]
    public void Builder_HolidaySetAddedTwice_IsRejected()
    {
        var builder = new BusinessCalendarBuilder(Shanghai).AddHolidaySet(HolidaySets.ChinaMainland);
        Throws<ArgumentException>("holidaySet", ["cn-mainland"], () => builder.AddHolidaySet(HolidaySets.ChinaMainland));
    }

    [Fact]
    public void Builder_EmptyAdjustedWorkingDayHours_AreRejected()
    {
        Throws<ArgumentException>("hours", ["AddClosure"], () => new BusinessCalendarBuilder(Shanghai).SetAdjustedWorkingDayHours());
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
        Throws<ArgumentException>("year", ["2024", "2004-2026"], () => cn.WithYear(2024, []));
        Throws<ArgumentException>("year", ["2028", "2027"], () => cn.WithYear(2028, []));
        Throws<ArgumentException>("year", ["2002", "2003"], () => cn.WithYear(2002, []));
        Throws<ArgumentNullException>("entries", [], () => cn.WithYear(2027, null!));
        // An entry outside the resulting years, a repeated date, a date the set already has.
        Throws<ArgumentException>("entries", ["2028-01-01", "2004-2027"], () => cn.WithYear(2027, [H("2028-01-01")]));
        Throws<ArgumentException>("entries", ["2027-01-01"], () => cn.WithYear(2027, [H("2027-01-01"), H("2027-01-01")]));
        Throws<ArgumentException>("entries", ["2026-01-01"], () => cn.WithYear(2027, [H("2026-01-01")]));
    }

    [Fact]
    public void HolidaySet_WithYear_RejectsADateOfAKnownYearThatIsNotTheNeighbour()
    {
        // A notice reaches at most into the known year next to the one it announces.
        Throws<ArgumentException>("entries", ["2025-03-12", "2026"], () => HolidaySets.ChinaMainland.WithYear(2027, [H("2025-03-12")]));
        Throws<ArgumentException>("entries", ["2005-03-15", "2004"], () => HolidaySets.ChinaMainland.WithYear(2003, [H("2005-03-15")]));
    }

    [Fact]
    public void HolidaySet_WithYears_KeepsYearsContiguous()
    {
        var cn = HolidaySets.ChinaMainland;
        Throws<ArgumentNullException>("entries", [], () => cn.WithYears(2027, 2028, null!));
        Throws<ArgumentException>("firstYear", ["2026", "2004-2026"], () => cn.WithYears(2026, 2028, []));
        Throws<ArgumentException>("firstYear", ["2003-2004", "2004-2026"], () => cn.WithYears(2003, 2004, []));
        Throws<ArgumentException>("firstYear", ["2000-2030", "2004-2026"], () => cn.WithYears(2000, 2030, []));
        Throws<ArgumentException>("firstYear", ["2028-2029", "2027"], () => cn.WithYears(2028, 2029, []));
        Throws<ArgumentException>("lastYear", ["2001-2002", "2003"], () => cn.WithYears(2001, 2002, []));
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
        Throws<ArgumentException>("entries", ["2029-01-01", "2004-2028"], () => cn.WithYears(2027, 2028, [H("2029-01-01")]));
        Throws<ArgumentException>("entries", ["2001-12-31", "2002-2026"], () => cn.WithYears(2002, 2003, [H("2001-12-31")]));
        Throws<ArgumentException>("entries", ["2025-12-31", "2026"], () => cn.WithYears(2027, 2028, [H("2025-12-31")]));
        Throws<ArgumentException>("entries", ["2028-05-01"], () => cn.WithYears(2027, 2028, [H("2028-05-01"), W("2028-05-01")]));
        Throws<ArgumentException>("entries", ["2026-10-01"], () => cn.WithYears(2027, 2028, [H("2026-10-01")]));
        Throws<ArgumentException>("entries", ["2004-01-01"], () => cn.WithYears(2002, 2003, [H("2004-01-01")]));
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
