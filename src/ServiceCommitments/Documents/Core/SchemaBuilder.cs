using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ServiceCommitments.Documents;

/// <summary>
/// Builds the JSON Schema of docs/schema from the declarations: each named form is described once under
/// <c>$defs</c> and referred to with <c>$ref</c> wherever it is used.
/// </summary>
internal sealed class SchemaBuilder
{
    private readonly Dictionary<string, JsonObject?> definitions = new(StringComparer.Ordinal);

    /// <summary>The definitions made so far, by name, in the order they were first referred to.</summary>
    internal IEnumerable<KeyValuePair<string, JsonObject>> Definitions => definitions.Where(d => d.Value is not null)!;

    /// <summary>A <c>$ref</c> to definition <paramref name="name"/>, describing it with <paramref name="describe"/> the first time.</summary>
    internal JsonObject Reference(string name, Func<JsonObject> describe)
    {
        if (!definitions.ContainsKey(name))
        {
            definitions[name] = null;
            definitions[name] = describe();
        }

        return new JsonObject { ["$ref"] = "#/$defs/" + name };
    }

    /// <summary><paramref name="schema"/> with a description first, as the committed schema reads.</summary>
    internal static JsonObject Described(string? description, JsonObject schema)
    {
        if (description is null)
        {
            return schema;
        }

        var described = new JsonObject { ["description"] = description };
        foreach (var (key, value) in schema.ToList())
        {
            if (key == "description")
            {
                continue;
            }

            schema.Remove(key);
            described[key] = value;
        }

        return described;
    }

    internal static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
