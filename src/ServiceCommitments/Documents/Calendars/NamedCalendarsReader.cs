namespace ServiceCommitments.Documents;

/// <summary>
/// Reads a document's <c>calendars</c>: an object mapping names to calendar documents, which the document's targets
/// name in their <c>calendar</c>. Every kind of document that counts on calendars reads them here.
/// </summary>
internal static class NamedCalendarsReader
{
    internal static void Read(DocNode? node, DocumentContext context)
    {
        if (node is null || context.Object(node, "an object mapping calendar names to calendar documents") is not { } calendars)
        {
            return;
        }

        foreach (var property in node.Properties!)
        {
            calendars.Accept(property.Name);
            if (property.Name.Length == 0)
            {
                context.Error(property.Value, "a calendar needs a name (targets and schedules name it in their \"calendar\")");
            }
            else if (CalendarReader.Read(property.Value, context) is { } calendar)
            {
                context.AddCalendar(property.Name, calendar);
            }
        }
    }
}
