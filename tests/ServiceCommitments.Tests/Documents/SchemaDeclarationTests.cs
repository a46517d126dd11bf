using System;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceCommitments.Documents;
using Xunit;

namespace ServiceCommitments.Tests.Documents;

/// <summary>
/// docs/schema/commitment.schema.json comes from the declarations (issue 14, item 1): the whole file, every
/// definition included, is exactly what the declarations generate. To regenerate the file after changing a declaration, run
/// this test with SERVICECOMMITMENTS_WRITE_SCHEMA=1; it writes the file in the repository and then passes.
/// </summary>
public sealed class SchemaDeclarationTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void TheCommittedSchema_IsWhatTheDeclarationsGenerate()
    {
        string committedPath = Path.Combine(RepositoryRoot(), "docs", "schema", "commitment.schema.json");
        string committed = File.ReadAllText(committedPath);
        string text = DocumentSchema.Generate().ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable("SERVICECOMMITMENTS_WRITE_SCHEMA") == "1")
        {
            File.WriteAllText(committedPath, text);
            return;
        }

        var defs = JsonNode.Parse(committed)!["$defs"]!.AsObject();
        foreach (var (name, definition) in DocumentSchema.Definitions())
        {
            Assert.True(defs.ContainsKey(name), $"the committed schema has no definition \"{name}\"; regenerate it (see the class summary)");
            Assert.True(JsonNode.DeepEquals(definition, defs[name]), $"the committed definition \"{name}\" differs from the declarations; regenerate it (see the class summary)");
        }

        Assert.Equal(text, committed.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void TheDeclaredKindsDefinitions_AreGenerated()
    {
        var names = DocumentSchema.Definitions().Select(d => d.Key).ToList();
        Assert.Superset(
            new[] { "warranty", "warrantyDocument", "term", "share", "start", "startName", "usage", "exclusion", "repeatFailure", "repairTime", "window", "deadline", "period", "zone", "policy", "policyTarget", "level", "warning", "milestone", "duration" }.ToHashSet(),
            names.ToHashSet());
    }

    [Fact]
    public void TheScheduleDefinitions_AreGenerated()
    {
        var names = DocumentSchema.Definitions().Select(d => d.Key).ToList();
        Assert.Superset(new[] { "schedule", "step", "phase", "allowance", "grid", "followUp", "quota", "date" }.ToHashSet(), names.ToHashSet());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ServiceCommitments.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (ServiceCommitments.sln) is not above " + AppContext.BaseDirectory);
    }
}
