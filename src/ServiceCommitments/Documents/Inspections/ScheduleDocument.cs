using System;
using System.Text.Json;
using ServiceCommitments.Calendars;
using ServiceCommitments.Inspections;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads an <see cref="InspectionSchedule"/> from its JSON document, and writes one back (<see cref="Write"/>) (docs/inspections.md): an object with the
/// <c>schedule</c> and, optionally, the <c>calendars</c> it names, the same shape as a conformance file of kind
/// <c>schedule</c> without its cases.
/// </summary>
/// <remarks>
/// Every problem in a document is collected and reported at once in a <see cref="DocumentException"/>, each with its
/// JSON path, line and the value found; the schedule's rules are the builder's own (see
/// <see cref="InspectionScheduleBuilder"/>), checked once. Unknown properties and names given twice are errors; notes
/// for people (<c>description</c>, <c>note</c>, names starting with <c>$</c>, <c>_</c> or <c>x-</c>) are allowed at the
/// top level. Documents are bounded in size, depth and counts (docs/documents.md, "Limits"). The methods are
/// thread-safe.
/// </remarks>
public static class ScheduleDocument
{
    private const string What = "a schedule document: an object with \"schedule\" and, optionally, \"calendars\"";

    /// <summary>Reads a schedule from JSON text.</summary>
    /// <param name="json">The document: <c>{ "calendars": { ... }, "schedule": { ... } }</c>.</param>
    /// <param name="holidaySets">Where to look up the calendars' holiday set ids; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentException">The text is not JSON, breaks a limit, or the document has errors; all are listed.</exception>
    public static InspectionSchedule Parse(string json, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        return Read(DocumentParser.Parse(json, null), holidaySets);
    }

    /// <summary>Reads a schedule from a parsed JSON element.</summary>
    /// <param name="element">The document's root object.</param>
    /// <param name="holidaySets">Where to look up the calendars' holiday set ids; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="DocumentException">The element is undefined (<c>default(JsonElement)</c>), breaks a limit, or the document has errors; all are listed.</exception>
    public static InspectionSchedule Read(JsonElement element, HolidaySetRegistry? holidaySets = null)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw new DocumentException(null, [new DocumentError("$", "found nothing (an undefined JsonElement); expected " + What)]);
        }

        return Read(DocumentParser.Parse(element.GetRawText(), null), holidaySets);
    }

    /// <summary>
    /// Writes a schedule, with the calendars it counts on, as a schedule document; <see cref="Parse"/> reads it back to
    /// a schedule with the same occurrences, windows, notices, follow-up deadlines and quotas.
    /// </summary>
    /// <remarks>
    /// A calendar keeps the name the document it was read from gave it; one given in code (<c>InspectionScheduleBuilder.AlignTo</c>,
    /// <c>AddFollowUp</c>) is written as <c>calendar1</c>, <c>calendar2</c>, ... Defaults are left out.
    /// </remarks>
    /// <param name="schedule">The schedule.</param>
    /// <param name="holidaySets">The registry its calendars' holiday sets are named in; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The document, indented JSON: <c>{ "calendars": { ... }, "schedule": { ... } }</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">A calendar of the schedule cannot be written as a document (see <see cref="CalendarDocument.Write"/>).</exception>
    public static string Write(InspectionSchedule schedule, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(schedule, nameof(schedule));
        return DocumentWriter.Write(json =>
        {
            var names = new CalendarNaming(ScheduleWriter.CalendarsOf(schedule));
            json.WriteStartObject();
            names.WriteCalendars(json, holidaySets ?? HolidaySetRegistry.Default);
            ScheduleWriter.WriteSchedule(json, schedule, names);
            json.WriteEndObject();
        });
    }

    private static InspectionSchedule Read(DocNode root, HolidaySetRegistry? holidaySets)
    {
        var context = new DocumentContext(null, holidaySets);
        InspectionSchedule? schedule = null;
        if (context.Object(root, What) is { } document)
        {
            NamedCalendarsReader.Read(document.Optional("calendars"), context);
            if (document.Required("schedule", ScheduleReader.What) is { } node)
            {
                schedule = ScheduleReader.Read(node, context);
            }

            document.Finish("schedule document property");
        }

        context.ThrowIfProblems();
        return schedule!;
    }
}
