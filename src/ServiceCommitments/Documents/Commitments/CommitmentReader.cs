using System.Collections.Generic;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads the commitment document: <c>calendars</c>, <c>policy</c>, <c>warranty</c>, <c>schedule</c> and
/// <c>schedules</c>, each in the format of its own capability, one property at a time.
/// </summary>
internal static class CommitmentReader
{
    internal const string What = "a commitment object with any of \"calendars\", \"policy\", \"warranty\", \"schedule\", \"schedules\"";

    internal static Commitment? Read(DocNode node, DocumentContext context)
    {
        var document = context.Object(node, What);
        if (document is null)
        {
            return null;
        }

        int errorsBefore = context.ErrorCount;
        string? name = document.Optional("name") is { } nameNode && context.TryString(nameNode, "a name", out string text) ? text : null;
        NamedCalendarsReader.Read(document.Optional("calendars"), context);
        var policy = document.Optional("policy") is { } policyNode ? PolicyReader.Read(policyNode, context) : null;
        var warranty = document.Optional("warranty") is { } warrantyNode ? WarrantyReader.ReadOrRuleSet(warrantyNode, context) : null;
        var schedules = new Dictionary<string, Inspections.InspectionSchedule>(System.StringComparer.Ordinal);
        if (document.Optional("schedule") is { } scheduleNode && ScheduleReader.Read(scheduleNode, context) is { } schedule)
        {
            schedules.Add("schedule", schedule);
        }

        if (document.Optional("schedules") is { } schedulesNode && context.Object(schedulesNode, "an object mapping schedule names to schedules") is { } named)
        {
            foreach (var property in schedulesNode.Properties!)
            {
                named.Accept(property.Name);
                if (property.Name.Length == 0 || schedules.ContainsKey(property.Name))
                {
                    context.Error(property.Value, property.Name.Length == 0
                        ? "a schedule needs a name"
                        : $"\"{property.Name}\" names a schedule twice (\"schedule\" is the name of the document's single schedule)");
                }
                else if (ScheduleReader.Read(property.Value, context) is { } one)
                {
                    schedules.Add(property.Name, one);
                }
            }
        }

        document.Finish("property of a commitment document");
        return context.ErrorCount > errorsBefore ? null : new Commitment(name, context.Calendars, policy, warranty, schedules);
    }
}
