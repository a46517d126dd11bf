using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ServiceCommitments.Documents;

/// <summary>
/// The JSON Schema of docs/schema/commitment.schema.json, as far as it comes from the declarations: every definition
/// the declared kinds make is generated, and a test fails when the committed file differs. Kinds not yet declared
/// keep their hand-written definitions in the file until they are.
/// </summary>
internal static class DocumentSchema
{
    /// <summary>The definitions the declarations make, by name.</summary>
    internal static IReadOnlyList<KeyValuePair<string, JsonObject>> Definitions()
    {
        var schema = new SchemaBuilder();
        PolicyShapes.Policy.Schema(schema);
        schema.Reference("warranty", () => new JsonObject
        {
            ["description"] = "Warranty terms: a warranty document, or the id of a shipped statutory rule set.",
            ["oneOf"] = new JsonArray(
                WarrantyShapes.Policy.Schema(schema),
                new JsonObject { ["description"] = "A shipped statutory rule set.", ["enum"] = SchemaBuilder.Strings(WarrantyRuleSets.Ids) }),
        });
        ScheduleShapes.Schedule.Schema(schema);
        CalendarShapes.Schema(schema);
        return [.. schema.Definitions];
    }

    /// <summary>
    /// <paramref name="schema"/> with every generated definition put in its place (a new one at the end of <c>$defs</c>);
    /// the committed file is this applied to itself.
    /// </summary>
    internal static JsonObject Apply(JsonObject schema)
    {
        var result = (JsonObject)schema.DeepClone();
        var definitions = result["$defs"]!.AsObject();
        var generated = Definitions().ToDictionary(d => d.Key, d => d.Value);
        var names = definitions.Select(d => d.Key).Concat(generated.Keys.Where(k => !definitions.ContainsKey(k))).ToList();
        var rebuilt = new JsonObject();
        foreach (string name in names)
        {
            rebuilt[name] = generated.TryGetValue(name, out var made) ? made : definitions[name]!.DeepClone();
        }

        result["$defs"] = rebuilt;
        return result;
    }
}
