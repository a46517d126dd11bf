using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Explanations;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>The deadline of one follow-up duty after a visit, and on request the explanation of how it was counted.</summary>
/// <remarks>An immutable value. The default value has a null duty, no deadline to explain, and is never produced by the library.</remarks>
[Immutable]
public readonly record struct FollowUpDeadline
{
    private readonly Instant start;
    private readonly BusinessCalendar? calendar;

    internal FollowUpDeadline(FollowUpDuty duty, LocalDate visit, Instant start, Instant due, BusinessCalendar calendar)
    {
        Duty = duty;
        Visit = visit;
        Due = due;
        this.start = start;
        this.calendar = calendar;
    }

    /// <summary>The duty.</summary>
    public FollowUpDuty Duty { get; }

    /// <summary>The date of the visit the deadline counts from (that day not counted).</summary>
    public LocalDate Visit { get; }

    /// <summary>The deadline.</summary>
    public Instant Due { get; }

    /// <summary>
    /// Explains <see cref="Due"/>: the duty's target, and every span from the start of the visit's day to the deadline
    /// (counted, closed), on the duty's calendar (or the schedule's alignment calendar).
    /// </summary>
    /// <returns>The explanation, or null for the default value.</returns>
    /// <exception cref="HolidayDataUnavailableException">The calendar lacks holiday data for a year the explanation needs.</exception>
    public DeadlineExplanation? Explain() => Duty is null ? null : Duty.Within.Explain(start, calendar);
}
