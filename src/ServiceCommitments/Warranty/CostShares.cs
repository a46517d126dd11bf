using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>The supplier's share of labour, parts and travel, each from 0 (the customer pays) to 1 (free).</summary>
/// <param name="Labour">The share of labour.</param>
/// <param name="Parts">The share of parts.</param>
/// <param name="Travel">The share of travel.</param>
/// <remarks>An immutable value. The default value is 0, 0, 0: the customer pays everything.</remarks>
[Immutable]
public readonly record struct CostShares(decimal Labour, decimal Parts, decimal Travel)
{
    /// <summary>Everything free: 1, 1, 1.</summary>
    public static CostShares Free { get; } = new(1, 1, 1);

    /// <summary>Whether every share is 1.</summary>
    public bool IsFree => Labour == 1 && Parts == 1 && Travel == 1;
}
