using ServiceCommitments.Internal;

namespace ServiceCommitments;

/// <summary>One broken rule found by validation: where, what was found there, and the rule.</summary>
/// <param name="Field">The field, named as the caller knows it, for example <c>weekly hours of Monday-Friday[1]</c>.</param>
/// <param name="Value">The value found, formatted for people (long values are cut), or null when the problem is an absence.</param>
/// <param name="Rule">The rule the value breaks, phrased as what was expected.</param>
/// <remarks>An immutable value. The default value has null members and is never produced by the library.</remarks>
[Immutable]
public readonly record struct ValidationProblem(string Field, string? Value, string Rule)
{
    /// <summary>Formats the problem as <c>field: found value; rule</c>.</summary>
    /// <returns>The problem as one line of text.</returns>
    public override string ToString() => Value is null ? $"{Field}: {Rule}" : $"{Field}: found {Value}; {Rule}";
}
