using System;
using NodaTime;
using ServiceCommitments.Calendars;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Calendars.Statutory;

/// <summary>SolarTerms against Meeus's worked example, known equinoxes and the published dates and times of 清明.</summary>
public sealed class SolarTermTests
{
    private static readonly NodaTime.Offset ChinaStandardTime = NodaTime.Offset.FromHours(8);

    [Fact]
    public void ApparentLongitude_MatchesMeeusExample25b()
    {
        // Meeus, Astronomical Algorithms, example 25.b: 1992 October 13.0 TD, λ = 199°54′21.818″ (full VSOP87).
        double expected = 199 + (54 / 60.0) + (21.818 / 3600.0);
        Assert.Equal(expected, SolarTerms.ApparentLongitude(2448908.5), 0.5 / 3600.0);
    }

    [Theory]
    [InlineData(2000, "2000-03-20T07:35:00Z")]
    [InlineData(2020, "2020-03-20T03:50:00Z")]
    [InlineData(2024, "2024-03-20T03:06:00Z")]
    public void SolarLongitudeInstant_FindsTheMarchEquinox_WithinAMinute(int year, string published)
    {
        var instant = SolarTerms.SolarLongitudeInstant(year, 0);
        var difference = instant - Offset(published.Replace("Z", "+00:00", StringComparison.Ordinal));
        Assert.True(Math.Abs(difference.TotalSeconds) <= 60, $"{instant} vs {published}");
    }

    /// <summary>The 清明 day of the State Council's notices (2004-2026; e.g. "4月4日(星期六、农历清明当日)" in 2020) and published tables (2027-2030).</summary>
    [Theory]
    [InlineData(2004, "2004-04-04")]
    [InlineData(2005, "2005-04-05")] // 00:34, 34 minutes after midnight
    [InlineData(2006, "2006-04-05")]
    [InlineData(2007, "2007-04-05")]
    [InlineData(2008, "2008-04-04")]
    [InlineData(2009, "2009-04-04")] // 23:34, 26 minutes before midnight
    [InlineData(2010, "2010-04-05")]
    [InlineData(2011, "2011-04-05")]
    [InlineData(2012, "2012-04-04")]
    [InlineData(2013, "2013-04-04")] // 23:02, 58 minutes before midnight
    [InlineData(2014, "2014-04-05")]
    [InlineData(2015, "2015-04-05")]
    [InlineData(2016, "2016-04-04")]
    [InlineData(2017, "2017-04-04")]
    [InlineData(2018, "2018-04-05")]
    [InlineData(2019, "2019-04-05")]
    [InlineData(2020, "2020-04-04")]
    [InlineData(2021, "2021-04-04")]
    [InlineData(2022, "2022-04-05")]
    [InlineData(2023, "2023-04-05")]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    [InlineData(2028, "2028-04-04")]
    [InlineData(2029, "2029-04-04")]
    [InlineData(2030, "2030-04-05")]
    public void QingmingDate_IsThePublishedDay(int year, string published) =>
        Assert.Equal(Date(published), SolarTerms.QingmingDate(year));

    /// <summary>The 清明 instants as published (Purple Mountain Observatory's minutes, as reported by Xinhua).</summary>
    [Theory]
    [InlineData("2013-04-04 23:02")]
    [InlineData("2021-04-04 21:34:58")]
    [InlineData("2024-04-04 15:02:03")]
    [InlineData("2025-04-04 20:49")]
    [InlineData("2026-04-05 02:40")]
    public void QingmingInstant_IsWithinAMinuteOfThePublishedTime(string published)
    {
        var expected = Local(published).WithOffset(ChinaStandardTime).ToInstant();
        var computed = SolarTerms.SolarLongitudeInstant(expected.InUtc().Year, SolarTerms.QingmingLongitude);
        Assert.True(Math.Abs((computed - expected).TotalSeconds) <= 60, $"{computed} vs {published} (UTC+8)");
    }

    /// <summary>
    /// The pattern astronomers give for 清明 (Xinhua, citing the 中国天文年历): every year 1944-1975 on 5 April; 1976-2007
    /// on 4 April in leap years and 5 April otherwise; for twenty years from 2008 on 4 April in a leap year and the year
    /// after. It covers the near-midnight years 1947 (23:20), 1972 (00:29), 1976 (23:47), 1980 (23:15), 2005 and 2009.
    /// </summary>
    [Fact]
    public void QingmingDate_FollowsThePublishedPattern_1944To2027()
    {
        for (int year = 1944; year <= 2027; year++)
        {
            bool leap = DateTime.IsLeapYear(year);
            int expectedDay = year switch
            {
                <= 1975 => 5,
                <= 2007 => leap ? 4 : 5,
                _ => leap || DateTime.IsLeapYear(year - 1) ? 4 : 5,
            };
            Assert.Equal(new LocalDate(year, 4, expectedDay), SolarTerms.QingmingDate(year));
        }
    }

    [Fact]
    public void QingmingDate_IsTheFourthFifthOrSixthOfApril_EveryYear1901To2100()
    {
        for (int year = SolarTerms.FirstYear; year <= SolarTerms.LastYear; year++)
        {
            var date = SolarTerms.QingmingDate(year);
            Assert.Equal(4, date.Month);
            Assert.InRange(date.Day, 4, 6);
            if (date.Day == 6)
            {
                Assert.True(year <= 1943, $"清明 on 6 April in {year}; astronomers put the last 6 April 清明 of the period in 1943");
            }
        }
    }

    /// <summary>
    /// The computed instants that fall within an hour of midnight (UTC+8), pinned with their dates. The dates of 1947,
    /// 1972, 1976, 1980, 2005, 2009 and 2013 are published (see the tests above); the others rest on the algorithm alone,
    /// whose error (about 15 seconds against the published times of 2013-2026, plus the uncertainty of ΔT: a minute or
    /// so by 2050, a few minutes by 2100) is well inside each margin except perhaps 2071 (10 minutes) and 1943 (11).
    /// </summary>
    [Theory]
    [InlineData(1910, "1910-04-06 00:23")]
    [InlineData(1914, "1914-04-05 23:22")]
    [InlineData(1939, "1939-04-06 00:37")]
    [InlineData(1943, "1943-04-06 00:11")]
    [InlineData(1947, "1947-04-05 23:20")]
    [InlineData(1972, "1972-04-05 00:29")]
    [InlineData(1976, "1976-04-04 23:47")]
    [InlineData(1980, "1980-04-04 23:15")]
    [InlineData(2005, "2005-04-05 00:34")]
    [InlineData(2009, "2009-04-04 23:34")]
    [InlineData(2013, "2013-04-04 23:02")]
    [InlineData(2038, "2038-04-05 00:29")]
    [InlineData(2042, "2042-04-04 23:40")]
    [InlineData(2067, "2067-04-05 00:40")]
    [InlineData(2071, "2071-04-05 00:10")]
    [InlineData(2075, "2075-04-04 23:31")]
    [InlineData(2100, "2100-04-05 00:43")]
    public void QingmingInstant_NearMidnight_IsPinnedToTheMinute(int year, string computed)
    {
        var instant = SolarTerms.SolarLongitudeInstant(year, SolarTerms.QingmingLongitude).WithOffset(ChinaStandardTime).LocalDateTime;
        var expected = Local(computed);
        Assert.True(Math.Abs(Period.Between(expected, instant, PeriodUnits.Seconds).Seconds) <= 60, $"{instant} vs {computed}");
        Assert.Equal(expected.Date, SolarTerms.QingmingDate(year));
    }

    [Fact]
    public void QingmingInstants_WithinAnHourOfMidnight_AreExactlyThePinnedYears()
    {
        var near = new System.Collections.Generic.List<int>();
        for (int year = SolarTerms.FirstYear; year <= SolarTerms.LastYear; year++)
        {
            var time = SolarTerms.SolarLongitudeInstant(year, SolarTerms.QingmingLongitude).WithOffset(ChinaStandardTime).TimeOfDay;
            long minutes = time.TickOfDay / NodaConstants.TicksPerMinute;
            if (minutes < 60 || minutes >= 23 * 60)
            {
                near.Add(year);
            }
        }

        Assert.Equal([1910, 1914, 1939, 1943, 1947, 1972, 1976, 1980, 2005, 2009, 2013, 2038, 2042, 2067, 2071, 2075, 2100], near);
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(2101)]
    public void SolarLongitudeInstant_Throws_OutsideTheSupportedYears(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SolarTerms.SolarLongitudeInstant(year, 15));

    [Theory]
    [InlineData(-1.0)]
    [InlineData(360.0)]
    [InlineData(double.NaN)]
    public void SolarLongitudeInstant_Throws_ForALongitudeOutsideTheCircle(double degrees) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SolarTerms.SolarLongitudeInstant(2024, degrees));
}
