namespace ServiceCommitments.Warranty;

/// <summary>Where a claim stands once decided: the status of a <see cref="ClaimDecision"/>.</summary>
public enum ClaimStatus
{
    /// <summary>The claim is valid: the supplier owes the remedy. This is the default value.</summary>
    Covered = 0,

    /// <summary>A cause of the claim is excluded by the policy: not covered, and chargeable.</summary>
    Excluded = 1,

    /// <summary>The term, or the window for the request, is over (or the usage limit passed, or the owner changed).</summary>
    Expired = 2,

    /// <summary>The request is outside the contract's scope or period: chargeable, and only with the customer's prior consent.</summary>
    OutOfScope = 3,
}
