#:project /work/wt-old/src/ServiceCommitments/ServiceCommitments.csproj
#:property PublishAot=false
// Generates the reference documents of tests/ServiceCommitments.Tests/ReferenceData/documents-2026-12: documents as
// written by the library as published at commit f4bcdb6 (2026-12-07), before the rewrite of the document readers and
// writers. DocumentCompatibilityTests loads each with the current library and checks it still means the same.
//
// These files are the OLD format. Never regenerate them with a newer library: run this only against a checkout of
// f4bcdb6, and only to add documents, never to "refresh" the ones committed. To run it:
//
//   git worktree add --detach /tmp/sc-old f4bcdb6
//   sed -i '1s|.*|#:project /tmp/sc-old/src/ServiceCommitments/ServiceCommitments.csproj|' generate_documents.cs
//   dotnet run generate_documents.cs -- /tmp/sc-old/tests/conformance <output folder>
//
// (the first line must name the old checkout's project: a file-based program's #:project path cannot be a variable).
// It uses only the public API of that version: CommitmentTemplates, CommitmentDocument.Parse/Write, WarrantyRuleSets,
// WarrantyDocument.Write.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceCommitments.Documents;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run generate_documents.cs -- <old checkout>/tests/conformance <output folder>");
    return 2;
}

string conformance = args[0];
string output = args[1];
Directory.CreateDirectory(output);
var written = new List<string>();

void Save(string name, string text)
{
    string path = Path.Combine(output, name);
    if (File.Exists(path))
    {
        throw new InvalidOperationException($"{path} exists: the reference documents are never regenerated");
    }

    File.WriteAllText(path, text.EndsWith('\n') ? text : text + "\n");
    written.Add(name);
}

// Every commitment template shipped in the package, parsed and written back.
foreach (string name in CommitmentTemplates.Names)
{
    Save($"template-{name}.json", CommitmentDocument.Write(CommitmentDocument.Parse(CommitmentTemplates.Text(name), documentName: name)));
}

// Every shipped warranty rule set, loaded and written as a warranty document.
foreach (string id in WarrantyRuleSets.Ids)
{
    Save($"warranty-rule-set-{id}.json", WarrantyDocument.Write(WarrantyRuleSets.Load(id)));
}

// A selection of the conformance files' subjects, each wrapped as a commitment document the way the tests' seeds do
// (tests/ServiceCommitments.Tests/Documents/Commitments/CommitmentSeeds.cs, AsCommitment), parsed and written back:
// every calendar file and every warranty file, and policies and schedules chosen for the variety of what they use.
string[] selection =
[
    // calendars
    "berlin-shifts-dst", "design-examples", "lord-howe-dst", "new-york-24x7-dst", "new-york-dst",
    "shanghai-added-year", "shanghai-always-open", "shanghai-customer-overrides", "shanghai-five-by-eight",
    "shanghai-night-shifts", "shanghai-office", "shanghai-unknown-years-ordinary",
    // warranty
    "warranty-catalogue", "warranty-cn-consumer-returns", "warranty-cn-household-car-2021", "warranty-cn-sanbao-1995",
    "warranty-deadlines", "warranty-eu-2019-771", "warranty-periods", "warranty-random",
    // policies
    "policy-berlin", "policy-channels", "policy-city-urgency", "policy-clock", "policy-compliance", "policy-d2-tables",
    "policy-distance", "policy-escalation", "policy-from-change", "policy-levels-d2-6-9", "policy-phrases-zh",
    "policy-regions", "policy-reports", "policy-working-calendar",
    // schedules
    "schedule-align-nearestWorkingDayInPeriod", "schedule-align-skip", "schedule-d4-1-quarterly-report",
    "schedule-d4-4-phases", "schedule-d4-5-warranty", "schedule-d4-6-cohorts", "schedule-d4-9-signed-report",
    "schedule-floating", "schedule-formats-example", "schedule-month-end-clamp", "schedule-random",
    "schedule-shift-half", "schedule-smrp", "schedule-ten-percent",
];

foreach (string name in selection)
{
    string document = AsCommitment(File.ReadAllText(Path.Combine(conformance, name + ".json")));
    Save($"conformance-{name}.json", CommitmentDocument.Write(CommitmentDocument.Parse(document, documentName: name)));
}

static string Kind(string file) =>
    file.StartsWith("template-") ? "commitment templates"
    : file.StartsWith("warranty-rule-set-") ? "warranty rule sets"
    : file.StartsWith("conformance-policy-") ? "conformance policies"
    : file.StartsWith("conformance-warranty-") ? "conformance warranties"
    : file.StartsWith("conformance-schedule-") ? "conformance schedules"
    : "conformance calendars";

foreach (var group in written.GroupBy(Kind))
{
    Console.WriteLine($"{group.Key}: {group.Count()}");
}

Console.WriteLine($"{written.Count} documents written to {output}");
return 0;

// Copied from tests/ServiceCommitments.Tests/Documents/Commitments/CommitmentSeeds.cs (AsCommitment) at f4bcdb6.
static string AsCommitment(string conformanceFile)
{
    var lenient = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    var file = JsonNode.Parse(conformanceFile, documentOptions: lenient)!.AsObject();
    var commitment = new JsonObject();
    if (file["calendar"] is { } calendar)
    {
        commitment["calendars"] = new JsonObject { ["x"] = calendar.DeepClone() };
        return commitment.ToJsonString();
    }

    if (file["calendars"] is { } calendars)
    {
        commitment["calendars"] = calendars.DeepClone();
    }

    string[] subjects = ["policy", "warranty", "schedule"];
    string key = subjects.Single(s => file.ContainsKey(s));
    commitment[key] = file[key]!.DeepClone();
    return commitment.ToJsonString();
}
