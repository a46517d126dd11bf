using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using ServiceCommitments.Faults;
using static ServiceCommitments.Documents.TicketReader;

namespace ServiceCommitments.Documents;

/// <summary>
/// The ticket of docs/policies.md, declared once: its report, level, attributes, events, pauses and level changes.
/// <see cref="TicketReader"/> reads with it. The JSON is checked here (types, names, text forms); the ticket's own
/// rules (a pause that ends before it begins, a level the policy lacks) are checked when the ticket is made and
/// evaluated, so that a conformance case can expect them as the error <c>argument</c>.
/// </summary>
internal static class TicketShapes
{
    private static readonly Form<LevelToken> Level = new LevelForm();

    private static readonly Shape<MilestoneEvent, MilestoneEvent> EventShape = new Shape<MilestoneEvent, MilestoneEvent>(
            null, "an event object with \"milestone\" and \"at\"", "event property", "A milestone reached.", () => new MilestoneEvent(null!, default), (e, _, _) => e)
        .Field("milestone", Forms.String("a milestone name"), "The milestone reached.", (e, v) => e with { Milestone = v }, e => e.Milestone,
            required: "the milestone reached", always: true)
        .Field("at", Forms.Instant, "When.", (e, v) => e with { At = v }, e => e.At, required: "when, an instant", always: true)
        .Field("confirmed", Forms.Bool, "Default true; false: reported but not yet confirmed.", (e, v) => e with { Confirmed = v }, e => e.Confirmed, omitted: true);

    private static readonly Shape<Pause, Pause> PauseShape = new Shape<Pause, Pause>(
            null, "a pause object with \"from\" and, once it has ended, \"to\"", "pause property", "A time the clock stopped.", () => default, (p, _, _) => p)
        .Field("from", Forms.Instant, "When the clock stopped.", (p, v) => p with { From = v }, p => p.From, required: "when the clock stopped, an instant", always: true)
        .Field("to", OrNull(Forms.Instant), "When it started again; absent or null while it has not.", (p, v) => p with { To = v }, p => p.To)
        .Field("reason", Forms.String("a reason"), "Why, for people.", (p, v) => p with { Reason = v }, p => p.Reason!);

    private static readonly Shape<(Instant At, LevelToken Level), (Instant At, LevelToken Level)> LevelChangeShape =
        new Shape<(Instant At, LevelToken Level), (Instant At, LevelToken Level)>(
                null, "a level change object with \"at\" and \"level\"", "level change property", "A change of the ticket's level.", () => default, (c, _, _) => c)
            .Field("at", Forms.Instant, "When.", (c, v) => c with { At = v }, c => c.At, required: "when, an instant", always: true)
            .Field("level", Level, "The new level.", (c, v) => c with { Level = v }, c => c.Level, required: "the new level, a number or a level name", always: true);

    /// <summary>The ticket object.</summary>
    internal static readonly Shape<TicketSpec, TicketSpec> Ticket = new Shape<TicketSpec, TicketSpec>(
            "ticket", "a ticket object with \"reported\" and \"level\"", "ticket property", "A ticket of docs/policies.md: when it was reported, its level, what has happened.",
            () => new TicketSpec(), (t, _, _) => t)
        .Field("reported", Forms.Instant, "When the report was received.", (t, v) => t with { Reported = v }, t => t.Reported,
            required: "when the report was received, an instant", always: true)
        .Field("level", Level, "The fault level, a number or a level name.", (t, v) => t with { Level = v }, t => t.Level,
            required: "the fault level, a number or a level name", always: true)
        .Field("id", Forms.String("an id"), "The ticket's id.", (t, v) => t with { Id = v }, t => t.Id!)
        .Field("attributes", Forms.EntriesOf(Forms.String("an attribute value"), "an object mapping attribute names to strings"), "Attributes rows match (\"region\": \"北京市\").",
            (t, v) => t with { Attributes = [.. v.Select(a => KeyValuePair.Create(a.Name, a.Value))] },
            t => t.Attributes.Count == 0 ? null! : [.. t.Attributes.Select(a => (a.Key, a.Value, default(Internal.FieldRef)))])
        .Field("events", Forms.ArrayOf(EventShape, "an array of events"), "The milestones reached.", (t, v) => t with { Events = v }, t => t.Events.Count == 0 ? null! : t.Events)
        .Field("pauses", Forms.ArrayOf(PauseShape, "an array of pauses"), "The times the clock stopped.", (t, v) => t with { Pauses = v }, t => t.Pauses.Count == 0 ? null! : t.Pauses)
        .Field("levelChanges", Forms.ArrayOf(LevelChangeShape, "an array of level changes"), "Changes of the level.",
            (t, v) => t with { LevelChanges = v }, t => t.LevelChanges.Count == 0 ? null! : t.LevelChanges);

    /// <summary><paramref name="form"/>, or JSON null (read as null).</summary>
    private static Form<T?> OrNull<T>(Form<T> form)
        where T : struct => Forms.Of<T?>(
        (DocNode node, DocumentContext context, out T? value) =>
        {
            value = null;
            if (node.IsNull)
            {
                return true;
            }

            bool read = form.TryRead(node, context, out T one);
            value = one;
            return read;
        },
        (json, value, context) => form.Write(json, value!.Value, context),
        schema => new JsonObject { ["oneOf"] = new JsonArray(form.Schema(schema), new JsonObject { ["type"] = "null" }) });

    /// <summary>A level: a number, or a name resolved against the policy's levels when the ticket is made.</summary>
    private sealed class LevelForm : Form<LevelToken>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out LevelToken value)
        {
            value = default;
            if (node.Kind == JsonValueKind.Number)
            {
                bool number = context.TryInt(node, "a level number", out int level);
                value = new LevelToken(level, null);
                return number;
            }

            bool named = context.TryString(node, "a level number or name", out string name);
            value = new LevelToken(0, name);
            return named;
        }

        internal override void Write(Utf8JsonWriter json, LevelToken value, WriteContext context)
        {
            if (value.Name is { } name)
            {
                json.WriteStringValue(name);
            }
            else
            {
                json.WriteNumberValue(value.Number);
            }
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string", ["minLength"] = 1 }),
        };
    }
}
