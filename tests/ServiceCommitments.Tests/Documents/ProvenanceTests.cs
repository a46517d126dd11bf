using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using ServiceCommitments.Documents;
using Xunit;

namespace ServiceCommitments.Tests.Documents;

/// <summary>
/// One provenance mechanism (issue 14, item 3): a built value records where it came from as a path, a line and a
/// column, and keeps nothing of the parsed document, so a loaded commitment does not hold its document's tree alive.
/// </summary>
public sealed class ProvenanceTests
{
    [Fact]
    public void ALoadedCommitment_DoesNotKeepItsParsedDocumentAlive()
    {
        var (commitment, document) = Load(LargeCommitment(2_000));

        for (int i = 0; i < 3 && document.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(document.IsAlive, "the parsed document is still reachable from the commitment built from it");
        Assert.Equal(2_000 + 1, commitment.Policy!.Rows.Count);
        Assert.NotNull(commitment.Warranty);
        GC.KeepAlive(commitment);
    }

    [Fact]
    public void AProblemFoundByTheDomain_IsStillReportedAtItsPathAndLine()
    {
        const string json = """
            {
              "zone": "Asia/Shanghai",
              "terms": [
                { "id": "a", "period": "P1Y", "from": "purchase" },
                { "id": "a", "period": "P2Y", "from": "purchase" }
              ]
            }
            """;

        var error = Assert.Throws<DocumentException>(() => WarrantyDocument.Parse(json));

        var only = Assert.Single(error.Errors);
        Assert.Equal("$.terms[1].id", only.Path);
        Assert.Equal(5, only.Line);
        Assert.True(only.Column > 0);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Commitment Commitment, WeakReference Document) Load(string json)
    {
        var root = DocumentParser.Parse(json, null);
        var context = new DocumentContext(null, null);
        var commitment = CommitmentReader.Read(root, context);
        context.ThrowIfProblems();
        return (commitment!, new WeakReference(root));
    }

    /// <summary>A commitment with a policy of <paramref name="rows"/> regional rows and a warranty.</summary>
    private static string LargeCommitment(int rows)
    {
        var text = new StringBuilder();
        text.Append("""
            {
              "calendars": { "office": { "zone": "Asia/Shanghai", "holidaySets": ["cn-mainland"], "weekly": { "Monday-Friday": ["09:00-18:00"] } } },
              "policy": {
                "calendar": "office",
                "levels": [ { "level": 1, "names": ["一级"] } ],
                "targets": [
                  { "milestone": "onSite", "levels": [1], "workingTime": "PT4H" }
            """);
        foreach (int i in Enumerable.Range(0, rows))
        {
            text.Append($",\n      {{ \"milestone\": \"onSite\", \"levels\": [1], \"where\": {{ \"region\": \"r{i}\" }}, \"workingTime\": \"PT{1 + (i % 8)}H\" }}");
        }

        text.Append("""

                ]
              },
              "warranty": { "zone": "Asia/Shanghai", "terms": [ { "id": "all", "period": "P1Y", "from": "acceptance" } ] }
            }
            """);
        return text.ToString();
    }
}
