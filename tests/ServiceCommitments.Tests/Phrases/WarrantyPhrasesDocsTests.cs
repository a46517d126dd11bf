using System;
using System.Collections.Generic;
using System.IO;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Phrases;
using ServiceCommitments.Targets;
using ServiceCommitments.Warranty;
using Xunit;

namespace ServiceCommitments.Tests.Phrases;

/// <summary>The examples of docs/warranty.md, "The terms as sentences": the page shows what they print.</summary>
public sealed class WarrantyPhrasesDocsTests
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static string Section()
    {
        string page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "warranty.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = page.IndexOf("## The terms as sentences\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/warranty.md has no section \"The terms as sentences\"");
        int end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return page[start..(end < 0 ? page.Length : end)];
    }

    /// <summary>Text the page shows in a block of its own, exactly.</summary>
    private static void AssertShown(string output) =>
        Assert.Contains("```\n" + output.ReplaceLineEndings("\n") + "\n```", Section(), StringComparison.Ordinal);

    [Fact]
    public void TheFirstExample_RendersAsThePageShows()
    {
        // The policy of the page's first example.
        WarrantyPolicy policy = ServiceCommitments.Tests.Warranty.DocsExampleTests.FirstExample(Zone);

        AssertShown(WarrantyPhrases.Render(policy, Language.Chinese) + "\n" + WarrantyPhrases.Render(policy, Language.English));
    }

    [Fact]
    public void ReadingSentences_PrintsWhatThePageShows()
    {
        WarrantyTerm works = WarrantyPhrases.ParseTerm("工程验收日或开始投入使用时起一年", id: "works");
        var office = BusinessCalendar.FiveByEight(Zone, HolidaySets.ChinaMainland);
        WarrantyPolicy read = WarrantyPhrases.Parse("""
            terminal（硬件）：安装调试合格证书签署后第二日起12个月
            重复故障：同一质量问题连续修理两次后仍无法正常使用的，更换同品牌同型号的新设备
            修理时限：收到产品后2个工作日内（按“office”日历）
            """, Zone, new Dictionary<string, BusinessCalendar> { ["office"] = office });

        AssertShown(works + "\n" + WarrantyPhrases.Render(works, Language.Chinese) + "\n" + WarrantyPhrases.Render(read, Language.English));
    }

    [Fact]
    public void TheErrors_AreThoseThePageShows()
    {
        var note = Assert.Throws<FormatException>(() => WarrantyPhrases.ParseTerm("terminal（硬件）：验收之日起12个月（保修期很长）"));
        var twice = Assert.Throws<FormatException>(() => WarrantyPhrases.Parse("terminal:验收之日起1年\n修理时限:收到产品后72小时内\n修理时限:收到产品后48小时内", Zone));

        AssertShown(note.Message + "\n" + twice.Message);
    }

    [Fact]
    public void TheTableOfLines_IsWhatRenderWrites()
    {
        var office = BusinessCalendar.FiveByEight(Zone, HolidaySets.ChinaMainland);
        var builder = new WarrantyPolicyBuilder(Zone)
            .AddCalendar("office", office)
            .AddTerm(WarrantyTerm.For("car", Period.FromYears(2)).Covering(ComponentClass.Of("vehicle"))
                .From(WarrantyStart.LatestOf(StartEvents.Invoice, StartEvents.Delivery)).WithUsageLimit("km", 50000)
                .WithShare(CostType.Labour, 1, Period.FromYears(1)).AddingRepairTime().RestartingOnReplacement(false))
            .AddTerm(WarrantyTerm.For("spareParts", Period.FromYears(10)).OfKind(WarrantyTermKind.SparePartsSupply).From(WarrantyStart.On(StartEvents.Purchase)))
            .UseBuiltInExclusions("disaster", "misuse")
            .AddExclusion(Exclusion.Define("water", ExclusionConsequence.NotCovered, "liquid damage", "liquid", "spill"))
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2).OfSafetyFaultsOnly().InARow(false).Within("car").Giving(Remedy.Exchange).AllowingReturn())
            .AddRepairTimeRule(RepairTimeRule.MoreThanDays(35).Within("car").AllowingReturn())
            .AddWindow(RemedyWindow.ReturnOnFailure(ServiceTarget.OfPeriod(Period.FromDays(60)), WarrantyStart.On(StartEvents.Invoice))
                .ForProblems("engine", "transmission").WithUsageLimit("km", 3000))
            .AddWindow(RemedyWindow.ExchangeOnFailure(ServiceTarget.WorkingDays(15), WarrantyStart.On(StartEvents.Received)).OnCalendar("office"))
            .SetRemedyDeadline(Remedy.Exchange, ServiceTarget.WorkingDays(5), "office");
        builder.ReplacementOnRequest = true;
        builder.ExchangeWhenUnrepairable = false;
        builder.NewPartsOnly = true;
        builder.MagneticMediaOnSite = true;
        builder.PaidService = new PaidServiceTerms(300, true, true);
        var policy = builder.Build();

        string[] chinese = WarrantyPhrases.Render(policy, Language.Chinese).Split('\n');
        string[] english = WarrantyPhrases.Render(policy, Language.English).Split('\n');
        Assert.Equal(chinese.Length, english.Length);
        for (int i = 0; i < chinese.Length; i++)
        {
            Assert.Contains($"| `{chinese[i]}` | `{english[i]}` |", Section(), StringComparison.Ordinal);
        }
    }
}
