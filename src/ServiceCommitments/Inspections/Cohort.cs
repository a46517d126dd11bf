using System.Collections.Generic;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>The members whose event fell in one period, and the schedule anchored on that period's last day.</summary>
/// <remarks>Instances are immutable.</remarks>
[Immutable]
public sealed class Cohort
{
    internal Cohort(DateInterval period, IReadOnlyList<string> members, SchedulePlan plan)
    {
        Period = period;
        Members = members;
        Plan = plan;
    }

    /// <summary>The period, both ends included.</summary>
    public DateInterval Period { get; }

    /// <summary>The members, in the order given.</summary>
    public IReadOnlyList<string> Members { get; }

    /// <summary>The schedule anchored on the period's last day.</summary>
    public SchedulePlan Plan { get; }
}
