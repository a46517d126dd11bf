using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Calendars;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Calendars;

/// <summary>
/// HolidaySets.ChinaMainland against the two public compilations in ReferenceData (holiday-cn 2007-2026 and
/// chinese-days 2004-2026). The library's rule (tools/holiday-data/build_cn_mainland.py): a date is a holiday if either
/// lists it off, an adjusted working day if either lists it worked; weekday "working days" are dropped (they change nothing).
/// Where the two list weekend days differently, the library lists what the notice names (docs/calendars.md): not the
/// weekend next to a "X放假,与周末连休" day (2019, listed by chinese-days only), and the Sunday between a 放假 day and its
/// 补休 day (2015-06-21, listed by neither).
/// </summary>
public sealed class HolidayDataTests
{
    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "ReferenceData");

    private static readonly Lazy<Dictionary<LocalDate, bool>> HolidayCn = new(LoadHolidayCn);
    private static readonly Lazy<Dictionary<LocalDate, bool>> ChineseDays = new(LoadChineseDays);

    /// <summary>holiday-cn: date to "is off" (true = holiday, false = adjusted working day), over every notice file.</summary>
    private static Dictionary<LocalDate, bool> LoadHolidayCn()
    {
        var result = new Dictionary<LocalDate, bool>();
        var files = Directory.GetFiles(Path.Combine(DataDirectory, "holiday-cn"), "*.json")
            .Where(f => char.IsAsciiDigit(Path.GetFileName(f)[0]))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(20, files.Length); // 2007..2026
        foreach (string file in files)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var day in json.RootElement.GetProperty("days").EnumerateArray())
            {
                var date = Date(day.GetProperty("date").GetString()!);
                bool off = day.GetProperty("isOffDay").GetBoolean();
                if (result.TryGetValue(date, out bool previous))
                {
                    Assert.True(previous == off, $"holiday-cn lists {date} both ways");
                }

                result[date] = off;
            }
        }

        return result;
    }

    private static Dictionary<LocalDate, bool> LoadChineseDays()
    {
        var result = new Dictionary<LocalDate, bool>();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "chinese-days", "chinese-days.json")));
        foreach (var (key, off) in new[] { ("holidays", true), ("workdays", false) })
        {
            foreach (var property in json.RootElement.GetProperty(key).EnumerateObject())
            {
                Assert.True(result.TryAdd(Date(property.Name), off), $"chinese-days lists {property.Name} twice");
            }
        }

        return result;
    }

    private static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    /// <summary>Weekend days a compilation lists off that no notice names: 2019's "X放假,与周末连休" items.</summary>
    private static readonly HashSet<LocalDate> WeekendNotNamed =
        new[] { "2019-04-06", "2019-04-07", "2019-06-08", "2019-06-09", "2019-09-14", "2019-09-15" }.Select(Date).ToHashSet();

    /// <summary>A weekend day between two named days off of one item that neither compilation lists.</summary>
    private static readonly LocalDate NamedBetween = Date("2015-06-21");

    /// <summary>Checks that the library's entry for <paramref name="date"/> says "off" or "worked" as <paramref name="off"/>.</summary>
    private static void AssertLibrarySays(LocalDate date, bool off, string source)
    {
        var set = HolidaySets.ChinaMainland;
        bool has = set.TryGetEntry(date, out var entry);
        if (off && WeekendNotNamed.Contains(date))
        {
            Assert.False(has, $"{date:uuuu-MM-dd}: a weekend day next to a day off is not named by the notice, but the library has {entry}");
        }
        else if (off)
        {
            Assert.True(has && entry.Kind == HolidayKind.Holiday, $"{date:uuuu-MM-dd}: {source} says holiday, library has {(has ? entry.Kind.ToString() : "no entry")}");
        }
        else if (IsWeekend(date))
        {
            Assert.True(has && entry.Kind == HolidayKind.AdjustedWorkingDay, $"{date:uuuu-MM-dd}: {source} says adjusted working day, library has {(has ? entry.Kind.ToString() : "no entry")}");
        }
        else
        {
            // A weekday "working day" changes nothing; the build drops it. It must not be a holiday.
            Assert.False(has && entry.Kind == HolidayKind.Holiday, $"{date:uuuu-MM-dd}: {source} says working day, library says holiday");
        }

        // Whatever the entry, the office calendar must treat the date accordingly.
        Assert.Equal(!off, Office.IsWorkingDay(date));
    }

    [Fact]
    public void ChinaMainland_KnowsExactly2004To2026()
    {
        var set = HolidaySets.ChinaMainland;
        Assert.Equal("cn-mainland", set.Id);
        Assert.Equal(HolidaySets.ChinaMainlandId, set.Id);
        Assert.Equal(2004, set.FirstYear);
        Assert.Equal(2026, set.LastYear);
        Assert.False(set.KnowsYear(2003));
        Assert.True(set.KnowsYear(2004));
        Assert.True(set.KnowsYear(2026));
        Assert.False(set.KnowsYear(2027));
        Assert.Same(set, HolidaySets.ChinaMainland);
        Assert.Equal("cn-mainland (2004-2026)", set.ToString());
        for (int year = 2004; year <= 2026; year++)
        {
            Assert.Contains(set.Entries, e => e.Date.Year == year && e.Kind == HolidayKind.Holiday);
        }

        Assert.All(set.Entries, e => Assert.InRange(e.Date.Year, 2004, 2026));
        Assert.Equal(set.Entries.OrderBy(e => e.Date), set.Entries);
        Assert.All(set.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Name)));
    }

    [Fact]
    public void EveryDateOfHolidayCn_AgreesWithTheLibrary_WhereTheCompilationsAgree()
    {
        int checkedDates = 0;
        foreach (var (date, off) in HolidayCn.Value)
        {
            if (date.Year < 2004 || (ChineseDays.Value.TryGetValue(date, out bool other) && other != off))
            {
                continue;
            }

            if (ChineseDays.Value.ContainsKey(date))
            {
                AssertLibrarySays(date, off, "both compilations");
                checkedDates++;
            }
        }

        Assert.True(checkedDates > 600, $"only {checkedDates} dates checked");
    }

    [Fact]
    public void EveryDateOfChineseDays_AgreesWithTheLibrary()
    {
        // chinese-days covers 2004-2006 alone; elsewhere it never says the opposite of holiday-cn (checked below).
        foreach (var (date, off) in ChineseDays.Value)
        {
            AssertLibrarySays(date, off, "chinese-days");
        }
    }

    [Fact]
    public void TheCompilations_NeverDisagreeOnWhetherADateIsWorked()
    {
        foreach (var (date, off) in HolidayCn.Value)
        {
            if (ChineseDays.Value.TryGetValue(date, out bool other))
            {
                Assert.True(off == other, $"{date}: holiday-cn says off={off}, chinese-days off={other}");
            }
        }
    }

    [Fact]
    public void WhereOnlyOneCompilationListsADate_TheLibraryTakesTheUnion()
    {
        var onlyOne = HolidayCn.Value.Keys.Where(d => d.Year >= 2007 && !ChineseDays.Value.ContainsKey(d))
            .Select(d => (Date: d, Off: HolidayCn.Value[d], Source: "holiday-cn only"))
            .Concat(ChineseDays.Value.Keys.Where(d => d.Year >= 2007 && !HolidayCn.Value.ContainsKey(d))
                .Select(d => (Date: d, Off: ChineseDays.Value[d], Source: "chinese-days only")))
            .OrderBy(x => x.Date)
            .ToList();

        // The weekend days inside holiday blocks that one compilation leaves out, and 2020-02-03 (a Monday "working
        // day" after the extended Spring Festival, listed only by holiday-cn).
        var expected = new[]
        {
            "2011-06-05", "2012-06-23", "2014-04-06", "2015-09-05", "2019-04-06", "2019-04-07",
            "2019-06-08", "2019-06-09", "2019-09-14", "2019-09-15", "2020-02-03",
        };
        Assert.Equal(expected, onlyOne.Select(x => x.Date.ToString("uuuu-MM-dd", null)));

        foreach (var (date, off, source) in onlyOne)
        {
            AssertLibrarySays(date, off, source);
        }

        // The choice documented in docs/calendars.md: every day the notice names, and every weekend day inside a block
        // it names, is a holiday; a weekend merely next to a day off ("与周末连休") is a rest day, not a holiday.
        Assert.True(HolidaySets.ChinaMainland.TryGetEntry(Date("2014-04-06"), out var qingming));
        Assert.Equal(HolidayKind.Holiday, qingming.Kind);
        Assert.False(HolidaySets.ChinaMainland.TryGetEntry(Date("2019-04-06"), out _));
        Assert.False(Office.IsWorkingDay(Date("2019-04-06")));
        Assert.True(HolidaySets.ChinaMainland.TryGetEntry(NamedBetween, out var dragonBoat));
        Assert.Equal(HolidayKind.Holiday, dragonBoat.Kind);
        Assert.False(HolidaySets.ChinaMainland.TryGetEntry(Date("2020-02-03"), out _));
    }

    [Fact]
    public void EveryLibraryEntry_ComesFromACompilation()
    {
        foreach (var entry in HolidaySets.ChinaMainland.Entries.Where(e => e.Date != NamedBetween))
        {
            bool inCn = HolidayCn.Value.TryGetValue(entry.Date, out bool cnOff);
            bool inCd = ChineseDays.Value.TryGetValue(entry.Date, out bool cdOff);
            Assert.True(inCn || inCd, $"{entry.Date} is in neither compilation");
            bool off = entry.Kind == HolidayKind.Holiday;
            Assert.True((inCn && cnOff == off) || (inCd && cdOff == off), $"{entry.Date} {entry.Kind} disagrees with the compilations");
            if (entry.Kind == HolidayKind.AdjustedWorkingDay)
            {
                Assert.True(IsWeekend(entry.Date), $"{entry.Date} is an adjusted working day on a weekday");
            }
        }
    }

    [Theory]
    [InlineData("2024-02-04", HolidayKind.AdjustedWorkingDay)]
    [InlineData("2024-10-01", HolidayKind.Holiday)]
    [InlineData("2020-01-31", HolidayKind.Holiday)] // the 2020 Spring Festival extension (notice of 27 January 2020)
    [InlineData("2020-02-01", HolidayKind.Holiday)]
    [InlineData("2020-02-02", HolidayKind.Holiday)]
    [InlineData("2025-01-26", HolidayKind.AdjustedWorkingDay)]
    [InlineData("2025-02-08", HolidayKind.AdjustedWorkingDay)]
    [InlineData("2026-01-01", HolidayKind.Holiday)]
    [InlineData("2026-01-04", HolidayKind.AdjustedWorkingDay)]
    [InlineData("2026-10-01", HolidayKind.Holiday)]
    [InlineData("2004-01-17", HolidayKind.AdjustedWorkingDay)]
    [InlineData("2006-12-30", HolidayKind.AdjustedWorkingDay)]
    public void SpotChecks(string date, HolidayKind kind)
    {
        Assert.True(HolidaySets.ChinaMainland.TryGetEntry(Date(date), out var entry), $"no entry for {date}");
        Assert.Equal(kind, entry.Kind);
        Assert.Equal(Date(date), entry.Date);
        Assert.Equal(kind == HolidayKind.AdjustedWorkingDay, Office.IsWorkingDay(Date(date)));
    }

    [Fact]
    public void The2020SpringFestivalExtension_ClosesUntilFebruaryThird()
    {
        // 2020-01-24..2020-02-02 closed; Monday 2020-02-03 open (the extension itself was not followed by make-up days).
        for (var d = Date("2020-01-24"); d <= Date("2020-02-02"); d = d.PlusDays(1))
        {
            Assert.False(Office.IsWorkingDay(d), $"{d}");
        }

        Assert.True(Office.IsWorkingDay(Date("2020-02-03")));
        Assert.Equal(Date("2020-02-03"), Office.AddWorkingDays(Date("2020-01-23"), 1));
    }

    [Fact]
    public void Data2026_IsPresent()
    {
        var entries2026 = HolidaySets.ChinaMainland.Entries.Where(e => e.Date.Year == 2026).ToList();
        Assert.True(entries2026.Count >= 30, $"2026 has {entries2026.Count} entries");
        Assert.Contains(entries2026, e => e.Kind == HolidayKind.AdjustedWorkingDay);
        Assert.Equal(
            HolidayCn.Value.Count(p => p.Key.Year == 2026 && (p.Value || IsWeekend(p.Key))),
            entries2026.Count);
    }
}
