using System.Linq;
using NodaTime;
using ServiceCommitments.Documents;
using ServiceCommitments.Inspections;
using ServiceCommitments.Testing;
using Xunit;

namespace ServiceCommitments.Tests.Documents.Inspections;

public sealed class ScheduleDocumentTests
{
    private const string Office = """{ "office": { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] } }""";

    [Fact]
    public void Parse_ReadsEveryProperty_WhenDocumentIsComplete()
    {
        var schedule = ScheduleDocument.Parse($$"""
            {
              "description": "D4.4 with everything",
              "calendars": {{Office}},
              "schedule": {
                "anchor": "acceptance",
                "phases": [ { "every": "P1M", "for": "P3M" }, { "every": "contractQuarter" } ],
                "includeAnchor": true,
                "monthEnd": "forward",
                "until": "2025-12-31",
                "count": 20,
                "align": { "calendar": "office", "move": "nearestWorkingDayInPeriod", "period": "calendarQuarter" },
                "tolerance": { "early": "cycle", "late": { "share": 0.2, "max": "P28D" }, "name": "grace" },
                "shift": { "early": 0, "late": 0.5 },
                "notice": { "workingDays": 3 },
                "followUps": [ { "name": "signedReport", "workingDays": 5 }, { "name": "copy", "period": "P1M", "holidayRule": "nextWorkingDay" } ],
                "quotas": [ { "atLeast": 1, "per": "contractMonth", "for": "P3M" }, { "atLeast": 4, "per": "calendarYear", "from": "P3M" } ]
              }
            }
            """);
        Assert.Equal("acceptance", schedule.AnchorEvent);
        Assert.Equal(2, schedule.Phases.Count);
        Assert.Equal(ScheduleStep.Quarters(1), schedule.Phases[1].Step);
        Assert.True(schedule.IncludesAnchor);
        Assert.Equal(MonthEndRule.Forward, schedule.MonthEnd);
        Assert.Equal(new LocalDate(2025, 12, 31), schedule.UntilDate);
        Assert.Equal(20, schedule.Count);
        Assert.Equal(AlignMove.NearestWorkingDayInPeriod, schedule.Alignment.Move);
        Assert.Equal(PeriodGrid.CalendarQuarters, schedule.Alignment.Period);
        Assert.Equal(new OnTimeRule(Allowance.WholeCycle, Allowance.ShareOfInterval(0.2m, 28), "grace"), schedule.OnTimeRule);
        Assert.Equal(new ShiftFactors(0, 0.5m), schedule.ShiftFactors);
        Assert.Equal(NoticeLeadTime.WorkingDays(3), schedule.Notice);
        Assert.Equal(["signedReport", "copy"], schedule.FollowUps.Select(f => f.Name));
        Assert.Equal([1, 4], schedule.Quotas.Select(q => q.AtLeast));
    }

    [Fact]
    public void Parse_ReportsEveryError_AtItsPath()
    {
        var e = Assert.Throws<DocumentException>(() => ScheduleDocument.Parse($$"""
            {
              "calendars": {{Office}},
              "schedule": {
                "anchor": "acceptance",
                "phases": [ { "every": "P1M2D" }, { "every": "P3M", "for": "P1Y" } ],
                "until": "P12M",
                "align": { "calendar": "ofice", "move": "nextWorkday" },
                "tolerance": { "early": "P1M", "late": { "share": 1.5 } },
                "shift": "sometimes",
                "notice": { "workingDays": 3, "calendarDays": 2 },
                "quotas": [ { "atLeast": 0, "per": "fortnight" } ],
                "colour": "blue"
              }
            }
            """));
        string[] expected =
        [
            "$.schedule.phases[0].every (line 5): found \"P1M2D\"; expected a step that does not mix months or years with weeks or days; a step is counted in months (P3M, P1Y) or in days (P7D, P2W), not both",
            "$.schedule.align.calendar (line 7): found \"ofice\"; expected the name of a calendar in \"calendars\": office",
            "$.schedule.align.move (line 7): found \"nextWorkday\"; expected an alignment move: \"none\", \"nextWorkingDay\", \"previousWorkingDay\", \"nearestWorkingDay\", \"nearestWorkingDayInPeriod\", \"skip\"",
            "$.schedule.tolerance.early (line 8): found \"P1M\"; expected an allowance in days or weeks (P7D, P2W), at most 36,500 days; months vary in length, so give days, or a share of the interval",
            "$.schedule.tolerance.late.share (line 8): found 1.5; expected a share more than 0 and at most 1 (0.1 for 10 %)",
            "$.schedule.shift (line 9): found \"sometimes\"; expected \"fixed\", \"floating\" or an object of shift factors { \"early\": 0, \"late\": 1 }",
            "$.schedule.notice (line 10): a notice has exactly one of \"workingDays\" and \"calendarDays\"",
            "$.schedule.quotas[0].per (line 11): found \"fortnight\"; expected a kind of period: calendarMonth, calendarQuarter, calendarHalfYear, calendarYear, contractMonth, contractQuarter, contractYear, or a contract period such as P2M or P14D",
            "$.schedule.colour (line 12): unknown schedule property; expected anchor, every, phases, once, includeAnchor, monthEnd, until, count, align, tolerance, shift, notice, followUps, quotas",
        ];
        Assert.Equal(string.Join("\n", expected), string.Join("\n", e.Errors.Select(x => x.ToString())));
    }

    [Fact]
    public void Parse_ReportsBuilderRules_AtDocumentPaths()
    {
        var e = Assert.Throws<DocumentException>(() => ScheduleDocument.Parse("""
            { "schedule": { "anchor": "acceptance", "phases": [ { "every": "P1M" }, { "every": "P3M" } ], "until": "P0D", "count": 0,
                            "followUps": [ { "name": "report", "workingDays": 5 } ], "quotas": [ { "atLeast": 0, "per": "calendarMonth" } ] } }
            """));
        string[] expected =
        [
            "$.schedule.phases[0] (line 1): found every month; only the last phase may last to the schedule's end; give this phase a length (for)",
            "$.schedule.until (line 1): found P0D; expected a period longer than zero",
            "$.schedule.count (line 1): found 0; expected a count of 1 or more occurrences",
            "$.schedule.followUps[0] (line 2): found within 5 working days; a follow-up duty needs a calendar: its own, or the schedule's (align)",
            "$.schedule.quotas[0] (line 2): found 0; expected at least 1 and at most 10,000 visits per period",
        ];
        Assert.Equal(string.Join("\n", expected), string.Join("\n", e.Errors.Select(x => x.ToString())));
    }

    [Fact]
    public void ConformanceFile_ReportsUnknownOpAndBadExpected_WhenKindIsSchedule()
    {
        var e = Assert.Throws<DocumentException>(() => ConformanceFile.Parse("""
            { "schedule": { "anchor": "acceptance", "every": "P1M" },
              "cases": [ { "op": "occurences", "dates": { "acceptance": "2024-01-01" }, "expected": [] },
                         { "op": "compliance", "dates": { "acceptance": "2024-01-01" }, "visits": [], "asOf": "2024-03-01",
                           "expected": [ { "due": "2024-02-01", "verdict": "ontime" }, { "verdict": "missed" } ] } ] }
            """));
        Assert.Equal(
            [
                "$.cases[0].op (line 2): found \"occurences\"; expected an operation of a schedule file: occurrences, compliance, nextDue, quotas, shareOnTime, cohorts, followUp",
                "$.cases[1].expected[0].verdict (line 4): found \"ontime\"; expected a verdict: pending, onTime, early, late, missed, extra",
                "$.cases[1].expected[1] (line 4): an expected item names its \"due\" (or, for an extra visit, its \"visit\")",
            ],
            e.Errors.Select(x => x.ToString()));
    }

    [Fact]
    public void ConformanceCase_ReportsMismatch_AsRecords()
    {
        var file = ConformanceFile.Parse("""
            { "schedule": { "anchor": "acceptance", "every": "P1M", "count": 2 },
              "cases": [ { "op": "occurrences", "dates": { "acceptance": "2024-01-31" }, "from": "2024-01-01", "to": "2024-12-31",
                           "expected": [ { "due": "2024-02-29", "number": 1 }, "2024-03-30" ] } ] }
            """);
        var result = file.Run().Single();
        Assert.False(result.Passed);
        Assert.Equal("[{due: 2024-02-29, number: 1}, {due: 2024-03-30}]", result.Expected);
        Assert.Equal("[{due: 2024-02-29, number: 1}, {due: 2024-03-31}]", result.Actual);
        Assert.Equal(["$.cases[0].expected[1]: expected 2024-03-30, found 2024-03-31"], result.Mismatches);
    }
}
