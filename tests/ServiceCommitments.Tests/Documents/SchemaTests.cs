using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using NodaTime;
using ServiceCommitments.Documents;
using ServiceCommitments.Tests.Documents.Commitments;
using ServiceCommitments.Warranty;
using Xunit;

namespace ServiceCommitments.Tests.Documents;

/// <summary>
/// docs/schema/commitment.schema.json, the JSON Schema editors validate commitment documents with: every document the
/// project ships validates against it (templates, statutory rule sets, conformance subjects, the examples of docs/),
/// its closed sets are the library's, and documents it rejects the library rejects too.
/// </summary>
public sealed partial class SchemaTests
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<JsonSchema> LazySchema = new(() =>
        JsonSchema.FromText(File.ReadAllText(SchemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static readonly Lazy<JsonObject> SchemaJson = new(() => JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject());

    private static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "schema", "commitment.schema.json");

    internal static JsonSchema Schema => LazySchema.Value;

    /// <summary>Whether the schema accepts <paramref name="json"/>; <paramref name="errors"/> lists where and why not.</summary>
    internal static bool Validates(string json, out string errors)
    {
        using var document = JsonDocument.Parse(json, Lenient);
        var results = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        errors = results.IsValid
            ? ""
            : string.Join("\n", (results.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
                .Take(20));
        return results.IsValid;
    }

    private static void AssertValid(string json, string what)
    {
        Assert.True(Validates(json, out string errors), $"{what} does not validate against the schema:\n{errors}\n{json}");
    }

    // ---- Every shipped document validates ----

    public static TheoryData<string> TemplateNames() => new(CommitmentTemplates.Names);

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void EveryTemplate_Validates(string name) => AssertValid(CommitmentTemplates.Text(name), "template " + name);

    public static TheoryData<string> RuleSetIds() => new(WarrantyRuleSets.Ids);

    [Theory]
    [MemberData(nameof(RuleSetIds))]
    public void EveryStatutoryRuleSet_AsAWarranty_Validates(string id)
    {
        var assembly = typeof(WarrantyRuleSets).Assembly;
        using var stream = assembly.GetManifestResourceStream($"ServiceCommitments.Documents.Warranty.RuleSets.{id}.json")!;
        var warranty = JsonNode.Parse(stream, documentOptions: Lenient)!;
        AssertValid(new JsonObject { ["warranty"] = warranty }.ToJsonString(), "rule set " + id);
    }

    public static TheoryData<string> ConformanceFiles() => new(CommitmentSeeds.ConformanceFiles().Select(f => Path.GetFileName(f)));

    /// <summary>
    /// The subject of each conformance file, re-wrapped as a commitment document, validates whenever the library
    /// reads it. The files of subjects that are meant to be rejected (policy-invalid-*) may be rejected by the schema
    /// too, but only if the library rejects them.
    /// </summary>
    [Theory]
    [MemberData(nameof(ConformanceFiles))]
    public void EveryConformanceSubject_AsACommitment_Validates(string file)
    {
        string json = CommitmentSeeds.AsCommitment(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "conformance", file)));
        bool loads = Loads(json, out string problems);
        bool valid = Validates(json, out string errors);
        if (file.StartsWith("policy-invalid-", StringComparison.Ordinal))
        {
            Assert.False(loads, $"{file} is meant to hold a policy the library rejects");
            return;
        }

        Assert.True(loads, $"{file}: the library rejects the subject as a commitment document:\n{problems}");
        Assert.True(valid, $"{file} does not validate against the schema:\n{errors}\n{json}");
    }

    /// <summary>The JSON examples of docs/ that are whole documents: commitment documents, and calendar and warranty documents re-wrapped as one.</summary>
    public static TheoryData<string, int> DocsExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, line, _) in DocsJsonBlocks())
        {
            data.Add(file, line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocsExamples))]
    public void EveryWholeDocumentExampleOfTheDocs_Validates(string file, int line)
    {
        string text = DocsJsonBlocks().Single(b => b.File == file && b.Line == line).Text;
        JsonObject example;
        try
        {
            example = JsonNode.Parse(text, documentOptions: Lenient)!.AsObject();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return; // a fragment ("holidaySets": [...], a row of a table, "..." for what is left out): not a whole document
        }

        string? json = Classify(example) switch
        {
            "commitment" => example.ToJsonString(),
            "calendar" => new JsonObject { ["calendars"] = new JsonObject { ["x"] = example.DeepClone() } }.ToJsonString(),
            "warranty" => new JsonObject { ["warranty"] = example.DeepClone() }.ToJsonString(),
            "conformance" => CommitmentSeeds.AsCommitment(text),
            "ticket" or "asset" or "claim" => null, // the inputs of an evaluation, not commitment documents
            var other => throw new Xunit.Sdk.XunitException($"{file}:{line}: an example of unknown kind ({other}); classify it"),
        };
        if (json is not null)
        {
            Assert.True(Loads(json, out string problems), $"{file}:{line}: the library rejects the example:\n{problems}");
            AssertValid(json, $"{file}:{line}");
        }
    }

    [Fact]
    public void TheDocs_HaveWholeDocumentExamplesOfEveryPart()
    {
        var kinds = DocsJsonBlocks()
            .Select(b => { try { return Classify(JsonNode.Parse(b.Text, documentOptions: Lenient)!.AsObject()); } catch (JsonException) { return "fragment"; } })
            .ToHashSet();
        Assert.Superset(new HashSet<string> { "commitment", "calendar", "warranty", "conformance" }, kinds);
    }

    private static string Classify(JsonObject example) =>
        example.ContainsKey("cases") ? "conformance"
        : example.ContainsKey("weekly") ? "calendar"
        : example.ContainsKey("terms") && example.ContainsKey("zone") ? "warranty"
        : example.ContainsKey("reported") ? "ticket"
        : example.ContainsKey("component") ? "asset"
        : example.ContainsKey("request") ? "claim"
        : example.Select(p => p.Key).All(k => k is "name" or "calendars" or "policy" or "warranty" or "schedule" or "schedules" || k.StartsWith('$')) ? "commitment"
        : "unknown: " + string.Join(", ", example.Select(p => p.Key));

    private static IEnumerable<(string File, int Line, string Text)> DocsJsonBlocks()
    {
        foreach (string path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            foreach (Match match in JsonBlock().Matches(text))
            {
                int line = text[..match.Index].Count(c => c == '\n') + 1;
                yield return (Path.GetFileName(path), line, match.Groups[1].Value);
            }
        }
    }

    [GeneratedRegex("```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    // ---- What the schema says is what the library does ----

    [Fact]
    public void NotesForPeople_Validate_OnEveryObject_AsTheLibraryAllowsThem()
    {
        string json = """
            {
              "$schema": "../docs/schema/commitment.schema.json",
              "$comment": "notes on objects of every kind",
              "x-owner": "after-sales", "_draft": true, "description": "contract 17", "source": "bid §4", "tags": ["terminals"], "refs": ["D2"],
              "name": "contract 17",
              "calendars": { "office": { "zone": "Asia/Shanghai", "weekly": { "Mon-Fri": ["09:00-12:00", "13:00-18:00"] }, "note": "head office", "x-owner": "facilities",
                                         "holidaySets": [ { "id": "cn-mainland", "source": "State Council", "years": { "2027": { "holidays": ["2027-01-01"], "$comment": "draft" } } } ] } },
              "policy": {
                "note": "the table of the bid",
                "levels": [ { "level": 1, "names": ["一级"], "description": "system down", "x-color": "red" }, { "level": 2, "comment": "severe" } ],
                "targets": [
                  { "milestone": "onSite", "levels": [1], "within": "2小时内", "name": "arrival", "ref": "D2.1", "warnings": [ { "share": 0.5, "note": "half" } ] },
                  { "milestone": "resolved", "workingDays": 2, "calendar": "office", "_why": "levels 2 and below" }
                ]
              },
              "warranty": {
                "zone": "Asia/Shanghai", "source": "bid §5", "x-reviewed": "2026-01-01",
                "terms": [ { "id": "terminal", "period": "P12M", "from": "acceptanceSigned", "note": "D3.1" } ],
                "exclusions": [ { "id": "water", "causes": ["liquid"], "clause": "liquid damage", "ref": "§5.3" } ],
                "repeatFailure": { "repairs": 2, "comment": "D3.10" },
                "returnWithoutReason": { "period": "P7D", "from": "received", "note": "CRPL art. 25" },
                "repairTurnaround": { "elapsed": "PT72H", "source": "D3.14" },
                "paidService": { "visitFee": 300, "note": "D3.9" }
              },
              "schedules": {
                "visits": { "anchor": "acceptance", "phases": [ { "every": "P1M", "for": "P3M", "note": "first quarter" }, { "every": "P3M" } ], "until": "P12M",
                            "note": "D4", "source": "bid §6", "name": "routine visits", "description": "quarterly after the first quarter",
                            "align": { "calendar": "office", "move": "nextWorkingDay", "note": "never on a holiday" },
                            "tolerance": { "early": "P7D", "late": "P7D", "name": "grace", "x-why": "a week either side" },
                            "notice": { "workingDays": 3, "source": "D4.6" },
                            "followUps": [ { "name": "signedReport", "workingDays": 5, "description": "signed by the customer" } ],
                            "quotas": [ { "atLeast": 1, "per": "calendarQuarter", "comment": "D4.3" } ] }
              }
            }
            """;

        Assert.True(Loads(json, out string problems), problems);
        AssertValid(json, "a document with notes");
    }

    public static TheoryData<string, string> InvalidDocuments() => new()
    {
        { "an unknown property", """{ "polic": { "targets": [] } }""" },
        { "an unknown property of a calendar", """{ "calendars": { "x": { "zone": "Asia/Shanghai", "weekly": "5x8", "holidays": ["cn-mainland"] } } }""" },
        { "a name in a calendar that is no note", """{ "calendars": { "x": { "zone": "Asia/Shanghai", "weekly": "5x8", "note": "office", "colour": "red" } } }""" },
        { "a name in a schedule that is no note", """{ "schedule": { "anchor": "acceptance", "every": "P3M", "note": "quarterly", "colour": "red" } }""" },
        { "a name in an alignment that is no note", """{ "calendars": { "x": { "zone": "Asia/Shanghai", "weekly": "5x8" } }, "schedule": { "anchor": "acceptance", "every": "P3M", "align": { "calendar": "x", "move": "none", "$comment": "", "colour": "red" } } }""" },
        { "a zone that is a number", """{ "calendars": { "x": { "zone": 8, "weekly": "5x8" } } }""" },
        { "targets that are a string", """{ "policy": { "targets": "2小时内" } }""" },
        { "a policy without targets", """{ "policy": { "calendar": "x" } }""" },
        { "a target without an amount", """{ "policy": { "targets": [ { "milestone": "onSite" } ] } }""" },
        { "a target with two amounts", """{ "policy": { "targets": [ { "milestone": "onSite", "elapsed": "PT2H", "within": "2小时内" } ] } }""" },
        { "working days that are text", """{ "policy": { "targets": [ { "milestone": "resolved", "workingDays": "2" } ] } }""" },
        { "a negative duration", """{ "policy": { "targets": [ { "milestone": "onSite", "elapsed": "-PT2H" } ] } }""" },
        { "a milestone with a dot", """{ "policy": { "targets": [ { "milestone": "on.site", "elapsed": "PT2H" } ] } }""" },
        { "a level beyond 64", """{ "policy": { "levels": [ { "level": 65 } ], "targets": [ { "milestone": "onSite", "elapsed": "PT2H" } ] } }""" },
        { "a share of 1", """{ "policy": { "targets": [ { "milestone": "onSite", "elapsed": "PT2H", "warnings": [ { "share": 1 } ] } ] } }""" },
        { "a warning with share and before", """{ "policy": { "targets": [ { "milestone": "onSite", "elapsed": "PT2H", "warnings": [ { "share": 0.5, "before": "PT1H" } ] } ] } }""" },
        { "an unknown level change rule", """{ "policy": { "levelChange": "never", "targets": [ { "milestone": "onSite", "elapsed": "PT2H" } ] } }""" },
        { "a weekly day that is not a day", """{ "calendars": { "x": { "zone": "Asia/Shanghai", "weekly": { "Tues": ["09:00-12:00"] } } } }""" },
        { "a weekly form that is not ready-made", """{ "calendars": { "x": { "zone": "Asia/Shanghai", "weekly": "6x8" } } }""" },
        { "an interval that is not HH:mm-HH:mm", """{ "calendars": { "x": { "zone": "Asia/Shanghai", "weekly": { "Monday": ["9-12"] } } } }""" },
        { "a date that is not YYYY-MM-DD", """{ "calendars": { "x": { "zone": "Asia/Shanghai", "weekly": "5x8", "closures": ["24/12/2024"] } } }""" },
        { "a holiday year that is not four digits", """{ "calendars": { "x": { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": [ { "id": "cn-mainland", "years": { "27": {} } } ] } } }""" },
        { "an unknown mode for unknown years", """{ "calendars": { "x": { "zone": "Asia/Shanghai", "weekly": "5x8", "unknownYears": "guess" } } }""" },
        { "an unknown rule set", """{ "warranty": "cn-sanbao-1994" }""" },
        { "a warranty without a zone", """{ "warranty": { "terms": [ { "id": "t", "period": "P1Y", "from": "purchase" } ] } }""" },
        { "a term period in hours", """{ "warranty": { "zone": "Asia/Shanghai", "terms": [ { "id": "t", "period": "PT24H", "from": "purchase" } ] } }""" },
        { "a start with earliest and latest", """{ "warranty": { "zone": "Asia/Shanghai", "terms": [ { "id": "t", "period": "P1Y", "from": { "earliest": ["purchase"], "latest": ["delivery"] } } ] } }""" },
        { "an unknown built-in exclusion", """{ "warranty": { "zone": "Asia/Shanghai", "builtInExclusions": ["earthquake"], "terms": [ { "id": "t", "period": "P1Y", "from": "purchase" } ] } }""" },
        { "the repair's deadline twice", """{ "warranty": { "zone": "Asia/Shanghai", "terms": [ { "id": "t", "period": "P1Y", "from": "purchase" } ], "repairTurnaround": { "elapsed": "PT72H" }, "remedyDeadlines": { "repair": { "elapsed": "PT48H" } } } }""" },
        { "a schedule without an anchor", """{ "schedule": { "every": "P3M" } }""" },
        { "a schedule with every and phases", """{ "schedule": { "anchor": "acceptance", "every": "P3M", "phases": [ { "every": "P1M" } ] } }""" },
        { "an unknown step", """{ "schedule": { "anchor": "acceptance", "every": "quarterly" } }""" },
        { "an unknown alignment move", """{ "calendars": { "x": { "zone": "Asia/Shanghai", "weekly": "5x8" } }, "schedule": { "anchor": "acceptance", "every": "P3M", "align": { "calendar": "x", "move": "later" } } }""" },
        { "a notice with both amounts", """{ "schedule": { "anchor": "acceptance", "every": "P3M", "notice": { "workingDays": 3, "calendarDays": 3 } } }""" },
        { "a tolerance in months", """{ "schedule": { "anchor": "acceptance", "every": "P3M", "tolerance": { "early": "P1M" } } }""" },
        { "a schedule without a name", """{ "schedules": { "": { "anchor": "acceptance", "every": "P3M" } } }""" },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void InvalidDocuments_AreRejected_ByTheSchemaAndTheLibrary(string what, string json)
    {
        Assert.False(Validates(json, out _), $"the schema accepts {what}");
        Assert.False(Loads(json, out _), $"the library accepts {what}");
    }

    [Fact]
    public void TheSchema_IsAValidDraft202012Schema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var results = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", SchemaJson.Value["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void EveryProperty_HasADescription_ForEditorsToShow()
    {
        var defs = SchemaJson.Value["$defs"]!.AsObject();
        var missing = new List<string>();
        Walk(SchemaJson.Value, "#");
        Assert.True(missing.Count == 0, "properties without a description: " + string.Join(", ", missing));

        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["properties"] is JsonObject properties)
                    {
                        foreach (var (name, value) in properties)
                        {
                            bool described = value!["description"] is not null ||
                                (value["$ref"]?.GetValue<string>() is { } r && defs[r["#/$defs/".Length..]]?["description"] is not null);
                            if (!described)
                            {
                                missing.Add(path + "/properties/" + name);
                            }
                        }
                    }

                    foreach (var (name, value) in obj)
                    {
                        Walk(value, path + "/" + name);
                    }

                    break;
                case JsonArray array:
                    for (int i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], $"{path}/{i}");
                    }

                    break;
            }
        }
    }

    [Fact]
    public void ClosedSets_AreTheLibrarys()
    {
        Assert.Equal(WarrantyRuleSets.Ids.Order(StringComparer.Ordinal), Enum("warranty", 1));
        Assert.Equal(Exclusions.BuiltIn.Select(e => e.Id).Order(StringComparer.Ordinal), Enum("warrantyDocument", "builtInExclusions", 1, "items"));
        foreach (string id in WarrantyRuleSets.Ids)
        {
            Assert.True(Loads($$"""{ "warranty": "{{id}}" }""", out string problems), problems);
        }
    }

    [Fact]
    public void EveryTimeZoneOfTheLibrary_MatchesTheZonePattern()
    {
        string pattern = SchemaJson.Value["$defs"]!["zone"]!["pattern"]!.GetValue<string>();
        Assert.All(DateTimeZoneProviders.Tzdb.Ids, id => Assert.Matches(pattern, id));
    }

    private static IEnumerable<string> Enum(string def, int oneOf) =>
        SchemaJson.Value["$defs"]![def]!["oneOf"]![oneOf]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Enum(string def, string property, int oneOf, string items) =>
        SchemaJson.Value["$defs"]![def]!["properties"]![property]!["oneOf"]![oneOf]![items]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal);

    /// <summary>Whether the library loads <paramref name="json"/> as a commitment document.</summary>
    internal static bool Loads(string json, out string problems)
    {
        try
        {
            CommitmentDocument.Parse(json);
            problems = "";
            return true;
        }
        catch (DocumentException e)
        {
            problems = e.Message;
            return false;
        }
    }
}
