using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using ServiceCommitments.Warranty;
using Xunit;

namespace ServiceCommitments.Tests.Documents.Commitments;

/// <summary>One commitment document holding calendars, a policy, warranty terms and schedules; and the shipped templates.</summary>
public sealed class CommitmentDocumentTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static Instant Sh(int y, int mo, int d, int h, int mi) => new LocalDateTime(y, mo, d, h, mi).InZoneStrictly(Shanghai).ToInstant();

    [Fact]
    public void Templates_AreTheSixDocumented()
    {
        Assert.Equal(
            ["d2-1-3-fault-response", "d2-4-5-onsite-by-region", "d2-6-9-fault-levels", "d3-warranty", "d4-inspections", "terminal-after-sales"],
            CommitmentTemplates.Names);
    }

    [Theory]
    [InlineData("d2-1-3-fault-response")]
    [InlineData("d2-4-5-onsite-by-region")]
    [InlineData("d2-6-9-fault-levels")]
    [InlineData("d3-warranty")]
    [InlineData("d4-inspections")]
    [InlineData("terminal-after-sales")]
    public void EveryTemplate_LoadsAndEvaluates(string name)
    {
        var commitment = CommitmentTemplates.Load(name);

        Assert.NotNull(commitment.Name);
        Assert.True(commitment.Policy is not null || commitment.Warranty is not null || commitment.Schedules.Count > 0);
        var reported = Sh(2025, 1, 27, 16, 30); // the Monday afternoon before the 2025 Spring Festival (28 January - 4 February)
        if (commitment.Policy is { } policy)
        {
            var ticket = new Ticket(reported, 1, attributes: [new("region", "北京市")]);
            var evaluation = policy.Evaluate(ticket, reported + Duration.FromHours(1));
            Assert.Contains(evaluation.Milestones, m => m.Status is MilestoneStatus.Pending or MilestoneStatus.Breached);
            Assert.All(evaluation.Milestones.Where(m => m.Due is not null), m => Assert.NotNull(m.Explain()));
        }

        if (commitment.Warranty is { } warranty)
        {
            var asset = new Asset(ComponentClass.Hardware, dates: new Dictionary<string, LocalDate>
            {
                ["acceptanceSigned"] = new(2024, 5, 20), ["acceptance"] = new(2024, 5, 20), ["purchase"] = new(2024, 3, 1), ["delivery"] = new(2024, 4, 1),
            });
            var decision = warranty.Decide(asset, new Claim(reported, ClaimRequest.Repair, "E-42", received: reported + Duration.FromHours(2)));
            Assert.Equal(ClaimStatus.Covered, decision.Status);
        }

        foreach (var (scheduleName, schedule) in commitment.Schedules)
        {
            var events = new Dictionary<string, LocalDate> { ["acceptance"] = new(2024, 3, 20), ["commissioning"] = new(2024, 3, 10) };
            var plan = schedule.Anchor(events);
            Assert.True(plan.Occurrences(new LocalDate(2024, 1, 1), new LocalDate(2026, 12, 31)).Any() || schedule.Quotas.Count > 0, scheduleName);
        }
    }

    [Fact]
    public void Template_WrittenInChinesePhrases_MeansTheRules()
    {
        var policy = CommitmentTemplates.Load("d2-4-5-onsite-by-region").Policy!;
        var reported = Sh(2025, 1, 27, 16, 30);

        Assert.Equal(reported + Duration.FromHours(2), policy.Evaluate(new Ticket(reported, 2, attributes: [new("region", "北京市")]), reported)["onSite"].Due);
        Assert.Equal(reported + Duration.FromHours(24), policy.Evaluate(new Ticket(reported, 2, attributes: [new("region", "上海市")]), reported)["onSite"].Due);
        Assert.Equal(reported + Duration.FromHours(48), policy.Evaluate(new Ticket(reported, 4), reported)["onSite"].Due);
    }

    [Fact]
    public void AllParts_InOneDocument()
    {
        var commitment = CommitmentDocument.Parse("""
            {
              "$schema": "https://example.invalid/commitment.schema.json",
              "name": "contract 17",
              "calendars": { "office": { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] } },
              "policy": { "targets": [ { "milestone": "resolved", "within": "2个工作日内", "calendar": "office" } ] },
              "warranty": "cn-sanbao-1995",
              "schedule": { "anchor": "acceptance", "every": "P3M", "until": "P1Y" },
              "schedules": { "training": { "anchor": "commissioning", "once": "P3D" } }
            }
            """);

        Assert.Equal("contract 17", commitment.Name);
        Assert.Equal(["office"], commitment.Calendars.Keys);
        Assert.NotNull(commitment.Policy);
        Assert.NotNull(commitment.Warranty);
        Assert.Equal(["schedule", "training"], commitment.Schedules.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("contract 17", commitment.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_AreListedAtOnce_WithPathsAndLines()
    {
        var e = Assert.Throws<DocumentException>(() => CommitmentDocument.Parse("""
            {
              "calendars": { "office": { "zone": "Asia/Shangai", "weekly": "5x8" } },
              "policy": { "targets": [ { "milestone": "resolved", "within": "尽快" } ] },
              "warranty": "cn-sanbao-1994",
              "schedule": { "anchor": "acceptance", "every": "P3M" },
              "schedules": { "schedule": { "anchor": "acceptance", "every": "P1M" } },
              "polic": {}
            }
            """, documentName: "contract.json"));

        Assert.Equal(
            ["$.calendars.office.zone", "$.policy.targets[0].within", "$.warranty", "$.schedules.schedule", "$.polic"],
            e.Errors.Select(x => x.Path));
        Assert.Equal([2, 3, 4, 6, 7], e.Errors.Select(x => x.Line));
        Assert.Contains("\"尽快\"", e.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal("contract.json", e.DocumentName);
    }

    [Fact]
    public void ACalendarWithAnEmptyName_IsADocumentError_NotAnArgumentException()
    {
        // Found by CommitmentRobustnessProperties: the commitment's constructor refused the empty name with an
        // ArgumentException that escaped the loader.
        var e = Assert.Throws<DocumentException>(() => CommitmentDocument.Parse("""
            { "calendars": { "": { "zone": "Asia/Shanghai", "weekly": "5x8" } } }
            """));
        var error = Assert.Single(e.Errors);
        Assert.Equal("$.calendars['']", error.Path);
        Assert.Contains("a calendar needs a name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_GivesADocumentThatReadsBackToTheSameText()
    {
        foreach (string name in new[] { "d2-1-3-fault-response", "d2-4-5-onsite-by-region", "d2-6-9-fault-levels" })
        {
            var commitment = CommitmentTemplates.Load(name);
            string written = CommitmentDocument.Write(commitment);
            Assert.Equal(written, CommitmentDocument.Write(CommitmentDocument.Parse(written)));
        }
    }

    [Fact]
    public void ASchedulesOfQuotasOnly_HasNoOccurrences_NotACrash()
    {
        // Found by loading the D4 template: "four visits a year" has quotas and no phases, and listing its
        // occurrences threw ArgumentNullException from inside NodaTime.
        var schedule = CommitmentTemplates.Load("d4-inspections").Schedules["fourAYear"];
        var plan = schedule.Anchor(new LocalDate(2024, 3, 20));

        Assert.Empty(plan.Occurrences(new LocalDate(2024, 1, 1), new LocalDate(2026, 12, 31)));
        Assert.NotEmpty(plan.EvaluateQuotas([new LocalDate(2024, 4, 1)], new LocalDate(2025, 1, 1)));
    }

    [Fact]
    public void UnknownTemplate_IsAnArgumentError()
    {
        var e = Assert.Throws<ArgumentException>(() => CommitmentTemplates.Load("d9"));
        Assert.Contains("terminal-after-sales", e.Message, StringComparison.Ordinal);
    }
}
