using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>
/// How much an early or a late visit moves the rest of the schedule (SAP's shift factors): 0 keeps the dates fixed,
/// 1 (100 %) re-anchors them on the visit (a floating schedule), and a share between moves them by that share of the
/// deviation.
/// </summary>
/// <remarks>
/// A visit inside its window never moves the schedule (SAP's tolerance). A visit outside it re-anchors the phase on the
/// occurrence's nominal date plus the shift factor × the days from the nominal date to the visit (rounded towards
/// zero), so that a factor of 1 re-anchors it on the visit itself, and the following
/// occurrences are counted from there; a new phase starts on its own anchor. The default value is <see cref="Fixed"/>.
/// Instances are immutable values.
/// </remarks>
/// <param name="Early">The share of an early deviation applied, 0 to 1.</param>
/// <param name="Late">The share of a late deviation applied, 0 to 1.</param>
[Immutable]
public readonly record struct ShiftFactors(decimal Early, decimal Late)
{
    /// <summary>A fixed schedule: visits never move the dates.</summary>
    public static ShiftFactors Fixed => default;

    /// <summary>A floating schedule: an early or late visit re-anchors the schedule on the visit.</summary>
    public static ShiftFactors Floating { get; } = new(1, 1);

    /// <summary>Whether any visit can move the schedule.</summary>
    public bool IsFixed => Early == 0 && Late == 0;
}
