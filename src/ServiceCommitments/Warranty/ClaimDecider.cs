using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Warranty;

/// <summary>The steps of docs/warranty.md, "Deciding a claim", in order; the first that decides wins, and every step taken is a reason.</summary>
internal static class ClaimDecider
{
    internal static ClaimDecision Decide(WarrantyPolicy policy, Asset asset, Claim claim)
    {
        var local = LocalDateOf(claim.At, policy.Zone);
        long d = WarrantyPolicy.Day(local, nameof(claim));
        CheckCauses(policy, claim);
        CheckUsage(asset, claim, d);

        var run = new Run(policy, asset, claim, d);
        var kind = KindOf(claim.Request);
        var term = policy.Best(kind, asset, d, claim, out var window);
        run.Term = term;
        run.Window = window;
        run.TermReasons(kind);

        // Step 2: exclusions.
        var triggered = policy.Exclusions.Where(e => e.CauseArray.Any(c => claim.Causes.Contains(c, StringComparer.Ordinal))).ToList();
        if (triggered.Count > 0)
        {
            var notCovered = triggered.FirstOrDefault(e => e.Consequence == ExclusionConsequence.NotCovered);
            foreach (var exclusion in triggered)
            {
                var causes = string.Join(", ", exclusion.CauseArray.Where(c => claim.Causes.Contains(c, StringComparer.Ordinal)));
                run.Reason(
                    exclusion.Consequence == ExclusionConsequence.NotCovered ? DecisionReasonCode.Excluded : DecisionReasonCode.OutOfScope,
                    $"exclusion {exclusion.Id} ({causes}): {exclusion.Clause}");
            }

            return notCovered is not null
                ? run.Paid(ClaimStatus.Excluded, notCovered)
                : run.Paid(ClaimStatus.OutOfScope, triggered[0]);
        }

        // Step 3: return and exchange windows.
        if (claim.Request is ClaimRequest.Return or ClaimRequest.Exchange && run.GrantedByWindow() is { } granted)
        {
            return granted;
        }

        bool asksForUnit = claim.Request is ClaimRequest.Return or ClaimRequest.Exchange or ClaimRequest.Replacement;

        // Steps 4 and 5: no term, or a term not in force.
        if (term is null || window.Status != CoverageStatus.InForce)
        {
            if (asksForUnit)
            {
                run.NotGranted();
                return run.Paid(ClaimStatus.Expired, null);
            }

            var status = term is null || window.Status == CoverageStatus.NotStarted ? ClaimStatus.OutOfScope : ClaimStatus.Expired;
            if (claim.Request == ClaimRequest.SpareParts && status == ClaimStatus.Expired)
            {
                return run.Decide(status, Remedy.None, null, default);
            }

            return run.Paid(status, null);
        }

        // Step 6: in force.
        switch (claim.Request)
        {
            case ClaimRequest.TechnicalSupport:
                return run.Free(ClaimStatus.Covered, Remedy.TechnicalSupport);
            case ClaimRequest.Upgrade:
                return run.Free(ClaimStatus.Covered, Remedy.Upgrade);
            case ClaimRequest.SpareParts:
                return run.Decide(ClaimStatus.Covered, Remedy.SparePartsSupply, null, default);
        }

        var escalations = run.Escalations();
        if (claim.Request == ClaimRequest.Return && escalations.Exists(e => e.AllowsReturn))
        {
            return run.Free(ClaimStatus.Covered, Remedy.Return);
        }

        if (escalations.Count > 0)
        {
            return run.Free(ClaimStatus.Covered, escalations[0].Remedy);
        }

        if (asksForUnit)
        {
            run.NotGranted();
            return run.Free(ClaimStatus.Expired, Remedy.Repair);
        }

        return run.Free(ClaimStatus.Covered, Remedy.Repair);
    }

    internal static LocalDate LocalDateOf(Instant at, DateTimeZone zone)
    {
        try
        {
            return at.InZone(zone).Date;
        }
        catch (OverflowException)
        {
            Preconditions.ThrowArgumentOutOfRange("claim", at.ToString(), "a claim instant whose date in the policy's zone lies in the years 1-9998");
            return default;
        }
        catch (ArgumentOutOfRangeException)
        {
            Preconditions.ThrowArgumentOutOfRange("claim", at.ToString(), "a claim instant whose date in the policy's zone lies in the years 1-9998");
            return default;
        }
    }

    private static WarrantyTermKind KindOf(ClaimRequest request) => request switch
    {
        ClaimRequest.TechnicalSupport => WarrantyTermKind.TechnicalSupport,
        ClaimRequest.Upgrade => WarrantyTermKind.Upgrades,
        ClaimRequest.SpareParts => WarrantyTermKind.SparePartsSupply,
        _ => WarrantyTermKind.Coverage,
    };

    private static void CheckCauses(WarrantyPolicy policy, Claim claim)
    {
        for (int i = 0; i < claim.Causes.Count; i++)
        {
            if (!policy.TryGetExclusion(claim.Causes[i], out _))
            {
                Preconditions.ThrowArgument(
                    nameof(claim),
                    $"The claim's cause \"{ProblemSink.Cut(claim.Causes[i])}\" ({claim.CauseFields[i]}) is not a cause of any exclusion of the policy; " +
                    $"a claim without causes is a quality fault. Known causes: {string.Join(", ", policy.Causes)}.");
            }
        }
    }

    private static void CheckUsage(Asset asset, Claim claim, long d)
    {
        foreach (var (quantity, value) in claim.Usage)
        {
            decimal recorded = asset.UsageAtOrBefore(quantity, d);
            if (value < recorded)
            {
                Preconditions.ThrowArgument(
                    nameof(claim),
                    $"The claim's reading of {value.ToString(CultureInfo.InvariantCulture)} {quantity} goes back: the asset was read at {recorded.ToString(CultureInfo.InvariantCulture)} {quantity} on or before the claim's date; readings never go back.");
            }
        }
    }

    private readonly record struct Escalation(DecisionReasonCode Code, Remedy Remedy, bool AllowsReturn);

    /// <summary>One decision in progress: what has been found so far, and how to finish it.</summary>
    private sealed class Run(WarrantyPolicy policy, Asset asset, Claim claim, long d)
    {
        private readonly List<DecisionReason> reasons = [];

        internal CompiledTerm? Term { get; set; }

        internal TermWindow Window { get; set; }

        private bool TermInForce => Term is not null && Window.Status == CoverageStatus.InForce;

        internal void Reason(DecisionReasonCode code, string text) => reasons.Add(new DecisionReason(code, text));

        internal void TermReasons(WarrantyTermKind kind)
        {
            string day = Date(d);
            if (Term is null)
            {
                Reason(DecisionReasonCode.NoTerm, $"no {KindText(kind)} term of the policy covers {asset.Component}");
                return;
            }

            var term = Term.Term;
            var w = Window;
            switch (w.Status)
            {
                case CoverageStatus.InForce:
                    Reason(DecisionReasonCode.TermInForce, $"term {term.Id} covers {asset.Component}: {Span(w)}, in force on {day}");
                    break;
                case CoverageStatus.NotStarted:
                    Reason(DecisionReasonCode.NotStarted, w.HasWindow
                        ? $"term {term.Id} has not started on {day}: its window is {Span(w)}"
                        : $"term {term.Id} has not started on {day}: the asset has no date for its start ({term.Start})");
                    break;
                case CoverageStatus.Ended:
                    Reason(DecisionReasonCode.PeriodEnded, $"term {term.Id} ended: its window was {Span(w)}; the claim is on {day}");
                    break;
                case CoverageStatus.UsageLimitReached:
                    var limit = term.UsageLimit!.Value;
                    decimal usage = claim.Usage.TryGetValue(limit.Quantity, out decimal read) ? read : asset.UsageAtOrBefore(limit.Quantity, d);
                    Reason(DecisionReasonCode.UsageLimitReached, w.Restarted
                        ? $"term {term.Id}: usage of {Number(usage - asset.UsageAtOrBefore(limit.Quantity, w.Start))} {limit.Quantity} since the replacement on {Date(w.Start)} is above its limit of {Number(limit.Limit)} {limit.Quantity}"
                        : $"term {term.Id}: usage of {Number(usage)} {limit.Quantity} is above its limit of {Number(limit.Limit)} {limit.Quantity}");
                    break;
                default:
                    Reason(DecisionReasonCode.Transferred, $"term {term.Id} does not follow the asset to a new owner: it changed owner on {Date(asset.FirstTransfer)}");
                    break;
            }

            if (!w.HasWindow)
            {
                return;
            }

            if (w.Restarted)
            {
                Reason(DecisionReasonCode.RestartedByReplacement, $"the period of term {term.Id} started again at the replacement on {Date(w.Start)}");
            }

            if (w.AddedDays > 0)
            {
                Reason(DecisionReasonCode.RepairTimeAddedBack, $"{w.AddedDays.ToString(CultureInfo.InvariantCulture)} days in repair were added back to term {term.Id}");
            }

            if (w.Extended)
            {
                Reason(DecisionReasonCode.ExtendedAfterRepair, $"a repair extended term {term.Id} by {WarrantyPeriods.Describe(term.RepairExtension)}");
            }
        }

        /// <summary>Step 3: the first window that grants a return or exchange request, decided; or null.</summary>
        internal ClaimDecision? GrantedByWindow()
        {
            var order = claim.Request == ClaimRequest.Return
                ? new[] { WindowKind.ReturnWithoutReason, WindowKind.ReturnOnFailure }
                : [WindowKind.ExchangeOnFailure, WindowKind.ReturnOnFailure];
            foreach (var kind in order)
            {
                for (int i = 0; i < policy.Windows.Count; i++)
                {
                    var window = policy.Windows[i];
                    if (window.Kind != kind || !Within(window, policy.WindowCalendars[i], out var start, out var due))
                    {
                        continue;
                    }

                    var code = kind switch
                    {
                        WindowKind.ReturnWithoutReason => DecisionReasonCode.ReturnWithoutReason,
                        WindowKind.ReturnOnFailure => DecisionReasonCode.ReturnOnFailure,
                        _ => DecisionReasonCode.ExchangeOnFailure,
                    };
                    Reason(code, $"{window.KindName}: {window.Target} from {window.From} ({Instant(start)}), until {Instant(due)}");
                    var remedy = claim.Request == ClaimRequest.Return ? Remedy.Return : Remedy.Exchange;
                    return TermInForce ? Free(ClaimStatus.Covered, remedy) : Decide(ClaimStatus.Covered, remedy, null, CostShares.Free);
                }
            }

            return null;
        }

        private bool Within(RemedyWindow window, BusinessCalendar? calendar, out Instant start, out Instant due)
        {
            start = due = default;
            if (!window.From.TryResolve(asset, out long from))
            {
                return false;
            }

            if (window.Kind != WindowKind.ReturnWithoutReason && claim.Problem is null)
            {
                return false;
            }

            if (window.ProblemArray.Length > 0 && Array.IndexOf(window.ProblemArray, claim.Problem) < 0)
            {
                return false;
            }

            if (window.UsageLimit is { } limit)
            {
                decimal usage = claim.Usage.TryGetValue(limit.Quantity, out decimal read) ? read : asset.UsageAtOrBefore(limit.Quantity, d);
                if (usage > limit.Limit)
                {
                    return false;
                }
            }

            start = PeriodRules.StartOfDay(policy.Zone, DayNumbers.ToDate(from));
            if (claim.At < start)
            {
                return false;
            }

            due = window.Target.GetDue(start, calendar ?? policy.AlwaysOpen);
            return claim.At < due;
        }

        /// <summary>Step 6: every escalation that applies, in order, each noted as a reason.</summary>
        internal List<Escalation> Escalations()
        {
            var found = new List<Escalation>();
            var unit = UnitRepairs(Window.First);
            if (policy.ExchangeWhenUnrepairable)
            {
                var lastOfProblem = claim.Problem is null ? -1 : unit.FindLastIndex(i => asset.RepairAt(i).Problem == claim.Problem);
                if (!claim.Repairable)
                {
                    found.Add(new(DecisionReasonCode.Unrepairable, Remedy.Exchange, false));
                    Reason(DecisionReasonCode.Unrepairable, "the product cannot be repaired, so it is exchanged for the same model or one of equal value");
                }
                else if (lastOfProblem >= 0 && asset.RepairAt(unit[lastOfProblem]).Outcome == RepairOutcome.Impossible)
                {
                    found.Add(new(DecisionReasonCode.Unrepairable, Remedy.Exchange, false));
                    Reason(DecisionReasonCode.Unrepairable, $"the repair of {claim.Problem} on {Date(asset.RepairDay(unit[lastOfProblem]))} found it could not be repaired, so it is exchanged");
                }
            }

            foreach (var rule in policy.RepeatFailureRules)
            {
                if (RuleWindow(rule.WithinTerm) is not { } first)
                {
                    continue;
                }

                var repairs = UnitRepairs(first);
                bool Matches(int i)
                {
                    var repair = asset.RepairAt(i);
                    return (!rule.SameProblem || (claim.Problem is not null && repair.Problem == claim.Problem)) &&
                           (!rule.SafetyOnly || (repair.Safety && claim.Safety));
                }

                bool applies = rule.Consecutive
                    ? repairs.Count >= rule.Repairs && repairs.Skip(repairs.Count - rule.Repairs).All(Matches)
                    : repairs.Count(Matches) >= rule.Repairs;
                if (applies)
                {
                    found.Add(new(DecisionReasonCode.RepeatFailure, rule.Remedy, rule.AllowsReturn));
                    Reason(DecisionReasonCode.RepeatFailure, $"repeat failure ({rule}): {Described(repairs.Where(Matches))}");
                }
            }

            foreach (var rule in policy.RepairTimeRules)
            {
                if (RuleWindow(rule.WithinTerm) is not { } first)
                {
                    continue;
                }

                var repairs = UnitRepairs(first);
                long total = repairs.Sum(i => asset.RepairLength(i));
                long longest = repairs.Count == 0 ? 0 : repairs.Max(i => asset.RepairLength(i));
                if ((rule.Cumulative ? total : longest) > rule.Days)
                {
                    found.Add(new(DecisionReasonCode.RepairTimeExceeded, rule.Remedy, rule.AllowsReturn));
                    Reason(DecisionReasonCode.RepairTimeExceeded, rule.Cumulative
                        ? $"repair time ({rule}): {total.ToString(CultureInfo.InvariantCulture)} days in repair in total"
                        : $"repair time ({rule}): one repair took {longest.ToString(CultureInfo.InvariantCulture)} days");
                }
            }

            if (policy.ReplacementOnRequest && claim.Request == ClaimRequest.Replacement)
            {
                found.Add(new(DecisionReasonCode.ReplacementOnRequest, Remedy.Replacement, false));
                Reason(DecisionReasonCode.ReplacementOnRequest, "the customer chose a replacement instead of a repair, as the policy allows");
            }

            return found;
        }

        /// <summary>The first covered day of the window within which a rule applies: its term's, in force; the deciding term's without one; null when that term is not in force.</summary>
        private long? RuleWindow(string? termId)
        {
            if (termId is null)
            {
                return Window.First;
            }

            if (!policy.TryFind(termId, out var term) || !term.Term.CoversComponent(asset.Component))
            {
                return null;
            }

            decimal? usage = term.UsageQuantity is { } q && claim.Usage.TryGetValue(q, out decimal v) ? v : null;
            var window = term.Evaluate(asset, d, usage);
            return window.Status == CoverageStatus.InForce ? window.First : null;
        }

        /// <summary>The repairs of the current unit: after the last replacement on or before the claim's date, on or after <paramref name="first"/>, on or before that date.</summary>
        private List<int> UnitRepairs(long first)
        {
            long replaced = asset.LastReplacementAtOrBefore(d);
            var result = new List<int>();
            for (int i = 0; i < asset.RepairCount; i++)
            {
                long day = asset.RepairDay(i);
                if (day > d)
                {
                    break;
                }

                if (day > replaced && day >= first)
                {
                    result.Add(i);
                }
            }

            return result;
        }

        internal void NotGranted()
        {
            var (code, what) = claim.Request switch
            {
                ClaimRequest.Return => (DecisionReasonCode.ReturnPeriodOver, "a return"),
                ClaimRequest.Exchange => (DecisionReasonCode.ExchangePeriodOver, "an exchange"),
                _ => (DecisionReasonCode.ReplacementNotAvailable, "a replacement"),
            };
            Reason(code, TermInForce
                ? $"no window or rule of the policy grants {what} on {Date(d)}; the term in force gives a free repair"
                : $"no window or rule of the policy grants {what} on {Date(d)}");
        }

        /// <summary>A free remedy: under the term in force its shares apply.</summary>
        internal ClaimDecision Free(ClaimStatus status, Remedy remedy)
        {
            var shares = CostShares.Free;
            if (TermInForce)
            {
                decimal? usage = Term!.UsageQuantity is { } q && claim.Usage.TryGetValue(q, out decimal v) ? v : null;
                shares = new CostShares(
                    Term.ShareOn(CostType.Labour, asset, d, usage),
                    Term.ShareOn(CostType.Parts, asset, d, usage),
                    Term.ShareOn(CostType.Travel, asset, d, usage));
            }

            return Decide(status, remedy, null, shares);
        }

        /// <summary>Paid service (or nothing, for an expired supply of spare parts), with its price conditions.</summary>
        internal ClaimDecision Paid(ClaimStatus status, Exclusion? exclusion) => Decide(status, Remedy.PaidService, exclusion, default);

        internal ClaimDecision Decide(ClaimStatus status, Remedy remedy, Exclusion? exclusion, CostShares shares)
        {
            var conditions = new SortedSet<WarrantyCondition>();
            decimal? visitFee = null;
            decimal? ceiling = null;
            if (remedy is Remedy.Repair or Remedy.Replacement or Remedy.Exchange)
            {
                if (policy.NewPartsOnly)
                {
                    conditions.Add(claim.UsedPartsAgreed ? WarrantyCondition.UsedPartsAgreedInWriting : WarrantyCondition.NewParts);
                }

                if (policy.MagneticMediaOnSite && claim.MagneticMedia)
                {
                    conditions.Add(WarrantyCondition.RepairOnSite);
                }

                if (remedy != Remedy.Repair)
                {
                    conditions.Add(WarrantyCondition.NewUnit);
                    conditions.Add(remedy == Remedy.Replacement ? WarrantyCondition.SameBrandAndModel : WarrantyCondition.SameModelOrEqualValue);
                }

                if (TermInForce && Term!.HasPresumption)
                {
                    conditions.Add(Term.WithinPresumption(Window.Start, d) ? WarrantyCondition.PresumedAtDelivery : WarrantyCondition.ConsumerMustProve);
                }
            }

            if (remedy is Remedy.PaidService or Remedy.SparePartsSupply)
            {
                if (policy.PaidService.PartsAtCost)
                {
                    conditions.Add(WarrantyCondition.PartsAtCost);
                }

                if (policy.PaidService.NotAboveBidPrice && asset.BidPrice is { } bid)
                {
                    conditions.Add(WarrantyCondition.NotAboveBidPrice);
                    ceiling = bid;
                }
            }

            if (remedy == Remedy.PaidService && policy.PaidService.VisitFee is > 0 and { } fee)
            {
                if (asset.HasMaintenanceContract(d))
                {
                    conditions.Add(WarrantyCondition.CoveredByMaintenanceContract);
                    visitFee = 0;
                }
                else
                {
                    conditions.Add(WarrantyCondition.PerVisitFee);
                    visitFee = fee;
                }
            }

            if (status == ClaimStatus.OutOfScope)
            {
                conditions.Add(WarrantyCondition.CustomerConsentRequired);
            }

            Instant? due = null;
            ServiceTarget? deadline = null;
            BusinessCalendar? calendar = null;
            if (policy.DeadlineEntries.TryGetValue(remedy, out var entry))
            {
                deadline = entry.Target;
                calendar = entry.Calendar ?? policy.AlwaysOpen;
                if (claim.Received is { } received)
                {
                    due = entry.Target.GetDue(received, calendar);
                    Reason(DecisionReasonCode.DueOnReceipt, $"due {IsoInstant(due.Value)} ({entry.Target} from the product's receipt at {IsoInstant(received)})");
                }
                else
                {
                    Reason(DecisionReasonCode.DueNotYetKnown, $"the {Remedies.Name(remedy)} is due {entry.Target} from the product's receipt, which has not happened yet");
                }
            }

            return new ClaimDecision(
                status, remedy, exclusion, Term?.Term, Window, shares, conditions.ToList().AsReadOnly(), reasons.AsReadOnly(), due, deadline, calendar,
                claim.Received, visitFee, ceiling);
        }

        private string Span(in TermWindow w) =>
            $"{Date(w.First)} to {(w.Last == DayNumbers.Lifetime ? "lifetime" : DayNumbers.Describe(w.Last))}";

        private string Described(IEnumerable<int> repairs) =>
            string.Join(", ", repairs.Select(i => $"{asset.RepairAt(i).Problem} on {Date(asset.RepairDay(i))}"));

        private static string Date(long day) => DayNumbers.Describe(day);

        private string Instant(Instant instant) => IsoInstant(instant);

        private string IsoInstant(Instant instant) =>
            NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Format(instant.InZone(policy.Zone).ToOffsetDateTime());

        private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        private static string KindText(WarrantyTermKind kind) => kind switch
        {
            WarrantyTermKind.SparePartsSupply => "spare parts supply",
            WarrantyTermKind.TechnicalSupport => "technical support",
            WarrantyTermKind.Upgrades => "upgrades",
            _ => "coverage",
        };
    }
}
