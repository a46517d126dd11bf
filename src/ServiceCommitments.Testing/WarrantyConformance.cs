using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Testing;

/// <summary>
/// Conformance files of kind <c>warranty</c>: a warranty document (or the id of a shipped rule set) and cases of the
/// operations assess (the default), inForce and coverage. The error <c>unknownYear</c> names
/// <see cref="HolidayDataUnavailableException"/>.
/// </summary>
internal sealed class WarrantyConformance : ConformanceKind
{
    internal static readonly WarrantyConformance Instance = new();

    private static readonly IReadOnlyList<ConformanceError> ErrorList =
        [new ConformanceError("unknownYear", e => e is HolidayDataUnavailableException)];

    /// <summary>A window's first or last day: a date, <c>"lifetime"</c> (a last day only) or null.</summary>
    private static readonly ValueShape WindowEnd = Expect.Date.OrNull().Or("lifetime");

    /// <summary>A decision: a case names at least one field, and reasons are a subset of the decision's.</summary>
    private static readonly RecordShape Decision = new(
        "expected property of assess",
        Field.Of<ClaimDecision>("decision", d => d?.Status, Expect.Enum<ClaimStatus>("a decision")),
        Field.Of<ClaimDecision>("remedy", d => d?.Remedy, Expect.Enum<Remedy>("a remedy")),
        Field.Of<ClaimDecision>("exclusion", d => d?.Exclusion?.Id, Expect.String.OrNull()),
        Field.Of<ClaimDecision>("chargeable", d => d?.Chargeable, Expect.Bool),
        Field.Of<ClaimDecision>("coveredFrom", d => d?.CoveredFrom, WindowEnd),
        Field.Of<ClaimDecision>("coveredUntil", d => d is { IsLifetime: true } ? "lifetime" : d?.CoveredUntil, WindowEnd),
        Field.Of<ClaimDecision>("term", d => d?.Term?.Id, Expect.String.OrNull()),
        Field.Of<ClaimDecision>("due", d => d?.Due, Expect.Instant.OrNull()),
        Field.Of<ClaimDecision>("reasons", d => d?.Reasons.Select(r => r.Code).ToList(), new ListShape(Expect.Enum<DecisionReasonCode>("a reason code"), ListMatch.AsSubset)),
        Field.Of<ClaimDecision>("conditions", d => d?.Conditions, new ListShape(Expect.Enum<WarrantyCondition>("a condition"), ListMatch.AsSet)),
        Field.Of<ClaimDecision>("shares", d => d?.Shares, new RecordShape(
            "cost type",
            Field.Of<CostShares>("labour", s => s.Labour, Expect.Number),
            Field.Of<CostShares>("parts", s => s.Parts, Expect.Number),
            Field.Of<CostShares>("travel", s => s.Travel, Expect.Number))),
        Field.Of<ClaimDecision>("visitFee", d => d?.VisitFee, Expect.Number.OrNull()),
        Field.Of<ClaimDecision>("priceCeiling", d => d?.PriceCeiling, Expect.Number.OrNull()))
    {
        Needs = (null, "an assess case expects at least one of {fields}"),
    };

    /// <summary>A coverage: a case names at least one of its fields.</summary>
    private static readonly RecordShape Coverage = new(
        "expected property of coverage",
        Field.Of<AssetCoverage>("status", a => a.Status, Expect.Enum<CoverageStatus>("a coverage status")),
        Field.Of<AssetCoverage>("term", a => a.Term?.Id, Expect.String.OrNull()),
        Field.Of<AssetCoverage>("from", a => a.From, WindowEnd),
        Field.Of<AssetCoverage>("until", a => a.IsLifetime ? "lifetime" : a.Until, WindowEnd))
    {
        Needs = (null, "a coverage case expects at least one of {fields}"),
    };

    private static readonly IReadOnlyDictionary<string, ConformanceOperation> Table = OperationTable(
        new("assess", Decide, Decision),
        new("inForce", InForce, Expect.Bool),
        new("coverage", CoverageOf, Coverage));

    internal override string SubjectKey => "warranty";

    internal override IReadOnlyList<string> FileProperties => ["calendars"];

    internal override string? DefaultOperation => "assess";

    internal override IReadOnlyDictionary<string, ConformanceOperation> Operations => Table;

    internal override IReadOnlyList<ConformanceError> Errors => ErrorList;

    internal override object? ReadSubject(ObjectReader file, DocNode subject, DocumentContext context)
    {
        NamedCalendarsReader.Read(file.Optional("calendars"), context);
        return WarrantyReader.ReadOrRuleSet(subject, context);
    }

    internal override DateTimeZone DisplayZone(object? subject, DocumentContext context) => (subject as WarrantyPolicy)?.Zone ?? DateTimeZone.Utc;

    private static Func<object, object?>? Decide(CaseReader c)
    {
        var asset = c.Node("asset", "the asset object") is { } assetNode ? AssetClaimReader.ReadAsset(assetNode, c.Context) : null;
        var claim = c.Node("claim", "the claim object") is { } claimNode ? AssetClaimReader.ReadClaim(claimNode, c.Context) : null;
        return asset is null || claim is null ? null : s => ((WarrantyPolicy)s).Decide(asset, claim);
    }

    private static Func<object, object?>? InForce(CaseReader c)
    {
        string? term = c.Node("term", "a term id") is { } termNode && c.Context.TryString(termNode, "a term id", out string t) ? t : null;
        var asset = c.Node("asset", "the asset object") is { } assetNode ? AssetClaimReader.ReadAsset(assetNode, c.Context) : null;
        var on = c.Date("on");
        return term is null || asset is null ? null : s => ((WarrantyPolicy)s).IsInForce(term, asset, on);
    }

    private static Func<object, object?>? CoverageOf(CaseReader c)
    {
        string? term = null;
        if (c.Optional("term") is { } termNode && c.Context.TryString(termNode, "a term id", out string t))
        {
            term = t;
        }

        var asset = c.Node("asset", "the asset object") is { } assetNode ? AssetClaimReader.ReadAsset(assetNode, c.Context) : null;
        var on = c.Date("on");
        if (asset is null)
        {
            return null;
        }

        return term is null ? s => ((WarrantyPolicy)s).GetCoverage(asset, on) : s => ((WarrantyPolicy)s).GetCoverage(term, asset, on);
    }
}
