using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ServiceCommitments.Calendars;

namespace ServiceCommitments.Documents;

/// <summary>Writes a commitment as the commitment document: its calendars once, named, then each part.</summary>
internal static class CommitmentWriter
{
    internal static void Write(Utf8JsonWriter json, Commitment commitment, HolidaySetRegistry registry)
    {
        var calendars = commitment.Calendars.Select(p => new KeyValuePair<string?, BusinessCalendar>(p.Key, p.Value));
        if (commitment.Policy is { } policy)
        {
            calendars = calendars.Concat(PolicyWriter.CalendarsOf(policy));
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

        json.WriteEndObject();
    }
}
