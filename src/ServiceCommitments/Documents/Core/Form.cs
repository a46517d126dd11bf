using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceCommitments.Documents;

/// <summary>
/// How a value of <typeparamref name="T"/> is written in a document: one description from which it is read (every
/// problem reported at its node, reading on), written, and described in the JSON Schema of docs/schema. The
/// declarations of each document kind (<see cref="Shape{TBuild, TValue}"/>) are made of forms.
/// </summary>
internal abstract class Form<T>
{
    /// <summary>Reads the value at <paramref name="node"/>; false (with the problem recorded) when it is not one.</summary>
    internal abstract bool TryRead(DocNode node, DocumentContext context, out T value);

    /// <summary>Writes <paramref name="value"/> as a JSON value (the property name, if any, is already written).</summary>
    internal abstract void Write(Utf8JsonWriter json, T value, WriteContext context);

    /// <summary>The JSON Schema of the form: inline, or a <c>$ref</c> to a definition it adds to <paramref name="schema"/>.</summary>
    internal abstract JsonObject Schema(SchemaBuilder schema);

    /// <summary>Where problems with the value at <paramref name="node"/> are reported: the node itself, unless the form wraps its value.</summary>
    internal virtual DocNode Locate(DocNode node) => node;

    /// <summary>A form that reads and writes <typeparamref name="T"/> but describes itself as <c>$defs/name</c>.</summary>
    internal Form<T> Named(string name) => new NamedForm<T>(this, name);

    /// <summary>
    /// This form with a rule of the domain checked on each value read: the domain's function reports the problem at the
    /// value's path (issue 14, "every rule in the domain": the reader calls the rule, it never restates it).
    /// </summary>
    internal Form<T> Checked(Check<T> check) => new CheckedForm<T>(this, check);

    /// <summary>A form that reads and writes as this one but describes itself with <paramref name="schema"/> (bounds the form alone cannot say).</summary>
    internal Form<T> Describing(System.Func<SchemaBuilder, JsonObject> schema) => new DescribingForm<T>(this, schema);

    /// <summary>A form of another type, converted both ways.</summary>
    internal Form<TOther> Map<TOther>(System.Func<T, TOther> read, System.Func<TOther, T> write) => new MappedForm<T, TOther>(this, read, write);
}

/// <summary>A rule of the domain: true when <paramref name="value"/> keeps it, else the problem is reported at <paramref name="at"/>, echoing <paramref name="shown"/>.</summary>
internal delegate bool Check<in T>(T value, ServiceCommitments.Internal.FieldRef at, ServiceCommitments.Internal.IShownValue? shown, ServiceCommitments.Internal.ProblemSink sink);

internal sealed class CheckedForm<T>(Form<T> inner, Check<T> check) : Form<T>
{
    internal override bool TryRead(DocNode node, DocumentContext context, out T value) =>
        inner.TryRead(node, context, out value) && check(value, ServiceCommitments.Internal.FieldRef.At(node), node, context.Problems);

    internal override void Write(Utf8JsonWriter json, T value, WriteContext context) => inner.Write(json, value, context);

    internal override JsonObject Schema(SchemaBuilder schema) => inner.Schema(schema);
}

/// <summary>A form described once in <c>$defs</c> and referred to wherever it is used.</summary>
internal sealed class NamedForm<T>(Form<T> inner, string name) : Form<T>
{
    internal override bool TryRead(DocNode node, DocumentContext context, out T value) => inner.TryRead(node, context, out value);

    internal override void Write(Utf8JsonWriter json, T value, WriteContext context) => inner.Write(json, value, context);

    internal override JsonObject Schema(SchemaBuilder schema) => schema.Reference(name, () => inner.Schema(schema));
}

internal sealed class DescribingForm<T>(Form<T> inner, System.Func<SchemaBuilder, JsonObject> schema) : Form<T>
{
    internal override bool TryRead(DocNode node, DocumentContext context, out T value) => inner.TryRead(node, context, out value);

    internal override void Write(Utf8JsonWriter json, T value, WriteContext context) => inner.Write(json, value, context);

    internal override JsonObject Schema(SchemaBuilder schema1) => schema(schema1);
}

internal sealed class MappedForm<T, TOther>(Form<T> inner, System.Func<T, TOther> read, System.Func<TOther, T> write) : Form<TOther>
{
    internal override bool TryRead(DocNode node, DocumentContext context, out TOther value)
    {
        bool ok = inner.TryRead(node, context, out T read1);
        value = ok ? read(read1) : default!;
        return ok;
    }

    internal override void Write(Utf8JsonWriter json, TOther value, WriteContext context) => inner.Write(json, write(value), context);

    internal override JsonObject Schema(SchemaBuilder schema) => inner.Schema(schema);
}

/// <summary>What writing needs besides the value: the names under which the document's calendars are written.</summary>
internal sealed class WriteContext(CalendarNaming? calendars, ServiceCommitments.Calendars.HolidaySetRegistry? calendarsInside = null)
{
    private bool calendarsWritten;

    /// <summary>
    /// Writes <c>"calendars"</c> once, into the first object that asks: the commitment, or the one part a document of
    /// one part holds; a part inside a commitment finds them written.
    /// </summary>
    internal void WriteCalendars(Utf8JsonWriter json)
    {
        if (calendars is not null && calendarsInside is not null && !calendarsWritten)
        {
            calendarsWritten = true;
            calendars.WriteCalendars(json, calendarsInside);
        }
    }

    /// <summary>The registry the holiday sets of calendars are named in.</summary>
    internal ServiceCommitments.Calendars.HolidaySetRegistry HolidaySets => calendarsInside ?? ServiceCommitments.Calendars.HolidaySetRegistry.Default;

    /// <summary>The name to write for a calendar a part holds: the name it was given, else the document's name for it.</summary>
    internal string? NameOf(string? givenName, ServiceCommitments.Calendars.BusinessCalendar? calendar) =>
        calendar is not null && calendars is not null ? calendars.NameOf(calendar) : givenName;
}

/// <summary>An object form whose properties' locations are recorded in the object that holds it, as <c>outer.inner</c>.</summary>
internal interface INestedShape<T>
{
    bool TryRead(DocNode node, DocumentContext context, out T value, System.Collections.Generic.Dictionary<string, ServiceCommitments.Internal.FieldRef>? outer, string prefix);
}
