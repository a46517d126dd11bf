namespace ServiceCommitments.Warranty;

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
