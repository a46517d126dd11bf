using System;
using NodaTime;

namespace ServiceCommitments.Warranty;

/// <summary>
/// A term compiled for evaluation: its period and adjustments as integers, so that the coverage of an asset on a date
/// is a few comparisons and additions over the asset's sorted history, allocation-free (docs/warranty.md, "Adjustments,
/// and the coverage on a date").
/// </summary>
internal sealed class CompiledTerm
{
    private readonly WarrantyStart start;
    private readonly bool countStart;
    private readonly Span3 period;
    private readonly string? usageQuantity;
    private readonly decimal usageLimit;
    private readonly bool addBack;
    private readonly bool hasExtension;
    private readonly Span3 extension;
    private readonly bool extendOnce;
    private readonly bool restart;
    private readonly bool transferable;
    private readonly Span3 presumption;
    private readonly bool hasPresumption;
    private readonly Span3[] shares; // per CostType: the share's own period
    private readonly decimal[] shareValues;

    private readonly bool adjustsForRepairs;

    internal CompiledTerm(WarrantyTerm term, int index)
    {
        Term = term;
        Index = index;
        start = term.Start!;
        countStart = term.CountsStartDay;
        period = Span3.Of(term.Period);
        if (term.UsageLimit is { } usage)
        {
            usageQuantity = usage.Quantity;
            usageLimit = usage.Limit;
        }

        addBack = term.AddsRepairTime;
        hasExtension = term.RepairExtension is not null;
        extension = Span3.Of(term.RepairExtension);
        extendOnce = term.RepairExtensionMode == RepairExtensionMode.ExtendOnce;
        restart = term.RestartsOnReplacement;
        transferable = term.IsTransferable;
        hasPresumption = term.Presumption is not null;
        presumption = Span3.Of(term.Presumption);
        adjustsForRepairs = addBack || hasExtension;
        shares = new Span3[3];
        shareValues = new decimal[3];
        for (int cost = 0; cost < 3; cost++)
        {
            if (term.Shares.TryGetValue((CostType)cost, out var share))
            {
                shareValues[cost] = share.Share;
                shares[cost] = share.IsLifetime ? Span3.LifetimeSpan : share.Period is { } own ? Span3.Of(own) : period;
            }
            else
            {
                shareValues[cost] = 1;
                shares[cost] = period;
            }
        }
    }

    internal WarrantyTerm Term { get; }

    internal int Index { get; }

    internal string? UsageQuantity => usageQuantity;

    internal bool HasPresumption => hasPresumption;

    /// <summary>The coverage of the term for <paramref name="asset"/> on day <paramref name="d"/>.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="d">The day.</param>
    /// <param name="claimUsage">The claim's reading of the term's usage quantity on <paramref name="d"/>, or null.</param>
    internal TermWindow Evaluate(Asset asset, long d, decimal? claimUsage) => Evaluate(asset, d, period, claimUsage);

    /// <summary>The coverage of the term for <paramref name="asset"/> on day <paramref name="d"/>, from the asset's own readings.</summary>
    internal TermWindow Evaluate(Asset asset, long d) => Evaluate(asset, d, period, null);

    /// <summary>The supplier's share of <paramref name="cost"/> on day <paramref name="d"/>: the share inside its own window, 0 outside.</summary>
    internal decimal ShareOn(CostType cost, Asset asset, long d, decimal? claimUsage)
    {
        int i = (int)cost;
        return Evaluate(asset, d, shares[i], claimUsage).Status == CoverageStatus.InForce ? shareValues[i] : 0;
    }

    /// <summary>Whether <paramref name="d"/> lies within the presumption window counted from <paramref name="startDay"/>, without adjustments.</summary>
    internal bool WithinPresumption(long startDay, long d) =>
        d >= startDay + (countStart ? 0 : 1) && d <= presumption.AddTo(startDay) - (countStart ? 1 : 0);

    private TermWindow Evaluate(Asset asset, long d, Span3 span, decimal? claimUsage)
    {
        if (!start.TryResolve(asset, out long s, out int packed))
        {
            return TermWindow.NoStart;
        }

        long first0 = s + (countStart ? 0 : 1);
        if (transferable && (asset.RepairCount == 0 || !adjustsForRepairs) && (!restart || asset.ReplacementDays.Length == 0))
        {
            // One candidate and nothing that moves it: the window is the period itself.
            long lastDay = span.Lifetime ? DayNumbers.Lifetime : span.AddTo(s, packed) - (countStart ? 1 : 0);
            var status = d < first0 ? CoverageStatus.NotStarted
                : d > lastDay ? CoverageStatus.Ended
                : usageQuantity is null || (claimUsage ?? asset.UsageAtOrBefore(usageQuantity, d)) <= usageLimit ? CoverageStatus.InForce
                : CoverageStatus.UsageLimitReached;
            return new TermWindow(status, true, s, first0, lastDay, 0, false, false);
        }

        long transfer = transferable ? long.MaxValue : asset.FirstTransfer;
        bool transferred = transfer <= d;
        long cap = transferred ? transfer - 1 : long.MaxValue;
        decimal current = 0;
        if (usageQuantity is not null)
        {
            current = claimUsage ?? asset.UsageAtOrBefore(usageQuantity, d);
        }

        var best = default(Candidate);
        var bestInForce = default(Candidate);
        var bestOverUsage = default(Candidate);
        Consider(asset, s, packed, 0, d, span, cap, current, ref best, ref bestInForce, ref bestOverUsage, isRestart: false);
        if (restart)
        {
            var replacements = asset.ReplacementDays;
            for (int i = 0; i < replacements.Length; i++)
            {
                long r = replacements[i];
                if (r > d)
                {
                    break;
                }

                if (r >= first0)
                {
                    decimal baseline = usageQuantity is null ? 0 : asset.UsageAtOrBefore(usageQuantity, r);
                    Consider(asset, r, 0, baseline, d, span, cap, current, ref best, ref bestInForce, ref bestOverUsage, isRestart: true);
                }
            }
        }

        if (bestInForce.Exists)
        {
            return bestInForce.ToWindow(CoverageStatus.InForce);
        }

        if (transferred)
        {
            return best.Exists && best.Last >= best.First
                ? best.ToWindow(CoverageStatus.Transferred)
                : new TermWindow(CoverageStatus.Transferred);
        }

        if (bestOverUsage.Exists)
        {
            return bestOverUsage.ToWindow(CoverageStatus.UsageLimitReached);
        }

        return best.ToWindow(best.First > d ? CoverageStatus.NotStarted : CoverageStatus.Ended);
    }

    private void Consider(
        Asset asset, long s, int packed, decimal baseline, long d, Span3 span, long cap, decimal current,
        ref Candidate best, ref Candidate bestInForce, ref Candidate bestOverUsage, bool isRestart)
    {
        var candidate = Window(asset, s, packed, d, span, cap, isRestart);
        if (!best.Exists || candidate.Last > best.Last)
        {
            best = candidate;
        }

        if (candidate.First <= d && d <= candidate.Last)
        {
            bool withinUsage = usageQuantity is null || current - baseline <= usageLimit;
            if (withinUsage)
            {
                if (!bestInForce.Exists || candidate.Last > bestInForce.Last)
                {
                    bestInForce = candidate;
                }
            }
            else if (!bestOverUsage.Exists || candidate.Last > bestOverUsage.Last)
            {
                bestOverUsage = candidate;
            }
        }
    }

    /// <summary>One candidate period from <paramref name="s"/> (packed as <paramref name="packed"/>, or 0): its window as of <paramref name="d"/>, with the repairs' adjustments and the owner-change cap.</summary>
    private Candidate Window(Asset asset, long s, int packed, long d, Span3 span, long cap, bool isRestart)
    {
        long first = s + (countStart ? 0 : 1);
        long last = span.Lifetime ? DayNumbers.Lifetime : span.AddTo(s, packed) - (countStart ? 1 : 0);
        long added = 0;
        bool extended = false;
        if (!span.Lifetime && (addBack || hasExtension))
        {
            int count = asset.RepairCount;
            for (int i = 0; i < count; i++)
            {
                long day = asset.RepairDay(i);
                if (day < first)
                {
                    continue;
                }

                if (day > d || day > last)
                {
                    break;
                }

                if (addBack)
                {
                    long length = asset.RepairLength(i);
                    last += length;
                    added += length;
                }

                if (hasExtension)
                {
                    if (extendOnce)
                    {
                        if (!extended)
                        {
                            last = extension.AddTo(last);
                            extended = true;
                        }
                    }
                    else
                    {
                        long until = extension.AddTo(day);
                        if (until > last)
                        {
                            last = until;
                            extended = true;
                        }
                    }
                }
            }
        }

        if (cap < last)
        {
            last = cap;
        }

        return new Candidate(true, s, first, last, added, extended, isRestart);
    }

    private readonly record struct Candidate(bool Exists, long Start, long First, long Last, long Added, bool Extended, bool Restart)
    {
        internal TermWindow ToWindow(CoverageStatus status) => new(status, true, Start, First, Last, Added, Extended, Restart);
    }

    /// <summary>A period as the years, months and days added in that order; or lifetime.</summary>
    internal readonly struct Span3
    {
        private readonly int years;
        private readonly int months;
        private readonly long days;

        private Span3(int years, int months, long days, bool lifetime)
        {
            this.years = years;
            this.months = months;
            this.days = days;
            Lifetime = lifetime;
        }

        internal static Span3 LifetimeSpan => new(0, 0, 0, true);

        internal bool Lifetime { get; }

        internal static Span3 Of(Period? period)
        {
            if (period is null)
            {
                return LifetimeSpan;
            }

            var (y, m, d) = WarrantyPeriods.Parts(period);
            return new Span3(y, m, d, false);
        }

        internal long AddTo(long day) => Lifetime || day == DayNumbers.Lifetime ? DayNumbers.Lifetime : DayNumbers.Plus(day, years, months, days);

        /// <summary>As <see cref="AddTo(long)"/>, from a date also given packed (0 when not known).</summary>
        internal long AddTo(long day, int packed) =>
            packed == 0 ? AddTo(day) : Lifetime ? DayNumbers.Lifetime : DayNumbers.Plus(day, packed, years, months, days);
    }
}

/// <summary>A term's coverage of one asset on one day: the status and the window reported with it.</summary>
internal readonly struct TermWindow
{
    internal static readonly TermWindow NoStart = new(CoverageStatus.NotStarted);

    // Ranks by status (see Rank), indexed by CoverageStatus: NoTerm, NotStarted, InForce, UsageLimitReached, Transferred, Ended.
    private static ReadOnlySpan<byte> Ranks => [5, 4, 0, 1, 3, 2];

    private readonly long start;
    private readonly long first;
    private readonly long last;
    private readonly long added;
    private readonly byte status;
    private readonly bool hasWindow;
    private readonly bool extended;
    private readonly bool restarted;

    internal TermWindow(CoverageStatus status)
    {
        this.status = (byte)status;
    }

    internal TermWindow(CoverageStatus status, bool hasWindow, long start, long first, long last, long added, bool extended, bool restarted)
    {
        this.status = (byte)status;
        this.hasWindow = hasWindow;
        this.start = start;
        this.first = first;
        this.last = last;
        this.added = added;
        this.extended = extended;
        this.restarted = restarted;
    }

    internal CoverageStatus Status => (CoverageStatus)status;

    internal bool HasWindow => hasWindow;

    /// <summary>The start date of the window's period (the term's start, or a replacement).</summary>
    internal long Start => start;

    internal long First => first;

    /// <summary>The last covered day, or <see cref="DayNumbers.Lifetime"/>.</summary>
    internal long Last => last;

    internal long AddedDays => added;

    internal bool Extended => extended;

    internal bool Restarted => restarted;

    internal bool IsLifetime => hasWindow && last == DayNumbers.Lifetime;

    /// <summary>How the status ranks when terms compete: in force first, then usage limit reached, ended, transferred, not started.</summary>
    internal int Rank => Ranks[status];
}
