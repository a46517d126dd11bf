using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;
using Xunit;

namespace ServiceCommitments.Tests.Documents;

/// <summary>A loaded document writes back to an equivalent document: writing, reading and writing again gives the same text, and the same answers.</summary>
public sealed class DocumentRoundTripTests
{
    private static IEnumerable<string> Files(string prefix) =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "conformance"), prefix + "*.json").Order(StringComparer.Ordinal);

    public static TheoryData<string> CalendarFiles() => new(Files("").Where(f => JsonNode.Parse(File.ReadAllText(f))!["calendar"] is not null).Select(Path.GetFileName)!);

    public static TheoryData<string> PolicyFiles() => new(Files("policy-").Where(f => !f.Contains("invalid", StringComparison.Ordinal)).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(CalendarFiles))]
    public void Calendar_WritesBackToTheSameRules(string file)
    {
        string json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "conformance", file)))!["calendar"]!.ToJsonString();
        var calendar = CalendarDocument.Parse(json);

        string written = CalendarDocument.Write(calendar);
        var again = CalendarDocument.Parse(written);

        Assert.Equal(written, CalendarDocument.Write(again));
        for (var date = new LocalDate(2023, 12, 1); date < new LocalDate(2025, 2, 1); date = date.PlusDays(1))
        {
            Assert.Equal(calendar.GetWorkingHours(date), again.GetWorkingHours(date));
        }
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Policy_WritesBackToTheSameRules_AndTheSameAnswers(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "conformance", file);
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var document = new JsonObject { ["policy"] = root["policy"]!.DeepClone() };
        if (root["calendars"] is { } calendars)
        {
            document["calendars"] = calendars.DeepClone();
        }

        var policy = PolicyDocument.Parse(document.ToJsonString());
        string written = PolicyDocument.Write(policy);
        Assert.Equal(written, PolicyDocument.Write(PolicyDocument.Parse(written)));

        // The rewritten policy answers every case of the file as the original does.
        root["policy"] = JsonNode.Parse(written)!["policy"]!.DeepClone();
        root["calendars"] = JsonNode.Parse(written)!["calendars"]?.DeepClone();
        if (root["calendars"] is null)
        {
            root.Remove("calendars");
        }

        var original = ConformanceFile.Load(path).Run();
        var rewritten = ConformanceFile.Parse(root.ToJsonString(), file).Run();
        Assert.Equal(original.Select(r => (r.Passed, r.Actual)), rewritten.Select(r => (r.Passed, r.Actual)));
    }

    [Fact]
    public void Calendar_WithAnAddedYear_WritesTheYearAndNotTheWholeSet()
    {
        var calendar = CalendarDocument.Parse("""
            { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": [{ "id": "cn-mainland", "years": { "2027": { "holidays": ["2026-12-31", "2027-01-01"], "adjustedWorkingDays": ["2027-01-03"] } } }],
              "closures": ["2024-12-24"], "workingDays": ["2024-12-28"], "specialHours": { "2024-12-31": ["09:00-12:00"] }, "unknownYears": "ordinary" }
            """);

        string written = CalendarDocument.Write(calendar);

        Assert.Contains("\"2027\"", written, StringComparison.Ordinal);
        Assert.Contains("\"2026-12-31\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("2024-10-01", written, StringComparison.Ordinal);
        var again = CalendarDocument.Parse(written);
        Assert.True(again.KnowsYear(2027));
        Assert.True(again.TreatUnknownYearsAsOrdinary);
        Assert.Equal(written, CalendarDocument.Write(again));
    }

    [Fact]
    public void Calendar_ThatNoDocumentCanExpress_IsRefused()
    {
        var strict = new BusinessCalendarBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]) { Resolver = NodaTime.TimeZones.Resolvers.StrictResolver }
            .SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.AllDay).Build();
        Assert.Throws<ArgumentException>(() => CalendarDocument.Write(strict));

        var unregistered = new BusinessCalendarBuilder(DateTimeZone.Utc)
            .SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.AllDay).AddHolidaySet(HolidaySet.Create("acme", 2024, 2024, [])).Build();
        var e = Assert.Throws<ArgumentException>(() => CalendarDocument.Write(unregistered));
        Assert.Contains("acme", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"acme\"", CalendarDocument.Write(unregistered, HolidaySetRegistry.Default.With(HolidaySet.Create("acme", 2024, 2024, []))), StringComparison.Ordinal);
    }

    [Fact]
    public void Commitment_WhosePartsNameTwoCalendarsAlike_WritesBoth()
    {
        // Found while writing warranties and schedules: a commitment assembled in code may name one calendar "office" and
        // give its policy another calendar of that name; the second calendar got no name at all and writing threw
        // KeyNotFoundException.
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var office = new BusinessCalendarBuilder(zone).SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.AllDay).Build();
        var other = new BusinessCalendarBuilder(zone).SetWeeklyHours(IsoDayOfWeek.Tuesday, WorkingInterval.AllDay).Build();
        var policy = new ServicePolicyBuilder().AddCalendar("office", other)
            .AddTargets(PolicyTarget.For("resolved", ServiceTarget.WorkingDays(2)).OnCalendar("office")).Build();
        var commitment = new Commitment(calendars: [new("office", office)], policy: policy);

        string written = CommitmentDocument.Write(commitment);

        var again = CommitmentDocument.Parse(written);
        Assert.Equal(written, CommitmentDocument.Write(again));
        var reported = Instant.FromUtc(2024, 3, 4, 1, 0); // a Monday
        var ticket = new Ticket(reported, 1);
        Assert.Equal(policy.Evaluate(ticket, reported)["resolved"].Due, again.Policy!.Evaluate(ticket, reported)["resolved"].Due);
    }

    [Fact]
    public void Target_ThatNoDocumentCanExpress_IsRefused_NotWrittenAsADocumentThatFailsToRead()
    {
        // Found while writing warranties: a cut-off with seconds was written as "16:00:30", which the reader (HH:mm) rejects.
        var office = new BusinessCalendarBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.AllDay).Build();
        var seconds = new ServicePolicyBuilder().AddCalendar("office", office)
            .AddTargets(PolicyTarget.For("resolved", ServiceTarget.WorkingDays(2).WithCutOff(new LocalTime(16, 0, 30))).OnCalendar("office")).Build();
        var e = Assert.Throws<ArgumentException>(() => PolicyDocument.Write(seconds));
        Assert.Contains("cut-off", e.Message, StringComparison.Ordinal);

        var longPeriod = new ServicePolicyBuilder().AddCalendar("office", office)
            .AddTargets(PolicyTarget.For("resolved", ServiceTarget.OfPeriod(Period.FromYears(10_001))).OnCalendar("office")).Build();
        e = Assert.Throws<ArgumentException>(() => PolicyDocument.Write(longPeriod));
        Assert.Contains("P10001Y", e.Message, StringComparison.Ordinal);

        var minutes = new ServicePolicyBuilder().AddCalendar("office", office)
            .AddTargets(PolicyTarget.For("resolved", ServiceTarget.WorkingDays(2).WithCutOff(new LocalTime(16, 30))).OnCalendar("office")).Build();
        Assert.Contains("\"16:30\"", PolicyDocument.Write(minutes), StringComparison.Ordinal);
    }
}
