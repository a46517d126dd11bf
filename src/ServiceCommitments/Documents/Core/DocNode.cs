using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// One value of a parsed JSON document, with where it sits: its parent, its JSON path and its line. Readers report
/// problems at a node, so a reader never builds paths itself.
/// </summary>
internal sealed class DocNode : IFieldLocation, IShownValue
{
    private string? path;
    private DocLocation? location;

    private DocNode(JsonValueKind kind, DocNode? parent, string? key, int index, int line, int column)
    {
        Kind = kind;
        Parent = parent;
        Key = key;
        Index = index;
        Line = line;
        Column = column;
    }

    internal JsonValueKind Kind { get; }

    internal DocNode? Parent { get; }

    /// <summary>The property name under which this node sits in its parent object, or null.</summary>
    internal string? Key { get; }

    /// <summary>The index of this node in its parent array, or -1.</summary>
    internal int Index { get; }

    /// <summary>The 1-based line where the value starts; 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (in UTF-8 bytes) where the value starts.</summary>
    public int Column { get; }

    /// <summary>A string's value, or a number's text as written.</summary>
    internal string? Text { get; private set; }

    /// <summary>An object's properties in document order, duplicates included.</summary>
    internal List<DocProperty>? Properties { get; private set; }

    /// <summary>An array's items.</summary>
    internal List<DocNode>? Items { get; private set; }

    public string Path => path ??= BuildPath();

    internal bool IsNull => Kind == JsonValueKind.Null;

    public FieldRef? Item(int index) => Items is { } items && (uint)index < (uint)items.Count ? items[index].Ref() : null;

    /// <summary>An array or the root is kept whole (its items' lines are asked for); any other value as its parent's property.</summary>
    public FieldRef Ref() =>
        Parent is null || Kind == JsonValueKind.Array ? FieldRef.Kept(Keep()) : FieldRef.ChildOf(Parent.Keep(), Key, Index, Line, Column);

    public string PathOf(string? key, int index) => ((DocLocation)Keep()).PathOf(key, index);

    /// <summary>This node's location without the document: made once, it holds only its parent's location, never a value or a child node.</summary>
    public IFieldLocation Keep()
    {
        if (location is null)
        {
            location = new DocLocation((DocLocation?)Parent?.Keep(), Key, Index, Line, Column);
            if (Items is { Count: > 0 } items)
            {
                // Only where each item starts: an item's own location is made if a value keeps it.
                var lines = new int[items.Count];
                var columns = new int[items.Count];
                for (int i = 0; i < lines.Length; i++)
                {
                    lines[i] = items[i].Line;
                    columns[i] = items[i].Column;
                }

                location.SetItems(lines, columns);
            }
        }

        return location;
    }

    internal static DocNode Root(JsonValueKind kind, int line, int column) => new(kind, null, null, -1, line, column);

    internal DocNode AddProperty(string name, JsonValueKind kind, int line, int column)
    {
        var child = new DocNode(kind, this, name, -1, line, column);
        (Properties ??= []).Add(new DocProperty(name, child));
        return child;
    }

    internal DocNode AddItem(JsonValueKind kind, int line, int column)
    {
        Items ??= [];
        var child = new DocNode(kind, this, null, Items.Count, line, column);
        Items.Add(child);
        return child;
    }

    internal void SetText(string text) => Text = text;

    internal void MakeContainer()
    {
        if (Kind == JsonValueKind.Object)
        {
            Properties ??= [];
        }
        else if (Kind == JsonValueKind.Array)
        {
            Items ??= [];
        }
    }

    /// <summary>Describes the value for a message: a string quoted and cut, a number as written, a container by its kind.</summary>
    public string Show() => Kind switch
    {
        JsonValueKind.String => ProblemSink.Quote(Text!),
        JsonValueKind.Number => ProblemSink.Cut(Text!),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => Items!.Count == 0 ? "an empty array" : "an array",
        _ => "nothing",
    };

    private string BuildPath()
    {
        if (Parent is null)
        {
            return "$";
        }

        string parent = Parent.Path;
        return Key is null ? $"{parent}[{Index.ToString(CultureInfo.InvariantCulture)}]" : Child(parent, Key);
    }

    /// <summary>The path of property <paramref name="name"/> under <paramref name="parent"/>: <c>$.a</c> or <c>$['a b']</c>.</summary>
    internal static string Child(string parent, string name) =>
        IsPlainName(name) && name.Length <= ProblemSink.MaxEchoedLength ? $"{parent}.{name}" : $"{parent}['{ProblemSink.Cut(name).Replace("'", "\\'", System.StringComparison.Ordinal)}']";

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Where a value of a document was: its path, line and column, and for an array where its items were. It is what built
/// values keep (<see cref="FieldRef"/>): it refers to its parent's location only, so the parsed document can be collected.
/// </summary>
internal sealed class DocLocation : IFieldLocation
{
    private readonly DocLocation? parent;
    private readonly string? key;
    private readonly int index;
    private string? path;

    internal DocLocation(DocLocation? parent, string? key, int index, int line, int column)
    {
        this.parent = parent;
        this.key = key;
        this.index = index;
        Line = line;
        Column = column;
    }

    // Where an array's items start; null for any other value.
    private int[]? itemLines;
    private int[]? itemColumns;

    internal void SetItems(int[] lines, int[] columns)
    {
        itemLines = lines;
        itemColumns = columns;
    }

    public string Path => path ??= parent is null
        ? "$"
        : key is null ? $"{parent.Path}[{index.ToString(CultureInfo.InvariantCulture)}]" : DocNode.Child(parent.Path, key);

    public int Line { get; }

    public int Column { get; }

    public FieldRef? Item(int index) =>
        itemLines is { } lines && (uint)index < (uint)lines.Length ? FieldRef.ChildOf(this, null, index, lines[index], itemColumns![index]) : null;

    public IFieldLocation Keep() => this;

    public FieldRef Ref() => FieldRef.Kept(this);

    public string PathOf(string? key, int index) =>
        key is null ? $"{Path}[{index.ToString(CultureInfo.InvariantCulture)}]" : DocNode.Child(Path, key);
}

/// <summary>A property of an object node.</summary>
internal readonly record struct DocProperty(string Name, DocNode Value);
