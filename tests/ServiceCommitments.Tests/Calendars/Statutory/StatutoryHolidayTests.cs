using System;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Calendars.Statutory;

/// <summary>ChinaMainlandStatute: each revision of 全国年节及纪念日放假办法 for a sample year, lunar leap months, the range.</summary>
public sealed class StatutoryHolidayTests
{
    private const string NewYear = "New Year's Day 元旦";
    private const string Spring = "Spring Festival 春节";
    private const string Qingming = "Tomb-sweeping Day 清明";
    private const string Labour = "Labour Day 劳动节";
    private const string DragonBoat = "Dragon Boat Festival 端午";
    private const string MidAutumn = "Mid-autumn Festival 中秋";
    private const string National = "National Day 国庆节";

    public static TheoryData<int, string[]> Years => new()
    {
        // Every year before 2008 follows the 1999 revision, the documented contract (formats: "before 2008 the rule is
        // the 1999 law"), back to the lunisolar calendar's first year.
        {
            1901,
            [
                $"1901-01-01 {NewYear}", $"1901-02-19 {Spring}", $"1901-02-20 {Spring}", $"1901-02-21 {Spring}",
                $"1901-05-01 {Labour}", $"1901-05-02 {Labour}", $"1901-05-03 {Labour}",
                $"1901-10-01 {National}", $"1901-10-02 {National}", $"1901-10-03 {National}",
            ]
        },
        {
            1998,
            [
                $"1998-01-01 {NewYear}", $"1998-01-28 {Spring}", $"1998-01-29 {Spring}", $"1998-01-30 {Spring}",
                $"1998-05-01 {Labour}", $"1998-05-02 {Labour}", $"1998-05-03 {Labour}",
                $"1998-10-01 {National}", $"1998-10-02 {National}", $"1998-10-03 {National}",
            ]
        },

        // 1999 revision: 劳动节 May 1-3; 国庆 Oct 1-3.
        {
            2007,
            [
                $"2007-01-01 {NewYear}", $"2007-02-18 {Spring}", $"2007-02-19 {Spring}", $"2007-02-20 {Spring}",
                $"2007-05-01 {Labour}", $"2007-05-02 {Labour}", $"2007-05-03 {Labour}",
                $"2007-10-01 {National}", $"2007-10-02 {National}", $"2007-10-03 {National}",
            ]
        },

        // 2007 revision: 春节 除夕-初二; 清明, 端午, 中秋 one day each; 劳动节 May 1.
        {
            2010,
            [
                $"2010-01-01 {NewYear}", $"2010-02-13 {Spring}", $"2010-02-14 {Spring}", $"2010-02-15 {Spring}",
                $"2010-04-05 {Qingming}", $"2010-05-01 {Labour}", $"2010-06-16 {DragonBoat}", $"2010-09-22 {MidAutumn}",
                $"2010-10-01 {National}", $"2010-10-02 {National}", $"2010-10-03 {National}",
            ]
        },

        // 2013 revision: 春节 初一-初三.
        {
            2015,
            [
                $"2015-01-01 {NewYear}", $"2015-02-19 {Spring}", $"2015-02-20 {Spring}", $"2015-02-21 {Spring}",
                $"2015-04-05 {Qingming}", $"2015-05-01 {Labour}", $"2015-06-20 {DragonBoat}", $"2015-09-27 {MidAutumn}",
                $"2015-10-01 {National}", $"2015-10-02 {National}", $"2015-10-03 {National}",
            ]
        },

        // 中秋 on 1 October: one entry, National Day. 端午 in a year with 闰四月.
        {
            2020,
            [
                $"2020-01-01 {NewYear}", $"2020-01-25 {Spring}", $"2020-01-26 {Spring}", $"2020-01-27 {Spring}",
                $"2020-04-04 {Qingming}", $"2020-05-01 {Labour}", $"2020-06-25 {DragonBoat}",
                $"2020-10-01 {National}", $"2020-10-02 {National}", $"2020-10-03 {National}",
            ]
        },

        // 2024 revision: 春节 除夕-初三; 劳动节 May 1-2. 中秋 after National Day.
        {
            2025,
            [
                $"2025-01-01 {NewYear}", $"2025-01-28 {Spring}", $"2025-01-29 {Spring}", $"2025-01-30 {Spring}", $"2025-01-31 {Spring}",
                $"2025-04-04 {Qingming}", $"2025-05-01 {Labour}", $"2025-05-02 {Labour}", $"2025-05-31 {DragonBoat}",
                $"2025-10-01 {National}", $"2025-10-02 {National}", $"2025-10-03 {National}", $"2025-10-06 {MidAutumn}",
            ]
        },

        // The first year without a notice when this was written.
        {
            2027,
            [
                $"2027-01-01 {NewYear}", $"2027-02-05 {Spring}", $"2027-02-06 {Spring}", $"2027-02-07 {Spring}", $"2027-02-08 {Spring}",
                $"2027-04-05 {Qingming}", $"2027-05-01 {Labour}", $"2027-05-02 {Labour}", $"2027-06-09 {DragonBoat}",
                $"2027-09-15 {MidAutumn}", $"2027-10-01 {National}", $"2027-10-02 {National}", $"2027-10-03 {National}",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Years))]
    public void TryGetHolidays_GivesTheLawsDays_ForEachRevision(int year, string[] expected)
    {
        Assert.True(ChinaMainlandStatute.TryGetHolidays(year, out var entries));
        Assert.All(entries, e => Assert.Equal(HolidayKind.Holiday, e.Kind));
        Assert.Equal(expected, entries.Select(e => $"{e.Date:uuuu-MM-dd} {e.Name}"));
    }

    /// <summary>GetLeapMonth's index counts the leap month itself, so a month after a leap month has the next index.</summary>
    [Theory]
    [InlineData(2020, 5, 5, "2020-06-25")]  // 闰四月: 五月 is index 6
    [InlineData(2023, 5, 5, "2023-06-22")]  // 闰二月
    [InlineData(2009, 5, 5, "2009-05-28")]  // 闰五月: 五月 itself is index 5, the leap month index 6
    [InlineData(2020, 8, 15, "2020-10-01")]
    [InlineData(2023, 8, 15, "2023-09-29")]
    [InlineData(2025, 8, 15, "2025-10-06")]  // 闰六月
    [InlineData(2024, 1, 1, "2024-02-10")]
    [InlineData(2023, 1, 1, "2023-01-22")]
    [InlineData(2020, 1, 1, "2020-01-25")]
    [InlineData(2006, 8, 15, "2006-10-06")]  // 闰七月
    [InlineData(2017, 8, 15, "2017-10-04")]  // 闰六月
    public void LunarDate_SkipsALeapMonthBeforeIt(int year, int month, int day, string expected) =>
        Assert.Equal(Date(expected), ChinaMainlandStatute.LunarDate(year, month, day));

    [Fact]
    public void TryGetHolidays_SpringFestivalEve_IsTheLastDayOfTheTwelfthMonth_WhetherItHas29Or30Days()
    {
        // 2025: 腊月 has 29 days (除夕 is 廿九, 2025-01-28); 2024: 30 days (除夕 is 三十, 2024-02-09).
        Assert.True(ChinaMainlandStatute.TryGetHolidays(2025, out var entries2025));
        Assert.Equal(Date("2025-01-28"), entries2025[1].Date);
        Assert.Equal(Date("2024-02-09"), ChinaMainlandStatute.LunarDate(2024, 1, 1).PlusDays(-1));
    }

    [Fact]
    public void TryGetHolidays_EveryYearInRange_IsOrderedDistinctAndOfTheExpectedSize()
    {
        for (int year = ChinaMainlandStatute.FirstYear; year <= ChinaMainlandStatute.LastYear; year++)
        {
            Assert.True(ChinaMainlandStatute.TryGetHolidays(year, out var entries), $"{year}");
            Assert.All(entries, e => Assert.Equal(year, e.Date.Year));
            for (int i = 1; i < entries.Length; i++)
            {
                Assert.True(entries[i - 1].Date < entries[i].Date, $"{year}: {entries[i - 1]} then {entries[i]}");
            }

            int expected = year switch
            {
                <= 2007 => 10,
                <= 2024 => 11,
                _ => 13,
            };
            var midAutumn = year >= 2008 ? ChinaMainlandStatute.LunarDate(year, 8, 15) : default;
            if (year >= 2008 && midAutumn.Month == 10 && midAutumn.Day <= 3)
            {
                expected--;
            }

            Assert.Equal(expected, entries.Length);
        }
    }

    [Theory]
    [InlineData(int.MinValue)]
    [InlineData(0)]
    [InlineData(1900)]
    [InlineData(2101)]
    [InlineData(int.MaxValue)]
    public void TryGetHolidays_IsFalse_OutsideTheRange(int year)
    {
        Assert.False(ChinaMainlandStatute.TryGetHolidays(year, out var entries));
        Assert.Empty(entries);
    }

    [Theory]
    [InlineData(1901, "全国年节及纪念日放假办法 (1999 revision, applied to every year before 2008)")]
    [InlineData(2007, "全国年节及纪念日放假办法 (1999 revision, applied to every year before 2008)")]
    [InlineData(2008, "全国年节及纪念日放假办法 (2007 revision, in force from 2008)")]
    [InlineData(2014, "全国年节及纪念日放假办法 (2013 revision, in force from 2014)")]
    [InlineData(2024, "全国年节及纪念日放假办法 (2013 revision, in force from 2014)")]
    [InlineData(2025, "全国年节及纪念日放假办法 (2024 revision, in force from 2025)")]
    [InlineData(2100, "全国年节及纪念日放假办法 (2024 revision, in force from 2025)")]
    public void LawFor_NamesTheRevision(int year, string expected) =>
        Assert.Equal(expected, ChinaMainlandStatute.LawFor(year));

    [Fact]
    public void LawFor_SaysWhyThereIsNothing_OutsideTheRange()
    {
        Assert.Contains("outside the years", ChinaMainlandStatute.LawFor(1900), StringComparison.Ordinal);
        Assert.Contains("outside the years", ChinaMainlandStatute.LawFor(2101), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_MatchTheShippedData()
    {
        var shipped = HolidaySets.ChinaMainland.Entries.Select(e => e.Name).ToHashSet();
        Assert.True(ChinaMainlandStatute.TryGetHolidays(2025, out var entries));
        Assert.All(entries, e => Assert.Contains(e.Name, shipped));
        Assert.Contains(MidAutumn, shipped);
    }
}
