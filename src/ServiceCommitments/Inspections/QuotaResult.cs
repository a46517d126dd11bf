using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>Where one period of a quota stands.</summary>
/// <param name="Quota">The quota.</param>
/// <param name="Period">The period, both ends included.</param>
/// <param name="Visits">The visits inside the period and the quota's range.</param>
/// <param name="Status">Met, short (the period ended before the as-of date) or open.</param>
/// <param name="IsPartial">Whether the quota's range covers only part of the period.</param>
/// <remarks>An immutable value. The default value has a null quota and is never produced by the library.</remarks>
[Immutable]
public readonly record struct QuotaResult(VisitQuota Quota, DateInterval Period, int Visits, QuotaStatus Status, bool IsPartial)
{
    /// <summary>The visits the period needs (the quota's <see cref="VisitQuota.AtLeast"/>).</summary>
    public int Required => Quota.AtLeast;
}
