using System.Collections.Generic;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Testing;

/// <summary>The outcome of one conformance case.</summary>
/// <param name="Case">The case that ran.</param>
/// <param name="Passed">Whether the library's answer matched the expected one.</param>
/// <param name="Expected">The expected answer, formatted (instants in the subject's zone).</param>
/// <param name="Actual">The library's answer, formatted the same way and showing the fields the case expects, or the error it gave.</param>
/// <remarks>An immutable value, thread-safe. The default value has a null case and is never produced by the library.</remarks>
[Immutable]
public readonly record struct ConformanceResult(ConformanceCase Case, bool Passed, string Expected, string Actual)
{
    /// <summary>
    /// Each expected value the answer differs from, at its JSON path in the file, for example
    /// <c>$.cases[3].expected.firstResponse.due: expected 2024-09-30T17:30:00+08, found 2024-09-30T18:00:00+08</c>;
    /// empty when the case passed, or when it failed on an error rather than an answer.
    /// </summary>
    public IReadOnlyList<string> Mismatches { get; init; } = [];

    /// <summary>Describes the result: the case, each mismatch first (when the answer differs), then the expected and actual answers.</summary>
    /// <returns>
    /// For example <c>case #3 "Spring Festival" [D1.5] addWorkingTime: failed; $.cases[3].expected: expected
    /// 2024-02-18T11:00:00+08, found 2024-02-18T10:00:00+08; in all, expected 2024-02-18T11:00:00+08, got 2024-02-18T10:00:00+08</c>.
    /// </returns>
    public override string ToString() =>
        $"{Case}: {(Passed ? "passed" : "failed")}; {(Mismatches is { Count: > 0 } m ? string.Join("; ", m) + "; in all, " : "")}expected {Expected}, got {Actual}";
}
