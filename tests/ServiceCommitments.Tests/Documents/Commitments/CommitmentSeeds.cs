using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceCommitments.Documents;
using Xunit;

namespace ServiceCommitments.Tests.Documents.Commitments;

/// <summary>
/// The commitment documents the project ships, as seeds for properties: every template, and the subject of every
/// conformance file re-wrapped as a commitment document (a calendar under <c>calendars</c>, the others under their own
/// key beside the file's <c>calendars</c>).
/// </summary>
internal static class CommitmentSeeds
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<IReadOnlyList<string>> LazyAll = new(() =>
        CommitmentTemplates.Names.Select(CommitmentTemplates.Text)
            .Concat(ConformanceFiles().Select(f => AsCommitment(File.ReadAllText(f))))
            .ToArray());

    /// <summary>The templates, then the conformance subjects in file order.</summary>
    internal static IReadOnlyList<string> All => LazyAll.Value;

    internal static IEnumerable<string> ConformanceFiles() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "conformance"), "*.json").Order(StringComparer.Ordinal);

    /// <summary>A conformance file's subject as a commitment document, compact.</summary>
    internal static string AsCommitment(string conformanceFile)
    {
        var file = JsonNode.Parse(conformanceFile, documentOptions: Lenient)!.AsObject();
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
        string key = Assert.Single(subjects, s => file.ContainsKey(s));
        commitment[key] = file[key]!.DeepClone();
        return commitment.ToJsonString();
    }
}
