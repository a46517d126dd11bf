using System;
using System.Linq;
using NodaTime;
using ServiceCommitments.Warranty;
using Xunit;
using static ServiceCommitments.Tests.Warranty.W;

namespace ServiceCommitments.Tests.Warranty;

/// <summary>The exclusion catalogue: every built-in cause, the consequence of each clause, and exclusions of the user's own.</summary>
public sealed class ExclusionTests
{
    private static readonly WarrantyPolicy Policy = W.Policy(Term("t", "P1Y", "purchase"));
    private static readonly Asset Covered = Asset("hardware", ("purchase", "2024-01-01"));

    [Theory]
    // cause, exclusion id, outcome
    [InlineData("fire", "disaster", ClaimOutcome.Excluded)]
    [InlineData("flood", "disaster", ClaimOutcome.Excluded)]
    [InlineData("wind", "disaster", ClaimOutcome.Excluded)]
    [InlineData("lightning", "disaster", ClaimOutcome.Excluded)]
    [InlineData("war", "disaster", ClaimOutcome.Excluded)]
    [InlineData("powerFailure", "disaster", ClaimOutcome.Excluded)]
    [InlineData("negligence", "misuse", ClaimOutcome.Excluded)]
    [InlineData("misuse", "misuse", ClaimOutcome.Excluded)]
    [InlineData("misoperation", "misuse", ClaimOutcome.Excluded)]
    [InlineData("maliciousUse", "misuse", ClaimOutcome.Excluded)]
    [InlineData("movedByUnqualifiedPeople", "unqualifiedChange", ClaimOutcome.Excluded)]
    [InlineData("unauthorisedModification", "unauthorisedModification", ClaimOutcome.Excluded)]
    [InlineData("installationDeviation", "unauthorisedModification", ClaimOutcome.Excluded)]
    [InlineData("inferiorThirdPartyMaterials", "inferiorMaterials", ClaimOutcome.Excluded)]
    [InlineData("thirdPartyEquipment", "thirdPartyEquipment", ClaimOutcome.Excluded)]
    [InlineData("thirdPartySoftware", "thirdPartyEquipment", ClaimOutcome.Excluded)]
    [InlineData("improperUse", "improperUse", ClaimOutcome.Excluded)]
    [InlineData("accident", "improperUse", ClaimOutcome.Excluded)]
    [InlineData("alteration", "improperUse", ClaimOutcome.Excluded)]
    [InlineData("unsuitableEnvironment", "improperUse", ClaimOutcome.Excluded)]
    [InlineData("improperMaintenance", "improperUse", ClaimOutcome.Excluded)]
    [InlineData("unagreedPeripheral", "notCovered", ClaimOutcome.Excluded)]
    [InlineData("consumable", "notCovered", ClaimOutcome.Excluded)]
    [InlineData("humanDamage", "notCovered", ClaimOutcome.Excluded)]
    [InlineData("nonQualityFault", "notCovered", ClaimOutcome.Excluded)]
    [InlineData("forceMajeure", "forceMajeure", ClaimOutcome.Excluded)]
    [InlineData("repairOfReplacedPart", "emergencyPartRepair", ClaimOutcome.Excluded)]
    [InlineData("outOfScope", "outOfScope", ClaimOutcome.OutOfScope)]
    public void Assess_NamesTheExclusion_ForEachBuiltInCause(string cause, string id, ClaimOutcome outcome)
    {
        var decision = Policy.Assess(Covered, ClaimOn("2024-06-01", causes: [cause]));

        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(id, decision.Exclusion!.Id);
        Assert.Equal(Remedy.PaidService, decision.Remedy);
        Assert.True(decision.Chargeable);
        Assert.Equal(default, decision.Shares);
        Assert.Equal(outcome == ClaimOutcome.OutOfScope, decision.Conditions.Contains(WarrantyCondition.CustomerConsentRequired));
        Assert.Equal("t", decision.Term!.Id);
        Assert.Equal(D("2025-01-01"), decision.CoveredUntil);
    }

    [Fact]
    public void BuiltIn_HasOneExclusionPerClause_WithEachCauseOnce()
    {
        Assert.Equal(
            ["disaster", "misuse", "unqualifiedChange", "unauthorisedModification", "inferiorMaterials", "thirdPartyEquipment", "improperUse", "notCovered", "forceMajeure", "emergencyPartRepair", "outOfScope"],
            Exclusions.BuiltIn.Select(e => e.Id));
        var causes = Exclusions.BuiltIn.SelectMany(e => e.Causes).ToList();
        Assert.Equal(causes.Count, causes.Distinct().Count());
        Assert.Equal(28, causes.Count);
        Assert.All(Exclusions.BuiltIn, e => Assert.False(string.IsNullOrEmpty(e.Clause)));
    }

    [Fact]
    public void Assess_PrefersANotCoveredExclusion_OverOutOfScope()
    {
        var decision = Policy.Assess(Covered, ClaimOn("2024-06-01", causes: ["outOfScope", "lightning"]));
        Assert.Equal(ClaimOutcome.Excluded, decision.Outcome);
        Assert.Equal("disaster", decision.Exclusion!.Id);
        Assert.Equal(
            [DecisionReasonCode.TermInForce, DecisionReasonCode.Excluded, DecisionReasonCode.OutOfScope],
            decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Assess_NamesTheFirstExclusionInCatalogueOrder_WhenSeveralApply()
    {
        var decision = Policy.Assess(Covered, ClaimOn("2024-06-01", causes: ["consumable", "fire"]));
        Assert.Equal("disaster", decision.Exclusion!.Id);
    }

    [Fact]
    public void Assess_ExcludesAfterExpiryToo()
    {
        var decision = Policy.Assess(Covered, ClaimOn("2026-06-01", causes: ["fire"]));
        Assert.Equal(ClaimOutcome.Excluded, decision.Outcome);
        Assert.True(decision.HasReason(DecisionReasonCode.PeriodEnded));
    }

    [Fact]
    public void Assess_Throws_ForACauseNoExclusionLists()
    {
        var error = Assert.Throws<ArgumentException>(() => Policy.Assess(Covered, ClaimOn("2024-06-01", causes: ["fier"])));
        Assert.Contains("\"fier\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("causes[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("fire, flood", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_UsesTheUsersOwnExclusion()
    {
        var policy = new WarrantyPolicyBuilder(Shanghai)
            .AddTerm(Term("t", "P1Y", "purchase"))
            .AddExclusion(Exclusion.Define("waterDamage", ExclusionConsequence.NotCovered, "liquid damage", "liquid", "immersion"))
            .Build();

        var decision = policy.Assess(Covered, ClaimOn("2024-06-01", causes: ["immersion"]));

        Assert.Equal(ClaimOutcome.Excluded, decision.Outcome);
        Assert.Equal("waterDamage", decision.Exclusion!.Id);
        Assert.Equal(12, policy.Exclusions.Count);
    }

    [Fact]
    public void Assess_IgnoresBuiltInExclusionsThePolicyDropped()
    {
        var policy = new WarrantyPolicyBuilder(Shanghai).AddTerm(Term("t", "P1Y", "purchase")).UseBuiltInExclusions("misuse", "disaster").Build();

        Assert.Equal(["disaster", "misuse"], policy.Exclusions.Select(e => e.Id)); // catalogue order
        Assert.Throws<ArgumentException>(() => policy.Assess(Covered, ClaimOn("2024-06-01", causes: ["consumable"])));
        Assert.Equal(ClaimOutcome.Excluded, policy.Assess(Covered, ClaimOn("2024-06-01", causes: ["fire"])).Outcome);
    }

    [Fact]
    public void Build_ReportsExclusionProblems()
    {
        var builder = new WarrantyPolicyBuilder(Shanghai)
            .AddTerm(Term("t", "P1Y", "purchase"))
            .UseBuiltInExclusions("disaster", "disastre", "disaster")
            .AddExclusion(Exclusion.Define("disaster", ExclusionConsequence.NotCovered, "", "meteor"))
            .AddExclusion(Exclusion.Define("surge", ExclusionConsequence.NotCovered, "", "powerFailure"))
            .AddExclusion(Exclusion.Define("empty", ExclusionConsequence.OutOfScope, ""))
            .AddExclusion(Exclusion.Define("twice", ExclusionConsequence.NotCovered, "", "x", "x"));

        var error = Assert.Throws<ValidationException>(() => builder.Build());

        Assert.Equal(
            [
                "built-in exclusions[1]: found \"disastre\"; expected the id of a built-in exclusion: disaster, misuse, unqualifiedChange, unauthorisedModification, inferiorMaterials, thirdPartyEquipment, improperUse, notCovered, forceMajeure, emergencyPartRepair, outOfScope",
                "built-in exclusions[2]: found \"disaster\"; a built-in exclusion may be named once",
                "exclusion 'disaster': found \"disaster\"; an exclusion id is unique in a policy; built-in exclusion 'disaster' has it too",
                "exclusion 'surge': found \"powerFailure\"; a cause triggers one exclusion only; it already triggers 'disaster'",
                "exclusion 'empty': exclusion 'empty' needs at least one cause that triggers it",
                "exclusion 'twice': found \"x\"; exclusion 'twice' lists the cause twice",
            ],
            error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Find_ReturnsTheBuiltInExclusion_OrNull()
    {
        Assert.Same(Exclusions.ForceMajeure, Exclusions.Find("forceMajeure"));
        Assert.Null(Exclusions.Find("ForceMajeure"));
        Assert.Throws<ArgumentNullException>(() => Exclusions.Find(null!));
    }

    [Fact]
    public void Define_RejectsNulls()
    {
        Assert.Throws<ArgumentNullException>(() => Exclusion.Define(null!, ExclusionConsequence.NotCovered, "", "a"));
        Assert.Throws<ArgumentNullException>(() => Exclusion.Define("a", ExclusionConsequence.NotCovered, null!, "a"));
        Assert.Throws<ArgumentNullException>(() => Exclusion.Define("a", ExclusionConsequence.NotCovered, "", null!));
        Assert.Throws<ArgumentNullException>(() => Exclusion.Define("a", ExclusionConsequence.NotCovered, "", "a", null!));
    }

    [Fact]
    public void Assess_GivesPaidServicePrices_ForAnExclusion()
    {
        var policy = new WarrantyPolicyBuilder(Shanghai)
        {
            PaidService = new PaidServiceTerms(300, PartsAtCost: true, NotAboveBidPrice: true),
        }.AddTerm(Term("t", "P1Y", "purchase")).Build();
        var asset = new Asset(ComponentClass.Hardware, [new("purchase", D("2024-01-01"))], bidPrice: 12800);

        var decision = policy.Assess(asset, ClaimOn("2024-06-01", causes: ["humanDamage"]));

        Assert.Equal(300m, decision.VisitFee);
        Assert.Equal(12800m, decision.PriceCeiling);
        Assert.Equal([WarrantyCondition.PartsAtCost, WarrantyCondition.NotAboveBidPrice, WarrantyCondition.PerVisitFee], decision.Conditions);
    }
}
