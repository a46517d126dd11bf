using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ServiceCommitments.Internal;

namespace ServiceCommitments;

/// <summary>
/// Thrown when a builder or factory is given settings that break its rules. <see cref="Problems"/> lists every broken
/// rule found, not just the first, each with the field, the value found and the rule.
/// </summary>
/// <remarks>
/// The message lists the problems one per line, for example:
/// <code>
/// The business calendar is not valid (1 problem):
///   - weekly hours of Monday-Friday[1]: found 11:00-13:00; intervals must be in order and must not overlap (the interval before it is 09:00-12:00)
/// </code>
/// Instances are immutable.
/// </remarks>
[Immutable]
public sealed class ValidationException : ArgumentException
{
    internal ValidationException(string subject, ProblemSink sink, string? paramName = null)
        : base(BuildMessage(subject, sink), paramName)
    {
        Subject = subject;
        Problems = Array.AsReadOnly(sink.Problems.Select(p => new ValidationProblem(p.Field.Text, p.Value, p.Rule)).ToArray());
        ProblemCount = sink.Count;
    }

    /// <summary>What was being validated, for example <c>business calendar</c>.</summary>
    public string Subject { get; }

    /// <summary>The problems found, in the order they were found; at most the first 100 (see <see cref="ProblemCount"/>).</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>How many problems were found, including any beyond those listed in <see cref="Problems"/>.</summary>
    public int ProblemCount { get; }

    private static string BuildMessage(string subject, ProblemSink sink)
    {
        var text = new StringBuilder();
        text.Append("The ").Append(subject).Append(" is not valid (")
            .Append(sink.Count.ToString(CultureInfo.InvariantCulture))
            .Append(sink.Count == 1 ? " problem" : " problems");
        if (sink.Count > sink.Problems.Count)
        {
            text.Append(", the first ").Append(sink.Problems.Count.ToString(CultureInfo.InvariantCulture)).Append(" listed");
        }

        text.Append("):");
        foreach (var problem in sink.Problems)
        {
            text.Append('\n').Append("  - ").Append(problem.ToString());
        }

        return text.ToString();
    }
}
