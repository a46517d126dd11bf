namespace ServiceCommitments.Warranty;

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
