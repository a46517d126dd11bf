namespace ServiceCommitments.Warranty;

/// <summary>How a repair extends a term.</summary>
public enum RepairExtensionMode
{
    /// <summary>The first repair within the term moves its last day later by the extension, once. This is the default value.</summary>
    ExtendOnce = 0,

    /// <summary>Every repair within the term covers at least the extension from the repair's date ("90 days from each repair").</summary>
    FromEachRepair = 1,
}
