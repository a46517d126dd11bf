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
public sealed class ClaimAssessmentTests
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
    // claim date, outcome, remedy, reason
    [InlineData("2024-05-20", ClaimOutcome.OutOfScope, Remedy.PaidService, DecisionReasonCode.NotStarted)]
    [InlineData("2024-05-21", ClaimOutcome.Covered, Remedy.Repair, DecisionReasonCode.TermInForce)]
    [InlineData("2025-05-20", ClaimOutcome.Covered, Remedy.Repair, DecisionReasonCode.TermInForce)]
    [InlineData("2025-05-21", ClaimOutcome.Expired, Remedy.PaidService, DecisionReasonCode.PeriodEnded)]
    public void Assess_DecidesByTheTermsWindow(string date, ClaimOutcome outcome, Remedy remedy, DecisionReasonCode reason)
    {
        var decision = Policy(Term("terminal", "P12M", "acceptanceSigned")).Assess(Terminal, ClaimOn(date));

        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(remedy, decision.Remedy);
        Assert.Equal(reason, decision.Reasons[0].Code);
        Assert.Equal(outcome != ClaimOutcome.Covered, decision.Chargeable);
        Assert.Equal(D("2025-05-20"), decision.CoveredUntil);
        Assert.Equal(D("2024-05-21"), decision.CoveredFrom);
        Assert.Null(decision.Exclusion);
    }

    [Fact]
    public void Assess_UsesTheClaimsLocalDateInThePolicysZone()
    {
        var policy = Policy(Term("terminal", "P12M", "acceptanceSigned"));
        // 2025-05-20T16:30Z is 2025-05-21 00:30 in Shanghai: the day after the last covered day.
        Assert.Equal(ClaimOutcome.Covered, policy.Assess(Terminal, new Claim(Instant.FromUtc(2025, 5, 20, 15, 59))).Outcome);
        Assert.Equal(ClaimOutcome.Expired, policy.Assess(Terminal, new Claim(Instant.FromUtc(2025, 5, 20, 16, 0))).Outcome);
    }

    [Fact]
    public void Assess_IsOutOfScope_WhenNoTermCoversTheComponent()
    {
        var decision = Policy(Term("sw", "P1Y", "acceptanceSigned").Covering(ComponentClass.Software)).Assess(Terminal, ClaimOn("2024-06-01"));
        Assert.Equal(ClaimOutcome.OutOfScope, decision.Outcome);
        Assert.Equal(DecisionReasonCode.NoTerm, decision.Reasons[0].Code);
        Assert.Null(decision.Term);
        Assert.Equal(CoverageStatus.NoTerm, decision.TermStatus);
        Assert.Contains(WarrantyCondition.CustomerConsentRequired, decision.Conditions);
    }

    [Theory]
    // repairs (problem@date;...), claim problem, consecutive, outcome remedy
    [InlineData("E-42@2024-11-04;E-42@2025-01-08", "E-42", true, Remedy.Replacement)]
    [InlineData("E-42@2024-11-04", "E-42", true, Remedy.Repair)] // one repair is not enough
    [InlineData("E-42@2024-11-04;E-42@2025-01-08", "E-17", true, Remedy.Repair)] // another problem
    [InlineData("E-42@2024-11-04;E-17@2024-12-01;E-42@2025-01-08", "E-42", true, Remedy.Repair)] // not in a row
    [InlineData("E-42@2024-11-04;E-17@2024-12-01;E-42@2025-01-08", "E-42", false, Remedy.Replacement)] // any two
    [InlineData("E-42@2024-05-10;E-42@2025-01-08", "E-42", true, Remedy.Repair)] // the first was before the warranty started
    [InlineData("E-42@2024-11-04;E-42@2025-01-08;E-17@2025-02-01", "E-42", true, Remedy.Repair)] // the last repair was another problem
    [InlineData("E-42@2024-11-04;E-42@2025-01-08;E-42@2025-03-01", "E-42", true, Remedy.Replacement)]
    public void Assess_GivesAReplacement_AfterRepeatedFailures(string repairs, string problem, bool consecutive, Remedy remedy)
    {
        var policy = Builder(Term("terminal", "P12M", "acceptanceSigned")).AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2).InARow(consecutive)).Build();
        var asset = Terminal;
        foreach (string repair in repairs.Split(';'))
        {
            asset = asset.WithRepair(Repair(repair.Split('@')[1], repair.Split('@')[0]));
        }

        var decision = policy.Assess(asset, ClaimOn("2025-03-03", problem: problem));

        Assert.Equal(ClaimOutcome.Covered, decision.Outcome);
        Assert.Equal(remedy, decision.Remedy);
        Assert.Equal(remedy == Remedy.Replacement, decision.HasReason(DecisionReasonCode.RepeatFailure));
        if (remedy == Remedy.Replacement)
        {
            Assert.Equal([WarrantyCondition.NewUnit, WarrantyCondition.SameBrandAndModel], decision.Conditions);
        }
    }

    [Fact]
    public void Assess_CountsOnlyTheCurrentUnitsRepairs_AfterAReplacement()
    {
        var policy = Builder(Term("terminal", "P12M", "acceptanceSigned")).AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2)).Build();
        var asset = Terminal.WithRepair(Repair("2024-11-04", "E-42")).WithRepair(Repair("2025-01-08", "E-42")).WithReplacement(D("2025-01-20"));

        var decision = policy.Assess(asset, ClaimOn("2025-03-03", problem: "E-42"));

        Assert.Equal(Remedy.Repair, decision.Remedy);
        Assert.True(decision.HasReason(DecisionReasonCode.RestartedByReplacement));
        Assert.Equal(D("2026-01-20"), decision.CoveredUntil);
    }

    [Theory]
    // safety repairs, claim is safety, remedy
    [InlineData(2, true, Remedy.Exchange)]
    [InlineData(2, false, Remedy.Repair)]
    [InlineData(1, true, Remedy.Repair)]
    public void Assess_CountsSafetyFaultsOnly_WhenTheRuleSaysSo(int safetyRepairs, bool claimIsSafety, Remedy remedy)
    {
        var policy = Builder(Term("car", "P2Y", "invoice"))
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2).OfSafetyFaultsOnly().OfSameProblem(false).InARow(false).Giving(Remedy.Exchange))
            .Build();
        var asset = Asset("vehicle", ("invoice", "2024-01-01")).WithRepair(Repair("2024-03-01", "brakes", safety: true)).WithRepair(Repair("2024-04-01", "radio"));
        if (safetyRepairs == 2)
        {
            asset = asset.WithRepair(Repair("2024-05-01", "steering", safety: true));
        }

        Assert.Equal(remedy, policy.Assess(asset, ClaimOn("2024-06-01", problem: "airbag", safety: claimIsSafety)).Remedy);
    }

    [Fact]
    public void Assess_AppliesARule_OnlyWhileItsTermIsInForce()
    {
        var policy = Builder(Term("repairWarranty", "P3Y", "invoice"), Term("sanbao", "P2Y", "invoice"))
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2).Within("sanbao").Giving(Remedy.Exchange))
            .Build();
        var asset = Asset("vehicle", ("invoice", "2024-01-01")).WithRepair(Repair("2025-10-01", "E-1")).WithRepair(Repair("2025-11-01", "E-1"));

        var inSanbao = policy.Assess(asset, ClaimOn("2025-12-01"));
        var after = policy.Assess(asset, ClaimOn("2026-02-01"));

        Assert.Equal(Remedy.Exchange, inSanbao.Remedy);
        Assert.Equal("repairWarranty", inSanbao.Term!.Id); // the term deciding coverage is the longer one
        Assert.Equal(Remedy.Repair, after.Remedy);
        Assert.Equal(ClaimOutcome.Covered, after.Outcome);
    }

    [Theory]
    // repairs (date>returned;...), cumulative, remedy
    [InlineData("2024-02-01>2024-02-20;2024-03-01>2024-03-13", true, Remedy.Exchange)] // 19 + 12 = 31 days
    [InlineData("2024-02-01>2024-02-20;2024-03-01>2024-03-12", true, Remedy.Repair)] // 30 days: not more than 30
    [InlineData("2024-02-01>2024-02-20;2024-03-01>2024-03-13", false, Remedy.Repair)] // no single repair over 30
    [InlineData("2024-02-01>2024-03-03", false, Remedy.Exchange)] // 31 days in one repair
    public void Assess_GivesAnExchange_AfterTooLongInRepair(string repairs, bool cumulative, Remedy remedy)
    {
        var policy = Builder(Term("t", "P1Y", "invoice")).AddRepairTimeRule(RepairTimeRule.MoreThanDays(30).AddingUp(cumulative)).Build();
        var asset = Asset("hardware", ("invoice", "2024-01-01"));
        foreach (string repair in repairs.Split(';'))
        {
            asset = asset.WithRepair(Repair(repair.Split('>')[0], returned: repair.Split('>')[1]));
        }

        var decision = policy.Assess(asset, ClaimOn("2024-06-01"));

        Assert.Equal(remedy, decision.Remedy);
        if (remedy == Remedy.Exchange)
        {
            Assert.Equal([WarrantyCondition.NewUnit, WarrantyCondition.SameModelOrEqualValue], decision.Conditions);
        }
    }

    [Theory]
    // repairable, last repair outcome, exchange when unrepairable, remedy
    [InlineData(false, RepairOutcome.Fixed, true, Remedy.Exchange)]
    [InlineData(true, RepairOutcome.Impossible, true, Remedy.Exchange)]
    [InlineData(true, RepairOutcome.NotFixed, true, Remedy.Repair)]
    [InlineData(false, RepairOutcome.Fixed, false, Remedy.Repair)]
    public void Assess_GivesAnExchange_WhenTheProductCannotBeRepaired(bool repairable, RepairOutcome outcome, bool rule, Remedy remedy)
    {
        var builder = Builder(Term("t", "P1Y", "invoice"));
        builder.ExchangeWhenUnrepairable = rule;
        var asset = Asset("hardware", ("invoice", "2024-01-01")).WithRepair(Repair("2024-03-01", "E-1", outcome: outcome));

        var decision = builder.Build().Assess(asset, ClaimOn("2024-06-01", problem: "E-1", repairable: repairable));

        Assert.Equal(remedy, decision.Remedy);
        Assert.Equal(remedy == Remedy.Exchange, decision.HasReason(DecisionReasonCode.Unrepairable));
    }

    [Theory]
    // request, claim date, problem, causes, outcome, remedy
    [InlineData(ClaimRequest.Return, "2024-06-01", null, "", ClaimOutcome.Covered, Remedy.Return)] // received this day
    [InlineData(ClaimRequest.Return, "2024-06-08", null, "", ClaimOutcome.Covered, Remedy.Return)] // the 7th day after
    [InlineData(ClaimRequest.Return, "2024-06-09", null, "", ClaimOutcome.Expired, Remedy.Repair)] // over; the warranty gives a repair
    [InlineData(ClaimRequest.Return, "2024-06-05", null, "humanDamage", ClaimOutcome.Excluded, Remedy.PaidService)] // not without human damage
    [InlineData(ClaimRequest.Return, "2025-06-09", null, "", ClaimOutcome.Expired, Remedy.PaidService)] // the warranty is over too
    [InlineData(ClaimRequest.Exchange, "2024-06-05", "E-1", "", ClaimOutcome.Expired, Remedy.Repair)] // no exchange window
    public void Assess_ReturnsWithoutReason_WithinTheWindow(ClaimRequest request, string date, string? problem, string causes, ClaimOutcome outcome, Remedy remedy)
    {
        var policy = Builder(Term("t", "P1Y", "received"))
            .AddWindow(RemedyWindow.ReturnWithoutReason(ServiceTarget.OfPeriod(Period.FromDays(7)), WarrantyStart.On(StartEvents.Received)))
            .Build();
        var asset = Asset("hardware", ("received", "2024-06-01"));

        var decision = policy.Assess(asset, ClaimOn(date, request, problem, causes.Length == 0 ? null : [causes]));

        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(remedy, decision.Remedy);
    }

    [Fact]
    public void Assess_EndsTheWindowAt24h00OfItsLastDay()
    {
        var policy = Builder()
            .AddWindow(RemedyWindow.ReturnWithoutReason(ServiceTarget.OfPeriod(Period.FromDays(7)), WarrantyStart.On(StartEvents.Received)))
            .Build();
        var asset = Asset("hardware", ("received", "2024-06-01"));

        Assert.Equal(Remedy.Return, policy.Assess(asset, new Claim(At("2024-06-08T23:59"), ClaimRequest.Return)).Remedy);
        var late = policy.Assess(asset, new Claim(At("2024-06-09T00:00"), ClaimRequest.Return));
        Assert.Equal(ClaimOutcome.Expired, late.Outcome);
        Assert.Equal(Remedy.PaidService, late.Remedy);
        Assert.Equal([DecisionReasonCode.NoTerm, DecisionReasonCode.ReturnPeriodOver], late.Reasons.Select(r => r.Code));
        Assert.Equal(ClaimOutcome.Expired, policy.Assess(asset, new Claim(At("2024-05-31T23:59"), ClaimRequest.Return)).Outcome);
    }

    [Theory]
    // request, claim date, problem, outcome, remedy
    [InlineData(ClaimRequest.Return, "2024-03-08", "E-1", ClaimOutcome.Covered, Remedy.Return)] // within 7 days of sale
    [InlineData(ClaimRequest.Return, "2024-03-08", null, ClaimOutcome.Expired, Remedy.Repair)] // no failure stated
    [InlineData(ClaimRequest.Exchange, "2024-03-08", "E-1", ClaimOutcome.Covered, Remedy.Exchange)] // the return window allows an exchange
    [InlineData(ClaimRequest.Return, "2024-03-09", "E-1", ClaimOutcome.Expired, Remedy.Repair)]
    [InlineData(ClaimRequest.Exchange, "2024-03-16", "E-1", ClaimOutcome.Covered, Remedy.Exchange)] // within 15 days
    [InlineData(ClaimRequest.Exchange, "2024-03-17", "E-1", ClaimOutcome.Expired, Remedy.Repair)]
    [InlineData(ClaimRequest.Repair, "2024-03-05", "E-1", ClaimOutcome.Covered, Remedy.Repair)] // a repair was asked for
    public void Assess_ReturnsOrExchanges_OnFailureWithinTheWindows(ClaimRequest request, string date, string? problem, ClaimOutcome outcome, Remedy remedy)
    {
        var policy = Builder(Term("sanbao", "P1Y", "invoice"))
            .AddWindow(RemedyWindow.ReturnOnFailure(ServiceTarget.OfPeriod(Period.FromDays(7)), WarrantyStart.On(StartEvents.Purchase)))
            .AddWindow(RemedyWindow.ExchangeOnFailure(ServiceTarget.OfPeriod(Period.FromDays(15)), WarrantyStart.On(StartEvents.Purchase)))
            .Build();
        var asset = Asset("hardware", ("purchase", "2024-03-01"), ("invoice", "2024-03-01"));

        var decision = policy.Assess(asset, ClaimOn(date, request, problem));

        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(remedy, decision.Remedy);
    }

    [Theory]
    // problem, reading, outcome
    [InlineData("brakeFailure", 2999, ClaimOutcome.Covered)]
    [InlineData("brakeFailure", 3000, ClaimOutcome.Covered)]
    [InlineData("brakeFailure", 3001, ClaimOutcome.Expired)]
    [InlineData("radio", 100, ClaimOutcome.Expired)]
    public void Assess_NarrowsAWindow_ByProblemAndUsage(string problem, int km, ClaimOutcome outcome)
    {
        var policy = Builder()
            .AddWindow(RemedyWindow.ReturnOnFailure(ServiceTarget.OfPeriod(Period.FromDays(60)), WarrantyStart.On(StartEvents.Invoice))
                .ForProblems("brakeFailure", "steeringFailure").WithUsageLimit("km", 3000))
            .Build();
        var asset = Asset("vehicle", ("invoice", "2024-01-01"));

        var decision = policy.Assess(asset, ClaimOn("2024-02-01", ClaimRequest.Return, problem, usage: [new("km", km)]));

        Assert.Equal(outcome, decision.Outcome);
    }

    [Theory]
    // request, after repeated failure, remedy
    [InlineData(ClaimRequest.Return, true, Remedy.Return)]
    [InlineData(ClaimRequest.Exchange, true, Remedy.Exchange)]
    [InlineData(ClaimRequest.Repair, true, Remedy.Exchange)]
    [InlineData(ClaimRequest.Return, false, Remedy.Repair)]
    public void Assess_LetsAReturnRequestGetAReturn_WhenTheRuleAllowsIt(ClaimRequest request, bool repeated, Remedy remedy)
    {
        var policy = Builder(Term("sanbao", "P1Y", "invoice"))
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2).InARow(false).OfSameProblem(false).Giving(Remedy.Exchange).AllowingReturn())
            .Build();
        var asset = Asset("hardware", ("invoice", "2024-01-01")).WithRepair(Repair("2024-03-01", "A"));
        if (repeated)
        {
            asset = asset.WithRepair(Repair("2024-04-01", "B"));
        }

        Assert.Equal(remedy, policy.Assess(asset, ClaimOn("2024-06-01", request, "C")).Remedy);
    }

    [Theory]
    [InlineData(true, ClaimOutcome.Covered, Remedy.Replacement)]
    [InlineData(false, ClaimOutcome.Expired, Remedy.Repair)]
    public void Assess_GivesAReplacementOnRequest_WhenThePolicyAllows(bool allowed, ClaimOutcome outcome, Remedy remedy)
    {
        var builder = Builder(Term("legal", "P2Y", "delivery"));
        builder.ReplacementOnRequest = allowed;
        var decision = builder.Build().Assess(Asset("hardware", ("delivery", "2024-01-01")), ClaimOn("2024-06-01", ClaimRequest.Replacement));
        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(remedy, decision.Remedy);
        Assert.Equal(allowed ? DecisionReasonCode.ReplacementOnRequest : DecisionReasonCode.ReplacementNotAvailable, decision.Reasons[^1].Code);
    }

    [Theory]
    // request, claim date, outcome, remedy, chargeable
    [InlineData(ClaimRequest.TechnicalSupport, "2026-12-31", ClaimOutcome.Covered, Remedy.TechnicalSupport, false)]
    [InlineData(ClaimRequest.TechnicalSupport, "2027-01-01", ClaimOutcome.Expired, Remedy.PaidService, true)]
    [InlineData(ClaimRequest.Upgrade, "2026-12-31", ClaimOutcome.Covered, Remedy.Upgrade, false)]
    [InlineData(ClaimRequest.Upgrade, "2027-01-01", ClaimOutcome.Expired, Remedy.PaidService, true)]
    [InlineData(ClaimRequest.SpareParts, "2033-12-31", ClaimOutcome.Covered, Remedy.SparePartsSupply, true)]
    [InlineData(ClaimRequest.SpareParts, "2034-01-01", ClaimOutcome.Expired, Remedy.None, true)]
    [InlineData(ClaimRequest.SpareParts, "2023-12-31", ClaimOutcome.OutOfScope, Remedy.PaidService, true)]
    public void Assess_UsesTermsOfTheRequestsKind(ClaimRequest request, string date, ClaimOutcome outcome, Remedy remedy, bool chargeable)
    {
        var policy = Builder(
                Term("support", "P3Y", "delivery").OfKind(WarrantyTermKind.TechnicalSupport),
                Term("upgrades", "P3Y", "delivery").OfKind(WarrantyTermKind.Upgrades),
                Term("parts", "P10Y", "delivery").OfKind(WarrantyTermKind.SparePartsSupply))
            .Build();
        var decision = policy.Assess(Asset("software", ("delivery", "2023-12-31")), ClaimOn(date, request, null));
        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(remedy, decision.Remedy);
        Assert.Equal(chargeable, decision.Chargeable);
    }

    [Fact]
    public void Assess_IsOutOfScope_ForARepairWhenOnlyOtherKindsOfTermsExist()
    {
        var policy = Policy(Term("support", "P3Y", "delivery").OfKind(WarrantyTermKind.TechnicalSupport));
        var decision = policy.Assess(Asset("software", ("delivery", "2024-01-01")), ClaimOn("2024-06-01"));
        Assert.Equal(ClaimOutcome.OutOfScope, decision.Outcome);
        Assert.Equal("no coverage term of the policy covers software", decision.Reasons[0].Text);
    }

    [Theory]
    // maintenance contract, visit fee, bid price, conditions, visitFee, ceiling
    [InlineData(false, 300, 12800, "PartsAtCost,NotAboveBidPrice,PerVisitFee", 300, 12800)]
    [InlineData(true, 300, 12800, "PartsAtCost,NotAboveBidPrice,CoveredByMaintenanceContract", 0, 12800)]
    [InlineData(false, 0, null, "PartsAtCost", null, null)]
    public void Assess_PricesPaidService_AfterTheWarranty(bool contract, int fee, int? bid, string conditions, int? visitFee, int? ceiling)
    {
        var builder = Builder(Term("t", "P1Y", "purchase"));
        builder.PaidService = new PaidServiceTerms(fee, PartsAtCost: true, NotAboveBidPrice: true);
        var asset = new Asset(
            ComponentClass.Hardware,
            [new("purchase", D("2024-01-01"))],
            maintenanceContracts: contract ? [new MaintenanceContract(D("2025-01-02"), D("2026-01-01"))] : null,
            bidPrice: bid);

        var decision = builder.Build().Assess(asset, ClaimOn("2025-06-01"));

        Assert.Equal(ClaimOutcome.Expired, decision.Outcome);
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
    public void Assess_RecordsHowARepairIsCarriedOut(bool newPartsOnly, bool mediaOnSite, bool magneticMedia, bool usedPartsAgreed, string conditions)
    {
        var builder = Builder(Term("t", "P1Y", "purchase"));
        builder.NewPartsOnly = newPartsOnly;
        builder.MagneticMediaOnSite = mediaOnSite;

        var decision = builder.Build().Assess(
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
    public void Assess_RecordsThePresumption(string date, WarrantyCondition condition)
    {
        var policy = Policy(Term("legal", "P2Y", "delivery").WithPresumption(Period.FromYears(1)));
        var decision = policy.Assess(Asset("hardware", ("delivery", "2024-03-10")), ClaimOn(date));
        Assert.Equal([condition], decision.Conditions);
    }

    [Theory]
    // labour, parts, travel periods; claim date; expected shares
    [InlineData("2024-06-01", 1, 1, 0.5)]
    [InlineData("2024-08-01", 1, 1, 0)] // travel (6 months) is over
    [InlineData("2025-06-01", 0, 1, 0)] // labour (1 year) is over too
    public void Assess_SharesLabourPartsAndTravel(string date, double labour, double parts, double travel)
    {
        var policy = Policy(Term("t", "P3Y", "acceptance")
            .WithShare(CostType.Labour, 1, Period.FromYears(1))
            .WithShare(CostType.Travel, 0.5m, Period.FromMonths(6)));

        var decision = policy.Assess(Asset("hardware", ("acceptance", "2024-01-10")), ClaimOn(date));

        Assert.Equal(new CostShares((decimal)labour, (decimal)parts, (decimal)travel), decision.Shares);
        Assert.Equal(Remedy.Repair, decision.Remedy);
        Assert.True(decision.Chargeable);
        Assert.Contains("shares: labour", decision.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_GivesTheRepairsDeadline_FromReceipt()
    {
        var policy = Builder(Term("t", "P1Y", "purchase")).SetRemedyDeadline(Remedy.Repair, ServiceTarget.Elapsed(Duration.FromHours(72))).Build();
        var asset = Asset("hardware", ("purchase", "2024-01-01"));

        var decision = policy.Assess(asset, ClaimOn("2024-06-01", received: At("2024-06-03T10:00")));
        var waiting = policy.Assess(asset, ClaimOn("2024-06-01"));

        Assert.Equal(At("2024-06-06T10:00"), decision.Due);
        Assert.Equal(DecisionReasonCode.DueOnReceipt, decision.Reasons[^1].Code);
        Assert.Equal(ServiceTarget.Elapsed(Duration.FromHours(72)), decision.Deadline);
        var explanation = decision.ExplainDue()!;
        Assert.Equal(decision.Due, explanation.Due);
        Assert.Equal(Duration.FromHours(72), explanation.Counted);
        Assert.Null(waiting.Due);
        Assert.Null(waiting.ExplainDue());
        Assert.Equal(DecisionReasonCode.DueNotYetKnown, waiting.Reasons[^1].Code);
    }

    [Fact]
    public void Assess_CountsADeadlineOnACalendar_AcrossTheNationalDayHolidayAndItsAdjustedWorkingDays()
    {
        var office = BusinessCalendar.FiveByEight(Shanghai, HolidaySets.ChinaMainland);
        var policy = Builder(Term("t", "P1Y", "purchase"))
            .AddCalendar("office", office)
            .SetRemedyDeadline(Remedy.Repair, ServiceTarget.WorkingDays(2), "office")
            .Build();

        // Received Sunday 2024-09-29 14:00, itself an adjusted working day (调休); 1-7 October are holidays and 12 October works.
        var decision = policy.Assess(Asset("hardware", ("purchase", "2024-01-01")), ClaimOn("2024-09-29", received: At("2024-09-29T14:00")));

        Assert.Equal(At("2024-10-08T18:00"), decision.Due);
        Assert.Contains(decision.ExplainDue()!.Spans, s => s.Kind == ExplanationSpanKind.Closed);
    }

    [Fact]
    public void Assess_Throws_WhenADeadlinesCalendarLacksTheYear()
    {
        var office = BusinessCalendar.FiveByEight(Shanghai, HolidaySets.ChinaMainland);
        var policy = Builder(Term("t", "P100Y", "purchase")).AddCalendar("office", office).SetRemedyDeadline(Remedy.Repair, ServiceTarget.WorkingDays(2), "office").Build();
        Assert.Throws<HolidayDataUnavailableException>(() =>
            policy.Assess(Asset("hardware", ("purchase", "2024-01-01")), ClaimOn("2040-01-02", received: At("2040-01-02T14:00"))));
    }

    [Fact]
    public void Assess_Throws_ForAClaimReadingThatGoesBack()
    {
        var policy = Policy(Term("car", "P2Y", "invoice").WithUsageLimit("km", 50000));
        var asset = Asset("vehicle", ("invoice", "2024-01-01")).WithReading(new UsageReading(D("2024-05-01"), "km", 12000));
        var error = Assert.Throws<ArgumentException>(() => policy.Assess(asset, ClaimOn("2024-06-01", usage: [new("km", 11000)])));
        Assert.Contains("11000 km goes back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_Throws_ForNullArguments()
    {
        var policy = Policy(Term("t", "P1Y", "purchase"));
        Assert.Throws<ArgumentNullException>(() => policy.Assess(null!, ClaimOn("2024-01-01")));
        Assert.Throws<ArgumentNullException>(() => policy.Assess(Asset(), null!));
    }

    [Fact]
    public void Assess_GivesTheSameDecisionEveryTime()
    {
        var policy = Builder(Term("t", "P1Y", "purchase")).AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2)).Build();
        var asset = Asset("hardware", ("purchase", "2024-01-01")).WithRepair(Repair("2024-02-01")).WithRepair(Repair("2024-03-01"));
        var claim = ClaimOn("2024-06-01");
        Assert.Equal(policy.Assess(asset, claim).ToString(), policy.Assess(asset, claim).ToString());
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
            policy.Assess(asset, ClaimOn("2025-03-03", problem: "E-42")).ToString());
    }
}
