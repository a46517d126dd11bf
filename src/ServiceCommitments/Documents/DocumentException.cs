using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>A JSON document could not be read; <see cref="Errors"/> lists every problem found, each with its JSON path and line.</summary>
/// <remarks>
/// Loading a document never throws anything else for a problem in the document itself: not JSON, too large or too
/// deep, a wrong type, an unknown name, a value out of range, a rule broken. At most the first 100 errors are listed;
/// <see cref="ErrorCount"/> says how many were found. Instances are immutable.
/// </remarks>
[Immutable]
public sealed class DocumentException : FormatException
{
    /// <summary>Creates the exception for <paramref name="errors"/>.</summary>
    /// <param name="documentName">Where the document came from (a file name), or null.</param>
    /// <param name="errors">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is null.</exception>
    public DocumentException(string? documentName, IReadOnlyList<DocumentError> errors)
        : this(documentName, errors, errors?.Count ?? 0)
    {
    }

    internal DocumentException(string? documentName, IReadOnlyList<DocumentError> errors, int errorCount)
        : base(BuildMessage(documentName, errors, errorCount))
    {
        DocumentName = documentName;
        Errors = errors;
        ErrorCount = errorCount;
    }

    /// <summary>Where the document came from, as given by the caller (a file name), or null.</summary>
    public string? DocumentName { get; }

    /// <summary>The problems found, in document order; at most the first 100.</summary>
    public IReadOnlyList<DocumentError> Errors { get; }

    /// <summary>How many problems were found, including any beyond those listed in <see cref="Errors"/>.</summary>
    public int ErrorCount { get; }

    private static string BuildMessage(string? documentName, IReadOnlyList<DocumentError> errors, int count)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = new StringBuilder(documentName is null ? "The document" : $"The document '{ProblemSink.Cut(documentName)}'");
        text.Append(" has ").Append(count.ToString(CultureInfo.InvariantCulture)).Append(count == 1 ? " error" : " errors");
        if (count > errors.Count)
        {
            text.Append(" (the first ").Append(errors.Count.ToString(CultureInfo.InvariantCulture)).Append(" listed)");
        }

        text.Append(':');
        foreach (var error in errors)
        {
            text.Append(Environment.NewLine).Append("  ").Append(error.ToString());
        }

        return text.ToString();
    }
}
