using System;
using NodaTime;
using ServiceCommitments.Documents;

namespace ServiceCommitments.Testing;

/// <summary>
/// Reads one case's inputs for an operation: each input by name, required unless read with an <c>Optional</c> method;
/// problems are recorded at the input's path and a default value is returned, so the whole file is checked at once.
/// </summary>
internal sealed class CaseReader
{
    private readonly int errorsBefore;

    internal CaseReader(ObjectReader properties, DocumentContext context, object? subject, DateTimeZone zone)
    {
        Properties = properties;
        Context = context;
        Subject = subject;
        Zone = zone;
        errorsBefore = context.ErrorCount;
    }

    internal ObjectReader Properties { get; }

    internal DocumentContext Context { get; }

    /// <summary>The file's subject, or null when it could not be read.</summary>
    internal object? Subject { get; }

    /// <summary>The zone in which instants are shown in reports.</summary>
    internal DateTimeZone Zone { get; }

    /// <summary>Whether reading this case has recorded a problem so far.</summary>
    internal bool HasErrors => Context.ErrorCount > errorsBefore;

    internal DocNode? Node(string name, string what) => Properties.Required(name, what);

    internal DocNode? Optional(string name) => Properties.Optional(name);

    internal Instant Instant(string name) =>
        Node(name, "an instant") is { } node && Context.TryInstant(node, out var value) ? value : default;

    internal LocalDate Date(string name) =>
        Node(name, "a date") is { } node && Context.TryDate(node, out var value) ? value : default;

    internal Duration Duration(string name) =>
        Node(name, "a duration") is { } node && Context.TryDuration(node, out var value) ? value : default;

    internal int Int(string name) =>
        Node(name, "a whole number") is { } node && Context.TryInt(node, name, out int value) ? value : 0;

    /// <summary>Whether input <paramref name="name"/> is written as a date (<c>YYYY-MM-DD</c>) rather than an instant.</summary>
    internal bool IsDate(string name) =>
        Properties.Has(name) && Properties.Optional(name) is { Kind: System.Text.Json.JsonValueKind.String } node &&
        !node.Text!.Contains('T', StringComparison.Ordinal);
}
