using System;
using System.IO;
using System.Reflection;
using PublicApiGenerator;
using ServiceCommitments.Calendars;
using ServiceCommitments.Testing;
using Xunit;

namespace ServiceCommitments.Tests.PublicApi;

/// <summary>
/// The public API is a promise: these tests compare it with the reviewed files ServiceCommitments.approved.txt (the
/// core) and ServiceCommitments.Testing.approved.txt (the conformance runner, its own package). After a deliberate
/// change, copy the generated *.received.txt (written beside the test binaries and named in the failure) over the
/// approved file and review the diff.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesApprovedFile() => MatchesApprovedFile(typeof(BusinessCalendar).Assembly);

    [Fact]
    public void TestingPublicApi_MatchesApprovedFile() => MatchesApprovedFile(typeof(ConformanceFile).Assembly);

    private static void MatchesApprovedFile(Assembly assembly)
    {
        string name = assembly.GetName().Name!;
        string api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],

            // The generator leaves out Microsoft.* namespaces unless told; AddServiceCommitments lives in
            // Microsoft.Extensions.DependencyInjection (where extensions on IServiceCollection are found) and is public API too.
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
        }).ReplaceLineEndings("\n");
        string approvedPath = Path.Combine(AppContext.BaseDirectory, "PublicApi", $"{name}.approved.txt");
        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        if (api != approved)
        {
            string received = Path.Combine(AppContext.BaseDirectory, $"{name}.received.txt");
            File.WriteAllText(received, api);
            Assert.Fail($"The public API differs from tests/ServiceCommitments.Tests/PublicApi/{name}.approved.txt. " +
                        $"Review {received} and, if the change is deliberate, copy it over the approved file.\n{Diff(approved, api)}");
        }
    }

    private static string Diff(string approved, string received)
    {
        var a = approved.Split('\n');
        var r = received.Split('\n');
        var lines = new System.Text.StringBuilder();
        var inA = new System.Collections.Generic.HashSet<string>(a);
        var inR = new System.Collections.Generic.HashSet<string>(r);
        foreach (string line in a)
        {
            if (!inR.Contains(line))
            {
                lines.Append("- ").AppendLine(line);
            }
        }

        foreach (string line in r)
        {
            if (!inA.Contains(line))
            {
                lines.Append("+ ").AppendLine(line);
            }
        }

        return lines.ToString();
    }
}
