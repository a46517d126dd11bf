using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

/// <summary>One fault level: its number (1 is the most severe), its names and what it means.</summary>
/// <remarks>Immutable.</remarks>
[Immutable]
public sealed class FaultLevel
{
    /// <summary>Creates a level.</summary>
    /// <param name="number">The level's number, 1 or more; 1 is the most severe.</param>
    /// <param name="names">Names a document or a user may write for the level, for example 一级, A, P1; each non-empty.</param>
    /// <param name="description">What the level means, for people; may be empty.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is below 1 or above 64.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="names"/>, one of them, or <paramref name="description"/> is null.</exception>
    /// <exception cref="ArgumentException">A name is empty or blank.</exception>
    public FaultLevel(int number, IEnumerable<string> names, string description = "")
    {
        if (number < 1 || number > FaultLevels.MaxLevel)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(number), number, $"a level from 1 to {FaultLevels.MaxLevel}");
        }

        Preconditions.CheckNotNull(names, nameof(names));
        var list = names.ToArray();
        foreach (string name in list)
        {
            Preconditions.CheckNotNull(name, nameof(names));
            if (string.IsNullOrWhiteSpace(name))
            {
                Preconditions.ThrowArgument(nameof(names), $"Level {number} has an empty name.");
            }
        }

        Number = number;
        Names = Array.AsReadOnly(list);
        Description = Preconditions.CheckNotNull(description, nameof(description));
    }

    /// <summary>The level's number; 1 is the most severe.</summary>
    public int Number { get; }

    /// <summary>The names a document may write for the level, besides its number.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>What the level means.</summary>
    public string Description { get; }

    /// <summary>Describes the level: <c>1 (一级, A, P1)</c>.</summary>
    /// <returns>The level's number and names.</returns>
    public override string ToString() =>
        Names.Count == 0 ? Number.ToString(CultureInfo.InvariantCulture) : $"{Number.ToString(CultureInfo.InvariantCulture)} ({string.Join(", ", Names)})";
}
