using System;
using System.Linq;
using ServiceCommitments.Documents;
using ServiceCommitments.Testing;
using Xunit;

namespace ServiceCommitments.Tests.Testing;

/// <summary>Conformance files of kind <c>policy</c> (docs/policies.md): the operations evaluate and compliance, their expectations and error names.</summary>
public sealed class PolicyConformanceTests
{
    private const string Calendars = """
        "calendars": {
          "office": { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] },
          "always": { "zone": "Asia/Shanghai", "weekly": "24x7" }
        }
        """;

    private const string Policy = """
        "policy": {
          "calendar": "always",
          "targets": [
            { "milestone": "firstResponse", "elapsed": "PT30M", "warnings": [ { "share": 0.5 }, { "before": "PT5M" } ] },
            { "milestone": "onSite", "levels": ["P1", 2], "elapsed": "PT2H" },
            { "milestone": "restored", "levels": [1], "from": "onSite", "elapsed": "PT2H" },
            { "milestone": "repaired", "workingDays": 2, "calendar": "office" }
          ]
        }
        """;

    private static ConformanceFile File(string cases, string calendars = Calendars, string policy = Policy) =>
        ConformanceFile.Parse($$"""{ {{calendars}}, {{policy}}, "cases": [ {{cases}} ] }""", "policy-test.json");

    private static void AllPass(ConformanceFile file) => Assert.All(file.Run(), r => Assert.True(r.Passed, r.ToString()));

    [Fact]
    public void Evaluate_ChecksEveryPropertyOfEveryMilestoneNamed()
    {
        var file = File("""
            { "ref": "D2.1", "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": "P1", "events": [ { "milestone": "onSite", "at": "2024-09-30T18:30:00+08:00" } ] },
              "asOf": "2024-09-30T18:40:00+08:00",
              "expected": {
                "firstResponse": { "status": "breached", "due": "2024-09-30T17:30:00+08:00", "overdueBy": "PT1H10M", "remaining": "PT0S", "warnings": ["2024-09-30T17:15:00+08:00", "2024-09-30T17:25:00+08:00"], "nextAlert": null },
                "onSite": { "status": "met", "due": "2024-09-30T19:00:00+08:00" },
                "restored": { "status": "pending", "due": "2024-09-30T20:30:00+08:00", "remaining": "PT1H50M", "nextAlert": "2024-09-30T20:30:00+08:00" },
                "repaired": { "status": "pending", "due": "2024-10-09T18:00:00+08:00" }
              } },
            { "op": "evaluate", "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": "三级" }, "asOf": "2024-09-30T17:10:00+08:00",
              "expected": { "onSite": { "status": "notApplicable", "due": null }, "restored": { "status": "notApplicable" }, "firstResponse": { "nextAlert": "2024-09-30T17:15:00+08:00", "remaining": "PT20M" } } },
            { "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": 2, "levelChanges": [ { "at": "2024-09-30T17:05:00+08:00", "level": "一级" } ] }, "asOf": "2024-09-30T17:10:00+08:00",
              "expected": { "restored": { "status": "waiting", "due": null }, "answered": { "status": "notApplicable" } } }
            """);
        Assert.Equal("policy", file.Kind);
        Assert.Equal(["evaluate", "evaluate", "evaluate"], file.Cases.Select(c => c.Op));
        Assert.Equal("D2.1", file.Cases[0].Ref);
        AllPass(file);
    }

    [Fact]
    public void Evaluate_AWrongExpectation_FailsWithBothAnswers()
    {
        var file = File("""
            { "name": "late", "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": 1 }, "asOf": "2024-09-30T17:40:00+08:00",
              "expected": { "firstResponse": { "status": "pending", "due": "2024-09-30T17:30:00+08:00" } } }
            """);
        var result = Assert.Single(file.Run());
        Assert.False(result.Passed);
        Assert.Equal("{firstResponse: {status: pending, due: 2024-09-30T17:30:00+08}}", result.Expected);
        Assert.Equal("{firstResponse: {status: breached, due: 2024-09-30T17:30:00+08}}", result.Actual);
        Assert.Equal(["$.cases[0].expected.firstResponse.status: expected pending, found breached"], result.Mismatches);
    }

    [Fact]
    public void Errors_ArgumentAndUnknownYear()
    {
        var file = File("""
            { "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": 5 }, "asOf": "2024-09-30T17:10:00+08:00", "expectedError": "argument" },
            { "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": 0 }, "asOf": "2024-09-30T17:10:00+08:00", "expectedError": "argument" },
            { "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": "P9" }, "asOf": "2024-09-30T17:10:00+08:00", "expectedError": "argument" },
            { "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": 1, "levelChanges": [ { "at": "2024-09-30T17:05:00+08:00", "level": "E" } ] }, "asOf": "2024-09-30T17:10:00+08:00", "expectedError": "argument" },
            { "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": 1, "pauses": [ { "from": "2024-09-30T17:05:00+08:00", "to": "2024-09-30T17:04:00+08:00" } ] }, "asOf": "2024-09-30T17:10:00+08:00", "expectedError": "argument" },
            { "ticket": { "reported": "2030-09-30T17:00:00+08:00", "level": 1 }, "asOf": "2030-09-30T17:10:00+08:00", "expectedError": "unknownYear" },
            { "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": 1, "levelChanges": [ { "at": "2024-10-30T17:05:00+08:00", "level": 9 } ] }, "asOf": "2024-09-30T17:10:00+08:00", "expected": { "onSite": { "status": "pending" } } }
            """);
        AllPass(file);

        // A policy with errors: every case fails with them, except those that expect the error argument.
        var invalid = File(
            """
            { "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": 1 }, "asOf": "2024-09-30T17:10:00+08:00", "expectedError": "argument" },
            { "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": 1 }, "asOf": "2024-09-30T17:10:00+08:00", "expected": { "onSite": { "status": "pending" } } }
            """,
            policy: """ "policy": { "targets": [ { "milestone": "a", "elapsed": "PT1H", "from": "b" }, { "milestone": "b", "elapsed": "PT1H", "from": "a" } ] } """);
        Assert.Contains(invalid.SubjectErrors, e => e.Path == "$.policy.targets[1]" && e.Message.Contains("cycle", StringComparison.Ordinal));
        var results = invalid.Run();
        Assert.True(results[0].Passed);
        Assert.False(results[1].Passed);
    }

    [Fact]
    public void Run_NeverThrows_EvenForADeadlineNoInstantCanHold()
    {
        var file = File("""
            { "ticket": { "reported": "9999-12-31T23:59:59Z", "level": 1 }, "asOf": "9999-12-31T23:59:59Z", "expected": { "onSite": { "status": "pending" } } },
            { "ticket": { "reported": "9999-12-31T23:59:59Z", "level": 1 }, "asOf": "9999-12-31T23:59:59Z", "expectedError": "argument" }
            """,
            policy: """ "policy": { "targets": [ { "milestone": "onSite", "elapsed": "PT2H" } ] } """);
        var results = file.Run();
        Assert.False(results[0].Passed);
        Assert.True(results[1].Passed, results[1].ToString());
    }

    [Fact]
    public void Compliance_ByMonthAndQuarter()
    {
        var file = File("""
            { "op": "compliance", "period": "month", "asOf": "2024-07-15T00:00:00+08:00", "ref": "D2.22",
              "tickets": [
                { "reported": "2024-06-03T09:00:00+08:00", "level": 1, "events": [ { "milestone": "firstResponse", "at": "2024-06-03T09:10:00+08:00" } ] },
                { "reported": "2024-06-04T09:00:00+08:00", "level": 1, "events": [ { "milestone": "firstResponse", "at": "2024-06-04T09:40:00+08:00" } ] },
                { "reported": "2024-06-05T09:00:00+08:00", "level": 1, "events": [ { "milestone": "firstResponse", "at": "2024-06-05T09:20:00+08:00", "confirmed": false } ] },
                { "reported": "2024-07-14T23:50:00+08:00", "level": "B" }
              ],
              "expected": [
                { "level": 1, "milestone": "firstResponse", "period": "2024-06", "count": 3, "met": 2, "breached": 1, "pending": 0, "waiting": 0, "shareMet": 0.6666667, "median": "PT20M", "p90": "PT40M" },
                { "level": 1, "milestone": "restored", "period": "2024-06", "count": 3, "waiting": 3, "shareMet": null, "median": null },
                { "level": 2, "milestone": "firstResponse", "period": "2024-07", "count": 1, "pending": 1 },
                { "level": 2, "milestone": "restored", "period": "2024-07", "count": 0 }
              ] },
            { "op": "compliance", "period": "quarter", "asOf": "2024-07-15T00:00:00+08:00", "zone": "Asia/Shanghai",
              "tickets": [ { "reported": "2024-06-30T23:30:00+08:00", "level": 1 }, { "reported": "2024-07-01T00:30:00+08:00", "level": 1 } ],
              "expected": [ { "level": 1, "milestone": "firstResponse", "period": "2024-Q2", "count": 1, "breached": 1 }, { "level": 1, "milestone": "firstResponse", "period": "2024-Q3", "count": 1 } ] },
            { "op": "compliance", "period": "quarter", "asOf": "2024-07-15T00:00:00+08:00", "zone": "UTC",
              "tickets": [ { "reported": "2024-06-30T23:30:00+08:00", "level": 1 }, { "reported": "2024-07-01T00:30:00+08:00", "level": 1 } ],
              "expected": [ { "level": 1, "milestone": "firstResponse", "period": "2024-Q2", "count": 2 } ] }
            """);
        Assert.Equal(["compliance", "compliance", "compliance"], file.Cases.Select(c => c.Op));
        AllPass(file);
    }

    [Fact]
    public void Compliance_WithoutAZone_UsesThePolicysDefaultCalendar()
    {
        // docs/policies.md: zone "optional, default the policy's default calendar's zone". A row naming another
        // calendar first must not decide it: 1 October 01:30 in Shanghai is still 30 September in Berlin.
        var file = ConformanceFile.Parse("""
            {
              "calendars": {
                "berlin": { "zone": "Europe/Berlin", "weekly": "5x8" },
                "shanghai": { "zone": "Asia/Shanghai", "weekly": "24x7" }
              },
              "policy": {
                "calendar": "shanghai",
                "targets": [ { "milestone": "callBack", "workingDays": 1, "calendar": "berlin" }, { "milestone": "firstResponse", "elapsed": "PT30M" } ]
              },
              "cases": [
                { "op": "compliance", "period": "month", "asOf": "2024-10-01T12:00:00+08:00",
                  "tickets": [ { "reported": "2024-10-01T01:30:00+08:00", "level": 1 } ],
                  "expected": [ { "level": 1, "milestone": "firstResponse", "period": "2024-10", "count": 1 }, { "level": 1, "milestone": "firstResponse", "period": "2024-09", "count": 0 } ] }
              ]
            }
            """);
        AllPass(file);
    }

    [Fact]
    public void Compliance_WithoutAZoneOrADefaultCalendar_UsesUtc()
    {
        // docs/policies.md: "else UTC". The file's only calendar is in Shanghai, but the policy has no default calendar.
        var file = ConformanceFile.Parse("""
            {
              "calendars": { "shanghai": { "zone": "Asia/Shanghai", "weekly": "24x7" } },
              "policy": { "targets": [ { "milestone": "firstResponse", "elapsed": "PT30M" }, { "milestone": "visit", "calendarDays": 1, "calendar": "shanghai" } ] },
              "cases": [
                { "op": "compliance", "period": "month", "asOf": "2024-10-01T12:00:00+08:00",
                  "tickets": [ { "reported": "2024-10-01T01:30:00+08:00", "level": 1 } ],
                  "expected": [ { "level": 1, "milestone": "firstResponse", "period": "2024-09", "count": 1 }, { "level": 1, "milestone": "firstResponse", "period": "2024-10", "count": 0 } ] }
              ]
            }
            """);
        AllPass(file);
    }

    [Fact]
    public void BadCases_AreDocumentErrors()
    {
        static DocumentException Fails(string cases) => Assert.Throws<DocumentException>(() => File(cases));

        Assert.Contains(Fails("""{ "op": "simulate", "expected": {} }""").Errors, e => e.Path == "$.cases[0].op" && e.Message.Contains("evaluate, compliance", StringComparison.Ordinal));
        Assert.Contains(Fails("""{ "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": 1 }, "asOf": "2024-09-30T17:10:00+08:00", "expected": { "onSite": { "status": "late" } } }""").Errors,
            e => e.Path == "$.cases[0].expected.onSite.status");
        Assert.Contains(Fails("""{ "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": 1, "colour": "red" }, "asOf": "2024-09-30T17:10:00+08:00", "expected": {} }""").Errors,
            e => e.Path == "$.cases[0].ticket.colour");
        Assert.Contains(Fails("""{ "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": 1 }, "asOf": "2024-09-30T17:10:00+08:00", "expectedError": "late" }""").Errors,
            e => e.Path == "$.cases[0].expectedError" && e.Message.Contains("argument, unknownYear", StringComparison.Ordinal));
        Assert.Contains(Fails("""{ "op": "compliance", "period": "week", "asOf": "2024-09-30T17:10:00+08:00", "tickets": [], "expected": [] }""").Errors,
            e => e.Path == "$.cases[0].period");
        Assert.Contains(Fails("""{ "ticket": { "level": 1 }, "asOf": "2024-09-30T17:10:00+08:00", "expected": {} }""").Errors,
            e => e.Path == "$.cases[0].ticket" && e.Message.Contains("\"reported\"", StringComparison.Ordinal));
    }
}
