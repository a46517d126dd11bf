using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ServiceCommitments.Documents;

/// <summary>
/// The JSON Schema of docs/schema/commitment.schema.json, generated from the declarations: the commitment document
/// (<see cref="CommitmentShapes"/>) and every definition its parts make. A test fails when the committed file differs.
/// </summary>
internal static class DocumentSchema
{
    /// <summary>The whole schema, as committed.</summary>
    internal static JsonObject Generate()
    {
        var schema = new SchemaBuilder();
        schema.Reference("note", () => new JsonObject { ["description"] = "A note for people; changes nothing. Any JSON value." });
        var root = CommitmentShapes.Commitment.Schema(schema);
        var result = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:servicecommitments:commitment.schema.json",
            ["title"] = "ServiceCommitments commitment document",
        };
        foreach (var (key, value) in root.ToList())
        {
            root.Remove(key);
            result[key] = value;
        }

        var definitions = new JsonObject();
        foreach (var (name, definition) in schema.Definitions.ToList())
        {
            definitions[name] = definition.DeepClone();
        }

        result["$defs"] = definitions;
        return result;
    }

    /// <summary>The definitions the declarations make, by name.</summary>
    internal static IReadOnlyList<KeyValuePair<string, JsonObject>> Definitions() =>
        [.. Generate()["$defs"]!.AsObject().Select(d => new KeyValuePair<string, JsonObject>(d.Key, d.Value!.AsObject()))];
}
