using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Explanations;
using ServiceCommitments.Targets;
using ServiceCommitments.Warranty;
using Xunit;
using static ServiceCommitments.Tests.Warranty.W;

namespace ServiceCommitments.Tests.Warranty;

/// <summary>The steps of a decision: terms, windows, escalations, paid service, conditions and deadlines.</summary>
public sealed class ClaimDecisionTests
{
    private static WarrantyPolicyBuilder Builder(params WarrantyTerm[] terms)
    {
        var builder = new WarrantyPolicyBuilder(Shanghai);
        foreach (var term in terms)
        {
            builder.AddTerm(term);
        }

        return builder;
    }

    private static readonly Asset Terminal = Asset("hardware", ("acceptanceSigned", "2024-05-20"));

    [Theory]
    // claim date, status, remedy, reason
    [InlineData("2024-05-20", ClaimStatus.OutOfScope, Remedy.PaidService, DecisionReasonCode.NotStarted)]
    [InlineData("2024-05-21", ClaimStatus.Covered, Remedy.Repair, DecisionReasonCode.TermInForce)]
    [InlineData("2025-05-20", ClaimStatus.Covered, Remedy.Repair, DecisionReasonCode.TermInForce)]
    [InlineData("2025-05-21", ClaimStatus.Expired, Remedy.PaidService, DecisionReasonCode.PeriodEnded)]
    public void Decide_DecidesByTheTermsWindow(string date, ClaimStatus status, Remedy remedy, DecisionReasonCode reason)
    {
        var decision = Policy(Term("terminal", "P12M", "acceptanceSigned")).Decide(Terminal, ClaimOn(date));

        Assert.Equal(status, decision.Status);
        Assert.Equal(remedy, decision.Remedy);
        Assert.Equal(reason, decision.Reasons[0].Code);
        Assert.Equal(status != ClaimStatus.Covered, decision.Chargeable);
        Assert.Equal(D("2025-05-20"), decision.CoveredUntil);
        Assert.Equal(D("2024-05-21"), decision.CoveredFrom);
        Assert.Null(decision.Exclusion);
    }

    [Fact]
    public void Decide_UsesTheClaimsLocalDateInThePolicysZone()
    {
        var policy = Policy(Term("terminal", "P12M", "acceptanceSigned"));
        // 2025-05-20T16:30Z is 2025-05-21 00:30 in Shanghai: the day after the last covered day.
        Assert.Equal(ClaimStatus.Covered, policy.Decide(Terminal, new Claim(Instant.FromUtc(2025, 5, 20, 15, 59))).Status);
        Assert.Equal(ClaimStatus.Expired, policy.Decide(Terminal, new Claim(Instant.FromUtc(2025, 5, 20, 16, 0))).Status);
    }

    [Fact]
    public void Decide_IsOutOfScope_WhenNoTermCoversTheComponent()
    {
        var decision = Policy(Term("sw", "P1Y", "acceptanceSigned").Covering(ComponentClass.Software)).Decide(Terminal, ClaimOn("2024-06-01"));
        Assert.Equal(ClaimStatus.OutOfScope, decision.Status);
        Assert.Equal(DecisionReasonCode.NoTerm, decision.Reasons[0].Code);
        Assert.Null(decision.Term);
        Assert.Equal(CoverageStatus.NoTerm, decision.TermStatus);
        Assert.Contains(WarrantyCondition.CustomerConsentRequired, decision.Conditions);
    }

    [Theory]
    // repairs (problem@date;...), claim problem, consecutive, status remedy
    [InlineData("E-42@2024-11-04;E-42@2025-01-08", "E-42", true, Remedy.Replacement)]
    [InlineData("E-42@2024-11-04", "E-42", true, Remedy.Repair)] // one repair is not enough
    [InlineData("E-42@2024-11-04;E-42@2025-01-08", "E-17", true, Remedy.Repair)] // another problem
    [InlineData("E-42@2024-11-04;E-17@2024-12-01;E-42@2025-01-08", "E-42", true, Remedy.Repair)] // not in a row
    [InlineData("E-42@2024-11-04;E-17@2024-12-01;E-42@2025-01-08", "E-42", false, Remedy.Replacement)] // any two
    [InlineData("E-42@2024-05-10;E-42@2025-01-08", "E-42", true, Remedy.Repair)] // the first was before the warranty started
    [InlineData("E-42@2024-11-04;E-42@2025-01-08;E-17@2025-02-01", "E-42", true, Remedy.Repair)] // the last repair was another problem
    [InlineData("E-42@2024-11-04;E-42@2025-01-08;E-42@2025-03-01", "E-42", true, Remedy.Replacement)]
    public void Decide_GivesAReplacement_AfterRepeatedFailures(string repairs, string problem, bool consecutive, Remedy remedy)
    {
        var policy = Builder(Term("terminal", "P12M", "acceptanceSigned")).AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2).InARow(consecutive)).Build();
        var asset = Terminal;
        foreach (string repair in repairs.Split(';'))
        {
            asset = asset.WithRepair(Repair(repair.Split('@')[1], repair.Split('@')[0]));
        }

        var decision = policy.Decide(asset, ClaimOn("2025-03-03", problem: problem));

        Assert.Equal(ClaimStatus.Covered, decision.Status);
        Assert.Equal(remedy, decision.Remedy);
        Assert.Equal(remedy == Remedy.Replacement, decision.HasReason(DecisionReasonCode.RepeatFailure));
        if (remedy == Remedy.Replacement)
        {
            Assert.Equal([WarrantyCondition.NewUnit, WarrantyCondition.SameBrandAndModel], decision.Conditions);
        }
    }

    [Fact]
    public void Decide_CountsOnlyTheCurrentUnitsRepairs_AfterAReplacement()
    {
        var policy = Builder(Term("terminal", "P12M", "acceptanceSigned")).AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2)).Build();
        var asset = Terminal.WithRepair(Repair("2024-11-04", "E-42")).WithRepair(Repair("2025-01-08", "E-42")).WithReplacement(D("2025-01-20"));

        var decision = policy.Decide(asset, ClaimOn("2025-03-03", problem: "E-42"));

        Assert.Equal(Remedy.Repair, decision.Remedy);
        Assert.True(decision.HasReason(DecisionReasonCode.RestartedByReplacement));
        Assert.Equal(D("2026-01-20"), decision.CoveredUntil);
    }

    [Theory]
    // safety repairs, claim is safety, remedy
    [InlineData(2, true, Remedy.Exchange)]
    [InlineData(2, false, Remedy.Repair)]
    [InlineData(1, true, Remedy.Repair)]
    public void Decide_CountsSafetyFaultsOnly_WhenTheRuleSaysSo(int safetyRepairs, bool claimIsSafety, Remedy remedy)
    {
        var policy = Builder(Term("car", "P2Y", "invoice"))
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2).OfSafetyFaultsOnly().OfSameProblem(false).InARow(false).Giving(Remedy.Exchange))
            .Build();
        var asset = Asset("vehicle", ("invoice", "2024-01-01")).WithRepair(Repair("2024-03-01", "brakes", safety: true)).WithRepair(Repair("2024-04-01", "radio"));
        if (safetyRepairs == 2)
        {
            asset = asset.WithRepair(Repair("2024-05-01", "steering", safety: true));
        }

        Assert.Equal(remedy, policy.Decide(asset, ClaimOn("2024-06-01", problem: "airbag", safety: claimIsSafety)).Remedy);
    }

    [Fact]
    public void Decide_AppliesARule_OnlyWhileItsTermIsInForce()
    {
        var policy = Builder(Term("repairWarranty", "P3Y", "invoice"), Term("sanbao", "P2Y", "invoice"))
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2).Within("sanbao").Giving(Remedy.Exchange))
            .Build();
        var asset = Asset("vehicle", ("invoice", "2024-01-01")).WithRepair(Repair("2025-10-01", "E-1")).WithRepair(Repair("2025-11-01", "E-1"));

        var inSanbao = policy.Decide(asset, ClaimOn("2025-12-01"));
        var after = policy.Decide(asset, ClaimOn("2026-02-01"));

        Assert.Equal(Remedy.Exchange, inSanbao.Remedy);
        Assert.Equal("repairWarranty", inSanbao.Term!.Id); // the term deciding coverage is the longer one
        Assert.Equal(Remedy.Repair, after.Remedy);
        Assert.Equal(ClaimStatus.Covered, after.Status);
    }

    [Theory]
    // repairs (date>returned;...), cumulative, remedy
    [InlineData("2024-02-01>2024-02-20;2024-03-01>2024-03-13", true, Remedy.Exchange)] // 19 + 12 = 31 days
    [InlineData("2024-02-01>2024-02-20;2024-03-01>2024-03-12", true, Remedy.Repair)] // 30 days: not more than 30
    [InlineData("2024-02-01>2024-02-20;2024-03-01>2024-03-13", false, Remedy.Repair)] // no single repair over 30
    [InlineData("2024-02-01>2024-03-03", false, Remedy.Exchange)] // 31 days in one repair
    public void Decide_GivesAnExchange_AfterTooLongInRepair(string repairs, bool cumulative, Remedy remedy)
    {
        var policy = Builder(Term("t", "P1Y", "invoice")).AddRepairTimeRule(RepairTimeRule.MoreThanDays(30).AddingUp(cumulative)).Build();
        var asset = Asset("hardware", ("invoice", "2024-01-01"));
        foreach (string repair in repairs.Split(';'))
        {
            asset = asset.WithRepair(Repair(repair.Split('>')[0], returned: repair.Split('>')[1]));
        }

        var decision = policy.Decide(asset, ClaimOn("2024-06-01"));

        Assert.Equal(remedy, decision.Remedy);
        if (remedy == Remedy.Exchange)
        {
            Assert.Equal([WarrantyCondition.NewUnit, WarrantyCondition.SameModelOrEqualValue], decision.Conditions);
        }
    }

    [Theory]
    // repairable, last repair status, exchange when unrepairable, remedy
    [InlineData(false, RepairOutcome.Fixed, true, Remedy.Exchange)]
    [InlineData(true, RepairOutcome.Impossible, true, Remedy.Exchange)]
    [InlineData(true, RepairOutcome.NotFixed, true, Remedy.Repair)]
    [InlineData(false, RepairOutcome.Fixed, false, Remedy.Repair)]
    public void Decide_GivesAnExchange_WhenTheProductCannotBeRepaired(bool repairable, RepairOutcome outcome, bool rule, Remedy remedy)
    {
        var builder = Builder(Term("t", "P1Y", "invoice"));
        builder.ExchangeWhenUnrepairable = rule;
        var asset = Asset("hardware", ("invoice", "2024-01-01")).WithRepair(Repair("2024-03-01", "E-1", outcome: outcome));

        var decision = builder.Build().Decide(asset, ClaimOn("2024-06-01", problem: "E-1", repairable: repairable));

        Assert.Equal(remedy, decision.Remedy);
        Assert.Equal(remedy == Remedy.Exchange, decision.HasReason(DecisionReasonCode.Unrepairable));
    }

    [Theory]
    // request, claim date, problem, causes, status, remedy
    [InlineData(ClaimRequest.Return, "2024-06-01", null, "", ClaimStatus.Covered, Remedy.Return)] // received this day
    [InlineData(ClaimRequest.Return, "2024-06-08", null, "", ClaimStatus.Covered, Remedy.Return)] // the 7th day after
    [InlineData(ClaimRequest.Return, "2024-06-09", null, "", ClaimStatus.Expired, Remedy.Repair)] // over; the warranty gives a repair
    [InlineData(ClaimRequest.Return, "2024-06-05", null, "humanDamage", ClaimStatus.Excluded, Remedy.PaidService)] // not without human damage
    [InlineData(ClaimRequest.Return, "2025-06-09", null, "", ClaimStatus.Expired, Remedy.PaidService)] // the warranty is over too
    [InlineData(ClaimRequest.Exchange, "2024-06-05", "E-1", "", ClaimStatus.Expired, Remedy.Repair)] // no exchange window
    public void Decide_ReturnsWithoutReason_WithinTheWindow(ClaimRequest request, string date, string? problem, string causes, ClaimStatus status, Remedy remedy)
    {
        var policy = Builder(Term("t", "P1Y", "received"))
            .AddWindow(RemedyWindow.ReturnWithoutReason(ServiceTarget.OfPeriod(Period.FromDays(7)), WarrantyStart.On(StartEvents.Received)))
            .Build();
        var asset = Asset("hardware", ("received", "2024-06-01"));

        var decision = policy.Decide(asset, ClaimOn(date, request, problem, causes.Length == 0 ? null : [causes]));

        Assert.Equal(status, decision.Status);
        Assert.Equal(remedy, decision.Remedy);
    }

    [Fact]
    public void Decide_EndsTheWindowAt24h00OfItsLastDay()
    {
        var policy = Builder()
            .AddWindow(RemedyWindow.ReturnWithoutReason(ServiceTarget.OfPeriod(Period.FromDays(7)), WarrantyStart.On(StartEvents.Received)))
            .Build();
        var asset = Asset("hardware", ("received", "2024-06-01"));

        Assert.Equal(Remedy.Return, policy.Decide(asset, new Claim(At("2024-06-08T23:59"), ClaimRequest.Return)).Remedy);
        var late = policy.Decide(asset, new Claim(At("2024-06-09T00:00"), ClaimRequest.Return));
        Assert.Equal(ClaimStatus.Expired, late.Status);
        Assert.Equal(Remedy.PaidService, late.Remedy);
        Assert.Equal([DecisionReasonCode.NoTerm, DecisionReasonCode.ReturnPeriodOver], late.Reasons.Select(r => r.Code));
        Assert.Equal(ClaimStatus.Expired, policy.Decide(asset, new Claim(At("2024-05-31T23:59"), ClaimRequest.Return)).Status);
    }

    [Theory]
    // request, claim date, problem, status, remedy
    [InlineData(ClaimRequest.Return, "2024-03-08", "E-1", ClaimStatus.Covered, Remedy.Return)] // within 7 days of sale
    [InlineData(ClaimRequest.Return, "2024-03-08", null, ClaimStatus.Expired, Remedy.Repair)] // no failure stated
    [InlineData(ClaimRequest.Exchange, "2024-03-08", "E-1", ClaimStatus.Covered, Remedy.Exchange)] // the return window allows an exchange
    [InlineData(ClaimRequest.Return, "2024-03-09", "E-1", ClaimStatus.Expired, Remedy.Repair)]
    [InlineData(ClaimRequest.Exchange, "2024-03-16", "E-1", ClaimStatus.Covered, Remedy.Exchange)] // within 15 days
    [InlineData(ClaimRequest.Exchange, "2024-03-17", "E-1", ClaimStatus.Expired, Remedy.Repair)]
    [InlineData(ClaimRequest.Repair, "2024-03-05", "E-1", ClaimStatus.Covered, Remedy.Repair)] // a repair was asked for
    public void Decide_ReturnsOrExchanges_OnFailureWithinTheWindows(ClaimRequest request, string date, string? problem, ClaimStatus status, Remedy remedy)
    {
        var policy = Builder(Term("sanbao", "P1Y", "invoice"))
            .AddWindow(RemedyWindow.ReturnOnFailure(ServiceTarget.OfPeriod(Period.FromDays(7)), WarrantyStart.On(StartEvents.Purchase)))
            .AddWindow(RemedyWindow.ExchangeOnFailure(ServiceTarget.OfPeriod(Period.FromDays(15)), WarrantyStart.On(StartEvents.Purchase)))
            .Build();
        var asset = Asset("hardware", ("purchase", "2024-03-01"), ("invoice", "2024-03-01"));

        var decision = policy.Decide(asset, ClaimOn(date, request, problem));

        Assert.Equal(status, decision.Status);
        Assert.Equal(remedy, decision.Remedy);
    }

    [Theory]
    // problem, reading, status
    [InlineData("brakeFailure", 2999, ClaimStatus.Covered)]
    [InlineData("brakeFailure", 3000, ClaimStatus.Covered)]
    [InlineData("brakeFailure", 3001, ClaimStatus.Expired)]
    [InlineData("radio", 100, ClaimStatus.Expired)]
    public void Decide_NarrowsAWindow_ByProblemAndUsage(string problem, int km, ClaimStatus status)
    {
        var policy = Builder()
            .AddWindow(RemedyWindow.ReturnOnFailure(ServiceTarget.OfPeriod(Period.FromDays(60)), WarrantyStart.On(StartEvents.Invoice))
                .ForProblems("brakeFailure", "steeringFailure").WithUsageLimit("km", 3000))
            .Build();
        var asset = Asset("vehicle", ("invoice", "2024-01-01"));

        var decision = policy.Decide(asset, ClaimOn("2024-02-01", ClaimRequest.Return, problem, usage: [new("km", km)]));

        Assert.Equal(status, decision.Status);
    }

    [Theory]
    // request, after repeated failure, remedy
    [InlineData(ClaimRequest.Return, true, Remedy.Return)]
    [InlineData(ClaimRequest.Exchange, true, Remedy.Exchange)]
    [InlineData(ClaimRequest.Repair, true, Remedy.Exchange)]
    [InlineData(ClaimRequest.Return, false, Remedy.Repair)]
    public void Decide_LetsAReturnRequestGetAReturn_WhenTheRuleAllowsIt(ClaimRequest request, bool repeated, Remedy remedy)
    {
        var policy = Builder(Term("sanbao", "P1Y", "invoice"))
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2).InARow(false).OfSameProblem(false).Giving(Remedy.Exchange).AllowingReturn())
            .Build();
        var asset = Asset("hardware", ("invoice", "2024-01-01")).WithRepair(Repair("2024-03-01", "A"));
        if (repeated)
        {
            asset = asset.WithRepair(Repair("2024-04-01", "B"));
        }

        Assert.Equal(remedy, policy.Decide(asset, ClaimOn("2024-06-01", request, "C")).Remedy);
    }

    [Theory]
    [InlineData(true, ClaimStatus.Covered, Remedy.Replacement)]
    [InlineData(false, ClaimStatus.Expired, Remedy.Repair)]
    public void Decide_GivesAReplacementOnRequest_WhenThePolicyAllows(bool allowed, ClaimStatus status, Remedy remedy)
    {
        var builder = Builder(Term("legal", "P2Y", "delivery"));
        builder.ReplacementOnRequest = allowed;
        var decision = builder.Build().Decide(Asset("hardware", ("delivery", "2024-01-01")), ClaimOn("2024-06-01", ClaimRequest.Replacement));
        Assert.Equal(status, decision.Status);
        Assert.Equal(remedy, decision.Remedy);
        Assert.Equal(allowed ? DecisionReasonCode.ReplacementOnRequest : DecisionReasonCode.ReplacementNotAvailable, decision.Reasons[^1].Code);
    }

    [Theory]
    // request, claim date, status, remedy, chargeable
    [InlineData(ClaimRequest.TechnicalSupport, "2026-12-31", ClaimStatus.Covered, Remedy.TechnicalSupport, false)]
    [InlineData(ClaimRequest.TechnicalSupport, "2027-01-01", ClaimStatus.Expired, Remedy.PaidService, true)]
    [InlineData(ClaimRequest.Upgrade, "2026-12-31", ClaimStatus.Covered, Remedy.Upgrade, false)]
    [InlineData(ClaimRequest.Upgrade, "2027-01-01", ClaimStatus.Expired, Remedy.PaidService, true)]
    [InlineData(ClaimRequest.SpareParts, "2033-12-31", ClaimStatus.Covered, Remedy.SparePartsSupply, true)]
    [InlineData(ClaimRequest.SpareParts, "2034-01-01", ClaimStatus.Expired, Remedy.None, true)]
    [InlineData(ClaimRequest.SpareParts, "2023-12-31", ClaimStatus.OutOfScope, Remedy.PaidService, true)]
    public void Decide_UsesTermsOfTheRequestsKind(ClaimRequest request, string date, ClaimStatus status, Remedy remedy, bool chargeable)
    {
        var policy = Builder(
                Term("support", "P3Y", "delivery").OfKind(WarrantyTermKind.TechnicalSupport),
                Term("upgrades", "P3Y", "delivery").OfKind(WarrantyTermKind.Upgrades),
                Term("parts", "P10Y", "delivery").OfKind(WarrantyTermKind.SparePartsSupply))
            .Build();
        var decision = policy.Decide(Asset("software", ("delivery", "2023-12-31")), ClaimOn(date, request, null));
        Assert.Equal(status, decision.Status);
        Assert.Equal(remedy, decision.Remedy);
        Assert.Equal(chargeable, decision.Chargeable);
    }

    [Fact]
    public void Decide_IsOutOfScope_ForARepairWhenOnlyOtherKindsOfTermsExist()
    {
        var policy = Policy(Term("support", "P3Y", "delivery").OfKind(WarrantyTermKind.TechnicalSupport));
        var decision = policy.Decide(Asset("software", ("delivery", "2024-01-01")), ClaimOn("2024-06-01"));
        Assert.Equal(ClaimStatus.OutOfScope, decision.Status);
        Assert.Equal("no coverage term of the policy covers software", decision.Reasons[0].Text);
    }

    [Theory]
    // maintenance contract, visit fee, bid price, conditions, visitFee, ceiling
    [InlineData(false, 300, 12800, "PartsAtCost,NotAboveBidPrice,PerVisitFee", 300, 12800)]
    [InlineData(true, 300, 12800, "PartsAtCost,NotAboveBidPrice,CoveredByMaintenanceContract", 0, 12800)]
    [InlineData(false, 0, null, "PartsAtCost", null, null)]
    public void Decide_PricesPaidService_AfterTheWarranty(bool contract, int fee, int? bid, string conditions, int? visitFee, int? ceiling)
    {
        var builder = Builder(Term("t", "P1Y", "purchase"));
        builder.PaidService = new PaidServiceTerms(fee, PartsAtCost: true, NotAboveBidPrice: true);
        var asset = new Asset(
            ComponentClass.Hardware,
            [new("purchase", D("2024-01-01"))],
            maintenanceContracts: contract ? [new MaintenanceContract(D("2025-01-02"), D("2026-01-01"))] : null,
            bidPrice: bid);

        var decision = builder.Build().Decide(asset, ClaimOn("2025-06-01"));

        Assert.Equal(ClaimStatus.Expired, decision.Status);
        Assert.Equal(Remedy.PaidService, decision.Remedy);
        Assert.Equal(conditions.Split(',').Select(Enum.Parse<WarrantyCondition>), decision.Conditions);
        Assert.Equal(visitFee, decision.VisitFee is { } v ? (int)v : null);
        Assert.Equal(ceiling, decision.PriceCeiling is { } c ? (int)c : null);
    }

    [Theory]
    // new parts only, media on site, claim: magnetic media, used parts agreed; conditions
    [InlineData(true, true, true, false, "NewParts,RepairOnSite")]
    [InlineData(true, true, false, true, "UsedPartsAgreedInWriting")]
    [InlineData(true, false, true, false, "NewParts")]
    [InlineData(false, true, true, false, "RepairOnSite")]
    [InlineData(false, false, true, true, "")]
    public void Decide_RecordsHowARepairIsCarriedOut(bool newPartsOnly, bool mediaOnSite, bool magneticMedia, bool usedPartsAgreed, string conditions)
    {
        var builder = Builder(Term("t", "P1Y", "purchase"));
        builder.NewPartsOnly = newPartsOnly;
        builder.MagneticMediaOnSite = mediaOnSite;

        var decision = builder.Build().Decide(
            Asset("storage", ("purchase", "2024-01-01")),
            ClaimOn("2024-06-01", magneticMedia: magneticMedia, usedPartsAgreed: usedPartsAgreed));

        Assert.Equal(Remedy.Repair, decision.Remedy);
        Assert.Equal(conditions.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<WarrantyCondition>), decision.Conditions);
    }

    [Theory]
    // claim date, presumption condition
    [InlineData("2024-07-01", WarrantyCondition.PresumedAtDelivery)]
    [InlineData("2025-03-10", WarrantyCondition.PresumedAtDelivery)]
    [InlineData("2025-03-11", WarrantyCondition.ConsumerMustProve)]
    public void Decide_RecordsThePresumption(string date, WarrantyCondition condition)
    {
        var policy = Policy(Term("legal", "P2Y", "delivery").WithPresumption(Period.FromYears(1)));
        var decision = policy.Decide(Asset("hardware", ("delivery", "2024-03-10")), ClaimOn(date));
        Assert.Equal([condition], decision.Conditions);
    }

    [Theory]
    // labour, parts, travel periods; claim date; expected shares
    [InlineData("2024-06-01", 1, 1, 0.5)]
    [InlineData("2024-08-01", 1, 1, 0)] // travel (6 months) is over
    [InlineData("2025-06-01", 0, 1, 0)] // labour (1 year) is over too
    public void Decide_SharesLabourPartsAndTravel(string date, double labour, double parts, double travel)
    {
        var policy = Policy(Term("t", "P3Y", "acceptance")
            .WithShare(CostType.Labour, 1, Period.FromYears(1))
            .WithShare(CostType.Travel, 0.5m, Period.FromMonths(6)));

        var decision = policy.Decide(Asset("hardware", ("acceptance", "2024-01-10")), ClaimOn(date));

        Assert.Equal(new CostShares((decimal)labour, (decimal)parts, (decimal)travel), decision.Shares);
        Assert.Equal(Remedy.Repair, decision.Remedy);
        Assert.True(decision.Chargeable);
        Assert.Contains("shares: labour", decision.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_GivesTheRepairsDeadline_FromReceipt()
    {
        var policy = Builder(Term("t", "P1Y", "purchase")).SetRemedyDeadline(Remedy.Repair, ServiceTarget.Elapsed(Duration.FromHours(72))).Build();
        var asset = Asset("hardware", ("purchase", "2024-01-01"));

        var decision = policy.Decide(asset, ClaimOn("2024-06-01", received: At("2024-06-03T10:00")));
        var waiting = policy.Decide(asset, ClaimOn("2024-06-01"));

        Assert.Equal(At("2024-06-06T10:00"), decision.Due);
        Assert.Equal(DecisionReasonCode.DueOnReceipt, decision.Reasons[^1].Code);
        Assert.Equal(ServiceTarget.Elapsed(Duration.FromHours(72)), decision.Deadline);
        var explanation = decision.Explain()!;
        Assert.Equal(decision.Due, explanation.Due);
        Assert.Equal(Duration.FromHours(72), explanation.Counted);
        Assert.Null(waiting.Due);
        Assert.Null(waiting.Explain());
        Assert.Equal(DecisionReasonCode.DueNotYetKnown, waiting.Reasons[^1].Code);
    }

    [Fact]
    public void Decide_CountsADeadlineOnACalendar_AcrossTheNationalDayHolidayAndItsAdjustedWorkingDays()
    {
        var office = BusinessCalendar.FiveByEight(Shanghai, HolidaySets.ChinaMainland);
        var policy = Builder(Term("t", "P1Y", "purchase"))
            .AddCalendar("office", office)
            .SetRemedyDeadline(Remedy.Repair, ServiceTarget.WorkingDays(2), "office")
            .Build();

        // Received Sunday 2024-09-29 14:00, itself an adjusted working day (调休); 1-7 October are holidays and 12 October works.
        var decision = policy.Decide(Asset("hardware", ("purchase", "2024-01-01")), ClaimOn("2024-09-29", received: At("2024-09-29T14:00")));

        Assert.Equal(At("2024-10-08T18:00"), decision.Due);
        Assert.Contains(decision.Explain()!.Spans, s => s.Kind == ExplanationSpanKind.Closed);
    }

    [Fact]
    public void Decide_Throws_WhenADeadlinesCalendarLacksTheYear()
    {
        var office = BusinessCalendar.FiveByEight(Shanghai, HolidaySets.ChinaMainland);
        var policy = Builder(Term("t", "P100Y", "purchase")).AddCalendar("office", office).SetRemedyDeadline(Remedy.Repair, ServiceTarget.WorkingDays(2), "office").Build();
        Assert.Throws<HolidayDataUnavailableException>(() =>
            policy.Decide(Asset("hardware", ("purchase", "2024-01-01")), ClaimOn("2040-01-02", received: At("2040-01-02T14:00"))));
    }

    [Fact]
    public void Decide_Throws_ForAClaimReadingThatGoesBack()
    {
        var policy = Policy(Term("car", "P2Y", "invoice").WithUsageLimit("km", 50000));
        var asset = Asset("vehicle", ("invoice", "2024-01-01")).WithReading(new UsageReading(D("2024-05-01"), "km", 12000));
        var error = Assert.Throws<ArgumentException>(() => policy.Decide(asset, ClaimOn("2024-06-01", usage: [new("km", 11000)])));
        Assert.Contains("11000 km goes back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Throws_ForNullArguments()
    {
        var policy = Policy(Term("t", "P1Y", "purchase"));
        Assert.Throws<ArgumentNullException>(() => policy.Decide(null!, ClaimOn("2024-01-01")));
        Assert.Throws<ArgumentNullException>(() => policy.Decide(Asset(), null!));
    }

    [Fact]
    public void Decide_GivesTheSameDecisionEveryTime()
    {
        var policy = Builder(Term("t", "P1Y", "purchase")).AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2)).Build();
        var asset = Asset("hardware", ("purchase", "2024-01-01")).WithRepair(Repair("2024-02-01")).WithRepair(Repair("2024-03-01"));
        var claim = ClaimOn("2024-06-01");
        Assert.Equal(policy.Decide(asset, claim).ToString(), policy.Decide(asset, claim).ToString());
    }

    [Fact]
    public void ToString_ListsTheDecisionAndEveryReason()
    {
        var policy = Builder(Term("terminal", "P12M", "acceptanceSigned").Covering(ComponentClass.Hardware))
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2))
            .Build();
        var asset = Terminal.WithRepair(Repair("2024-11-04", "E-42")).WithRepair(Repair("2025-01-08", "E-42"));

        Assert.Equal(
            """
            covered: replacement (term terminal, 2024-05-21 to 2025-05-20)
              - term terminal covers hardware: 2024-05-21 to 2025-05-20, in force on 2025-03-03
              - repeat failure (after 2 repairs in a row of the same problem: replacement): E-42 on 2024-11-04, E-42 on 2025-01-08
              conditions: newUnit, sameBrandAndModel
            """.ReplaceLineEndings("\n"),
            policy.Decide(asset, ClaimOn("2025-03-03", problem: "E-42")).ToString());
    }
}
