using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Testing;

/// <summary>
/// A conformance file: one subject (a <c>calendar</c>, <c>policy</c>, <c>schedule</c> or <c>warranty</c> document)
/// and a <c>cases</c> array of operations with the answers expected from them (docs/documents.md). The library's own
/// test suite runs these files, and so can a user, to check the library against their own contract.
/// </summary>
/// <remarks>
/// <para>The subject key decides the kind of file and so which operations its cases may name; a file with no known
/// subject, an unknown operation or an unknown property is a <see cref="DocumentException"/> when it is read, never a
/// file that silently checks nothing.</para>
/// <para>A subject that is itself invalid (say, a calendar with an unknown zone) does not stop the file loading: its
/// errors are in <see cref="SubjectErrors"/>, and every case then fails with them, except a case that expects the error
/// <c>argument</c>, which passes, since the rejected subject is an input.</para>
/// <para>Instances are immutable; <see cref="Run()"/> may be called from several threads.</para>
/// </remarks>
[Immutable]
public sealed class ConformanceFile
{
    private ConformanceFile(string? source, string? description, string kind, IReadOnlyList<DocumentError> subjectErrors, IReadOnlyList<ConformanceCase> cases)
    {
        Source = source;
        Description = description;
        Kind = kind;
        SubjectErrors = subjectErrors;
        Cases = cases;
    }

    /// <summary>Where the file came from (its path), or null.</summary>
    public string? Source { get; }

    /// <summary>The file's <c>description</c>, or null.</summary>
    public string? Description { get; }

    /// <summary>The kind of file, named by its subject key: <c>calendar</c>, <c>policy</c>, <c>schedule</c> or <c>warranty</c>.</summary>
    public string Kind { get; }

    /// <summary>The errors of the file's subject document; empty when the subject was read.</summary>
    public IReadOnlyList<DocumentError> SubjectErrors { get; }

    /// <summary>The cases, in file order.</summary>
    public IReadOnlyList<ConformanceCase> Cases { get; }

    /// <summary>Reads a conformance file from disk.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="holidaySets">Where to look up holiday set ids; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The file, ready to run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="DocumentException">The file is not a valid conformance file; every error is listed with its JSON path.</exception>
    public static ConformanceFile Load(string path, HolidaySetRegistry? holidaySets = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path, holidaySets);
    }

    /// <summary>Reads a conformance file from JSON text.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">Where the text came from, used in messages; may be null.</param>
    /// <param name="holidaySets">Where to look up holiday set ids; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The file, ready to run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentException">The text is not a valid conformance file; every error is listed with its JSON path.</exception>
    public static ConformanceFile Parse(string json, string? source = null, HolidaySetRegistry? holidaySets = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = DocumentParser.Parse(json, source);
        var context = new DocumentContext(source, holidaySets);
        var file = context.Object(root, "a conformance file object with a subject and \"cases\"");
        if (file is null)
        {
            throw context.ToException();
        }

        var kind = PickKind(file, context);
        string? description = file.Optional("description") is { } text && context.TryString(text, "a description", out string d) ? d : null;

        // The subject is read apart: its errors fail the cases, not the loading of the file.
        object? subject = null;
        var subjectContext = new DocumentContext(source, holidaySets);
        if (kind is not null && file.Optional(kind.SubjectKey) is { } subjectNode)
        {
            file.Accept([.. kind.FileProperties]);
            subject = kind.ReadSubject(file, subjectNode, subjectContext);
        }

        var subjectErrors = subjectContext.Problems.HasProblems ? subjectContext.ToException().Errors : [];
        var cases = new List<ConformanceCase>();
        var casesNode = file.Required("cases", "an array of cases");
        file.Finish("property of a conformance file");
        if (casesNode is not null && kind is not null)
        {
            var zone = kind.DisplayZone(subject, subjectContext);
            var items = context.Array(casesNode, "an array of cases");
            for (int i = 0; i < items.Count; i++)
            {
                if (ConformanceCase.Read(items[i], i, kind, subject, subjectErrors, zone, context) is { } parsed)
                {
                    cases.Add(parsed);
                }
            }

            if (casesNode.Items is { Count: 0 })
            {
                context.Error(casesNode, "the file has no cases; a conformance file checks at least one answer");
            }
        }

        context.ThrowIfProblems();
        return new ConformanceFile(source, description, kind!.SubjectKey, subjectErrors, cases.AsReadOnly());
    }

    /// <summary>Runs every case.</summary>
    /// <returns>One result per case, in file order.</returns>
    public IReadOnlyList<ConformanceResult> Run()
    {
        var results = new ConformanceResult[Cases.Count];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = Cases[i].Run();
        }

        return results;
    }

    private static ConformanceKind? PickKind(ObjectReader file, DocumentContext context)
    {
        var present = ConformanceKinds.All.Where(k => file.Has(k.SubjectKey)).ToList();
        string keys = string.Join(", ", ConformanceKinds.All.Select(k => $"\"{k.SubjectKey}\""));
        if (present.Count == 1)
        {
            return present[0];
        }

        context.Error(
            file.Node,
            present.Count == 0
                ? $"missing the subject, which names the kind of file: one of {keys}"
                : $"a file holds one subject, and this one has {string.Join(" and ", present.Select(k => $"\"{k.SubjectKey}\""))}");
        return null;
    }
}
