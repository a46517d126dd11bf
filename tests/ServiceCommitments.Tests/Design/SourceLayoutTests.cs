using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ServiceCommitments.Tests.Design;

/// <summary>
/// Issue 14, "the house in order": every public type of the libraries lives in a file named after it, so a reader finds
/// a type by its name. <c>Type.cs</c> holds <c>Type</c> (a generic <c>Type&lt;T&gt;</c> too), and a partial type may be
/// spread over <c>Type.Part.cs</c> files; a file holds at most one public top-level type. Internal helpers may sit
/// beside the type they serve.
/// </summary>
public sealed partial class SourceLayoutTests
{
    private static readonly string[] Projects = ["ServiceCommitments", "ServiceCommitments.Testing"];

    /// <summary>A public top-level declaration: the sources use file-scoped namespaces, so it starts at column 0.</summary>
    [GeneratedRegex(@"^public (?:(?:sealed|static|abstract|readonly|partial|ref|unsafe|new) )*(?:record (?:class |struct )?|class |struct |enum |interface |delegate [^(]*?)(?<name>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex PublicType();

    [Fact]
    public void OneFile_PerPublicType()
    {
        string root = FindRoot();
        var problems = new List<string>();
        int files = 0;
        foreach (string project in Projects)
        {
            string folder = Path.Combine(root, "src", project);
            foreach (string path in SourceFiles(folder))
            {
                files++;
                var names = File.ReadLines(path)
                    .Select(line => PublicType().Match(line))
                    .Where(m => m.Success)
                    .Select(m => m.Groups["name"].Value)
                    .ToList();
                string stem = Path.GetFileNameWithoutExtension(path).Split('.')[0];
                string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                if (names.Count > 1)
                {
                    problems.Add($"{relative} declares {names.Count} public types: {string.Join(", ", names)}");
                }
                else if (names.Count == 1 && names[0] != stem)
                {
                    problems.Add($"{relative} declares public type {names[0]}, not {stem}");
                }
            }
        }

        Assert.True(files > 50, $"only {files} source files found under {root}/src");
        Assert.True(problems.Count == 0, "Each public type belongs in a file of its own name:\n" + string.Join("\n", problems));
    }

    /// <summary>Test folders outside the tree: build output, reference data, and the repository-wide checks.</summary>
    private static readonly string[] TestOnlyFolders = ["bin", "obj", "ReferenceData", "Design", "Docs", "PublicApi", "Testing"];

    /// <summary>
    /// The tests mirror the library: a test of code in <c>src/ServiceCommitments/X/Y</c> sits in
    /// <c>tests/ServiceCommitments.Tests/X/Y</c>, so a reader finds the tests of a file where the file is. A test folder
    /// with no source folder of the same path means a test was put somewhere of its own.
    /// </summary>
    [Fact]
    public void TestFolders_MirrorSourceFolders()
    {
        string root = FindRoot();
        string tests = Path.Combine(root, "tests", "ServiceCommitments.Tests");
        string source = Path.Combine(root, "src", "ServiceCommitments");
        var folders = Directory.EnumerateDirectories(tests, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(tests, p))
            .Where(relative =>
            {
                string[] parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                return !TestOnlyFolders.Contains(parts[0], StringComparer.Ordinal)
                    && !parts.Any(part => part is "bin" or "obj" || part.StartsWith('.'));
            })
            .Order(StringComparer.Ordinal)
            .ToList();

        var strays = folders
            .Where(relative => !Directory.Exists(Path.Combine(source, relative)))
            .Select(relative => "tests/ServiceCommitments.Tests/" + relative.Replace('\\', '/'))
            .ToList();

        Assert.True(folders.Count >= 10, $"only {folders.Count} test folders found under {tests}");
        Assert.True(
            strays.Count == 0,
            "Each test folder mirrors a folder of src/ServiceCommitments (or is one of " + string.Join(", ", TestOnlyFolders) + "); these have none:\n" + string.Join("\n", strays));
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(folder, p).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
                .Any(part => part is "obj" or "bin"))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServiceCommitments.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ServiceCommitments.sln not found above " + AppContext.BaseDirectory);
    }
}
