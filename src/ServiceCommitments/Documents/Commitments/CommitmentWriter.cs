using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ServiceCommitments.Calendars;

namespace ServiceCommitments.Documents;

/// <summary>
/// Writes a commitment as the commitment document: its calendars once, named, then each part. One naming of
/// calendars serves every part, so that a calendar the policy, the warranty and a schedule share is written once.
/// </summary>
internal static class CommitmentWriter
{
    internal static void Write(Utf8JsonWriter json, Commitment commitment, HolidaySetRegistry registry)
    {
        var calendars = commitment.Calendars.Select(p => new KeyValuePair<string?, BusinessCalendar>(p.Key, p.Value));
        if (commitment.Policy is { } policy)
        {
            calendars = calendars.Concat(PolicyWriter.CalendarsOf(policy));
        }

        // An unchanged shipped rule set is written as its id and brings no calendar.
        if (commitment.Warranty is { } warranty && !WarrantyRuleSets.TryGetId(warranty, out _))
        {
            calendars = calendars.Concat(WarrantyWriter.CalendarsOf(warranty));
        }

        var schedules = commitment.Schedules.ToList();
        foreach (var (_, schedule) in schedules)
        {
            calendars = calendars.Concat(ScheduleWriter.CalendarsOf(schedule));
        }

        var names = new CalendarNaming(calendars);
        json.WriteStartObject();
        if (commitment.Name is { } name)
        {
            json.WriteString("name", name);
        }

        names.WriteCalendars(json, registry);
        if (commitment.Policy is { } p)
        {
            PolicyWriter.WritePolicy(json, p, names);
        }

        if (commitment.Warranty is { } w)
        {
            WarrantyWriter.WriteWarranty(json, w, names);
        }

        if (schedules.Count == 1 && schedules[0].Key == "schedule")
        {
            ScheduleWriter.WriteSchedule(json, schedules[0].Value, names);
        }
        else if (schedules.Count > 0)
        {
            json.WriteStartObject("schedules");
            foreach (var (scheduleName, schedule) in schedules)
            {
                json.WritePropertyName(scheduleName);
                ScheduleWriter.WriteObject(json, schedule, names);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
