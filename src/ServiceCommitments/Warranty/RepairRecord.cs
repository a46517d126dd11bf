using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>One repair of an asset.</summary>
/// <param name="Date">When the repair began (the product was brought in).</param>
/// <param name="Problem">The problem's code, for example <c>E-42</c>.</param>
/// <param name="Outcome">What the repair achieved.</param>
/// <param name="Returned">When the product was back in use, or null; its days in repair are this minus <paramref name="Date"/>.</param>
/// <param name="Safety">Whether the problem was a serious safety fault (严重安全性能故障).</param>
/// <remarks>An immutable value. The default value has a null problem and is rejected by <see cref="Asset"/>.</remarks>
[Immutable]
public readonly record struct RepairRecord(LocalDate Date, string Problem, RepairOutcome Outcome = RepairOutcome.Fixed, LocalDate? Returned = null, bool Safety = false);
