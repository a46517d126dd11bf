using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>Where one occurrence (or one extra visit) stands, with the visit matched to it, the window and the rule that gave the status.</summary>
/// <remarks>Instances are immutable.</remarks>
[Immutable]
public sealed class VisitComplianceEntry
{
    internal VisitComplianceEntry(Occurrence? occurrence, VisitStatus status, LocalDate? visit, int daysOutsideWindow, OnTimeRule rule, IReadOnlyList<FollowUpDeadline> followUps)
    {
        Occurrence = occurrence;
        Status = status;
        Visit = visit;
        DaysOutsideWindow = daysOutsideWindow;
        Rule = rule;
        FollowUps = followUps;
    }

    /// <summary>The occurrence, or null for an extra visit.</summary>
    public Occurrence? Occurrence { get; }

    /// <summary>Where the occurrence (or extra visit) stands: pending, on time, early, late, missed or extra.</summary>
    public VisitStatus Status { get; }

    /// <summary>The visit matched to the occurrence (or the extra visit), or null when there is none.</summary>
    public LocalDate? Visit { get; }

    /// <summary>Days from the due date to the visit: negative when early, positive when late, zero without a visit.</summary>
    public int DaysFromDue => Visit is { } v && Occurrence is { } o ? Period.DaysBetween(o.Due, v) : 0;

    /// <summary>
    /// How far outside the window: for an early visit the days before the window opened, for a late one the days after
    /// it closed, for a missed occurrence the days from its close to the as-of date; zero otherwise.
    /// </summary>
    public int DaysOutsideWindow { get; }

    /// <summary>The on-time rule that made the window.</summary>
    public OnTimeRule Rule { get; }

    /// <summary>The window the status was given against, or null for an extra visit.</summary>
    public DateInterval? Window => Occurrence?.Window;

    /// <summary>The follow-up duties' deadlines counted from the visit; empty without a visit or without duties.</summary>
    public IReadOnlyList<FollowUpDeadline> FollowUps { get; }

    /// <summary>Describes the status: the due date, the window and its rule, and where the visit fell.</summary>
    /// <returns>For example <c>due 2024-05-20, window 2024-05-13..2024-05-27 (7 days early, 7 days late): late, visit 2024-06-01 is 5 days after the window</c>.</returns>
    public override string ToString()
    {
        if (Occurrence is not { } o)
        {
            return $"visit {Inspections.Occurrence.Format(Visit!.Value)}: extra, no occurrence claims it";
        }

        string head = $"due {Inspections.Occurrence.Format(o.Due)}, window {Inspections.Occurrence.Format(o.Earliest)}..{Inspections.Occurrence.Format(o.Latest)} ({Rule})";
        string days = DaysOutsideWindow == 1 ? "1 day" : $"{DaysOutsideWindow.ToString(CultureInfo.InvariantCulture)} days";
        return Status switch
        {
            VisitStatus.OnTime => $"{head}: on time, visit {Inspections.Occurrence.Format(Visit!.Value)}",
            VisitStatus.Early => $"{head}: early, visit {Inspections.Occurrence.Format(Visit!.Value)} is {days} before the window",
            VisitStatus.Late => $"{head}: late, visit {Inspections.Occurrence.Format(Visit!.Value)} is {days} after the window",
            VisitStatus.Missed => $"{head}: missed, no visit; the window closed {days} before the as-of date",
            _ => $"{head}: pending, no visit yet",
        };
    }
}
