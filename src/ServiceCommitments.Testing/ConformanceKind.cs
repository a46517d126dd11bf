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

/// <summary>One operation of a kind: how to read a case's inputs into something to run, and how to read its <c>expected</c>.</summary>
/// <param name="Name">The operation's name, as cases write it in <c>op</c>.</param>
/// <param name="Prepare">Reads the inputs; returns what to run on the subject, or null when an input is bad (problems recorded).</param>
/// <param name="ReadExpected">Reads <c>expected</c>; returns null when it is bad (problems recorded).</param>
internal sealed record ConformanceOperation(
    string Name,
    Func<CaseReader, Func<object, object?>?> Prepare,
    Func<DocNode, CaseReader, Expectation?> ReadExpected);

/// <summary>What a case expects of an operation's result; compares structured values, and may check only part of one.</summary>
internal abstract class Expectation
{
    /// <summary>The expectation, formatted for a report.</summary>
    internal abstract string Describe();

    /// <summary>Whether <paramref name="actual"/> meets the expectation, with the result formatted for a report.</summary>
    internal abstract bool Check(object? actual, out string actualText);
}

/// <summary>Expects one value, compared by equality (instants as instants, durations as durations).</summary>
internal sealed class ValueExpectation<T>(T expected, Func<T, string> format) : Expectation
{
    internal override string Describe() => format(expected);

    internal override bool Check(object? actual, out string actualText)
    {
        if (actual is T value)
        {
            actualText = format(value);
            return EqualityComparer<T>.Default.Equals(value, expected);
        }

        actualText = actual?.ToString() ?? "nothing";
        return false;
    }
}
