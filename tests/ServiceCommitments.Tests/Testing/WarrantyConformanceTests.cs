using System;
using System.Linq;
using ServiceCommitments.Documents;
using ServiceCommitments.Testing;
using Xunit;

namespace ServiceCommitments.Tests.Testing;

/// <summary>Conformance files of kind <c>warranty</c>: operations, expectations compared as values, errors a case may expect.</summary>
public sealed class WarrantyConformanceTests
{
    private const string Subject = """
        "warranty": { "zone": "Asia/Shanghai",
          "terms": [ { "id": "terminal", "covers": ["hardware"], "period": "P12M", "from": "acceptanceSigned" } ],
          "repeatFailure": { "repairs": 2 },
          "repairTurnaround": { "workingDays": 2, "calendar": "office" } },
        "calendars": { "office": { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] } }
        """;

    private const string Asset = """{ "component": "hardware", "dates": { "acceptanceSigned": "2024-05-20" }, "repairs": [ { "date": "2024-11-04", "problem": "E-42" } ] }""";

    private static ConformanceFile File(string cases) => ConformanceFile.Parse($$"""{ {{Subject}}, "cases": [ {{cases}} ] }""");

    [Fact]
    public void Run_PassesTheFormatsExample()
    {
        var file = File($$"""
            { "ref": "D3.1", "op": "assess", "asset": {{Asset}},
              "claim": { "at": "2025-05-20T09:00:00+08:00", "request": "repair", "problem": "E-42", "causes": [] },
              "expected": { "decision": "covered", "remedy": "repair", "coveredUntil": "2025-05-20" } },
            { "asset": {{Asset}}, "claim": { "at": "2025-05-21T00:00:00+08:00" }, "expected": { "decision": "expired", "remedy": "paidService", "chargeable": true, "exclusion": null, "term": "terminal" } },
            { "op": "inForce", "term": "terminal", "asset": {{Asset}}, "on": "2025-05-21", "expected": false },
            { "op": "coverage", "asset": {{Asset}}, "on": "2024-05-20", "expected": { "status": "notStarted", "term": "terminal", "from": "2024-05-21", "until": "2025-05-20" } },
            { "op": "coverage", "asset": { "component": "software" }, "on": "2024-05-20", "expected": { "status": "noTerm", "term": null, "from": null, "until": null } }
            """);

        Assert.Equal("warranty", file.Kind);
        Assert.All(file.Run(), r => Assert.True(r.Passed, r.ToString()));
        Assert.Equal("assess", file.Cases[1].Op);
    }

    [Fact]
    public void Run_ComparesDeadlinesAsInstants_AndReasonsAsASubset()
    {
        var file = File($$"""
            { "asset": {{Asset}}, "claim": { "at": "2024-09-29T09:00:00+08:00", "problem": "E-1", "received": "2024-09-29T14:00:00+08:00" },
              "expected": { "due": "2024-10-08T10:00:00Z", "reasons": ["termInForce", "dueOnReceipt"], "conditions": [], "shares": { "labour": 1, "travel": 1 }, "visitFee": null, "priceCeiling": null } },
            { "asset": {{Asset}}, "claim": { "at": "2024-09-29T09:00:00+08:00", "problem": "E-1" },
              "expected": { "due": null, "reasons": ["dueNotYetKnown"] } }
            """);
        Assert.All(file.Run(), r => Assert.True(r.Passed, r.ToString()));
    }

    [Fact]
    public void Run_ReportsAMismatch_WithTheFieldsExpected()
    {
        var file = File($$"""
            { "name": "wrong", "asset": {{Asset}}, "claim": { "at": "2025-03-03T09:00:00+08:00", "problem": "E-42" },
              "expected": { "decision": "covered", "remedy": "replacement", "coveredUntil": "lifetime", "conditions": ["newUnit"] } }
            """);

        var result = file.Run().Single();

        Assert.False(result.Passed);
        Assert.Equal("{decision: covered, remedy: replacement, coveredUntil: lifetime, conditions: [newUnit]}", result.Expected);
        Assert.Equal("{decision: covered, remedy: repair, coveredUntil: 2025-05-20, conditions: []}", result.Actual);
        Assert.Equal(
            [
                "$.cases[0].expected.remedy: expected replacement, found repair",
                "$.cases[0].expected.coveredUntil: expected lifetime, found 2025-05-20",
                "$.cases[0].expected.conditions: expected [newUnit], found []",
            ],
            result.Mismatches);
    }

    [Fact]
    public void Run_PassesAnExpectedError_ForAnUnknownCause()
    {
        var file = File($$"""
            { "asset": {{Asset}}, "claim": { "at": "2025-03-03T09:00:00+08:00", "causes": ["meteor"] }, "expectedError": "argument" },
            { "op": "inForce", "term": "nope", "asset": {{Asset}}, "on": "2025-01-01", "expectedError": "argument" },
            { "asset": {{Asset}}, "claim": { "at": "2040-03-03T09:00:00+08:00", "received": "2040-03-03T10:00:00+08:00" }, "expectedError": "unknownYear" }
            """);
        var results = file.Run();
        Assert.True(results[0].Passed, results[0].ToString());
        Assert.True(results[1].Passed, results[1].ToString());
        Assert.False(results[2].Passed); // 2040 is past the term: no deadline, so no error
        Assert.Contains("expired", results[2].Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsBadCases_WithTheirPaths()
    {
        var error = Assert.Throws<DocumentException>(() => File($$"""
            { "op": "evaluate", "asset": {{Asset}} },
            { "asset": {{Asset}}, "claim": { "at": "2025-03-03T09:00:00+08:00" }, "expected": { "decision": "approved", "colour": 1 } },
            { "asset": {{Asset}}, "claim": { "at": "2025-03-03T09:00:00+08:00" }, "expected": {} },
            { "op": "inForce", "asset": {{Asset}}, "on": "2025-13-01", "expected": true },
            { "op": "coverage", "asset": {{Asset}}, "on": "2025-01-01", "expected": { "status": "active" } }
            """));

        Assert.Equal(
            [
                "$.cases[0].op: found \"evaluate\"; expected an operation of a warranty file: assess, inForce, coverage",
                "$.cases[1].expected.decision: found \"approved\"; expected a decision: covered, excluded, expired, outOfScope",
                "$.cases[1].expected.colour: unknown expected property of assess; expected decision, remedy, exclusion, chargeable, coveredFrom, coveredUntil, term, due, reasons, conditions, shares, visitFee, priceCeiling",
                "$.cases[2].expected: an assess case expects at least one of decision, remedy, exclusion, chargeable, coveredFrom, coveredUntil, term, due, reasons, conditions, shares, visitFee, priceCeiling",
                "$.cases[3]: missing \"term\": a term id",
                "$.cases[3].on: found \"2025-13-01\"; expected a valid date YYYY-MM-DD, for example 2024-10-01",
                "$.cases[4].expected.status: found \"active\"; expected a coverage status: noTerm, notStarted, inForce, usageLimitReached, transferred, ended",
            ],
            error.Errors.Select(e => $"{e.Path}: {e.Message}"));
    }

    [Fact]
    public void Parse_AcceptsARuleSetAsTheSubject_AndRejectsAnUnknownOne()
    {
        var file = ConformanceFile.Parse("""
            { "warranty": "cn-sanbao-1995", "cases": [
              { "asset": { "component": "tv", "dates": { "purchase": "2024-03-01", "invoice": "2024-03-01" } },
                "claim": { "at": "2024-03-08T20:00:00+08:00", "request": "return", "problem": "E-1" },
                "expected": { "decision": "covered", "remedy": "return", "reasons": ["returnOnFailure"] } } ] }
            """);
        Assert.True(file.Run().Single().Passed);

        var unknown = ConformanceFile.Parse("""{ "warranty": "cn-sanbao-2030", "cases": [ { "op": "inForce", "term": "t", "asset": { "component": "x" }, "on": "2024-01-01", "expectedError": "argument" } ] }""");
        Assert.Equal("$.warranty", unknown.SubjectErrors.Single().Path);
        Assert.True(unknown.Run().Single().Passed);
    }
}
