using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Warranty;

/// <summary>
/// After repeated repairs, a new failure gets a better remedy: "same device, same problem, repaired twice in a row and
/// still unusable → a new device of the same brand and model".
/// </summary>
/// <remarks>
/// <para>The repairs that count are those of the current unit (after the asset's last replacement on or before the
/// claim's date), on or before that date, and on or after the first covered day of the rule's term
/// (<see cref="WithinTerm"/>, default the term that decides the claim); the rule applies only while that term is in
/// force. With <see cref="Consecutive"/> (the default) the last <see cref="Repairs"/> repairs must all match; otherwise
/// at least that many must. A repair matches when it is of the claim's problem (<see cref="SameProblem"/>, the
/// default) and, with <see cref="SafetyOnly"/>, when both it and the claim are safety faults.</para>
/// <para>The methods reject nothing; the builder checks the rule (1 to 1,000 repairs; the remedy a replacement or an
/// exchange; a term that exists). Instances are immutable.</para>
/// </remarks>
[Immutable]
public sealed class RepeatFailureRule
{
    private RepeatFailureRule(int repairs, bool consecutive, bool sameProblem, bool safetyOnly, Remedy remedy, bool allowsReturn, string? withinTerm, FieldMap fields)
    {
        Repairs = repairs;
        Consecutive = consecutive;
        SameProblem = sameProblem;
        SafetyOnly = safetyOnly;
        Remedy = remedy;
        AllowsReturn = allowsReturn;
        WithinTerm = withinTerm;
        Fields = fields;
    }

    /// <summary>How many repairs come before the better remedy (a new failure after that many).</summary>
    public int Repairs { get; }

    /// <summary>Whether the repairs must be the last ones in a row (true by default).</summary>
    public bool Consecutive { get; }

    /// <summary>Whether only repairs of the claim's problem count (true by default).</summary>
    public bool SameProblem { get; }

    /// <summary>Whether only safety faults count, and only for a claim that is one.</summary>
    public bool SafetyOnly { get; }

    /// <summary>The remedy the rule gives: <see cref="Warranty.Remedy.Replacement"/> (default) or <see cref="Warranty.Remedy.Exchange"/>.</summary>
    public Remedy Remedy { get; }

    /// <summary>Whether a return request gets a return when the rule applies.</summary>
    public bool AllowsReturn { get; }

    /// <summary>The id of the term within which the repairs count and the rule applies, or null for the term that decides the claim.</summary>
    public string? WithinTerm { get; }

    internal FieldMap Fields { get; }

    /// <summary>A rule applying after <paramref name="repairs"/> consecutive repairs of the same problem, giving a replacement.</summary>
    /// <param name="repairs">The number of repairs, 1 to 1,000 (checked when the policy is built); 2 is the usual promise.</param>
    /// <returns>The rule.</returns>
    public static RepeatFailureRule AfterRepairs(int repairs) =>
        new(repairs, true, true, false, Remedy.Replacement, false, null, new FieldMap(FieldRef.Named("repeat-failure rule")));

    /// <summary>Returns the rule counting repairs in a row (true) or any repairs (false).</summary>
    /// <param name="consecutive">Whether the repairs must be the last ones in a row.</param>
    /// <returns>The new rule.</returns>
    public RepeatFailureRule InARow(bool consecutive) => new(Repairs, consecutive, SameProblem, SafetyOnly, Remedy, AllowsReturn, WithinTerm, Fields);

    /// <summary>Returns the rule counting only repairs of the claim's problem (true) or of any problem (false).</summary>
    /// <param name="sameProblem">Whether only the same problem counts.</param>
    /// <returns>The new rule.</returns>
    public RepeatFailureRule OfSameProblem(bool sameProblem) => new(Repairs, Consecutive, sameProblem, SafetyOnly, Remedy, AllowsReturn, WithinTerm, Fields);

    /// <summary>Returns the rule counting only safety faults (严重安全性能故障).</summary>
    /// <param name="safetyOnly">Whether only safety faults count.</param>
    /// <returns>The new rule.</returns>
    public RepeatFailureRule OfSafetyFaultsOnly(bool safetyOnly = true) => new(Repairs, Consecutive, SameProblem, safetyOnly, Remedy, AllowsReturn, WithinTerm, Fields);

    /// <summary>Returns the rule giving <paramref name="remedy"/>.</summary>
    /// <param name="remedy"><see cref="Warranty.Remedy.Replacement"/> or <see cref="Warranty.Remedy.Exchange"/> (checked when the policy is built).</param>
    /// <returns>The new rule.</returns>
    public RepeatFailureRule Giving(Remedy remedy) => new(Repairs, Consecutive, SameProblem, SafetyOnly, remedy, AllowsReturn, WithinTerm, Fields);

    /// <summary>Returns the rule letting a return request get a return.</summary>
    /// <param name="allows">Whether a return is allowed.</param>
    /// <returns>The new rule.</returns>
    public RepeatFailureRule AllowingReturn(bool allows = true) => new(Repairs, Consecutive, SameProblem, SafetyOnly, Remedy, allows, WithinTerm, Fields);

    /// <summary>Returns the rule applying within the term <paramref name="termId"/> only.</summary>
    /// <param name="termId">A coverage term's id.</param>
    /// <returns>The new rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="termId"/> is null.</exception>
    public RepeatFailureRule Within(string termId) =>
        new(Repairs, Consecutive, SameProblem, SafetyOnly, Remedy, AllowsReturn, Preconditions.CheckNotNull(termId, nameof(termId)), Fields);

    internal RepeatFailureRule WithFields(FieldMap fields) => new(Repairs, Consecutive, SameProblem, SafetyOnly, Remedy, AllowsReturn, WithinTerm, fields);

    internal void Validate(ProblemSink sink)
    {
        if (Repairs < 1 || Repairs > 1000)
        {
            sink.Add(Fields.Get("repairs"), Repairs.ToString(CultureInfo.InvariantCulture), "a repeat-failure rule counts 1 to 1,000 repairs");
        }

        if (Remedy is not (Remedy.Replacement or Remedy.Exchange))
        {
            sink.Add(Fields.Get("remedy"), Remedy.ToString(), "a repeat-failure rule gives a replacement or an exchange");
        }
    }

    /// <summary>Describes the rule: <c>after 2 repairs in a row of the same problem: replacement</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"after {Repairs.ToString(CultureInfo.InvariantCulture)} repair{(Repairs == 1 ? "" : "s")}{(Consecutive ? " in a row" : "")}" +
        $"{(SameProblem ? " of the same problem" : "")}{(SafetyOnly ? " of safety faults" : "")}" +
        $"{(WithinTerm is null ? "" : $" within {WithinTerm}")}: {Remedies.Name(Remedy)}{(AllowsReturn ? " or return" : "")}";
}

/// <summary>
/// Too long in repair gives a better remedy: "repairs of more than 30 days in total → an exchange or a return".
/// </summary>
/// <remarks>
/// The repairs that count are those of the current unit, as for <see cref="RepeatFailureRule"/>, of any problem; a
/// repair's days in repair are its return date minus its date. With <see cref="Cumulative"/> (the default) their sum,
/// otherwise each repair's, greater than <see cref="Days"/> applies the rule. The builder checks the rule (1 to
/// 36,500 days; the remedy a replacement or an exchange; a term that exists). Instances are immutable.
/// </remarks>
[Immutable]
public sealed class RepairTimeRule
{
    private RepairTimeRule(int days, bool cumulative, Remedy remedy, bool allowsReturn, string? withinTerm, FieldMap fields)
    {
        Days = days;
        Cumulative = cumulative;
        Remedy = remedy;
        AllowsReturn = allowsReturn;
        WithinTerm = withinTerm;
        Fields = fields;
    }

    /// <summary>The most days in repair still without the better remedy.</summary>
    public int Days { get; }

    /// <summary>Whether the days of all repairs add up (true by default), or each repair counts alone.</summary>
    public bool Cumulative { get; }

    /// <summary>The remedy the rule gives: <see cref="Warranty.Remedy.Exchange"/> (default) or <see cref="Warranty.Remedy.Replacement"/>.</summary>
    public Remedy Remedy { get; }

    /// <summary>Whether a return request gets a return when the rule applies.</summary>
    public bool AllowsReturn { get; }

    /// <summary>The id of the term within which the repairs count and the rule applies, or null for the term that decides the claim.</summary>
    public string? WithinTerm { get; }

    internal FieldMap Fields { get; }

    /// <summary>A rule applying when repairs took more than <paramref name="days"/> days in total, giving an exchange.</summary>
    /// <param name="days">The days, 1 to 36,500 (checked when the policy is built).</param>
    /// <returns>The rule.</returns>
    public static RepairTimeRule MoreThanDays(int days) => new(days, true, Remedy.Exchange, false, null, new FieldMap(FieldRef.Named("repair-time rule")));

    /// <summary>Returns the rule adding up all repairs (true) or looking at each alone (false).</summary>
    /// <param name="cumulative">Whether days add up.</param>
    /// <returns>The new rule.</returns>
    public RepairTimeRule AddingUp(bool cumulative) => new(Days, cumulative, Remedy, AllowsReturn, WithinTerm, Fields);

    /// <summary>Returns the rule giving <paramref name="remedy"/>.</summary>
    /// <param name="remedy"><see cref="Warranty.Remedy.Exchange"/> or <see cref="Warranty.Remedy.Replacement"/>.</param>
    /// <returns>The new rule.</returns>
    public RepairTimeRule Giving(Remedy remedy) => new(Days, Cumulative, remedy, AllowsReturn, WithinTerm, Fields);

    /// <summary>Returns the rule letting a return request get a return.</summary>
    /// <param name="allows">Whether a return is allowed.</param>
    /// <returns>The new rule.</returns>
    public RepairTimeRule AllowingReturn(bool allows = true) => new(Days, Cumulative, Remedy, allows, WithinTerm, Fields);

    /// <summary>Returns the rule applying within the term <paramref name="termId"/> only.</summary>
    /// <param name="termId">A coverage term's id.</param>
    /// <returns>The new rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="termId"/> is null.</exception>
    public RepairTimeRule Within(string termId) => new(Days, Cumulative, Remedy, AllowsReturn, Preconditions.CheckNotNull(termId, nameof(termId)), Fields);

    internal RepairTimeRule WithFields(FieldMap fields) => new(Days, Cumulative, Remedy, AllowsReturn, WithinTerm, fields);

    internal void Validate(ProblemSink sink)
    {
        if (Days < 1 || Days > 36_500)
        {
            sink.Add(Fields.Get("days"), Days.ToString(CultureInfo.InvariantCulture), "a repair-time rule allows 1 to 36,500 days");
        }

        if (Remedy is not (Remedy.Replacement or Remedy.Exchange))
        {
            sink.Add(Fields.Get("remedy"), Remedy.ToString(), "a repair-time rule gives a replacement or an exchange");
        }
    }

    /// <summary>Describes the rule: <c>more than 30 days in repair in total: exchange or return</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"more than {Days.ToString(CultureInfo.InvariantCulture)} days in repair{(Cumulative ? " in total" : " in one repair")}" +
        $"{(WithinTerm is null ? "" : $" within {WithinTerm}")}: {Remedies.Name(Remedy)}{(AllowsReturn ? " or return" : "")}";
}

/// <summary>
/// A window in which a return or an exchange is the customer's right: "return without reason within 7 natural days
/// of receipt", "exchange a product that fails within 15 days of sale".
/// </summary>
/// <remarks>
/// <para>The window is a target (<see cref="ServiceTarget"/>, for example <c>ServiceTarget.OfPeriod(Period.FromDays(7))</c>)
/// counted from 00:00 of an asset date (<see cref="From"/>); a claim is within it when its instant is at or after that
/// and before the target's deadline. A period or calendar-day target needs only the policy's zone; a target that
/// counts working time, has the holiday rule or a cut-off counts on a business calendar the window names.</para>
/// <para>An on-failure window needs a claim with a problem; <see cref="Problems"/> narrows it to some problem codes
/// and <see cref="UsageLimit"/> to usage within a limit. The methods reject only null arguments; the builder checks
/// the rest. Instances are immutable.</para>
/// </remarks>
[Immutable]
public sealed class RemedyWindow
{
    private readonly string[] problems;

    private RemedyWindow(WindowKind kind, ServiceTarget target, WarrantyStart from, string? calendarName, BusinessCalendar? calendar, string[] problems, UsageLimit? usageLimit, FieldMap fields)
    {
        Kind = kind;
        Target = target;
        From = from;
        CalendarName = calendarName;
        Calendar = calendar;
        this.problems = problems;
        Problems = Array.AsReadOnly(problems);
        UsageLimit = usageLimit;
        Fields = fields;
    }

    /// <summary>Which right the window grants.</summary>
    public WindowKind Kind { get; }

    /// <summary>How long the window lasts.</summary>
    public ServiceTarget Target { get; }

    /// <summary>The asset date the window counts from.</summary>
    public WarrantyStart From { get; }

    /// <summary>The name of the policy calendar the target counts on, or null.</summary>
    public string? CalendarName { get; }

    /// <summary>The calendar given directly, or null.</summary>
    public BusinessCalendar? Calendar { get; }

    /// <summary>The problem codes the window is for; empty for any.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The usage limit within which the window applies ("60 days or 3,000 km"), or null.</summary>
    public UsageLimit? UsageLimit { get; }

    internal string[] ProblemArray => problems;

    internal FieldMap Fields { get; }

    /// <summary>A window for returns without reason and without failure (七日无理由退货).</summary>
    /// <param name="within">How long the window lasts.</param>
    /// <param name="from">The asset date it counts from, such as <see cref="StartEvents.Received"/>.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="from"/> is null.</exception>
    public static RemedyWindow ReturnWithoutReason(ServiceTarget within, WarrantyStart from) => Create(WindowKind.ReturnWithoutReason, within, from);

    /// <summary>A window in which a product that fails may be returned (or exchanged).</summary>
    /// <param name="within">How long the window lasts.</param>
    /// <param name="from">The asset date it counts from, such as <see cref="StartEvents.Purchase"/>.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="from"/> is null.</exception>
    public static RemedyWindow ReturnOnFailure(ServiceTarget within, WarrantyStart from) => Create(WindowKind.ReturnOnFailure, within, from);

    /// <summary>A window in which a product that fails may be exchanged.</summary>
    /// <param name="within">How long the window lasts.</param>
    /// <param name="from">The asset date it counts from.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="from"/> is null.</exception>
    public static RemedyWindow ExchangeOnFailure(ServiceTarget within, WarrantyStart from) => Create(WindowKind.ExchangeOnFailure, within, from);

    /// <summary>Returns the window for claims of these problem codes only.</summary>
    /// <param name="problems">The codes; none for any problem.</param>
    /// <returns>The new window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> or a code is null.</exception>
    public RemedyWindow ForProblems(params string[] problems)
    {
        var copy = (string[])Preconditions.CheckNotNull(problems, nameof(problems)).Clone();
        foreach (string problem in copy)
        {
            Preconditions.CheckNotNull(problem, nameof(problems));
        }

        return new(Kind, Target, From, CalendarName, Calendar, copy, UsageLimit, Fields);
    }

    /// <summary>Returns the window applying only while usage of <paramref name="quantity"/> is at most <paramref name="limit"/>.</summary>
    /// <param name="quantity">What the readings measure.</param>
    /// <param name="limit">The most usage, above 0.</param>
    /// <returns>The new window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quantity"/> is null.</exception>
    public RemedyWindow WithUsageLimit(string quantity, decimal limit) =>
        new(Kind, Target, From, CalendarName, Calendar, problems, new UsageLimit(Preconditions.CheckNotNull(quantity, nameof(quantity)), limit), Fields);

    /// <summary>Returns the window counted on the policy calendar named <paramref name="name"/>.</summary>
    /// <param name="name">A name given to <see cref="WarrantyPolicyBuilder.AddCalendar"/>.</param>
    /// <returns>The new window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public RemedyWindow OnCalendar(string name) =>
        new(Kind, Target, From, Preconditions.CheckNotNull(name, nameof(name)), null, problems, UsageLimit, Fields);

    /// <summary>Returns the window counted on <paramref name="calendar"/>.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The new window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public RemedyWindow OnCalendar(BusinessCalendar calendar) =>
        new(Kind, Target, From, null, Preconditions.CheckNotNull(calendar, nameof(calendar)), problems, UsageLimit, Fields);

    internal RemedyWindow WithFields(FieldMap fields) => new(Kind, Target, From, CalendarName, Calendar, problems, UsageLimit, fields);

    internal string KindName => Kind switch
    {
        WindowKind.ReturnWithoutReason => "returnWithoutReason",
        WindowKind.ReturnOnFailure => "returnOnFailure",
        _ => "exchangeOnFailure",
    };

    internal void Validate(ProblemSink sink)
    {
        if (!Enum.IsDefined(Kind))
        {
            sink.Add(Fields.Origin, Kind.ToString(), "expected returnWithoutReason, returnOnFailure or exchangeOnFailure");
        }

        From.Validate(Fields.Get("from"), sink);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problemsField = Fields.Get("problems");
        for (int i = 0; i < problems.Length; i++)
        {
            if (problems[i].Length == 0)
            {
                sink.Add(problemsField.Item(i), "\"\"", "a problem code is not empty");
            }
            else if (!seen.Add(problems[i]))
            {
                sink.Add(problemsField.Item(i), ProblemSink.Quote(problems[i]), "a problem code may be named once in a window");
            }
        }

        if (UsageLimit is { } usage && (usage.Limit <= 0 || !ComponentClass.IsValidName(usage.Quantity)))
        {
            sink.Add(Fields.Get("usage"), $"{usage.Quantity} {usage.Limit.ToString(CultureInfo.InvariantCulture)}", "a usage limit names its quantity and is above 0");
        }
    }

    /// <summary>Describes the window: <c>returnWithoutReason within 7 days from received</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{KindName} {Target} from {From}" + (problems.Length == 0 ? "" : $" for {string.Join(", ", problems)}") +
        (UsageLimit is { } u ? $" or {u.Limit.ToString(CultureInfo.InvariantCulture)} {u.Quantity}" : "");

    private static RemedyWindow Create(WindowKind kind, ServiceTarget within, WarrantyStart from) =>
        new(kind, within, Preconditions.CheckNotNull(from, nameof(from)), null, null, [], null, new FieldMap(FieldRef.Named(KindText(kind) + " window")));

    private static string KindText(WindowKind kind) => kind switch
    {
        WindowKind.ReturnWithoutReason => "returnWithoutReason",
        WindowKind.ReturnOnFailure => "returnOnFailure",
        _ => "exchangeOnFailure",
    };
}

/// <summary>The terms of paid service (after the warranty, or for excluded and out-of-scope work).</summary>
/// <param name="VisitFee">The fee per visit, charged unless a maintenance contract covers the asset on the claim's date; null for none.</param>
/// <param name="PartsAtCost">Whether parts are charged at cost.</param>
/// <param name="NotAboveBidPrice">Whether prices never exceed the asset's bid price.</param>
/// <remarks>An immutable value. The default value has no fee and neither promise.</remarks>
[Immutable]
public readonly record struct PaidServiceTerms(decimal? VisitFee, bool PartsAtCost, bool NotAboveBidPrice);

/// <summary>Names of remedies as documents write them.</summary>
internal static class Remedies
{
    internal static string Name(Remedy remedy) => remedy switch
    {
        Remedy.None => "none",
        Remedy.Repair => "repair",
        Remedy.Replacement => "replacement",
        Remedy.Exchange => "exchange",
        Remedy.Return => "return",
        Remedy.PaidService => "paidService",
        Remedy.TechnicalSupport => "technicalSupport",
        Remedy.Upgrade => "upgrade",
        Remedy.SparePartsSupply => "sparePartsSupply",
        _ => remedy.ToString(),
    };

    internal static readonly Remedy[] WithDeadlines = [Remedy.Repair, Remedy.Replacement, Remedy.Exchange, Remedy.Return];
}

/// <summary>Where an object and its properties came from: named fields for C# callers, document paths for documents.</summary>
internal readonly struct FieldMap
{
    private readonly IReadOnlyDictionary<string, FieldRef>? fields;

    internal FieldMap(FieldRef origin, IReadOnlyDictionary<string, FieldRef>? fields = null)
    {
        Origin = origin;
        this.fields = fields;
    }

    internal FieldRef Origin { get; }

    internal FieldRef Get(string name) => fields is not null && fields.TryGetValue(name, out var field) ? field : Origin;
}
