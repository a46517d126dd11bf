using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using ServiceCommitments.Internal;
using ServiceCommitments.Phrases;
using ServiceCommitments.Targets;
using Xunit;

namespace ServiceCommitments.Tests.Phrases;

/// <summary>A fault-level table as the sentences a contract prints, in both languages, and back to the same rows.</summary>
public sealed class PolicyPhrasesTests
{
    private static readonly BusinessCalendar Office = BusinessCalendar.FiveByEight(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], HolidaySets.ChinaMainland);

    /// <summary>A percentage less than half the smallest double above 0, once divided by 100: 0.(400 zeros)1.</summary>
    private static readonly string Underflows = "0." + new string('0', 400) + "1";

    private static ServicePolicy D24() => new ServicePolicyBuilder()
        .AddRows(
            PolicyRow.For(Milestones.FirstResponse, ServiceTarget.Elapsed(Duration.FromMinutes(30))).ForLevels(1),
            PolicyRow.For(Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(2))).ForLevels(1, 2).WhereAttribute("region", "北京市"),
            PolicyRow.For(Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(24))).ForLevels(1, 2),
            PolicyRow.For(Milestones.Restored, ServiceTarget.Elapsed(Duration.FromHours(2))).ForLevels(1).CountingFrom(Milestones.OnSite))
        .Build();

    [Fact]
    public void Render_Chinese_ReadsAsTheContract()
    {
        string text = PolicyPhrases.Render(D24(), Language.Chinese);

        Assert.Equal(
            "一级故障:30分钟内响应，北京市2小时内到达现场，其他地区24小时内，到达现场后2小时内恢复服务。\n" +
            "二级故障:北京市2小时内到达现场，其他地区24小时内。",
            text);
    }

    [Fact]
    public void Render_English()
    {
        string text = PolicyPhrases.Render(D24(), Language.English);

        Assert.Equal(
            "Level 1 (一级, A, P1, critical): first response: within 30 minutes; on site in 北京市: within 2 hours; on site elsewhere: within 24 hours; service restored after on site: within 2 hours.\n" +
            "Level 2 (二级, B, P2, major): on site in 北京市: within 2 hours; on site elsewhere: within 24 hours.",
            text);
    }

    [Fact]
    public void Parse_ReadsTheSentenceOfTheCommitmentCatalogue()
    {
        var rows = PolicyPhrases.Parse("一级故障:30分钟内响应,北京市2小时内到达现场,其他地区24小时内");

        Assert.Equal(3, rows.Count);
        Assert.Equal((Milestones.FirstResponse, ServiceTarget.Elapsed(Duration.FromMinutes(30))), (rows[0].Milestone, rows[0].Target));
        Assert.Equal(["北京市"], rows[1].Where["region"]);
        Assert.Equal((Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(24))), (rows[2].Milestone, rows[2].Target));
        Assert.Empty(rows[2].Where);
        Assert.All(rows, r => Assert.Equal([1], r.Levels));
    }

    [Theory]
    [InlineData("一级故障:尽快响应")]
    [InlineData("一级:30分钟内响应")]
    [InlineData("九级故障:30分钟内响应")]
    [InlineData("一级故障:30分钟内")]
    [InlineData("Level 1: on site soon")]
    [InlineData("Level 1: teleported: within 2 hours")]
    public void Parse_RejectsWhatItDoesNotUnderstand(string sentence)
    {
        var e = Assert.Throws<FormatException>(() => PolicyPhrases.Parse(sentence));
        Assert.Contains("is not understood", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> WarningSharesOutOfRange() => new()
    {
        { "30分钟内响应(用去79228162514264337593543950336%时预警)", "79228162514264337593543950336", "" },
        { "30分钟内响应(用去99.99999999999999999%时预警)", "99.99999999999999999", "; as a double it is 100%" },
        { "30分钟内响应(用去100%时预警)", "100", "" },
        { "30分钟内响应(用去0%时预警)", "0", "" },
        { $"30分钟内响应(暂停不停表)(用去{Underflows}%时预警)", Underflows, "; as a double it is 0%" },
        { "Level 1: first response: within 30 minutes (warn at 79228162514264337593543950336%)", "79228162514264337593543950336", "" },
        { "Level 1: first response: within 30 minutes (warn at 99.99999999999999999%)", "99.99999999999999999", "; as a double it is 100%" },
        { "Level 1: first response: within 30 minutes (warn at 0%)", "0", "" },
    };

    [Theory]
    [MemberData(nameof(WarningSharesOutOfRange))]
    public void Parse_AWarningShareThatIsNotBetween0And100PercentAsADouble_IsAFormatException(string sentence, string written, string asDouble)
    {
        string line = sentence.StartsWith("Level", StringComparison.Ordinal) ? sentence : "一级故障:" + sentence;
        string clause = sentence.StartsWith("Level", StringComparison.Ordinal) ? sentence["Level 1: ".Length..] : sentence;

        var e = Assert.Throws<FormatException>(() => PolicyPhrases.Parse(line));

        Assert.StartsWith($"The sentence \"{ProblemSink.Cut(clause)}\" is not understood: expected a warning share greater than 0% and less than 100%", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($", not {ProblemSink.Cut(written)}%{asDouble}.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AWarningShareIsTheDoubleNearestToThePercentage()
    {
        var rows = PolicyPhrases.Parse("一级故障:30分钟内响应(用去99.99999999999999%时预警)(用去75%时预警),北京市2小时内到达现场(用去33.3333%时预警)\n" +
                                       "Level 1: first response: within 30 minutes (warn at 99.99999999999999%, warn at 0.07%)");

        Assert.Equal([TargetWarning.AtShare(Math.BitDecrement(1.0)), TargetWarning.AtShare(0.75)], rows[0].Warnings);
        Assert.Equal([TargetWarning.AtShare(0.333333)], rows[1].Warnings);
        Assert.Equal([TargetWarning.AtShare(Math.BitDecrement(1.0)), TargetWarning.AtShare(0.0007)], rows[2].Warnings);
    }

    public static TheoryData<string> PolicyFiles() => new(
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "conformance"), "policy-*.json")
            .Where(f => !f.Contains("invalid", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void RenderThenParse_GivesTheSameRows_InBothLanguages(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "conformance", file)))!.AsObject();
        var document = new JsonObject { ["policy"] = root["policy"]!.DeepClone() };
        if (root["calendars"] is { } calendars)
        {
            document["calendars"] = calendars.DeepClone();
        }

        var policy = PolicyDocument.Parse(document.ToJsonString());
        var expected = Normalise(policy.Rows, policy.Levels);

        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            string text = PolicyPhrases.Render(policy, language);
            var rows = PolicyPhrases.Parse(text, policy.Levels);
            Assert.True(expected.SetEquals(Normalise(rows, policy.Levels)), $"{language}:\n{text}");
        }
    }

    /// <summary>Rows as comparable facts, one per level: what a sentence says (everything but the calendar).</summary>
    private static HashSet<string> Normalise(IEnumerable<PolicyRow> rows, FaultLevels levels) =>
        rows.SelectMany(r => (r.Levels.Count == 0 ? levels.Levels.Select(l => l.Number) : r.Levels).Select(level =>
                $"{level}|{r.Milestone}|{string.Join("&", r.Where.OrderBy(w => w.Key).Select(w => w.Key + "=" + string.Join("/", w.Value.Order())))}|" +
                $"{r.Target}|{r.From}|{r.IfBreached}|{r.IgnorePauses}|{string.Join(",", r.Warnings)}"))
            .ToHashSet();
}
