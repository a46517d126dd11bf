namespace ServiceCommitments.Documents;

/// <summary>
/// Reads a document's <c>calendars</c> (<see cref="CalendarShapes.Calendars"/>): an object mapping names to calendar
/// documents, which the document's targets name in their <c>calendar</c>. Every kind of document that counts on
/// calendars reads them here.
/// </summary>
internal static class NamedCalendarsReader
{
    internal static void Read(DocNode? node, DocumentContext context)
    {
        if (node is not null)
        {
            CalendarShapes.Calendars.TryRead(node, context, out _);
        }
    }
}
