using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ServiceCommitments.Documents;
using ServiceCommitments.Testing;
using Xunit;

namespace ServiceCommitments.Tests.Testing;

/// <summary>
/// The one way every kind states expected results: each differing expected value is reported at its JSON path, with
/// what was expected and what was found, whatever the kind and however the value nests (records, lists, maps).
/// </summary>
public sealed class ExpectTests
{
    /// <summary>Case <paramref name="index"/> of a file of tests/conformance, its <c>expected</c> replaced, run.</summary>
    private static ConformanceResult RunWith(string file, int index, string expected)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "conformance", file)))!.AsObject();
        var cases = root["cases"]!.AsArray();
        var single = cases[index]!.DeepClone().AsObject();
        single["expected"] = JsonNode.Parse(expected);
        root["cases"] = new JsonArray(single);
        return ConformanceFile.Parse(root.ToJsonString(), file).Run().Single();
    }

    private static void Fails(ConformanceResult result, params string[] mismatches)
    {
        Assert.False(result.Passed);
        Assert.Equal(mismatches, result.Mismatches);
        Assert.All(mismatches, m => Assert.Contains(m, result.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void AValue_IsReportedAtTheExpectedPath()
    {
        var file = ConformanceFile.Parse("""
            { "calendar": { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] },
              "cases": [ { "op": "addWorkingTime", "start": "2024-03-04T11:00:00+08:00", "amount": "PT2H", "expected": "2024-03-04T13:00:00+08:00" },
                         { "op": "isWorkingDay", "date": "2024-10-01", "expected": false } ] }
            """);
        var results = file.Run();
        Fails(results[0], "$.cases[0].expected: expected 2024-03-04T13:00:00+08, found 2024-03-04T14:00:00+08");
        Assert.True(results[1].Passed);
        Assert.Empty(results[1].Mismatches);
    }

    [Fact]
    public void ARecord_ReportsEachFieldThatDiffers_NestedRecordsAndSubsetsIncluded()
    {
        var result = RunWith("warranty-deadlines.json", 0, """{ "decision": "expired", "shares": { "labour": 0.5 }, "reasons": ["termInForce", "dueOnReceipt"] }""");
        Assert.Equal("{decision: expired, reasons: [termInForce, dueOnReceipt, ...], shares: {labour: 0.5}}", result.Expected);
        Fails(result, "$.cases[0].expected.decision: expected expired, found covered", "$.cases[0].expected.shares.labour: expected 0.5, found 1");
    }

    [Fact]
    public void AMap_ComparesAMissingMilestoneAsNotApplicable_AndAListItemByItem()
    {
        var result = RunWith("policy-escalation.json", 0, """{ "noSuchMilestone": { "status": "met", "due": null, "remaining": "PT0S" } }""");
        Fails(result, "$.cases[0].expected.noSuchMilestone.status: expected met, found notApplicable");
        Assert.Equal("{noSuchMilestone: {status: notApplicable, due: null, remaining: PT0S}}", result.Actual);
    }

    [Fact]
    public void AnOrderedList_ReportsAMissingAndAnExtraItem()
    {
        var file = ConformanceFile.Parse("""
            { "schedule": { "anchor": "acceptance", "every": "P1M", "count": 2 },
              "cases": [ { "op": "occurrences", "dates": { "acceptance": "2024-01-31" }, "from": "2024-01-01", "to": "2024-12-31", "expected": ["2024-02-29"] },
                         { "op": "occurrences", "dates": { "acceptance": "2024-01-31" }, "from": "2024-01-01", "to": "2024-12-31", "expected": ["2024-02-29", "2024-03-31", { "due": "2024-04-30", "number": 3 }] } ] }
            """);
        var results = file.Run();
        Fails(results[0], "$.cases[0].expected[1]: expected nothing, found {due: 2024-03-31, nominal: 2024-03-31, earliest: 2024-03-31, latest: 2024-03-31, noticeBy: 2024-03-31, number: 2, phase: 0}");
        Fails(results[1], "$.cases[1].expected[2]: expected {due: 2024-04-30, number: 3}, found nothing");
    }

    [Fact]
    public void AKeyedList_ReportsAMissingItem_AndAMapItsUnexpectedNames()
    {
        var result = RunWith("schedule-d4-9-signed-report.json", 14, """
            [ { "due": "2024-07-01", "followUps": { "signedReport": "2024-07-02T18:00:00+08:00" } }, { "due": "2024-08-01" } ]
            """);
        Fails(
            result,
            "$.cases[0].expected[0].followUps.copy: expected nothing, found 2024-07-03T00:00:00+08",
            "$.cases[0].expected[1]: expected {due: 2024-08-01}, found nothing");
        Assert.Equal("[{due: 2024-07-01, followUps: {signedReport: 2024-07-02T18:00:00+08, copy: 2024-07-03T00:00:00+08}}, nothing]", result.Actual);
    }

    [Fact]
    public void AComplianceRowTheReportLacks_CountsNoTickets()
    {
        var result = RunWith("policy-compliance.json", 0, """[ { "level": 9, "milestone": "nothing", "period": "1999-01", "count": 0, "met": 1, "shareMet": null } ]""");
        Fails(result, "$.cases[0].expected[0].met: expected 1, found 0");
        Assert.Equal("[{level: 9, milestone: nothing, period: 1999-01, count: 0, met: 0, shareMet: null}]", result.Actual);
    }

    [Theory]
    [InlineData("policy", """{ "onSite": { "status": "late" } }""", "a status: notApplicable, waiting, pending, met, breached")]
    [InlineData("warranty", """{ "remedy": "fix" }""", "a remedy: none, repair, replacement, exchange, return, paidService, technicalSupport, upgrade, sparePartsSupply")]
    [InlineData("schedule", """[ { "due": "2024-02-29", "verdict": "ok" } ]""", "a verdict: pending, onTime, early, late, missed, extra")]
    [InlineData("quotas", """[ { "period": "2024-01-01/2024-12-31", "status": "done" } ]""", "a quota status: open, met, short")]
    public void EnumNames_AreTheDocumentsWords(string kind, string expected, string message)
    {
        string file = kind switch
        {
            "policy" => "policy-escalation.json",
            "warranty" => "warranty-deadlines.json",
            "schedule" => "schedule-d4-9-signed-report.json",
            _ => "schedule-d4-3-four-a-year.json",
        };
        var error = Assert.Throws<DocumentException>(() => RunWith(file, kind == "schedule" ? 14 : 0, expected));
        Assert.Contains("expected " + message, Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }
}
