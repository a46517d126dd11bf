using System;
using System.Collections.Generic;
using System.Linq;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>
/// Where a term or window starts: one of an asset's dates (<see cref="On"/>), or the earliest or latest of several
/// (<see cref="EarliestOf"/>, <see cref="LatestOf"/>). The names are those of <see cref="StartEvents"/> or the
/// user's own.
/// </summary>
/// <remarks>
/// <see cref="EarliestOf"/> needs at least one of the dates ("from acceptance or first use, whichever comes first":
/// a system accepted but not yet used starts from acceptance); <see cref="LatestOf"/> needs all of them. An asset
/// without what the start needs has not started. The factories reject only null arguments; empty or repeated names
/// are reported when the policy is built. Instances are immutable.
/// </remarks>
[Immutable]
public sealed class WarrantyStart : IEquatable<WarrantyStart>
{
    private readonly string[] names;

    private WarrantyStart(StartRule rule, string[] names)
    {
        Rule = rule;
        this.names = names;
        Names = Array.AsReadOnly(names);
    }

    /// <summary>How the start is found among the named dates.</summary>
    public StartRule Rule { get; }

    /// <summary>The date names, in the order given.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Starts on the asset's date named <paramref name="name"/>.</summary>
    /// <param name="name">A date name, such as <see cref="StartEvents.Acceptance"/>.</param>
    /// <returns>The start.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static WarrantyStart On(string name) => new(StartRule.On, [Preconditions.CheckNotNull(name, nameof(name))]);

    /// <summary>Starts on the earliest of the named dates the asset has.</summary>
    /// <param name="names">The date names; at least one.</param>
    /// <returns>The start.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> or a name is null.</exception>
    public static WarrantyStart EarliestOf(params string[] names) => new(StartRule.EarliestOf, Check(names));

    /// <summary>Starts on the latest of the named dates; the asset must have all of them.</summary>
    /// <param name="names">The date names; at least one.</param>
    /// <returns>The start.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> or a name is null.</exception>
    public static WarrantyStart LatestOf(params string[] names) => new(StartRule.LatestOf, Check(names));

    internal static WarrantyStart Create(StartRule rule, string[] names) => new(rule, names);

    /// <summary>The problems of this start: no name, an empty name, a name given twice.</summary>
    internal void Validate(FieldRef field, ProblemSink sink)
    {
        if (names.Length == 0)
        {
            sink.Add(field, "no date names", "a start names at least one date, such as acceptance");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                sink.Add(field.Item(i), "\"\"", "a date name is not empty");
            }
            else if (!seen.Add(names[i]))
            {
                sink.Add(field.Item(i), ProblemSink.Quote(names[i]), "a date may be named once in a start");
            }
        }
    }

    /// <summary>The start's date as a day number, or false when the asset lacks what the start needs.</summary>
    internal bool TryResolve(Asset asset, out long day) => TryResolve(asset, out day, out _);

    /// <summary>The start's date as a day number and packed (<see cref="DayNumbers.Pack"/>), or false when the asset lacks what the start needs.</summary>
    internal bool TryResolve(Asset asset, out long day, out int packed)
    {
        if (names.Length == 1)
        {
            return asset.TryGetDay(names[0], out day, out packed);
        }

        day = 0;
        packed = 0;
        bool found = false;
        foreach (string name in names)
        {
            if (!asset.TryGetDay(name, out long d, out int p))
            {
                if (Rule == StartRule.EarliestOf)
                {
                    continue;
                }

                return false;
            }

            if (!found || (Rule == StartRule.EarliestOf ? d < day : d > day))
            {
                day = d;
                packed = p;
            }

            found = true;
        }

        return found;
    }

    /// <summary>Describes the start: <c>acceptance</c>, <c>the earliest of acceptance and firstUse</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Rule switch
    {
        StartRule.On => names.Length == 1 ? names[0] : string.Join(", ", names),
        StartRule.EarliestOf => "the earliest of " + Join(names),
        _ => "the latest of " + Join(names),
    };

    /// <inheritdoc/>
    public bool Equals(WarrantyStart? other) => other is not null && Rule == other.Rule && names.SequenceEqual(other.names, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WarrantyStart);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Rule);
        foreach (string name in names)
        {
            hash.Add(name, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private static string Join(string[] names) =>
        names.Length <= 1 ? string.Join("", names) : string.Join(", ", names[..^1]) + " and " + names[^1];

    private static string[] Check(string[] names)
    {
        Preconditions.CheckNotNull(names, nameof(names));
        var copy = (string[])names.Clone();
        foreach (string name in copy)
        {
            Preconditions.CheckNotNull(name, nameof(names));
        }

        return copy;
    }
}
