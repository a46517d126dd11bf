using System;
using System.IO;
using PublicApiGenerator;
using ServiceCommitments.Calendars;
using Xunit;

namespace ServiceCommitments.Tests.PublicApi;

/// <summary>
/// The public API is a promise: this test compares it with the reviewed file ServiceCommitments.approved.txt.
/// After a deliberate change, copy the generated ServiceCommitments.received.txt (written beside the test
/// binaries and named in the failure) over the approved file and review the diff.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesApprovedFile()
    {
        string api = typeof(BusinessCalendar).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n");
        string approvedPath = Path.Combine(AppContext.BaseDirectory, "PublicApi", "ServiceCommitments.approved.txt");
        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        if (api != approved)
        {
            string received = Path.Combine(AppContext.BaseDirectory, "ServiceCommitments.received.txt");
            File.WriteAllText(received, api);
            Assert.Fail($"The public API differs from tests/ServiceCommitments.Tests/PublicApi/ServiceCommitments.approved.txt. " +
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
