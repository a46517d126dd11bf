using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads one JSON object: required and optional properties by name, a property named twice reported at once, and on
/// <see cref="Finish"/> every name nobody asked for reported as unknown, except notes for people (<see cref="IsNote"/>),
/// which every object of every document kind accepts and ignores alike. This is the one place that rule is kept.
/// </summary>
internal sealed class ObjectReader
{
    private static readonly HashSet<string> NoteNames = ["description", "name", "ref", "refs", "note", "notes", "comment", "source", "tags"];

    private readonly DocumentContext context;
    private readonly Dictionary<string, DocNode> first = new(StringComparer.Ordinal);
    private readonly List<string> known = [];

    internal ObjectReader(DocNode node, DocumentContext context)
    {
        Node = node;
        this.context = context;
        foreach (var property in node.Properties!)
        {
            if (!first.TryAdd(property.Name, property.Value))
            {
                context.Error(
                    property.Value,
                    $"\"{property.Name}\" is named twice in one object (first on line {first[property.Name].Line.ToString(CultureInfo.InvariantCulture)}); a name may appear once");
            }
        }
    }

    internal DocNode Node { get; }

    /// <summary>
    /// Whether <paramref name="name"/> is a note for people that changes nothing: <c>description</c>, <c>name</c>,
    /// <c>ref</c>, <c>refs</c>, <c>note</c>, <c>notes</c>, <c>comment</c>, <c>source</c>, <c>tags</c>, or a name
    /// starting with <c>$</c>, <c>_</c> or <c>x-</c>. An object that gives one of these names a meaning of its own
    /// (a commitment's <c>name</c>, a level's <c>description</c>, a follow-up duty's <c>name</c>, ...) reads it with
    /// <see cref="Optional"/> or <see cref="Required"/>, and then it is checked as that, never skipped as a note.
    /// </summary>
    internal static bool IsNote(string name) =>
        NoteNames.Contains(name) || name.StartsWith('$') || name.StartsWith('_') || name.StartsWith("x-", StringComparison.Ordinal);

    internal bool Has(string name) => first.ContainsKey(name);

    /// <summary>The property <paramref name="name"/>, or null when absent.</summary>
    internal DocNode? Optional(string name)
    {
        known.Add(name);
        return first.GetValueOrDefault(name);
    }

    /// <summary>The property <paramref name="name"/>; when absent, records <c>missing "name": what</c> at the object.</summary>
    internal DocNode? Required(string name, string what)
    {
        var node = Optional(name);
        if (node is null)
        {
            context.Error(Node, $"missing \"{name}\": {what}");
        }

        return node;
    }

    /// <summary>Marks names as known without reading them here (another reader takes them).</summary>
    internal void Accept(params string[] names) => known.AddRange(names);

    /// <summary>Reports every property that was not asked for and is not a note for people (<see cref="IsNote"/>).</summary>
    /// <param name="what">How to name an unknown property, for example <c>calendar property</c>.</param>
    internal void Finish(string what)
    {
        foreach (var property in Node.Properties!)
        {
            if (!known.Contains(property.Name) && !IsNote(property.Name))
            {
                context.Error(property.Value, $"unknown {what}; expected {ProblemSink.List(known.Distinct(), 250)}");
            }
        }
    }
}
