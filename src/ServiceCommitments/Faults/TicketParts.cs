using System;
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

/// <summary>A time when the clock was stopped, for example waiting for the customer to give access or approve a part.</summary>
/// <param name="From">When the pause began.</param>
/// <param name="To">When it ended, or null while it lasts.</param>
/// <param name="Reason">Why, for people; may be null.</param>
/// <remarks>An immutable value; the default value is an open pause from the Unix epoch.</remarks>
[Immutable]
public readonly record struct Pause(Instant From, Instant? To = null, string? Reason = null);

/// <summary>A change of a ticket's fault level.</summary>
/// <param name="At">When the level changed.</param>
/// <param name="Level">The new level.</param>
/// <remarks>An immutable value; the default value (level 0) is rejected by <see cref="Ticket"/>.</remarks>
[Immutable]
public readonly record struct LevelChange(Instant At, int Level);
