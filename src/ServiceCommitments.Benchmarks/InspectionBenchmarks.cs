using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Inspections;

namespace ServiceCommitments.Benchmarks;

/// <summary>
/// Occurrences of many inspection schedules over five years on the China office calendar (Asia/Shanghai, Monday-Friday
/// 09:00-12:00 and 13:00-18:00, mainland holidays and adjusted working days), with alignment and windows, against a
/// naive baseline that steps and aligns by walking dates.
/// </summary>
/// <remarks>
/// <see cref="ScheduleCount"/> (100,000) schedules: eight templates from the after-sales catalogue (monthly, quarterly,
/// yearly, monthly-then-quarterly, fortnightly, calendar quarters, ...), each with an alignment move and an on-time
/// rule, anchored on dates drawn (seeded) from 2020-2021. Each is anchored and its occurrences due in 2021-2025 written
/// into a buffer with <see cref="SchedulePlan.Fill"/>; the figures are per schedule (<c>OperationsPerInvoke</c>). The
/// naive baseline runs over the first <see cref="NaiveCount"/> (1,000) schedules only, also per schedule. The calendar's
/// years are compiled in <see cref="Setup"/>.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class InspectionBenchmarks
{
    /// <summary>The number of schedules <see cref="OccurrencesMany"/> runs over.</summary>
    public const int ScheduleCount = 100_000;

    /// <summary>The number of schedules (the first ones) the naive baseline runs over.</summary>
    public const int NaiveCount = 1_000;

    private static readonly LocalDate From = new(2021, 1, 1);
    private static readonly LocalDate To = new(2025, 12, 31);

    private BusinessCalendar calendar = null!;
    private InspectionSchedule[] schedules = null!;
    private LocalDate[] anchors = null!;
    private Occurrence[] buffer = null!;

    /// <summary>Accumulates every result so the JIT cannot drop the calls.</summary>
    public long Checksum;

    /// <summary>The average number of occurrences per schedule, for the report.</summary>
    public double OccurrencesPerSchedule { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        calendar = BenchmarkData.ShanghaiOffice();
        var templates = Templates(calendar);
        var random = new Random(BenchmarkData.Seed);
        schedules = new InspectionSchedule[ScheduleCount];
        anchors = new LocalDate[ScheduleCount];
        for (int i = 0; i < ScheduleCount; i++)
        {
            schedules[i] = templates[random.Next(templates.Length)];
            anchors[i] = new LocalDate(2020, 1, 1).PlusDays(random.Next(731));
        }

        buffer = new Occurrence[512];
        long total = 0;
        for (int i = 0; i < ScheduleCount; i++)
        {
            total += schedules[i].Anchor(anchors[i]).Fill(From, To, buffer);
        }

        OccurrencesPerSchedule = (double)total / ScheduleCount;
        Console.WriteLine($"// {total} occurrences, {OccurrencesPerSchedule:F1} per schedule");

        // The baseline must give the same due dates, or the comparison means nothing.
        for (int i = 0; i < 200; i++)
        {
            int n = schedules[i].Anchor(anchors[i]).Fill(From, To, buffer);
            var naive = Naive(schedules[i], anchors[i]);
            if (naive.Count != n)
            {
                throw new InvalidOperationException($"naive baseline disagrees on schedule {i}: {naive.Count} occurrences, not {n}");
            }

            for (int k = 0; k < n; k++)
            {
                if (naive[k] != buffer[k].Due)
                {
                    throw new InvalidOperationException($"naive baseline disagrees on schedule {i}, occurrence {k}: {naive[k]}, not {buffer[k].Due}");
                }
            }
        }
    }

    /// <summary>The after-sales duties of the catalogue, each aligned on the office calendar.</summary>
    internal static InspectionSchedule[] Templates(BusinessCalendar office)
    {
        var week = new OnTimeRule(Allowance.CalendarDays(7), Allowance.CalendarDays(7));
        return
        [
            new InspectionScheduleBuilder("acceptance") { OnTimeRule = week }.AddPhase(ScheduleStep.Quarters(1)).Until(Period.FromYears(6)).AlignTo(office, AlignMove.NextWorkingDay).Build(),
            new InspectionScheduleBuilder("acceptance") { OnTimeRule = OnTimeRule.SmrpGrace }.AddPhase(ScheduleStep.Years(1)).AlignTo(office, AlignMove.NearestWorkingDay).Build(),
            new InspectionScheduleBuilder("acceptance") { OnTimeRule = week }.AddPhase(ScheduleStep.Months(1), Period.FromMonths(3)).AddPhase(ScheduleStep.Quarters(1)).Until(Period.FromYears(6)).AlignTo(office, AlignMove.NextWorkingDay).Build(),
            new InspectionScheduleBuilder("acceptance") { OnTimeRule = OnTimeRule.TenPercentOfInterval }.AddPhase(ScheduleStep.Months(1)).AlignTo(office, AlignMove.PreviousWorkingDay).Build(),
            new InspectionScheduleBuilder("acceptance") { OnTimeRule = new OnTimeRule(Allowance.WholeCycle, Allowance.None) }.AddPhase(ScheduleStep.CalendarQuarter).AlignTo(office, AlignMove.NearestWorkingDayInPeriod, PeriodGrid.CalendarQuarters).Build(),
            new InspectionScheduleBuilder("acceptance") { OnTimeRule = new OnTimeRule(Allowance.WorkingDays(2), Allowance.WorkingDays(2)) }.AddPhase(ScheduleStep.Weeks(2)).AlignTo(office, AlignMove.NextWorkingDay).Build(),
            new InspectionScheduleBuilder("acceptance") { OnTimeRule = week, Notice = NoticeLeadTime.WorkingDays(3) }.AddPhase(ScheduleStep.Months(6)).AlignTo(office, AlignMove.NextWorkingDay).Build(),
            new InspectionScheduleBuilder("acceptance") { OnTimeRule = week, MonthEnd = MonthEndRule.Skip }.AddPhase(ScheduleStep.Months(2)).AlignTo(office, AlignMove.Skip).Build(),
        ];
    }

    [Benchmark(OperationsPerInvoke = ScheduleCount)]
    public long OccurrencesMany()
    {
        var local = schedules;
        var dates = anchors;
        var span = buffer.AsSpan();
        long sum = 0;
        for (int i = 0; i < local.Length; i++)
        {
            int n = local[i].Anchor(dates[i]).Fill(From, To, span);
            sum += n + (n > 0 ? span[n - 1].Due.Day : 0);
        }

        Checksum += sum;
        return sum;
    }

    /// <summary>Baseline: step by step and day by day, over the first 1,000 schedules only (<c>OperationsPerInvoke = 1_000</c>).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = NaiveCount)]
    public long NaiveOccurrencesMany()
    {
        long sum = 0;
        for (int i = 0; i < NaiveCount; i++)
        {
            var dues = Naive(schedules[i], anchors[i]);
            sum += dues.Count + (dues.Count > 0 ? dues[^1].Day : 0);
        }

        Checksum += sum;
        return sum;
    }

    /// <summary>
    /// What a hand-written implementation does: walk each phase step by step from its anchor, look up each date's
    /// working hours (a list per date), walk to the next or previous working day one date at a time, and collect the
    /// due dates in a list.
    /// </summary>
    private List<LocalDate> Naive(InspectionSchedule schedule, LocalDate anchor)
    {
        var result = new List<LocalDate>();
        var last = schedule.Until is { } until ? anchor.Plus(until) : LocalDate.MaxIsoValue;
        var phaseAnchor = anchor;
        for (int p = 0; p < schedule.Phases.Count; p++)
        {
            var phase = schedule.Phases[p];
            var phaseEnd = phase.Length is { } length ? phaseAnchor.Plus(length) : LocalDate.MaxIsoValue;
            for (int n = 1; ; n++)
            {
                var step = phase.Step;
                LocalDate raw;
                bool clamped = false;
                if (step.IsCalendarPeriod)
                {
                    var next = phaseAnchor.PlusDays(1);
                    var start = new LocalDate(next.Year, (((next.Month - 1) / step.CalendarPeriodMonths) * step.CalendarPeriodMonths) + 1, 1);
                    raw = start.PlusMonths(n * step.CalendarPeriodMonths).PlusDays(-1);
                }
                else if (step.MonthCount > 0)
                {
                    raw = phaseAnchor.PlusMonths(n * step.MonthCount);
                    clamped = raw.Day < phaseAnchor.Day;
                }
                else
                {
                    raw = phaseAnchor.PlusDays(n * step.DayCount);
                }

                if (raw > phaseEnd || raw > last || raw > To.PlusDays(40))
                {
                    break;
                }

                if (clamped && schedule.MonthEnd == MonthEndRule.Skip)
                {
                    continue;
                }

                LocalDate? due = Align(schedule, raw, anchor);
                if (due is { } d && d >= From && d <= To)
                {
                    result.Add(d);
                }
            }

            if (phase.Length is null)
            {
                break;
            }

            phaseAnchor = phaseEnd;
        }

        return result;
    }

    private LocalDate? Align(InspectionSchedule schedule, LocalDate date, LocalDate anchor)
    {
        if (calendar.GetWorkingHours(date).Count > 0)
        {
            return date;
        }

        var previous = date.PlusDays(-1);
        while (calendar.GetWorkingHours(previous).Count == 0)
        {
            previous = previous.PlusDays(-1);
        }

        var next = date.PlusDays(1);
        while (calendar.GetWorkingHours(next).Count == 0)
        {
            next = next.PlusDays(1);
        }

        bool previousNearer = Period.DaysBetween(previous, date) <= Period.DaysBetween(date, next);
        switch (schedule.Alignment.Move)
        {
            case AlignMove.NextWorkingDay:
                return next;
            case AlignMove.PreviousWorkingDay:
                return previous;
            case AlignMove.NearestWorkingDay:
                return previousNearer ? previous : next;
            case AlignMove.NearestWorkingDayInPeriod:
                var period = schedule.Alignment.Period.PeriodOf(date, anchor);
                bool p = period.Contains(previous), n = period.Contains(next);
                return p && n ? (previousNearer ? previous : next) : p ? previous : n ? next : null;
            default:
                return null;
        }
    }
}
