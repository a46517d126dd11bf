using System;
using System.Globalization;
using ServiceCommitments.Internal;

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

    internal RepeatFailureRule WithRepairs(int repairs) => new(repairs, Consecutive, SameProblem, SafetyOnly, Remedy, AllowsReturn, WithinTerm, Fields);

    internal RepeatFailureRule WithFields(FieldMap fields) => new(Repairs, Consecutive, SameProblem, SafetyOnly, Remedy, AllowsReturn, WithinTerm, fields);

    /// <summary>The fewest and most repairs a rule may count (the schema repeats them).</summary>
    internal const int MinRepairs = 1, MaxRepairs = 1000;

    internal void Validate(ProblemSink sink)
    {
        if (Repairs < MinRepairs || Repairs > MaxRepairs)
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
