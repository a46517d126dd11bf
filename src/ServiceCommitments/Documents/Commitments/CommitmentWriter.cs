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

        foreach (var (_, schedule) in commitment.Schedules)
        {
            calendars = calendars.Concat(ScheduleWriter.CalendarsOf(schedule));
        }

        CommitmentShapes.Commitment.Write(json, commitment, new WriteContext(new CalendarNaming(calendars), registry));
    }
}
