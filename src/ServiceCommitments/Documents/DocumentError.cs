namespace ServiceCommitments.Documents;

/// <summary>One problem in a JSON document: where it is and what is wrong.</summary>
/// <param name="Path">The JSON path of the offending value, for example <c>$.calendar.weekly['Monday-Friday'][1]</c>.</param>
/// <param name="Message">What is wrong: the value found and what was expected.</param>
/// <remarks>An immutable value, thread-safe. The default value has null members and is never produced by the library.</remarks>
public readonly record struct DocumentError(string Path, string Message)
{
    /// <summary>Formats the error as <c>path: message</c>.</summary>
    /// <returns>The error as one line of text.</returns>
    public override string ToString() => $"{Path}: {Message}";
}
