using System;
using NodaTime;
using ServiceCommitments.Calendars;

namespace ServiceCommitments.Inspections;

/// <summary>
/// Walks the occurrences of an anchored schedule in order, allocation-free: the engine behind the lazy sequence, the
/// span fill, the next due date and compliance. A floating schedule re-anchors the cursor on a visit.
/// </summary>
internal struct ScheduleCursor
{
    private readonly SchedulePlan plan;
    private int phase;
    private LocalDate phaseBase;  // the date steps are counted from: the phase's anchor, or a re-anchor
    private int step;             // the next occurrence is phaseBase + step × the phase's step
    private int number;           // the number of the last occurrence produced or skipped
    private LocalDate previousRaw; // the raw date of the occurrence before the next, for its cycle
    private bool done;
    private LocalDate stopAfter;          // the last due date wanted; MaxIsoValue when there is none
    private LocalDate firstWorkingAfterStop; // default until needed
    private LocalDate skipBefore;         // occurrences due before it are passed over; MinIsoValue for none
    private bool dueOnly;

    internal ScheduleCursor(SchedulePlan plan)
    {
        this.plan = plan;
        phase = 0;
        phaseBase = plan.PhaseAnchor(0);
        previousRaw = phaseBase;
        step = plan.Schedule.IncludesAnchor ? 0 : 1;
        number = step - 1;
        done = false;
        stopAfter = LocalDate.MaxIsoValue;
        firstWorkingAfterStop = default;
        skipBefore = LocalDate.MinIsoValue;
    }

    /// <summary>
    /// Ends the walk at the first occurrence whose due date cannot be on or before <paramref name="last"/>, without
    /// aligning it, so that a range reads holiday data only as far as its answer needs.
    /// </summary>
    internal void StopAfter(LocalDate last) => stopAfter = last;

    /// <summary>Makes the cursor give due dates only: windows and notice days are left at the due date (for probing).</summary>
    internal void DueOnly() => dueOnly = true;

    /// <summary>Passes over, without computing their windows, the occurrences due before <paramref name="first"/>.</summary>
    internal void SkipBefore(LocalDate first) => skipBefore = first;

    internal readonly int Number => number;

    /// <summary>Positions the cursor on the first occurrence of phase <paramref name="phaseIndex"/> at step <paramref name="n"/> (n ≥ 1) of a fixed schedule.</summary>
    internal void Seek(int phaseIndex, int n)
    {
        phase = phaseIndex;
        phaseBase = plan.PhaseAnchor(phaseIndex);
        step = n;
        number = plan.FirstNumber(phaseIndex) + n - 1;
        previousRaw = n <= 1 ? phaseBase : Raw(phaseBase, n - 1, out _);
        done = false;
    }

    /// <summary>Re-anchors the current phase on <paramref name="newBase"/>: the next occurrence is newBase + one step.</summary>
    internal void Reanchor(LocalDate newBase)
    {
        if (plan.Schedule.Phases.Count == 0 || plan.Schedule.Phases[phase].Step.IsCalendarPeriod)
        {
            return;
        }

        phaseBase = newBase;
        previousRaw = newBase;
        step = 1;
    }

    /// <summary>The next occurrence in the schedule's bounds, skipped ones passed over; false at the end.</summary>
    internal bool MoveNext(out Occurrence occurrence)
    {
        var schedule = plan.Schedule;
        while (!done)
        {
            if (!TryRaw(out var raw, out bool clamped, out int intervalDays, out var cycleStart))
            {
                done = true;
                break;
            }

            number++;
            int thisPhase = phase;
            step++;
            if (number > plan.MaxNumber)
            {
                done = true;
                break;
            }

            var nominal = raw;
            if (clamped)
            {
                if (schedule.MonthEnd == MonthEndRule.Skip)
                {
                    continue;
                }

                if (schedule.MonthEnd == MonthEndRule.Forward)
                {
                    nominal = raw.PlusDays(1);
                }
            }

            if (nominal > plan.LastDate)
            {
                done = true;
                break;
            }

            if (nominal > stopAfter && CannotBeDueByStop(nominal))
            {
                done = true;
                break;
            }

            if (nominal < plan.FirstDate || !plan.Align(nominal, out var due) || due < skipBefore)
            {
                continue;
            }

            occurrence = dueOnly
                ? new Occurrence(number, thisPhase, cycleStart, nominal, due, due, due, due)
                : plan.Complete(number, thisPhase, cycleStart, nominal, due, intervalDays);
            return true;
        }

        occurrence = default;
        return false;
    }

    /// <summary>
    /// Whether an occurrence whose nominal date is after the stop cannot be due on or before it: moves that never go
    /// back keep it after the stop, and moves that go back stop at the first working day after the stop when that day
    /// is on or before the nominal date.
    /// </summary>
    private bool CannotBeDueByStop(LocalDate nominal)
    {
        var alignment = plan.Schedule.Alignment;
        if (alignment.Move is AlignMove.None or AlignMove.NextWorkingDay or AlignMove.Skip)
        {
            return true;
        }

        if (firstWorkingAfterStop == default)
        {
            firstWorkingAfterStop = alignment.Calendar!.AddWorkingDays(stopAfter, 1);
        }

        return firstWorkingAfterStop <= nominal;
    }

    /// <summary>The raw date of the next step (clamped at month ends), moving to the next phase when this one is over.</summary>
    private bool TryRaw(out LocalDate raw, out bool clamped, out int intervalDays, out LocalDate cycleStart)
    {
        var phases = plan.Schedule.Phases;
        raw = default;
        clamped = false;
        intervalDays = 0;
        cycleStart = default;
        if (phases.Count == 0 && plan.Schedule.Once is null)
        {
            // A schedule of quotas only has no nominal dates.
            return false;
        }

        if (phases.Count == 0)
        {
            // A one-off duty: the anchor (number 0, when included) and then anchor + the offset.
            if (step == 0)
            {
                raw = cycleStart = phaseBase;
                intervalDays = 0;
                return true;
            }

            if (step > 1)
            {
                return false;
            }

            var once = plan.Schedule.Once!;
            if (phaseBase.Year + (((12L * once.Years) + once.Months) / 12) + (((7L * once.Weeks) + once.Days) / 365) + 1 > CalendarLimits.MaxYear)
            {
                // Due after year 9998 (an offset of up to 10,000 years): no occurrence, as for any step beyond it.
                return false;
            }

            raw = phaseBase.Plus(once);
            cycleStart = phaseBase.PlusDays(1);
            intervalDays = Period.DaysBetween(phaseBase, raw);
            return true;
        }

        while (true)
        {
            if (step == 0)
            {
                raw = cycleStart = phaseBase;
                var first = Raw(phaseBase, 1, out _);
                intervalDays = Period.DaysBetween(phaseBase, first);
                return true;
            }

            if (!TryRawAt(phaseBase, step, out raw, out clamped))
            {
                return false;
            }

            if (raw <= plan.PhaseEnd(phase))
            {
                var s = phases[phase].Step;
                if (s.IsCalendarPeriod)
                {
                    cycleStart = raw.PlusDays(1).PlusMonths(-s.CalendarPeriodMonths);
                    intervalDays = plan.NeedsInterval ? Period.DaysBetween(cycleStart, raw) + 1 : 0;
                }
                else
                {
                    cycleStart = previousRaw.PlusDays(1);
                    intervalDays = plan.NeedsInterval ? Period.DaysBetween(previousRaw, raw) : 0;
                }

                previousRaw = raw;
                return true;
            }

            if (phase + 1 >= phases.Count)
            {
                return false;
            }

            phase++;
            phaseBase = previousRaw = plan.PhaseAnchor(phase);
            step = 1;
        }
    }

    private readonly bool TryRawAt(LocalDate from, int n, out LocalDate raw, out bool clamped) =>
        SchedulePlan.RawAt(plan.Schedule.Phases[phase].Step, from, n, out raw, out clamped);

    private readonly LocalDate Raw(LocalDate from, int n, out bool clamped) =>
        TryRawAt(from, n, out var raw, out clamped) ? raw : from;
}
