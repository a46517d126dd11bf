using System;
using System.Text.Json;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads a <see cref="BusinessCalendar"/> from its JSON document (docs/documents.md): <c>zone</c>, <c>weekly</c>,
/// <c>holidaySets</c>, <c>adjustedWorkingDayHours</c>, <c>closures</c>, <c>workingDays</c>, <c>specialHours</c> and
/// <c>unknownYears</c>.
/// </summary>
/// <remarks>
/// Every problem in a document is collected and reported at once in a <see cref="DocumentException"/>, each with its
/// JSON path, line and the value found; the calendar's rules are the builder's own (see
/// <see cref="BusinessCalendarBuilder"/>), checked once. Unknown properties and names given twice are errors, so a
/// misspelt name is never silently ignored. Documents are bounded in size, depth and counts (docs/documents.md,
/// "Limits"). The methods are thread-safe.
/// </remarks>
public static class CalendarDocument
{
    /// <summary>Reads a calendar from JSON text.</summary>
    /// <param name="json">The calendar document.</param>
    /// <param name="holidaySets">Where to look up the ids in <c>holidaySets</c>; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentException">The text is not JSON, breaks a limit, or the document has errors; all are listed.</exception>
    public static BusinessCalendar Parse(string json, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        return Read(DocumentParser.Parse(json, null), holidaySets);
    }

    /// <summary>Reads a calendar from a parsed JSON element.</summary>
    /// <param name="element">The calendar document's root object.</param>
    /// <param name="holidaySets">Where to look up the ids in <c>holidaySets</c>; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="DocumentException">The element is undefined (<c>default(JsonElement)</c>), breaks a limit, or the document has errors; all are listed.</exception>
    public static BusinessCalendar Read(JsonElement element, HolidaySetRegistry? holidaySets = null)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw new DocumentException(null, [new DocumentError("$", "found nothing (an undefined JsonElement); expected " + CalendarReader.What)]);
        }

        return Read(DocumentParser.Parse(element.GetRawText(), null), holidaySets);
    }

    /// <summary>Writes a calendar as a calendar document; <see cref="Parse"/> reads it back to a calendar with the same rules.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="holidaySets">The registry its holiday sets are named in; null for <see cref="HolidaySetRegistry.Default"/>. A set the registry holds is written by its id, the registered set with years added as the id and those years.</param>
    /// <returns>The document, indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentException">The calendar cannot be written as a document: a zone that is not in tzdb, a resolver other than the lenient one, or a holiday set the registry does not hold (nor extends).</exception>
    public static string Write(BusinessCalendar calendar, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(calendar, nameof(calendar));
        return DocumentWriter.Write(json => CalendarShapes.Write(json, calendar, holidaySets ?? HolidaySetRegistry.Default));
    }

    private static BusinessCalendar Read(DocNode root, HolidaySetRegistry? holidaySets)
    {
        var context = new DocumentContext(null, holidaySets);
        var calendar = CalendarReader.Read(root, context);
        context.ThrowIfProblems();
        return calendar!;
    }
}
