namespace ServiceCommitments.Faults;

/// <summary>How a change of a ticket's fault level affects its targets.</summary>
public enum LevelChangeRule
{
    /// <summary>
    /// The level in force counts from the report, as if the ticket had always had it (the default): upgrading a ticket
    /// to level 1 two hours after the report can breach level 1's 30-minute response at once.
    /// </summary>
    Retroactive = 0,

    /// <summary>The level in force counts from the change: targets that count from the report count from the last change instead.</summary>
    FromChange = 1,
}

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
