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
    // cause, exclusion id, status
    [InlineData("fire", "disaster", ClaimStatus.Excluded)]
    [InlineData("flood", "disaster", ClaimStatus.Excluded)]
    [InlineData("wind", "disaster", ClaimStatus.Excluded)]
    [InlineData("lightning", "disaster", ClaimStatus.Excluded)]
    [InlineData("war", "disaster", ClaimStatus.Excluded)]
    [InlineData("powerFailure", "disaster", ClaimStatus.Excluded)]
    [InlineData("negligence", "misuse", ClaimStatus.Excluded)]
    [InlineData("misuse", "misuse", ClaimStatus.Excluded)]
    [InlineData("misoperation", "misuse", ClaimStatus.Excluded)]
    [InlineData("maliciousUse", "misuse", ClaimStatus.Excluded)]
    [InlineData("movedByUnqualifiedPeople", "unqualifiedChange", ClaimStatus.Excluded)]
    [InlineData("unauthorisedModification", "unauthorisedModification", ClaimStatus.Excluded)]
    [InlineData("installationDeviation", "unauthorisedModification", ClaimStatus.Excluded)]
    [InlineData("inferiorThirdPartyMaterials", "inferiorMaterials", ClaimStatus.Excluded)]
    [InlineData("thirdPartyEquipment", "thirdPartyEquipment", ClaimStatus.Excluded)]
    [InlineData("thirdPartySoftware", "thirdPartyEquipment", ClaimStatus.Excluded)]
    [InlineData("improperUse", "improperUse", ClaimStatus.Excluded)]
    [InlineData("accident", "improperUse", ClaimStatus.Excluded)]
    [InlineData("alteration", "improperUse", ClaimStatus.Excluded)]
    [InlineData("unsuitableEnvironment", "improperUse", ClaimStatus.Excluded)]
    [InlineData("improperMaintenance", "improperUse", ClaimStatus.Excluded)]
    [InlineData("unagreedPeripheral", "notCovered", ClaimStatus.Excluded)]
    [InlineData("consumable", "notCovered", ClaimStatus.Excluded)]
    [InlineData("humanDamage", "notCovered", ClaimStatus.Excluded)]
    [InlineData("nonQualityFault", "notCovered", ClaimStatus.Excluded)]
    [InlineData("forceMajeure", "forceMajeure", ClaimStatus.Excluded)]
    [InlineData("repairOfReplacedPart", "emergencyPartRepair", ClaimStatus.Excluded)]
    [InlineData("outOfScope", "outOfScope", ClaimStatus.OutOfScope)]
    public void Decide_NamesTheExclusion_ForEachBuiltInCause(string cause, string id, ClaimStatus status)
    {
        var decision = Policy.Decide(Covered, ClaimOn("2024-06-01", causes: [cause]));

        Assert.Equal(status, decision.Status);
        Assert.Equal(id, decision.Exclusion!.Id);
        Assert.Equal(Remedy.PaidService, decision.Remedy);
        Assert.True(decision.Chargeable);
        Assert.Equal(default, decision.Shares);
        Assert.Equal(status == ClaimStatus.OutOfScope, decision.Conditions.Contains(WarrantyCondition.CustomerConsentRequired));
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
    public void Decide_PrefersANotCoveredExclusion_OverOutOfScope()
    {
        var decision = Policy.Decide(Covered, ClaimOn("2024-06-01", causes: ["outOfScope", "lightning"]));
        Assert.Equal(ClaimStatus.Excluded, decision.Status);
        Assert.Equal("disaster", decision.Exclusion!.Id);
        Assert.Equal(
            [DecisionReasonCode.TermInForce, DecisionReasonCode.Excluded, DecisionReasonCode.OutOfScope],
            decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Decide_NamesTheFirstExclusionInCatalogueOrder_WhenSeveralApply()
    {
        var decision = Policy.Decide(Covered, ClaimOn("2024-06-01", causes: ["consumable", "fire"]));
        Assert.Equal("disaster", decision.Exclusion!.Id);
    }

    [Fact]
    public void Decide_ExcludesAfterExpiryToo()
    {
        var decision = Policy.Decide(Covered, ClaimOn("2026-06-01", causes: ["fire"]));
        Assert.Equal(ClaimStatus.Excluded, decision.Status);
        Assert.True(decision.HasReason(DecisionReasonCode.PeriodEnded));
    }

    [Fact]
    public void Decide_Throws_ForACauseNoExclusionLists()
    {
        var error = Assert.Throws<ArgumentException>(() => Policy.Decide(Covered, ClaimOn("2024-06-01", causes: ["fier"])));
        Assert.Contains("\"fier\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("causes[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("fire, flood", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_UsesTheUsersOwnExclusion()
    {
        var policy = new WarrantyPolicyBuilder(Shanghai)
            .AddTerm(Term("t", "P1Y", "purchase"))
            .AddExclusion(Exclusion.Define("waterDamage", ExclusionConsequence.NotCovered, "liquid damage", "liquid", "immersion"))
            .Build();

        var decision = policy.Decide(Covered, ClaimOn("2024-06-01", causes: ["immersion"]));

        Assert.Equal(ClaimStatus.Excluded, decision.Status);
        Assert.Equal("waterDamage", decision.Exclusion!.Id);
        Assert.Equal(12, policy.Exclusions.Count);
    }

    [Fact]
    public void Decide_IgnoresBuiltInExclusionsThePolicyDropped()
    {
        var policy = new WarrantyPolicyBuilder(Shanghai).AddTerm(Term("t", "P1Y", "purchase")).UseBuiltInExclusions("misuse", "disaster").Build();

        Assert.Equal(["disaster", "misuse"], policy.Exclusions.Select(e => e.Id)); // catalogue order
        Assert.Throws<ArgumentException>(() => policy.Decide(Covered, ClaimOn("2024-06-01", causes: ["consumable"])));
        Assert.Equal(ClaimStatus.Excluded, policy.Decide(Covered, ClaimOn("2024-06-01", causes: ["fire"])).Status);
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
    public void Decide_GivesPaidServicePrices_ForAnExclusion()
    {
        var policy = new WarrantyPolicyBuilder(Shanghai)
        {
            PaidService = new PaidServiceTerms(300, PartsAtCost: true, NotAboveBidPrice: true),
        }.AddTerm(Term("t", "P1Y", "purchase")).Build();
        var asset = new Asset(ComponentClass.Hardware, [new("purchase", D("2024-01-01"))], bidPrice: 12800);

        var decision = policy.Decide(asset, ClaimOn("2024-06-01", causes: ["humanDamage"]));

        Assert.Equal(300m, decision.VisitFee);
        Assert.Equal(12800m, decision.PriceCeiling);
        Assert.Equal([WarrantyCondition.PartsAtCost, WarrantyCondition.NotAboveBidPrice, WarrantyCondition.PerVisitFee], decision.Conditions);
    }
}
