namespace ServiceCommitments.Faults;

/// <summary>Where a milestone stands as of an instant.</summary>
public enum MilestoneStatus
{
    /// <summary>No target of the policy applies to this ticket (or a condition on another milestone ruled it out). This is the default value.</summary>
    NotApplicable = 0,

    /// <summary>The target counts from a milestone that has not happened yet: there is no deadline yet.</summary>
    Waiting = 1,

    /// <summary>Not yet reached, and the deadline has not passed.</summary>
    Pending = 2,

    /// <summary>Reached at or before the deadline.</summary>
    Met = 3,

    /// <summary>Reached after the deadline, or not reached and the deadline has passed.</summary>
    Breached = 4,
}
