using System;
using System.Collections.Generic;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;

namespace ServiceCommitments.Testing;

/// <summary>
/// One kind of conformance file, picked by its subject key (<c>calendar</c>, <c>policy</c>, ...): how to read the
/// subject, the table of operations its cases may name, and the names of the errors a case may expect. Each kind
/// lives in its capability's folder and is registered in <see cref="ConformanceKinds"/>.
/// </summary>
internal abstract class ConformanceKind
{
    /// <summary>The top-level property that holds the subject and names the kind.</summary>
    internal abstract string SubjectKey { get; }

    /// <summary>Other top-level properties the kind reads (for example <c>calendars</c>).</summary>
    internal virtual IReadOnlyList<string> FileProperties => [];

    /// <summary>The operation a case without <c>op</c> runs, or null when <c>op</c> is required.</summary>
    internal virtual string? DefaultOperation => null;

    /// <summary>The operations, by name.</summary>
    internal abstract IReadOnlyDictionary<string, ConformanceOperation> Operations { get; }

    /// <summary>The errors a case may expect besides <c>argument</c> and <c>unknownYear</c>, each with the exceptions it names.</summary>
    internal virtual IReadOnlyList<ConformanceError> Errors => [];

    /// <summary>Reads the file's other properties and its subject; returns null (with problems recorded) when it cannot.</summary>
    internal abstract object? ReadSubject(ObjectReader file, DocNode subject, DocumentContext context);

    /// <summary>The zone in which instants of this subject's results are shown.</summary>
    internal virtual DateTimeZone DisplayZone(object? subject, DocumentContext context) => DateTimeZone.Utc;

    /// <summary>The name of the error <paramref name="exception"/> stands for, or null when it is not one a case may expect.</summary>
    internal string? ErrorName(Exception exception)
    {
        foreach (var error in Errors)
        {
            if (error.Matches(exception))
            {
                return error.Name;
            }
        }

        return exception switch
        {
            HolidayDataUnavailableException => ConformanceError.UnknownYear,
            ArgumentException => ConformanceError.Argument,
            _ => null,
        };
    }

    /// <summary>Builds an operation table keyed by name.</summary>
    protected static IReadOnlyDictionary<string, ConformanceOperation> OperationTable(params ConformanceOperation[] operations)
    {
        var table = new Dictionary<string, ConformanceOperation>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            table.Add(operation.Name, operation);
        }

        return table;
    }

    internal IEnumerable<string> ErrorNames()
    {
        yield return ConformanceError.Argument;
        yield return ConformanceError.UnknownYear;
        foreach (var error in Errors)
        {
            yield return error.Name;
        }
    }
}

/// <summary>An error name a case may give in <c>expectedError</c>, and the exceptions it stands for.</summary>
internal sealed record ConformanceError(string Name, Func<Exception, bool> Matches)
{
    /// <summary>The input was rejected (an <see cref="ArgumentException"/>, or a subject document with errors).</summary>
    internal const string Argument = "argument";

    /// <summary>A computation needed a year a calendar's holiday data does not know (<see cref="HolidayDataUnavailableException"/>); every kind counts on calendars.</summary>
    internal const string UnknownYear = "unknownYear";
}

/// <summary>One operation of a kind: how to read a case's inputs into something to run, and the shape of its result.</summary>
/// <param name="Name">The operation's name, as cases write it in <c>op</c>.</param>
/// <param name="Prepare">Reads the inputs; returns what to run on the subject, or null when an input is bad (problems recorded).</param>
/// <param name="Result">The result's shape, which reads <c>expected</c> and compares it with the answer (<see cref="Expect"/>).</param>
internal sealed record ConformanceOperation(string Name, Func<CaseReader, Func<object, object?>?> Prepare, Shape Result);
