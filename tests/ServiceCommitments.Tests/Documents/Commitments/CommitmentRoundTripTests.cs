using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using ServiceCommitments.Inspections;
using ServiceCommitments.Warranty;
using Xunit;

namespace ServiceCommitments.Tests.Documents.Commitments;

/// <summary>
/// A whole commitment writes back to a document that reads to the same commitment: writing it, reading it and writing
/// it again gives the same text, and the commitment read back answers every random question as the original does.
/// </summary>
public sealed class CommitmentRoundTripTests
{
    private static readonly Lazy<Parts> Pool = new(Parts.Load);

    public static TheoryData<string> Templates() => new(CommitmentTemplates.Names);

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_WritesBackToTheSameRules_AndTheSameAnswers(string name)
    {
        var commitment = CommitmentTemplates.Load(name);
        AssertRoundTrip(commitment, seed: name.Length);
    }

    [Fact]
    public void Template_WritesEveryPart()
    {
        var commitment = CommitmentTemplates.Load("terminal-after-sales");
        var written = JsonNode.Parse(CommitmentDocument.Write(commitment))!.AsObject();
        Assert.NotNull(written["policy"]);
        Assert.NotNull(written["warranty"]);
        Assert.True(written["schedule"] is not null || written["schedules"] is not null, written.ToJsonString());
        var again = CommitmentDocument.Parse(written.ToJsonString());
        Assert.Equal(commitment.Schedules.Keys.Order(StringComparer.Ordinal), again.Schedules.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(commitment.Name, again.Name);
    }

    [Fact]
    public void ManySchedules_AreWrittenUnderSchedules_AndKeepTheirNames()
    {
        var schedules = Pool.Value.Schedules.Take(3).Select((s, i) => new KeyValuePair<string, InspectionSchedule>($"s{i}", s)).ToList();
        var commitment = new Commitment("three", schedules: schedules);
        var written = JsonNode.Parse(CommitmentDocument.Write(commitment))!.AsObject();
        Assert.Null(written["schedule"]);
        Assert.Equal(["s0", "s1", "s2"], written["schedules"]!.AsObject().Select(p => p.Key));
        AssertRoundTrip(commitment, seed: 3);
    }

    [Fact]
    public void AShippedRuleSet_IsWrittenAsItsId()
    {
        var commitment = new Commitment(warranty: WarrantyRuleSets.Load(WarrantyRuleSets.Ids[0]));
        var written = JsonNode.Parse(CommitmentDocument.Write(commitment))!.AsObject();
        Assert.Equal(WarrantyRuleSets.Ids[0], written["warranty"]!.GetValue<string>());
        AssertRoundTrip(commitment, seed: 4);
    }

    /// <summary>The questions of <see cref="CommitmentAnswers"/> get answers from every part, not only refusals, so that comparing them compares something.</summary>
    [Fact]
    public void EveryPart_AnswersSomeRandomQuestions()
    {
        var parts = Pool.Value;
        var commitments = parts.Policies.Select(p => new Commitment(policy: p))
            .Concat(parts.Warranties.Select(w => new Commitment(warranty: w)))
            .Concat(parts.Schedules.Select(s => new Commitment(schedules: [new("schedule", s)])));
        var silent = commitments.Select((c, i) => (Index: i, Answers: CommitmentAnswers.Of(c, seed: i, count: 30)))
            .Where(x => x.Answers.TrueForAll(a => a.Contains(": throws ", StringComparison.Ordinal)))
            .Select(x => $"part {x.Index}: {x.Answers[0]}").ToList();
        Assert.True(silent.Count == 0, string.Join("\n", silent));
    }

    /// <summary>Any mix of the parts the tests hold (templates' and conformance files') round-trips as one commitment.</summary>
    [Property(MaxTest = 60)]
    public Property AnyMixOfParts_RoundTrips() =>
        Prop.ForAll(Mixes().ToArbitrary(), mix =>
        {
            var parts = Pool.Value;
            var schedules = mix.Schedules.Select((index, i) => new KeyValuePair<string, InspectionSchedule>(
                mix.Schedules.Length == 1 && mix.SingleNamedSchedule ? "schedule" : $"inspection{i}", parts.Schedules[index]));
            var commitment = new Commitment(
                mix.Named ? "mix " + mix.Seed : null,
                policy: mix.Policy is { } p ? parts.Policies[p] : null,
                warranty: mix.Warranty is { } w ? parts.Warranties[w] : null,
                schedules: schedules);
            AssertRoundTrip(commitment, mix.Seed, count: 8);
        });

    private static Gen<Mix> Mixes()
    {
        var parts = Pool.Value;
        Gen<int?> Maybe(int count) => Gen.Frequency(
            (1, Gen.Constant<int?>(null)),
            (3, Gen.Choose(0, count - 1).Select(i => (int?)i)));
        return from policy in Maybe(parts.Policies.Count)
               from warranty in Maybe(parts.Warranties.Count)
               from scheduleCount in Gen.Choose(0, 3)
               from schedules in Gen.ArrayOf(Gen.Choose(0, parts.Schedules.Count - 1), scheduleCount)
               from named in Gen.Elements(true, false)
               from single in Gen.Elements(true, false)
               from seed in Gen.Choose(0, 10_000)
               select new Mix(policy, warranty, schedules, named, single, seed);
    }

    private static void AssertRoundTrip(Commitment commitment, int seed, int count = 25)
    {
        string written = CommitmentDocument.Write(commitment);
        var again = CommitmentDocument.Parse(written);
        Assert.Equal(written, CommitmentDocument.Write(again));
        Assert.Equal(commitment.Name, again.Name);
        Assert.Equal(commitment.Policy is null, again.Policy is null);
        Assert.Equal(commitment.Warranty is null, again.Warranty is null);
        Assert.Equal(commitment.Schedules.Keys.Order(StringComparer.Ordinal), again.Schedules.Keys.Order(StringComparer.Ordinal));
        var answers = CommitmentAnswers.Of(commitment, seed, count);
        Assert.Equal(answers, CommitmentAnswers.Of(again, seed, count));

        // The answers compared are answers, not the same exception over and over.
        if (answers.Count > 0)
        {
            Assert.Contains(answers, a => !a.Contains(": throws ", StringComparison.Ordinal));
        }
    }

    public sealed record Mix(int? Policy, int? Warranty, int[] Schedules, bool Named, bool SingleNamedSchedule, int Seed)
    {
        public override string ToString() =>
            $"policy {Policy?.ToString() ?? "-"}, warranty {Warranty?.ToString() ?? "-"}, schedules [{string.Join(",", Schedules)}], named {Named}, single {SingleNamedSchedule}, seed {Seed}";
    }

    /// <summary>Every part the tests hold: the templates' parts and those of the conformance files.</summary>
    private sealed record Parts(List<ServicePolicy> Policies, List<WarrantyPolicy> Warranties, List<InspectionSchedule> Schedules)
    {
        internal static Parts Load()
        {
            var parts = new Parts([], [], []);
            foreach (var name in CommitmentTemplates.Names)
            {
                var template = CommitmentTemplates.Load(name);
                if (template.Policy is { } policy)
                {
                    parts.Policies.Add(policy);
                }

                if (template.Warranty is { } warranty)
                {
                    parts.Warranties.Add(warranty);
                }

                parts.Schedules.AddRange(template.Schedules.Values);
            }

            foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "conformance"), "*.json").Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(file).Contains("invalid", StringComparison.Ordinal))
                {
                    continue;
                }

                var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                var document = new JsonObject();
                if (root["calendars"] is { } calendars)
                {
                    document["calendars"] = calendars.DeepClone();
                }

                foreach (var part in new[] { "policy", "warranty", "schedule" })
                {
                    if (root[part] is { } value)
                    {
                        document[part] = value.DeepClone();
                    }
                }

                if (document.Count == 0 || (document.Count == 1 && document["calendars"] is not null))
                {
                    continue;
                }

                var commitment = CommitmentDocument.Parse(document.ToJsonString());
                if (commitment.Policy is { } p)
                {
                    parts.Policies.Add(p);
                }

                if (commitment.Warranty is { } w)
                {
                    parts.Warranties.Add(w);
                }

                parts.Schedules.AddRange(commitment.Schedules.Values);
            }

            return parts;
        }
    }
}
