using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

/// <summary>The instant at which a warning threshold of a milestone's target is reached.</summary>
/// <param name="Warning">The threshold.</param>
/// <param name="At">When it is reached.</param>
/// <remarks>An immutable value.</remarks>
[Immutable]
public readonly record struct WarningInstant(TargetWarning Warning, Instant At);
