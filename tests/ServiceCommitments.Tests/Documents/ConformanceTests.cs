using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ServiceCommitments.Documents;
using ServiceCommitments.Testing;
using Xunit;

namespace ServiceCommitments.Tests.Documents;

/// <summary>
/// Runs every case of tests/conformance/*.json, and of every *.json file in the folder named by
/// SERVICECOMMITMENTS_CONFORMANCE_DIR when it is set, as one test each.
/// </summary>
public sealed class ConformanceTests
{
    public const string DirectoryVariable = "SERVICECOMMITMENTS_CONFORMANCE_DIR";

    private static readonly Dictionary<string, Lazy<ConformanceFile>> Files = new(StringComparer.Ordinal);

    public static IEnumerable<object[]> Cases()
    {
        foreach (string path in ConformanceFiles())
        {
            ConformanceFile? file = TryLoad(path);
            if (file is null)
            {
                yield return [path, -1];
                continue;
            }

            for (int i = 0; i < file.Cases.Count; i++)
            {
                yield return [path, i];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_GivesExpectedAnswer(string file, int index)
    {
        var conformance = Load(file);
        Assert.True(index >= 0, $"{file} could not be read.");
        var result = conformance.Cases[index].Run();
        Assert.True(result.Passed, $"{file} {result.Case}: expected {result.Expected}, got {result.Actual}");
    }

    [Fact]
    public void OwnFiles_HoldAtLeast150Cases()
    {
        int count = OwnFiles().Sum(path => Load(path).Cases.Count);
        Assert.True(count >= 150, $"tests/conformance holds {count} cases; the project promises at least 150.");
    }

    [Fact]
    public void ExtraDirectory_WhenSet_Exists()
    {
        string? directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(directory))
        {
            Assert.True(Directory.Exists(directory), $"{DirectoryVariable} names {directory}, which does not exist.");
        }
    }

    private static ConformanceFile? TryLoad(string path)
    {
        try
        {
            return Load(path);
        }
        catch (Exception e) when (e is DocumentException or IOException)
        {
            return null;
        }
    }

    private static ConformanceFile Load(string path)
    {
        Lazy<ConformanceFile> lazy;
        lock (Files)
        {
            if (!Files.TryGetValue(path, out lazy!))
            {
                lazy = new Lazy<ConformanceFile>(() => ConformanceFile.Load(path));
                Files.Add(path, lazy);
            }
        }

        return lazy.Value;
    }

    private static IEnumerable<string> ConformanceFiles()
    {
        var files = OwnFiles().ToList();
        string? directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(directory) && Directory.Exists(directory))
        {
            files.AddRange(Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        }

        return files;
    }

    private static IEnumerable<string> OwnFiles() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "conformance"), "*.json").Order(StringComparer.Ordinal);
}
