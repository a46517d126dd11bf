using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

/// <summary>A change of a ticket's fault level.</summary>
/// <param name="At">When the level changed.</param>
/// <param name="Level">The new level.</param>
/// <remarks>An immutable value; the default value (level 0) is rejected by <see cref="Ticket"/>.</remarks>
[Immutable]
public readonly record struct LevelChange(Instant At, int Level);
