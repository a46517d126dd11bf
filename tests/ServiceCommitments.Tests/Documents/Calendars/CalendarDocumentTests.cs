using System;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Documents.Calendars;

/// <summary>CalendarDocument.Parse: the formats of docs/documents.md and every error, with its JSON path and value.</summary>
public sealed class CalendarDocumentTests
{
    private static DocumentException Fails(string json)
    {
        var e = Assert.Throws<DocumentException>(() => CalendarDocument.Parse(json));
        Assert.NotEmpty(e.Errors);
        return e;
    }

    private static void AssertError(DocumentException e, string path, params string[] mentions)
    {
        var at = e.Errors.Where(x => x.Path == path).ToList();
        Assert.True(at.Count > 0, $"no error at {path}; errors: {string.Join(" | ", e.Errors)}");
        foreach (string text in mentions)
        {
            Assert.True(at.Any(x => x.Message.Contains(text, StringComparison.Ordinal)), $"no error at {path} mentions '{text}'; errors: {string.Join(" | ", at)}");
        }

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FullDocument_FromDocsIsRead()
    {
        var calendar = CalendarDocument.Parse("""
            {
              "zone": "Asia/Shanghai",
              "weekly": { "Monday-Friday": ["09:00-12:00", "13:00-18:00"], "Saturday": ["09:00-12:00"] },
              "holidaySets": ["cn-mainland"],
              "adjustedWorkingDayHours": ["09:00-12:00", "13:00-18:00"],
              "closures": ["2024-12-24"],
              "workingDays": ["2024-12-29"],
              "specialHours": { "2024-12-31": ["09:00-12:00"] },
              "unknownYears": "error"
            }
            """);
        Assert.Equal("Asia/Shanghai", calendar.Zone.Id);
        Assert.Same(HolidaySets.ChinaMainland, calendar.HolidaySets.Single());
        Assert.False(calendar.TreatUnknownYearsAsOrdinary);
        Assert.Equal(new[] { WorkingInterval.Parse("09:00-12:00") }, calendar.GetWeeklyHours(IsoDayOfWeek.Saturday));
        Assert.Empty(calendar.GetWeeklyHours(IsoDayOfWeek.Sunday));
        Assert.Equal(2, calendar.GetWeeklyHours(IsoDayOfWeek.Wednesday).Count);
        Assert.False(calendar.IsWorkingDay(Date("2024-12-24")));
        Assert.True(calendar.IsWorkingDay(Date("2024-12-29"))); // a Sunday, opened
        Assert.Equal(2, calendar.GetWorkingHours(Date("2024-12-29")).Count);
        Assert.Equal(new[] { WorkingInterval.Parse("09:00-12:00") }, calendar.GetWorkingHours(Date("2024-12-31")));
        Assert.False(calendar.IsWorkingDay(Date("2024-10-05"))); // a Saturday inside National Day
        Assert.True(calendar.IsWorkingDay(Date("2024-03-09"))); // an ordinary Saturday with hours
        Assert.Equal(Sh("2024-02-18 11:00"), calendar.AddWorkingTime(Sh("2024-02-09 16:00"), Duration.FromHours(4)));
        Assert.Throws<HolidayDataUnavailableException>(() => calendar.IsWorkingDay(Date("2027-01-04")));
    }

    [Fact]
    public void ReadyMadeWeeks_MatchTheBuiltInCalendars()
    {
        var always = CalendarDocument.Parse("""{ "zone": "America/New_York", "weekly": "24x7" }""");
        var open = BusinessCalendar.AlwaysOpen(DateTimeZoneProviders.Tzdb["America/New_York"]);
        foreach (var day in Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d))
        {
            Assert.Equal(open.GetWeeklyHours(day), always.GetWeeklyHours(day));
        }

        Assert.Equal(Duration.FromHours(23), always.WorkingTimeBetween(Offset("2024-03-10T00:00:00-05:00"), Offset("2024-03-11T00:00:00-04:00")));

        var five = CalendarDocument.Parse("""{ "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] }""");
        foreach (var day in Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d))
        {
            Assert.Equal(Office.GetWeeklyHours(day), five.GetWeeklyHours(day));
        }

        Assert.Equal(Sh("2024-10-09 18:00"), five.AddWorkingDays(Sh("2024-09-30 10:00"), 2));
    }

    [Theory]
    [InlineData("Saturday-Sunday", new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday })]
    [InlineData("Saturday,Sunday", new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday })]
    [InlineData("Friday-Monday", new[] { IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday })]
    [InlineData("Wednesday", new[] { IsoDayOfWeek.Wednesday })]
    [InlineData("Monday-Wednesday,Friday", new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Friday })]
    public void WeeklyKeys_DayRangesAndLists(string key, IsoDayOfWeek[] days)
    {
        var calendar = CalendarDocument.Parse($$"""{ "zone": "UTC", "weekly": { "{{key}}": ["10:00-11:00", "22:00-24:00"] } }""");
        foreach (var day in Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d))
        {
            Assert.Equal(days.Contains(day) ? 2 : 0, calendar.GetWeeklyHours(day).Count);
        }

        Assert.True(calendar.GetWeeklyHours(days[0])[1].EndsAtMidnight);
    }

    [Fact]
    public void UnknownYearsOrdinary_AndSpecialHoursClosingADate()
    {
        var calendar = CalendarDocument.Parse("""
            { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"], "unknownYears": "ordinary",
              "specialHours": { "2027-01-05": [] }, "adjustedWorkingDayHours": ["10:00-15:00"] }
            """);
        Assert.True(calendar.TreatUnknownYearsAsOrdinary);
        Assert.True(calendar.IsWorkingDay(Date("2027-01-04")));
        Assert.False(calendar.IsWorkingDay(Date("2027-01-05")));
        Assert.Equal(new[] { WorkingInterval.Parse("10:00-15:00") }, calendar.GetWorkingHours(Date("2024-02-04")));
    }

    [Fact]
    public void CommentsAndTrailingCommas_AreAccepted()
    {
        var calendar = CalendarDocument.Parse("""
            { // the office
              "zone": "Asia/Shanghai", "weekly": "5x8", }
            """);
        Assert.Empty(calendar.HolidaySets);
    }

    [Fact]
    public void UnknownZone_IsReportedAtZone()
    {
        var e = Fails("""{ "zone": "Mars/Olympus_Mons", "weekly": "5x8" }""");
        AssertError(e, "$.zone", "Mars/Olympus_Mons");
        Assert.Single(e.Errors);
    }

    [Fact]
    public void OverlappingIntervals_AreReportedAtTheInterval()
    {
        var e = Fails("""{ "zone": "Asia/Shanghai", "weekly": { "Monday-Friday": ["09:00-12:00", "11:00-13:00"] } }""");
        AssertError(e, "$.weekly['Monday-Friday'][1]", "11:00-13:00", "09:00-12:00");

        var plain = Fails("""{ "zone": "Asia/Shanghai", "weekly": { "Monday": ["13:00-18:00", "09:00-12:00"] } }""");
        AssertError(plain, "$.weekly.Monday[1]", "09:00-12:00");
    }

    [Fact]
    public void EndBeforeStart_IsReportedWithTheSplit()
    {
        var e = Fails("""{ "zone": "Asia/Shanghai", "weekly": { "Monday-Friday": ["09:00-12:00", "22:00-06:00"] } }""");
        AssertError(e, "$.weekly['Monday-Friday'][1]", "22:00-06:00", "22:00-24:00");
        Assert.DoesNotContain(e.Errors, x => x.Message.Contains("(Parameter", StringComparison.Ordinal));

        var empty = Fails("""{ "zone": "UTC", "weekly": { "Monday": ["09:00-09:00"] } }""");
        AssertError(empty, "$.weekly.Monday[0]", "09:00-09:00");
    }

    [Fact]
    public void BadIntervalText_IsReported()
    {
        var e = Fails("""{ "zone": "UTC", "weekly": { "Monday": ["9am-5pm", 9] } }""");
        AssertError(e, "$.weekly.Monday[0]", "9am-5pm");
        AssertError(e, "$.weekly.Monday[1]", "9");
    }

    [Fact]
    public void BadDates_AreReportedWhereTheyAre()
    {
        var e = Fails("""
            { "zone": "Asia/Shanghai", "weekly": "5x8",
              "closures": ["2024-02-30"], "workingDays": ["2024-12-28", "28/12/2024"],
              "specialHours": { "2024-13-01": ["09:00-12:00"] } }
            """);
        AssertError(e, "$.closures[0]", "2024-02-30");
        AssertError(e, "$.workingDays[1]", "28/12/2024");
        AssertError(e, "$.specialHours['2024-13-01']", "2024-13-01");
        Assert.Equal(3, e.Errors.Count);
    }

    [Fact]
    public void DateNamedTwice_IsReported()
    {
        var e = Fails("""
            { "zone": "Asia/Shanghai", "weekly": "5x8",
              "closures": ["2024-12-24"], "workingDays": ["2024-12-24"], "specialHours": { "2024-12-24": [] } }
            """);
        AssertError(e, "$.workingDays[0]", "2024-12-24", "closures");
        AssertError(e, "$.specialHours['2024-12-24']", "2024-12-24", "closures");
    }

    [Fact]
    public void DayNamedTwice_IsReported()
    {
        var e = Fails("""{ "zone": "UTC", "weekly": { "Monday-Friday": ["09:00-12:00"], "Friday": ["13:00-14:00"] } }""");
        AssertError(e, "$.weekly.Friday", "Friday", "Monday-Friday");

        var key = Fails("""{ "zone": "UTC", "weekly": { "Mondays": ["09:00-12:00"] } }""");
        AssertError(key, "$.weekly.Mondays", "Mondays");

        var ready = Fails("""{ "zone": "UTC", "weekly": "6x9" }""");
        AssertError(ready, "$.weekly", "6x9");
    }

    [Fact]
    public void UnknownHolidaySet_IsReported()
    {
        var e = Fails("""{ "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland", "hk"] }""");
        AssertError(e, "$.holidaySets[1]", "\"hk\"", "cn-mainland");

        var twice = Fails("""{ "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland", "cn-mainland"] }""");
        AssertError(twice, "$.holidaySets[1]", "cn-mainland");

        var registry = HolidaySetRegistry.Empty.With(HolidaySet.Create("hk", 2024, 2024, []));
        var withRegistry = Assert.Throws<DocumentException>(() => CalendarDocument.Parse("""{ "zone": "UTC", "weekly": "5x8", "holidaySets": ["cn-mainland"] }""", registry));
        AssertError(withRegistry, "$.holidaySets[0]", "cn-mainland", "hk");
        Assert.Equal("hk", CalendarDocument.Parse("""{ "zone": "UTC", "weekly": "5x8", "holidaySets": ["hk"] }""", registry).HolidaySets[0].Id);
    }

    [Fact]
    public void NoWorkingTime_IsReportedAtWeekly()
    {
        var e = Fails("""{ "zone": "UTC", "weekly": { "Monday": [] } }""");
        AssertError(e, "$.weekly", "no working time");
        var empty = Fails("""{ "zone": "UTC", "weekly": {} }""");
        AssertError(empty, "$.weekly");
    }

    [Fact]
    public void UnknownProperty_IsReported()
    {
        var e = Fails("""{ "zone": "Asia/Shanghai", "weekly": "5x8", "closure": ["2024-12-24"] }""");
        AssertError(e, "$.closure", "closures");
        var odd = Fails("""{ "zone": "UTC", "weekly": "5x8", "my key": 1 }""");
        AssertError(odd, "$['my key']");
    }

    [Fact]
    public void MissingAndMistypedValues_AreReported()
    {
        var missing = Fails("""{ }""");
        AssertError(missing, "$", "zone");
        AssertError(missing, "$", "weekly");
        Assert.Equal(2, missing.Errors.Count);

        var types = Fails("""{ "zone": 8, "weekly": "5x8", "holidaySets": "cn-mainland", "closures": "2024-12-24", "unknownYears": "maybe", "adjustedWorkingDayHours": [] }""");
        AssertError(types, "$.zone", "8");
        AssertError(types, "$.holidaySets", "cn-mainland");
        AssertError(types, "$.closures", "2024-12-24");
        AssertError(types, "$.unknownYears", "maybe");
        AssertError(types, "$.adjustedWorkingDayHours");

        var notObject = Fails("""[1, 2]""");
        AssertError(notObject, "$");
    }

    [Fact]
    public void AllErrors_AreReportedAtOnce()
    {
        var e = Fails("""
            { "zone": "Nowhere/City", "weekly": { "Monday": ["10:00-09:00"] }, "holidaySets": ["xx"], "closures": ["x"], "extra": true }
            """);
        AssertError(e, "$.zone", "Nowhere/City");
        AssertError(e, "$.weekly.Monday[0]", "10:00-09:00");
        AssertError(e, "$.holidaySets[0]", "xx");
        AssertError(e, "$.closures[0]", "\"x\"");
        AssertError(e, "$.extra");
        Assert.Equal(5, e.Errors.Count);
        Assert.Contains("5 errors", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidJson_IsADocumentExceptionWithALine()
    {
        var e = Fails("{ \"zone\": \"UTC\",\n \"weekly\": }");
        var error = e.Errors.Single();
        Assert.Equal("$", error.Path);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("$ (line 2): not valid JSON", error.ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => CalendarDocument.Parse(null!));
    }
}
