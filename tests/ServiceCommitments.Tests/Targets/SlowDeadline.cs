using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Tests.Targets;

/// <summary>
/// The rules of docs/policies.md (Targets and Pauses) computed the slow, obvious way, for starts, pauses and working
/// hours on the minute grid: the clock's start, the deadline without pauses from the calendar's published rules
/// (<see cref="BusinessCalendar.GetWorkingHours"/>, <see cref="BusinessCalendar.IsWorkingDay"/>), then a walk minute by
/// minute that counts each minute the clock runs until it has counted what it counts up to that deadline.
/// </summary>
internal sealed class SlowDeadline(BusinessCalendar? calendar)
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private readonly Dictionary<LocalDate, (LocalTime Start, LocalTime End, bool ToMidnight)[]> hours = [];

    /// <summary>Where the clock starts: the start, or after the cut-off the first working minute of a later date.</summary>
    internal Instant ClockStart(ServiceTarget target, Instant start)
    {
        if (target.CutOff is not { } cutOff)
        {
            return start;
        }

        var local = start.InZone(calendar!.Zone);
        if (local.TimeOfDay < cutOff)
        {
            return start;
        }

        var t = StartOfDay(local.Date.PlusDays(1));
        while (!IsWorkingMinute(t))
        {
            t += Minute;
        }

        return t;
    }

    /// <summary>The deadline without pauses.</summary>
    internal Instant BaseDue(ServiceTarget target, Instant clock)
    {
        switch (target.Kind)
        {
            case TargetKind.Elapsed:
                return clock + target.Amount;
            case TargetKind.WorkingTime:
                return Walk(clock, (long)target.Amount.TotalMinutes);
            case TargetKind.WorkingDays:
            {
                var date = clock.InZone(calendar!.Zone).Date;
                if (target.Days == 0)
                {
                    // The same working day: the first close of business at or after the start.
                    while (!calendar.IsWorkingDay(date) || CloseOfBusiness(date) < clock)
                    {
                        date = date.PlusDays(1);
                    }

                    return CloseOfBusiness(date);
                }

                for (int n = 0; n < target.Days;)
                {
                    date = date.PlusDays(1);
                    n += calendar.IsWorkingDay(date) ? 1 : 0;
                }

                return CloseOfBusiness(date);
            }

            default:
            {
                var last = LastDay(target, clock);
                if (target.HolidayRule == HolidayRule.NextWorkingDay && !calendar!.IsWorkingDay(last))
                {
                    var next = last.PlusDays(1);
                    while (!calendar.IsWorkingDay(next))
                    {
                        next = next.PlusDays(1);
                    }

                    return CloseOfBusiness(next);
                }

                return StartOfDay(last.PlusDays(1));
            }
        }
    }

    /// <summary>The last day of a calendar-day or period target: months by hand (the corresponding day, or the month's last), then days.</summary>
    internal LocalDate LastDay(ServiceTarget target, Instant clock)
    {
        var date = clock.InZone(calendar!.Zone).Date;
        if (target.Kind == TargetKind.CalendarDays)
        {
            return date.PlusDays(target.Days);
        }

        var period = target.Period!;
        int months = (period.Years * 12) + period.Months;
        int monthIndex = (date.Year * 12) + date.Month - 1 + months;
        int year = monthIndex / 12, month = (monthIndex % 12) + 1;
        int day = Math.Min(date.Day, CalendarSystem.Iso.GetDaysInMonth(year, month));
        return new LocalDate(year, month, day).PlusDays((period.Weeks * 7) + period.Days);
    }

    /// <summary>The deadline with pauses: the earliest instant by which the clock, stopped in the pauses, has counted what it counts from the clock's start to the deadline without them.</summary>
    internal Instant Due(ServiceTarget target, Instant start, Interval[] pauses)
    {
        var clock = ClockStart(target, start);
        var baseDue = BaseDue(target, clock);
        long need = Counted(target, clock, baseDue) * NodaConstants.TicksPerMinute;
        return need <= 0 ? baseDue : Reach(target, clock, need, pauses);
    }

    /// <summary>
    /// A warning's instant: the earliest instant by which the clock (with the pauses) has counted the share (rounded
    /// up to the tick) of what it counts up to the deadline, or that less the lead, never before the clock's start.
    /// </summary>
    internal Instant Warning(ServiceTarget target, Instant start, ServiceCommitments.Faults.TargetWarning warning, Interval[] pauses)
    {
        var clock = ClockStart(target, start);
        long total = Counted(target, clock, BaseDue(target, clock)) * NodaConstants.TicksPerMinute;
        long need = warning.Share is { } share
            ? (long)decimal.Ceiling((decimal)share * total)
            : Math.Max(0, total - warning.Lead!.Value.BclCompatibleTicks);
        return Reach(target, clock, need, pauses);
    }

    /// <summary>The earliest instant by which the clock, from <paramref name="clock"/> and stopped in the pauses, has counted <paramref name="ticks"/>.</summary>
    internal Instant Reach(ServiceTarget target, Instant clock, long ticks, Interval[] pauses)
    {
        bool working = target.Kind is TargetKind.WorkingTime or TargetKind.WorkingDays;
        long counted = 0;
        for (var t = clock; ticks > 0; t += Minute)
        {
            if ((!working || IsWorkingMinute(t)) && !pauses.Any(p => p.Contains(t)))
            {
                if (counted + NodaConstants.TicksPerMinute >= ticks)
                {
                    return t + Duration.FromTicks(ticks - counted);
                }

                counted += NodaConstants.TicksPerMinute;
            }
        }

        return clock;
    }

    /// <summary>The minutes the target's clock counts in [from, to) without pauses.</summary>
    internal long Counted(ServiceTarget target, Instant from, Instant to)
    {
        bool working = target.Kind is TargetKind.WorkingTime or TargetKind.WorkingDays;
        long n = 0;
        for (var t = from; t < to; t += Minute)
        {
            n += !working || IsWorkingMinute(t) ? 1 : 0;
        }

        return n;
    }

    /// <summary>The earliest instant by which <paramref name="minutes"/> working minutes have passed since <paramref name="from"/>.</summary>
    private Instant Walk(Instant from, long minutes)
    {
        long n = 0;
        for (var t = from; n < minutes; t += Minute)
        {
            if (IsWorkingMinute(t) && ++n == minutes)
            {
                return t + Minute;
            }
        }

        return from;
    }

    internal bool IsWorkingMinute(Instant t)
    {
        var local = t.InZone(calendar!.Zone).LocalDateTime;
        foreach (var (start, end, toMidnight) in Hours(local.Date))
        {
            if (local.TimeOfDay >= start && (toMidnight || local.TimeOfDay < end))
            {
                return true;
            }
        }

        return false;
    }

    private (LocalTime Start, LocalTime End, bool ToMidnight)[] Hours(LocalDate date)
    {
        if (!hours.TryGetValue(date, out var found))
        {
            found = calendar!.GetWorkingHours(date).Select(h => (h.Start, h.End, h.EndsAtMidnight)).ToArray();
            hours.Add(date, found);
        }

        return found;
    }

    private Instant CloseOfBusiness(LocalDate date)
    {
        var last = Hours(date)[^1];
        return last.ToMidnight ? StartOfDay(date.PlusDays(1)) : calendar!.Zone.AtStrictly(date + last.End).ToInstant();
    }

    private Instant StartOfDay(LocalDate date) => calendar!.Zone.AtStartOfDay(date).ToInstant();
}
