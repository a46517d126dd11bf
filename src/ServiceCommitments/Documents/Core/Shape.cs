using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// The declaration of one JSON object of a document kind: its properties, each once, with its form, its description,
/// how it sets what is being built and how it is got back from what was built. The reader, the writer and the JSON
/// Schema all come from it, so a property added to a kind is one line here.
/// </summary>
/// <typeparam name="TBuild">What reading accumulates into: a builder, or the immutable value itself.</typeparam>
/// <typeparam name="TValue">What is built, and written back.</typeparam>
/// <remarks>
/// Reading reports every problem at its node and reads on; unknown names and notes for people are
/// <see cref="ObjectReader"/>'s. Where each property came from is recorded in one <see cref="FieldMap"/> (its path and
/// line, as text; no node is kept), which the domain's checks report at; a nested object's properties are recorded
/// as <c>outer.inner</c>. The domain checks the values: a shape never compares numbers.
/// </remarks>
internal sealed class Shape<TBuild, TValue> : Form<TValue>, INestedShape<TValue>
{
    private readonly List<Member> members = [];
    private readonly string? name;
    private readonly Func<TBuild> create;
    private readonly Func<TBuild, FieldMap, DocumentContext, TValue?> finish;
    private readonly bool buildAfterProblems;
    private Action<JsonObject>? extraSchema;

    /// <param name="name">Its name under <c>$defs</c> in the schema, or null to describe it inline.</param>
    /// <param name="what">How a message names it when the value is not an object (<c>expected a term object with ...</c>).</param>
    /// <param name="unknown">How a message names a property it does not have (<c>unknown term property</c>).</param>
    /// <param name="description">Its description in the schema.</param>
    /// <param name="create">Starts what reading accumulates into.</param>
    /// <param name="finish">Builds the value from what was read (also after problems, so the domain's checks report theirs at once); null when the domain found a problem (recorded).</param>
    /// <param name="buildAfterProblems">
    /// Whether <paramref name="finish"/> runs after the object's own problems too (so that the domain's checks report
    /// theirs at once), or only on an object read without one (a policy: rows that could not be read would make the
    /// rules between rows report what is not there).
    /// </param>
    internal Shape(
        string? name, string what, string unknown, string description, Func<TBuild> create, Func<TBuild, FieldMap, DocumentContext, TValue?> finish,
        bool buildAfterProblems = true)
    {
        this.buildAfterProblems = buildAfterProblems;
        this.name = name;
        What = what;
        Unknown = unknown;
        Description = description;
        this.create = create;
        this.finish = finish;
    }

    internal string What { get; }

    internal string Unknown { get; }

    internal string Description { get; }

    /// <summary>
    /// Declares property <paramref name="property"/>: read with <paramref name="form"/> into <paramref name="set"/>;
    /// written from <paramref name="get"/> unless it equals <paramref name="omitted"/> (the default, left out).
    /// </summary>
    /// <remarks>
    /// <c>required</c>, when not null, makes the property required and says what it is in the <c>missing</c> message;
    /// <c>always</c> writes it even when it equals <c>omitted</c>; a null <c>get</c> reads the property and never writes it.
    /// </remarks>
    internal Shape<TBuild, TValue> Field<TField>(
        string property, Form<TField> form, string description, Func<TBuild, TField, TBuild> set, Func<TValue, TField>? get,
        TField? omitted = default, string? required = null, bool always = false)
    {
        members.Add(new FieldMember<TField>(property, form, description, set, get, omitted, required, always));
        return this;
    }

    /// <summary>As <see cref="Field{TField}(string, Form{TField}, string, Func{TBuild, TField, TBuild}, Func{TValue, TField}?, TField, string?, bool)"/>, for a mutable builder.</summary>
    internal Shape<TBuild, TValue> Field<TField>(
        string property, Form<TField> form, string description, Action<TBuild, TField> set, Func<TValue, TField>? get,
        TField? omitted = default, string? required = null, bool always = false) =>
        Field(property, form, description, (b, v) =>
        {
            set(b, v);
            return b;
        }, get, omitted, required, always);

    /// <summary>
    /// Declares properties read and written together by code of their own (a target's amount and options, which
    /// several kinds share): <paramref name="read"/> takes them from the object, <paramref name="write"/> writes them,
    /// <paramref name="schema"/> describes them.
    /// </summary>
    internal Shape<TBuild, TValue> Group(
        Func<ObjectReader, DocumentContext, TBuild, Dictionary<string, FieldRef>, TBuild> read,
        Action<Utf8JsonWriter, TValue, WriteContext> write,
        Func<SchemaBuilder, IEnumerable<(string Name, JsonObject Schema, bool Required)>> schema)
    {
        members.Add(new GroupMember(read, write, schema));
        return this;
    }

    /// <summary>Adds to the schema what the properties alone do not say (<c>minProperties</c>, <c>oneOf</c>).</summary>
    internal Shape<TBuild, TValue> Schema(Action<JsonObject> extra)
    {
        extraSchema += extra;
        return this;
    }

    internal override bool TryRead(DocNode node, DocumentContext context, out TValue value) => TryRead(node, context, out value, null, "");

    /// <summary>Reads the object at <paramref name="node"/>, recording where its properties came from in <paramref name="outer"/> too, under <paramref name="prefix"/>.</summary>
    public bool TryRead(DocNode node, DocumentContext context, out TValue value, Dictionary<string, FieldRef>? outer, string prefix)
    {
        value = default!;
        var properties = context.Object(node, What);
        if (properties is null)
        {
            return false;
        }

        int before = context.ErrorCount;
        var fields = RentFields();
        var built = create();
        foreach (var member in members)
        {
            built = member.Read(properties, context, built, fields);
        }

        properties.Finish(Unknown);
        if (outer is not null)
        {
            foreach (var (key, field) in fields)
            {
                outer[prefix + key] = field;
            }
        }

        // The domain's checks run even after the document's own problems, so that every problem is reported at once;
        // what could not be read is simply not there for them to check.
        var map = new FieldMap(FieldRef.At(node), fields);
        ReturnFields(fields);
        if ((!buildAfterProblems && context.ErrorCount > before) ||
            finish(built, map, context) is not { } result || context.ErrorCount > before)
        {
            return false;
        }

        value = result;
        return true;
    }

    // The properties of the objects being read, one dictionary per level of nesting, reused: a FieldMap keeps a copy.
    [ThreadStatic]
    private static Stack<Dictionary<string, FieldRef>>? spareFields;

    private static Dictionary<string, FieldRef> RentFields() =>
        spareFields is { Count: > 0 } spare ? spare.Pop() : new Dictionary<string, FieldRef>(StringComparer.Ordinal);

    private static void ReturnFields(Dictionary<string, FieldRef> fields)
    {
        fields.Clear();
        (spareFields ??= new Stack<Dictionary<string, FieldRef>>()).Push(fields);
    }

    internal override void Write(Utf8JsonWriter json, TValue value, WriteContext context)
    {
        json.WriteStartObject();
        foreach (var member in members)
        {
            member.Write(json, value, context);
        }

        json.WriteEndObject();
    }

    internal override JsonObject Schema(SchemaBuilder schema) => name is null ? Describe(schema) : schema.Reference(name, () => Describe(schema));

    private JsonObject Describe(SchemaBuilder schema)
    {
        var properties = new JsonObject();
        var required = new List<string>();
        foreach (var member in members)
        {
            foreach (var (property, propertySchema, isRequired) in member.Schema(schema))
            {
                properties[property] = propertySchema;
                if (isRequired)
                {
                    required.Add(property);
                }
            }
        }

        foreach (var (note, description) in NoteSchemas)
        {
            if (!properties.ContainsKey(note))
            {
                properties[note] = new JsonObject { ["description"] = description, ["$ref"] = "#/$defs/note" };
            }
        }

        var result = new JsonObject { ["type"] = "object", ["description"] = Description };
        if (required.Count > 0)
        {
            result["required"] = SchemaBuilder.Strings(required);
        }

        result["properties"] = properties;
        result["patternProperties"] = new JsonObject
        {
            ["^(\\$|_|x-)"] = new JsonObject { ["description"] = "A note for people (a name starting with $, _ or x-); changes nothing.", ["$ref"] = "#/$defs/note" },
        };
        result["additionalProperties"] = false;
        extraSchema?.Invoke(result);
        return result;
    }

    /// <summary>The notes for people every object accepts (<see cref="ObjectReader.IsNote"/>), as the schema describes them.</summary>
    private static readonly (string Name, string Description)[] NoteSchemas =
    [
        ("description", "A note for people; changes nothing."),
        ("name", "A note for people (this object gives \"name\" no meaning); changes nothing."),
        ("note", "A note for people; changes nothing."),
        ("notes", "Notes for people; change nothing."),
        ("comment", "A note for people; changes nothing."),
        ("source", "Where this comes from, for people; changes nothing."),
        ("ref", "A reference (a clause, a catalogue row), for people; changes nothing."),
        ("refs", "References, for people; change nothing."),
        ("tags", "Tags for people; change nothing."),
    ];

    private abstract class Member
    {
        internal abstract TBuild Read(ObjectReader properties, DocumentContext context, TBuild built, Dictionary<string, FieldRef> fields);

        internal abstract void Write(Utf8JsonWriter json, TValue value, WriteContext context);

        internal abstract IEnumerable<(string Name, JsonObject Schema, bool Required)> Schema(SchemaBuilder schema);
    }

    private sealed class FieldMember<TField>(
        string property, Form<TField> form, string description, Func<TBuild, TField, TBuild> set, Func<TValue, TField>? get,
        TField? omitted, string? required, bool always) : Member
    {
        internal override TBuild Read(ObjectReader properties, DocumentContext context, TBuild built, Dictionary<string, FieldRef> fields)
        {
            var node = required is null ? properties.Optional(property) : properties.Required(property, required);
            if (node is null)
            {
                return built;
            }

            fields[property] = FieldRef.At(form.Locate(node));
            bool read = form is INestedShape<TField> nested
                ? nested.TryRead(node, context, out var value, fields, property + ".")
                : form.TryRead(node, context, out value);
            return read ? set(built, value) : built;
        }

        internal override void Write(Utf8JsonWriter json, TValue value, WriteContext context)
        {
            if (get is null)
            {
                return;
            }

            var field = get(value);
            if (!always && EqualityComparer<TField>.Default.Equals(field, omitted!))
            {
                return;
            }

            json.WritePropertyName(property);
            form.Write(json, field, context);
        }

        internal override IEnumerable<(string Name, JsonObject Schema, bool Required)> Schema(SchemaBuilder schema)
        {
            yield return (property, SchemaBuilder.Described(description, form.Schema(schema)), required is not null);
        }
    }

    private sealed class GroupMember(
        Func<ObjectReader, DocumentContext, TBuild, Dictionary<string, FieldRef>, TBuild> read,
        Action<Utf8JsonWriter, TValue, WriteContext> write,
        Func<SchemaBuilder, IEnumerable<(string Name, JsonObject Schema, bool Required)>> schema) : Member
    {
        internal override TBuild Read(ObjectReader properties, DocumentContext context, TBuild built, Dictionary<string, FieldRef> fields) =>
            read(properties, context, built, fields);

        internal override void Write(Utf8JsonWriter json, TValue value, WriteContext context) => write(json, value, context);

        internal override IEnumerable<(string Name, JsonObject Schema, bool Required)> Schema(SchemaBuilder schema1) => schema(schema1);
    }
}
