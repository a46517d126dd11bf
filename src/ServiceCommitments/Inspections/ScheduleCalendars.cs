using System.Collections.Generic;
using ServiceCommitments.Calendars;

namespace ServiceCommitments.Inspections;

/// <summary>The calendars an inspection schedule counts on, for naming them in documents and sentences alike.</summary>
internal static class ScheduleCalendars
{
    /// <summary>The calendars the schedule counts on: the alignment calendar and any a follow-up duty holds, under the names a document gave them.</summary>
    internal static IEnumerable<KeyValuePair<string?, BusinessCalendar>> Of(InspectionSchedule schedule)
    {
        if (schedule.Alignment.Calendar is { } calendar)
        {
            yield return new(schedule.Alignment.CalendarName, calendar);
        }

        foreach (var duty in schedule.FollowUps)
        {
            if (duty.Calendar is { } own)
            {
                yield return new(duty.CalendarName, own);
            }
        }
    }
}
