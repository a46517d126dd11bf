using System;
using System.Collections.Generic;
using NodaTime;
using ServiceCommitments.Calendars;

namespace ServiceCommitments.TestSupport;

/// <summary>
/// The plain way to do business-time arithmetic: walk the calendar date by date and interval by interval, mapping
/// each date's local hours to instants as it goes. No tables, no caching. Kept as the baseline the benchmarks compare
/// against and as the oracle the property tests compare the compiled calendar with.
/// </summary>
/// <remarks>It reads only the calendar's public rules (<see cref="BusinessCalendar.GetWorkingHours"/>), never its compiled tables.</remarks>
public sealed class WalkingCalendar(BusinessCalendar calendar)
{
    private readonly DateTimeZone zone = calendar.Zone;

    /// <summary>Adds working time by walking forward (or backward) interval by interval.</summary>
    public Instant AddWorkingTime(Instant start, Duration amount)
    {
        if (amount == Duration.Zero)
        {
            return start;
        }

        if (amount > Duration.Zero)
        {
            var date = LocalDateOf(start);
            Duration left = amount;
            Instant floor = Instant.MinValue;
            while (true)
            {
                foreach (var (s, e) in Intervals(date, ref floor))
                {
                    if (e <= start)
                    {
                        continue;
                    }

                    var from = s > start ? s : start;
                    var available = e - from;
                    if (available >= left)
                    {
                        return from + left;
                    }

                    left -= available;
                }

                date = date.PlusDays(1);
            }
        }
        else
        {
            var date = LocalDateOf(start - Duration.Epsilon);
            Duration left = -amount;
            while (true)
            {
                Instant floor = Instant.MinValue;
                var intervals = new List<(Instant Start, Instant End)>(Intervals(date, ref floor));
                for (int i = intervals.Count - 1; i >= 0; i--)
                {
                    var (s, e) = intervals[i];
                    if (s >= start)
                    {
                        continue;
                    }

                    var to = e < start ? e : start;
                    var available = to - s;
                    if (available >= left)
                    {
                        return to - left;
                    }

                    left -= available;
                }

                date = date.PlusDays(-1);
            }
        }
    }

    /// <summary>Adds working days by stepping date by date.</summary>
    public Instant AddWorkingDays(Instant start, int days)
    {
        var date = LocalDateOf(start);
        if (days == 0)
        {
            while (!IsWorkingDay(date))
            {
                date = date.PlusDays(1);
            }
        }

        int step = days >= 0 ? 1 : -1;
        for (int remaining = Math.Abs(days); remaining > 0;)
        {
            date = date.PlusDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return CloseOfBusiness(date);
    }

    /// <summary>Measures working time between two instants by walking the dates between them.</summary>
    public Duration WorkingTimeBetween(Instant start, Instant end)
    {
        if (end < start)
        {
            return -WorkingTimeBetween(end, start);
        }

        if (end == start)
        {
            return Duration.Zero;
        }

        var total = Duration.Zero;
        var last = LocalDateOf(end - Duration.Epsilon);
        Instant floor = Instant.MinValue;
        for (var date = LocalDateOf(start); date <= last; date = date.PlusDays(1))
        {
            foreach (var (s, e) in Intervals(date, ref floor))
            {
                var from = s > start ? s : start;
                var to = e < end ? e : end;
                if (to > from)
                {
                    total += to - from;
                }
            }
        }

        return total;
    }

    private LocalDate LocalDateOf(Instant instant) => instant.InZone(zone).Date;

    /// <summary>A date with working hours that the zone does not skip.</summary>
    private bool IsWorkingDay(LocalDate date) => calendar.GetWorkingHours(date).Count > 0 && StartOfDay(date) != StartOfDay(date.PlusDays(1));

    /// <summary>The start of <paramref name="date"/>; for a date the zone skips entirely, the start of the next date that exists.</summary>
    private Instant StartOfDay(LocalDate date)
    {
        while (true)
        {
            try
            {
                return zone.AtStartOfDay(date).ToInstant();
            }
            catch (SkippedTimeException)
            {
                date = date.PlusDays(1);
            }
        }
    }

    private Instant CloseOfBusiness(LocalDate date)
    {
        var hours = calendar.GetWorkingHours(date);
        var lower = StartOfDay(date);
        var upper = StartOfDay(date.PlusDays(1));
        var end = Map(date, hours[^1].End, hours[^1].EndsAtMidnight);
        return end < lower ? lower : end > upper ? upper : end;
    }

    /// <summary>The date's working intervals as instants: clamped to the day and to the previous interval's end.</summary>
    private List<(Instant Start, Instant End)> Intervals(LocalDate date, ref Instant floor)
    {
        var result = new List<(Instant, Instant)>();
        var lower = StartOfDay(date);
        var upper = StartOfDay(date.PlusDays(1));
        foreach (var interval in calendar.GetWorkingHours(date))
        {
            var s = Clamp(Map(date, interval.Start, false), lower, upper);
            var e = Clamp(Map(date, interval.End, interval.EndsAtMidnight), lower, upper);
            if (s < floor)
            {
                s = floor;
            }

            if (e > s)
            {
                result.Add((s, e));
                floor = e;
            }
        }

        return result;
    }

    private Instant Map(LocalDate date, LocalTime time, bool endOfDay) =>
        zone.ResolveLocal(endOfDay ? date.PlusDays(1).AtMidnight() : date.At(time), calendar.Resolver).ToInstant();

    private static Instant Clamp(Instant value, Instant lower, Instant upper) =>
        value < lower ? lower : value > upper ? upper : value;
}
