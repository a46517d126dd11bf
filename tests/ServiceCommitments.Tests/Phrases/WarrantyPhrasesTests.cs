using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Phrases;
using ServiceCommitments.Targets;
using ServiceCommitments.Testing;
using ServiceCommitments.Warranty;
using Xunit;

namespace ServiceCommitments.Tests.Phrases;

/// <summary>Warranty terms and policies as the sentences a contract prints, in both languages, and back to the same terms and rules.</summary>
public sealed class WarrantyPhrasesTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static readonly BusinessCalendar Office = BusinessCalendar.FiveByEight(Shanghai, HolidaySets.ChinaMainland);

    // ------------------------------------------------------------------ the sentences

    [Fact]
    public void Render_TheCatalogueTerms_AsTheContractPrintsThem()
    {
        var policy = CommitmentTemplates.Load("d3-warranty").Warranty!;

        Assert.Equal(
            """
            terminal(硬件):安装调试合格证书签署后第二日起12个月
            backEnd(软件):验收后第二日起1年
            delivery(整体交付):验收之日起3年
            support:交付之日后3年内免费技术支持
            upgrades:交付之日后3年内免费软件升级
            spareParts:购买之日后10年内供应
            除外责任:全部内置条款
            重复故障:因同一质量问题连续修理2次后再次出现故障的,更换同品牌同型号的新设备
            保修期内无法修复的,调换同型号或同等价值的产品
            无理由退货:收到商品之日起7日内
            修理时限:收到产品后72小时内
            更换的零部件均为全新未使用的,客户书面同意的除外
            磁介质在客户现场维修,不带离现场
            有偿服务:保修期外终身提供有偿服务,备件按成本价收费,价格不高于投标价,每次上门服务费300
            """.ReplaceLineEndings("\n"),
            WarrantyPhrases.Render(policy, Language.Chinese));
        Assert.Equal(
            """
            terminal (hardware): 12 months from the day after acceptanceSigned
            backEnd (software): 1 year from the day after acceptance
            delivery (whole delivery): 3 years from the day of acceptance
            support: free technical support for 3 years from the day after delivery
            upgrades: free software upgrades for 3 years from the day after delivery
            spareParts: spare parts supplied for 10 years from the day after purchase
            Built-in exclusions: all
            Repeat failure: after 2 repairs in a row of the same problem: replacement
            A product that cannot be repaired within the warranty is exchanged for the same model or one of equal value
            Return without reason, counted from received: within a period of 7 days
            Deadline for repair, counted from receipt: within 72 hours
            Replacement parts are new and unused unless the customer agreed in writing
            Magnetic media are repaired on the customer's site and never taken away
            Paid service: for life after the warranty, parts at cost, never above the bid price, a visit fee of 300
            """.ReplaceLineEndings("\n"),
            WarrantyPhrases.Render(policy, Language.English));
    }

    [Fact]
    public void Render_EveryOptionOfATerm_InBothLanguages()
    {
        var term = WarrantyTerm.For("car", Period.FromYears(2))
            .Covering(ComponentClass.Of("vehicle"), ComponentClass.Of("电池"))
            .From(WarrantyStart.LatestOf(StartEvents.Invoice, StartEvents.Delivery))
            .WithUsageLimit("km", 50000)
            .WithShare(CostType.Labour, 1, Period.FromYears(1))
            .WithLifetimeShare(CostType.Parts, 0.5m)
            .WithShare(CostType.Travel, 0)
            .AddingRepairTime()
            .ExtendedAfterRepair(Period.FromDays(90), RepairExtensionMode.FromEachRepair)
            .RestartingOnReplacement(false)
            .Transferable(false)
            .WithPresumption(Period.FromYears(1));

        Assert.Equal(
            "car(vehicle、“电池”):开具发票或交付时起(以后到者为准)2年或50000km(以先到者为准)(人工费由供方承担100%,期限1年)(备件费由供方承担50%,终身)(差旅费由供方承担0%)" +
            "(扣除修理占用和无零配件待修的时间)(每次修理后至少保修90日)(更换后不重新计算)(所有权转让后终止)(1年内推定交付时已存在质量问题)",
            WarrantyPhrases.Render(term, Language.Chinese));
        Assert.Equal(
            "car (vehicle, \"电池\"): 2 years or 50000 km, whichever comes first from the day after the latest of invoice and delivery (supplier pays 100% of labour for 1 year; " +
            "supplier pays 50% of parts for life; supplier pays 0% of travel; time in repair is added back; each repair is covered for 90 days from its date; " +
            "a replacement does not restart it; ends when the owner changes; a lack of conformity within 1 year is presumed to have existed at delivery)",
            WarrantyPhrases.Render(term, Language.English));
        Assert.Equal(Facts(term), Facts(WarrantyPhrases.ParseTerm(WarrantyPhrases.Render(term, Language.Chinese))));
        Assert.Equal(Facts(term), Facts(WarrantyPhrases.ParseTerm(WarrantyPhrases.Render(term, Language.English))));
    }

    public static TheoryData<string, string?, string> CatalogueTerms() => new()
    {
        // D3.1-D3.7 as the catalogue writes them; a line without its own label takes the id given.
        { "安装调试合格证书签署后第二日起的12个月", "terminal", "terminal|Coverage||P12M|On:acceptanceSigned|False|||False||ExtendOnce|True|True|" },
        { "终端硬件:安装调试合格证书签署后第二日起12个月", null, "终端硬件|Coverage||P12M|On:acceptanceSigned|False|||False||ExtendOnce|True|True|" },
        { "backEnd(软件):验收后1年", null, "backEnd|Coverage|software|P1Y|On:acceptance|False|||False||ExtendOnce|True|True|" },
        { "整体交付:验收之日起3年", null, "整体交付|Coverage||P3Y|On:acceptance|True|||False||ExtendOnce|True|True|" },
        { "自验收之日起三年", "delivery", "delivery|Coverage||P3Y|On:acceptance|True|||False||ExtendOnce|True|True|" },
        { "工程验收日或开始投入使用时起一年", "early", "early|Coverage||P1Y|EarliestOf:acceptance,firstUse|False|||False||ExtendOnce|True|True|" },
        { "工程验收日或开始投入使用时起(以先到者为准)1年", "early", "early|Coverage||P1Y|EarliestOf:acceptance,firstUse|False|||False||ExtendOnce|True|True|" },
        { "purchase: 1 year from the day after purchase", null, "purchase|Coverage||P1Y|On:purchase|False|||False||ExtendOnce|True|True|" },
        { "交付后3年内免费技术支持", "support", "support|TechnicalSupport||P3Y|On:delivery|False|||False||ExtendOnce|True|True|" },
        { "support: free technical support for 3 years from the day after delivery", null, "support|TechnicalSupport||P3Y|On:delivery|False|||False||ExtendOnce|True|True|" },
        { "交付后3年内免费软件升级", "upgrades", "upgrades|Upgrades||P3Y|On:delivery|False|||False||ExtendOnce|True|True|" },
        { "备件:购买之日后10年内供应", null, "备件|SparePartsSupply||P10Y|On:purchase|False|||False||ExtendOnce|True|True|" },
        { "售出后终身保修", "forever", "forever|Coverage||lifetime|On:purchase|False|||False||ExtendOnce|True|True|" },
        // 三包: "2 years or 50,000 km, whichever comes first, from the later of invoice and delivery".
        { "sanbao:开具发票和交付时起(以后到者为准)2年或50000km(以先到者为准)", null, "sanbao|Coverage||P2Y|LatestOf:invoice,delivery|False|km 50000||False||ExtendOnce|True|True|" },
    };

    [Theory]
    [MemberData(nameof(CatalogueTerms))]
    public void ParseTerm_ReadsTheCataloguePhrasing(string sentence, string? id, string facts) =>
        Assert.Equal(facts, Facts(WarrantyPhrases.ParseTerm(sentence, id)));

    [Fact]
    public void Parse_ReadsTheCatalogueRules()
    {
        var policy = WarrantyPhrases.Parse(
            """
            terminal(硬件):安装调试合格证书签署后第二日起12个月
            重复故障:同一质量问题连续修理两次后仍无法正常使用的,更换同品牌同型号的新设备
            无理由退货:购买之日起七个自然日内
            修理时限:收到产品后72小时内
            有偿服务:保修期外终身提供有偿服务,备件按成本价收费,价格不高于投标价,每次上门服务费300
            更换的零部件均为全新未使用的,客户书面同意的除外
            """,
            Shanghai);

        Assert.Equal("after 2 repairs in a row of the same problem: replacement", Assert.Single(policy.RepeatFailureRules).ToString());
        var window = Assert.Single(policy.Windows);
        Assert.Equal((WindowKind.ReturnWithoutReason, ServiceTarget.CalendarDays(7), StartEvents.Purchase), (window.Kind, window.Target, window.From.ToString()));
        Assert.Equal(ServiceTarget.Elapsed(Duration.FromHours(72)), policy.RemedyDeadlines[Remedy.Repair]);
        Assert.Equal(new PaidServiceTerms(300, true, true), policy.PaidService);
        Assert.True(policy.NewPartsOnly);
        Assert.True(policy.ExchangeWhenUnrepairable);
        Assert.Null(policy.BuiltInExclusionIds);
    }

    [Theory]
    [InlineData("terminal(硬件):验收后第二日起十二个星期期")]              // a word after the period
    [InlineData("后台软件:1年")]                                          // D3.2 says no start
    [InlineData("terminal(硬件):尽快")]                                   // no start, no period
    [InlineData("terminal(硬件):验收之日起")]                              // no period
    [InlineData("terminal(硬件):验收之日起0个月")]                         // a period of no time
    [InlineData("terminal(硬件):验收之日起12个月(保修期很长)")]             // an unknown note
    [InlineData("terminal(硬件):验收之日起12个月(人工费由供方承担150%)")]   // a share above 100%
    [InlineData("terminal (hardware): 12 months from the day after")]    // no event
    [InlineData("terminal (hardware): a dozen months from the day after acceptance")]
    [InlineData("terminal (hardware): 12 months from the day after acceptance (supplier pays most of labour)")]
    [InlineData("terminal (hardware): 12 months or lots of km, whichever comes first from the day after acceptance")]
    [InlineData("12 months from the day after acceptance")]              // no id
    [InlineData("terminal(硬件):验收之日起12个月(更换后不重新计算)(更换后重新计算)")]   // two notes on one thing: which holds?
    [InlineData("terminal(硬件):验收之日起12个月(人工费由供方承担50%)(人工费由供方承担100%)")]
    [InlineData("terminal (hardware): 12 months from the day of acceptance (supplier pays 50% of labour; supplier pays 100% of labour)")]
    [InlineData("terminal(硬件):验收之日起12个月(人工费由供方承担50%")]    // a parenthesis not closed
    [InlineData("terminal (hardware): 12 months from the day of")]       // no event
    [InlineData("terminal (hardware): 12 months from the day of acceptance and more")]
    [InlineData("sanbao:开具发票和交付时起2年")]                               // 和: the earlier or the later of the two?
    public void ParseTerm_RejectsWhatItDoesNotUnderstand_QuotingIt(string sentence)
    {
        var e = Assert.Throws<FormatException>(() => WarrantyPhrases.ParseTerm(sentence));
        Assert.Contains($"\"{sentence}\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTerm_ReadsXHouAsTheCivilCodeDoes_NotCountingTheDayOfX()
    {
        // "X后12个月": the day of X is not counted, as the Civil Code counts periods.
        Assert.False(WarrantyPhrases.ParseTerm("terminal(硬件):安装调试合格证书签署后12个月").CountsStartDay);
        Assert.True(WarrantyPhrases.ParseTerm("terminal(硬件):安装调试合格证书签署之日起12个月").CountsStartDay);
    }

    [Theory]
    [InlineData("重复故障:修理很多次以后,更换")]
    [InlineData("重复故障:因同一质量问题连续修理2次后再次出现故障的,退款")]
    [InlineData("修理时间:累计修理时间超过一个月的,调换同型号或同等价值的产品")]
    [InlineData("无理由退货:收到商品后第二日起7日内")]
    [InlineData("无理由退货:收到商品之日起尽快")]
    [InlineData("修理时限:收到产品后2个工作日内(按“factory”日历)")]
    [InlineData("修理时限:收到产品后2个工作日内")]
    [InlineData("除外责任:“no such exclusion”")]
    [InlineData("有偿服务:保修期外终身提供有偿服务,免费")]
    [InlineData("Repeat failure: after two or three repairs: replacement")]
    [InlineData("Deadline for repair, counted from receipt: soon")]
    [InlineData("Paid service: for life after the warranty, cheap")]
    [InlineData("Return without reason, counted from received, on the \"factory\" calendar: within 7 calendar days")]
    public void Parse_RejectsWhatItDoesNotUnderstand_QuotingIt(string sentence)
    {
        var e = Assert.Throws<FormatException>(() => WarrantyPhrases.Parse("terminal(硬件):验收之日起1年\n" + sentence, Shanghai));
        Assert.Contains($"\"{sentence}\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("terminal（硬件）： 验收之日起 12 个月（保修期很长）")]      // full-width punctuation and spaces, as a contract is typed
    [InlineData("  terminal (hardware): 12 months from the day of acceptance (supplier pays 50% of labour for 1 year; time in repair is added back; a repair extends it once by 3 months; guaranteed)  ")]
    public void ParseTerm_QuotesTheSentenceAsWritten_Whole(string sentence)
    {
        var e = Assert.Throws<FormatException>(() => WarrantyPhrases.ParseTerm(sentence));
        Assert.Contains($"\"{sentence.Trim()}\"", e.Message, StringComparison.Ordinal);
        var p = Assert.Throws<FormatException>(() => WarrantyPhrases.Parse("delivery:验收之日起3年\n" + sentence, Shanghai));
        Assert.Contains($"\"{sentence.Trim()}\"", p.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> PoliciesThatDoNotHoldTogether() => new()
    {
        // text, the sentence the message must quote, what it must say
        { "terminal:验收之日起1年\nterminal:购买之日起2年", "terminal:购买之日起2年", "a term id is unique in a policy" },
        { "support:交付之日后3年内免费技术支持\n重复故障:在support有效期内,因同一质量问题连续修理2次后再次出现故障的,更换同品牌同型号的新设备",
          "重复故障:在support有效期内,因同一质量问题连续修理2次后再次出现故障的,更换同品牌同型号的新设备", "a rule applies within a coverage term" },
        { "terminal (hardware): 1 year from the day of acceptance\nRepair time: more than 30 days in repair in total within backEnd: exchange",
          "Repair time: more than 30 days in repair in total within backEnd: exchange", "expected the id of a term of the policy" },
        { "terminal:验收之日起1年\n修理时限:收到产品后72小时内\n修理时限:收到产品后48小时内", "修理时限:收到产品后48小时内", "修理时限:收到产品后72小时内" },
        { "terminal:验收之日起1年\n保修期内无法修复的,调换同型号或同等价值的产品\n无法修复的不予调换", "无法修复的不予调换", "whether a product that cannot be repaired is exchanged" },
        { "terminal:验收之日起1年\n除外责任:全部内置条款\n除外责任:无", "除外责任:无", "which built-in exclusions apply" },
        { "terminal:验收之日起1年\n除外责任:disaster、misuse垃圾", "除外责任:disaster、misuse垃圾", "\"垃圾\" is not understood" },
        { "terminal:验收之日起1年\n除外责任:无disaster", "除外责任:无disaster", "expected the ids of built-in exclusions" },
        { "terminal:验收之日起1年\nBuilt-in exclusions: disaster, disaster", "Built-in exclusions: disaster, disaster", "named twice" },
        { "terminal:验收之日起1年\nRepeat failure: after 0 repairs: replacement", "Repeat failure: after 0 repairs: replacement", "1 to 1,000 repairs" },
        { "terminal:验收之日起1年\n另行除外:water(liquid):不予保修\n另行除外:flood(liquid):不予保修", "另行除外:flood(liquid):不予保修", "a cause triggers one exclusion only" },
        { "terminal:验收之日起1年\n另行除外:disaster(burn):不予保修", "另行除外:disaster(burn):不予保修", "an exclusion id is unique in a policy" },
        { "terminal:验收之日起1年\n另行除外:water(flood):不予保修", "另行除外:water(flood):不予保修", "it already triggers 'disaster'" },
        { "terminal:验收之日起1年\n故障换货:购买之日起15日内(限问题a、a)", "故障换货:购买之日起15日内(限问题a、a)", "a problem code may be named once" },
        { "terminal:验收之日起1年\n故障换货:购买之日起15日内(限问题a、b)(限问题c)", "故障换货:购买之日起15日内(限问题a、b)(限问题c)", "names its problem codes once" },
        { "修理时限:收到产品后72小时内", "修理时限:收到产品后72小时内", "no term and no return or exchange window" },
    };

    [Theory]
    [MemberData(nameof(PoliciesThatDoNotHoldTogether))]
    public void Parse_RejectsLinesThatDoNotHoldTogether_QuotingTheSentence(string text, string sentence, string problem)
    {
        var e = Assert.Throws<FormatException>(() => WarrantyPhrases.Parse(text, Shanghai));
        Assert.Contains($"\"{sentence}\"", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ACalendarNamedOrTheOnlyOneGiven()
    {
        var calendars = new Dictionary<string, BusinessCalendar> { ["office"] = Office };
        // A deadline alone is no policy (a policy has a term or a window); each text gives the term it belongs to.
        var named = WarrantyPhrases.Parse("terminal(硬件):验收之日起1年\n修理时限:收到产品后2个工作日内(按“office”日历)", Shanghai, calendars);
        var only = WarrantyPhrases.Parse("terminal (hardware): 1 year from the day of acceptance\nDeadline for repair, counted from receipt: within 2 working days", Shanghai, calendars);

        Assert.Equal("office", named.DeadlineEntries[Remedy.Repair].CalendarName);
        Assert.Equal("office", only.DeadlineEntries[Remedy.Repair].CalendarName);
        Assert.Same(Office, only.Calendars["office"]);
    }

    // ------------------------------------------------------------------ round trips

    public static TheoryData<string> WarrantyFiles() => new(
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "conformance"), "warranty-*.json").Order(StringComparer.Ordinal).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(WarrantyFiles))]
    public void RenderThenParse_GivesTheSamePolicyAndDecisions_ForEveryConformanceFile(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "conformance", file)))!.AsObject();
        WarrantyPolicy policy;
        if (root["warranty"] is JsonValue id)
        {
            policy = WarrantyRuleSets.Load(id.GetValue<string>());
        }
        else
        {
            var document = root["warranty"]!.DeepClone().AsObject();
            if (root["calendars"] is { } calendars)
            {
                document["calendars"] = calendars.DeepClone();
            }

            policy = WarrantyDocument.Parse(document.ToJsonString());
        }

        AssertRoundTrip(policy);

        // The same decisions: the file's cases, run against the policy read back from its sentences.
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var parsed = WarrantyPhrases.Parse(WarrantyPhrases.Render(policy, language), policy.Zone, policy.Calendars);
            var again = root.DeepClone().AsObject();
            again.Remove("calendars");
            again["warranty"] = JsonNode.Parse(WarrantyDocument.Write(parsed));
            var results = ConformanceFile.Parse(again.ToJsonString()).Run();
            Assert.NotEmpty(results);
            Assert.All(results, r => Assert.True(r.Passed, $"{language}: {r}"));
        }
    }

    public static TheoryData<string> RuleSets() => new(WarrantyRuleSets.Ids);

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void RenderThenParse_GivesTheSamePolicy_ForEveryShippedRuleSet(string id) => AssertRoundTrip(WarrantyRuleSets.Load(id));

    public static TheoryData<string> Templates() => new(CommitmentTemplates.Names.Where(n => CommitmentTemplates.Load(n).Warranty is not null));

    [Theory]
    [MemberData(nameof(Templates))]
    public void RenderThenParse_GivesTheSamePolicy_ForEveryTemplate(string name) => AssertRoundTrip(CommitmentTemplates.Load(name).Warranty!);

    [Property(MaxTest = 500)]
    public Property RenderThenParse_GivesTheSameTerm() =>
        Prop.ForAll(RandomTerms().ToArbitrary(), term =>
            Facts(WarrantyPhrases.ParseTerm(WarrantyPhrases.Render(term, Language.Chinese))) == Facts(term) &&
            Facts(WarrantyPhrases.ParseTerm(WarrantyPhrases.Render(term, Language.English))) == Facts(term));

    [Property(MaxTest = 200)]
    public Property RenderThenParse_GivesTheSamePolicy() =>
        Prop.ForAll(RandomPolicies().ToArbitrary(), policy =>
        {
            AssertRoundTrip(policy);
            return true;
        });

    /// <summary>
    /// Render, then parse with the policy's zone and calendars: the same terms and rules (every property, compared as
    /// text), and the same warranty document (numbers compared by value: 24691.0 is 24691).
    /// </summary>
    private static void AssertRoundTrip(WarrantyPolicy policy)
    {
        var expected = Facts(policy);
        string document = WarrantyDocument.Write(policy);
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            string text = WarrantyPhrases.Render(policy, language);
            var parsed = WarrantyPhrases.Parse(text, policy.Zone, policy.Calendars);
            Assert.True(expected.SequenceEqual(Facts(parsed)), $"{language}:\n{text}\nexpected:\n{string.Join("\n", expected)}\nparsed:\n{string.Join("\n", Facts(parsed))}");
            string written = WarrantyDocument.Write(parsed);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(document), JsonNode.Parse(written)), $"{language}:\n{text}\nexpected:\n{document}\nparsed:\n{written}");
        }
    }

    // ------------------------------------------------------------------ what cannot be written

    private static readonly WarrantyTerm Terminal = WarrantyTerm.For("terminal", Period.FromYears(1)).Covering(ComponentClass.Hardware).From(WarrantyStart.On(StartEvents.Acceptance));

    public static TheoryData<string, string, string> Unwritable() => new()
    {
        // case, the part the message names, why
        { "a term without a start", "term \"noStart\"", "it has no start" },
        { "a line break in a term id", "the term \"two\nlines\"", "has a line break" },
        { "a line break in a component", "the term \"terminal\"", "has a line break" },
        { "a line break in an exclusion's clause", "the exclusion \"water\"", "has a line break" },
        { "a line break in a problem code", "window 1 (exchangeOnFailure)", "has a line break" },
        { "a line break in a calendar name", "the repair deadline", "has a line break" },
        { "a window on a calendar the policy does not name", "window 1 (returnOnFailure)", "not among the policy's named calendars" },
        { "a deadline on a calendar the policy does not name", "the exchange deadline", "not among the policy's named calendars" },
        { "a deadline of a second and a half", "the repair deadline", "has no phrase that reads back to it" },
        { "a window of 90 working seconds", "window 1 (returnWithoutReason)", "has no phrase that reads back to it" },
    };

    private static WarrantyPolicy UnwritablePolicy(string name)
    {
        var builder = new WarrantyPolicyBuilder(Shanghai).AddTerm(Terminal);
        var exchange = RemedyWindow.ExchangeOnFailure(ServiceTarget.CalendarDays(15), WarrantyStart.On(StartEvents.Purchase));
        switch (name)
        {
            case "a term without a start":
                // A policy checks that its terms have a start; a term is rendered alone too, and the same check applies.
                throw new InvalidOperationException("rendered as a term");
            case "a line break in a term id":
                builder.AddTerm(WarrantyTerm.For("two\nlines", Period.FromYears(1)).From(WarrantyStart.On(StartEvents.Acceptance)));
                break;
            case "a line break in a component":
                builder.ReplaceTerm(Terminal.Covering(ComponentClass.Of("main\nboard")));
                break;
            case "a line break in an exclusion's clause":
                builder.AddExclusion(Exclusion.Define("water", ExclusionConsequence.NotCovered, "liquid damage:\nspills and leaks", "liquid"));
                break;
            case "a line break in a problem code":
                builder.AddWindow(exchange.ForProblems("engine\nfailure"));
                break;
            case "a line break in a calendar name":
                builder.AddCalendar("office\nhours", Office).SetRemedyDeadline(Remedy.Repair, ServiceTarget.WorkingDays(2), "office\nhours");
                break;
            case "a window on a calendar the policy does not name":
                builder.AddWindow(RemedyWindow.ReturnOnFailure(ServiceTarget.WorkingDays(7), WarrantyStart.On(StartEvents.Purchase)).OnCalendar(Office));
                break;
            case "a deadline on a calendar the policy does not name":
                builder.SetRemedyDeadline(Remedy.Exchange, ServiceTarget.WorkingDays(2), Office);
                break;
            case "a deadline of a second and a half":
                builder.SetRemedyDeadline(Remedy.Repair, ServiceTarget.Elapsed(Duration.FromMilliseconds(1500)));
                break;
            case "a window of 90 working seconds":
                builder.AddCalendar("office", Office).AddWindow(
                    RemedyWindow.ReturnWithoutReason(ServiceTarget.WorkingTime(Duration.FromSeconds(90)), WarrantyStart.On(StartEvents.Received)).OnCalendar("office"));
                break;
        }

        return builder.Build();
    }

    [Theory]
    [MemberData(nameof(Unwritable))]
    public void Render_WhatCannotBeWrittenAsSentences_IsAnArgumentExceptionNamingThePart(string name, string part, string why)
    {
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var e = name == "a term without a start"
                ? Assert.Throws<ArgumentException>(() => WarrantyPhrases.Render(WarrantyTerm.For("noStart", Period.FromYears(1)), language))
                : Assert.Throws<ArgumentException>(() => WarrantyPhrases.Render(UnwritablePolicy(name), language));
            Assert.Contains(part, e.Message, StringComparison.Ordinal);
            Assert.Contains(why, e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Language.Chinese)]
    [InlineData(Language.English)]
    public void Render_ATermThatBreaksARule_IsAnArgumentException_ForItsSentenceWouldNotBeRead(Language language)
    {
        var e = Assert.Throws<ArgumentException>(() => WarrantyPhrases.Render(Terminal.WithShare(CostType.Labour, 1.5m), language));
        Assert.Contains("The term \"terminal\" cannot be written as a sentence", e.Message, StringComparison.Ordinal);
        Assert.Contains("a share is the supplier's part of a cost", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345678901234567890.123456789")]   // 29 digits: as many as a decimal keeps
    [InlineData("0.0000000000000000000000000001")]   // 28 places
    [InlineData("79228162514264337593543950335")]    // the largest decimal
    public void RenderThenParse_KeepsEveryDigitOfANumber(string number)
    {
        decimal value = decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        var term = Terminal.WithUsageLimit("km", value);
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            Assert.Equal(value, WarrantyPhrases.ParseTerm(WarrantyPhrases.Render(term, language)).UsageLimit!.Value.Limit);
        }

        var paid = new WarrantyPolicyBuilder(Shanghai) { PaidService = new PaidServiceTerms(value, false, false) }.AddTerm(Terminal).Build();
        AssertRoundTrip(paid);
    }

    [Theory]
    [InlineData("terminal (hardware): 1 year or 0.00000000000000000000000000001 km, whichever comes first from the day of acceptance")]   // 29 places: a decimal would round it
    [InlineData("terminal (hardware): 1 year or 79228162514264337593543950336 km, whichever comes first from the day of acceptance")]    // above the largest decimal
    public void ParseTerm_ANumberADecimalCannotHold_IsNotUnderstood_NotRounded(string sentence)
    {
        var e = Assert.Throws<FormatException>(() => WarrantyPhrases.ParseTerm(sentence));
        Assert.Contains($"\"{sentence}\"", e.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ facts

    /// <summary>What a term says, as text: every property, periods as ISO text.</summary>
    internal static string Facts(WarrantyTerm t) =>
        $"{t.Id}|{t.Kind}|{string.Join(",", t.Covers)}|{(t.Period is { } p ? p.ToString() : "lifetime")}|{t.Start?.Rule}:{string.Join(",", t.Start?.Names ?? [])}|{t.CountsStartDay}|" +
        $"{(t.UsageLimit is { } u ? $"{u.Quantity} {u.Limit:0.####}" : "")}|" +
        $"{string.Join(",", t.Shares.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value.Share:0.####}/{(s.Value.IsLifetime ? "life" : s.Value.Period?.ToString())}"))}|" +
        $"{t.AddsRepairTime}|{t.RepairExtension}|{(t.RepairExtension is null ? RepairExtensionMode.ExtendOnce : t.RepairExtensionMode)}|{t.RestartsOnReplacement}|{t.IsTransferable}|{t.Presumption}";

    /// <summary>What a policy says, as lines of text: every term and rule, calendars by name.</summary>
    private static List<string> Facts(WarrantyPolicy policy)
    {
        var facts = policy.Terms.Select(Facts).ToList();
        facts.Add("builtIn " + (policy.BuiltInExclusionIds is { } ids ? string.Join(",", ids) : "all"));
        facts.AddRange(policy.CustomExclusions.Select(e => $"exclusion {e.Id} {string.Join(",", e.Causes)} {e.Consequence} [{e.Clause}]"));
        facts.AddRange(policy.RepeatFailureRules.Select(r => $"repeat {r.Repairs} {r.Consecutive} {r.SameProblem} {r.SafetyOnly} {r.Remedy} {r.AllowsReturn} {r.WithinTerm}"));
        facts.AddRange(policy.RepairTimeRules.Select(r => $"repairTime {r.Days} {r.Cumulative} {r.Remedy} {r.AllowsReturn} {r.WithinTerm}"));
        facts.AddRange(policy.Windows.Select(w =>
            $"window {w.Kind} {w.Target} {w.From.Rule}:{string.Join(",", w.From.Names)} {CalendarName(policy, w.CalendarName, w.Calendar)} {string.Join(",", w.Problems)} {w.UsageLimit}"));
        facts.AddRange(policy.DeadlineEntries.OrderBy(d => d.Key).Select(d => $"deadline {d.Key} {d.Value.Target} {CalendarName(policy, d.Value.CalendarName, d.Value.Calendar)}"));
        facts.Add($"flags {policy.ReplacementOnRequest} {policy.ExchangeWhenUnrepairable} {policy.NewPartsOnly} {policy.MagneticMediaOnSite} {policy.PaidService}");
        return facts;
    }

    private static string? CalendarName(WarrantyPolicy policy, string? name, BusinessCalendar? calendar) =>
        name ?? policy.Calendars.FirstOrDefault(p => ReferenceEquals(p.Value, calendar)).Key;

    // ------------------------------------------------------------------ random terms and policies

    // Names that look like the sentences' own words (除外责任, Return, 验收 as a name of the user's own, the, and, 整体) must read back as names.
    private static readonly string[] Ids = ["terminal", "backEnd", "t-2", "终端硬件", "a b", "say \"hi\"", "Exclusions", "Repeat", "x.y", "_", "除外责任", "Built-in exclusions", "Return", "“引号”"];
    private static readonly string[] Names = ["acceptance", "acceptanceSigned", "purchase", "invoice", "delivery", "installation", "firstUse", "received", "start", "开机", "go live", "验收", "the", "and"];
    private static readonly string[] Components = ["hardware", "software", "wholeDelivery", "camera", "电池", "a(b)", "whole", "硬件", "整体", "whole delivery"];

    private static Gen<Period> Periods(int min) =>
        Gen.Choose(0, 3).Zip(Gen.Choose(0, 14)).Zip(Gen.Choose(0, 3).Zip(Gen.Choose(0, 40)))
            .Select(p => Period.FromYears(p.Item1.Item1) + Period.FromMonths(p.Item1.Item2) + Period.FromWeeks(p.Item2.Item1) + Period.FromDays(p.Item2.Item2 + min));

    private static Gen<WarrantyStart> Starts() =>
        Gen.Choose(0, 5).Zip(Gen.SubListOf(Names).Where(n => n.Count > 0)).Select(p => p.Item1 switch
        {
            0 => WarrantyStart.EarliestOf([.. p.Item2]),
            1 => WarrantyStart.LatestOf([.. p.Item2]),
            _ => WarrantyStart.On(p.Item2[0]),
        });

    private static Gen<WarrantyTerm> RandomTerms() =>
        from id in Gen.Elements(Ids)
        from kind in Gen.Elements(WarrantyTermKind.Coverage, WarrantyTermKind.SparePartsSupply, WarrantyTermKind.TechnicalSupport, WarrantyTermKind.Upgrades)
        from covers in Gen.SubListOf(Components)
        from lifetime in Gen.Frequency((1, Gen.Constant(true)), (5, Gen.Constant(false)))
        from period in Periods(1)
        from start in Starts()
        from counted in Gen.Elements(true, false)
        from usage in Gen.Choose(0, 3)
        from shares in Gen.Choose(0, 7)
        from sharePeriod in Periods(1)
        from flags in Gen.Choose(0, 15)
        from extension in Gen.Choose(0, 2)
        from extensionPeriod in Periods(1)
        from presumption in Gen.Elements(true, false)
        select Build(id, kind, covers, lifetime, period, start, counted, usage, shares, sharePeriod, flags, extension, extensionPeriod, presumption);

    private static WarrantyTerm Build(
        string id, WarrantyTermKind kind, IList<string> covers, bool lifetime, Period period, WarrantyStart start, bool counted, int usage, int shares, Period sharePeriod,
        int flags, int extension, Period extensionPeriod, bool presumption)
    {
        var term = (lifetime ? WarrantyTerm.ForLifetime(id) : WarrantyTerm.For(id, period))
            .OfKind(kind).Covering([.. covers.Select(ComponentClass.Of)]).From(start).CountingTheStartDay(counted)
            .AddingRepairTime((flags & 1) != 0).RestartingOnReplacement((flags & 2) != 0).Transferable((flags & 4) != 0);
        if (usage > 0)
        {
            term = term.WithUsageLimit(usage == 1 ? "km" : usage == 2 ? "运行小时" : "hours", usage * 12_345.5m);
        }

        if ((shares & 1) != 0)
        {
            term = term.WithShare(CostType.Labour, 1, sharePeriod);
        }

        if ((shares & 2) != 0)
        {
            term = term.WithLifetimeShare(CostType.Parts, 0.25m);
        }

        if ((shares & 4) != 0)
        {
            term = term.WithShare(CostType.Travel, 0.333m);
        }

        if (extension > 0)
        {
            term = term.ExtendedAfterRepair(extensionPeriod, extension == 1 ? RepairExtensionMode.ExtendOnce : RepairExtensionMode.FromEachRepair);
        }

        return presumption ? term.WithPresumption(sharePeriod) : term;
    }

    private static Gen<ServiceTarget> Targets() =>
        Gen.OneOf(
            Gen.Choose(1, 200).Select(h => ServiceTarget.Elapsed(Duration.FromHours(h))),
            Gen.Choose(1, 30).Select(ServiceTarget.WorkingDays),
            Gen.Choose(1, 30).Select(d => ServiceTarget.CalendarDays(d).WithHolidayRule(d % 2 == 0 ? HolidayRule.NextWorkingDay : HolidayRule.None)),
            Gen.Choose(1, 60).Select(d => ServiceTarget.OfPeriod(Period.FromDays(d))),
            Gen.Choose(1, 40).Select(h => ServiceTarget.WorkingTime(Duration.FromHours(h))));

    private static Gen<WarrantyPolicy> RandomPolicies() =>
        from count in Gen.Choose(1, 3)
        from terms in Gen.ListOf(RandomTerms(), count)
        from ruleFlags in Gen.Choose(0, 255)
        from repairs in Gen.Choose(1, 5)
        from windowKind in Gen.Elements(WindowKind.ReturnWithoutReason, WindowKind.ReturnOnFailure, WindowKind.ExchangeOnFailure)
        from windowTarget in Targets()
        from windowStart in Starts()
        from deadline in Targets()
        from named in Gen.Elements(true, false)
        from builtIn in Gen.Choose(0, 2)
        from fee in Gen.Choose(-1, 500)
        from calendar in Gen.Elements("office", "办公 时间", "the \"night\" shift", "按")
        select Policy(terms, ruleFlags, repairs, windowKind, windowTarget, windowStart, deadline, named, builtIn, fee, calendar);

    private static WarrantyPolicy Policy(
        IList<WarrantyTerm> terms, int flags, int repairs, WindowKind kind, ServiceTarget windowTarget, WarrantyStart windowStart, ServiceTarget deadline, bool named, int builtIn, int fee,
        string calendar)
    {
        var builder = new WarrantyPolicyBuilder(Shanghai).AddCalendar(calendar, Office);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var added = terms.Where(t => ids.Add(t.Id)).ToList();
        foreach (var term in added)
        {
            builder.AddTerm(term);
        }

        // A rule may apply within a coverage term of the policy: one of the terms added, not one dropped for its id.
        string? coverage = added.FirstOrDefault(t => t.Kind == WarrantyTermKind.Coverage)?.Id;
        var repeat = RepeatFailureRule.AfterRepairs(repairs).InARow((flags & 1) != 0).OfSameProblem((flags & 2) != 0).OfSafetyFaultsOnly((flags & 4) != 0)
            .Giving((flags & 8) != 0 ? Remedy.Exchange : Remedy.Replacement).AllowingReturn((flags & 16) != 0);
        builder.AddRepeatFailureRule(coverage is not null && (flags & 32) != 0 ? repeat.Within(coverage) : repeat);
        builder.AddRepairTimeRule(RepairTimeRule.MoreThanDays(repairs * 7).AddingUp((flags & 64) != 0).Giving((flags & 8) != 0 ? Remedy.Replacement : Remedy.Exchange));
        var window = (kind switch
        {
            WindowKind.ReturnWithoutReason => RemedyWindow.ReturnWithoutReason(windowTarget, windowStart),
            WindowKind.ReturnOnFailure => RemedyWindow.ReturnOnFailure(windowTarget, windowStart),
            _ => RemedyWindow.ExchangeOnFailure(windowTarget, windowStart),
        }).ForProblems((flags & 1) != 0 ? ["engine", "制动"] : []);
        if ((flags & 4) != 0)
        {
            window = window.WithUsageLimit("km", 3000);
        }

        builder.AddWindow(named || windowTarget.NeedsWorkingDays ? window.OnCalendar(calendar) : window);
        if (named)
        {
            builder.SetRemedyDeadline(Remedy.Exchange, deadline, calendar);
        }
        else if (deadline.NeedsWorkingDays)
        {
            builder.SetRemedyDeadline(Remedy.Exchange, deadline, Office);
        }
        else
        {
            builder.SetRemedyDeadline(Remedy.Exchange, deadline);
        }

        if (builtIn == 1)
        {
            builder.UseBuiltInExclusions("disaster", "outOfScope");
        }
        else if (builtIn == 2)
        {
            builder.UseBuiltInExclusions();
        }

        builder.AddExclusion(Exclusion.Define("water", ExclusionConsequence.NotCovered, (flags & 128) != 0 ? "liquid \"damage\" (“水”)" : "", "liquid", "溢出"));
        builder.ReplacementOnRequest = (flags & 2) != 0;
        builder.ExchangeWhenUnrepairable = (flags & 16) != 0;
        builder.NewPartsOnly = (flags & 32) != 0;
        builder.MagneticMediaOnSite = (flags & 64) != 0;
        builder.PaidService = new PaidServiceTerms(fee < 0 ? null : fee / 10m, (flags & 1) != 0, (flags & 128) != 0);
        return builder.Build();
    }
}
