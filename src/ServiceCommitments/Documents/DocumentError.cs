using System.Globalization;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>One problem in a JSON document: where it is and what is wrong.</summary>
/// <param name="Path">The JSON path of the offending value, for example <c>$.calendar.weekly['Monday-Friday'][1]</c>.</param>
/// <param name="Message">What is wrong: the value found and what was expected.</param>
/// <remarks>An immutable value, thread-safe. The default value has null members and is never produced by the library.</remarks>
[Immutable]
public readonly record struct DocumentError(string Path, string Message)
{
    /// <summary>The 1-based line of the document where the offending value starts; 0 when the document gave no lines (a <see cref="System.Text.Json.JsonElement"/>).</summary>
    public int Line { get; init; }

    /// <summary>The 1-based column, in UTF-8 bytes, where the offending value starts; 0 when unknown.</summary>
    public int Column { get; init; }

    /// <summary>Formats the error as <c>path (line N): message</c>, or <c>path: message</c> without a line.</summary>
    /// <returns>The error as one line of text.</returns>
    public override string ToString() =>
        Line > 0 ? $"{Path} (line {Line.ToString(CultureInfo.InvariantCulture)}): {Message}" : $"{Path}: {Message}";
}
