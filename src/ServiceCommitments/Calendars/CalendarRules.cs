using System;
using System.Collections.Generic;
using NodaTime;
using NodaTime.TimeZones;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>
/// The uncompiled rules of a calendar: which local hours a date has. Hours are flat arrays of tick-of-day pairs
/// <c>[start0, end0, start1, end1, ...]</c>, in order and non-overlapping; an end may be a whole day (24:00).
/// </summary>
internal sealed class CalendarRules
{
    private static readonly long[] Closed = [];

    private readonly long[][] weekly;
    private readonly Dictionary<LocalDate, long[]> overrides;

    internal CalendarRules(
        DateTimeZone zone,
        ZoneLocalMappingResolver resolver,
        long[][] weekly,
        long[] adjustedWorkingDayHours,
        HolidaySet[] holidaySets,
        Dictionary<LocalDate, long[]> overrides,
        UnknownYears unknownYears)
    {
        Zone = zone;
        Resolver = resolver;
        this.weekly = weekly;
        AdjustedWorkingDayHours = adjustedWorkingDayHours;
        HolidaySets = holidaySets;
        this.overrides = overrides;
        UnknownYears = unknownYears;
    }

    internal DateTimeZone Zone { get; }

    internal ZoneLocalMappingResolver Resolver { get; }

    internal long[] AdjustedWorkingDayHours { get; }

    internal HolidaySet[] HolidaySets { get; }

    internal UnknownYears UnknownYears { get; }

    internal bool TreatUnknownYearsAsOrdinary => UnknownYears == UnknownYears.Ordinary;

    internal long[] Weekly(IsoDayOfWeek day) => weekly[(int)day - 1];

    internal bool KnowsYear(int year)
    {
        foreach (var set in HolidaySets)
        {
            if (!set.KnowsYear(year))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What the calendar's answers for <paramref name="year"/> rest on.</summary>
    internal HolidayYearStatus StatusOf(int year)
    {
        var status = HolidayYearStatus.Known;
        foreach (var set in HolidaySets)
        {
            if (set.KnowsYear(year))
            {
                continue;
            }

            switch (UnknownYears)
            {
                case UnknownYears.Ordinary:
                    status = HolidayYearStatus.Ordinary;
                    break;
                case UnknownYears.Provisional when set.CanFill(year):
                    status = HolidayYearStatus.Provisional;
                    break;
                default:
                    return HolidayYearStatus.Unavailable;
            }
        }

        return status;
    }

    /// <summary>Whether the calendar can answer for <paramref name="year"/>: known, ordinary or provisional.</summary>
    internal bool CanAnswer(int year) => UnknownYears == UnknownYears.Ordinary || StatusOf(year) != HolidayYearStatus.Unavailable;

    /// <summary>Throws <see cref="HolidayDataUnavailableException"/> unless the calendar can answer for <paramref name="year"/>.</summary>
    internal void CheckYearKnown(int year)
    {
        if (UnknownYears == UnknownYears.Ordinary)
        {
            return;
        }

        foreach (var set in HolidaySets)
        {
            if (!set.KnowsYear(year) && !(UnknownYears == UnknownYears.Provisional && set.CanFill(year)))
            {
                throw new HolidayDataUnavailableException(set.Id, year, set.FirstYear, set.LastYear);
            }
        }
    }

    /// <summary>The local hours of <paramref name="date"/> after every layer; the caller has checked the year.</summary>
    internal long[] HoursFor(LocalDate date)
    {
        if (overrides.TryGetValue(date, out var hours))
        {
            return hours;
        }

        // Later sets win, so look from the last one back. A set fills a year it does not know only when asked to.
        bool provisional = UnknownYears == UnknownYears.Provisional;
        for (int i = HolidaySets.Length - 1; i >= 0; i--)
        {
            var set = HolidaySets[i];
            if (provisional && !set.KnowsYear(date.Year) ? set.TryGetProvisionalEntry(date, out var entry) : set.TryGetEntry(date, out entry))
            {
                return entry.Kind == HolidayKind.Holiday ? Closed : AdjustedWorkingDayHours;
            }
        }

        return weekly[(int)date.DayOfWeek - 1];
    }

    /// <summary>The instant (ticks) of <paramref name="tickOfDay"/> on <paramref name="date"/>; a whole day means the next midnight.</summary>
    internal long Map(LocalDate date, long tickOfDay)
    {
        var local = tickOfDay == Ticks.PerDay
            ? date.PlusDays(1).AtMidnight()
            : date.At(LocalTime.FromTicksSinceMidnight(tickOfDay));
        return Zone.ResolveLocal(local, Resolver).ToInstant().ToUnixTimeTicks();
    }

    internal Dictionary<LocalDate, long[]> Overrides => overrides;
}
