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
