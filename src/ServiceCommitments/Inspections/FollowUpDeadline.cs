using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>The deadline of one follow-up duty after a visit.</summary>
/// <param name="Duty">The duty.</param>
/// <param name="Due">The deadline.</param>
/// <remarks>An immutable value. The default value has a null duty and is never produced by the library.</remarks>
[Immutable]
public readonly record struct FollowUpDeadline(FollowUpDuty Duty, Instant Due);
