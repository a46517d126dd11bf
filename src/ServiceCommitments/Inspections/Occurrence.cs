using System;
using System.Globalization;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>
/// One occurrence of a schedule: its number, its phase, the nominal date the step gives, the due date after alignment,
/// its window (both ends included) and the last day to give notice.
/// </summary>
/// <remarks>An immutable value, allocation-free. The default value is occurrence 0 of phase 0 on 1 January 1 and is never produced by the library.</remarks>
[Immutable]
public readonly struct Occurrence : IEquatable<Occurrence>
{
    internal Occurrence(int number, int phase, LocalDate cycleStart, LocalDate nominal, LocalDate due, LocalDate earliest, LocalDate latest, LocalDate noticeBy)
    {
        Number = number;
        Phase = phase;
        CycleStart = cycleStart;
        Nominal = nominal;
        Due = due;
        Earliest = earliest;
        Latest = latest;
        NoticeBy = noticeBy;
    }

    /// <summary>The occurrence's number in the schedule, from 1 (0 for the anchor itself when the schedule includes it); numbers of skipped occurrences are used up, so numbers may have gaps.</summary>
    public int Number { get; }

    /// <summary>The index of the phase the occurrence belongs to, from 0.</summary>
    public int Phase { get; }

    /// <summary>The first day of the cycle the occurrence stands for: the day after the previous nominal date (the phase's anchor for the first), or the first day of a calendar step's period.</summary>
    public LocalDate CycleStart { get; }

    /// <summary>The date the step gives (after the month-end rule), before alignment.</summary>
    public LocalDate Nominal { get; }

    /// <summary>The due date: the nominal date moved to a working day when the schedule aligns.</summary>
    public LocalDate Due { get; }

    /// <summary>The first day of the on-time window.</summary>
    public LocalDate Earliest { get; }

    /// <summary>The last day of the on-time window.</summary>
    public LocalDate Latest { get; }

    /// <summary>The on-time window, both ends included.</summary>
    public DateInterval Window => new(Earliest, Latest);

    /// <summary>The last day on which the customer must be told of the visit (the due date when the schedule has no lead time).</summary>
    public LocalDate NoticeBy { get; }

    /// <summary>Whether alignment moved the due date off the nominal date.</summary>
    public bool IsMoved => Due != Nominal;

    /// <inheritdoc/>
    public bool Equals(Occurrence other) =>
        Number == other.Number && Phase == other.Phase && CycleStart == other.CycleStart && Nominal == other.Nominal &&
        Due == other.Due && Earliest == other.Earliest && Latest == other.Latest && NoticeBy == other.NoticeBy;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Occurrence other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Number, Phase, Nominal, Due, Earliest, Latest, NoticeBy);

    /// <summary>Whether two occurrences are the same.</summary>
    /// <param name="left">The first occurrence.</param>
    /// <param name="right">The second occurrence.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Occurrence left, Occurrence right) => left.Equals(right);

    /// <summary>Whether two occurrences differ.</summary>
    /// <param name="left">The first occurrence.</param>
    /// <param name="right">The second occurrence.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(Occurrence left, Occurrence right) => !left.Equals(right);

    /// <summary>Describes the occurrence: <c>#1 due 2024-04-22 (nominal 2024-04-20), window 2024-04-15..2024-04-29</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        string text = $"#{Number.ToString(CultureInfo.InvariantCulture)} due {Format(Due)}";
        if (IsMoved)
        {
            text += $" (nominal {Format(Nominal)})";
        }

        return Earliest == Latest ? text : $"{text}, window {Format(Earliest)}..{Format(Latest)}";
    }

    internal static string Format(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
