using System;
using System.Globalization;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

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

    internal RepairTimeRule WithDays(int days) => new(days, Cumulative, Remedy, AllowsReturn, WithinTerm, Fields);

    internal RepairTimeRule WithFields(FieldMap fields) => new(Days, Cumulative, Remedy, AllowsReturn, WithinTerm, fields);

    /// <summary>The fewest and most days a rule may allow (the schema repeats them).</summary>
    internal const int MinDays = 1, MaxDays = 36_500;

    internal void Validate(ProblemSink sink)
    {
        if (Days < MinDays || Days > MaxDays)
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
