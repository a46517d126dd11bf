namespace ServiceCommitments.Warranty;

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
