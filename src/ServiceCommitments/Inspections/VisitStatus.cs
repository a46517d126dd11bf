namespace ServiceCommitments.Inspections;

/// <summary>Where one occurrence of a schedule stands (or a visit no occurrence claimed): the status of a <see cref="VisitComplianceEntry"/>.</summary>
public enum VisitStatus
{
    /// <summary>No visit, and the occurrence's window is still open (its last day is on or after the as-of date). This is the default value.</summary>
    Pending = 0,

    /// <summary>A visit inside the occurrence's window.</summary>
    OnTime = 1,

    /// <summary>A visit before the occurrence's window opened.</summary>
    Early = 2,

    /// <summary>A visit after the occurrence's window closed.</summary>
    Late = 3,

    /// <summary>No visit, and the occurrence's window closed before the as-of date.</summary>
    Missed = 4,

    /// <summary>A visit that no occurrence claimed: reported, never silently matched.</summary>
    Extra = 5,
}
