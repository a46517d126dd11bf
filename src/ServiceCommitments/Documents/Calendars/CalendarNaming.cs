using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ServiceCommitments.Calendars;

namespace ServiceCommitments.Documents;

/// <summary>
/// The names under which a document's <c>calendars</c> are written: each calendar once, by the first name it was given,
/// and a calendar that has no name (one a part holds directly), or whose name an other calendar was given first (two
/// parts assembled in code may each name a different calendar <c>office</c>), as <c>calendar1</c>, <c>calendar2</c>, ...
/// </summary>
internal sealed class CalendarNaming
{
    private readonly CalendarNames names;

    /// <summary>Names the calendars: named ones first, by name (the first name of a calendar wins), then, in order, the rest.</summary>
    internal CalendarNaming(IEnumerable<KeyValuePair<string?, BusinessCalendar>> calendars) => names = new CalendarNames(calendars);

    internal string NameOf(BusinessCalendar calendar) => names.NameOf(calendar);

    internal int Count => names.Count;

    /// <summary>Writes <c>"calendars"</c> (<see cref="CalendarShapes.Calendars"/>), ordered by name, when there are any.</summary>
    internal void WriteCalendars(Utf8JsonWriter json, HolidaySetRegistry registry)
    {
        if (names.Count > 0)
        {
            json.WritePropertyName("calendars");
            CalendarShapes.Calendars.Write(json, [.. names.ByName.Select(p => KeyValuePair.Create(p.Value, p.Key))], new WriteContext(null, registry));
        }
    }
}
