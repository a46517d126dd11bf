using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Documents;
using ServiceCommitments.Warranty;
using Xunit;
using static ServiceCommitments.Tests.Warranty.W;

namespace ServiceCommitments.Tests.Documents.Warranty;

/// <summary>The shipped statutory rule sets: each loads, and each number does what its article says.</summary>
public sealed class WarrantyRuleSetTests
{
    [Fact]
    public void Ids_ListTheShippedRuleSets()
    {
        Assert.Equal(["cn-consumer-returns", "cn-household-car-2021", "cn-sanbao-1995", "eu-2019-771"], WarrantyRuleSets.Ids);
        foreach (string id in WarrantyRuleSets.Ids)
        {
            Assert.Same(WarrantyRuleSets.Load(id), WarrantyRuleSets.Load(id));
            Assert.Equal(WarrantyDocument.Parse(WarrantyRuleSets.GetDocument(id)).ToString(), WarrantyRuleSets.Load(id).ToString());
        }
    }

    [Fact]
    public void Load_Throws_ForAnUnknownId()
    {
        var error = Assert.Throws<ArgumentException>(() => WarrantyRuleSets.Load("cn-sanbao-2025"));
        Assert.Contains("cn-consumer-returns, cn-household-car-2021, cn-sanbao-1995, eu-2019-771", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => WarrantyRuleSets.GetDocument(null!));
    }

    [Theory]
    // SanBao 1995: sold and invoiced 2024-03-01. request, claim date, status, remedy
    [InlineData(ClaimRequest.Return, "2024-03-08", ClaimStatus.Covered, Remedy.Return)] // art. 9: 7 days
    [InlineData(ClaimRequest.Return, "2024-03-09", ClaimStatus.Expired, Remedy.Repair)]
    [InlineData(ClaimRequest.Exchange, "2024-03-16", ClaimStatus.Covered, Remedy.Exchange)] // art. 10: 15 days
    [InlineData(ClaimRequest.Exchange, "2024-03-17", ClaimStatus.Expired, Remedy.Repair)]
    [InlineData(ClaimRequest.Repair, "2025-03-01", ClaimStatus.Covered, Remedy.Repair)] // art. 8: one year from the invoice
    [InlineData(ClaimRequest.Repair, "2025-03-02", ClaimStatus.Expired, Remedy.PaidService)]
    public void SanBao1995_ReturnsExchangesAndRepairs(ClaimRequest request, string date, ClaimStatus status, Remedy remedy)
    {
        var decision = WarrantyRuleSets.Load("cn-sanbao-1995").Decide(Asset("tv", ("purchase", "2024-03-01"), ("invoice", "2024-03-01")), ClaimOn(date, request));
        Assert.Equal(status, decision.Status);
        Assert.Equal(remedy, decision.Remedy);
    }

    [Fact]
    public void SanBao1995_AddsRepairTimeBack_ExchangesAfterTwoRepairs_AndRestartsAfterTheExchange()
    {
        var policy = WarrantyRuleSets.Load("cn-sanbao-1995");
        var asset = Asset("tv", ("purchase", "2024-03-01"), ("invoice", "2024-03-01"))
            .WithRepair(Repair("2024-06-01", "picture", returned: "2024-06-21"))
            .WithRepair(Repair("2024-09-01", "sound", returned: "2024-09-11"));

        var afterTwo = policy.Decide(asset, ClaimOn("2024-12-01", ClaimRequest.Return, "picture"));
        var late = policy.Decide(asset, ClaimOn("2025-03-31", problem: "power"));
        var exchanged = asset.WithReplacement(D("2024-12-05"));

        Assert.Equal(Remedy.Return, afterTwo.Remedy); // art. 11: exchange or return
        Assert.Equal(D("2025-03-31"), late.CoveredUntil); // art. 8: 30 days in repair added back
        Assert.Equal(Remedy.Exchange, late.Remedy);
        Assert.Equal(D("2025-12-05"), policy.GetCoverage(exchanged, D("2025-06-01")).Until); // art. 14
        Assert.Equal(Remedy.Repair, policy.Decide(exchanged, ClaimOn("2025-06-01", problem: "picture")).Remedy);
    }

    [Theory]
    // Consumer Rights Protection Law: received 2024-06-01 (a Saturday). request, problem, date, status, remedy
    [InlineData(ClaimRequest.Return, null, "2024-06-08", ClaimStatus.Covered, Remedy.Return)] // art. 25
    [InlineData(ClaimRequest.Return, null, "2024-06-09", ClaimStatus.Expired, Remedy.PaidService)]
    [InlineData(ClaimRequest.Return, "screen", "2024-06-08", ClaimStatus.Covered, Remedy.Return)] // art. 24
    [InlineData(ClaimRequest.Repair, "screen", "2024-06-03", ClaimStatus.OutOfScope, Remedy.PaidService)] // no warranty term
    public void ConsumerReturns_ReturnWithinSevenDaysOfReceipt(ClaimRequest request, string? problem, string date, ClaimStatus status, Remedy remedy)
    {
        var decision = WarrantyRuleSets.Load("cn-consumer-returns").Decide(Asset("phone", ("received", "2024-06-01")), ClaimOn(date, request, problem));
        Assert.Equal(status, decision.Status);
        Assert.Equal(remedy, decision.Remedy);
    }

    [Fact]
    public void ConsumerReturns_RefundsWithinSevenDaysOfTheReturnedGoods()
    {
        var decision = WarrantyRuleSets.Load("cn-consumer-returns").Decide(
            Asset("phone", ("received", "2024-09-28")),
            new Claim(At("2024-10-01T10:00"), ClaimRequest.Return, received: At("2024-10-03T15:00")));
        Assert.Equal(Remedy.Return, decision.Remedy);
        Assert.Equal(At("2024-10-11T00:00"), decision.Due); // 24:00 of the 7th natural day, holidays included
    }

    [Theory]
    // household cars, invoiced 2024-01-10, delivered 2024-01-15. request, problem, km, date, status, remedy
    [InlineData(ClaimRequest.Return, "engine", 300, "2024-01-22", ClaimStatus.Covered, Remedy.Return)] // 7 days from delivery
    [InlineData(ClaimRequest.Return, "engine", 300, "2024-01-23", ClaimStatus.Expired, Remedy.Repair)]
    [InlineData(ClaimRequest.Exchange, "brakeFailure", 2900, "2024-03-15", ClaimStatus.Covered, Remedy.Exchange)] // 60 days or 3,000 km
    [InlineData(ClaimRequest.Exchange, "brakeFailure", 3100, "2024-03-15", ClaimStatus.Expired, Remedy.Repair)]
    [InlineData(ClaimRequest.Exchange, "brakeFailure", 2900, "2024-03-16", ClaimStatus.Expired, Remedy.Repair)]
    [InlineData(ClaimRequest.Repair, "radio", 55000, "2025-06-01", ClaimStatus.Covered, Remedy.Repair)] // 包修期: 60,000 km
    [InlineData(ClaimRequest.Repair, "radio", 60001, "2025-06-01", ClaimStatus.Expired, Remedy.PaidService)]
    [InlineData(ClaimRequest.Repair, "radio", 20000, "2027-01-15", ClaimStatus.Covered, Remedy.Repair)]
    [InlineData(ClaimRequest.Repair, "radio", 20000, "2027-01-16", ClaimStatus.Expired, Remedy.PaidService)]
    public void HouseholdCars2021_ApplyTheirPeriodsAndWindows(ClaimRequest request, string problem, int km, string date, ClaimStatus status, Remedy remedy)
    {
        var asset = Asset("vehicle", ("invoice", "2024-01-10"), ("delivery", "2024-01-15"));
        var decision = WarrantyRuleSets.Load("cn-household-car-2021").Decide(asset, ClaimOn(date, request, problem, usage: [new("km", km)]));
        Assert.Equal(status, decision.Status);
        Assert.Equal(remedy, decision.Remedy);
    }

    [Theory]
    // repairs (problem@date>returned, safety '!'), claim problem, safety, km, remedy
    [InlineData("brakes!@2024-03-01>2024-03-02;steering!@2024-05-01>2024-05-02", "airbag", true, 9000, Remedy.Exchange)] // art. 24(1)
    [InlineData("brakes!@2024-03-01>2024-03-02;steering!@2024-05-01>2024-05-02", "airbag", false, 9000, Remedy.Repair)]
    [InlineData("e@2024-03-01>2024-03-02;e@2024-04-01>2024-04-02;e@2024-05-01>2024-05-02;e@2024-06-01>2024-06-02", "e", false, 9000, Remedy.Exchange)] // art. 24(4)
    [InlineData("e@2024-03-01>2024-03-02;e@2024-04-01>2024-04-02;e@2024-05-01>2024-05-02", "e", false, 9000, Remedy.Repair)] // four is "more than 4" only at the fifth failure
    [InlineData("a@2024-03-01>2024-03-20;b@2024-05-01>2024-05-13", "c", false, 9000, Remedy.Exchange)] // art. 24(4): 31 days
    [InlineData("a@2024-03-01>2024-03-20;b@2024-05-01>2024-05-12", "c", false, 9000, Remedy.Repair)] // 30 days
    [InlineData("a@2024-03-01>2024-03-20;b@2024-05-01>2024-05-13", "c", false, 50001, Remedy.Repair)] // 三包有效期 over by km: only repair
    public void HouseholdCars2021_ExchangeAfterArticle24(string repairs, string problem, bool safety, int km, Remedy remedy)
    {
        var asset = Asset("vehicle", ("invoice", "2024-01-10"), ("delivery", "2024-01-15"));
        foreach (string repair in repairs.Split(';'))
        {
            var (name, rest) = (repair.Split('@')[0], repair.Split('@')[1]);
            asset = asset.WithRepair(Repair(rest.Split('>')[0], name.TrimEnd('!'), rest.Split('>')[1], safety: name.EndsWith('!')));
        }

        var decision = WarrantyRuleSets.Load("cn-household-car-2021").Decide(asset, ClaimOn("2024-07-01", problem: problem, safety: safety, usage: [new("km", km)]));
        Assert.Equal(remedy, decision.Remedy);
        Assert.Equal("repairWarranty", decision.Term!.Id);
    }

    [Theory]
    // EU 2019/771: delivered 2024-03-10. repairs, request, date, status, remedy, condition
    [InlineData("", ClaimRequest.Repair, "2025-03-10", ClaimStatus.Covered, Remedy.Repair, WarrantyCondition.PresumedAtDelivery)] // art. 11(1)
    [InlineData("", ClaimRequest.Repair, "2025-03-11", ClaimStatus.Covered, Remedy.Repair, WarrantyCondition.ConsumerMustProve)]
    [InlineData("", ClaimRequest.Replacement, "2025-06-01", ClaimStatus.Covered, Remedy.Replacement, WarrantyCondition.ConsumerMustProve)] // art. 13(2)
    [InlineData("", ClaimRequest.Repair, "2026-03-11", ClaimStatus.Expired, Remedy.PaidService, null)] // art. 10(1)
    [InlineData("2025-09-01", ClaimRequest.Repair, "2027-03-10", ClaimStatus.Covered, Remedy.Repair, WarrantyCondition.ConsumerMustProve)] // extended once by 12 months
    [InlineData("2025-09-01", ClaimRequest.Repair, "2027-03-11", ClaimStatus.Expired, Remedy.PaidService, null)]
    public void Eu2019771_CoversTwoYears_WithAPresumptionAndARepairExtension(string repair, ClaimRequest request, string date, ClaimStatus status, Remedy remedy, WarrantyCondition? condition)
    {
        var asset = Asset("hardware", ("delivery", "2024-03-10"));
        if (repair.Length > 0)
        {
            asset = asset.WithRepair(Repair(repair));
        }

        var decision = WarrantyRuleSets.Load("eu-2019-771").Decide(asset, ClaimOn(date, request));

        Assert.Equal(status, decision.Status);
        Assert.Equal(remedy, decision.Remedy);
        if (condition is { } c)
        {
            Assert.Contains(c, decision.Conditions);
        }
    }

    [Fact]
    public void RuleSet_CanBeChanged_ThroughItsBuilder()
    {
        var sanBao = WarrantyRuleSets.Load("cn-sanbao-1995");
        var mine = sanBao.ToBuilder().ReplaceTerm(sanBao.GetTerm("sanbao").WithPeriod(Period.FromYears(3))).Build();
        Assert.Equal(Period.FromYears(3), mine.GetTerm("sanbao").Period);
        Assert.Equal(Period.FromYears(1), WarrantyRuleSets.Load("cn-sanbao-1995").GetTerm("sanbao").Period);
        Assert.Equal(sanBao.Windows.Count, mine.Windows.Count);
    }
}
