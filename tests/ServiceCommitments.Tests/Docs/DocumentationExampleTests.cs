using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using Xunit;

namespace ServiceCommitments.Tests.Docs;

/// <summary>The examples of docs/commitments.md, as written there: a new user copies them first.</summary>
public sealed class DocumentationExampleTests
{
    private static string Page(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", name));

    private static List<string> JsonBlocks(string page) =>
        Regex.Matches(page, "```json\\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public void CommitmentsPage_EveryJsonExample_LoadsAndEvaluates()
    {
        var blocks = JsonBlocks(Page("commitments.md"));

        Assert.NotEmpty(blocks);
        foreach (string json in blocks)
        {
            var commitment = CommitmentDocument.Parse(json, documentName: "docs/commitments.md");
            Assert.Equal(commitment.Name, CommitmentDocument.Parse(CommitmentDocument.Write(commitment)).Name);
        }

        // The first example: level 1 on site within 2 hours in the city (市内), 24 hours elsewhere.
        var example = CommitmentDocument.Parse(blocks[0]);
        var shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var reported = new LocalDateTime(2025, 1, 27, 16, 30).InZoneStrictly(shanghai).ToInstant();
        var inCity = example.Policy!.Evaluate(new Ticket(reported, 1, attributes: [new("region", "市内")]), reported);
        var elsewhere = example.Policy.Evaluate(new Ticket(reported, 1, attributes: [new("region", "Tianjin")]), reported);
        Assert.Equal(reported + Duration.FromHours(2), inCity[Milestones.OnSite].Due);
        Assert.Equal(reported + Duration.FromHours(24), elsewhere[Milestones.OnSite].Due);
        // Level 3, resolved within 2 working days on the 5×8 office calendar with the Spring Festival (28 January - 4 February 2025).
        var minor = example.Policy.Evaluate(new Ticket(reported, 3), reported);
        Assert.Equal(new LocalDateTime(2025, 2, 6, 18, 0).InZoneStrictly(shanghai).ToInstant(), minor[Milestones.Resolved].Due);
        Assert.Equal(["routineVisits"], example.Schedules.Keys);
    }

    [Fact]
    public void CommitmentsPage_NamesEveryShippedTemplate()
    {
        string page = Page("commitments.md");

        Assert.All(CommitmentTemplates.Names, name => Assert.Contains($"| `{name}` |", page, StringComparison.Ordinal));
    }
}
