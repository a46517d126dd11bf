using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using ServiceCommitments.Inspections;
using ServiceCommitments.Targets;
using ServiceCommitments.Testing;
using ServiceCommitments.Warranty;
using Xunit;

namespace ServiceCommitments.Tests.Documents;

/// <summary>A loaded document writes back to an equivalent document: writing, reading and writing again gives the same text, and the same answers.</summary>
public sealed class DocumentRoundTripTests
{
    private static IEnumerable<string> Files(string prefix) =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "conformance"), prefix + "*.json").Order(StringComparer.Ordinal);

    public static TheoryData<string> CalendarFiles() => new(Files("").Where(f => JsonNode.Parse(File.ReadAllText(f))!["calendar"] is not null).Select(Path.GetFileName)!);

    public static TheoryData<string> PolicyFiles() => new(Files("policy-").Where(f => !f.Contains("invalid", StringComparison.Ordinal)).Select(Path.GetFileName)!);

    public static TheoryData<string> WarrantyFiles() => new(Files("warranty-").Select(Path.GetFileName)!);

    public static TheoryData<string> ScheduleFiles() => new(Files("schedule-").Select(Path.GetFileName)!);

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
    public void Policy_WritesBackToTheSameRules_AndTheSameAnswers(string file) =>
        PartWritesBack(file, "policy", json => PolicyDocument.Write(PolicyDocument.Parse(json)));

    [Theory]
    [MemberData(nameof(WarrantyFiles))]
    public void Warranty_WritesBackToTheSameRules_AndTheSameAnswers(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "conformance", file);
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        WarrantyPolicy warranty;
        if (root["warranty"] is JsonValue id)
        {
            warranty = WarrantyRuleSets.Load(id.GetValue<string>());
        }
        else
        {
            // The file's calendars, given beside the warranty, go inside it, where a warranty document has them.
            var document = root["warranty"]!.DeepClone().AsObject();
            if (root["calendars"] is { } calendars)
            {
                document["calendars"] = calendars.DeepClone();
            }

            warranty = WarrantyDocument.Parse(document.ToJsonString());
        }

        string written = WarrantyDocument.Write(warranty);
        Assert.Equal(written, WarrantyDocument.Write(WarrantyDocument.Parse(written)));

        // The rewritten warranty, calendars and all, answers every case of the file as the original does.
        root["warranty"] = JsonNode.Parse(written);
        root.Remove("calendars");
        var original = ConformanceFile.Load(path).Run();
        var rewritten = ConformanceFile.Parse(root.ToJsonString(), file).Run();
        Assert.Equal(original.Select(r => (r.Passed, r.Actual)), rewritten.Select(r => (r.Passed, r.Actual)));
        Assert.All(rewritten, r => Assert.True(r.Passed, r.ToString()));
    }

    [Theory]
    [MemberData(nameof(ScheduleFiles))]
    public void Schedule_WritesBackToTheSameRules_AndTheSameAnswers(string file)
    {
        var rewritten = PartWritesBack(file, "schedule", json => ScheduleDocument.Write(ScheduleDocument.Parse(json)));
        Assert.All(rewritten, r => Assert.True(r.Passed, r.ToString()));
    }

    /// <summary>
    /// Reads a conformance file's part (with the file's calendars) and writes it, checks that writing what was written
    /// gives the same text, and that the file with the written part answers every case as the original does.
    /// </summary>
    private static IReadOnlyList<ConformanceResult> PartWritesBack(string file, string part, Func<string, string> readAndWrite)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "conformance", file);
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var document = new JsonObject { [part] = root[part]!.DeepClone() };
        if (root["calendars"] is { } calendars)
        {
            document["calendars"] = calendars.DeepClone();
        }

        string written = readAndWrite(document.ToJsonString());
        Assert.Equal(written, readAndWrite(written));

        // The rewritten part, with the calendars it counts on, answers every case of the file as the original does.
        root[part] = JsonNode.Parse(written)![part]!.DeepClone();
        root["calendars"] = JsonNode.Parse(written)!["calendars"]?.DeepClone();
        if (root["calendars"] is null)
        {
            root.Remove("calendars");
        }

        var original = ConformanceFile.Load(path).Run();
        var rewritten = ConformanceFile.Parse(root.ToJsonString(), file).Run();
        Assert.Equal(original.Select(r => (r.Passed, r.Actual)), rewritten.Select(r => (r.Passed, r.Actual)));
        return rewritten;
    }

    [Fact]
    public void Schedule_WithEveryOption_WritesEach_AndReadsBackToTheSameText()
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var office = new BusinessCalendarBuilder(zone).SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, WorkingInterval.Parse("09:00-18:00"))
            .AddHolidaySet(HolidaySets.ChinaMainland).TreatUnknownYearsAsOrdinary().Build();
        var own = new BusinessCalendarBuilder(zone).SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Saturday, WorkingInterval.AllDay).Build();
        var phased = new InspectionScheduleBuilder("acceptance")
        {
            IncludeAnchor = true, MonthEnd = MonthEndRule.Forward, Notice = NoticeLeadTime.WorkingDays(3),
            OnTimeRule = new OnTimeRule(Allowance.WholeCycle, Allowance.ShareOfInterval(0.2m, 28), "grace"), ShiftFactors = new ShiftFactors(0.5m, 0.25m),
        }
            .AddPhase(ScheduleStep.Months(1), Period.FromMonths(3)).AddPhase(ScheduleStep.Weeks(2), Period.FromDays(60)).AddPhase(ScheduleStep.CalendarHalfYear, Period.FromYears(1))
            .AddPhase(ScheduleStep.Years(1))
            .Until(Period.FromYears(5)).LimitCount(40).AlignTo(office, AlignMove.NearestWorkingDayInPeriod, PeriodGrid.Contract(Period.FromDays(14)))
            .AddFollowUp("signedReport", ServiceTarget.WorkingDays(5))
            .AddFollowUp("survey", ServiceTarget.CalendarDays(10).WithHolidayRule(HolidayRule.NextWorkingDay), own)
            .AddQuota(1, PeriodGrid.ContractMonths, null, Period.FromMonths(3)).AddQuota(2, PeriodGrid.CalendarYears, Period.FromMonths(3))
            .Build();
        var once = new InspectionScheduleBuilder("commissioning")
        {
            OnTimeRule = new OnTimeRule(Allowance.WorkingDays(2), Allowance.CalendarDays(0)), ShiftFactors = ShiftFactors.Floating, Notice = NoticeLeadTime.CalendarDays(7),
        }
            .Once(Period.FromDays(3)).UntilDate(new LocalDate(2030, 6, 30)).AlignTo(office, AlignMove.Skip).Build();

        string written = ScheduleDocument.Write(phased);
        Assert.Equal(written, ScheduleDocument.Write(ScheduleDocument.Parse(written)));
        foreach (string property in new[]
        {
            "\"every\": \"P1M\"", "\"every\": \"P14D\"", "\"every\": \"calendarHalfYear\"", "\"every\": \"P1Y\"", "\"for\": \"P60D\"",
            "\"includeAnchor\": true", "\"monthEnd\": \"forward\"", "\"until\": \"P5Y\"", "\"count\": 40", "\"calendar\": \"calendar1\"",
            "\"move\": \"nearestWorkingDayInPeriod\"", "\"period\": \"P14D\"", "\"early\": \"cycle\"", "\"share\": 0.2", "\"max\": \"P28D\"",
            "\"name\": \"grace\"", "\"early\": 0.5", "\"late\": 0.25", "\"workingDays\": 3", "\"workingDays\": 5", "\"calendarDays\": 10",
            "\"holidayRule\": \"nextWorkingDay\"", "\"calendar\": \"calendar2\"", "\"per\": \"contractMonth\"", "\"per\": \"calendarYear\"", "\"from\": \"P3M\"",
        })
        {
            Assert.Contains(property, written, StringComparison.Ordinal);
        }

        written = ScheduleDocument.Write(once);
        Assert.Equal(written, ScheduleDocument.Write(ScheduleDocument.Parse(written)));
        foreach (string property in new[] { "\"once\": \"P3D\"", "\"until\": \"2030-06-30\"", "\"move\": \"skip\"", "\"workingDays\": 2", "\"late\": \"P0D\"", "\"shift\": \"floating\"", "\"calendarDays\": 7" })
        {
            Assert.Contains(property, written, StringComparison.Ordinal);
        }

        var anchor = new LocalDate(2024, 1, 31);
        foreach (var schedule in new[] { phased, once })
        {
            var again = ScheduleDocument.Parse(ScheduleDocument.Write(schedule));
            Assert.Equal(schedule.Anchor(anchor).Occurrences().Take(40), again.Anchor(anchor).Occurrences().Take(40));
        }
    }

    [Fact]
    public void Schedule_ReadFromADocument_KeepsTheNamesOfItsCalendars()
    {
        string document = """
            { "calendars": { "office": { "zone": "Asia/Shanghai", "weekly": "5x8" }, "weekend": { "zone": "Asia/Shanghai", "weekly": { "Saturday-Sunday": ["09:00-17:00"] } } },
              "schedule": { "anchor": "acceptance", "every": "P1M", "align": { "calendar": "weekend" }, "followUps": [{ "name": "report", "workingDays": 2, "calendar": "office" }] } }
            """;

        string written = ScheduleDocument.Write(ScheduleDocument.Parse(document));

        Assert.Contains("\"calendar\": \"weekend\"", written, StringComparison.Ordinal);
        Assert.Contains("\"calendar\": \"office\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("calendar1", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Warranty_WithEveryOption_WritesEach_AndReadsBackToTheSameText()
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var office = new BusinessCalendarBuilder(zone).SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, WorkingInterval.Parse("09:00-18:00")).Build();
        var held = new BusinessCalendarBuilder(zone).SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Saturday, WorkingInterval.AllDay).Build();
        var builder = new WarrantyPolicyBuilder(zone)
        {
            ReplacementOnRequest = true, ExchangeWhenUnrepairable = false, NewPartsOnly = true, MagneticMediaOnSite = true,
            PaidService = new PaidServiceTerms(300.50m, true, true),
        };
        var warranty = builder.AddCalendar("office", office)
            .AddTerm(WarrantyTerm.For("hw", Period.FromMonths(18)).OfKind(WarrantyTermKind.Coverage).Covering(ComponentClass.Hardware, ComponentClass.Of("battery"))
                .From(WarrantyStart.EarliestOf("acceptance", "firstUse")).CountingTheStartDay().WithUsageLimit("km", 50_000.5m)
                .WithShare(CostType.Labour, 1, Period.FromYears(1)).WithLifetimeShare(CostType.Parts, 0.5m).WithShare(CostType.Travel, 0.25m)
                .AddingRepairTime().ExtendedAfterRepair(Period.FromDays(90), RepairExtensionMode.FromEachRepair).RestartingOnReplacement(false)
                .Transferable(false).WithPresumption(Period.FromYears(1)))
            .AddTerm(WarrantyTerm.ForLifetime("parts").OfKind(WarrantyTermKind.SparePartsSupply).From(WarrantyStart.LatestOf("invoice", "delivery")))
            .UseBuiltInExclusions("misuse", "disaster")
            .AddExclusion(Exclusion.Define("water", ExclusionConsequence.OutOfScope, "liquid damage", "liquid", "humidity"))
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(3).InARow(false).OfSameProblem(false).OfSafetyFaultsOnly().Giving(Remedy.Exchange).AllowingReturn().Within("hw"))
            .AddRepairTimeRule(RepairTimeRule.MoreThanDays(30).AddingUp(false).Giving(Remedy.Replacement).AllowingReturn().Within("hw"))
            .AddRepairTimeRule(RepairTimeRule.MoreThanDays(60))
            .AddWindow(RemedyWindow.ExchangeOnFailure(ServiceTarget.WorkingDays(15), WarrantyStart.On("purchase")).OnCalendar("office"))
            .AddWindow(RemedyWindow.ReturnWithoutReason(ServiceTarget.CalendarDays(7).WithHolidayRule(HolidayRule.NextWorkingDay), WarrantyStart.On("received")).OnCalendar(held))
            .AddWindow(RemedyWindow.ReturnOnFailure(ServiceTarget.OfPeriod(Period.FromDays(60)), WarrantyStart.On("purchase")).ForProblems("brakeFailure").WithUsageLimit("km", 3000))
            .SetRemedyDeadline(Remedy.Repair, ServiceTarget.WorkingTime(Duration.FromHours(16)).WithCutOff(new LocalTime(16, 0)), "office")
            .SetRemedyDeadline(Remedy.Return, ServiceTarget.Elapsed(Duration.FromHours(72)))
            .SetRemedyDeadline(Remedy.Exchange, ServiceTarget.WorkingDays(3), held)
            .Build();

        string written = WarrantyDocument.Write(warranty);
        var again = WarrantyDocument.Parse(written);

        Assert.Equal(written, WarrantyDocument.Write(again));
        foreach (string property in new[]
        {
            "\"kind\": \"sparePartsSupply\"", "\"covers\"", "\"battery\"", "\"earliest\"", "\"latest\"", "\"fromTheDayOf\": true", "\"km\": 50000.5",
            "\"period\": \"lifetime\"", "\"share\": 0.25", "\"addRepairTime\": true", "\"mode\": \"fromEachRepair\"", "\"restartOnReplacement\": false",
            "\"transferable\": false", "\"presumption\": \"P1Y\"", "\"builtInExclusions\"", "\"consequence\": \"outOfScope\"", "\"clause\": \"liquid damage\"",
            "\"safetyOnly\": true", "\"within\": \"hw\"", "\"cumulative\": false", "\"remedy\": \"replacement\"", "\"problems\"", "\"calendar\": \"calendar1\"",
            "\"calendar\": \"office\"", "\"cutOff\": \"16:00\"", "\"replacementOnRequest\": true", "\"exchangeWhenUnrepairable\": false",
            "\"newPartsOnly\": true", "\"magneticMediaOnSite\": true", "\"visitFee\": 300.50", "\"partsAtCost\": true", "\"notAboveBidPrice\": true",
        })
        {
            Assert.Contains(property, written, StringComparison.Ordinal);
        }

        Assert.Equal(["misuse", "disaster"], again.BuiltInExclusionIds);
        Assert.Equal(warranty.Windows.Select(w => w.Kind).Order(), again.Windows.Select(w => w.Kind).Order());
        Assert.Equal(warranty.RemedyDeadlines.OrderBy(p => p.Key), again.RemedyDeadlines.OrderBy(p => p.Key));
        Assert.Equal(warranty.PaidService, again.PaidService);

        var none = WarrantyDocument.Parse(WarrantyDocument.Write(warranty.ToBuilder().UseBuiltInExclusions().Build()));
        Assert.Equal([], none.BuiltInExclusionIds);
    }

    [Fact]
    public void Warranty_ThatNoDocumentCanExpress_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => WarrantyDocument.Write(new WarrantyPolicyBuilder(new MarsZone())
            .AddTerm(WarrantyTerm.For("t", Period.FromYears(1)).From(WarrantyStart.On("purchase"))).Build()));
        Assert.Contains("Mars/Olympus", e.Message, StringComparison.Ordinal);

        var strict = new BusinessCalendarBuilder(DateTimeZone.Utc) { Resolver = NodaTime.TimeZones.Resolvers.StrictResolver }
            .SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.AllDay).Build();
        var withStrict = new WarrantyPolicyBuilder(DateTimeZone.Utc).AddTerm(WarrantyTerm.For("t", Period.FromYears(1)).From(WarrantyStart.On("purchase")))
            .SetRemedyDeadline(Remedy.Repair, ServiceTarget.WorkingDays(2), strict).Build();
        Assert.Throws<ArgumentException>(() => WarrantyDocument.Write(withStrict));

        var seconds = new WarrantyPolicyBuilder(DateTimeZone.Utc).AddTerm(WarrantyTerm.For("t", Period.FromYears(1)).From(WarrantyStart.On("purchase")))
            .SetRemedyDeadline(Remedy.Repair, ServiceTarget.WorkingDays(2).WithCutOff(new LocalTime(16, 0, 1)), BusinessCalendar.AlwaysOpen(DateTimeZone.Utc)).Build();
        Assert.Contains("cut-off", Assert.Throws<ArgumentException>(() => WarrantyDocument.Write(seconds)).Message, StringComparison.Ordinal);
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
            .AddRows(PolicyRow.For("resolved", ServiceTarget.WorkingDays(2)).OnCalendar("office")).Build();
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
            .AddRows(PolicyRow.For("resolved", ServiceTarget.WorkingDays(2).WithCutOff(new LocalTime(16, 0, 30))).OnCalendar("office")).Build();
        var e = Assert.Throws<ArgumentException>(() => PolicyDocument.Write(seconds));
        Assert.Contains("cut-off", e.Message, StringComparison.Ordinal);

        // A period longer than a document can express is now refused where it is made (issue 14), so no policy holds one.
        var tooLong = Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.OfPeriod(Period.FromYears(10_001)));
        Assert.Contains("P10001Y", tooLong.Message, StringComparison.Ordinal);

        var minutes = new ServicePolicyBuilder().AddCalendar("office", office)
            .AddRows(PolicyRow.For("resolved", ServiceTarget.WorkingDays(2).WithCutOff(new LocalTime(16, 30))).OnCalendar("office")).Build();
        Assert.Contains("\"16:30\"", PolicyDocument.Write(minutes), StringComparison.Ordinal);
    }

    /// <summary>A zone of no tzdb: no document can name it.</summary>
    private sealed class MarsZone() : DateTimeZone("Mars/Olympus", true, Offset.Zero, Offset.Zero)
    {
        public override NodaTime.TimeZones.ZoneInterval GetZoneInterval(Instant instant) => new("MST", null, null, Offset.Zero, Offset.Zero);
    }
}
