using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>How many occurrences of one period were on time.</summary>
/// <param name="Period">The period, both ends included.</param>
/// <param name="OnTime">The occurrences due in the period whose status is on time.</param>
/// <param name="Decided">The occurrences due in the period that have a final status (on time, early, late or missed).</param>
/// <param name="Pending">The occurrences due in the period still pending.</param>
/// <remarks>An immutable value. The default value has a null period and is never produced by the library.</remarks>
[Immutable]
public readonly record struct PeriodShare(DateInterval Period, int OnTime, int Decided, int Pending)
{
    /// <summary>The share on time of the decided occurrences, from 0 to 1, or null when none is decided.</summary>
    public decimal? Share => Decided == 0 ? null : (decimal)OnTime / Decided;
}
