namespace ServiceCommitments.Warranty;

/// <summary>Where a term stands for an asset on a date.</summary>
public enum CoverageStatus
{
    /// <summary>No term of the policy covers the asset's component. This is the default value.</summary>
    NoTerm = 0,

    /// <summary>The term has not started: the asset lacks its start date, or the date is before the first covered day.</summary>
    NotStarted = 1,

    /// <summary>The date is within the term's window and usage is within its limit.</summary>
    InForce = 2,

    /// <summary>The date is within the window, but usage has passed the term's limit.</summary>
    UsageLimitReached = 3,

    /// <summary>The term does not follow the asset to a new owner, and the asset changed owner on or before the date.</summary>
    Transferred = 4,

    /// <summary>The date is after the term's last covered day.</summary>
    Ended = 5,
}
