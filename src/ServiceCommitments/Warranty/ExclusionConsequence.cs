namespace ServiceCommitments.Warranty;

/// <summary>The consequence of an exclusion.</summary>
public enum ExclusionConsequence
{
    /// <summary>The failure is not covered; service is chargeable. This is the default value.</summary>
    NotCovered = 0,

    /// <summary>The request is outside the contract's scope: chargeable, and done only with the customer's prior consent.</summary>
    OutOfScope = 1,
}
