using System;
using System.Collections.Generic;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>Provisional years: what the law alone says of a year no notice has announced yet.</summary>
public sealed partial class HolidaySet
{
    /// <summary>Whether the set can fill a year it does not know from a statutory rule, for calendars built with <see cref="UnknownYears.Provisional"/>.</summary>
    /// <remarks>
    /// <see cref="HolidaySets.ChinaMainland"/>, the sets extended from it and the sets made with <see cref="FromNotices(string, IEnumerable{string}, IEnumerable{string})"/>
    /// have mainland China's rule; a set made with <see cref="Create"/> has none.
    /// </remarks>
    public bool HasStatutoryRule => Statute is not null;

    /// <summary>
    /// The provisional entries of a year the set does not know: the statutory holidays alone, computed from the law in
    /// force that year (for mainland China, 全国年节及纪念日放假办法; lunar festivals from the Chinese lunisolar calendar,
    /// 清明 from the solar term), with no bridge days, no swapped weekends and no adjusted working days, since only the
    /// yearly notice announces those.
    /// </summary>
    /// <param name="year">The year to fill.</param>
    /// <param name="entries">The statutory holidays of <paramref name="year"/>, ordered by date; empty when the method returns false.</param>
    /// <param name="law">The law the entries follow, in words; empty when the method returns false.</param>
    /// <returns>
    /// True when the year is unknown to the set and its rule can compute it (for mainland China, 1901-2100); false for a
    /// year the set knows, a set without a rule (<see cref="HasStatutoryRule"/>), or a year outside the rule's range.
    /// </returns>
    public bool TryGetProvisionalYear(int year, out IReadOnlyList<HolidaySetEntry> entries, out string law)
    {
        if (ProvisionalYear(year) is { } filled && Statute is { } statute)
        {
            var list = new List<HolidaySetEntry>(filled.Values);
            list.Sort(static (a, b) => a.Date.CompareTo(b.Date));
            entries = list.AsReadOnly();
            law = statute.Describe(year);
            return true;
        }

        entries = [];
        law = string.Empty;
        return false;
    }

    /// <summary>Whether the set can fill <paramref name="year"/>: it does not know it, and its rule computes it.</summary>
    internal bool CanFill(int year) => ProvisionalYear(year) is not null;

    /// <summary>The entry of <paramref name="date"/> in a provisional year: an announced one (a notice's December dates) first, then the statutory one.</summary>
    internal bool TryGetProvisionalEntry(LocalDate date, out HolidaySetEntry entry)
    {
        if (byDate.TryGetValue(date, out entry))
        {
            return true;
        }

        if (ProvisionalYear(date.Year) is { } filled)
        {
            return filled.TryGetValue(date, out entry);
        }

        entry = default;
        return false;
    }

    /// <summary>The statutory days of an unknown year, computed once and kept; null for a known year or one the rule cannot compute.</summary>
    private Dictionary<LocalDate, HolidaySetEntry>? ProvisionalYear(int year)
    {
        if (Statute is null || KnowsYear(year) || year < CalendarLimits.MinYear || year > CalendarLimits.MaxYear)
        {
            return null;
        }

        return provisional.GetOrAdd(year, static (y, statute) =>
        {
            if (!statute.TryGetHolidays(y, out var holidays))
            {
                return null;
            }

            var map = new Dictionary<LocalDate, HolidaySetEntry>(holidays.Length);
            foreach (var entry in holidays)
            {
                map.TryAdd(entry.Date, entry);
            }

            return map;
        }, Statute);
    }
}
