using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ServiceCommitments.Documents;
using Xunit;

namespace ServiceCommitments.Tests.Documents;

/// <summary>
/// Notes for people are accepted alike on every object of every document kind (docs/documents.md, "Notes for people"):
/// a document with <c>note</c>, <c>source</c>, <c>$comment</c>, <c>x-...</c>, <c>description</c> and <c>name</c> on
/// its objects loads and means what it means without them (it writes back the same), except where an object gives
/// <c>name</c> or <c>description</c> a meaning of its own; a name that is no note is still an error at its path.
/// </summary>
public sealed class NotesForPeopleTests
{
    private const string Office = """{ "zone": "Asia/Shanghai", "weekly": { "Mon-Fri": ["09:00-12:00", "13:00-18:00"] }, "holidaySets": ["cn-mainland"] }""";

    private const string Calendar = """
        { "zone": "Asia/Shanghai", "weekly": { "Mon-Fri": ["09:00-12:00", "13:00-18:00"] },
          "holidaySets": [ { "id": "cn-mainland", "years": { "2027": { "holidays": ["2027-01-01"], "adjustedWorkingDays": ["2027-01-03"] } } } ] }
        """;

    private const string Policy = $$"""
        { "calendars": { "office": {{Office}} },
          "policy": {
            "calendar": "office",
            "levels": [ { "level": 1, "names": ["一级"], "description": "system down" }, { "level": 2 } ],
            "targets": [
              { "milestone": "onSite", "levels": [1], "within": "2小时内", "warnings": [ { "share": 0.5 } ] },
              { "milestone": "resolved", "workingDays": 2 }
            ] } }
        """;

    private const string Warranty = """
        { "zone": "Asia/Shanghai",
          "terms": [ { "id": "terminal", "period": "P12M", "from": "acceptanceSigned" } ],
          "exclusions": [ { "id": "water", "causes": ["liquid"], "clause": "liquid damage" } ],
          "repeatFailure": { "repairs": 2 },
          "returnWithoutReason": { "period": "P7D", "from": "received" },
          "repairTurnaround": { "elapsed": "PT72H" },
          "paidService": { "visitFee": 300 } }
        """;

    private const string Schedule = $$"""
        { "calendars": { "office": {{Office}} },
          "schedule": {
            "anchor": "acceptance",
            "phases": [ { "every": "P1M", "for": "P3M" }, { "every": "P3M" } ],
            "until": "P12M",
            "align": { "calendar": "office", "move": "nextWorkingDay" },
            "tolerance": { "early": "P7D", "late": "P7D", "name": "grace" },
            "shift": { "early": 0, "late": 0.5 },
            "notice": { "workingDays": 3 },
            "followUps": [ { "name": "signedReport", "workingDays": 5 } ],
            "quotas": [ { "atLeast": 1, "per": "calendarQuarter" } ] } }
        """;

    private const string Commitment = $$"""
        { "name": "contract 17",
          "calendars": { "office": {{Office}} },
          "policy": { "calendar": "office", "targets": [ { "milestone": "resolved", "workingDays": 2 } ] },
          "warranty": { "zone": "Asia/Shanghai", "terms": [ { "id": "terminal", "period": "P12M", "from": "acceptanceSigned" } ] },
          "schedules": { "visits": { "anchor": "acceptance", "phases": [ { "every": "P1M", "for": "P3M" }, { "every": "P3M" } ], "until": "P12M" } } }
        """;

    /// <summary>Each document kind, how it is written back, and objects of it to put notes on ("" is the root).</summary>
    public static TheoryData<string, string> Objects() => new()
    {
        { "calendar", "" },
        { "calendar", "holidaySets[0]" },
        { "calendar", "holidaySets[0].years.2027" },
        { "policy", "" },
        { "policy", "calendars.office" },
        { "policy", "policy" },
        { "policy", "policy.levels[0]" },
        { "policy", "policy.levels[1]" },
        { "policy", "policy.targets[0]" },
        { "policy", "policy.targets[0].warnings[0]" },
        { "warranty", "" },
        { "warranty", "terms[0]" },
        { "warranty", "exclusions[0]" },
        { "warranty", "repeatFailure" },
        { "warranty", "returnWithoutReason" },
        { "warranty", "repairTurnaround" },
        { "warranty", "paidService" },
        { "schedule", "" },
        { "schedule", "calendars.office" },
        { "schedule", "schedule" },
        { "schedule", "schedule.phases[0]" },
        { "schedule", "schedule.align" },
        { "schedule", "schedule.tolerance" },
        { "schedule", "schedule.shift" },
        { "schedule", "schedule.notice" },
        { "schedule", "schedule.followUps[0]" },
        { "schedule", "schedule.quotas[0]" },
        { "commitment", "" },
        { "commitment", "calendars.office" },
        { "commitment", "policy" },
        { "commitment", "policy.targets[0]" },
        { "commitment", "warranty" },
        { "commitment", "warranty.terms[0]" },
        { "commitment", "schedules.visits" },
        { "commitment", "schedules.visits.phases[1]" },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void Notes_Load_AndChangeNothing(string kind, string at)
    {
        string plain = Base(kind);
        var document = JsonNode.Parse(plain)!;
        var target = Find(document, at);
        target["note"] = "a note";
        target["source"] = "bid §4";
        target["$comment"] = "for editors";
        target["x-anything"] = new JsonObject { ["any"] = new JsonArray(1, "json") };
        target["_draft"] = true;

        // Objects that give "name" or "description" a meaning of their own keep it; everywhere else they are notes.
        string[] meaningful = OwnMeaning(kind, at);
        if (!meaningful.Contains("name"))
        {
            target["name"] = "a name for people";
        }

        if (!meaningful.Contains("description"))
        {
            target["description"] = "a description for people";
        }

        Assert.Equal(Write(kind, plain), Write(kind, document.ToJsonString()));
    }

    [Theory]
    [InlineData("calendar", "holidaySets[0].years.2027", "$.holidaySets[0].years['2027'].colour", "unknown property of a holiday year")]
    [InlineData("calendar", "", "$.colour", "unknown calendar property")]
    [InlineData("policy", "policy.targets[0].warnings[0]", "$.policy.targets[0].warnings[0].colour", "unknown warning property")]
    [InlineData("warranty", "paidService", "$.paidService.colour", "unknown paid-service property")]
    [InlineData("schedule", "schedule", "$.schedule.colour", "unknown schedule property")]
    [InlineData("schedule", "schedule.align", "$.schedule.align.colour", "unknown alignment property")]
    [InlineData("schedule", "schedule.followUps[0]", "$.schedule.followUps[0].colour", "unknown follow-up duty property")]
    [InlineData("commitment", "schedules.visits.phases[1]", "$.schedules.visits.phases[1].colour", "unknown phase property")]
    [InlineData("commitment", "", "$.colour", "unknown property of a commitment document")]
    public void AnUnknownName_ThatIsNoNote_IsStillAnError_AtItsPath(string kind, string at, string path, string message)
    {
        var document = JsonNode.Parse(Base(kind))!;
        var target = Find(document, at);
        target["note"] = "a note";
        target["colour"] = "red";
        var e = Assert.Throws<DocumentException>(() => Write(kind, document.ToJsonString()));
        var error = Assert.Single(e.Errors);
        Assert.Equal(path, error.Path);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AName_ThatAnObjectGivesAMeaning_IsCheckedAsThat_NotSkippedAsANote()
    {
        var e = Assert.Throws<DocumentException>(() => ScheduleDocument.Parse("""
            { "schedule": { "anchor": "acceptance", "every": "P3M", "followUps": [ { "name": 5, "workingDays": 5 } ] } }
            """));
        Assert.Contains(e.Errors, x => x.Path == "$.schedule.followUps[0].name");
        e = Assert.Throws<DocumentException>(() => CommitmentDocument.Parse("""{ "name": ["not", "text"] }"""));
        Assert.Contains(e.Errors, x => x.Path == "$.name");
    }

    /// <summary>
    /// Which of <c>name</c> and <c>description</c> the object gives a meaning of its own: a commitment's name, a fault
    /// level's description, a tolerance's and a follow-up duty's name.
    /// </summary>
    private static string[] OwnMeaning(string kind, string at) => (kind, at) switch
    {
        ("commitment", "") => ["name"],
        (_, _) when at.Contains("levels[", StringComparison.Ordinal) => ["description"],
        (_, _) when at.EndsWith(".tolerance", StringComparison.Ordinal) || at.Contains("followUps[", StringComparison.Ordinal) => ["name"],
        _ => [],
    };

    private static string Base(string kind) => kind switch
    {
        "calendar" => Calendar,
        "policy" => Policy,
        "warranty" => Warranty,
        "schedule" => Schedule,
        "commitment" => Commitment,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Reads <paramref name="json"/> as a document of <paramref name="kind"/> and writes it back.</summary>
    private static string Write(string kind, string json) => kind switch
    {
        "calendar" => CalendarDocument.Write(CalendarDocument.Parse(json)),
        "policy" => PolicyDocument.Write(PolicyDocument.Parse(json)),
        "warranty" => WarrantyDocument.Write(WarrantyDocument.Parse(json)),
        "schedule" => ScheduleDocument.Write(ScheduleDocument.Parse(json)),
        "commitment" => CommitmentDocument.Write(CommitmentDocument.Parse(json)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The object at a dotted path of property names and [index] steps; "" is the root.</summary>
    private static JsonObject Find(JsonNode root, string path)
    {
        JsonNode node = root;
        foreach (string step in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = step;
            var indices = new List<int>();
            while (name.EndsWith(']'))
            {
                int open = name.LastIndexOf('[');
                indices.Insert(0, int.Parse(name[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
                name = name[..open];
            }

            node = node[name]!;
            node = indices.Aggregate(node, (n, i) => n[i]!);
        }

        return node.AsObject();
    }
}
