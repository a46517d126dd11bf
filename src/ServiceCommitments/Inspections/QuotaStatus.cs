namespace ServiceCommitments.Inspections;

/// <summary>Where a quota stands for one period.</summary>
public enum QuotaStatus
{
    /// <summary>The period has not ended by the as-of date and has fewer visits than required. This is the default value.</summary>
    Open = 0,

    /// <summary>The period has at least as many visits as required.</summary>
    Met = 1,

    /// <summary>The period ended before the as-of date with fewer visits than required.</summary>
    Short = 2,
}
