using System.Collections.Generic;

namespace ServiceCommitments.Testing;

/// <summary>The registered conformance kinds. Adding a capability's kind is one line here.</summary>
internal static class ConformanceKinds
{
    internal static readonly IReadOnlyList<ConformanceKind> All =
    [
        CalendarConformance.Instance,
        PolicyConformance.Instance,
        ScheduleConformance.Instance,
        WarrantyConformance.Instance,
    ];
}
