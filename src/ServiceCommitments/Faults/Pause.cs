using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

/// <summary>A time when the clock was stopped, for example waiting for the customer to give access or approve a part.</summary>
/// <param name="From">When the pause began.</param>
/// <param name="To">When it ended, or null while it lasts.</param>
/// <param name="Reason">Why, for people; may be null.</param>
/// <remarks>An immutable value; the default value is an open pause from the Unix epoch.</remarks>
[Immutable]
public readonly record struct Pause(Instant From, Instant? To = null, string? Reason = null);
