using System;
using System.Collections.Generic;
using System.Globalization;

namespace ServiceCommitments.Internal;

/// <summary>
/// Where a value came from, when it came from a document: its JSON path and line. Documents implement it; builders
/// and validators only pass it along, so that a problem found by a shared check is reported at the document's own path.
/// </summary>
internal interface IFieldLocation
{
    string Path { get; }

    int Line { get; }

    /// <summary>The 1-based column where the value starts; 0 when unknown.</summary>
    int Column { get; }

    /// <summary>
    /// The location to keep in a built value: one that holds its path and line and nothing of the document, so that no
    /// built value keeps a parsed document alive (issue 14, "one provenance mechanism").
    /// </summary>
    IFieldLocation Keep();

    /// <summary>A reference to this location to keep: as small as it can be (a property is its kept parent, its name and its line).</summary>
    FieldRef Ref();

    /// <summary>The path of this location's property <paramref name="key"/>, or of its item <paramref name="index"/> when the key is null.</summary>
    string PathOf(string? key, int index);

    /// <summary>A reference to item <paramref name="index"/> of this array, or null when there is no such item.</summary>
    FieldRef? Item(int index);
}

/// <summary>
/// A value as a message echoes it (<c>found "x"</c>), made only when a problem is reported: a document's node shows the
/// value as written, and a check that passes formats nothing.
/// </summary>
internal interface IShownValue
{
    string Show();
}

/// <summary>
/// The field a problem is about: a name a C# caller recognises (<c>weekly hours of Monday-Friday</c>) or a location
/// in a document (<c>$.weekly['Monday-Friday']</c>, line 3). The default value is an unnamed field.
/// </summary>
internal readonly struct FieldRef
{
    // Named: name. A kept location: location. A property or item of a kept location (the common case, which allocates
    // nothing): location is the parent, name the property's key (null for an item), and index, line and column its own.
    private readonly string? name;
    private readonly IFieldLocation? location;
    private readonly bool child;
    private readonly int index;
    private readonly int line;
    private readonly int column;

    private FieldRef(string? name, IFieldLocation? location, bool child = false, int index = -1, int line = 0, int column = 0)
    {
        this.name = name;
        this.location = location;
        this.child = child;
        this.index = index;
        this.line = line;
        this.column = column;
    }

    internal static FieldRef Named(string name) => new(name, null);

    internal static FieldRef At(IFieldLocation location) => location.Ref();

    /// <summary>A reference to a location already made to be kept (<see cref="IFieldLocation.Keep"/>).</summary>
    internal static FieldRef Kept(IFieldLocation kept) => new(null, kept);

    /// <summary>A reference to property <paramref name="key"/> (or item <paramref name="index"/>) of a kept location.</summary>
    internal static FieldRef ChildOf(IFieldLocation keptParent, string? key, int index, int line, int column) => new(key, keptParent, true, index, line, column);

    /// <summary>The field as text: the document path, or the name.</summary>
    internal string Text => child ? location!.PathOf(name, index) : location?.Path ?? name ?? "";

    internal int Line => child ? line : location?.Line ?? 0;

    internal int Column => child ? column : location?.Column ?? 0;

    /// <summary>Item <paramref name="index"/> of this field: the array item's own location, or <c>name[index]</c>.</summary>
    internal FieldRef Item(int index)
    {
        if (child)
        {
            return this;
        }

        if (location is not null)
        {
            return location.Item(index) ?? this;
        }

        return new FieldRef($"{name}[{index.ToString(CultureInfo.InvariantCulture)}]", null);
    }

    public override string ToString() => Text;
}

/// <summary>One broken rule: the field, the value found there (already formatted, or null) and the rule it breaks.</summary>
internal readonly record struct Problem(FieldRef Field, string? Value, string Rule)
{
    /// <summary>The message without the field: <c>found "x"; expected ...</c>, or the rule alone.</summary>
    internal string Message => Value is null ? Rule : $"found {Value}; {Rule}";

    public override string ToString() => $"{Field.Text}: {Message}";
}

/// <summary>
/// Collects the problems of one validation or one document, so that all of them are reported at once. It keeps the
/// first <see cref="Limit"/> and counts the rest, so a document with a million errors neither takes seconds to report
/// nor builds a message of megabytes.
/// </summary>
internal sealed class ProblemSink
{
    /// <summary>How many problems are kept; the rest are only counted.</summary>
    internal const int DefaultLimit = 100;

    /// <summary>The longest value echoed in a message; a longer one is cut and its length stated.</summary>
    internal const int MaxEchoedLength = 80;

    private readonly List<Problem> problems = [];

    internal ProblemSink(int limit = DefaultLimit) => Limit = limit;

    internal int Limit { get; }

    /// <summary>Every problem found, kept or not.</summary>
    internal int Count { get; private set; }

    internal bool HasProblems => Count > 0;

    internal IReadOnlyList<Problem> Problems => problems;

    /// <summary>
    /// The longest message of one problem (<c>found value; rule</c>), whatever the input (issue 14). The parts that come
    /// from the input are bounded on their own (a value at <see cref="MaxEchoedLength"/>, a list of names by
    /// <see cref="List"/>), so a message is cut only as a backstop.
    /// </summary>
    internal const int MaxMessageLength = 300;

    /// <summary>Records a problem; a value and rule longer together than <see cref="MaxMessageLength"/> are cut to fit.</summary>
    internal void Add(FieldRef field, string? value, string rule)
    {
        Count++;
        if (problems.Count < Limit)
        {
            if (value is not null && value.Length > MaxEchoedLength + 30)
            {
                value = Cut(value);
            }

            int room = MaxMessageLength - (value is null ? 0 : value.Length + "found ; ".Length);
            problems.Add(new Problem(field, value, rule.Length <= room ? rule : Cut(rule, room)));
        }
    }

    /// <summary>Names for a message, such as the names a field could take: as many as fit in <paramref name="budget"/> characters, then how many more there are.</summary>
    internal static string List(IEnumerable<string> names, int budget = 100)
    {
        var text = new System.Text.StringBuilder();
        int more = 0;
        foreach (string name in names)
        {
            if (more > 0 || text.Length + name.Length > budget)
            {
                more++;
                continue;
            }

            text.Append(text.Length == 0 ? "" : ", ").Append(name);
        }

        return more == 0 ? text.ToString() : text.Append(", and ").Append(more.ToString(CultureInfo.InvariantCulture)).Append(" more").ToString();
    }

    internal void Add(Problem problem) => Add(problem.Field, problem.Value, problem.Rule);

    /// <summary>Whether every further problem will only be counted, so that a caller need not format it.</summary>
    internal bool IsFull => problems.Count >= Limit;

    /// <summary>Counts a problem that would not be listed (<see cref="IsFull"/>) without formatting it.</summary>
    internal void AddUnlisted() => Count++;

    /// <summary>Formats a text value for a message: quoted, and cut at <see cref="MaxEchoedLength"/> characters.</summary>
    internal static string Quote(string text) => "\"" + Cut(text) + "\"";

    /// <summary>Cuts a long value for a message, stating its full length.</summary>
    internal static string Cut(string text) =>
        text.Length <= MaxEchoedLength
            ? text
            : string.Concat(text.AsSpan(0, MaxEchoedLength - 3), "...", $" ({text.Length.ToString(CultureInfo.InvariantCulture)} characters)");

    /// <summary>Cuts a text for a message to at most <paramref name="max"/> characters (at least 40), stating its full length.</summary>
    internal static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        string length = $"... ({text.Length.ToString(CultureInfo.InvariantCulture)} characters)";
        return string.Concat(text.AsSpan(0, Math.Max(max, 40) - length.Length), length);
    }
}
