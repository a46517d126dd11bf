using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Explanations;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Warranty;

/// <summary>
/// The decision on a claim: its status, the remedy owed, the exclusion or term that decided, the coverage window,
/// whether the customer pays, the shares of labour, parts and travel, the conditions the remedy is carried out under,
/// the remedy's deadline, and every reason that led to it.
/// </summary>
/// <remarks>
/// <see cref="WarrantyPolicy.Decide"/> gives the same decision for the same policy, asset and claim every time.
/// docs/warranty.md ("Deciding a claim") states each step. Instances are immutable and thread-safe.
/// </remarks>
[Immutable]
public sealed class ClaimDecision
{
    private readonly ServiceTarget? deadline;
    private readonly BusinessCalendar? deadlineCalendar;

    internal ClaimDecision(
        ClaimStatus status, Remedy remedy, Exclusion? exclusion, WarrantyTerm? term, in TermWindow window, CostShares shares,
        IReadOnlyList<WarrantyCondition> conditions, IReadOnlyList<DecisionReason> reasons, Instant? due, ServiceTarget? deadline,
        BusinessCalendar? deadlineCalendar, Instant? received, decimal? visitFee, decimal? priceCeiling)
    {
        Status = status;
        Remedy = remedy;
        Exclusion = exclusion;
        Term = term;
        TermStatus = term is null ? CoverageStatus.NoTerm : window.Status;
        if (term is not null && window.HasWindow)
        {
            CoveredFrom = DayNumbers.ToDateChecked(window.First, "asset", $"the window of term '{term.Id}'");
            CoveredUntil = window.IsLifetime ? null : DayNumbers.ToDateChecked(window.Last, "asset", $"the window of term '{term.Id}'");
            IsLifetime = window.IsLifetime;
        }

        Shares = shares;
        Conditions = conditions;
        Reasons = reasons;
        Due = due;
        this.deadline = deadline;
        this.deadlineCalendar = deadlineCalendar;
        Received = received;
        VisitFee = visitFee;
        PriceCeiling = priceCeiling;
        Chargeable = remedy is Remedy.PaidService or Remedy.SparePartsSupply or Remedy.None || !shares.IsFree;
    }

    /// <summary>Where the claim stands: covered, excluded, expired or out of scope.</summary>
    public ClaimStatus Status { get; }

    /// <summary>What the supplier owes.</summary>
    public Remedy Remedy { get; }

    /// <summary>The exclusion that decided (the first triggered one that makes the claim not covered, else the first out-of-scope one), or null.</summary>
    public Exclusion? Exclusion { get; }

    /// <summary>The term that decides the claim's coverage (the best of the terms of the request's kind for the asset's component), or null when none covers it.</summary>
    public WarrantyTerm? Term { get; }

    /// <summary>Where <see cref="Term"/> stands on the claim's date; <see cref="CoverageStatus.NoTerm"/> without a term.</summary>
    public CoverageStatus TermStatus { get; }

    /// <summary>The first covered day of <see cref="Term"/>'s window, or null.</summary>
    public LocalDate? CoveredFrom { get; }

    /// <summary>The last covered day of <see cref="Term"/>'s window, or null (no term, no window, or lifetime: see <see cref="IsLifetime"/>).</summary>
    public LocalDate? CoveredUntil { get; }

    /// <summary>Whether <see cref="Term"/>'s window has no end.</summary>
    public bool IsLifetime { get; }

    /// <summary>Whether the customer pays anything: the remedy is paid service, spare parts supply or nothing, or a share is below 1.</summary>
    public bool Chargeable { get; }

    /// <summary>The supplier's share of labour, parts and travel.</summary>
    public CostShares Shares { get; }

    /// <summary>The conditions the remedy is carried out or priced under.</summary>
    public IReadOnlyList<WarrantyCondition> Conditions { get; }

    /// <summary>Every step that led to the decision, in order.</summary>
    public IReadOnlyList<DecisionReason> Reasons { get; }

    /// <summary>The remedy's deadline, or null when the remedy has none or the product has not been received yet.</summary>
    public Instant? Due { get; }

    /// <summary>The remedy's deadline rule, or null when it has none.</summary>
    public ServiceTarget? Deadline => deadline;

    /// <summary>When the product reached the repairer (the deadline's start), or null.</summary>
    public Instant? Received { get; }

    /// <summary>The fee per visit of paid service (0 when a maintenance contract covers the asset), or null when none applies.</summary>
    public decimal? VisitFee { get; }

    /// <summary>The ceiling of paid prices (the asset's bid price), or null when none applies.</summary>
    public decimal? PriceCeiling { get; }

    /// <summary>Whether the decision has the reason <paramref name="code"/>.</summary>
    /// <param name="code">The reason's code.</param>
    /// <returns>True when one of <see cref="Reasons"/> has it.</returns>
    public bool HasReason(DecisionReasonCode code) => Reasons.Any(r => r.Code == code);

    /// <summary>Explains <see cref="Due"/>: the rule, and every span from receipt to the deadline.</summary>
    /// <returns>The explanation, or null when there is no <see cref="Due"/>.</returns>
    /// <exception cref="HolidayDataUnavailableException">The deadline's calendar lacks holiday data for a year it needs.</exception>
    public DeadlineExplanation? Explain() =>
        Due is null || deadline is not { } target || Received is not { } start ? null : target.Explain(start, deadlineCalendar);

    /// <summary>Describes the decision in lines a person reads: the status and remedy, each reason, the conditions.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Names.Status(Status)).Append(": ").Append(Remedies.Name(Remedy));
        var details = new List<string>();
        if (Exclusion is not null)
        {
            details.Add("exclusion " + Exclusion.Id);
        }

        if (Term is not null)
        {
            details.Add(CoveredFrom is { } from
                ? $"term {Term.Id}, {AssetInput.IsoDate(from)} to {(IsLifetime ? "lifetime" : AssetInput.IsoDate(CoveredUntil!.Value))}"
                : $"term {Term.Id}");
        }

        if (details.Count > 0)
        {
            text.Append(" (").Append(string.Join("; ", details)).Append(')');
        }

        foreach (var reason in Reasons)
        {
            text.Append("\n  - ").Append(reason.Text);
        }

        if (!Shares.IsFree && Status == ClaimStatus.Covered && Remedy != Remedy.SparePartsSupply)
        {
            text.Append("\n  shares: labour ").Append(Number(Shares.Labour)).Append(", parts ").Append(Number(Shares.Parts))
                .Append(", travel ").Append(Number(Shares.Travel));
        }

        if (VisitFee is { } fee)
        {
            text.Append("\n  visit fee: ").Append(Number(fee));
        }

        if (PriceCeiling is { } ceiling)
        {
            text.Append("\n  price ceiling: ").Append(Number(ceiling));
        }

        if (Conditions.Count > 0)
        {
            text.Append("\n  conditions: ").Append(string.Join(", ", Conditions.Select(Names.Condition)));
        }

        return text.ToString();
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
