using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Documents;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Testing;

/// <summary>One case of a conformance file: an operation on the file's subject, its inputs and the expected answer.</summary>
/// <remarks>Immutable and thread-safe: <see cref="Run"/> may be called from several threads.</remarks>
[Immutable]
public sealed class ConformanceCase
{
    private readonly ConformanceKind kind;
    private readonly object? subject;
    private readonly IReadOnlyList<DocumentError> subjectErrors;
    private readonly Func<object, object?> operation;
    private readonly Shape result;
    private readonly Expected? expected;
    private readonly DateTimeZone zone;

    private ConformanceCase(
        int index, string? name, string? reference, string op, string? expectedError, ConformanceKind kind, object? subject,
        IReadOnlyList<DocumentError> subjectErrors, Func<object, object?> operation, Shape result, Expected? expected, DateTimeZone zone)
    {
        Index = index;
        Name = name;
        Ref = reference;
        Op = op;
        ExpectedError = expectedError;
        this.kind = kind;
        this.subject = subject;
        this.subjectErrors = subjectErrors;
        this.operation = operation;
        this.result = result;
        this.expected = expected;
        this.zone = zone;
    }

    /// <summary>The case's index in the file's <c>cases</c> array (from 0).</summary>
    public int Index { get; }

    /// <summary>The case's <c>name</c>, or null.</summary>
    public string? Name { get; }

    /// <summary>The row of the commitment catalogue the case checks (<c>ref</c>, such as <c>D1.5</c>), or null.</summary>
    public string? Ref { get; }

    /// <summary>The operation, for example <c>addWorkingTime</c> (docs/documents.md lists each kind's operations).</summary>
    public string Op { get; }

    /// <summary>The expected error (<c>argument</c>, or a name the file's kind documents such as <c>unknownYear</c>), or null when the case expects an answer.</summary>
    public string? ExpectedError { get; }

    /// <summary>Runs the case against the file's subject.</summary>
    /// <returns>The result: whether the answer matched, with both formatted.</returns>
    public ConformanceResult Run()
    {
        string expectedText = ExpectedError is null ? expected!.Describe() : "error " + ExpectedError;
        if (subjectErrors.Count > 0 || subject is null)
        {
            string errors = string.Join("; ", subjectErrors.Select(e => e.ToString()));
            return new ConformanceResult(this, ExpectedError == ConformanceError.Argument, expectedText, $"error {ConformanceError.Argument}: the subject has errors: {errors}");
        }

        try
        {
            object? actual = operation(subject);
            if (ExpectedError is not null)
            {
                return new ConformanceResult(this, false, expectedText, result.Show(actual, zone));
            }

            var mismatches = new List<string>();
            string actualText = expected!.Check(actual, mismatches);
            return new ConformanceResult(this, mismatches.Count == 0, expectedText, actualText) { Mismatches = mismatches.AsReadOnly() };
        }
        catch (Exception e)
        {
            string? name = kind.ErrorName(e);
            return new ConformanceResult(this, name is not null && name == ExpectedError, expectedText, $"error {name ?? e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Describes the case: <c>case #3 "name" [D1.5] addWorkingTime</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"case #{Index}{(Name is null ? "" : $" \"{Name}\"")}{(Ref is null ? "" : $" [{Ref}]")} {Op}";

    internal static ConformanceCase? Read(
        DocNode node, int index, ConformanceKind kind, object? subject, IReadOnlyList<DocumentError> subjectErrors, DateTimeZone zone, DocumentContext context)
    {
        var properties = context.Object(node, "a case object");
        if (properties is null)
        {
            return null;
        }

        int errorsBefore = context.ErrorCount;
        string? name = OptionalString(properties, "name", context);
        string? reference = OptionalString(properties, "ref", context);
        var operation = ReadOperation(properties, kind, context);
        if (operation is null)
        {
            return null;
        }

        var reader = new CaseReader(properties, context, subject, zone);
        var run = operation.Prepare(reader);
        var expectedNode = properties.Optional("expected");
        var errorNode = properties.Optional("expectedError");
        properties.Finish($"property for {operation.Name}");
        Expected? expected = null;
        string? expectedError = null;
        if ((expectedNode is null) == (errorNode is null))
        {
            context.Error(node, "give exactly one of \"expected\" and \"expectedError\"");
        }
        else if (expectedNode is not null)
        {
            expected = operation.Result.Read(expectedNode, reader);
        }
        else if (context.TryString(errorNode!, "an error name", out string error))
        {
            if (kind.ErrorNames().Contains(error))
            {
                expectedError = error;
            }
            else
            {
                context.Invalid(errorNode!, $"expected one of the error names of a {kind.SubjectKey} file: {string.Join(", ", kind.ErrorNames())}");
            }
        }

        return context.ErrorCount > errorsBefore || run is null
            ? null
            : new ConformanceCase(index, name, reference, operation.Name, expectedError, kind, subject, subjectErrors, run, operation.Result, expected, zone);
    }

    private static ConformanceOperation? ReadOperation(ObjectReader properties, ConformanceKind kind, DocumentContext context)
    {
        string names = string.Join(", ", kind.Operations.Keys);
        var opNode = properties.Optional("op");
        if (opNode is null)
        {
            if (kind.DefaultOperation is { } defaultOp)
            {
                return kind.Operations[defaultOp];
            }

            context.Error(properties.Node, $"missing \"op\": one of {names}");
            return null;
        }

        if (!context.TryString(opNode, "an operation name", out string op))
        {
            return null;
        }

        if (kind.Operations.TryGetValue(op, out var operation))
        {
            return operation;
        }

        context.Invalid(opNode, $"expected an operation of a {kind.SubjectKey} file: {names}");
        return null;
    }

    private static string? OptionalString(ObjectReader properties, string name, DocumentContext context) =>
        properties.Optional(name) is { } node && context.TryString(node, name, out string text) ? text : null;
}
