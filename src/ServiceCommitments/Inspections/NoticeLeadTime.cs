using System;
using System.Globalization;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>
/// How far ahead of each occurrence the customer must be told ("notify the customer before an inspection", "announce at least
/// 3 days before"): the last day on which the notice may be given.
/// </summary>
/// <remarks>The default value is no lead time (notice on the due date itself). Instances are immutable values.</remarks>
[Immutable]
public readonly record struct NoticeLeadTime
{
    private NoticeLeadTime(int days, bool working)
    {
        Days = days;
        IsWorkingDays = working;
    }

    /// <summary>The days of notice.</summary>
    public int Days { get; }

    /// <summary>Whether <see cref="Days"/> counts working days of the schedule's alignment calendar rather than calendar days.</summary>
    public bool IsWorkingDays { get; }

    /// <summary>Notice <paramref name="days"/> calendar days before: the last day to give it is the due date minus <paramref name="days"/>.</summary>
    /// <param name="days">The days, 0 to 3,650.</param>
    /// <returns>The lead time.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 0-3,650.</exception>
    public static NoticeLeadTime CalendarDays(int days) => new(Check(days, nameof(days)), false);

    /// <summary>Notice <paramref name="days"/> working days before: the last day to give it is the <paramref name="days"/>th working day before the due date.</summary>
    /// <param name="days">The working days, 0 to 3,650.</param>
    /// <returns>The lead time.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 0-3,650.</exception>
    public static NoticeLeadTime WorkingDays(int days) => new(Check(days, nameof(days)), true);

    /// <summary>Describes the lead time: <c>3 working days before</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Days.ToString(CultureInfo.InvariantCulture)} {(IsWorkingDays ? "working " : "")}day{(Days == 1 ? "" : "s")} before";

    /// <summary><paramref name="days"/> days of notice, or null with the problem reported at <paramref name="field"/>.</summary>
    internal static NoticeLeadTime? TryCreate(int days, bool workingDays, FieldRef field, ProblemSink sink)
    {
        if (days < 0 || days > 3_650)
        {
            sink.Add(field, days.ToString(CultureInfo.InvariantCulture), "expected 0 to 3,650 days of notice");
            return null;
        }

        return new NoticeLeadTime(days, workingDays);
    }

    private static int Check(int days, string paramName)
    {
        if (days < 0 || days > 3_650)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, days, "0 to 3,650 days");
        }

        return days;
    }
}
