using System;
using System.Collections.Generic;
using System.Linq;

namespace ServiceCommitments.Documents;

/// <summary>A JSON document could not be read; <see cref="Errors"/> lists every problem found, each with its JSON path.</summary>
public sealed class DocumentException : FormatException
{
    /// <summary>Creates the exception for <paramref name="errors"/>.</summary>
    /// <param name="source">Where the document came from (a file name), or null.</param>
    /// <param name="errors">The problems; at least one.</param>
    public DocumentException(string? source, IReadOnlyList<DocumentError> errors)
        : base(BuildMessage(source, errors))
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>Where the document came from, as given by the caller (a file name), or null.</summary>
    public new string? Source { get; }

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<DocumentError> Errors { get; }

    private static string BuildMessage(string? source, IReadOnlyList<DocumentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string where = source is null ? "The document" : $"The document '{source}'";
        string noun = errors.Count == 1 ? "error" : "errors";
        return $"{where} has {errors.Count} {noun}:" + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));
    }
}
