using System;
using System.Collections.Generic;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>
/// A clause of a contract that takes a failure out of the warranty: its id, the causes that trigger it, what it says,
/// and its consequence. <see cref="Exclusions"/> holds the built-in catalogue; <see cref="Define"/> makes one of the
/// user's own.
/// </summary>
/// <remarks>
/// A claim states its causes (<see cref="Claim.Causes"/>); a cause that an exclusion lists triggers it. Within a
/// policy ids are unique and a cause belongs to one exclusion only (checked when the policy is built). Instances are
/// immutable.
/// </remarks>
[Immutable]
public sealed class Exclusion
{
    private readonly string[] causes;

    private Exclusion(string id, string clause, string[] causes, ExclusionConsequence consequence, FieldRef origin)
    {
        Id = id;
        Clause = clause;
        this.causes = causes;
        Causes = Array.AsReadOnly(causes);
        Consequence = consequence;
        Origin = origin;
    }

    /// <summary>The exclusion's id, for example <c>disaster</c>.</summary>
    public string Id { get; }

    /// <summary>What the clause says, in words.</summary>
    public string Clause { get; }

    /// <summary>The causes that trigger it.</summary>
    public IReadOnlyList<string> Causes { get; }

    /// <summary>What a triggered exclusion does to a claim.</summary>
    public ExclusionConsequence Consequence { get; }

    internal string[] CauseArray => causes;

    internal FieldRef Origin { get; }

    /// <summary>Defines an exclusion of the user's own.</summary>
    /// <param name="id">The id, unique in the policy.</param>
    /// <param name="consequence">What it does to a claim.</param>
    /// <param name="clause">What the clause says, for people; may be empty.</param>
    /// <param name="causes">The causes that trigger it; at least one (checked when the policy is built).</param>
    /// <returns>The exclusion.</returns>
    /// <exception cref="ArgumentNullException">An argument or a cause is null.</exception>
    public static Exclusion Define(string id, ExclusionConsequence consequence, string clause, params string[] causes)
    {
        Preconditions.CheckNotNull(id, nameof(id));
        Preconditions.CheckNotNull(clause, nameof(clause));
        var copy = (string[])Preconditions.CheckNotNull(causes, nameof(causes)).Clone();
        foreach (string cause in copy)
        {
            Preconditions.CheckNotNull(cause, nameof(causes));
        }

        return new Exclusion(id, clause, copy, consequence, FieldRef.Named($"exclusion '{id}'"));
    }

    internal Exclusion WithFields(FieldMap fields) => new(Id, Clause, causes, Consequence, fields.Origin);

    /// <summary>Records the exclusion's own broken rules: an empty id or cause, no cause, a cause given twice, an undefined consequence.</summary>
    internal void Validate(ProblemSink sink)
    {
        if (!ComponentClass.IsValidName(Id))
        {
            sink.Add(Origin, ProblemSink.Quote(Id), "an exclusion id is not empty and has no leading or trailing white space");
        }

        if (!Enum.IsDefined(Consequence))
        {
            sink.Add(Origin, Consequence.ToString(), "expected the consequence notCovered or outOfScope");
        }

        if (causes.Length == 0)
        {
            sink.Add(Origin, null, $"exclusion '{Id}' needs at least one cause that triggers it");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < causes.Length; i++)
        {
            if (!ComponentClass.IsValidName(causes[i]))
            {
                sink.Add(Origin, ProblemSink.Quote(causes[i]), "a cause is not empty and has no leading or trailing white space");
            }
            else if (!seen.Add(causes[i]))
            {
                sink.Add(Origin, ProblemSink.Quote(causes[i]), $"exclusion '{Id}' lists the cause twice");
            }
        }
    }

    /// <summary>Describes the exclusion: <c>disaster (fire, flood, ...): not covered</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Id} ({string.Join(", ", causes)}): {(Consequence == ExclusionConsequence.OutOfScope ? "out of scope" : "not covered")}";

    internal static Exclusion BuiltIn(string id, ExclusionConsequence consequence, string clause, params string[] causes) =>
        new(id, clause, causes, consequence, FieldRef.Named($"built-in exclusion '{id}'"));
}
