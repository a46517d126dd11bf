using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;

namespace ServiceCommitments.Documents;

/// <summary>
/// The forms values take in documents: JSON strings, numbers and booleans, ISO 8601 text, closed sets of names,
/// arrays, "one object or an array of them". Each reads with the messages every kind shares (see
/// <see cref="DocumentContext"/>) and describes itself for the schema. Bounds given here are for the schema only: the
/// domain checks them (issue 14, "every rule in the domain"), and the schema repeats the domain's own constants.
/// </summary>
internal static class Forms
{
    internal static readonly Form<bool> Bool = new Scalar<bool>(
        (DocNode n, DocumentContext c, out bool v) => c.TryBool(n, out v), (j, v) => j.WriteBooleanValue(v), () => new JsonObject { ["type"] = "boolean" });

    internal static readonly Form<Period> Period = new Scalar<Period>(
        (DocNode n, DocumentContext c, out Period v) => c.TryPeriod(n, out v), (j, v) => j.WriteStringValue(IsoText.FormatPeriod(v)),
        () => Text(
            "An ISO 8601 period of years, months, weeks and days: P12M, P3Y, P7D, P2W, P1Y6M.",
            "^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$",
            "P1D", "P7D", "P1M", "P3M", "P12M", "P1Y")).Named("period");

    internal static readonly Form<Duration> Duration = new Scalar<Duration>(
        (DocNode n, DocumentContext c, out Duration v) => c.TryDuration(n, out v), (j, v) => j.WriteStringValue(IsoText.FormatDuration(v)),
        () => Text(
            "An ISO 8601 duration of fixed length, zero or more: PT4H, PT30M, PT1H30M, P1DT2H (a day is 24 hours; no years or months).",
            "^P([0-9]+W)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+([.,][0-9]{1,9})?S)?)?$",
            "PT30M", "PT1H", "PT2H", "PT4H", "PT24H", "PT72H")).Named("duration");

    internal static readonly Form<LocalDate> Date = new Scalar<LocalDate>(
        (DocNode n, DocumentContext c, out LocalDate v) => c.TryDate(n, out v), (j, v) => j.WriteStringValue(IsoText.FormatDate(v)),
        () => Text("A date, YYYY-MM-DD.", "^-?[0-9]{4}-[0-9]{2}-[0-9]{2}$", "2024-10-01")).Named("date");

    internal static readonly Form<DateTimeZone> Zone = new Scalar<DateTimeZone>(
        (DocNode n, DocumentContext c, out DateTimeZone v) => c.TryZone(n, out v), (j, v) => j.WriteStringValue(v.Id),
        () => Text(
            "An IANA (tzdb) time zone id.",
            "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$",
            "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Tokyo", "Asia/Singapore", "Europe/Berlin", "Europe/London", "America/New_York", "UTC")).Named("zone");

    /// <summary>A period, or <c>"lifetime"</c> (read as null).</summary>
    internal static readonly Form<Period?> PeriodOrLifetime = new Scalar<Period?>(
        (DocNode n, DocumentContext c, out Period? v) =>
        {
            v = null;
            if (n is { Kind: JsonValueKind.String, Text: "lifetime" })
            {
                return true;
            }

            bool ok = c.TryPeriod(n, out var p);
            v = p;
            return ok;
        },
        (j, v) => j.WriteStringValue(v is null ? "lifetime" : IsoText.FormatPeriod(v)),
        () => new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/$defs/period" }, new JsonObject { ["const"] = "lifetime" }) });

    /// <summary>A JSON string; <paramref name="what"/> names it in messages (<c>expected a term id as a JSON string</c>).</summary>
    internal static Form<string> String(string what, params string[] examples) => new Scalar<string>(
        (DocNode n, DocumentContext c, out string v) => c.TryString(n, what, out v),
        (j, v) => j.WriteStringValue(v),
        () => examples.Length == 0
            ? new JsonObject { ["type"] = "string" }
            : new JsonObject { ["type"] = "string", ["examples"] = SchemaBuilder.Strings(examples) });

    /// <summary>A whole number, described with the domain's bounds (no maximum when the domain has none).</summary>
    internal static Form<int> Int(string what, int minimum, int? maximum = null) => new Scalar<int>(
        (DocNode n, DocumentContext c, out int v) => c.TryInt(n, what, out v),
        (j, v) => j.WriteNumberValue(v),
        () => maximum is { } max
            ? new JsonObject { ["type"] = "integer", ["minimum"] = minimum, ["maximum"] = max }
            : new JsonObject { ["type"] = "integer", ["minimum"] = minimum });

    /// <summary>A number, described with the domain's bounds when it has them.</summary>
    internal static Form<decimal> Decimal(string what, decimal? minimum = null, decimal? maximum = null) => new Scalar<decimal>(
        (DocNode n, DocumentContext c, out decimal v) => c.TryDecimal(n, what, out v),
        (j, v) => j.WriteNumberValue(v),
        () =>
        {
            var schema = new JsonObject { ["type"] = "number" };
            if (minimum is { } min)
            {
                schema["minimum"] = min;
            }

            if (maximum is { } max)
            {
                schema["maximum"] = max;
            }

            return schema;
        });

    /// <summary>One of a closed set of names, each standing for one value: <c>expected a remedy: replacement, exchange</c>.</summary>
    internal static Form<T> Choice<T>(string what, params (string Name, T Value)[] choices) => new ChoiceForm<T>(what, choices, false);

    /// <summary>A <see cref="Choice"/> whose problem quotes the names: <c>expected a month-end rule: "clamp", "skip"</c>.</summary>
    internal static Form<T> QuotedChoice<T>(string what, params (string Name, T Value)[] choices) => new ChoiceForm<T>(what, choices, true);

    /// <summary>A JSON array of <paramref name="item"/>; it is read only when every item is.</summary>
    internal static Form<IReadOnlyList<T>> ArrayOf<T>(Form<T> item, string what) => new ArrayForm<T>(item, what);

    /// <summary>One object, or an array of them; written as an object when there is one.</summary>
    internal static Form<IReadOnlyList<T>> OneOrMany<T>(Form<T> item) => new OneOrManyForm<T>(item);

    /// <summary>A form of its own three parts: how it reads, writes and describes itself.</summary>
    internal static Form<T> Of<T>(Reader<T> read, Action<Utf8JsonWriter, T, WriteContext> write, Func<SchemaBuilder, JsonObject> schema) =>
        new DelegateForm<T>(read, write, schema);

    /// <summary>
    /// A ready-made value by name, or <paramref name="form"/> (an object) for any other; the values whose
    /// <c>Written</c> is true are written by name, the rest as <paramref name="form"/> writes them.
    /// </summary>
    internal static Form<T> NameOr<T>(Form<T> form, string expected, params (string Name, T Value, bool Written)[] names) => Of<T>(
        (DocNode node, DocumentContext context, out T value) =>
        {
            value = default!;
            if (node.Kind != JsonValueKind.String)
            {
                return form.TryRead(node, context, out value);
            }

            foreach (var (name, named, _) in names)
            {
                if (name == node.Text)
                {
                    value = named;
                    return true;
                }
            }

            context.Invalid(node, expected);
            return false;
        },
        (json, value, context) =>
        {
            foreach (var (name, named, written) in names)
            {
                if (written && EqualityComparer<T>.Default.Equals(named, value))
                {
                    json.WriteStringValue(name);
                    return;
                }
            }

            form.Write(json, value, context);
        },
        schema => new JsonObject
        {
            ["oneOf"] = new JsonArray(new JsonObject { ["enum"] = SchemaBuilder.Strings(names.Select(n => n.Name)) }, form.Schema(schema)),
        });

    /// <summary>A form that only describes: a schema already made, used inside another description.</summary>
    internal static Form<T> Described<T>(JsonObject schema) => new DescribedForm<T>(schema);

    internal delegate bool Reader<T>(DocNode node, DocumentContext context, out T value);

    private sealed class Scalar<T>(Reader<T> read, Action<Utf8JsonWriter, T> write, Func<JsonObject> schema) : Form<T>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out T value) => read(node, context, out value);

        internal override void Write(Utf8JsonWriter json, T value, WriteContext context) => write(json, value);

        internal override JsonObject Schema(SchemaBuilder schema1) => schema();
    }

    private sealed class DelegateForm<T>(Reader<T> read, Action<Utf8JsonWriter, T, WriteContext> write, Func<SchemaBuilder, JsonObject> schema) : Form<T>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out T value) => read(node, context, out value);

        internal override void Write(Utf8JsonWriter json, T value, WriteContext context) => write(json, value, context);

        internal override JsonObject Schema(SchemaBuilder schema1) => schema(schema1);
    }

    private sealed class DescribedForm<T>(JsonObject schema) : Form<T>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out T value) => throw new NotSupportedException("a described form is not read");

        internal override void Write(Utf8JsonWriter json, T value, WriteContext context) => throw new NotSupportedException("a described form is not written");

        internal override JsonObject Schema(SchemaBuilder schema1) => (JsonObject)schema.DeepClone();
    }

    private sealed class ChoiceForm<T>(string what, (string Name, T Value)[] choices, bool quoted) : Form<T>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out T value)
        {
            value = default!;
            if (!context.TryString(node, what, out string text))
            {
                return false;
            }

            foreach (var (name, choice) in choices)
            {
                if (name == text)
                {
                    value = choice;
                    return true;
                }
            }

            context.Invalid(node, $"expected {what}: {string.Join(", ", choices.Select(c => quoted ? $"\"{c.Name}\"" : c.Name))}");
            return false;
        }

        internal override void Write(Utf8JsonWriter json, T value, WriteContext context)
        {
            foreach (var (name, choice) in choices)
            {
                if (EqualityComparer<T>.Default.Equals(choice, value))
                {
                    json.WriteStringValue(name);
                    return;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(value), value, $"{what} has no name in a document");
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new() { ["enum"] = SchemaBuilder.Strings(choices.Select(c => c.Name)) };
    }

    /// <summary>Reads each of <paramref name="nodes"/> with <paramref name="item"/>, keeping what was read; false when one could not be read.</summary>
    private static bool ReadEach<T, TKept>(Form<T> item, IEnumerable<DocNode> nodes, DocumentContext context, List<TKept> read, Func<T, DocNode, TKept> keep)
    {
        bool complete = true;
        foreach (var node in nodes)
        {
            if (item.TryRead(node, context, out T one))
            {
                read.Add(keep(one, node));
            }
            else
            {
                complete = false;
            }
        }

        return complete;
    }

    private sealed class ArrayForm<T>(Form<T> item, string what) : Form<IReadOnlyList<T>>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out IReadOnlyList<T> value)
        {
            var items = context.Array(node, what);
            var read = new List<T>(items.Count);
            bool complete = ReadEach(item, items, context, read, (one, _) => one);
            value = read;
            return complete && node.Kind == JsonValueKind.Array;
        }

        internal override void Write(Utf8JsonWriter json, IReadOnlyList<T> value, WriteContext context)
        {
            json.WriteStartArray();
            foreach (var one in value)
            {
                item.Write(json, one, context);
            }

            json.WriteEndArray();
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new() { ["type"] = "array", ["items"] = item.Schema(schema) };
    }

    private sealed class OneOrManyForm<T>(Form<T> item) : Form<IReadOnlyList<T>>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out IReadOnlyList<T> value)
        {
            var read = new List<T>();
            bool complete = ReadEach(item, node.Kind == JsonValueKind.Array ? node.Items! : [node], context, read, (one, _) => one);
            value = read;
            return complete;
        }

        internal override void Write(Utf8JsonWriter json, IReadOnlyList<T> value, WriteContext context)
        {
            if (value.Count == 1)
            {
                item.Write(json, value[0], context);
                return;
            }

            json.WriteStartArray();
            foreach (var one in value)
            {
                item.Write(json, one, context);
            }

            json.WriteEndArray();
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["oneOf"] = new JsonArray(item.Schema(schema), new JsonObject { ["type"] = "array", ["items"] = item.Schema(schema) }),
        };
    }

    private static JsonObject Text(string description, string pattern, params string[] examples) => new()
    {
        ["description"] = description,
        ["type"] = "string",
        ["pattern"] = pattern,
        ["examples"] = SchemaBuilder.Strings(examples),
    };

    /// <summary>
    /// A JSON array of <paramref name="item"/>, each item read kept with where it came from, so that the domain reports
    /// at the item. It reads whatever the array holds (the domain checks what was read even when an item was not): an
    /// item that cannot be read is left out, its problem recorded, and <see cref="Each{T}.Complete"/> says whether all were.
    /// </summary>
    internal static Form<Each<T>> EachOf<T>(Form<T> item, string what) => new EachForm<T>(item, what);

    /// <summary>The items of an array read with <see cref="EachOf"/>, each with where it came from; <c>Complete</c> when every item was read.</summary>
    internal sealed record Each<T>(IReadOnlyList<(T Value, ServiceCommitments.Internal.FieldRef Field)> Items, bool Complete)
    {
        /// <summary>Values to write, which came from no document.</summary>
        internal static Each<T> Of(IEnumerable<T> values) => new([.. values.Select(v => (v, default(ServiceCommitments.Internal.FieldRef)))], true);
    }

    private sealed class EachForm<T>(Form<T> item, string what) : Form<Each<T>>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out Each<T> value)
        {
            var items = context.Array(node, what);
            var read = new List<(T, ServiceCommitments.Internal.FieldRef)>(items.Count);
            bool complete = ReadEach(item, items, context, read, (one, itemNode) => (one, ServiceCommitments.Internal.FieldRef.At(item.Locate(itemNode))));
            value = new Each<T>(read, complete && node.Kind == JsonValueKind.Array);
            return true;
        }

        internal override void Write(Utf8JsonWriter json, Each<T> value, WriteContext context)
        {
            json.WriteStartArray();
            foreach (var (one, _) in value.Items)
            {
                item.Write(json, one, context);
            }

            json.WriteEndArray();
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new() { ["type"] = "array", ["items"] = item.Schema(schema) };
    }

    /// <summary>An ISO 8601 instant with offset (<c>2024-02-09T16:00:00+08:00</c>), written in UTC.</summary>
    internal static readonly Form<Instant> Instant = new Scalar<Instant>(
        (DocNode n, DocumentContext c, out Instant v) => c.TryInstant(n, out v), (j, v) => j.WriteStringValue(IsoText.FormatInstant(v, DateTimeZone.Utc)),
        () => new JsonObject { ["description"] = "An ISO 8601 instant with offset.", ["type"] = "string", ["examples"] = SchemaBuilder.Strings([IsoText.InstantExample]) });

    /// <summary>
    /// A JSON object mapping names of the document's own choosing to values of <paramref name="value"/> (<c>{ "km": 23000 }</c>),
    /// each kept with its name and where it came from; it is read only when every value is.
    /// </summary>
    internal static Form<IReadOnlyList<(string Name, T Value, ServiceCommitments.Internal.FieldRef Field)>> EntriesOf<T>(Form<T> value, string what) =>
        new EntriesForm<T>(value, what);

    private sealed class EntriesForm<T>(Form<T> value, string what) : Form<IReadOnlyList<(string Name, T Value, ServiceCommitments.Internal.FieldRef Field)>>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out IReadOnlyList<(string Name, T Value, ServiceCommitments.Internal.FieldRef Field)> entries)
        {
            var read = new List<(string, T, ServiceCommitments.Internal.FieldRef)>();
            entries = read;
            if (context.Object(node, what) is not { } properties)
            {
                return false;
            }

            bool complete = true;
            foreach (var property in node.Properties!)
            {
                properties.Accept(property.Name);
                if (value.TryRead(property.Value, context, out T one))
                {
                    read.Add((property.Name, one, ServiceCommitments.Internal.FieldRef.At(value.Locate(property.Value))));
                }
                else
                {
                    complete = false;
                }
            }

            return complete;
        }

        internal override void Write(Utf8JsonWriter json, IReadOnlyList<(string Name, T Value, ServiceCommitments.Internal.FieldRef Field)> entries, WriteContext context)
        {
            json.WriteStartObject();
            foreach (var (name, one, _) in entries)
            {
                json.WritePropertyName(name);
                value.Write(json, one, context);
            }

            json.WriteEndObject();
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new() { ["type"] = "object", ["additionalProperties"] = value.Schema(schema) };
    }
}
