namespace ServiceCommitments.Warranty;

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
