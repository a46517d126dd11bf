using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ServiceCommitments.Tests.Design;

/// <summary>
/// Issue 14, item 1: the domain (Targets, Calendars, Faults, Warranty, Inspections) depends neither on the phrases nor
/// on the documents, and the phrases do not depend on the documents (documents may call the phrases, to read targets
/// written as sentences, but not the other way round). Checked on the sources under src/ServiceCommitments: every
/// <c>using</c> line and every fully-qualified name outside comments.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] Domain = ["Targets", "Calendars", "Faults", "Warranty", "Inspections"];

    [Fact]
    public void Domain_ReferencesNeitherPhrasesNorDocuments()
    {
        var offences = Domain.SelectMany(folder => References(folder, "Phrases", "Documents")).ToList();
        Assert.True(offences.Count == 0, "The domain references Phrases or Documents:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void Phrases_DoNotReferenceDocuments()
    {
        var offences = References("Phrases", "Documents").ToList();
        Assert.True(offences.Count == 0, "Phrases reference Documents:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void Scan_FindsAReferenceWhereThereIsOne()
    {
        // The scan itself: Documents do call Phrases (target sentences in documents), so it must see that.
        Assert.NotEmpty(References("Documents", "Phrases"));
    }

    /// <summary>Each line of a source file in <paramref name="folder"/> that names one of <paramref name="namespaces"/>.</summary>
    private static IEnumerable<string> References(string folder, params string[] namespaces)
    {
        string root = Path.Combine(FindRoot(), "src", "ServiceCommitments");
        var sources = Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sources);
        foreach (string ns in namespaces)
        {
            // "using ServiceCommitments.X;", "using static ServiceCommitments.X.Y;", "ServiceCommitments.X.Y", "X.Y" (a name
            // qualified from inside ServiceCommitments), and cref="X.Y" in documentation.
            var pattern = new Regex(
                $@"(^\s*(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?ServiceCommitments\.{ns}\b)|((?<![\w.])(ServiceCommitments\.)?{ns}\.[A-Z])|(cref=""(ServiceCommitments\.)?{ns}\.)",
                RegexOptions.CultureInvariant);
            foreach (string file in sources)
            {
                int number = 0;
                foreach (string line in File.ReadLines(file))
                {
                    number++;
                    string code = line.TrimStart();
                    if (code.StartsWith("///", StringComparison.Ordinal))
                    {
                        // Documentation: only a cref is a reference the compiler resolves.
                        code = string.Join(" ", Regex.Matches(code, @"cref=""[^""]*""").Select(m => m.Value));
                    }
                    else if (code.StartsWith("//", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (pattern.IsMatch(code))
                    {
                        yield return $"{Path.GetRelativePath(root, file)}:{number}: {line.Trim()}";
                    }
                }
            }
        }
    }

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
