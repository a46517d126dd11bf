using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>A maintenance contract covering an asset from <paramref name="From"/> to <paramref name="To"/>, both days included.</summary>
/// <param name="From">The first day covered.</param>
/// <param name="To">The last day covered.</param>
/// <remarks>An immutable value. The default value covers the one day 0001-01-01.</remarks>
[Immutable]
public readonly record struct MaintenanceContract(LocalDate From, LocalDate To);
