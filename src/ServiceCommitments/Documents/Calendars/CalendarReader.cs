using ServiceCommitments.Calendars;

namespace ServiceCommitments.Documents;

/// <summary>Reads the calendar document of docs/documents.md, as <see cref="CalendarShapes"/> declares it, into a calendar.</summary>
/// <remarks>
/// The reader checks only what is the document's own business (JSON types, names, text forms, a day named twice in
/// <c>weekly</c>, limits); every rule of the calendar itself is the builder's, reported at the document's paths.
/// </remarks>
internal static class CalendarReader
{
    internal const string What = CalendarShapes.What;

    internal static BusinessCalendar? Read(DocNode node, DocumentContext context) =>
        CalendarShapes.Calendar.TryRead(node, context, out var calendar) ? calendar : null;
}
