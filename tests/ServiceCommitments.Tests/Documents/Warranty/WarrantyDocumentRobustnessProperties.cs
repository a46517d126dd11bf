using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceCommitments.Documents;
using ServiceCommitments.Testing;

namespace ServiceCommitments.Tests.Documents.Warranty;

/// <summary>
/// Warranty documents, assets, claims and warranty conformance files come from users and other systems: whatever the
/// text, loading succeeds or throws <see cref="DocumentException"/> naming a JSON path, and running a loaded file never
/// throws (an error of the library is a failed case).
/// </summary>
public sealed class WarrantyDocumentRobustnessProperties
{
    private const string Full = """
        { "zone": "Asia/Shanghai",
          "calendars": { "office": { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] } },
          "terms": [
            { "id": "terminal", "covers": ["hardware"], "period": "P12M", "from": "acceptanceSigned" },
            { "id": "platform", "covers": ["wholeDelivery"], "period": "P3Y", "from": "acceptance", "fromTheDayOf": true, "addRepairTime": true,
              "shares": { "labour": { "share": 1, "period": "P1Y" }, "travel": { "share": 0.5, "period": "lifetime" } },
              "repairExtension": { "period": "P90D", "mode": "fromEachRepair" }, "transferable": false, "presumption": "P6M" },
            { "id": "early", "period": "P1Y", "from": { "earliest": ["acceptance", "firstUse"] }, "usage": { "km": 50000 } },
            { "id": "parts", "kind": "sparePartsSupply", "period": "lifetime", "from": "purchase" } ],
          "builtInExclusions": ["disaster", "notCovered", "outOfScope"],
          "exclusions": [ { "id": "water", "causes": ["liquid"], "consequence": "notCovered" } ],
          "repeatFailure": [ { "repairs": 2 }, { "repairs": 3, "consecutive": false, "sameProblem": false, "safetyOnly": true, "remedy": "exchange", "allowReturn": true, "within": "platform" } ],
          "repairTime": { "days": 30, "cumulative": false },
          "returnWithoutReason": { "period": "P7D", "from": "received" },
          "returnOnFailure": { "period": "P60D", "from": "invoice", "usage": { "km": 3000 }, "problems": ["brakeFailure"] },
          "exchangeOnFailure": { "calendarDays": 15, "from": "purchase", "holidayRule": "nextWorkingDay", "calendar": "office" },
          "replacementOnRequest": true, "exchangeWhenUnrepairable": false, "newPartsOnly": true, "magneticMediaOnSite": true,
          "remedyDeadlines": { "repair": { "workingDays": 2, "calendar": "office" }, "return": { "calendarDays": 7 } },
          "paidService": { "visitFee": 300, "partsAtCost": true, "notAboveBidPrice": true } }
        """;

    private const string Asset = """
        { "component": "hardware", "dates": { "purchase": "2024-03-01", "acceptanceSigned": "2024-05-20", "acceptance": "2024-02-29", "received": "2024-03-02" },
          "repairs": [ { "date": "2024-11-04", "problem": "E-42", "returned": "2024-11-09", "outcome": "notFixed", "safety": true }, { "date": "2025-01-08", "problem": "E-42" } ],
          "replacements": [ "2025-02-10" ], "readings": [ { "date": "2025-01-31", "quantity": "km", "value": 12000 } ],
          "transfers": ["2026-06-01"], "maintenanceContracts": [ { "from": "2025-05-21", "to": "2026-05-20" } ], "bidPrice": 12800 }
        """;

    private const string Claim = """
        { "at": "2025-03-03T09:00:00+08:00", "request": "return", "problem": "E-42", "causes": [], "received": "2025-03-03T14:00:00+08:00",
          "repairable": true, "safety": true, "magneticMedia": true, "usedPartsAgreed": false, "usage": { "km": 23000 } }
        """;

    private static readonly string[] WarrantySeeds =
        [Full, .. WarrantyRuleSets.Ids.Select(WarrantyRuleSets.GetDocument), """{ "zone": "UTC", "terms": [ { "id": "t", "period": "P1Y", "from": "purchase" } ] }"""];

    private static readonly string[] InputSeeds = [Asset, Claim, """{ "component": "vehicle" }""", """{ "at": "2024-01-01T00:00:00Z" }"""];

    private static readonly string[] ConformanceSeeds =
    [
        $$"""
        { "description": "seed", "warranty": {{Full}}, "cases": [
          { "ref": "D3.10", "op": "assess", "asset": {{Asset}}, "claim": {{Claim}},
            "expected": { "decision": "expired", "remedy": "repair", "coveredUntil": "2028-02-09", "due": "2025-03-05T18:00:00+08:00", "reasons": ["termInForce", "restartedByReplacement", "returnPeriodOver"],
                          "conditions": ["newParts", "repairOnSite", "presumedAtDelivery"], "shares": { "labour": 1, "travel": 0.5 }, "visitFee": null } },
          { "op": "inForce", "term": "platform", "asset": {{Asset}}, "on": "2025-06-01", "expected": true },
          { "op": "coverage", "asset": {{Asset}}, "on": "2025-06-01", "expected": { "status": "inForce", "term": "platform", "from": "2025-02-10", "until": "2028-02-09" } },
          { "asset": {{Asset}}, "claim": { "at": "2025-03-03T09:00:00+08:00", "causes": ["meteor"] }, "expectedError": "argument" } ] }
        """,
        $$"""
        { "warranty": "cn-household-car-2021", "cases": [
          { "asset": { "component": "vehicle", "dates": { "invoice": "2024-01-10", "delivery": "2024-01-15" } },
            "claim": { "at": "2024-03-15T12:00:00+08:00", "request": "exchange", "problem": "brakeFailure", "usage": { "km": 2900 } },
            "expected": { "decision": "covered", "remedy": "exchange" } } ] }
        """,
    ];

    [Xunit.Fact]
    public void Seeds_LoadAndPass()
    {
        foreach (string seed in WarrantySeeds)
        {
            WarrantyDocument.Parse(seed);
        }

        WarrantyDocument.ParseAsset(InputSeeds[0]);
        WarrantyDocument.ParseClaim(InputSeeds[1]);
        foreach (string seed in ConformanceSeeds)
        {
            Xunit.Assert.All(ConformanceFile.Parse(seed).Run(), r => Xunit.Assert.True(r.Passed, r.ToString()));
        }
    }

    [Property(MaxTest = 10_000)]
    public Property WarrantyDocument_LoadsOrThrowsDocumentException() =>
        Prop.ForAll(DocumentMutations.From(WarrantySeeds).ToArbitrary(), json =>
            DocumentRobustnessProperties.LoadsOrFailsCleanly(json, () => WarrantyDocument.Parse(json)));

    [Property(MaxTest = 5_000)]
    public Property AssetsAndClaims_LoadOrThrowDocumentException() =>
        Prop.ForAll(DocumentMutations.From(InputSeeds).ToArbitrary(), json =>
            DocumentRobustnessProperties.LoadsOrFailsCleanly(json, () => json.Contains("\"at\"") ? (object)WarrantyDocument.ParseClaim(json) : WarrantyDocument.ParseAsset(json)));

    [Property(MaxTest = 10_000)]
    public Property WarrantyConformanceFile_LoadsOrThrowsDocumentException_AndRunsWithoutThrowing() =>
        Prop.ForAll(DocumentMutations.From(ConformanceSeeds).ToArbitrary(), json => DocumentRobustnessProperties.LoadsOrFailsCleanly(json, () =>
        {
            var file = ConformanceFile.Parse(json);
            _ = file.Run();
            return file;
        }));
}
