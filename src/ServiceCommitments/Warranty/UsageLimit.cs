using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>A usage limit: a term also ends when usage of <paramref name="Quantity"/> passes <paramref name="Limit"/>.</summary>
/// <param name="Quantity">What the readings measure, for example <c>km</c>.</param>
/// <param name="Limit">The most usage still covered: usage equal to it is within the limit.</param>
/// <remarks>An immutable value. The default value has a null quantity and is rejected by the policy builder.</remarks>
[Immutable]
public readonly record struct UsageLimit(string Quantity, decimal Limit);
