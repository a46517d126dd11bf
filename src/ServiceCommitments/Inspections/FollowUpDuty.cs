using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Inspections;

/// <summary>
/// A duty that follows each visit, with its own deadline counted from the visit's date ("the report signed by the
/// customer is filed within 5 working days").
/// </summary>
/// <remarks>
/// The deadline follows the target's rules with the visit's date as the start's date (that day not counted): working
/// days end at the close of business of the Nth working day after it, calendar days and periods at 24:00 of their last
/// day. Only day-based targets (working days, calendar days, periods) apply, since visits are dates. Instances are
/// immutable.
/// </remarks>
[Immutable]
public sealed class FollowUpDuty
{
    internal FollowUpDuty(string name, ServiceTarget within, BusinessCalendar? calendar, FieldRef origin, string? calendarName = null)
    {
        Name = name;
        Within = within;
        Calendar = calendar;
        Origin = origin;
        CalendarName = calendarName;
    }

    /// <summary>The duty's name, for example <c>signedReport</c>.</summary>
    public string Name { get; }

    /// <summary>How long after the visit the duty is due.</summary>
    public ServiceTarget Within { get; }

    /// <summary>The calendar the target counts on, or null to use the schedule's alignment calendar.</summary>
    public BusinessCalendar? Calendar { get; }

    /// <summary>The name a document gave <see cref="Calendar"/>, kept to write the schedule back under it; null when built in code.</summary>
    internal string? CalendarName { get; }

    internal FieldRef Origin { get; }

    /// <summary>Describes the duty: <c>signedReport within 5 working days</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Name} {Within}";
}
