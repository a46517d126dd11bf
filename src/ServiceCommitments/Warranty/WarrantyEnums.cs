namespace ServiceCommitments.Warranty;

/// <summary>What a warranty term obliges the supplier to do while it is in force.</summary>
public enum WarrantyTermKind
{
    /// <summary>Free repair, and the replacement, exchange or return a claim may escalate to (质保). This is the default value.</summary>
    Coverage = 0,

    /// <summary>Spare parts are supplied, at a price, for the term's period (备品备件供应).</summary>
    SparePartsSupply = 1,

    /// <summary>Free technical support (免费技术支持).</summary>
    TechnicalSupport = 2,

    /// <summary>Free software upgrades (免费软件升级).</summary>
    Upgrades = 3,
}

/// <summary>How a term's start is found among an asset's dates.</summary>
public enum StartRule
{
    /// <summary>The one named date. This is the default value.</summary>
    On = 0,

    /// <summary>The earliest of the named dates the asset has; at least one is needed ("whichever comes first").</summary>
    EarliestOf = 1,

    /// <summary>The latest of the named dates; all of them are needed.</summary>
    LatestOf = 2,
}

/// <summary>A cost of a repair that a term may share between supplier and customer.</summary>
public enum CostType
{
    /// <summary>The engineer's time (工时). This is the default value.</summary>
    Labour = 0,

    /// <summary>Parts and materials (材料, 备件).</summary>
    Parts = 1,

    /// <summary>Travel to the customer's site (差旅).</summary>
    Travel = 2,
}

/// <summary>How a repair extends a term.</summary>
public enum RepairExtensionMode
{
    /// <summary>The first repair within the term moves its last day later by the extension, once. This is the default value.</summary>
    ExtendOnce = 0,

    /// <summary>Every repair within the term covers at least the extension from the repair's date ("90 days from each repair").</summary>
    FromEachRepair = 1,
}

/// <summary>What a repair achieved.</summary>
public enum RepairOutcome
{
    /// <summary>The product was repaired. This is the default value.</summary>
    Fixed = 0,

    /// <summary>The repair did not fix the problem.</summary>
    NotFixed = 1,

    /// <summary>The product could not be repaired.</summary>
    Impossible = 2,
}

/// <summary>What a customer asks for in a claim.</summary>
public enum ClaimRequest
{
    /// <summary>A repair. This is the default value.</summary>
    Repair = 0,

    /// <summary>A new unit of the same product instead of a repair.</summary>
    Replacement = 1,

    /// <summary>An exchange for the same model or one of equal value (换货).</summary>
    Exchange = 2,

    /// <summary>A return, with the price refunded (退货).</summary>
    Return = 3,

    /// <summary>Technical support, under a <see cref="WarrantyTermKind.TechnicalSupport"/> term.</summary>
    TechnicalSupport = 4,

    /// <summary>A software upgrade, under an <see cref="WarrantyTermKind.Upgrades"/> term.</summary>
    Upgrade = 5,

    /// <summary>Spare parts, under a <see cref="WarrantyTermKind.SparePartsSupply"/> term.</summary>
    SpareParts = 6,
}

/// <summary>The outcome of a claim.</summary>
public enum ClaimOutcome
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

/// <summary>The consequence of an exclusion.</summary>
public enum ExclusionConsequence
{
    /// <summary>The failure is not covered; service is chargeable. This is the default value.</summary>
    NotCovered = 0,

    /// <summary>The request is outside the contract's scope: chargeable, and done only with the customer's prior consent.</summary>
    OutOfScope = 1,
}

/// <summary>Which right a remedy window grants.</summary>
public enum WindowKind
{
    /// <summary>A return without a reason and without a failure (七日无理由退货). This is the default value.</summary>
    ReturnWithoutReason = 0,

    /// <summary>A return (or an exchange) of a product that failed within the window.</summary>
    ReturnOnFailure = 1,

    /// <summary>An exchange of a product that failed within the window.</summary>
    ExchangeOnFailure = 2,
}

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

/// <summary>A step of a decision, in the order steps are taken.</summary>
public enum DecisionReasonCode
{
    /// <summary>The deciding term is in force on the claim's date. This is the default value.</summary>
    TermInForce = 0,

    /// <summary>No term of the request's kind covers the asset's component.</summary>
    NoTerm = 1,

    /// <summary>The deciding term has not started.</summary>
    NotStarted = 2,

    /// <summary>The deciding term's last covered day has passed.</summary>
    PeriodEnded = 3,

    /// <summary>The asset's usage has passed the deciding term's limit.</summary>
    UsageLimitReached = 4,

    /// <summary>The deciding term does not follow the asset to its new owner.</summary>
    Transferred = 5,

    /// <summary>The deciding window started again at a replacement.</summary>
    RestartedByReplacement = 6,

    /// <summary>Time in repair was added back to the deciding window.</summary>
    RepairTimeAddedBack = 7,

    /// <summary>A repair extended the deciding window.</summary>
    ExtendedAfterRepair = 8,

    /// <summary>A cause of the claim triggers an exclusion that makes it not covered.</summary>
    Excluded = 9,

    /// <summary>A cause of the claim puts it outside the contract's scope.</summary>
    OutOfScope = 10,

    /// <summary>A return without reason, within its window.</summary>
    ReturnWithoutReason = 11,

    /// <summary>A return (or exchange) of a product that failed within the return window.</summary>
    ReturnOnFailure = 12,

    /// <summary>An exchange of a product that failed within the exchange window.</summary>
    ExchangeOnFailure = 13,

    /// <summary>The product cannot be repaired.</summary>
    Unrepairable = 14,

    /// <summary>A repeat-failure rule applies.</summary>
    RepeatFailure = 15,

    /// <summary>A repair-time rule applies.</summary>
    RepairTimeExceeded = 16,

    /// <summary>The customer may choose a replacement instead of a repair.</summary>
    ReplacementOnRequest = 17,

    /// <summary>A return was asked for, and no window or rule grants it.</summary>
    ReturnPeriodOver = 18,

    /// <summary>An exchange was asked for, and no window or rule grants it.</summary>
    ExchangePeriodOver = 19,

    /// <summary>A replacement was asked for, and no rule grants it.</summary>
    ReplacementNotAvailable = 20,

    /// <summary>The remedy's deadline counts from when the product was received.</summary>
    DueOnReceipt = 21,

    /// <summary>The remedy has a deadline, but the product has not been received yet: the deadline is not known.</summary>
    DueNotYetKnown = 22,
}
