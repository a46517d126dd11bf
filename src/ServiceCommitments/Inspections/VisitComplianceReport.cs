using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>
/// The compliance of actual visits with a plan as of a date: a status for every occurrence whose window has opened
/// (and any later one an early visit claimed), the extra visits, the next due occurrence and the share on time per
/// period.
/// </summary>
/// <remarks>
/// <para><b>Matching.</b> Occurrences take visits in order of due date. An occurrence takes the first visit not yet
/// matched inside its window (on time). A visit outside every window, or in the window of an occurrence that already
/// has its visit, belongs to whichever of the two occurrences around it has the nearer window (days from the visit to
/// the window; a tie goes to the earlier occurrence): if that occurrence has no visit yet, the visit is its early or
/// late visit; otherwise it is <see cref="VisitStatus.Extra"/>. A visit inside a window always wins over one outside it.</para>
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
            result[^1] = entry.Status switch
            {
                VisitStatus.Pending => last with { Pending = last.Pending + 1 },
                VisitStatus.OnTime => last with { OnTime = last.OnTime + 1, Decided = last.Decided + 1 },
                _ => last with { Decided = last.Decided + 1 },
            };
        }

        return result.AsReadOnly();
    }
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

    internal static VisitComplianceReport Evaluate(SchedulePlan plan, LocalDate[] visits, LocalDate asOf)
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
                        entries[previousEntry] = Entry(plan, previous.Value, VisitStatus.Late, v, Period.DaysBetween(previous.Value.Latest, v), rule);
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
                        extras.Add(new VisitComplianceEntry(null, VisitStatus.Extra, v, 0, rule, []));
                    }
                }
                else
                {
                    if (early >= 0)
                    {
                        extras.Add(new VisitComplianceEntry(null, VisitStatus.Extra, visits[early], 0, rule, []));
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
                    extras.Add(new VisitComplianceEntry(null, VisitStatus.Extra, visits[early], 0, rule, []));
                }

                entry = Entry(plan, current, VisitStatus.OnTime, visits[inWindow], 0, rule);
                previousMatched = true;
            }
            else if (early >= 0)
            {
                claimed[early] = true;
                entry = Entry(plan, current, VisitStatus.Early, visits[early], Period.DaysBetween(visits[early], current.Earliest), rule);
                previousMatched = true;
                if (ShiftFor(shift.Early, current, visits[early]) is { } reanchor)
                {
                    cursor.Reanchor(reanchor);
                }
            }
            else
            {
                bool open = current.Latest >= asOf;
                entry = Entry(plan, current, open ? VisitStatus.Pending : VisitStatus.Missed, null, open ? 0 : Period.DaysBetween(current.Latest, asOf), rule);
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
                entries[previousEntry] = Entry(plan, p, VisitStatus.Late, v, Period.DaysBetween(p.Latest, v), rule);
            }
            else
            {
                extras.Add(new VisitComplianceEntry(null, VisitStatus.Extra, v, 0, rule, []));
            }
        }

        Occurrence? nextDue = null;
        foreach (var e in entries)
        {
            if (e.Status == VisitStatus.Pending)
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

    private static VisitComplianceEntry Entry(SchedulePlan plan, Occurrence occurrence, VisitStatus status, LocalDate? visit, int outside, OnTimeRule rule)
    {
        IReadOnlyList<FollowUpDeadline> followUps = [];
        if (visit is { } v && plan.Schedule.FollowUps.Count > 0)
        {
            followUps = plan.Schedule.FollowUps.Select(d => plan.FollowUpUnchecked(d, v)).ToList().AsReadOnly();
        }

        return new VisitComplianceEntry(occurrence, status, visit, outside, rule, followUps);
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
