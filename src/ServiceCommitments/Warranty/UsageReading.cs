using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>A reading of an asset's running total of some quantity.</summary>
/// <param name="Date">When it was read.</param>
/// <param name="Quantity">What it measures, for example <c>km</c> or <c>hours</c>.</param>
/// <param name="Value">The running total, 0 or more.</param>
/// <remarks>An immutable value. The default value has a null quantity and is rejected by <see cref="Asset"/>.</remarks>
[Immutable]
public readonly record struct UsageReading(LocalDate Date, string Quantity, decimal Value);
