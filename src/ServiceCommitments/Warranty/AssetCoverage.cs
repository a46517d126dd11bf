using System;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>
/// An asset's coverage on a date: the status, the term it concerns, and that term's window (first and last covered
/// day, both included). The compact, allocation-free result of
/// <see cref="WarrantyPolicy.GetCoverage(ReadOnlySpan{Asset}, LocalDate, Span{AssetCoverage})"/>.
/// </summary>
/// <remarks>
/// <see cref="From"/> and <see cref="Until"/> are null when there is no window (no term, or a term without a start
/// date); <see cref="Until"/> is also null for a lifetime window (<see cref="IsLifetime"/>). A window never ends
/// before it starts. The default value is <see cref="CoverageStatus.NoTerm"/> with no term. An immutable value.
/// </remarks>
[Immutable]
public readonly struct AssetCoverage : IEquatable<AssetCoverage>
{
    // Day numbers fit an int for every date a window may have (it is checked before a result is made), so a result
    // is 24 bytes: a million of them are written in a bulk query.
    private const int LifetimeDay = int.MaxValue;

    private readonly WarrantyTerm? term;
    private readonly int first;
    private readonly int last;
    private readonly CoverageStatus status;
    private readonly bool hasWindow;

    internal AssetCoverage(WarrantyTerm? term, in TermWindow window)
    {
        this.term = term;
        status = window.Status;
        hasWindow = window.HasWindow;
        first = (int)window.First;
        last = window.Last == DayNumbers.Lifetime ? LifetimeDay : (int)window.Last;
    }

    /// <summary>Where the term stands on the date.</summary>
    public CoverageStatus Status => status;

    /// <summary>The term, or null for <see cref="CoverageStatus.NoTerm"/>.</summary>
    public WarrantyTerm? Term => term;

    /// <summary>Whether the asset is covered on the date.</summary>
    public bool IsInForce => Status == CoverageStatus.InForce;

    /// <summary>The window's first covered day, or null.</summary>
    public LocalDate? From => hasWindow ? DayNumbers.ToDate(first) : null;

    /// <summary>The window's last covered day, or null for no window or a lifetime window.</summary>
    public LocalDate? Until => hasWindow && last != LifetimeDay ? DayNumbers.ToDate(last) : null;

    /// <summary>Whether the window has no end.</summary>
    public bool IsLifetime => hasWindow && last == LifetimeDay;

    /// <summary>Describes the coverage: <c>inForce under terminal, 2024-05-21 to 2025-05-20</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        Term is null ? Names.Status(Status) : $"{Names.Status(Status)} under {Term.Id}{(hasWindow ? ", " + Window() : "")}";

    private string Window() =>
        $"{AssetInput.IsoDate(DayNumbers.ToDate(first))} to {(last == LifetimeDay ? "lifetime" : AssetInput.IsoDate(DayNumbers.ToDate(last)))}";

    /// <inheritdoc/>
    public bool Equals(AssetCoverage other) =>
        status == other.status && ReferenceEquals(term, other.term) && hasWindow == other.hasWindow &&
        (!hasWindow || (first == other.first && last == other.last));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AssetCoverage other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Status, Term?.Id, hasWindow ? first : 0, hasWindow ? last : 0);

    /// <summary>Whether two coverages are the same.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(AssetCoverage left, AssetCoverage right) => left.Equals(right);

    /// <summary>Whether two coverages differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(AssetCoverage left, AssetCoverage right) => !left.Equals(right);
}

/// <summary>The names documents use for the warranty's enumerations.</summary>
internal static class Names
{
    internal static string Status(CoverageStatus status) => status switch
    {
        CoverageStatus.NoTerm => "noTerm",
        CoverageStatus.NotStarted => "notStarted",
        CoverageStatus.InForce => "inForce",
        CoverageStatus.UsageLimitReached => "usageLimitReached",
        CoverageStatus.Transferred => "transferred",
        CoverageStatus.Ended => "ended",
        _ => status.ToString(),
    };

    internal static string Status(ClaimStatus status) => status switch
    {
        ClaimStatus.Covered => "covered",
        ClaimStatus.Excluded => "excluded",
        ClaimStatus.Expired => "expired",
        ClaimStatus.OutOfScope => "outOfScope",
        _ => status.ToString(),
    };

    internal static string Condition(WarrantyCondition condition) => CamelCase(condition.ToString());

    internal static string Reason(DecisionReasonCode code) => CamelCase(code.ToString());

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
