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
