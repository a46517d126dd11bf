using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Warranty;

/// <summary>
/// A warranty policy: its terms, exclusions, escalation rules, return and exchange windows, remedy deadlines and the
/// terms of paid service. It decides claims (<see cref="Decide"/>) and tells which assets are covered on a date, one
/// at a time or in bulk (<see cref="GetCoverage(ReadOnlySpan{Asset}, LocalDate, Span{AssetCoverage})"/>).
/// </summary>
/// <remarks>
/// <para>Built by <see cref="WarrantyPolicyBuilder"/>, read from a warranty document
/// (<c>ServiceCommitments.Documents.WarrantyDocument</c>) or loaded from a statutory rule set
/// (<c>ServiceCommitments.Documents.WarrantyRuleSets</c>). docs/warranty.md states every rule: where a period starts and
/// ends, how repairs, replacements and owner changes adjust it, and each step of a decision.</para>
/// <para>Instances are immutable and thread-safe: one policy may decide claims on many threads at once.</para>
/// </remarks>
[Immutable]
public sealed class WarrantyPolicy
{
    private readonly CompiledTerm[] compiled;
    private readonly Dictionary<string, CompiledTerm> termsById;
    private readonly TermIndex[] byKind;
    private readonly Dictionary<string, Exclusion> byCause;
    private readonly BusinessCalendar alwaysOpen;

    internal WarrantyPolicy(WarrantyPolicyBuilder.Snapshot snapshot)
    {
        Zone = snapshot.Zone;
        Terms = Array.AsReadOnly(snapshot.Terms.ToArray());
        compiled = snapshot.Terms.Select((t, i) => new CompiledTerm(t, i)).ToArray();
        termsById = compiled.ToDictionary(t => t.Term.Id, StringComparer.Ordinal);
        byKind = new TermIndex[4];
        for (int kind = 0; kind < byKind.Length; kind++)
        {
            byKind[kind] = new TermIndex(compiled.Where(t => (int)t.Term.Kind == kind).ToArray());
        }

        Exclusions = Array.AsReadOnly(snapshot.Exclusions.ToArray());
        BuiltInExclusionIds = snapshot.BuiltInIds is null ? null : Array.AsReadOnly(snapshot.BuiltInIds.ToArray());
        CustomExclusions = Array.AsReadOnly(snapshot.CustomExclusions.ToArray());
        byCause = new Dictionary<string, Exclusion>(StringComparer.Ordinal);
        foreach (var exclusion in snapshot.Exclusions)
        {
            foreach (string cause in exclusion.CauseArray)
            {
                byCause[cause] = exclusion;
            }
        }

        RepeatFailureRules = Array.AsReadOnly(snapshot.RepeatFailureRules.ToArray());
        RepairTimeRules = Array.AsReadOnly(snapshot.RepairTimeRules.ToArray());
        Windows = Array.AsReadOnly(snapshot.Windows.Select(w => w.Window).ToArray());
        WindowCalendars = snapshot.Windows.Select(w => w.Calendar).ToArray();
        RemedyDeadlines = new ReadOnlyDictionary<Remedy, ServiceTarget>(snapshot.Deadlines.ToDictionary(p => p.Key, p => p.Value.Target));
        DeadlineEntries = snapshot.Deadlines.ToDictionary(p => p.Key, p => p.Value);
        Calendars = new ReadOnlyDictionary<string, BusinessCalendar>(new Dictionary<string, BusinessCalendar>(snapshot.Calendars, StringComparer.Ordinal));
        ReplacementOnRequest = snapshot.ReplacementOnRequest;
        ExchangeWhenUnrepairable = snapshot.ExchangeWhenUnrepairable;
        PaidService = snapshot.PaidService;
        NewPartsOnly = snapshot.NewPartsOnly;
        MagneticMediaOnSite = snapshot.MagneticMediaOnSite;
        alwaysOpen = BusinessCalendar.AlwaysOpen(Zone);
    }

    /// <summary>The zone in which every warranty date is a local date.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The terms, in the order they were added.</summary>
    public IReadOnlyList<WarrantyTerm> Terms { get; }

    /// <summary>The exclusions in force: the built-in ones kept, then the policy's own, in catalogue order.</summary>
    public IReadOnlyList<Exclusion> Exclusions { get; }

    /// <summary>The ids of the built-in exclusions kept, or null when all of them are.</summary>
    public IReadOnlyList<string>? BuiltInExclusionIds { get; }

    /// <summary>The policy's own exclusions.</summary>
    public IReadOnlyList<Exclusion> CustomExclusions { get; }

    /// <summary>The repeat-failure rules, in order.</summary>
    public IReadOnlyList<RepeatFailureRule> RepeatFailureRules { get; }

    /// <summary>The repair-time rules, in order.</summary>
    public IReadOnlyList<RepairTimeRule> RepairTimeRules { get; }

    /// <summary>The return and exchange windows, in order.</summary>
    public IReadOnlyList<RemedyWindow> Windows { get; }

    /// <summary>The deadline of each remedy that has one.</summary>
    public IReadOnlyDictionary<Remedy, ServiceTarget> RemedyDeadlines { get; }

    /// <summary>The policy's named calendars.</summary>
    public IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; }

    /// <summary>Whether a customer may choose a replacement instead of a repair while a coverage term is in force.</summary>
    public bool ReplacementOnRequest { get; }

    /// <summary>Whether a product that cannot be repaired within the warranty is exchanged (true by default).</summary>
    public bool ExchangeWhenUnrepairable { get; }

    /// <summary>The terms of paid service.</summary>
    public PaidServiceTerms PaidService { get; }

    /// <summary>Whether replacement parts are new and unused unless the customer agreed in writing.</summary>
    public bool NewPartsOnly { get; }

    /// <summary>Whether magnetic media are repaired on the customer's site and never taken away.</summary>
    public bool MagneticMediaOnSite { get; }

    internal BusinessCalendar?[] WindowCalendars { get; }

    internal Dictionary<Remedy, (ServiceTarget Target, BusinessCalendar? Calendar, string? CalendarName)> DeadlineEntries { get; }

    internal BusinessCalendar AlwaysOpen => alwaysOpen;

    /// <summary>The term with id <paramref name="id"/>.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException">The policy has no term with that id.</exception>
    public WarrantyTerm GetTerm(string id) => Find(id).Term;

    /// <summary>Returns a builder holding this policy's settings, to change and build a new policy.</summary>
    /// <returns>A new builder.</returns>
    public WarrantyPolicyBuilder ToBuilder() => new(this);

    /// <summary>Decides a claim on an asset.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="claim">The claim.</param>
    /// <returns>The decision, with every reason.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A cause of the claim is one no exclusion of the policy lists; a reading of the claim is below the asset's reading of an earlier date.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The claim's date lies outside years 1-9998 in the policy's zone, or a window would end after 9999-12-31.</exception>
    /// <exception cref="HolidayDataUnavailableException">A window or deadline counts on a calendar that lacks holiday data for a year it needs.</exception>
    public ClaimDecision Decide(Asset asset, Claim claim)
    {
        Preconditions.CheckNotNull(asset, nameof(asset));
        Preconditions.CheckNotNull(claim, nameof(claim));
        return ClaimDecider.Decide(this, asset, claim);
    }

    /// <summary>Whether the term <paramref name="termId"/> is in force for <paramref name="asset"/> on <paramref name="date"/>.</summary>
    /// <param name="termId">The term's id.</param>
    /// <param name="asset">The asset.</param>
    /// <param name="date">The date.</param>
    /// <returns>True when the term covers the asset's component and is in force on the date.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The policy has no term with that id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> lies outside years 1-9998.</exception>
    public bool IsInForce(string termId, Asset asset, LocalDate date) => GetCoverage(termId, asset, date).IsInForce;

    /// <summary>The coverage of one term for <paramref name="asset"/> on <paramref name="date"/>.</summary>
    /// <param name="termId">The term's id.</param>
    /// <param name="asset">The asset.</param>
    /// <param name="date">The date.</param>
    /// <returns>The coverage; <see cref="CoverageStatus.NoTerm"/> when the term does not cover the asset's component.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The policy has no term with that id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> lies outside years 1-9998, or the window would end after 9999-12-31.</exception>
    public AssetCoverage GetCoverage(string termId, Asset asset, LocalDate date)
    {
        var term = Find(termId);
        Preconditions.CheckNotNull(asset, nameof(asset));
        long day = Day(date, nameof(date));
        if (!term.Term.CoversComponent(asset.Component))
        {
            return default;
        }

        var window = term.Evaluate(asset, day);
        CheckWindow(term, window);
        return new AssetCoverage(term.Term, window);
    }

    /// <summary>
    /// The coverage of <paramref name="asset"/> on <paramref name="date"/>: of the coverage terms covering its component,
    /// the one in force with the latest last day, else the best of the rest (docs/warranty.md, "Deciding a claim", step 1).
    /// </summary>
    /// <param name="asset">The asset.</param>
    /// <param name="date">The date.</param>
    /// <returns>The coverage; <see cref="CoverageStatus.NoTerm"/> when no coverage term covers the component.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="asset"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> lies outside years 1-9998, or the window would end after 9999-12-31.</exception>
    public AssetCoverage GetCoverage(Asset asset, LocalDate date)
    {
        Preconditions.CheckNotNull(asset, nameof(asset));
        return Coverage(asset, Day(date, nameof(date)));
    }

    /// <summary>
    /// The coverage of many assets on one date, allocation-free: <c>results[i]</c> receives the coverage of
    /// <c>assets[i]</c>, exactly as <see cref="GetCoverage(Asset, LocalDate)"/> gives it.
    /// </summary>
    /// <param name="assets">The assets; none null.</param>
    /// <param name="date">The date.</param>
    /// <param name="results">Receives one coverage per asset; at least as long as <paramref name="assets"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="assets"/>.</exception>
    /// <exception cref="ArgumentNullException">An asset is null (the results before it are written).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> lies outside years 1-9998, or a window would end after 9999-12-31 (the results before it are written).</exception>
    public void GetCoverage(ReadOnlySpan<Asset> assets, LocalDate date, Span<AssetCoverage> results)
    {
        if (results.Length < assets.Length)
        {
            Preconditions.ThrowLengthMismatch(nameof(results), results.Length, assets.Length);
        }

        long day = Day(date, nameof(date));
        for (int i = 0; i < assets.Length; i++)
        {
            var asset = assets[i];
            if (asset is null)
            {
                Preconditions.ThrowArgumentNull(nameof(assets));
            }

            results[i] = Coverage(asset, day);
        }
    }

    /// <summary>Describes the policy: its zone and terms.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"warranty policy in {Zone.Id}: {string.Join("; ", Terms.Select(t => t.ToString()))}";

    internal CompiledTerm Find(string id)
    {
        Preconditions.CheckNotNull(id, nameof(id));
        if (!termsById.TryGetValue(id, out var term))
        {
            Preconditions.ThrowArgument("termId", $"The policy has no term \"{ProblemSink.Cut(id)}\"; its terms are: {(Terms.Count == 0 ? "(none)" : string.Join(", ", Terms.Select(t => t.Id)))}.");
        }

        return term;
    }

    internal bool TryFind(string id, out CompiledTerm term) => termsById.TryGetValue(id, out term!);

    internal bool TryGetExclusion(string cause, out Exclusion exclusion) => byCause.TryGetValue(cause, out exclusion!);

    internal IEnumerable<string> Causes => Exclusions.SelectMany(e => e.Causes);

    /// <summary>The best term of <paramref name="kind"/> for the asset on day <paramref name="day"/>, with its window; null when none covers the component.</summary>
    internal CompiledTerm? Best(WarrantyTermKind kind, Asset asset, long day, Claim? claim, out TermWindow window)
    {
        var candidates = byKind[(int)kind].For(asset.ComponentName);
        CompiledTerm? best = null;
        window = default;
        int bestRank = int.MaxValue;
        long bestLast = long.MinValue;
        for (int i = 0; i < candidates.Length; i++)
        {
            var term = candidates[i];
            var candidate = claim is not null && term.UsageQuantity is { } q && claim.Usage.TryGetValue(q, out decimal read)
                ? term.Evaluate(asset, day, read)
                : term.Evaluate(asset, day);
            int rank = candidate.Rank;
            long last = candidate.HasWindow ? candidate.Last : long.MinValue;
            if (rank < bestRank || (rank == bestRank && last > bestLast))
            {
                best = term;
                window = candidate;
                bestRank = rank;
                bestLast = last;
            }
        }

        return best;
    }

    private AssetCoverage Coverage(Asset asset, long day)
    {
        var term = Best(WarrantyTermKind.Coverage, asset, day, null, out var window);
        if (term is null)
        {
            return default;
        }

        CheckWindow(term, window);
        return new AssetCoverage(term.Term, window);
    }

    private static void CheckWindow(CompiledTerm term, in TermWindow window)
    {
        if (window.HasWindow && window.Last != DayNumbers.Lifetime && window.Last > DayNumbers.MaxDay)
        {
            DayNumbers.ToDateChecked(window.Last, "asset", $"the window of term '{term.Term.Id}'");
        }
    }

    internal static long Day(LocalDate date, string paramName)
    {
        if (date.Year < 1 || date.Year > 9998 || date.Calendar != NodaTime.CalendarSystem.Iso)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, date.ToString(), "an ISO date in the years 1-9998");
        }

        return DayNumbers.FromDate(date);
    }

    /// <summary>The terms of one kind by component: those naming it, merged with those covering every component, in policy order.</summary>
    /// <remarks>A policy names few component classes, so a scan comparing references first beats hashing the name.</remarks>
    private sealed class TermIndex
    {
        private readonly CompiledTerm[] every;
        private readonly string[] names;
        private readonly CompiledTerm[][] named;

        internal TermIndex(CompiledTerm[] terms)
        {
            every = terms.Where(t => t.Term.CoversEveryComponent).ToArray();
            names = terms
                .Where(t => !t.Term.CoversEveryComponent)
                .SelectMany(t => t.Term.CoverArray)
                .Select(c => c.Name)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            named = names.Select(name => terms.Where(t => t.Term.CoversComponent(ComponentClass.Unchecked(name))).ToArray()).ToArray();
        }

        internal CompiledTerm[] For(string name)
        {
            var list = names;
            for (int i = 0; i < list.Length; i++)
            {
                if (ReferenceEquals(list[i], name))
                {
                    return named[i];
                }
            }

            for (int i = 0; i < list.Length; i++)
            {
                if (string.Equals(list[i], name, StringComparison.Ordinal))
                {
                    return named[i];
                }
            }

            return every;
        }
    }
}
