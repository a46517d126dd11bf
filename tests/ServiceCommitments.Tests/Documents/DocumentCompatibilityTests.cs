using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ServiceCommitments.Documents;
using Xunit;

namespace ServiceCommitments.Tests.Documents;

/// <summary>
/// Documents written by the library as published (commit f4bcdb6, 2026-12-07) still load, and mean the same: each file of
/// <c>ReferenceData/documents-2026-12</c> is loaded with the current library and written back, and the written document
/// must be the old one as a JSON value (property order aside, nothing else). The files are the old format: they are
/// never regenerated (see the folder's README.md).
/// </summary>
public sealed class DocumentCompatibilityTests
{
    private const string Folder = "documents-2026-12";

    private static string FolderPath => Path.Combine(AppContext.BaseDirectory, "ReferenceData", Folder);

    private static IEnumerable<string> FileNames() =>
        Directory.EnumerateFiles(FolderPath, "*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal);

    public static TheoryData<string> Documents() => new(FileNames());

    [Fact]
    public void TheFolder_HoldsEveryKindOfDocument()
    {
        string[] files = FileNames().ToArray();

        // 6 templates, 4 warranty rule sets, 12 calendars, 8 warranties, 14 policies and 14 schedules: a file lost (or
        // the folder not copied to the output) must not pass as "nothing to check".
        Assert.Equal(58, files.Length);
        Assert.Equal(6, files.Count(f => f.StartsWith("template-", StringComparison.Ordinal)));
        Assert.Equal(4, files.Count(f => f.StartsWith("warranty-rule-set-", StringComparison.Ordinal)));
        Assert.Equal(14, files.Count(f => f.StartsWith("conformance-policy-", StringComparison.Ordinal)));
        Assert.Equal(14, files.Count(f => f.StartsWith("conformance-schedule-", StringComparison.Ordinal)));
        Assert.Equal(8, files.Count(f => f.StartsWith("conformance-warranty-", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(FolderPath, "README.md")));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void OldDocument_LoadsAndWritesBackTheSameJson(string file)
    {
        string old = File.ReadAllText(Path.Combine(FolderPath, file));

        // A warranty rule set was written as a warranty document; every other file is a commitment document.
        string written = file.StartsWith("warranty-rule-set-", StringComparison.Ordinal)
            ? WarrantyDocument.Write(WarrantyDocument.Parse(old))
            : CommitmentDocument.Write(CommitmentDocument.Parse(old, documentName: file));

        var expected = JsonNode.Parse(old);
        var actual = JsonNode.Parse(written);

        // JsonNode.DeepEquals compares an object's properties by name, whatever their order; arrays in order; numbers by
        // value. A property written or left out, a value changed, an array reordered: all are differences.
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Fail($"{file}: the current library writes a different document.\n"
                + string.Join("\n", Differences(expected, actual, "$").Take(20))
                + $"\n--- written now:\n{written}");
        }
    }

    /// <summary>Where two JSON values differ, as "path: old → new" lines.</summary>
    private static IEnumerable<string> Differences(JsonNode? old, JsonNode? now, string path)
    {
        switch (old, now)
        {
            case (JsonObject a, JsonObject b):
                foreach (var (name, value) in a)
                {
                    if (!b.ContainsKey(name))
                    {
                        yield return $"{path}.{name}: {value?.ToJsonString() ?? "null"} → (not written)";
                    }
                    else
                    {
                        foreach (string d in Differences(value, b[name], $"{path}.{name}"))
                        {
                            yield return d;
                        }
                    }
                }

                foreach (var (name, value) in b.Where(p => !a.ContainsKey(p.Key)))
                {
                    yield return $"{path}.{name}: (not written) → {value?.ToJsonString() ?? "null"}";
                }

                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (int i = 0; i < a.Count; i++)
                {
                    foreach (string d in Differences(a[i], b[i], $"{path}[{i}]"))
                    {
                        yield return d;
                    }
                }

                break;
            default:
                if (!JsonNode.DeepEquals(old, now))
                {
                    yield return $"{path}: {old?.ToJsonString() ?? "null"} → {now?.ToJsonString() ?? "null"}";
                }

                break;
        }
    }
}
