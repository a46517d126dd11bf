using System;
using System.Linq;
using NodaTime;
using ServiceCommitments.Documents;
using ServiceCommitments.Targets;
using ServiceCommitments.Testing;
using ServiceCommitments.Warranty;
using Xunit;
using static ServiceCommitments.Tests.Warranty.W;

namespace ServiceCommitments.Tests.Documents.Warranty;

/// <summary>Warranty documents: every property read, every error reported at its JSON path, the builder's rules at the document's paths.</summary>
public sealed class WarrantyDocumentTests
{
    private const string Full = """
        {
          "name": "every property",
          "zone": "Asia/Shanghai",
          "calendars": { "office": { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] } },
          "terms": [
            { "id": "terminal", "covers": ["hardware"], "period": "P12M", "from": "acceptanceSigned", "note": "D3.1" },
            { "id": "platform", "kind": "coverage", "covers": ["wholeDelivery"], "period": "P3Y", "from": "acceptance", "fromTheDayOf": true,
              "shares": { "labour": { "share": 1, "period": "P1Y" }, "parts": { "share": 1 }, "travel": { "share": 0.5, "period": "lifetime" } },
              "addRepairTime": true, "repairExtension": { "period": "P90D", "mode": "fromEachRepair" }, "restartOnReplacement": false,
              "transferable": false, "presumption": "P6M" },
            { "id": "early", "covers": ["hardware"], "period": "P1Y", "from": { "earliest": ["acceptance", "firstUse"] } },
            { "id": "car", "covers": ["vehicle"], "period": "P2Y", "usage": { "km": 50000 }, "from": { "latest": ["invoice", "delivery"] } },
            { "id": "spareParts", "kind": "sparePartsSupply", "period": "P10Y", "from": "purchase" },
            { "id": "maintenance", "kind": "technicalSupport", "period": "lifetime", "from": "delivery" }
          ],
          "builtInExclusions": ["disaster", "notCovered"],
          "exclusions": [ { "id": "waterDamage", "causes": ["liquid"], "consequence": "notCovered", "clause": "liquid damage" } ],
          "repeatFailure": [ { "repairs": 2 }, { "repairs": 3, "consecutive": false, "sameProblem": false, "safetyOnly": true, "remedy": "exchange", "allowReturn": true, "within": "platform" } ],
          "repairTime": { "days": 30, "cumulative": false, "remedy": "replacement", "allowReturn": true },
          "returnWithoutReason": { "period": "P7D", "from": "received" },
          "returnOnFailure": [ { "period": "P7D", "from": "purchase" }, { "period": "P60D", "from": "invoice", "usage": { "km": 3000 }, "problems": ["brakeFailure"] } ],
          "exchangeOnFailure": { "calendarDays": 15, "from": "purchase", "holidayRule": "nextWorkingDay", "calendar": "office" },
          "replacementOnRequest": true,
          "exchangeWhenUnrepairable": false,
          "newPartsOnly": true,
          "magneticMediaOnSite": true,
          "repairTurnaround": { "elapsed": "PT72H" },
          "remedyDeadlines": { "exchange": { "workingDays": 5, "calendar": "office" }, "return": { "calendarDays": 7 } },
          "paidService": { "visitFee": 300, "partsAtCost": true, "notAboveBidPrice": true }
        }
        """;

    [Fact]
    public void Parse_ReadsEveryProperty()
    {
        var policy = WarrantyDocument.Parse(Full);

        Assert.Equal("Asia/Shanghai", policy.Zone.Id);
        Assert.Equal(["terminal", "platform", "early", "car", "spareParts", "maintenance"], policy.Terms.Select(t => t.Id));
        var platform = policy.GetTerm("platform");
        Assert.Equal([ComponentClass.WholeDelivery], platform.Covers);
        Assert.True(platform.CountsStartDay);
        Assert.Equal(new CostShare(0.5m, null, true), platform.Shares[CostType.Travel]);
        Assert.Equal(new CostShare(1, Period.FromYears(1), false), platform.Shares[CostType.Labour]);
        Assert.True(platform.AddsRepairTime);
        Assert.Equal(Period.FromDays(90), platform.RepairExtension);
        Assert.Equal(RepairExtensionMode.FromEachRepair, platform.RepairExtensionMode);
        Assert.False(platform.RestartsOnReplacement);
        Assert.False(platform.IsTransferable);
        Assert.Equal(Period.FromMonths(6), platform.Presumption);
        Assert.Equal(StartRule.EarliestOf, policy.GetTerm("early").Start!.Rule);
        Assert.Equal(new UsageLimit("km", 50000), policy.GetTerm("car").UsageLimit);
        Assert.Equal(StartRule.LatestOf, policy.GetTerm("car").Start!.Rule);
        Assert.Equal(WarrantyTermKind.SparePartsSupply, policy.GetTerm("spareParts").Kind);
        Assert.True(policy.GetTerm("maintenance").IsLifetime);
        Assert.Equal(["disaster", "notCovered", "waterDamage"], policy.Exclusions.Select(e => e.Id));
        Assert.Equal(2, policy.RepeatFailureRules.Count);
        Assert.Equal("platform", policy.RepeatFailureRules[1].WithinTerm);
        Assert.True(policy.RepeatFailureRules[1].SafetyOnly);
        Assert.Equal(Remedy.Replacement, policy.RepairTimeRules[0].Remedy);
        Assert.Equal(4, policy.Windows.Count);
        Assert.Equal(["brakeFailure"], policy.Windows[2].Problems);
        Assert.Equal(HolidayRule.NextWorkingDay, policy.Windows[3].Target.HolidayRule);
        Assert.True(policy.ReplacementOnRequest);
        Assert.False(policy.ExchangeWhenUnrepairable);
        Assert.True(policy.NewPartsOnly);
        Assert.True(policy.MagneticMediaOnSite);
        Assert.Equal(ServiceTarget.Elapsed(Duration.FromHours(72)), policy.RemedyDeadlines[Remedy.Repair]);
        Assert.Equal(ServiceTarget.WorkingDays(5), policy.RemedyDeadlines[Remedy.Exchange]);
        Assert.Equal(new PaidServiceTerms(300, true, true), policy.PaidService);
        Assert.Equal(["office"], policy.Calendars.Keys);
    }

    [Fact]
    public void Parse_ReportsEveryDocumentError_WithItsPath()
    {
        const string json = """
            {
              "zone": "Mars/Olympus",
              "terms": [
                { "id": 7, "period": "12 months", "from": { "earliest": ["a"], "latest": ["b"] }, "kind": "warranty" },
                { "id": "x", "period": "P1Y", "from": "purchase", "covers": "hardware", "usage": { "km": 1, "hours": 2 }, "shares": { "food": {} } },
                { "id": "y", "period": "P1Y" }
              ],
              "builtInExclusions": "some",
              "repeatFailure": { "repairs": "two", "remedy": "refund" },
              "returnWithoutReason": { "period": "P7D" },
              "remedyDeadlines": { "repair": { "elapsed": "PT1H" }, "refund": {} },
              "repairTurnaround": { "elapsed": "PT72H" },
              "paidService": { "visitFee": "300" },
              "colour": "blue"
            }
            """;

        var error = Assert.Throws<DocumentException>(() => WarrantyDocument.Parse(json));

        Assert.Equal(
            [
                "$.zone (line 2): found \"Mars/Olympus\"; expected an IANA (tzdb) time zone id such as Asia/Shanghai",
                "$.terms[0].id (line 4): found 7; expected a term id as a JSON string",
                "$.terms[0].period (line 4): found \"12 months\"; expected an ISO 8601 period of years, months, weeks or days, for example P12M, P3Y, P7D or P1Y6M",
                "$.terms[0].kind (line 4): found \"warranty\"; expected a term kind: coverage, sparePartsSupply, technicalSupport, upgrades",
                "$.terms[0].from (line 4): a start has exactly one of \"earliest\" and \"latest\"",
                "$.terms[1].covers (line 5): found \"hardware\"; expected an array of component classes such as [\"hardware\", \"software\"]",
                "$.terms[1].usage (line 5): found an object; expected exactly one quantity and its limit, such as { \"km\": 50000 }",
                "$.terms[1].shares.food (line 5): unknown cost type; expected labour, parts, travel",
                "$.terms[2] (line 6): missing \"from\": the start: an asset date name, or { \"earliest\": [...] } or { \"latest\": [...] }",
                "$.builtInExclusions (line 8): found \"some\"; expected \"all\", \"none\" or an array of built-in exclusion ids",
                "$.repeatFailure.repairs (line 9): found \"two\"; expected a number of repairs as a whole number",
                "$.repeatFailure.remedy (line 9): found \"refund\"; expected a remedy: replacement, exchange",
                "$.returnWithoutReason (line 10): missing \"from\": the asset date the window counts from, such as \"purchase\"",
                "$.remedyDeadlines.repair (line 11): the repair's deadline is given twice: as \"repairTurnaround\" and in \"remedyDeadlines\"; give it once",
                "$.remedyDeadlines.refund (line 11): unknown remedy; expected repair, replacement, exchange, return",
                "$.paidService.visitFee (line 13): found \"300\"; expected a visit fee as a number",
                "$.colour (line 14): unknown warranty property; expected zone, calendars, terms, builtInExclusions, exclusions, repeatFailure, repairTime, returnWithoutReason, returnOnFailure, exchangeOnFailure, replacementOnRequest, exchangeWhenUnrepairable, newPartsOnly, magneticMediaOnSite, repairTurnaround, and 2 more",
                "$.terms (line 3): a warranty policy needs at least one term or one return or exchange window",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_ReportsThePolicysRules_AtTheDocumentsPaths()
    {
        const string json = """
            { "zone": "Asia/Shanghai",
              "terms": [
                { "id": "a", "period": "P0D", "from": { "earliest": ["acceptance", "acceptance"] }, "covers": ["hardware", "hardware"],
                  "shares": { "travel": { "share": 2 } }, "usage": { "km": -5 } },
                { "id": "a", "period": "P1Y", "from": "purchase" } ],
              "repeatFailure": { "repairs": 0, "within": "b" },
              "returnOnFailure": { "workingDays": 7, "from": "purchase", "problems": ["x", "x"] },
              "exclusions": [ { "id": "disaster", "causes": ["meteor"] } ],
              "builtInExclusions": ["disaster", "nope"],
              "paidService": { "visitFee": -1 } }
            """;

        var error = Assert.Throws<DocumentException>(() => WarrantyDocument.Parse(json));

        Assert.Equal(
            [
                "$.terms[0].period (line 3): found P0D; a term's period must be at least one day long",
                "$.terms[0].from.earliest[1] (line 3): found \"acceptance\"; a date may be named once in a start",
                "$.terms[0].covers[1] (line 3): found \"hardware\"; a component class may be named once in a term",
                "$.terms[0].usage (line 4): found -5; a usage limit is above 0",
                "$.terms[0].shares.travel (line 4): found 2; a share is the supplier's part of a cost, from 0 (the customer pays all) to 1 (free)",
                "$.terms[1].id (line 5): found \"a\"; a term id is unique in a policy; $.terms[0] has it too",
                "$.builtInExclusions[1] (line 9): found \"nope\"; expected the id of a built-in exclusion: disaster, misuse, unqualifiedChange, unauthorisedModification, inferiorMaterials, thirdPartyEquipment, improperUse, notCovered, forceMajeure, emergencyPartRepair, outOfScope",
                "$.exclusions[0] (line 8): found \"disaster\"; an exclusion id is unique in a policy; built-in exclusion 'disaster' has it too",
                "$.repeatFailure.repairs (line 6): found 0; a repeat-failure rule counts 1 to 1,000 repairs",
                "$.repeatFailure.within (line 6): found \"b\"; expected the id of a term of the policy: a",
                "$.returnOnFailure.problems[1] (line 7): found \"x\"; a problem code may be named once in a window",
                "$.returnOnFailure (line 7): found within 7 working days; this target counts on a business calendar (working time, working days, the holiday rule or a cut-off); name one",
                "$.paidService.visitFee (line 10): found -1; a visit fee is 0 or more",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_RejectsACalendarNamedTwice()
    {
        var file = ConformanceFile.Parse("""
            { "calendars": { "office": { "zone": "UTC", "weekly": "5x8" } },
              "warranty": { "zone": "UTC", "calendars": { "office": { "zone": "UTC", "weekly": "24x7" } }, "terms": [ { "id": "t", "period": "P1Y", "from": "purchase" } ] },
              "cases": [ { "op": "inForce", "term": "t", "asset": { "component": "hardware" }, "on": "2024-01-01", "expectedError": "argument" } ] }
            """);
        Assert.Contains(file.SubjectErrors, e => e.Path == "$.warranty.calendars.office" && e.Message.Contains("named twice", StringComparison.Ordinal));
        Assert.True(file.Run()[0].Passed);
    }

    [Fact]
    public void ParseAsset_ReadsEveryProperty()
    {
        var asset = WarrantyDocument.ParseAsset("""
            { "id": "A-1", "component": "hardware",
              "dates": { "purchase": "2024-03-01", "acceptanceSigned": "2024-05-20" },
              "repairs": [ { "date": "2024-11-04", "problem": "E-42", "returned": "2024-11-09", "outcome": "impossible", "safety": true } ],
              "replacements": [ "2025-02-10", { "date": "2025-03-01" } ],
              "readings": [ { "date": "2025-01-31", "quantity": "km", "value": 12000.5 } ],
              "transfers": ["2025-06-01"],
              "maintenanceContracts": [ { "from": "2025-05-21", "to": "2026-05-20" } ],
              "bidPrice": 12800 }
            """);

        Assert.Equal("A-1", asset.Id);
        Assert.Equal(D("2024-05-20"), asset.Dates["acceptanceSigned"]);
        Assert.Equal(new RepairRecord(D("2024-11-04"), "E-42", RepairOutcome.Impossible, D("2024-11-09"), true), asset.Repairs.Single());
        Assert.Equal([D("2025-02-10"), D("2025-03-01")], asset.Replacements.AsEnumerable());
        Assert.Equal(new UsageReading(D("2025-01-31"), "km", 12000.5m), asset.Readings.Single());
        Assert.Equal([D("2025-06-01")], asset.Transfers.AsEnumerable());
        Assert.Equal(new MaintenanceContract(D("2025-05-21"), D("2026-05-20")), asset.MaintenanceContracts.Single());
        Assert.Equal(12800m, asset.BidPrice);
    }

    [Fact]
    public void ParseAsset_ReportsItsRules_AtTheDocumentsPaths()
    {
        var error = Assert.Throws<DocumentException>(() => WarrantyDocument.ParseAsset("""
            { "component": "hardware",
              "repairs": [ { "date": "2024-11-04", "problem": "", "returned": "2024-11-01" } ],
              "readings": [ { "date": "2025-01-31", "quantity": "km", "value": 100 }, { "date": "2025-02-28", "quantity": "km", "value": 50 } ],
              "replacements": [ "2025-02-30" ],
              "colour": 1 }
            """));
        Assert.Equal(
            [
                "$.replacements[0] (line 4): found \"2025-02-30\"; expected a valid date YYYY-MM-DD, for example 2024-10-01",
                "$.colour (line 5): unknown asset property; expected component, id, dates, repairs, replacements, transfers, readings, maintenanceContracts, bidPrice",
            ],
            error.Errors.Select(e => e.ToString()));

        var rules = Assert.Throws<DocumentException>(() => WarrantyDocument.ParseAsset("""
            { "component": "hardware",
              "repairs": [ { "date": "2024-11-04", "problem": "", "returned": "2024-11-01" } ],
              "readings": [ { "date": "2025-01-31", "quantity": "km", "value": 100 }, { "date": "2025-02-28", "quantity": "km", "value": 50 } ] }
            """));
        Assert.Equal(
            [
                "$.repairs[0] (line 2): a repair names its problem code",
                "$.repairs[0] (line 2): found 2024-11-04 returned 2024-11-01; a repair is returned on or after its date",
                "$.readings[1] (line 3): found 50 km on 2025-02-28; readings never go back: 100 km was read on 2025-01-31",
            ],
            rules.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ParseClaim_ReadsEveryProperty_AndReportsErrors()
    {
        var claim = WarrantyDocument.ParseClaim("""
            { "id": "C-9", "at": "2025-03-03T09:00:00+08:00", "request": "return", "problem": "E-42", "causes": ["fire"],
              "received": "2025-03-03T14:00:00+08:00", "repairable": false, "safety": true, "magneticMedia": true, "usedPartsAgreed": true,
              "usage": { "km": 23000 } }
            """);
        Assert.Equal("C-9", claim.Id);
        Assert.Equal(ClaimRequest.Return, claim.Request);
        Assert.Equal(["fire"], claim.Causes);
        Assert.False(claim.Repairable);
        Assert.True(claim.Safety && claim.MagneticMedia && claim.UsedPartsAgreed);
        Assert.Equal(23000m, claim.Usage["km"]);
        Assert.Equal(Instant.FromUtc(2025, 3, 3, 6, 0), claim.Received);

        var error = Assert.Throws<DocumentException>(() => WarrantyDocument.ParseClaim("""{ "request": "refund", "causes": ["fire", "fire"], "received": "2025-01-01T00:00:00Z" }"""));
        Assert.Equal(
            [
                "$ (line 1): missing \"at\": when the failure was reported, an instant with offset",
                "$.request (line 1): found \"refund\"; expected a request: repair, replacement, exchange, return, technicalSupport, upgrade, spareParts",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Read_RejectsAnUndefinedElement()
    {
        var error = Assert.Throws<DocumentException>(() => WarrantyDocument.Read(default));
        Assert.Contains("undefined JsonElement", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => WarrantyDocument.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => WarrantyDocument.ParseAsset(null!));
        Assert.Throws<ArgumentNullException>(() => WarrantyDocument.ParseClaim(null!));
    }

    [Fact]
    public void Read_ReadsAJsonElement()
    {
        using var json = System.Text.Json.JsonDocument.Parse("""{ "zone": "UTC", "terms": [ { "id": "t", "period": "P1Y", "from": "purchase" } ] }""");
        Assert.Equal("t", WarrantyDocument.Read(json.RootElement).Terms.Single().Id);
    }
}
