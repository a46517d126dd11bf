using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>
/// An immutable map from holiday set ids to sets, used to resolve the <c>holidaySets</c> named in JSON documents.
/// </summary>
/// <remarks>
/// <see cref="Default"/> holds the sets shipped in the package. <see cref="With"/> returns a registry with a set added
/// or replaced, which is how a user makes documents see an extended set (<c>cn-mainland</c> with next year added).
/// Instances are immutable and thread-safe.
/// </remarks>
[Immutable]
public sealed class HolidaySetRegistry
{
    private readonly ImmutableDictionary<string, HolidaySet> sets;

    private HolidaySetRegistry(ImmutableDictionary<string, HolidaySet> sets) => this.sets = sets;

    /// <summary>A registry with no sets.</summary>
    public static HolidaySetRegistry Empty { get; } = new(ImmutableDictionary<string, HolidaySet>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The sets shipped in the package: <c>cn-mainland</c>.</summary>
    public static HolidaySetRegistry Default { get; } = Empty.With(HolidaySets.ChinaMainland);

    /// <summary>The ids of the registered sets.</summary>
    public IEnumerable<string> Ids => sets.Keys;

    /// <summary>Returns a registry with <paramref name="set"/> added, replacing any set with the same id.</summary>
    /// <param name="set">The set to register.</param>
    /// <returns>A new registry; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="set"/> is null.</exception>
    public HolidaySetRegistry With(HolidaySet set)
    {
        Preconditions.CheckNotNull(set, nameof(set));
        return new HolidaySetRegistry(sets.SetItem(set.Id, set));
    }

    /// <summary>Looks up a set by id (case-sensitive).</summary>
    /// <param name="id">The id to look up.</param>
    /// <param name="set">The set, when registered.</param>
    /// <returns>Whether a set with <paramref name="id"/> is registered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public bool TryGet(string id, [NotNullWhen(true)] out HolidaySet? set)
    {
        Preconditions.CheckNotNull(id, nameof(id));
        return sets.TryGetValue(id, out set);
    }
}
