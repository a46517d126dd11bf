namespace ServiceCommitments.Faults;

/// <summary>The periods a compliance report groups tickets by.</summary>
public enum CompliancePeriod
{
    /// <summary>Calendar months (<c>2024-06</c>). This is the default value.</summary>
    Month = 0,

    /// <summary>Calendar quarters (<c>2024-Q2</c>): January-March, April-June, July-September, October-December.</summary>
    Quarter = 1,
}
