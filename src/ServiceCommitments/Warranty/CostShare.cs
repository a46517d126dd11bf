using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>The supplier's share of one cost of a repair, and for how long it lasts.</summary>
/// <param name="Share">The supplier's part, from 0 (the customer pays all) to 1 (free).</param>
/// <param name="Period">How long the share lasts, counted like the term; null for as long as the term (or, with <paramref name="IsLifetime"/>, for life).</param>
/// <param name="IsLifetime">Whether the share lasts for life.</param>
/// <remarks>An immutable value. The default value is a share of 0 for as long as the term.</remarks>
[Immutable]
public readonly record struct CostShare(decimal Share, Period? Period, bool IsLifetime);
