using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Inspections;

/// <summary>
/// An <see cref="InspectionSchedule"/> anchored on one contract's event date: its occurrences (a lazy sequence, a span
/// fill, the next due date), the compliance of actual visits, the visit quotas and the follow-up deadlines.
/// </summary>
/// <remarks>
/// <para>Due dates never decrease from one occurrence to the next. They strictly increase whenever the step is longer
/// than twice the longest run of non-working days of the alignment calendar (every schedule of two weeks or more on
/// mainland China's calendar); when alignment moves two occurrences of a shorter step onto one working day, both are
/// kept, each its own duty.</para>
/// <para>Alignment, working-day allowances and notices read the alignment calendar, so they throw
/// <see cref="HolidayDataUnavailableException"/> for a year whose holiday data the calendar lacks, unless the calendar
/// treats unknown years as ordinary. A range reads only the dates its answer needs: it stops at the first occurrence
/// whose due date cannot fall in it (one after the range whose move never goes back, or with a working day between
/// the range's end and its nominal date), and the lazy sequence throws when it reaches an unknown year, not
/// before.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
[Immutable]
public sealed class SchedulePlan
{
    internal const long MaxMonths = 12L * CalendarLimits.MaxYear;

    private static readonly LocalDate MinDate = new(CalendarLimits.MinYear, 1, 1);
    private static readonly LocalDate MaxDate = new(CalendarLimits.MaxYear, 12, 31);

    private readonly LocalDate[] phaseAnchors;
    private readonly LocalDate[] phaseEnds;
    private readonly int[] firstNumbers;

    internal SchedulePlan(InspectionSchedule schedule, LocalDate anchor, DateInterval? within)
    {
        Schedule = schedule;
        AnchorDate = anchor;
        Within = within;
        int count = Math.Max(1, schedule.Phases.Count);
        phaseAnchors = new LocalDate[count];
        phaseEnds = new LocalDate[count];
        firstNumbers = new int[count];
        phaseAnchors[0] = anchor;
        for (int i = 0; i < count; i++)
        {
            var length = schedule.Phases.Count > 0 ? schedule.Phases[i].Length : null;
            phaseEnds[i] = length is null ? MaxDate : SafePlus(phaseAnchors[i], length);
            if (i + 1 < count)
            {
                phaseAnchors[i + 1] = phaseEnds[i];
                firstNumbers[i + 1] = firstNumbers[i] + CountInPhase(i);
            }
        }

        var last = MaxDate;
        if (schedule.Until is { } until)
        {
            last = Min(last, SafePlus(anchor, until));
        }

        if (schedule.UntilDate is { } untilDate)
        {
            last = Min(last, untilDate);
        }

        if (within is not null)
        {
            last = Min(last, within.End);
        }

        LastDate = last;
        FirstDate = within?.Start ?? MinDate;
        NeedsInterval = schedule.OnTimeRule.Early.Kind == AllowanceKind.ShareOfInterval || schedule.OnTimeRule.Late.Kind == AllowanceKind.ShareOfInterval;
        MaxNumber = schedule.Count ?? int.MaxValue;
    }

    /// <summary>The schedule.</summary>
    public InspectionSchedule Schedule { get; }

    /// <summary>The date of the anchor event.</summary>
    public LocalDate AnchorDate { get; }

    /// <summary>The window given to <see cref="InspectionSchedule.Anchor(LocalDate, DateInterval)"/>, or null.</summary>
    public DateInterval? Within { get; }

    /// <summary>The last day an occurrence's nominal date may fall on, or null when the schedule runs on without end.</summary>
    public LocalDate? LastDay => LastDate == MaxDate ? null : LastDate;

    internal LocalDate FirstDate { get; }

    internal LocalDate LastDate { get; }

    internal int MaxNumber { get; }

    /// <summary>Whether a window depends on the interval (a share of it), so that the cursor measures it.</summary>
    internal bool NeedsInterval { get; }

    internal LocalDate PhaseAnchor(int phase) => phaseAnchors[phase];

    internal LocalDate PhaseEnd(int phase) => phaseEnds[phase];

    internal int FirstNumber(int phase) => firstNumbers[phase];

    /// <summary>Every occurrence of the plan, in order, computed as the sequence is read (an unbounded schedule never ends).</summary>
    /// <returns>The occurrences.</returns>
    public IEnumerable<Occurrence> Occurrences()
    {
        var cursor = new ScheduleCursor(this);
        while (cursor.MoveNext(out var occurrence))
        {
            yield return occurrence;
        }
    }

    /// <summary>The occurrences whose due date lies from <paramref name="from"/> to <paramref name="to"/>, both included, in order, computed as the sequence is read.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>The occurrences.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>, or a date is not an ISO date in years 1-9998.</exception>
    public IEnumerable<Occurrence> Occurrences(LocalDate from, LocalDate to)
    {
        CheckRange(from, to);
        return Iterate(from, to);
    }

    private IEnumerable<Occurrence> Iterate(LocalDate from, LocalDate to)
    {
        var cursor = StartAt(from);
        cursor.StopAfter(to);
        cursor.SkipBefore(from);
        while (cursor.MoveNext(out var occurrence) && occurrence.Due <= to)
        {
            if (occurrence.Due >= from)
            {
                yield return occurrence;
            }
        }
    }

    /// <summary>Writes the occurrences whose due date lies from <paramref name="from"/> to <paramref name="to"/> into <paramref name="destination"/>, in order, without allocating.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="destination">Receives the occurrences; when it fills up, the rest are not written (continue from the day after the last due date written).</param>
    /// <returns>The number written.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>, or a date is not an ISO date in years 1-9998.</exception>
    public int Fill(LocalDate from, LocalDate to, Span<Occurrence> destination)
    {
        CheckRange(from, to);
        var cursor = StartAt(from);
        cursor.StopAfter(to);
        cursor.SkipBefore(from);
        int written = 0;
        while (written < destination.Length && cursor.MoveNext(out var occurrence) && occurrence.Due <= to)
        {
            if (occurrence.Due >= from)
            {
                destination[written++] = occurrence;
            }
        }

        return written;
    }

    /// <summary>The first occurrence due on or after <paramref name="date"/>, or null when the schedule has ended.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The occurrence, or null.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not an ISO date in years 1-9998.</exception>
    public Occurrence? NextDue(LocalDate date)
    {
        CheckDate(date, nameof(date));
        var cursor = StartAt(date);
        while (cursor.MoveNext(out var occurrence))
        {
            if (occurrence.Due >= date)
            {
                return occurrence;
            }
        }

        return null;
    }

    /// <summary>The first occurrence due on or after the local date of <paramref name="instant"/> in <paramref name="zone"/> (an occurrence due today is still due), or null.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The zone whose local date counts, usually the alignment calendar's.</param>
    /// <returns>The occurrence, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException">The instant's local date lies outside years 1-9998.</exception>
    public Occurrence? NextDue(Instant instant, DateTimeZone zone)
    {
        Preconditions.CheckNotNull(zone, nameof(zone));
        return NextDue(instant.InZone(zone).Date);
    }

    /// <summary>The compliance of <paramref name="visits"/> with the plan as of <paramref name="asOf"/>: a status per occurrence, the extra visits, the next due occurrence.</summary>
    /// <param name="visits">The dates of the visits made, in any order; none after <paramref name="asOf"/>.</param>
    /// <param name="asOf">The date the report describes.</param>
    /// <returns>The report (see <see cref="VisitComplianceReport"/> for how visits are matched).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="visits"/> is null.</exception>
    /// <exception cref="ArgumentException">A visit lies after <paramref name="asOf"/>, or a date is not an ISO date in years 1-9998.</exception>
    /// <exception cref="HolidayDataUnavailableException">The schedule aligns on a calendar that lacks holiday data for a year the report reaches.</exception>
    public VisitComplianceReport Evaluate(IEnumerable<LocalDate> visits, LocalDate asOf)
    {
        CheckDate(asOf, nameof(asOf));
        return ComplianceEngine.Evaluate(this, ComplianceEngine.SortVisits(visits, asOf, nameof(visits)), asOf);
    }

    /// <summary>Where each period of each of the schedule's quotas stands as of <paramref name="asOf"/>: every period from the quota's start up to the one that holds <paramref name="asOf"/> (or the quota's end).</summary>
    /// <param name="visits">The dates of the visits made, in any order; none after <paramref name="asOf"/>.</param>
    /// <param name="asOf">The date the check describes.</param>
    /// <returns>One result per quota and period, quota by quota, in order of period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="visits"/> is null.</exception>
    /// <exception cref="ArgumentException">A visit lies after <paramref name="asOf"/>, or a date is not an ISO date in years 1-9998.</exception>
    public IReadOnlyList<QuotaResult> EvaluateQuotas(IEnumerable<LocalDate> visits, LocalDate asOf)
    {
        CheckDate(asOf, nameof(asOf));
        return ComplianceEngine.Quotas(this, ComplianceEngine.SortVisits(visits, asOf, nameof(visits)), asOf);
    }

    /// <summary>The deadline of <paramref name="duty"/> after a visit on <paramref name="visit"/>.</summary>
    /// <param name="duty">One of the schedule's follow-up duties.</param>
    /// <param name="visit">The visit's date (not counted).</param>
    /// <returns>The deadline: the close of business of the Nth working day after the visit, or 24:00 of the last day.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="duty"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="duty"/> is not one of the schedule's, or <paramref name="visit"/> is not an ISO date in years 1-9998.</exception>
    /// <exception cref="HolidayDataUnavailableException">The deadline needs a year the calendar's holiday data does not know.</exception>
    public Instant GetFollowUpDue(FollowUpDuty duty, LocalDate visit)
    {
        Preconditions.CheckNotNull(duty, nameof(duty));
        if (!System.Linq.Enumerable.Contains(Schedule.FollowUps, duty))
        {
            Preconditions.ThrowArgument(nameof(duty), $"The duty \"{duty.Name}\" is not one of this schedule's follow-up duties.");
        }

        CheckDate(visit, nameof(visit));
        return FollowUpUnchecked(duty, visit).Due;
    }

    /// <summary>The deadline of <paramref name="duty"/> after a visit on <paramref name="visit"/>, with what it takes to explain it; the arguments already checked.</summary>
    internal FollowUpDeadline FollowUpUnchecked(FollowUpDuty duty, LocalDate visit)
    {
        var calendar = duty.Calendar ?? Schedule.Alignment.Calendar!;
        var start = PeriodRules.StartOfDay(calendar.Zone, visit);
        return new FollowUpDeadline(duty, visit, start, duty.Within.GetDue(start, calendar), calendar);
    }

    /// <summary>A cursor positioned so that every occurrence before it is due before <paramref name="from"/>.</summary>
    private ScheduleCursor StartAt(LocalDate from)
    {
        int estimate = EstimateNumber(from);
        int lowest = Schedule.IncludesAnchor ? 0 : 1;
        for (long back = 2; ; back *= 2)
        {
            int number = (int)Math.Max(lowest, estimate - back);
            var cursor = SeekNumber(number);
            if (number == lowest)
            {
                return cursor;
            }

            var probe = cursor;
            probe.DueOnly();
            if (!probe.MoveNext(out var first) || first.Due < from)
            {
                return cursor;
            }
        }
    }

    /// <summary>A cursor whose next occurrence is the first at or after number <paramref name="number"/>.</summary>
    private ScheduleCursor SeekNumber(int number)
    {
        var cursor = new ScheduleCursor(this);
        if (number <= 1 || Schedule.Phases.Count == 0)
        {
            return cursor;
        }

        int phase = 0;
        while (phase + 1 < firstNumbers.Length && firstNumbers[phase + 1] < number)
        {
            phase++;
        }

        cursor.Seek(phase, number - firstNumbers[phase]);
        return cursor;
    }

    /// <summary>About the number of the first occurrence whose raw date is on or after <paramref name="date"/>.</summary>
    private int EstimateNumber(LocalDate date)
    {
        if (Schedule.Phases.Count == 0 || date <= AnchorDate)
        {
            return 0;
        }

        int phase = 0;
        while (phase + 1 < phaseEnds.Length && phaseEnds[phase] < date)
        {
            phase++;
        }

        var step = Schedule.Phases[phase].Step;
        double days = Period.DaysBetween(phaseAnchors[phase], date);
        double stepDays = step.IsCalendarPeriod ? step.CalendarPeriodMonths * 30.436875 : step.MonthCount > 0 ? step.MonthCount * 30.436875 : step.DayCount;
        long n = (long)Math.Floor(days / stepDays);
        return (int)Math.Min(int.MaxValue - 1, firstNumbers[phase] + Math.Max(1, n));
    }

    private int CountInPhase(int phase)
    {
        var step = Schedule.Phases[phase].Step;
        var anchor = phaseAnchors[phase];
        var end = phaseEnds[phase];
        double stepDays = step.IsCalendarPeriod ? step.CalendarPeriodMonths * 30.436875 : step.MonthCount > 0 ? step.MonthCount * 30.436875 : step.DayCount;
        int k = (int)Math.Max(0, Math.Floor(Period.DaysBetween(anchor, end) / stepDays));
        while (k > 0 && (!RawAt(step, anchor, k, out var raw, out _) || raw > end))
        {
            k--;
        }

        while (RawAt(step, anchor, k + 1, out var next, out _) && next <= end)
        {
            k++;
        }

        return k;
    }

    /// <summary>The raw date of step <paramref name="n"/> from <paramref name="from"/>; false beyond year 9998.</summary>
    internal static bool RawAt(ScheduleStep s, LocalDate from, int n, out LocalDate raw, out bool clamped)
    {
        clamped = false;
        raw = default;
        if (s.IsCalendarPeriod)
        {
            long months = (long)n * s.CalendarPeriodMonths;
            var start = CalendarPeriodStart(from.PlusDays(1), s.CalendarPeriodMonths);
            if (months > MaxMonths || start.Year + (months / 12) + 1 > CalendarLimits.MaxYear)
            {
                return false;
            }

            raw = start.PlusMonths((int)months).PlusDays(-1);
            return true;
        }

        if (s.MonthCount > 0)
        {
            long months = (long)n * s.MonthCount;
            if (months > MaxMonths || from.Year + (months / 12) + 1 > CalendarLimits.MaxYear)
            {
                return false;
            }

            raw = from.PlusMonths((int)months);
            clamped = raw.Day < from.Day;
            return true;
        }

        long days = (long)n * s.DayCount;
        if (days > 3_660_000 || from.Year + (days / 365) + 1 > CalendarLimits.MaxYear)
        {
            return false;
        }

        raw = from.PlusDays((int)days);
        return true;
    }

    internal static LocalDate CalendarPeriodStart(LocalDate date, int months) =>
        new(date.Year, (((date.Month - 1) / months) * months) + 1, 1);

    /// <summary>Moves a nominal date by the alignment rule; false when the occurrence is skipped.</summary>
    internal bool Align(LocalDate nominal, out LocalDate due)
    {
        due = nominal;
        var alignment = Schedule.Alignment;
        if (alignment.Move == AlignMove.None)
        {
            return true;
        }

        var calendar = alignment.Calendar!;
        if (calendar.IsWorkingDay(nominal))
        {
            return true;
        }

        switch (alignment.Move)
        {
            case AlignMove.NextWorkingDay:
                due = calendar.AddWorkingDays(nominal, 1);
                return true;
            case AlignMove.PreviousWorkingDay:
                due = calendar.AddWorkingDays(nominal, -1);
                return true;
            case AlignMove.NearestWorkingDay:
                due = Nearest(calendar.AddWorkingDays(nominal, -1), calendar.AddWorkingDays(nominal, 1), nominal);
                return true;
            case AlignMove.NearestWorkingDayInPeriod:
                var (start, end) = alignment.Period.Locate(nominal, AnchorDate);
                var previous = calendar.AddWorkingDays(nominal, -1);
                var next = calendar.AddWorkingDays(nominal, 1);
                bool previousInside = previous >= start;
                bool nextInside = next <= end;
                if (previousInside && nextInside)
                {
                    due = Nearest(previous, next, nominal);
                    return true;
                }

                due = previousInside ? previous : next;
                return previousInside || nextInside;
            default:
                return false;
        }
    }

    private static LocalDate Nearest(LocalDate previous, LocalDate next, LocalDate date) =>
        Period.DaysBetween(previous, date) <= Period.DaysBetween(date, next) ? previous : next;

    /// <summary>The occurrence with its window and notice day.</summary>
    internal Occurrence Complete(int number, int phase, LocalDate cycleStart, LocalDate nominal, LocalDate due, int intervalDays)
    {
        var rule = Schedule.OnTimeRule;
        var earliest = Side(rule.Early, due, intervalDays, -1, cycleStart);
        var latest = Side(rule.Late, due, intervalDays, 1, cycleStart);
        var noticeBy = due;
        if (Schedule.Notice is { } notice && notice.Days > 0)
        {
            noticeBy = notice.IsWorkingDays ? Schedule.Alignment.Calendar!.AddWorkingDays(due, -notice.Days) : due.PlusDays(-notice.Days);
        }

        return new Occurrence(number, phase, cycleStart, nominal, due, earliest, latest, noticeBy);
    }

    private LocalDate Side(Allowance allowance, LocalDate due, int intervalDays, int sign, LocalDate cycleStart)
    {
        switch (allowance.Kind)
        {
            case AllowanceKind.None:
                return due;
            case AllowanceKind.WorkingDays:
                return allowance.Days == 0 ? due : Schedule.Alignment.Calendar!.AddWorkingDays(due, sign * allowance.Days);
            case AllowanceKind.WholeCycle:
                return cycleStart < due ? cycleStart : due;
            default:
                return SafePlusDays(due, sign * allowance.DaysFor(intervalDays));
        }
    }

    private static LocalDate SafePlusDays(LocalDate date, int days)
    {
        if (date.Year > CalendarLimits.MinYear + 100 && date.Year < CalendarLimits.MaxYear - 100 && days > -36_500 && days < 36_500)
        {
            return date.PlusDays(days);
        }

        long target = (long)Period.DaysBetween(MinDate, date) + days;
        return target < 0 ? MinDate : target > Period.DaysBetween(MinDate, MaxDate) ? MaxDate : date.PlusDays(days);
    }

    private static LocalDate SafePlus(LocalDate date, Period period)
    {
        long months = (12L * period.Years) + period.Months;
        long days = (7L * period.Weeks) + period.Days;
        if (date.Year + (months / 12) + (days / 365) + 1 > CalendarLimits.MaxYear)
        {
            return MaxDate;
        }

        return PeriodRules.LastDay(date, period, countStartDay: false);
    }

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    private static void CheckRange(LocalDate from, LocalDate to)
    {
        CheckDate(from, nameof(from));
        CheckDate(to, nameof(to));
        if (to < from)
        {
            Preconditions.ThrowArgument(nameof(to), $"The range ends on {Occurrence.Format(to)}, before it starts on {Occurrence.Format(from)}.");
        }
    }

    internal static LocalDate CheckDate(LocalDate date, string paramName)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            Preconditions.ThrowArgument(paramName, $"{paramName} {date} is not in the ISO calendar; schedules work with ISO dates.");
        }

        if (date.Year < CalendarLimits.MinYear || date.Year > CalendarLimits.MaxYear)
        {
            ThrowOutOfRange(date, paramName);
        }

        return date;
    }

    [DoesNotReturn]
    private static void ThrowOutOfRange(LocalDate date, string paramName) =>
        Preconditions.ThrowArgument(paramName, $"{paramName} {Occurrence.Format(date)} lies outside the years schedules support ({CalendarLimits.MinYear}-{CalendarLimits.MaxYear}).");
}
