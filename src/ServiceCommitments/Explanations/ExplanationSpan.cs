using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Explanations;

/// <summary>One contiguous span of time between a deadline's start and the deadline, and why it counts or not.</summary>
/// <param name="Kind">What the span is.</param>
/// <param name="Start">The span's first instant (inclusive).</param>
/// <param name="End">The span's end (exclusive).</param>
/// <remarks>An immutable value. The default value is an empty counted span at the Unix epoch, not provisional.</remarks>
[Immutable]
public readonly record struct ExplanationSpan(ExplanationSpanKind Kind, Instant Start, Instant End)
{
    /// <summary>The wall-clock length of the span.</summary>
    public Duration Length => End - Start;

    /// <summary>
    /// Whether the span lies in a year the calendar filled provisionally (<see cref="Calendars.HolidayYearStatus.Provisional"/>):
    /// its working and closed time rest on the statutory holidays alone, and may change when the year's notice is added.
    /// </summary>
    public bool Provisional { get; init; }
}
