namespace ServiceCommitments.Warranty;

/// <summary>A condition a decision records: how the remedy must be carried out or priced.</summary>
public enum WarrantyCondition
{
    /// <summary>Replacement parts are new and unused. This is the default value.</summary>
    NewParts = 0,

    /// <summary>The customer agreed in writing to parts that are not new.</summary>
    UsedPartsAgreedInWriting = 1,

    /// <summary>Magnetic media are repaired on the customer's site and never taken away.</summary>
    RepairOnSite = 2,

    /// <summary>The unit given is new.</summary>
    NewUnit = 3,

    /// <summary>The new unit is of the same brand and model.</summary>
    SameBrandAndModel = 4,

    /// <summary>The unit given is of the same model or of equal value.</summary>
    SameModelOrEqualValue = 5,

    /// <summary>The work is chargeable and done only after the customer agrees to pay.</summary>
    CustomerConsentRequired = 6,

    /// <summary>Parts are charged at cost.</summary>
    PartsAtCost = 7,

    /// <summary>Prices never exceed the asset's bid price.</summary>
    NotAboveBidPrice = 8,

    /// <summary>A fee is charged per visit.</summary>
    PerVisitFee = 9,

    /// <summary>A maintenance contract covers the asset on the claim's date: no per-visit fee.</summary>
    CoveredByMaintenanceContract = 10,

    /// <summary>A lack of conformity is presumed to have existed at delivery: the seller must show otherwise.</summary>
    PresumedAtDelivery = 11,

    /// <summary>The presumption is over: the consumer must show the lack of conformity existed at delivery.</summary>
    ConsumerMustProve = 12,
}
