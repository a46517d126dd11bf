using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>
/// One local year of a calendar compiled into arrays: the working intervals as instants (ticks since the Unix
/// epoch), a running total of working time, the start of each local day and a running count of working days.
/// </summary>
/// <remarks>
/// Every query is a bucket look-up followed by a short scan or a binary search: no loop over minutes or days, no
/// allocation. Immutable once built, so it is shared freely between threads.
/// </remarks>
internal sealed class CompiledYear
{
    private readonly long[] intervalStart;
    private readonly long[] intervalEnd;

    /// <summary>Working ticks before interval k; <c>cumulative[Count]</c> is <see cref="Total"/>.</summary>
    private readonly long[] cumulative;

    /// <summary><c>bucket[b]</c> is the first interval whose end is after <c>Start + b days</c>.</summary>
    private readonly int[] bucket;

    private readonly long[] dayStart;

    /// <summary><c>workingDaysBefore[d]</c> is the number of working days among days 0..d-1.</summary>
    private readonly int[] workingDaysBefore;

    private readonly int[] workingDayIndex;
    private readonly long[] closeOfBusiness;

    private CompiledYear(
        int year,
        long[] intervalStart,
        long[] intervalEnd,
        long[] cumulative,
        long[] dayStart,
        int[] workingDaysBefore,
        int[] workingDayIndex,
        long[] closeOfBusiness)
    {
        Year = year;
        this.intervalStart = intervalStart;
        this.intervalEnd = intervalEnd;
        this.cumulative = cumulative;
        this.dayStart = dayStart;
        this.workingDaysBefore = workingDaysBefore;
        this.workingDayIndex = workingDayIndex;
        this.closeOfBusiness = closeOfBusiness;
        Start = dayStart[0];
        End = dayStart[^1];
        Count = intervalStart.Length;
        Total = cumulative[Count];
        WorkingDayCount = workingDayIndex.Length;
        bucket = BuildBuckets(Start, End, intervalEnd);
    }

    internal int Year { get; }

    /// <summary>The first instant of the year (ticks).</summary>
    internal long Start { get; }

    /// <summary>The first instant of the next year (ticks).</summary>
    internal long End { get; }

    internal int Count { get; }

    internal long Total { get; }

    internal int WorkingDayCount { get; }

    internal int DayCount => dayStart.Length - 1;

    internal long IntervalStart(int k) => intervalStart[k];

    internal long IntervalEnd(int k) => intervalEnd[k];

    internal long CloseOfBusiness(int ordinal) => closeOfBusiness[ordinal];

    internal int WorkingDaysBefore(int day) => workingDaysBefore[day];

    internal int WorkingDayIndex(int ordinal) => workingDayIndex[ordinal];

    internal bool IsWorkingDay(int day) => workingDaysBefore[day + 1] != workingDaysBefore[day];

    /// <summary>The first interval whose end is after <paramref name="t"/>, or <see cref="Count"/> when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int FirstEndingAfter(long t)
    {
        long offset = t - Start;
        int b = offset <= 0 ? 0 : (int)Math.Min(offset / Ticks.PerDay, bucket.Length - 1);
        int k = bucket[b];
        var ends = intervalEnd;
        while ((uint)k < (uint)ends.Length && ends[k] <= t)
        {
            k++;
        }

        return k;
    }

    /// <summary>Working ticks in [Start, t) given <paramref name="k"/> = <see cref="FirstEndingAfter"/>(t - 1) or (t).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long WorkingBefore(int k, long t)
    {
        if (k >= Count)
        {
            return Total;
        }

        long into = t - intervalStart[k];
        return into <= 0 ? cumulative[k] : cumulative[k] + Math.Min(into, intervalEnd[k] - intervalStart[k]);
    }

    internal long WorkingBefore(long t) => WorkingBefore(FirstEndingAfter(t), t);

    internal bool IsWorking(long t)
    {
        int k = FirstEndingAfter(t);
        return k < Count && intervalStart[k] <= t;
    }

    /// <summary>The earliest instant at which the working time since <see cref="Start"/> reaches <paramref name="w"/> (0 &lt; w &lt;= Total).</summary>
    internal long Forward(long w, int from)
    {
        // First j >= from with cumulative[j + 1] >= w. Deadlines are usually a few intervals away: probe, then bisect.
        var cum = cumulative;
        int j = from;
        for (int probe = 0; probe < 4; probe++, j++)
        {
            if (cum[j + 1] >= w)
            {
                return intervalStart[j] + (w - cum[j]);
            }
        }

        int found = cum.AsSpan(j + 1, Count - j).BinarySearch(w);
        j = found >= 0 ? j + found : j + ~found;
        return intervalStart[j] + (w - cum[j]);
    }

    /// <summary>The latest instant at which the working time since <see cref="Start"/> is <paramref name="w"/> (0 &lt;= w &lt; Total).</summary>
    internal long Backward(long w, int from)
    {
        // Last j <= from with cumulative[j] <= w.
        var cum = cumulative;
        int j = Math.Min(from, Count - 1);
        for (int probe = 0; probe < 4; probe++, j--)
        {
            if (cum[j] <= w)
            {
                return intervalStart[j] + (w - cum[j]);
            }
        }

        int found = cum.AsSpan(0, j + 1).BinarySearch(w);
        j = found >= 0 ? found : ~found - 1;
        return intervalStart[j] + (w - cum[j]);
    }

    /// <summary>The index of the local day that contains <paramref name="t"/> (which must lie in [Start, End)).</summary>
    internal int DayIndexOf(long t)
    {
        var starts = dayStart;
        int d = (int)Math.Min((t - Start) / Ticks.PerDay, starts.Length - 2);
        while (d > 0 && starts[d] > t)
        {
            d--;
        }

        while (d < starts.Length - 2 && starts[d + 1] <= t)
        {
            d++;
        }

        return d;
    }

    private static int[] BuildBuckets(long start, long end, long[] ends)
    {
        int count = (int)((end - start) / Ticks.PerDay) + 2;
        var result = new int[count];
        int k = 0;
        for (int b = 0; b < count; b++)
        {
            long t = start + (b * Ticks.PerDay);
            while (k < ends.Length && ends[k] <= t)
            {
                k++;
            }

            result[b] = k;
        }

        return result;
    }

    /// <summary>
    /// The first instant (ticks) of <paramref name="date"/> in <paramref name="zone"/>, as
    /// <see cref="DateTimeZone.AtStartOfDay"/> gives it, except that a date the zone skips entirely (Samoa's 30 December
    /// 2011) is not an error: it begins where the next existing local time begins, a day of zero length, and
    /// <paramref name="skipped"/> is true.
    /// </summary>
    internal static long StartOfDay(DateTimeZone zone, LocalDate date, out bool skipped)
    {
        var mapping = zone.MapLocal(date.AtMidnight());
        if (mapping.Count > 0)
        {
            skipped = false;
            return mapping.First().ToInstant().ToUnixTimeTicks();
        }

        // Midnight lies in a gap: the day begins where the gap ends, which may already be a later date.
        var after = mapping.LateInterval;
        skipped = after.Start.WithOffset(after.WallOffset).Date != date;
        return after.Start.ToUnixTimeTicks();
    }

    /// <summary>Whether <paramref name="zone"/> skips every local time of <paramref name="date"/>.</summary>
    internal static bool IsSkipped(DateTimeZone zone, LocalDate date)
    {
        StartOfDay(zone, date, out bool skipped);
        return skipped;
    }

    internal static CompiledYear Compile(int year, CalendarRules rules)
    {
        var zone = rules.Zone;
        var first = new LocalDate(year, 1, 1);
        int days = CalendarSystem.Iso.GetDaysInYear(year);
        var dayStart = new long[days + 1];
        var skipped = new bool[days + 1];
        for (int d = 0; d <= days; d++)
        {
            dayStart[d] = StartOfDay(zone, first.PlusDays(d), out skipped[d]);
        }

        var starts = new List<long>(days * 2);
        var ends = new List<long>(days * 2);
        var workingDaysBefore = new int[days + 1];
        var workingDays = new List<int>(days);
        var closes = new List<long>(days);
        long previousEnd = long.MinValue;
        for (int d = 0; d < days; d++)
        {
            var date = first.PlusDays(d);

            // A date the zone skips has no local time, so no working time, and is not a working day.
            long[] hours = skipped[d] ? [] : rules.HoursFor(date);
            workingDaysBefore[d + 1] = workingDaysBefore[d] + (hours.Length > 0 ? 1 : 0);
            if (hours.Length == 0)
            {
                continue;
            }

            long lower = dayStart[d], upper = dayStart[d + 1];
            long close = lower;
            for (int i = 0; i < hours.Length; i += 2)
            {
                // Clamp to the day and to the previous interval: DST gaps can push a mapped start past a later
                // interval's start; working time is the union of the mapped intervals.
                long s = Math.Clamp(rules.Map(date, hours[i]), lower, upper);
                long e = Math.Clamp(rules.Map(date, hours[i + 1]), lower, upper);
                close = Math.Max(close, e);
                s = Math.Max(s, previousEnd);
                if (e > s)
                {
                    starts.Add(s);
                    ends.Add(e);
                    previousEnd = e;
                }
            }

            workingDays.Add(d);
            closes.Add(close);
        }

        var cumulative = new long[starts.Count + 1];
        for (int k = 0; k < starts.Count; k++)
        {
            cumulative[k + 1] = cumulative[k] + (ends[k] - starts[k]);
        }

        return new CompiledYear(
            year, starts.ToArray(), ends.ToArray(), cumulative, dayStart, workingDaysBefore, workingDays.ToArray(), closes.ToArray());
    }
}
