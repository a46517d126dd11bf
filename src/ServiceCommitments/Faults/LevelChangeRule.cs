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
