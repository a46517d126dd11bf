using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceCommitments.Faults;
using ServiceCommitments.Inspections;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Documents;

/// <summary>
/// The commitment document, declared once: its calendars, then each part in its own kind's declaration
/// (<see cref="PolicyShapes"/>, <see cref="WarrantyShapes"/>, <see cref="ScheduleShapes"/>). The whole JSON Schema of
/// docs/schema starts here (<see cref="DocumentSchema"/>).
/// </summary>
internal static class CommitmentShapes
{
    private static readonly Form<ServicePolicy> Policy = Forms.Of<ServicePolicy>(
        (DocNode node, DocumentContext context, out ServicePolicy value) => (value = PolicyReader.Read(node, context)!) is not null,
        (json, policy, context) => PolicyShapes.Policy.Write(json, policy, context),
        PolicyShapes.Policy.Schema);

    private static readonly Form<WarrantyPolicy> Warranty = Forms.Of<WarrantyPolicy>(
        (DocNode node, DocumentContext context, out WarrantyPolicy value) => (value = WarrantyReader.ReadOrRuleSet(node, context)!) is not null,
        (json, warranty, context) =>
        {
            // An unchanged shipped rule set is written as its id.
            if (WarrantyRuleSets.TryGetId(warranty, out string? id))
            {
                json.WriteStringValue(id);
                return;
            }

            WarrantyShapes.Policy.Write(json, warranty, context);
        },
        schema => schema.Reference("warranty", () => new JsonObject
        {
            ["description"] = "Warranty terms: a warranty document, or the id of a shipped statutory rule set.",
            ["oneOf"] = new JsonArray(
                WarrantyShapes.Policy.Schema(schema),
                new JsonObject { ["description"] = "A shipped statutory rule set.", ["enum"] = SchemaBuilder.Strings(WarrantyRuleSets.Ids) }),
        }));

    internal static readonly Shape<CommitmentDraft, Commitment> Commitment = new Shape<CommitmentDraft, Commitment>(
            null, CommitmentReader.What, "property of a commitment document",
            "A whole after-sales commitment: the calendars its parts count on, a fault-level policy, warranty terms and inspection schedules, each in its capability's format (docs/documents.md). The schema checks shapes and text forms; the library checks the rest (phrases, references between parts, the rules of each part) and reports every error with its JSON path.",
            () => new CommitmentDraft(), (c, _, context) => c.Build(context), buildAfterProblems: false)
        .Field("name", Forms.String("a name"), "The commitment's name.", (c, v) => c.Name = v, c => c.Name!)
        .Group(
            (properties, context, c, _) =>
            {
                NamedCalendarsReader.Read(properties.Optional("calendars"), context);
                return c;
            },
            (json, _, context) => context.WriteCalendars(json),
            schema => [("calendars", CalendarShapes.Calendars.Schema(schema), false)])
        .Field("policy", Policy, "The fault-level service policy.", (c, v) => c.Policy = v, c => c.Policy!)
        .Field("warranty", Warranty, "", (c, v) => c.Warranty = v, c => c.Warranty!)
        .Group(ReadSchedules, WriteSchedules, SchedulesSchema)
        .Schema(schema =>
        {
            var properties = schema["properties"]!.AsObject();
            var described = new JsonObject { ["$schema"] = new JsonObject { ["description"] = "The schema editors validate the document with: a path or URL of commitment.schema.json (see docs/documents.md)." } };
            foreach (var (key, value) in properties.ToList())
            {
                properties.Remove(key);
                described[key] = key == "warranty" ? new JsonObject { ["$ref"] = value!["$ref"]!.GetValue<string>() } : value;
            }

            schema["properties"] = described;
        });

    private static CommitmentDraft ReadSchedules(ObjectReader document, DocumentContext context, CommitmentDraft draft, Dictionary<string, Internal.FieldRef> fields)
    {
        if (document.Optional("schedule") is { } scheduleNode && ScheduleReader.Read(scheduleNode, context) is { } schedule)
        {
            draft.Schedules.Add("schedule", schedule);
        }

        if (document.Optional("schedules") is not { } schedulesNode || context.Object(schedulesNode, "an object mapping schedule names to schedules") is not { } named)
        {
            return draft;
        }

        foreach (var property in schedulesNode.Properties!)
        {
            named.Accept(property.Name);
            if (property.Name.Length == 0 || draft.Schedules.ContainsKey(property.Name))
            {
                context.Error(property.Value, property.Name.Length == 0
                    ? "a schedule needs a name"
                    : $"\"{property.Name}\" names a schedule twice (\"schedule\" is the name of the document's single schedule)");
            }
            else if (ScheduleReader.Read(property.Value, context) is { } one)
            {
                draft.Schedules.Add(property.Name, one);
            }
        }

        return draft;
    }

    private static void WriteSchedules(Utf8JsonWriter json, Commitment commitment, WriteContext context)
    {
        var schedules = commitment.Schedules.ToList();
        if (schedules.Count == 1 && schedules[0].Key == "schedule")
        {
            json.WritePropertyName("schedule");
            ScheduleShapes.Schedule.Write(json, schedules[0].Value, context);
        }
        else if (schedules.Count > 0)
        {
            json.WriteStartObject("schedules");
            foreach (var (name, schedule) in schedules)
            {
                json.WritePropertyName(name);
                ScheduleShapes.Schedule.Write(json, schedule, context);
            }

            json.WriteEndObject();
        }
    }

    private static IEnumerable<(string, JsonObject, bool)> SchedulesSchema(SchemaBuilder schema)
    {
        yield return ("schedule", SchemaBuilder.Described("One inspection schedule, named \"schedule\".", ScheduleShapes.Schedule.Schema(schema)), false);
        yield return ("schedules", new JsonObject
        {
            ["description"] = "Named inspection schedules (\"schedule\" is the name of the single schedule above).",
            ["type"] = "object",
            ["propertyNames"] = new JsonObject { ["minLength"] = 1 },
            ["additionalProperties"] = ScheduleShapes.Schedule.Schema(schema),
        }, false);
    }

    internal sealed class CommitmentDraft
    {
        internal string? Name { get; set; }

        internal ServicePolicy? Policy { get; set; }

        internal WarrantyPolicy? Warranty { get; set; }

        internal Dictionary<string, InspectionSchedule> Schedules { get; } = new(System.StringComparer.Ordinal);

        internal Commitment Build(DocumentContext context) => new(Name, context.Calendars, Policy, Warranty, Schedules);
    }
}
