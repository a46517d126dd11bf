using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>How a schedule's due dates meet a business calendar: the calendar, the move for a date that is not a working day, and the period used by <see cref="AlignMove.NearestWorkingDayInPeriod"/>.</summary>
/// <remarks>Instances are immutable.</remarks>
[Immutable]
public sealed class ScheduleAlignment
{
    internal ScheduleAlignment(BusinessCalendar? calendar, AlignMove move, PeriodGrid period, string? calendarName = null)
    {
        Calendar = calendar;
        Move = move;
        Period = period;
        CalendarName = calendarName;
    }

    /// <summary>The calendar, or null when the schedule has none.</summary>
    public BusinessCalendar? Calendar { get; }

    /// <summary>The name a document gave <see cref="Calendar"/>, kept to write the schedule back under it; null when built in code.</summary>
    internal string? CalendarName { get; }

    /// <summary>Where a due date that is not a working day goes.</summary>
    public AlignMove Move { get; }

    /// <summary>The periods inside which <see cref="AlignMove.NearestWorkingDayInPeriod"/> stays (calendar months by default).</summary>
    public PeriodGrid Period { get; }
}
