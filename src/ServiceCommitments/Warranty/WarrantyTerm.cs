using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>
/// One warranty promise: what it covers (component classes), what it obliges (<see cref="Kind"/>), for how long (a
/// period or a lifetime, perhaps with a usage limit, whichever comes first), from when (<see cref="Start"/>), how
/// labour, parts and travel are shared, and how repairs, replacements and a change of owner adjust it.
/// </summary>
/// <remarks>
/// <para><b>The window.</b> For a start date s and a period P the first covered day is s + 1 day and the last is
/// s + P; with <see cref="CountsStartDay"/> ("from the day of", 之日起) they are s and s + P - 1 day. s + P adds
/// years, then months, then days; a year or month step that lands on a day the month lacks lands on its last day
/// (2024-01-31 + 1 month is 2024-02-29). A window includes both its first and its last day.</para>
/// <para><b>Adjustments</b> (docs/warranty.md gives the full rules): time in repair is added back
/// (<see cref="AddsRepairTime"/>); a repair extends the window (<see cref="RepairExtension"/>); a replacement starts
/// the period again from the replacement date without ever shortening it (<see cref="RestartsOnReplacement"/>, on by
/// default); a term that is not <see cref="IsTransferable"/> ends the day before the asset changes owner.</para>
/// <para>Built with <see cref="For"/> or <see cref="ForLifetime"/> and the methods that each return a new term. They
/// reject only null arguments; every other rule (a period of at least one day, shares from 0 to 1, a start, ids
/// unique) is checked once by <see cref="WarrantyPolicyBuilder.Build"/>. Instances are immutable and thread-safe.</para>
/// </remarks>
[Immutable]
public sealed class WarrantyTerm
{
    private static readonly IReadOnlyDictionary<CostType, CostShare> NoShares =
        new ReadOnlyDictionary<CostType, CostShare>(new Dictionary<CostType, CostShare>());

    private readonly State state;

    private WarrantyTerm(State state)
    {
        this.state = state;
        Covers = Array.AsReadOnly(state.Covers);
    }

    /// <summary>The term's id, unique in its policy.</summary>
    public string Id => state.Id;

    /// <summary>What the term obliges the supplier to do.</summary>
    public WarrantyTermKind Kind => state.Kind;

    /// <summary>The component classes covered; empty when the term covers every component.</summary>
    public IReadOnlyList<ComponentClass> Covers { get; }

    /// <summary>The period, or null for a lifetime term.</summary>
    public Period? Period => state.Period;

    /// <summary>Whether the term has no end.</summary>
    public bool IsLifetime => state.Period is null;

    /// <summary>Where the term starts, or null when none was given (which <see cref="WarrantyPolicyBuilder.Build"/> rejects).</summary>
    public WarrantyStart? Start => state.Start;

    /// <summary>Whether the start event's own day is the first covered day ("from the day of"); false by default: the next day is.</summary>
    public bool CountsStartDay => state.CountsStartDay;

    /// <summary>The usage limit ("or 50,000 km, whichever comes first"), or null.</summary>
    public UsageLimit? UsageLimit => state.UsageLimit;

    /// <summary>The shares of labour, parts and travel the term sets; a cost type it does not name is free for the term's period.</summary>
    public IReadOnlyDictionary<CostType, CostShare> Shares => state.Shares;

    /// <summary>Whether time in repair and waiting for parts is added back to the period.</summary>
    public bool AddsRepairTime => state.AddsRepairTime;

    /// <summary>How much a repair extends the term, or null for no extension.</summary>
    public Period? RepairExtension => state.RepairExtension;

    /// <summary>How <see cref="RepairExtension"/> applies.</summary>
    public RepairExtensionMode RepairExtensionMode => state.ExtensionMode;

    /// <summary>Whether a replacement starts the period again from the replacement date (true by default).</summary>
    public bool RestartsOnReplacement => state.RestartsOnReplacement;

    /// <summary>Whether the term follows the asset to a new owner (true by default).</summary>
    public bool IsTransferable => state.Transferable;

    /// <summary>The period from the start within which a lack of conformity is presumed to have existed at delivery, or null.</summary>
    public Period? Presumption => state.Presumption;

    internal FieldRef Origin => state.Origin;

    /// <summary>A term covering every component for <paramref name="period"/>, of kind <see cref="WarrantyTermKind.Coverage"/>; give it a start with <see cref="From"/>.</summary>
    /// <param name="id">The term's id, unique in its policy.</param>
    /// <param name="period">The period: years, months, weeks and days, at least one day (checked when the policy is built).</param>
    /// <returns>The term.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static WarrantyTerm For(string id, Period period) =>
        new(new State(Preconditions.CheckNotNull(id, nameof(id)), Preconditions.CheckNotNull(period, nameof(period)), FieldRef.Named($"term '{id}'")));

    /// <summary>A lifetime term covering every component, of kind <see cref="WarrantyTermKind.Coverage"/>; give it a start with <see cref="From"/>.</summary>
    /// <param name="id">The term's id, unique in its policy.</param>
    /// <returns>The term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public static WarrantyTerm ForLifetime(string id) =>
        new(new State(Preconditions.CheckNotNull(id, nameof(id)), null, FieldRef.Named($"term '{id}'")));

    /// <summary>Returns the term with another period.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The new term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public WarrantyTerm WithPeriod(Period period) => new(state with { Period = Preconditions.CheckNotNull(period, nameof(period)) });

    /// <summary>Returns the term without an end.</summary>
    /// <returns>The new term.</returns>
    public WarrantyTerm AsLifetime() => new(state with { Period = null });

    /// <summary>Returns the term of another kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The new term.</returns>
    public WarrantyTerm OfKind(WarrantyTermKind kind) => new(state with { Kind = kind });

    /// <summary>Returns the term covering these component classes only (none: every component).</summary>
    /// <param name="components">The classes.</param>
    /// <returns>The new term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="components"/> is null.</exception>
    public WarrantyTerm Covering(params ComponentClass[] components) =>
        new(state with { Covers = (ComponentClass[])Preconditions.CheckNotNull(components, nameof(components)).Clone() });

    /// <summary>Returns the term starting from <paramref name="start"/>.</summary>
    /// <param name="start">The start.</param>
    /// <returns>The new term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is null.</exception>
    public WarrantyTerm From(WarrantyStart start) => new(state with { Start = Preconditions.CheckNotNull(start, nameof(start)) });

    /// <summary>Returns the term whose first covered day is the start event's own day ("from the day of", 之日起).</summary>
    /// <param name="counts">True to count the start day (the default of this method); false for the next day.</param>
    /// <returns>The new term.</returns>
    public WarrantyTerm CountingTheStartDay(bool counts = true) => new(state with { CountsStartDay = counts });

    /// <summary>Returns the term that also ends when usage of <paramref name="quantity"/> passes <paramref name="limit"/> ("2 years or 50,000 km, whichever comes first").</summary>
    /// <param name="quantity">What the readings measure, for example <c>km</c> or <c>hours</c>.</param>
    /// <param name="limit">The most usage still covered; above 0 (checked when the policy is built).</param>
    /// <returns>The new term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quantity"/> is null.</exception>
    public WarrantyTerm WithUsageLimit(string quantity, decimal limit) =>
        new(state with { UsageLimit = new UsageLimit(Preconditions.CheckNotNull(quantity, nameof(quantity)), limit) });

    /// <summary>Returns the term without a usage limit.</summary>
    /// <returns>The new term.</returns>
    public WarrantyTerm WithoutUsageLimit() => new(state with { UsageLimit = null });

    /// <summary>Returns the term in which the supplier pays <paramref name="share"/> of <paramref name="cost"/> for as long as the term lasts.</summary>
    /// <param name="cost">The cost.</param>
    /// <param name="share">The supplier's share, from 0 (the customer pays all) to 1 (free).</param>
    /// <returns>The new term.</returns>
    public WarrantyTerm WithShare(CostType cost, decimal share) => WithShare(cost, new CostShare(share, null, false));

    /// <summary>Returns the term in which the supplier pays <paramref name="share"/> of <paramref name="cost"/> for <paramref name="period"/>, counted like the term.</summary>
    /// <param name="cost">The cost.</param>
    /// <param name="share">The supplier's share, from 0 to 1.</param>
    /// <param name="period">How long the share lasts.</param>
    /// <returns>The new term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public WarrantyTerm WithShare(CostType cost, decimal share, Period period) =>
        WithShare(cost, new CostShare(share, Preconditions.CheckNotNull(period, nameof(period)), false));

    /// <summary>Returns the term in which the supplier pays <paramref name="share"/> of <paramref name="cost"/> for life.</summary>
    /// <param name="cost">The cost.</param>
    /// <param name="share">The supplier's share, from 0 to 1.</param>
    /// <returns>The new term.</returns>
    public WarrantyTerm WithLifetimeShare(CostType cost, decimal share) => WithShare(cost, new CostShare(share, null, true));

    /// <summary>Returns the term with the share of one cost set.</summary>
    /// <param name="cost">The cost.</param>
    /// <param name="share">The share.</param>
    /// <returns>The new term.</returns>
    public WarrantyTerm WithShare(CostType cost, CostShare share)
    {
        var shares = new Dictionary<CostType, CostShare>(state.Shares) { [cost] = share };
        return new(state with { Shares = new ReadOnlyDictionary<CostType, CostShare>(shares) });
    }

    /// <summary>Returns the term in which time in repair (and waiting for parts) is added back to the period (扣除因修理占用和无零配件待修的时间).</summary>
    /// <param name="adds">True to add it back (the default of this method).</param>
    /// <returns>The new term.</returns>
    public WarrantyTerm AddingRepairTime(bool adds = true) => new(state with { AddsRepairTime = adds });

    /// <summary>Returns the term that a repair extends by <paramref name="extension"/>.</summary>
    /// <param name="extension">The extension, for example 12 months.</param>
    /// <param name="mode">Whether the first repair extends the term once (the default), or every repair covers the extension from its date.</param>
    /// <returns>The new term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="extension"/> is null.</exception>
    public WarrantyTerm ExtendedAfterRepair(Period extension, RepairExtensionMode mode = RepairExtensionMode.ExtendOnce) =>
        new(state with { RepairExtension = Preconditions.CheckNotNull(extension, nameof(extension)), ExtensionMode = mode });

    /// <summary>Returns the term without a repair extension.</summary>
    /// <returns>The new term.</returns>
    public WarrantyTerm WithoutRepairExtension() => new(state with { RepairExtension = null, ExtensionMode = RepairExtensionMode.ExtendOnce });

    /// <summary>Returns the term that a replacement restarts (or not).</summary>
    /// <param name="restarts">True to restart on replacement.</param>
    /// <returns>The new term.</returns>
    public WarrantyTerm RestartingOnReplacement(bool restarts) => new(state with { RestartsOnReplacement = restarts });

    /// <summary>Returns the term that follows the asset to a new owner (or not).</summary>
    /// <param name="transferable">False to end the term the day before the asset changes owner.</param>
    /// <returns>The new term.</returns>
    public WarrantyTerm Transferable(bool transferable) => new(state with { Transferable = transferable });

    /// <summary>Returns the term with a presumption period: within it, a lack of conformity is presumed to have existed at delivery.</summary>
    /// <param name="presumption">The period, counted like the term from its start.</param>
    /// <returns>The new term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="presumption"/> is null.</exception>
    public WarrantyTerm WithPresumption(Period presumption) => new(state with { Presumption = Preconditions.CheckNotNull(presumption, nameof(presumption)) });

    /// <summary>Returns the term without a presumption period.</summary>
    /// <returns>The new term.</returns>
    public WarrantyTerm WithoutPresumption() => new(state with { Presumption = null });

    internal WarrantyTerm WithFields(FieldMap fields) => new(state with { Origin = fields.Origin, Fields = fields });

    internal WarrantyTerm WithId(string id) => new(state with { Id = id });

    /// <summary>Where the term's property <paramref name="name"/> came from (a document path), or the term's own origin.</summary>
    internal FieldRef Field(string name) => state.Fields is { } fields ? fields.Get(name) : state.Origin;

    internal ComponentClass[] CoverArray => state.Covers;

    /// <summary>Whether the term covers <paramref name="component"/>: it names none, names <see cref="ComponentClass.WholeDelivery"/>, or names it.</summary>
    internal bool CoversComponent(ComponentClass component) =>
        state.Covers.Length == 0 || Array.IndexOf(state.Covers, ComponentClass.WholeDelivery) >= 0 || Array.IndexOf(state.Covers, component) >= 0;

    internal bool CoversEveryComponent => state.Covers.Length == 0 || Array.IndexOf(state.Covers, ComponentClass.WholeDelivery) >= 0;

    /// <summary>Records every broken rule of the term alone; rules between terms are the builder's.</summary>
    internal void Validate(ProblemSink sink)
    {
        if (!ComponentClass.IsValidName(Id))
        {
            sink.Add(Field("id"), ProblemSink.Quote(Id), "a term id is not empty and has no leading or trailing white space");
        }

        if (!Enum.IsDefined(Kind))
        {
            sink.Add(Field("kind"), Kind.ToString(), "expected coverage, sparePartsSupply, technicalSupport or upgrades");
        }

        if (Period is { } period)
        {
            WarrantyPeriods.Validate(period, Field("period"), "a term's period", sink);
        }

        if (Start is null)
        {
            sink.Add(Origin, null, $"term '{Id}' needs a start: the asset date it counts from, such as acceptance");
        }
        else
        {
            Start.Validate(Field("from"), sink);
        }

        var seen = new HashSet<ComponentClass>();
        var coversField = Field("covers");
        for (int i = 0; i < state.Covers.Length; i++)
        {
            var component = state.Covers[i];
            if (!ComponentClass.IsValidName(component.Name))
            {
                sink.Add(coversField.Item(i), ProblemSink.Quote(component.Name), "a component class name is not empty and has no leading or trailing white space");
            }
            else if (!seen.Add(component))
            {
                sink.Add(coversField.Item(i), ProblemSink.Quote(component.Name), "a component class may be named once in a term");
            }
        }

        if (UsageLimit is { } usage)
        {
            if (!ComponentClass.IsValidName(usage.Quantity))
            {
                sink.Add(Field("usage"), ProblemSink.Quote(usage.Quantity), "a usage quantity is named, such as km or hours");
            }

            if (usage.Limit <= 0)
            {
                sink.Add(Field("usage"), usage.Limit.ToString(CultureInfo.InvariantCulture), "a usage limit is above 0");
            }
        }

        foreach (var (cost, share) in Shares)
        {
            var field = Field("shares." + Name(cost));
            if (!Enum.IsDefined(cost))
            {
                sink.Add(field, cost.ToString(), "expected labour, parts or travel");
            }

            if (share.Share < 0 || share.Share > 1)
            {
                sink.Add(field, share.Share.ToString(CultureInfo.InvariantCulture), "a share is the supplier's part of a cost, from 0 (the customer pays all) to 1 (free)");
            }

            if (share.Period is { } sharePeriod)
            {
                WarrantyPeriods.Validate(sharePeriod, field, "a share's period", sink);
            }
        }

        if (RepairExtension is { } extension)
        {
            WarrantyPeriods.Validate(extension, Field("repairExtension.period"), "a repair extension", sink);
        }

        if (!Enum.IsDefined(RepairExtensionMode))
        {
            sink.Add(Field("repairExtension"), RepairExtensionMode.ToString(), "expected extendOnce or fromEachRepair");
        }

        if (Presumption is { } presumption)
        {
            WarrantyPeriods.Validate(presumption, Field("presumption"), "a presumption period", sink);
        }
    }

    internal static string Name(CostType cost) => cost switch
    {
        CostType.Labour => "labour",
        CostType.Parts => "parts",
        CostType.Travel => "travel",
        _ => cost.ToString(),
    };

    /// <summary>Describes the term: <c>terminal: coverage of hardware, 12 months from the day after acceptanceSigned</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Id).Append(": ");
        text.Append(Kind switch
        {
            WarrantyTermKind.SparePartsSupply => "spare parts supply",
            WarrantyTermKind.TechnicalSupport => "technical support",
            WarrantyTermKind.Upgrades => "upgrades",
            _ => "coverage",
        });
        text.Append(state.Covers.Length == 0 ? " of every component" : " of " + string.Join(", ", state.Covers.Select(c => c.Name)));
        text.Append(", ").Append(WarrantyPeriods.Describe(Period));
        if (UsageLimit is { } usage)
        {
            text.Append(" or ").Append(usage.Limit.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(usage.Quantity).Append(" (whichever comes first)");
        }

        if (Start is not null)
        {
            text.Append(CountsStartDay ? ", from the day of " : ", from the day after ").Append(Start);
        }

        return text.ToString();
    }

    private sealed record State(string Id, Period? Period, FieldRef Origin)
    {
        public WarrantyTermKind Kind { get; init; }

        public ComponentClass[] Covers { get; init; } = [];

        public WarrantyStart? Start { get; init; }

        public bool CountsStartDay { get; init; }

        public UsageLimit? UsageLimit { get; init; }

        public IReadOnlyDictionary<CostType, CostShare> Shares { get; init; } = NoShares;

        public bool AddsRepairTime { get; init; }

        public Period? RepairExtension { get; init; }

        public RepairExtensionMode ExtensionMode { get; init; }

        public bool RestartsOnReplacement { get; init; } = true;

        public bool Transferable { get; init; } = true;

        public Period? Presumption { get; init; }

        public FieldMap? Fields { get; init; }
    }
}
