using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

/// <summary>Something that happened on a ticket: a milestone reached, when, and whether the customer confirmed it.</summary>
/// <param name="Milestone">The milestone's name.</param>
/// <param name="At">When it happened.</param>
/// <param name="Confirmed">Whether the customer confirmed the record (双方确认); a policy may count only confirmed events.</param>
/// <remarks>An immutable value. The default value has a null milestone and is rejected by <see cref="Ticket"/>.</remarks>
[Immutable]
public readonly record struct MilestoneEvent(string Milestone, Instant At, bool Confirmed = true);
