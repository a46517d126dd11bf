using System.Collections.Generic;
using System.Text.Json;
using ServiceCommitments.Calendars;
using ServiceCommitments.Inspections;

namespace ServiceCommitments.Documents;

/// <summary>
/// Writes an inspection schedule as the schedule of docs/inspections.md, as <see cref="ScheduleShapes"/> declares it:
/// reading it back gives a schedule with the same occurrences, windows, notices, follow-up deadlines and quotas.
/// </summary>
internal static class ScheduleWriter
{
    /// <summary>The calendars the schedule counts on: the alignment calendar and any a follow-up duty holds, under the names a document gave them.</summary>
    internal static IEnumerable<KeyValuePair<string?, BusinessCalendar>> CalendarsOf(InspectionSchedule schedule) => ScheduleCalendars.Of(schedule);

    /// <summary>Writes <c>"schedule"</c> into the object being written, naming calendars by <paramref name="names"/>.</summary>
    internal static void WriteSchedule(Utf8JsonWriter json, InspectionSchedule schedule, CalendarNaming names)
    {
        json.WritePropertyName("schedule");
        WriteObject(json, schedule, names);
    }

    /// <summary>Writes the schedule object alone, as the value of the property being written.</summary>
    internal static void WriteObject(Utf8JsonWriter json, InspectionSchedule schedule, CalendarNaming names) =>
        ScheduleShapes.Schedule.Write(json, schedule, new WriteContext(names));
}
