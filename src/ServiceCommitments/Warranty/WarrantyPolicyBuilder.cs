using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Warranty;

/// <summary>
/// Builds a <see cref="WarrantyPolicy"/>: terms, exclusions, escalation rules, return and exchange windows, remedy
/// deadlines, named calendars and the terms of paid service.
/// </summary>
/// <remarks>
/// <para>The methods reject only null arguments (and <see cref="ReplaceTerm"/>, <see cref="RemoveTerm"/> a term the
/// builder does not have). <see cref="Build"/> checks every rule once and throws one <see cref="ValidationException"/>
/// listing every problem: a term without a start or with a period shorter than a day, two terms with one id, a share
/// outside 0 to 1, an exclusion id or cause given twice, an unknown built-in exclusion, a rule naming a term the policy
/// does not have, a window or deadline that needs a calendar and has none, a negative visit fee, a policy with neither
/// a term nor a window.</para>
/// <para>A builder is mutable and not thread-safe; <see cref="Build"/> takes a snapshot.</para>
/// </remarks>
[Mutable]
public sealed class WarrantyPolicyBuilder
{
    private readonly List<WarrantyTerm> terms = [];
    private readonly List<Exclusion> customExclusions = [];
    private readonly List<RepeatFailureRule> repeatFailureRules = [];
    private readonly List<RepairTimeRule> repairTimeRules = [];
    private readonly List<RemedyWindow> windows = [];
    private readonly Dictionary<Remedy, (ServiceTarget Target, BusinessCalendar? Calendar, string? CalendarName, FieldRef Field)> deadlines = [];
    private readonly Dictionary<string, BusinessCalendar> calendars = new(StringComparer.Ordinal);
    private List<string>? builtInIds;
    private static readonly FieldMap NamedFields = FieldMap.Named("warranty policy", ("builtInExclusions", "built-in exclusions"), ("paidService", "paid service"), ("terms", "terms"));
    private FieldMap fields = NamedFields;
    private DateTimeZone zone;

    /// <summary>Creates a builder for a policy whose dates are local dates in <paramref name="zone"/>.</summary>
    /// <param name="zone">The zone.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public WarrantyPolicyBuilder(DateTimeZone zone)
    {
        this.zone = Preconditions.CheckNotNull(zone, nameof(zone));
    }

    internal WarrantyPolicyBuilder(WarrantyPolicy policy)
    {
        zone = policy.Zone;
        terms.AddRange(policy.Terms);
        customExclusions.AddRange(policy.CustomExclusions);
        builtInIds = policy.BuiltInExclusionIds?.ToList();
        repeatFailureRules.AddRange(policy.RepeatFailureRules);
        repairTimeRules.AddRange(policy.RepairTimeRules);
        windows.AddRange(policy.Windows);
        foreach (var (name, calendar) in policy.Calendars)
        {
            calendars[name] = calendar;
        }

        foreach (var (remedy, entry) in policy.DeadlineEntries)
        {
            deadlines[remedy] = (entry.Target, entry.Calendar, entry.CalendarName, FieldRef.Named($"deadline of {Remedies.Name(remedy)}"));
        }

        ReplacementOnRequest = policy.ReplacementOnRequest;
        ExchangeWhenUnrepairable = policy.ExchangeWhenUnrepairable;
        PaidService = policy.PaidService;
        NewPartsOnly = policy.NewPartsOnly;
        MagneticMediaOnSite = policy.MagneticMediaOnSite;
    }

    /// <summary>The zone in which every warranty date is a local date.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public DateTimeZone Zone
    {
        get => zone;
        set => zone = Preconditions.CheckNotNull(value, nameof(value));
    }

    /// <summary>Whether a customer may choose a replacement instead of a repair while a coverage term is in force (default false).</summary>
    public bool ReplacementOnRequest { get; set; }

    /// <summary>Whether a product that cannot be repaired within the warranty is exchanged (default true).</summary>
    public bool ExchangeWhenUnrepairable { get; set; } = true;

    /// <summary>The terms of paid service (default: no fee, no promise).</summary>
    public PaidServiceTerms PaidService { get; set; }

    /// <summary>Whether replacement parts are new and unused unless the customer agreed in writing (default false).</summary>
    public bool NewPartsOnly { get; set; }

    /// <summary>Whether magnetic media are repaired on the customer's site and never taken away (default false).</summary>
    public bool MagneticMediaOnSite { get; set; }

    /// <summary>Names a calendar that windows and deadlines may count on; a second calendar with the same name replaces the first.</summary>
    /// <param name="name">The name.</param>
    /// <param name="calendar">The calendar.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public WarrantyPolicyBuilder AddCalendar(string name, BusinessCalendar calendar)
    {
        calendars[Preconditions.CheckNotNull(name, nameof(name))] = Preconditions.CheckNotNull(calendar, nameof(calendar));
        return this;
    }

    /// <summary>Adds a term.</summary>
    /// <param name="term">The term.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="term"/> is null.</exception>
    public WarrantyPolicyBuilder AddTerm(WarrantyTerm term)
    {
        terms.Add(Preconditions.CheckNotNull(term, nameof(term)));
        return this;
    }

    /// <summary>Replaces the term with <paramref name="term"/>'s id, keeping its place.</summary>
    /// <param name="term">The new term.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="term"/> is null.</exception>
    /// <exception cref="ArgumentException">The builder has no term with that id.</exception>
    public WarrantyPolicyBuilder ReplaceTerm(WarrantyTerm term)
    {
        Preconditions.CheckNotNull(term, nameof(term));
        int index = terms.FindIndex(t => t.Id == term.Id);
        if (index < 0)
        {
            Preconditions.ThrowArgument(nameof(term), $"The builder has no term \"{ProblemSink.Cut(term.Id)}\" to replace; its terms are: {Known()}.");
        }

        terms[index] = term;
        return this;
    }

    /// <summary>Removes the term <paramref name="id"/>.</summary>
    /// <param name="id">The term's id.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException">The builder has no term with that id.</exception>
    public WarrantyPolicyBuilder RemoveTerm(string id)
    {
        Preconditions.CheckNotNull(id, nameof(id));
        if (terms.RemoveAll(t => t.Id == id) == 0)
        {
            Preconditions.ThrowArgument(nameof(id), $"The builder has no term \"{ProblemSink.Cut(id)}\" to remove; its terms are: {Known()}.");
        }

        return this;
    }

    /// <summary>Adds an exclusion of the policy's own, after the built-in ones.</summary>
    /// <param name="exclusion">The exclusion.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exclusion"/> is null.</exception>
    public WarrantyPolicyBuilder AddExclusion(Exclusion exclusion)
    {
        customExclusions.Add(Preconditions.CheckNotNull(exclusion, nameof(exclusion)));
        return this;
    }

    /// <summary>Keeps only these built-in exclusions (<see cref="Exclusions.BuiltIn"/>); none keeps none.</summary>
    /// <param name="ids">The ids to keep.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> or an id is null.</exception>
    public WarrantyPolicyBuilder UseBuiltInExclusions(params string[] ids)
    {
        Preconditions.CheckNotNull(ids, nameof(ids));
        foreach (string id in ids)
        {
            Preconditions.CheckNotNull(id, nameof(ids));
        }

        builtInIds = [.. ids];
        return this;
    }

    /// <summary>Keeps every built-in exclusion (the default).</summary>
    /// <returns>This builder.</returns>
    public WarrantyPolicyBuilder UseAllBuiltInExclusions()
    {
        builtInIds = null;
        return this;
    }

    /// <summary>Adds a repeat-failure rule, applied after those added before it.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    public WarrantyPolicyBuilder AddRepeatFailureRule(RepeatFailureRule rule)
    {
        repeatFailureRules.Add(Preconditions.CheckNotNull(rule, nameof(rule)));
        return this;
    }

    /// <summary>Adds a repair-time rule, applied after those added before it.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    public WarrantyPolicyBuilder AddRepairTimeRule(RepairTimeRule rule)
    {
        repairTimeRules.Add(Preconditions.CheckNotNull(rule, nameof(rule)));
        return this;
    }

    /// <summary>Adds a return or exchange window, tried after those added before it.</summary>
    /// <param name="window">The window.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> is null.</exception>
    public WarrantyPolicyBuilder AddWindow(RemedyWindow window)
    {
        windows.Add(Preconditions.CheckNotNull(window, nameof(window)));
        return this;
    }

    /// <summary>Sets the deadline of a remedy, counted from when the product is received, in the policy's zone (elapsed, calendar-day and period targets).</summary>
    /// <param name="remedy"><see cref="Remedy.Repair"/>, <see cref="Remedy.Replacement"/>, <see cref="Remedy.Exchange"/> or <see cref="Remedy.Return"/> (checked when the policy is built).</param>
    /// <param name="target">The deadline, for example 72 hours elapsed.</param>
    /// <returns>This builder.</returns>
    public WarrantyPolicyBuilder SetRemedyDeadline(Remedy remedy, ServiceTarget target) =>
        SetDeadline(remedy, target, null, null, FieldRef.Named($"deadline of {Remedies.Name(remedy)}"));

    /// <summary>Sets the deadline of a remedy, counted on the policy calendar named <paramref name="calendarName"/>.</summary>
    /// <param name="remedy">The remedy.</param>
    /// <param name="target">The deadline, for example 2 working days.</param>
    /// <param name="calendarName">A name given to <see cref="AddCalendar"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendarName"/> is null.</exception>
    public WarrantyPolicyBuilder SetRemedyDeadline(Remedy remedy, ServiceTarget target, string calendarName) =>
        SetDeadline(remedy, target, null, Preconditions.CheckNotNull(calendarName, nameof(calendarName)), FieldRef.Named($"deadline of {Remedies.Name(remedy)}"));

    /// <summary>Sets the deadline of a remedy, counted on <paramref name="calendar"/>.</summary>
    /// <param name="remedy">The remedy.</param>
    /// <param name="target">The deadline.</param>
    /// <param name="calendar">The calendar.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public WarrantyPolicyBuilder SetRemedyDeadline(Remedy remedy, ServiceTarget target, BusinessCalendar calendar) =>
        SetDeadline(remedy, target, Preconditions.CheckNotNull(calendar, nameof(calendar)), null, FieldRef.Named($"deadline of {Remedies.Name(remedy)}"));

    /// <summary>Removes the deadline of a remedy.</summary>
    /// <param name="remedy">The remedy.</param>
    /// <returns>This builder.</returns>
    public WarrantyPolicyBuilder ClearRemedyDeadline(Remedy remedy)
    {
        deadlines.Remove(remedy);
        return this;
    }

    /// <summary>Builds the policy, checking every rule once.</summary>
    /// <returns>An immutable, thread-safe policy.</returns>
    /// <exception cref="ValidationException">The policy breaks a rule; every problem is listed.</exception>
    public WarrantyPolicy Build()
    {
        var sink = new ProblemSink();
        return TryBuild(sink) ?? throw new ValidationException("warranty policy", sink);
    }

    internal WarrantyPolicyBuilder SetDeadline(Remedy remedy, ServiceTarget target, BusinessCalendar? calendar, string? calendarName, FieldRef field)
    {
        deadlines[remedy] = (target, calendar, calendarName, field);
        return this;
    }

    /// <summary>Keeps the built-in exclusions <paramref name="ids"/> (null: all), unchecked until the policy is built.</summary>
    internal void SetBuiltInExclusions(IReadOnlyList<string>? ids) => builtInIds = ids?.ToList();

    /// <summary>Where the policy's properties came from (a document's paths), for the problems the build finds.</summary>
    internal WarrantyPolicyBuilder WithField(string property, FieldRef field) => WithFields(fields.With(property, field));

    internal WarrantyPolicyBuilder WithFields(FieldMap map)
    {
        fields = map;
        return this;
    }

    internal WarrantyPolicy? TryBuild(ProblemSink sink)
    {
        int before = sink.Count;
        var ids = new Dictionary<string, WarrantyTerm>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            term.Validate(sink);
            if (!ids.TryAdd(term.Id, term))
            {
                sink.Add(term.Field("id"), ProblemSink.Quote(term.Id), $"a term id is unique in a policy; {ids[term.Id].Origin.Text} has it too");
            }
        }

        if (terms.Count == 0 && windows.Count == 0)
        {
            sink.Add(fields.Get("terms"), null, "a warranty policy needs at least one term or one return or exchange window");
        }

        var exclusions = CheckExclusions(sink);
        foreach (var rule in repeatFailureRules)
        {
            rule.Validate(sink);
            CheckWithin(rule.WithinTerm, rule.Fields.Get("within"), ids, sink);
        }

        foreach (var rule in repairTimeRules)
        {
            rule.Validate(sink);
            CheckWithin(rule.WithinTerm, rule.Fields.Get("within"), ids, sink);
        }

        var resolvedWindows = new List<(RemedyWindow Window, BusinessCalendar? Calendar)>();
        foreach (var window in windows)
        {
            window.Validate(sink);
            resolvedWindows.Add((window, ResolveCalendar(window.Target, window.Calendar, window.CalendarName, window.Fields.Get("calendar"), window.Fields.Origin, sink)));
        }

        var resolvedDeadlines = new Dictionary<Remedy, (ServiceTarget Target, BusinessCalendar? Calendar, string? CalendarName)>();
        foreach (var (remedy, (target, calendar, calendarName, field)) in deadlines)
        {
            if (Array.IndexOf(Remedies.WithDeadlines, remedy) < 0)
            {
                sink.Add(field, Remedies.Name(remedy), "a deadline belongs to the remedy repair, replacement, exchange or return");
            }

            resolvedDeadlines[remedy] = (target, ResolveCalendar(target, calendar, calendarName, field, field, sink), calendarName);
        }

        if (PaidService.VisitFee is < 0)
        {
            sink.Add(fields.Get("paidService.visitFee"), PaidService.VisitFee.Value.ToString(CultureInfo.InvariantCulture), "a visit fee is 0 or more");
        }

        if (sink.Count > before)
        {
            return null;
        }

        return new WarrantyPolicy(new Snapshot(
            zone, [.. terms], exclusions, builtInIds is null ? null : [.. builtInIds], [.. customExclusions], [.. repeatFailureRules], [.. repairTimeRules],
            resolvedWindows, resolvedDeadlines, new Dictionary<string, BusinessCalendar>(calendars, StringComparer.Ordinal), ReplacementOnRequest,
            ExchangeWhenUnrepairable, PaidService, NewPartsOnly, MagneticMediaOnSite));
    }

    private List<Exclusion> CheckExclusions(ProblemSink sink)
    {
        var result = new List<Exclusion>();
        if (builtInIds is null)
        {
            result.AddRange(Exclusions.BuiltIn);
        }
        else
        {
            var kept = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < builtInIds.Count; i++)
            {
                string id = builtInIds[i];
                if (Exclusions.Find(id) is null)
                {
                    sink.Add(fields.Get("builtInExclusions").Item(i), ProblemSink.Quote(id), $"expected the id of a built-in exclusion: {string.Join(", ", Exclusions.BuiltIn.Select(e => e.Id))}");
                }
                else if (!kept.Add(id))
                {
                    sink.Add(fields.Get("builtInExclusions").Item(i), ProblemSink.Quote(id), "a built-in exclusion may be named once");
                }
            }

            // Catalogue order, whatever the order given.
            result.AddRange(Exclusions.BuiltIn.Where(e => kept.Contains(e.Id)));
        }

        var ids = result.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var causes = new Dictionary<string, Exclusion>(StringComparer.Ordinal);
        foreach (var exclusion in result)
        {
            foreach (string cause in exclusion.CauseArray)
            {
                causes[cause] = exclusion;
            }
        }

        foreach (var exclusion in customExclusions)
        {
            exclusion.Validate(sink);
            if (!ids.TryAdd(exclusion.Id, exclusion))
            {
                sink.Add(exclusion.Origin, ProblemSink.Quote(exclusion.Id), $"an exclusion id is unique in a policy; {ids[exclusion.Id].Origin.Text} has it too");
            }

            foreach (string cause in exclusion.CauseArray.Distinct(StringComparer.Ordinal))
            {
                if (!causes.TryAdd(cause, exclusion) && !ReferenceEquals(causes[cause], exclusion))
                {
                    sink.Add(exclusion.Origin, ProblemSink.Quote(cause), $"a cause triggers one exclusion only; it already triggers '{causes[cause].Id}'");
                }
            }

            result.Add(exclusion);
        }

        return result;
    }

    private static void CheckWithin(string? termId, FieldRef field, Dictionary<string, WarrantyTerm> ids, ProblemSink sink)
    {
        if (termId is null)
        {
            return;
        }

        if (!ids.TryGetValue(termId, out var term))
        {
            sink.Add(field, ProblemSink.Quote(termId), $"expected the id of a term of the policy: {(ids.Count == 0 ? "(the policy has none)" : ProblemSink.List(ids.Keys))}");
        }
        else if (term.Kind != WarrantyTermKind.Coverage)
        {
            sink.Add(field, ProblemSink.Quote(termId), "a rule applies within a coverage term; this one is of another kind");
        }
    }

    /// <summary>The calendar a target counts on: the one given or named, or none when it needs only the zone.</summary>
    private BusinessCalendar? ResolveCalendar(ServiceTarget target, BusinessCalendar? calendar, string? name, FieldRef calendarField, FieldRef targetField, ProblemSink sink)
    {
        if (calendar is not null)
        {
            return calendar;
        }

        if (name is not null)
        {
            if (calendars.TryGetValue(name, out var named))
            {
                return named;
            }

            sink.Add(calendarField, ProblemSink.Quote(name), $"expected the name of a calendar of the policy: {(calendars.Count == 0 ? "(the policy has none)" : ProblemSink.List(calendars.Keys))}");
            return null;
        }

        if (target.NeedsWorkingDays)
        {
            sink.Add(targetField, target.ToString(), "this target counts on a business calendar (working time, working days, the holiday rule or a cut-off); name one");
        }

        return null;
    }

    private string Known() => terms.Count == 0 ? "(none)" : string.Join(", ", terms.Select(t => t.Id));

    /// <summary>What a built policy is made of, checked.</summary>
    internal sealed record Snapshot(
        DateTimeZone Zone,
        List<WarrantyTerm> Terms,
        List<Exclusion> Exclusions,
        List<string>? BuiltInIds,
        List<Exclusion> CustomExclusions,
        List<RepeatFailureRule> RepeatFailureRules,
        List<RepairTimeRule> RepairTimeRules,
        List<(RemedyWindow Window, BusinessCalendar? Calendar)> Windows,
        Dictionary<Remedy, (ServiceTarget Target, BusinessCalendar? Calendar, string? CalendarName)> Deadlines,
        Dictionary<string, BusinessCalendar> Calendars,
        bool ReplacementOnRequest,
        bool ExchangeWhenUnrepairable,
        PaidServiceTerms PaidService,
        bool NewPartsOnly,
        bool MagneticMediaOnSite);
}
