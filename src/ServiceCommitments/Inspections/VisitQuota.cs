using System;
using System.Globalization;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>
/// "At least K visits per period" (four inspections a year, at least one visit a month in the first three months): an
/// obligation over calendar or contract periods, checked against the visits themselves, apart from the nominal dates.
/// </summary>
/// <remarks>
/// The quota applies from the anchor + <see cref="From"/> for <see cref="For"/> (or to the schedule's end when null).
/// Every period of <see cref="Per"/> that overlaps that range is checked, and only visits inside both the period and
/// the range count; a period the range covers only in part is flagged <see cref="QuotaResult.IsPartial"/> and still
/// needs the full <see cref="AtLeast"/>, which is never scaled down silently. Instances are immutable.
/// </remarks>
[Immutable]
public sealed class VisitQuota
{
    internal VisitQuota(int atLeast, PeriodGrid per, Period from, Period? length, FieldRef origin)
    {
        AtLeast = atLeast;
        Per = per;
        From = from;
        For = length;
        Origin = origin;
    }

    /// <summary>The least number of visits each period needs.</summary>
    public int AtLeast { get; }

    /// <summary>The periods.</summary>
    public PeriodGrid Per { get; }

    /// <summary>When the quota starts, counted from the anchor (zero: the day after the anchor).</summary>
    public Period From { get; }

    /// <summary>How long the quota lasts, or null for the schedule's whole life.</summary>
    public Period? For { get; }

    internal FieldRef Origin { get; }

    /// <summary>Describes the quota: <c>at least 1 visit per contract month</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"at least {AtLeast.ToString(CultureInfo.InvariantCulture)} visit{(AtLeast == 1 ? "" : "s")} per {Per.ToString().Replace("months", "month", StringComparison.Ordinal).Replace("quarters", "quarter", StringComparison.Ordinal).Replace("years", "year", StringComparison.Ordinal).Replace("half-years", "half-year", StringComparison.Ordinal)}";
}
