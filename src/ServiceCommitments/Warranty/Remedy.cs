namespace ServiceCommitments.Warranty;

/// <summary>What the supplier owes for a claim.</summary>
public enum Remedy
{
    /// <summary>Nothing is owed. This is the default value.</summary>
    None = 0,

    /// <summary>A free repair.</summary>
    Repair = 1,

    /// <summary>A new unit of the same brand and model.</summary>
    Replacement = 2,

    /// <summary>An exchange for the same model or one of equal value.</summary>
    Exchange = 3,

    /// <summary>A return with the price refunded.</summary>
    Return = 4,

    /// <summary>Service the customer pays for, on the policy's terms for paid service.</summary>
    PaidService = 5,

    /// <summary>Free technical support.</summary>
    TechnicalSupport = 6,

    /// <summary>A free software upgrade.</summary>
    Upgrade = 7,

    /// <summary>Spare parts supplied at a price.</summary>
    SparePartsSupply = 8,
}
