using System;
using System.Collections.Generic;
using NodaTime;
using ServiceCommitments.Documents;
using ServiceCommitments.Targets;
using ServiceCommitments.Warranty;
using Xunit;

namespace ServiceCommitments.Tests.Warranty;

/// <summary>The first example of docs/warranty.md, in JSON and in C#, with the output the page shows.</summary>
public sealed class DocsExampleTests
{
    private const string Json = """
        {
          "zone": "Asia/Shanghai",
          "terms": [
            { "id": "terminal", "covers": ["hardware"], "period": "P12M", "from": "acceptanceSigned" },
            { "id": "platform", "covers": ["wholeDelivery"], "period": "P3Y", "from": "acceptance", "fromTheDayOf": true }
          ],
          "repeatFailure": { "repairs": 2 },
          "repairTurnaround": { "elapsed": "PT72H" }
        }
        """;

    /// <summary>The page's first example, built in C# as the page shows it (the phrases page renders the same policy).</summary>
    internal static WarrantyPolicy FirstExample(DateTimeZone zone) =>
        new WarrantyPolicyBuilder(zone)
            .AddTerm(WarrantyTerm.For("terminal", Period.FromMonths(12))
                .Covering(ComponentClass.Hardware)
                .From(WarrantyStart.On(StartEvents.AcceptanceSigned)))
            .AddTerm(WarrantyTerm.For("platform", Period.FromYears(3))
                .Covering(ComponentClass.WholeDelivery)
                .From(WarrantyStart.On(StartEvents.Acceptance))
                .CountingTheStartDay())
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2))
            .SetRemedyDeadline(Remedy.Repair, ServiceTarget.Elapsed(Duration.FromHours(72)))
            .Build();

    [Fact]
    public void FirstExample_GivesTheDecisionsThePageShows()
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        WarrantyPolicy policy = FirstExample(zone);

        var asset = new Asset(
            ComponentClass.Hardware,
            dates: new Dictionary<string, LocalDate>
            {
                [StartEvents.AcceptanceSigned] = new(2024, 5, 20),
                [StartEvents.Acceptance] = new(2024, 5, 20),
            },
            repairs: [new RepairRecord(new LocalDate(2024, 11, 4), "E-42"), new RepairRecord(new LocalDate(2025, 1, 8), "E-42")]);

        // A third failure of E-42: a new device of the same brand and model.
        var third = policy.Decide(asset, new Claim(Instant.FromUtc(2025, 3, 3, 1, 0), ClaimRequest.Repair, "E-42"));

        // Another problem: a free repair, due 72 hours after the product reaches the repairer.
        var other = policy.Decide(asset, new Claim(Instant.FromUtc(2025, 3, 3, 1, 0), ClaimRequest.Repair, "E-17", received: Instant.FromUtc(2025, 3, 3, 6, 0)));

        Assert.Equal(
            """
            covered: replacement (term platform, 2024-05-20 to 2027-05-19)
              - term platform covers hardware: 2024-05-20 to 2027-05-19, in force on 2025-03-03
              - repeat failure (after 2 repairs in a row of the same problem: replacement): E-42 on 2024-11-04, E-42 on 2025-01-08
              conditions: newUnit, sameBrandAndModel
            """.ReplaceLineEndings("\n"),
            third.ToString());
        Assert.Equal(
            """
            covered: repair (term platform, 2024-05-20 to 2027-05-19)
              - term platform covers hardware: 2024-05-20 to 2027-05-19, in force on 2025-03-03
              - due 2025-03-06T14:00:00+08 (within 72 hours from the product's receipt at 2025-03-03T14:00:00+08)
            """.ReplaceLineEndings("\n"),
            other.ToString());
        Assert.Equal(
            """
            within 72 hours: wall-clock time from the start
              start    2025-03-03 Mon 14:00:00 +08
              counted  2025-03-03 Mon 14:00:00 +08 to 2025-03-06 Thu 14:00:00 +08 (3d 0h)
              due      2025-03-06 Thu 14:00:00 +08 (counted 3d 0h)
            """.ReplaceLineEndings("\n"),
            other.Explain()!.ToString());

        var fromJson = WarrantyDocument.Parse(Json);
        Assert.Equal(third.ToString(), fromJson.Decide(asset, new Claim(Instant.FromUtc(2025, 3, 3, 1, 0), ClaimRequest.Repair, "E-42")).ToString());
        Assert.Equal(D(2027, 5, 19), third.CoveredUntil);
        Assert.Equal(Instant.FromUtc(2025, 3, 6, 6, 0), other.Due);
    }

    private static LocalDate D(int y, int m, int d) => new(y, m, d);
}
