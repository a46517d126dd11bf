using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Calendars;

/// <summary>Extending a holiday set by a range of years: <see cref="HolidaySet.WithYears"/> and <see cref="HolidaySet.WithYear"/>.</summary>
public sealed class HolidaySetTests
{
    private static HolidaySetEntry H(string date) => new(Date(date), HolidayKind.Holiday, "test");

    private static HolidaySetEntry W(string date) => new(Date(date), HolidayKind.AdjustedWorkingDay, "test");

    /// <summary>A made-up notice for <paramref name="year"/>: New Year's Day, 1 May and 1 October off, the Sunday before 1 October worked.</summary>
    private static IEnumerable<HolidaySetEntry> Notice(int year)
    {
        var october = new LocalDate(year, 10, 1);
        var sunday = october.Previous(IsoDayOfWeek.Sunday);
        return
        [
            new(new LocalDate(year, 1, 1), HolidayKind.Holiday, "New Year's Day"),
            new(new LocalDate(year, 5, 1), HolidayKind.Holiday, "Labour Day"),
            new(october, HolidayKind.Holiday, "National Day"),
            new(sunday, HolidayKind.AdjustedWorkingDay, "National Day"),
        ];
    }

    [Fact]
    public void WithYears_AddsFourThousandYearsInOneCall()
    {
        var cn = HolidaySets.ChinaMainland;
        var entries = Enumerable.Range(2027, 4000).SelectMany(Notice).Reverse().ToList(); // in any order
        var extended = cn.WithYears(2027, 6026, entries);

        Assert.Equal(2004, extended.FirstYear);
        Assert.Equal(6026, extended.LastYear);
        Assert.Equal(cn.Entries.Count + (4 * 4000), extended.Entries.Count);
        Assert.Equal(cn.Entries, extended.Entries.Take(cn.Entries.Count));
        for (int i = 1; i < extended.Entries.Count; i++)
        {
            Assert.True(extended.Entries[i - 1].Date < extended.Entries[i].Date, $"entries out of order at {i}");
        }

        Assert.True(extended.TryGetEntry(new LocalDate(4500, 10, 1), out var national));
        Assert.Equal("National Day", national.Name);
        Assert.False(extended.TryGetEntry(new LocalDate(4500, 10, 2), out _));
        Assert.True(extended.KnowsYear(6026));
        Assert.False(extended.KnowsYear(6027));
        Assert.Equal(2026, cn.LastYear); // unchanged

        var calendar = BusinessCalendar.FiveByEight(Shanghai, extended);
        Assert.False(calendar.IsWorkingDay(new LocalDate(6000, 5, 1)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(6000, 10, 1).Previous(IsoDayOfWeek.Sunday)));
    }

    [Fact]
    public void WithYears_AddsTheTwoYearsBeforeTheKnownRangeInOneCall()
    {
        var cn = HolidaySets.ChinaMainland;
        Assert.False(cn.TryGetEntry(Date("2004-01-02"), out _));
        var earlier = cn.WithYears(2002, 2003, [H("2003-10-01"), H("2002-10-01"), H("2003-12-31"), H("2004-01-02"), W("2002-09-29")]);

        Assert.Equal(2002, earlier.FirstYear);
        Assert.Equal(2026, earlier.LastYear);
        Assert.True(earlier.KnowsYear(2002));
        Assert.True(earlier.KnowsYear(2003));
        Assert.Equal(
            new[] { Date("2002-09-29"), Date("2002-10-01"), Date("2003-10-01"), Date("2003-12-31"), Date("2004-01-01"), Date("2004-01-02") },
            earlier.Entries.Take(6).Select(e => e.Date));
        Assert.Equal(cn.Entries.Count + 5, earlier.Entries.Count);

        var calendar = BusinessCalendar.FiveByEight(Shanghai, earlier);
        Assert.False(calendar.IsWorkingDay(Date("2002-10-01")));
        Assert.True(calendar.IsWorkingDay(Date("2002-09-29"))); // an adjusted Sunday
        Assert.False(calendar.IsWorkingDay(Date("2004-01-02")));
        Assert.Equal(Date("2004-01-05"), calendar.AddWorkingDays(Date("2003-12-30"), 1));
    }

    [Fact]
    public void WithYears_EqualsAddingTheYearsOneByOne()
    {
        var cn = HolidaySets.ChinaMainland;
        var later = cn.WithYears(2027, 2030, Enumerable.Range(2027, 4).SelectMany(Notice));
        var oneByOne = cn.WithYear(2027, Notice(2027)).WithYear(2028, Notice(2028)).WithYear(2029, Notice(2029)).WithYear(2030, Notice(2030));
        Assert.Equal(oneByOne.Entries, later.Entries);
        Assert.Equal((oneByOne.FirstYear, oneByOne.LastYear), (later.FirstYear, later.LastYear));

        var earlier = cn.WithYears(2000, 2003, Enumerable.Range(2000, 4).SelectMany(Notice));
        var backwards = cn.WithYear(2003, Notice(2003)).WithYear(2002, Notice(2002)).WithYear(2001, Notice(2001)).WithYear(2000, Notice(2000));
        Assert.Equal(backwards.Entries, earlier.Entries);
        Assert.Equal((backwards.FirstYear, backwards.LastYear), (earlier.FirstYear, earlier.LastYear));
    }

    [Fact]
    public void WithYears_OfOneYear_IsWithYear()
    {
        var set = HolidaySet.Create("x", 2024, 2024, [H("2024-05-01")]);
        var withYears = set.WithYears(2025, 2025, [H("2025-05-01"), H("2024-12-31")]);
        var withYear = set.WithYear(2025, [H("2025-05-01"), H("2024-12-31")]);
        Assert.Equal(withYear.Entries, withYears.Entries);
        Assert.Equal("x (2024-2025)", withYears.ToString());
        Assert.Equal("x (2024-2025)", set.WithYears(2025, 2025, []).ToString());
    }
}
