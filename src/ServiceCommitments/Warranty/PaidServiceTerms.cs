using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>The terms of paid service (after the warranty, or for excluded and out-of-scope work).</summary>
/// <param name="VisitFee">The fee per visit, charged unless a maintenance contract covers the asset on the claim's date; null for none.</param>
/// <param name="PartsAtCost">Whether parts are charged at cost.</param>
/// <param name="NotAboveBidPrice">Whether prices never exceed the asset's bid price.</param>
/// <remarks>An immutable value. The default value has no fee and neither promise.</remarks>
[Immutable]
public readonly record struct PaidServiceTerms(decimal? VisitFee, bool PartsAtCost, bool NotAboveBidPrice);
