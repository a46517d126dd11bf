using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Documents;

namespace ServiceCommitments.Testing;

/// <summary>
/// The one way every kind states an operation's expected result: the result's <see cref="Shape"/>, declared once per
/// operation, from which come the reading of a case's <c>expected</c>, the comparison with the library's answer and the
/// report of each difference at the JSON path of the expected value that differs. This class holds the shapes of
/// single values; a record (<see cref="RecordShape"/>) names fields, each with how to get its actual value and its shape.
/// </summary>
internal static class Expect
{
    internal static readonly ValueShape Instant = new((DocNode n, CaseReader c, out object? v) => Box(c.Context.TryInstant(n, out var x), x, out v));

    internal static readonly ValueShape Date = new((DocNode n, CaseReader c, out object? v) => Box(c.Context.TryDate(n, out var x), x, out v));

    internal static readonly ValueShape Duration = new((DocNode n, CaseReader c, out object? v) => Box(c.Context.TryDuration(n, out var x), x, out v));

    internal static readonly ValueShape Bool = new((DocNode n, CaseReader c, out object? v) => Box(c.Context.TryBool(n, out bool x), x, out v));

    internal static readonly ValueShape Int = new((DocNode n, CaseReader c, out object? v) => Box(c.Context.TryInt(n, "a value", out int x), x, out v));

    /// <summary>A decimal number, equal when the values are (<c>1</c> and <c>1.0</c> alike).</summary>
    internal static readonly ValueShape Number = new((DocNode n, CaseReader c, out object? v) => Box(c.Context.TryDecimal(n, "a value", out decimal x), x, out v));

    internal static readonly ValueShape String = new((DocNode n, CaseReader c, out object? v) => Box(c.Context.TryString(n, "a value", out string x), x, out v));

    /// <summary>An enum value, written as its name with a lower-case first letter (<c>notApplicable</c>), as documents write them.</summary>
    internal static ValueShape Enum<T>(string what)
        where T : struct, System.Enum
    {
        var values = System.Enum.GetValues<T>();
        return new((DocNode n, CaseReader c, out object? v) =>
        {
            v = null;
            if (!c.Context.TryString(n, what, out string text))
            {
                return false;
            }

            int index = Array.FindIndex(values, e => Name(e) == text);
            if (index < 0)
            {
                c.Context.Invalid(n, $"expected {what}: {string.Join(", ", values.Select(e => Name(e)))}");
                return false;
            }

            v = values[index];
            return true;
        });
    }

    internal static bool Box<T>(bool ok, T value, out object? boxed)
    {
        boxed = ok ? value : null;
        return ok;
    }

    /// <summary>Shows a value as files write it: instants in <paramref name="zone"/>, enums by their document names, lists in brackets.</summary>
    internal static string Show(object? value, DateTimeZone zone) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        System.Enum e => Name(e),
        NodaTime.Instant i => IsoText.FormatInstant(i, zone),
        LocalDate d => IsoText.FormatDate(d),
        NodaTime.Duration d => IsoText.FormatDuration(d),
        DateInterval i => $"{IsoText.FormatDate(i.Start)}/{IsoText.FormatDate(i.End)}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(x => Show(x, zone))) + "]",
        _ => value.ToString() ?? "",
    };

    private static string Name(System.Enum value)
    {
        string name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}

/// <summary>The shape of an expected result: how to read it from a file, and how to show an actual one in full.</summary>
internal abstract class Shape
{
    /// <summary>Reads the expected value at <paramref name="node"/>; null when it is bad (problems recorded at their paths).</summary>
    internal abstract Expected? Read(DocNode node, CaseReader c);

    /// <summary>Shows an actual result in full, for a case that expected an error and got this instead.</summary>
    internal virtual string Show(object? actual, DateTimeZone zone) => Expect.Show(actual, zone);
}

/// <summary>An expected value read from a file: describes itself, and checks an actual value against itself.</summary>
internal abstract class Expected(DocNode node, DateTimeZone zone)
{
    /// <summary>Where the expected value is written: <c>$.cases[3].expected.firstResponse.due</c>.</summary>
    internal string Path => node.Path;

    protected DateTimeZone Zone => zone;

    /// <summary>The expected value, formatted for a report.</summary>
    internal abstract string Describe();

    /// <summary>
    /// Compares <paramref name="actual"/> with the expected value, adding <c>path: expected x, found y</c> to
    /// <paramref name="mismatches"/> for each difference; returns the actual value as the report shows it (the
    /// fields the expected value names).
    /// </summary>
    internal abstract string Check(object? actual, List<string> mismatches);

    /// <summary>Whether <paramref name="actual"/> matches, without reporting.</summary>
    internal bool Matches(object? actual)
    {
        var mismatches = new List<string>();
        Check(actual, mismatches);
        return mismatches.Count == 0;
    }

    protected string Mismatch(List<string> mismatches, string found)
    {
        mismatches.Add($"{Path}: expected {Describe()}, found {found}");
        return found;
    }
}

/// <summary>Reads one expected value, or returns false with the problem recorded.</summary>
internal delegate bool ValueReader(DocNode node, CaseReader c, out object? value);

/// <summary>A single value compared by <paramref name="equal"/> (by default <see cref="object.Equals(object, object)"/>).</summary>
internal sealed class ValueShape(ValueReader read, Func<object?, object?, bool>? equal = null) : Shape
{
    /// <summary>This shape, its values compared by <paramref name="equal"/> (expected first).</summary>
    internal ValueShape ComparedBy(Func<object?, object?, bool> equal) => new(read, equal);

    /// <summary>This shape, or <c>null</c> for no value.</summary>
    internal ValueShape OrNull() => new((DocNode n, CaseReader c, out object? v) =>
    {
        v = null;
        return n.IsNull || read(n, c, out v);
    }, equal);

    /// <summary>This shape, or the string <paramref name="word"/> (the actual value is then that string).</summary>
    internal ValueShape Or(string word) => new((DocNode n, CaseReader c, out object? v) =>
    {
        v = word;
        return (n.Kind == JsonValueKind.String && n.Text == word) || read(n, c, out v);
    }, equal);

    internal override Expected? Read(DocNode node, CaseReader c) =>
        read(node, c, out object? value) ? new ExpectedValue(node, c.Zone, value, equal ?? Equals) : null;

    private sealed class ExpectedValue(DocNode node, DateTimeZone zone, object? value, Func<object?, object?, bool> equal) : Expected(node, zone)
    {
        internal override string Describe() => Expect.Show(value, Zone);

        internal override string Check(object? actual, List<string> mismatches)
        {
            string found = Expect.Show(actual, Zone);
            return equal(value, actual) ? found : Mismatch(mismatches, found);
        }
    }
}

/// <summary>A field of a record, declared once: its name, how to get its actual value, and its shape.</summary>
/// <param name="Name">The field's name in files.</param>
/// <param name="Get">Gets the field's actual value from the library's result (null when there is none).</param>
/// <param name="Shape">How the field's expected value is read and compared.</param>
/// <param name="Required">When the field must be given, what it is (for the message); null when it is optional.</param>
internal sealed record Field(string Name, Func<object?, object?> Get, Shape Shape, string? Required = null)
{
    /// <summary>A field of a result of type <typeparamref name="T"/>; <paramref name="get"/> sees null (or default) when there is no result.</summary>
    internal static Field Of<T>(string name, Func<T?, object?> get, Shape shape, string? required = null) =>
        new(name, actual => get(actual is T value ? value : default), shape, required);
}

/// <summary>
/// A record of named fields: a file names any of them and only those are checked. <see cref="Shorthand"/> lets a bare
/// value stand for one field; <see cref="Needs"/> asks for at least one of some fields.
/// </summary>
internal sealed class RecordShape(string unknownWhat, params Field[] fields) : Shape
{
    /// <summary>The field a bare string stands for (<c>"2024-03-31"</c> for <c>{ "due": "2024-03-31" }</c>), or null.</summary>
    internal string? Shorthand { get; init; }

    /// <summary>
    /// Fields of which a file must give at least one (null: any of the record's), and the rule to report when it gives
    /// none, in which <c>{fields}</c> stands for their names.
    /// </summary>
    internal (string[]? Names, string Rule)? Needs { get; init; }

    internal Field this[string name] => fields.First(f => f.Name == name);

    internal override Expected? Read(DocNode node, CaseReader c)
    {
        var context = c.Context;
        if (Shorthand is { } shorthand && node.Kind == JsonValueKind.String)
        {
            return this[shorthand].Shape.Read(node, c) is { } value ? new ExpectedRecord(node, c.Zone, [(this[shorthand], value)]) : null;
        }

        if (context.Object(node, $"an object with any of {string.Join(", ", fields.Select(f => f.Name))}") is not { } o)
        {
            return null;
        }

        int before = context.ErrorCount;
        var given = new List<(Field, Expected)>();
        foreach (var field in fields)
        {
            var value = field.Required is { } what ? o.Required(field.Name, what) : o.Optional(field.Name);
            if (value is not null && field.Shape.Read(value, c) is { } expected)
            {
                given.Add((field, expected));
            }
        }

        o.Finish(unknownWhat);
        string[] needed = Needs?.Names ?? fields.Select(f => f.Name).ToArray();
        if (Needs is { } needs && context.ErrorCount == before && !needed.Any(o.Has))
        {
            context.Error(node, needs.Rule.Replace("{fields}", string.Join(", ", needed), StringComparison.Ordinal));
        }

        return context.ErrorCount > before ? null : new ExpectedRecord(node, c.Zone, given);
    }

    internal override string Show(object? actual, DateTimeZone zone) =>
        "{" + string.Join(", ", fields.Select(f => $"{f.Name}: {f.Shape.Show(f.Get(actual), zone)}")) + "}";

    internal sealed class ExpectedRecord(DocNode node, DateTimeZone zone, List<(Field Field, Expected Value)> given) : Expected(node, zone)
    {
        internal override string Describe() => "{" + string.Join(", ", given.Select(g => $"{g.Field.Name}: {g.Value.Describe()}")) + "}";

        internal override string Check(object? actual, List<string> mismatches) => Check(actual, mismatches, []);

        /// <summary>Checks the fields but <paramref name="skip"/>, which are shown as expected.</summary>
        internal string Check(object? actual, List<string> mismatches, string[] skip) => "{" + string.Join(", ", given.Select(g =>
            $"{g.Field.Name}: {(skip.Contains(g.Field.Name) ? g.Value.Describe() : g.Value.Check(g.Field.Get(actual), mismatches))}")) + "}";

        /// <summary>The expected value of <paramref name="field"/>, or null when the file does not give it.</summary>
        internal Expected? this[string field] => given.FirstOrDefault(g => g.Field.Name == field).Value;
    }
}

/// <summary>How an expected list matches the actual one.</summary>
internal enum ListMatch
{
    /// <summary>Item by item, in order, of the same length.</summary>
    InOrder,

    /// <summary>The same items in any order.</summary>
    AsSet,

    /// <summary>The expected items are among the actual ones (written <c>[a, b, ...]</c> in reports).</summary>
    AsSubset,

    /// <summary>Each expected record is found by its <see cref="ListShape.Keys"/>; actual items not expected are not checked.</summary>
    ByKey,
}

/// <summary>A list of items of one shape.</summary>
internal sealed class ListShape(Shape item, ListMatch match) : Shape
{
    internal Shape Item => item;

    internal ListMatch Match => match;

    /// <summary>As a key's value when a file leaves the key out: the key is then not compared.</summary>
    internal static readonly object AnyValue = new();

    /// <summary>For <see cref="ListMatch.ByKey"/>: the key fields, each with the value it has when a file leaves it out (or <see cref="AnyValue"/>).</summary>
    internal (string Field, object? IfOmitted)[] Keys { get; init; } = [];

    /// <summary>For <see cref="ListMatch.ByKey"/>: whether an item the actual list lacks is compared as empty (every field null or zero), rather than missing.</summary>
    internal bool AbsentIsEmpty { get; init; }

    internal override Expected? Read(DocNode node, CaseReader c)
    {
        var items = c.Context.Array(node, "an array of expected items");
        int before = c.Context.ErrorCount;
        var expected = items.Select(i => item.Read(i, c)).OfType<Expected>().ToList();
        return node.Kind != JsonValueKind.Array || c.Context.ErrorCount > before ? null : new ExpectedList(node, c.Zone, this, expected);
    }

    internal override string Show(object? actual, DateTimeZone zone) =>
        actual is IEnumerable list and not string ? "[" + string.Join(", ", list.Cast<object?>().Select(x => item.Show(x, zone))) + "]" : Expect.Show(actual, zone);

    private sealed class ExpectedList(DocNode node, DateTimeZone zone, ListShape shape, List<Expected> items) : Expected(node, zone)
    {
        internal override string Describe() =>
            "[" + string.Join(", ", items.Select(i => i.Describe()).Append(shape.Match == ListMatch.AsSubset ? "..." : null).OfType<string>()) + "]";

        internal override string Check(object? actual, List<string> mismatches)
        {
            if (actual is not IEnumerable enumerable || actual is string)
            {
                return Mismatch(mismatches, Expect.Show(actual, Zone));
            }

            var list = enumerable.Cast<object?>().ToList();
            switch (shape.Match)
            {
                case ListMatch.InOrder:
                    var shown = new List<string>();
                    for (int i = 0; i < Math.Max(items.Count, list.Count); i++)
                    {
                        shown.Add(i >= list.Count ? Missing(items[i], mismatches)
                            : i < items.Count ? items[i].Check(list[i], mismatches)
                            : Extra($"{Path}[{i.ToString(CultureInfo.InvariantCulture)}]", list[i], mismatches));
                    }

                    return "[" + string.Join(", ", shown) + "]";
                case ListMatch.ByKey:
                    return "[" + string.Join(", ", items.Select(i => Keyed((RecordShape.ExpectedRecord)i, list, mismatches))) + "]";
                default:
                    bool ok = items.All(i => list.Any(i.Matches)) && (shape.Match == ListMatch.AsSubset || list.All(a => items.Any(i => i.Matches(a))));
                    string found = shape.Show(list, Zone);
                    return ok ? found : Mismatch(mismatches, found);
            }
        }

        private string Keyed(RecordShape.ExpectedRecord expected, List<object?> list, List<string> mismatches)
        {
            var record = (RecordShape)shape.Item;
            var found = list.FirstOrDefault(a => shape.Keys.All(k =>
                expected[k.Field] is { } key ? key.Matches(record[k.Field].Get(a)) : k.IfOmitted == AnyValue || Equals(k.IfOmitted, record[k.Field].Get(a))));
            return found is not null ? expected.Check(found, mismatches)
                : shape.AbsentIsEmpty ? expected.Check(null, mismatches, shape.Keys.Select(k => k.Field).ToArray())
                : Missing(expected, mismatches);
        }

        private static string Missing(Expected expected, List<string> mismatches)
        {
            mismatches.Add($"{expected.Path}: expected {expected.Describe()}, found nothing");
            return "nothing";
        }

        private string Extra(string path, object? actual, List<string> mismatches)
        {
            string found = shape.Item.Show(actual, Zone);
            mismatches.Add($"{path}: expected nothing, found {found}");
            return found;
        }
    }
}

/// <summary>
/// An object whose names are the file's (milestones, follow-up duties), each value of one shape; the actual value is a
/// dictionary. A name the actual lacks is compared as null; when <paramref name="exact"/>, names the file does not give are differences.
/// </summary>
internal sealed class MapShape(string what, Shape value, bool exact) : Shape
{
    internal Shape Value => value;

    internal bool Exact => exact;

    internal override Expected? Read(DocNode node, CaseReader c)
    {
        if (c.Context.Object(node, what) is not { } reader)
        {
            return null;
        }

        int before = c.Context.ErrorCount;
        var entries = new List<(string, Expected)>();
        foreach (var property in node.Properties!)
        {
            reader.Accept(property.Name);
            if (value.Read(property.Value, c) is { } expected)
            {
                entries.Add((property.Name, expected));
            }
        }

        return c.Context.ErrorCount > before ? null : new ExpectedMap(node, c.Zone, this, entries);
    }

    internal override string Show(object? actual, DateTimeZone zone) => actual is IDictionary map
        ? "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => $"{k}: {value.Show(map[k], zone)}")) + "}"
        : Expect.Show(actual, zone);

    private sealed class ExpectedMap(DocNode node, DateTimeZone zone, MapShape shape, List<(string Name, Expected Value)> entries) : Expected(node, zone)
    {
        internal override string Describe() => "{" + string.Join(", ", entries.Select(e => $"{e.Name}: {e.Value.Describe()}")) + "}";

        internal override string Check(object? actual, List<string> mismatches)
        {
            if (actual is not IDictionary map)
            {
                return Mismatch(mismatches, Expect.Show(actual, Zone));
            }

            var shown = entries.Select(e => $"{e.Name}: {e.Value.Check(map.Contains(e.Name) ? map[e.Name] : null, mismatches)}").ToList();
            foreach (string name in shape.Exact ? map.Keys.Cast<string>().Where(k => !entries.Any(e => e.Name == k)) : [])
            {
                string found = shape.Value.Show(map[name], Zone);
                mismatches.Add($"{DocNode.Child(Path, name)}: expected nothing, found {found}");
                shown.Add($"{name}: {found}");
            }

            return "{" + string.Join(", ", shown) + "}";
        }
    }
}

/// <summary>A shape that depends on the case's inputs (an addWorkingDays from a date expects a date).</summary>
internal sealed class PickShape(Func<CaseReader, Shape> pick) : Shape
{
    internal override Expected? Read(DocNode node, CaseReader c) => pick(c).Read(node, c);
}
