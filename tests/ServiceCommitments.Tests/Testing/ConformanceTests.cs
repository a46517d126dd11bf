using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ServiceCommitments.Documents;
using ServiceCommitments.Testing;
using Xunit;

namespace ServiceCommitments.Tests.Testing;

/// <summary>
/// Runs every case of tests/conformance/*.json, and of every *.json file under the folders named by
/// SERVICECOMMITMENTS_CONFORMANCE_DIR (one folder, or several separated by ';') when it is set, as one test each.
/// </summary>
public sealed class ConformanceTests
{
    public const string DirectoryVariable = ConformanceFolders.EnvironmentVariable;

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
        Assert.True(result.Passed, $"{file} {result}");
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
        var missing = ConformanceFolders.Split(Environment.GetEnvironmentVariable(DirectoryVariable)).Where(d => !Directory.Exists(d)).ToList();
        Assert.True(missing.Count == 0, $"{DirectoryVariable} names folders that do not exist: {string.Join(", ", missing)}");
    }

    [Fact]
    public void ExtraDirectories_SeparatedBySemicolons_AreAllRun_AfterTheOwnFiles()
    {
        string root = Path.Combine(Path.GetTempPath(), "sc-conformance-" + Guid.NewGuid().ToString("N"));
        string first = Path.Combine(root, "first");
        string second = Path.Combine(root, "second", "nested");
        Directory.CreateDirectory(first);
        Directory.CreateDirectory(second);
        try
        {
            File.WriteAllText(Path.Combine(first, "b.json"), "{}");
            File.WriteAllText(Path.Combine(first, "a.json"), "{}");
            File.WriteAllText(Path.Combine(first, "notes.txt"), "not a case file");
            File.WriteAllText(Path.Combine(second, "c.json"), "{}");

            var files = ConformanceFiles($" {first} ;;{Path.Combine(root, "second")};").ToList();

            var own = OwnFiles().ToList();
            Assert.Equal(own, files.Take(own.Count));
            Assert.Equal([Path.Combine(first, "a.json"), Path.Combine(first, "b.json"), Path.Combine(second, "c.json")], files.Skip(own.Count));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
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

    /// <summary>The own files, then each named folder's files; a missing folder is left to <see cref="ExtraDirectory_WhenSet_Exists"/>.</summary>
    private static IEnumerable<string> ConformanceFiles(string? variable = null)
    {
        var files = OwnFiles().ToList();
        foreach (string directory in ConformanceFolders.Split(variable ?? Environment.GetEnvironmentVariable(DirectoryVariable)))
        {
            if (Directory.Exists(directory))
            {
                files.AddRange(ConformanceFolders.Files(directory));
            }
        }

        return files;
    }

    private static IEnumerable<string> OwnFiles() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "conformance"), "*.json").Order(StringComparer.Ordinal);
}
