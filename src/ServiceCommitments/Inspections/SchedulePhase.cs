using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>One phase of a schedule: a step, and how long the phase lasts (null for the last phase, which lasts to the schedule's end).</summary>
/// <remarks>
/// A phase with a length holds the occurrences up to its anchor + its length, that day included; the next phase is
/// anchored there. The first phase is anchored on the schedule's anchor. Instances are immutable.
/// </remarks>
[Immutable]
public sealed class SchedulePhase
{
    internal SchedulePhase(ScheduleStep step, Period? length, FieldRef origin)
    {
        Step = step;
        Length = length;
        Origin = origin;
    }

    /// <summary>The step between occurrences.</summary>
    public ScheduleStep Step { get; }

    /// <summary>How long the phase lasts from its anchor, or null for a phase that lasts to the schedule's end.</summary>
    public Period? Length { get; }

    internal FieldRef Origin { get; }

    /// <summary>Describes the phase: <c>every month for 3 months</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Length is null ? Step.ToString() : $"{Step} for {Length}";
}
