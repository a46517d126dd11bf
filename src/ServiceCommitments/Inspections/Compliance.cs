using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>The verdict on one occurrence (or one extra visit), with the visit matched to it, the window and the rule that gave the verdict.</summary>
/// <remarks>Instances are immutable.</remarks>
[Immutable]
public sealed class VisitComplianceEntry
{
    internal VisitComplianceEntry(Occurrence? occurrence, VisitVerdict verdict, LocalDate? visit, int daysOutsideWindow, OnTimeRule rule, IReadOnlyList<FollowUpDeadline> followUps)
    {
        Occurrence = occurrence;
        Verdict = verdict;
        Visit = visit;
        DaysOutsideWindow = daysOutsideWindow;
        Rule = rule;
        FollowUps = followUps;
    }

    /// <summary>The occurrence, or null for an extra visit.</summary>
    public Occurrence? Occurrence { get; }

    /// <summary>The verdict.</summary>
    public VisitVerdict Verdict { get; }

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

    /// <summary>The window the verdict was given against, or null for an extra visit.</summary>
    public DateInterval? Window => Occurrence?.Window;

    /// <summary>The follow-up duties' deadlines counted from the visit; empty without a visit or without duties.</summary>
    public IReadOnlyList<FollowUpDeadline> FollowUps { get; }

    /// <summary>Explains the verdict: the due date, the window and its rule, and where the visit fell.</summary>
    /// <returns>For example <c>due 2024-05-20, window 2024-05-13..2024-05-27 (7 days early, 7 days late): late, visit 2024-06-01 is 5 days after the window</c>.</returns>
    public override string ToString()
    {
        if (Occurrence is not { } o)
        {
            return $"visit {Inspections.Occurrence.Format(Visit!.Value)}: extra, no occurrence claims it";
        }

        string head = $"due {Inspections.Occurrence.Format(o.Due)}, window {Inspections.Occurrence.Format(o.Earliest)}..{Inspections.Occurrence.Format(o.Latest)} ({Rule})";
        string days = DaysOutsideWindow == 1 ? "1 day" : $"{DaysOutsideWindow.ToString(CultureInfo.InvariantCulture)} days";
        return Verdict switch
        {
            VisitVerdict.OnTime => $"{head}: on time, visit {Inspections.Occurrence.Format(Visit!.Value)}",
            VisitVerdict.Early => $"{head}: early, visit {Inspections.Occurrence.Format(Visit!.Value)} is {days} before the window",
            VisitVerdict.Late => $"{head}: late, visit {Inspections.Occurrence.Format(Visit!.Value)} is {days} after the window",
            VisitVerdict.Missed => $"{head}: missed, no visit; the window closed {days} before the as-of date",
            _ => $"{head}: pending, no visit yet",
        };
    }
}

/// <summary>The deadline of one follow-up duty after a visit.</summary>
/// <param name="Duty">The duty.</param>
/// <param name="Due">The deadline.</param>
/// <remarks>An immutable value. The default value has a null duty and is never produced by the library.</remarks>
[Immutable]
public readonly record struct FollowUpDeadline(FollowUpDuty Duty, Instant Due);

/// <summary>How many occurrences of one period were on time.</summary>
/// <param name="Period">The period, both ends included.</param>
/// <param name="OnTime">The occurrences due in the period whose verdict is on time.</param>
/// <param name="Decided">The occurrences due in the period that have a final verdict (on time, early, late or missed).</param>
/// <param name="Pending">The occurrences due in the period still pending.</param>
/// <remarks>An immutable value. The default value has a null period and is never produced by the library.</remarks>
[Immutable]
public readonly record struct PeriodShare(DateInterval Period, int OnTime, int Decided, int Pending)
{
    /// <summary>The share on time of the decided occurrences, from 0 to 1, or null when none is decided.</summary>
    public decimal? Share => Decided == 0 ? null : (decimal)OnTime / Decided;
}

/// <summary>
/// The compliance of actual visits with a plan as of a date: a verdict for every occurrence whose window has opened
/// (and any later one an early visit claimed), the extra visits, the next due occurrence and the share on time per
/// period.
/// </summary>
/// <remarks>
/// <para><b>Matching.</b> Occurrences take visits in order of due date. An occurrence takes the first visit not yet
/// matched inside its window (on time). A visit outside every window, or in the window of an occurrence that already
/// has its visit, belongs to whichever of the two occurrences around it has the nearer window (days from the visit to
/// the window; a tie goes to the earlier occurrence): if that occurrence has no visit yet, the visit is its early or
/// late visit; otherwise it is <see cref="VisitVerdict.Extra"/>. A visit inside a window always wins over one outside it.</para>
/// <para><b>Floating schedules.</b> With shift factors, an early or late visit re-anchors the rest of the phase (see
/// <see cref="ShiftFactors"/>) before the next occurrence is matched; which of two occurrences a visit between them is
/// nearer to is judged against the next occurrence's window as it would be if the earlier one were on time.</para>
/// <para><b>Catch-up.</b> Missed occurrences stay missed and never move the schedule, so after several missed cycles
/// the next due occurrence is the first whose window is still open on the as-of date, never one whose window has
/// closed.</para>
/// <para>Instances are immutable.</para>
/// </remarks>
[Immutable]
public sealed class VisitComplianceReport
{
    internal VisitComplianceReport(LocalDate asOf, SchedulePlan plan, IReadOnlyList<VisitComplianceEntry> entries, IReadOnlyList<VisitComplianceEntry> extras, Occurrence? nextDue)
    {
        AsOf = asOf;
        Plan = plan;
        Entries = entries;
        Extras = extras;
        NextDue = nextDue;
    }

    /// <summary>The date the report describes.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The plan.</summary>
    public SchedulePlan Plan { get; }

    /// <summary>One entry per occurrence whose window opened by <see cref="AsOf"/>, or that an early visit claimed, in order.</summary>
    public IReadOnlyList<VisitComplianceEntry> Entries { get; }

    /// <summary>The visits no occurrence claimed, in date order.</summary>
    public IReadOnlyList<VisitComplianceEntry> Extras { get; }

    /// <summary>The first occurrence without a visit whose window is still open on <see cref="AsOf"/> (it may be due already), or null when the schedule has ended.</summary>
    public Occurrence? NextDue { get; }

    /// <summary>The share of occurrences on time per period of <paramref name="per"/>, for every period that has an occurrence due in it, in order.</summary>
    /// <param name="per">The periods (contract periods count from the plan's anchor).</param>
    /// <returns>One share per period.</returns>
    public IReadOnlyList<PeriodShare> ShareOnTime(PeriodGrid per)
    {
        var result = new List<PeriodShare>();
        foreach (var entry in Entries)
        {
            var o = entry.Occurrence!.Value;
            var (start, end) = per.Locate(o.Due, Plan.AnchorDate);
            if (result.Count == 0 || result[^1].Period.Start != start)
            {
                result.Add(new PeriodShare(new DateInterval(start, end), 0, 0, 0));
            }

            var last = result[^1];
            result[^1] = entry.Verdict switch
            {
                VisitVerdict.Pending => last with { Pending = last.Pending + 1 },
                VisitVerdict.OnTime => last with { OnTime = last.OnTime + 1, Decided = last.Decided + 1 },
                _ => last with { Decided = last.Decided + 1 },
            };
        }

        return result.AsReadOnly();
    }
}

/// <summary>Where one period of a quota stands.</summary>
/// <param name="Quota">The quota.</param>
/// <param name="Period">The period, both ends included.</param>
/// <param name="Visits">The visits inside the period and the quota's range.</param>
/// <param name="Status">Met, short (the period ended before the as-of date) or open.</param>
/// <param name="IsPartial">Whether the quota's range covers only part of the period.</param>
/// <remarks>An immutable value. The default value has a null quota and is never produced by the library.</remarks>
[Immutable]
public readonly record struct QuotaResult(VisitQuota Quota, DateInterval Period, int Visits, QuotaStatus Status, bool IsPartial)
{
    /// <summary>The visits the period needs (the quota's <see cref="VisitQuota.AtLeast"/>).</summary>
    public int Required => Quota.AtLeast;
}

/// <summary>Matches visits to occurrences and checks quotas (see <see cref="VisitComplianceReport"/> for the rules).</summary>
internal static class ComplianceEngine
{
    internal static LocalDate[] SortVisits(IEnumerable<LocalDate> visits, LocalDate asOf, string paramName)
    {
        Preconditions.CheckNotNull(visits, paramName);
        var sorted = visits.ToArray();
        foreach (var visit in sorted)
        {
            SchedulePlan.CheckDate(visit, paramName);
            if (visit > asOf)
            {
                Preconditions.ThrowArgument(paramName, $"The visit on {Occurrence.Format(visit)} lies after the as-of date {Occurrence.Format(asOf)}; a report covers visits that have happened.");
            }
        }

        Array.Sort(sorted);
        return sorted;
    }

    internal static VisitComplianceReport Assess(SchedulePlan plan, LocalDate[] visits, LocalDate asOf)
    {
        var schedule = plan.Schedule;
        var rule = schedule.OnTimeRule;
        var shift = schedule.ShiftFactors;
        var claimed = new bool[visits.Length];
        var entries = new List<VisitComplianceEntry>();
        var extras = new List<VisitComplianceEntry>();
        var cursor = new ScheduleCursor(plan);
        Occurrence? previous = null;
        int previousEntry = -1;
        bool previousMatched = true;
        int next = 0; // the first visit not yet looked at

        while (true)
        {
            var probe = cursor;
            bool has = probe.MoveNext(out var current);
            if (!has || (current.Earliest > asOf && !AnyUnclaimed(claimed, next)))
            {
                break;
            }

            // The tail of the previous occurrence: visits before this one's window belong to the nearer window.
            int early = -1;
            for (; next < visits.Length && visits[next] < current.Earliest; next++)
            {
                if (claimed[next])
                {
                    continue;
                }

                var v = visits[next];
                int toPrevious = previous is { } p ? Math.Max(0, Period.DaysBetween(p.Latest, v)) : int.MaxValue;
                int toCurrent = Period.DaysBetween(v, current.Earliest);
                if (toPrevious <= toCurrent)
                {
                    if (!previousMatched && v > previous!.Value.Latest)
                    {
                        claimed[next] = true;
                        previousMatched = true;
                        entries[previousEntry] = Entry(plan, previous.Value, VisitVerdict.Late, v, Period.DaysBetween(previous.Value.Latest, v), rule);
                        if (ShiftFor(shift.Late, previous.Value, v) is { } reanchor)
                        {
                            cursor.Reanchor(reanchor);
                            probe = cursor;
                            probe.MoveNext(out current);
                        }
                    }
                    else
                    {
                        claimed[next] = true;
                        extras.Add(new VisitComplianceEntry(null, VisitVerdict.Extra, v, 0, rule, []));
                    }
                }
                else
                {
                    if (early >= 0)
                    {
                        extras.Add(new VisitComplianceEntry(null, VisitVerdict.Extra, visits[early], 0, rule, []));
                        claimed[early] = true;
                    }

                    early = next;
                }
            }

            if (current.Earliest > asOf && early < 0)
            {
                // Not yet open and no early visit: the future, not part of the report.
                break;
            }

            cursor = probe;
            int inWindow = -1;
            for (int i = next; i < visits.Length && visits[i] <= current.Latest; i++)
            {
                if (!claimed[i] && visits[i] >= current.Earliest)
                {
                    inWindow = i;
                    break;
                }
            }

            VisitComplianceEntry entry;
            if (inWindow >= 0)
            {
                claimed[inWindow] = true;
                if (early >= 0)
                {
                    claimed[early] = true;
                    extras.Add(new VisitComplianceEntry(null, VisitVerdict.Extra, visits[early], 0, rule, []));
                }

                entry = Entry(plan, current, VisitVerdict.OnTime, visits[inWindow], 0, rule);
                previousMatched = true;
            }
            else if (early >= 0)
            {
                claimed[early] = true;
                entry = Entry(plan, current, VisitVerdict.Early, visits[early], Period.DaysBetween(visits[early], current.Earliest), rule);
                previousMatched = true;
                if (ShiftFor(shift.Early, current, visits[early]) is { } reanchor)
                {
                    cursor.Reanchor(reanchor);
                }
            }
            else
            {
                bool open = current.Latest >= asOf;
                entry = Entry(plan, current, open ? VisitVerdict.Pending : VisitVerdict.Missed, null, open ? 0 : Period.DaysBetween(current.Latest, asOf), rule);
                previousMatched = false;
            }

            entries.Add(entry);
            previousEntry = entries.Count - 1;
            previous = current;
        }

        // Visits after the last occurrence: a late visit for it, if it has none, then extras.
        for (; next < visits.Length; next++)
        {
            if (claimed[next])
            {
                continue;
            }

            var v = visits[next];
            if (!previousMatched && previous is { } p && v > p.Latest)
            {
                previousMatched = true;
                entries[previousEntry] = Entry(plan, p, VisitVerdict.Late, v, Period.DaysBetween(p.Latest, v), rule);
            }
            else
            {
                extras.Add(new VisitComplianceEntry(null, VisitVerdict.Extra, v, 0, rule, []));
            }
        }

        Occurrence? nextDue = null;
        foreach (var e in entries)
        {
            if (e.Verdict == VisitVerdict.Pending)
            {
                nextDue = e.Occurrence;
                break;
            }
        }

        if (nextDue is null)
        {
            var after = cursor;
            while (after.MoveNext(out var o))
            {
                if (o.Latest >= asOf)
                {
                    nextDue = o;
                    break;
                }
            }
        }

        extras.Sort((a, b) => a.Visit!.Value.CompareTo(b.Visit!.Value));
        return new VisitComplianceReport(asOf, plan, entries.AsReadOnly(), extras.AsReadOnly(), nextDue);
    }

    private static bool AnyUnclaimed(bool[] claimed, int from)
    {
        for (int i = from; i < claimed.Length; i++)
        {
            if (!claimed[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The re-anchor a visit outside the window gives, or null when the factor is zero.</summary>
    private static LocalDate? ShiftFor(decimal factor, Occurrence occurrence, LocalDate visit)
    {
        if (factor == 0)
        {
            return null;
        }

        int deviation = Period.DaysBetween(occurrence.Nominal, visit);
        int shift = (int)decimal.Truncate(factor * deviation);
        return occurrence.Nominal.PlusDays(shift);
    }

    private static VisitComplianceEntry Entry(SchedulePlan plan, Occurrence occurrence, VisitVerdict verdict, LocalDate? visit, int outside, OnTimeRule rule)
    {
        IReadOnlyList<FollowUpDeadline> followUps = [];
        if (visit is { } v && plan.Schedule.FollowUps.Count > 0)
        {
            followUps = plan.Schedule.FollowUps.Select(d => new FollowUpDeadline(d, plan.FollowUpDueUnchecked(d, v))).ToList().AsReadOnly();
        }

        return new VisitComplianceEntry(occurrence, verdict, visit, outside, rule, followUps);
    }

    internal static IReadOnlyList<QuotaResult> Quotas(SchedulePlan plan, LocalDate[] visits, LocalDate asOf)
    {
        var results = new List<QuotaResult>();
        foreach (var quota in plan.Schedule.Quotas)
        {
            var first = SafeShift(plan.AnchorDate, quota.From).PlusDays(1);
            var last = quota.For is { } length ? SafeShift(SafeShift(plan.AnchorDate, quota.From), length) : plan.LastDate;
            if (plan.LastDate < last)
            {
                last = plan.LastDate;
            }

            if (plan.Within is { } within)
            {
                first = first < within.Start ? within.Start : first;
            }

            if (last < first)
            {
                continue;
            }

            var date = first;
            while (date <= last && date <= asOf)
            {
                var (start, end) = quota.Per.Locate(date, plan.AnchorDate);
                var from = start < first ? first : start;
                var to = end > last ? last : end;
                int count = 0;
                foreach (var v in visits)
                {
                    if (v >= from && v <= to)
                    {
                        count++;
                    }
                }

                var status = count >= quota.AtLeast ? QuotaStatus.Met : end < asOf ? QuotaStatus.Short : QuotaStatus.Open;
                results.Add(new QuotaResult(quota, new DateInterval(start, end), count, status, start < first || end > last));
                if (end.Year >= Calendars.CalendarLimits.MaxYear)
                {
                    break;
                }

                date = end.PlusDays(1);
            }
        }

        return results.AsReadOnly();
    }

    private static LocalDate SafeShift(LocalDate date, Period period) => Targets.PeriodRules.LastDay(date, period, countStartDay: false);
}
