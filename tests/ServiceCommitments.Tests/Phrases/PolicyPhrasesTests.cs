using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using ServiceCommitments.Phrases;
using ServiceCommitments.Targets;
using Xunit;

namespace ServiceCommitments.Tests.Phrases;

/// <summary>A fault-level table as the sentences a contract prints, in both languages, and back to the same rows.</summary>
public sealed class PolicyPhrasesTests
{
    private static readonly BusinessCalendar Office = BusinessCalendar.FiveByEight(DateTimeZoneProviders.Tzdb["Asia/Shanghai"], HolidaySets.ChinaMainland);

    private static ServicePolicy D24() => new ServicePolicyBuilder()
        .AddTargets(
            PolicyTarget.For(Milestones.FirstResponse, ServiceTarget.Elapsed(Duration.FromMinutes(30))).ForLevels(1),
            PolicyTarget.For(Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(2))).ForLevels(1, 2).WhereAttribute("region", "北京市"),
            PolicyTarget.For(Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(24))).ForLevels(1, 2),
            PolicyTarget.For(Milestones.Restored, ServiceTarget.Elapsed(Duration.FromHours(2))).ForLevels(1).CountingFrom(Milestones.OnSite))
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
        var expected = Normalise(policy.Targets, policy.Levels);

        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            string text = PolicyPhrases.Render(policy, language);
            var rows = PolicyPhrases.Parse(text, policy.Levels);
            Assert.True(expected.SetEquals(Normalise(rows, policy.Levels)), $"{language}:\n{text}");
        }
    }

    /// <summary>Rows as comparable facts, one per level: what a sentence says (everything but the calendar).</summary>
    private static HashSet<string> Normalise(IEnumerable<PolicyTarget> rows, FaultLevels levels) =>
        rows.SelectMany(r => (r.Levels.Count == 0 ? levels.Levels.Select(l => l.Number) : r.Levels).Select(level =>
                $"{level}|{r.Milestone}|{string.Join("&", r.Where.OrderBy(w => w.Key).Select(w => w.Key + "=" + string.Join("/", w.Value.Order())))}|" +
                $"{r.Target}|{r.From}|{r.IfBreached}|{r.IgnorePauses}|{string.Join(",", r.Warnings)}"))
            .ToHashSet();
}
