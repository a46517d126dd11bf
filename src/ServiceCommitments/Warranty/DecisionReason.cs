using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>One step of a decision: what it found, in a code a program reads and a sentence a person reads.</summary>
/// <param name="Code">What the step found.</param>
/// <param name="Text">The step in words, with the dates and ids it used.</param>
/// <remarks>An immutable value. The default value has a null text and is never produced by the library.</remarks>
[Immutable]
public readonly record struct DecisionReason(DecisionReasonCode Code, string Text)
{
    /// <summary>Returns <see cref="Text"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}
