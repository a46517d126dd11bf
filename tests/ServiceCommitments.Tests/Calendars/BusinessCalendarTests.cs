using System;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Calendars;

/// <summary>The rules of docs/calendars.md on the Shanghai office calendar (Mon-Fri 09:00-12:00 + 13:00-18:00, cn-mainland).</summary>
public sealed class BusinessCalendarTests
{
    // 2024-03-04 is a Monday, 2024-03-01 and 2024-03-08 Fridays; 2024-02-10..17 is the Spring Festival block and
    // Sunday 2024-02-18 an adjusted working day; 2024-10-01..07 is National Day, Sunday 2024-09-29 and Saturday
    // 2024-10-12 adjusted working days.
    [Theory]
    [InlineData("2024-03-04 11:00", 60, "2024-03-04 12:00")] // lands on the lunch closing: stays at 12:00
    [InlineData("2024-03-04 11:00", 61, "2024-03-04 13:01")]
    [InlineData("2024-03-04 11:00", 120, "2024-03-04 14:00")] // docs: lunch is skipped
    [InlineData("2024-03-04 12:00", 60, "2024-03-04 14:00")] // 12:00 is already lunch: counts from 13:00
    [InlineData("2024-03-04 12:00", 1, "2024-03-04 13:01")]
    [InlineData("2024-03-04 12:30", 30, "2024-03-04 13:30")]
    [InlineData("2024-03-04 11:59", 1, "2024-03-04 12:00")]
    [InlineData("2024-03-04 17:00", 60, "2024-03-04 18:00")] // docs: closing time stays, not 09:00 next morning
    [InlineData("2024-03-04 17:00", 61, "2024-03-05 09:01")]
    [InlineData("2024-03-04 17:00", 120, "2024-03-05 10:00")]
    [InlineData("2024-03-04 18:00", 60, "2024-03-05 10:00")]
    [InlineData("2024-03-04 08:00", 60, "2024-03-04 10:00")]
    [InlineData("2024-03-04 09:00", 480, "2024-03-04 18:00")]
    [InlineData("2024-03-04 09:00", 481, "2024-03-05 09:01")]
    [InlineData("2024-03-04 09:00", 180, "2024-03-04 12:00")]
    [InlineData("2024-03-08 17:00", 120, "2024-03-11 10:00")] // over the weekend
    [InlineData("2024-03-09 10:00", 60, "2024-03-11 10:00")] // from a Saturday
    [InlineData("2024-03-04 09:00", 2400, "2024-03-08 18:00")] // a whole week: 5 x 8 h
    [InlineData("2024-02-09 20:00", 60, "2024-02-18 10:00")] // docs: Spring Festival, then the adjusted Sunday
    [InlineData("2024-02-09 16:00", 240, "2024-02-18 11:00")] // docs: 2 h Friday + 2 h adjusted Sunday
    [InlineData("2024-09-30 17:00", 120, "2024-10-08 10:00")] // over National Day
    [InlineData("2024-09-27 17:00", 120, "2024-09-29 10:00")] // Friday -> adjusted Sunday 2024-09-29
    [InlineData("2024-10-11 17:00", 120, "2024-10-12 10:00")] // Friday -> adjusted Saturday 2024-10-12
    public void AddWorkingTime_Forward_FollowsDocumentedRules(string start, int minutes, string expected)
    {
        Assert.Equal(Sh(expected), Office.AddWorkingTime(Sh(start), Duration.FromMinutes(minutes)));
    }

    [Theory]
    [InlineData("2024-03-04 10:00", -60, "2024-03-04 09:00")] // docs: lands on an opening, stays there
    [InlineData("2024-03-04 10:00", -61, "2024-03-01 17:59")]
    [InlineData("2024-03-04 14:00", -60, "2024-03-04 13:00")] // docs
    [InlineData("2024-03-04 14:00", -61, "2024-03-04 11:59")]
    [InlineData("2024-03-04 13:00", -60, "2024-03-04 11:00")]
    [InlineData("2024-03-04 12:30", -30, "2024-03-04 11:30")] // from lunch: counts back from 12:00
    [InlineData("2024-03-04 12:00", -180, "2024-03-04 09:00")]
    [InlineData("2024-03-04 14:00", -240, "2024-03-04 09:00")]
    [InlineData("2024-03-04 14:00", -241, "2024-03-01 17:59")]
    [InlineData("2024-03-04 09:00", -60, "2024-03-01 17:00")]
    [InlineData("2024-03-04 08:00", -60, "2024-03-01 17:00")]
    [InlineData("2024-03-04 18:00", -60, "2024-03-04 17:00")]
    [InlineData("2024-03-04 20:00", -480, "2024-03-04 09:00")]
    [InlineData("2024-03-09 10:00", -60, "2024-03-08 17:00")] // from a Saturday
    [InlineData("2024-02-18 10:00", -60, "2024-02-18 09:00")]
    [InlineData("2024-02-18 10:00", -120, "2024-02-09 17:00")] // back over Spring Festival
    [InlineData("2024-10-08 10:00", -120, "2024-09-30 17:00")] // back over National Day
    public void AddWorkingTime_Backward_IsTheMirrorImage(string start, int minutes, string expected)
    {
        Assert.Equal(Sh(expected), Office.AddWorkingTime(Sh(start), Duration.FromMinutes(minutes)));
    }

    [Theory]
    [InlineData("2024-03-04 12:30")] // lunch
    [InlineData("2024-03-04 20:00")] // evening
    [InlineData("2024-03-09 10:00")] // Saturday
    [InlineData("2024-10-01 10:00")] // holiday
    [InlineData("2024-03-04 10:17")] // working time
    public void AddWorkingTime_Zero_ReturnsStartUnchanged(string start)
    {
        Assert.Equal(Sh(start), Office.AddWorkingTime(Sh(start), Duration.Zero));
    }

    [Fact]
    public void AddWorkingTime_SubTickValues_AreRejected()
    {
        var start = Sh("2024-03-04 10:00") + Duration.FromNanoseconds(50);
        var e1 = Assert.Throws<ArgumentException>(() => Office.AddWorkingTime(start, Duration.FromHours(1)));
        Assert.Equal("start", e1.ParamName);
        var e2 = Assert.Throws<ArgumentException>(() => Office.AddWorkingTime(Sh("2024-03-04 10:00"), Duration.FromNanoseconds(150)));
        Assert.Equal("amount", e2.ParamName);
    }

    [Theory]
    [InlineData("2024-09-30 10:00", 2, "2024-10-09 18:00")] // docs
    [InlineData("2024-09-30 08:00", 2, "2024-10-09 18:00")] // docs: time of day does not matter
    [InlineData("2024-09-30 23:59", 2, "2024-10-09 18:00")]
    [InlineData("2024-10-11 10:00", 1, "2024-10-12 18:00")] // docs: adjusted Saturday counts
    [InlineData("2024-03-04 10:00", 1, "2024-03-05 18:00")]
    [InlineData("2024-03-08 10:00", 1, "2024-03-11 18:00")]
    [InlineData("2024-03-09 10:00", 1, "2024-03-11 18:00")] // from Saturday
    [InlineData("2024-03-04 10:00", 5, "2024-03-11 18:00")]
    [InlineData("2024-02-09 10:00", 1, "2024-02-18 18:00")]
    [InlineData("2024-03-04 10:00", 0, "2024-03-04 18:00")] // n = 0 on a working day: its own close
    [InlineData("2024-03-04 20:00", 0, "2024-03-04 18:00")] // ... even when that close has passed
    [InlineData("2024-03-09 10:00", 0, "2024-03-11 18:00")] // n = 0 on Saturday: the next working day
    [InlineData("2024-10-01 10:00", 0, "2024-10-08 18:00")] // n = 0 on a holiday
    [InlineData("2024-09-29 10:00", 0, "2024-09-29 18:00")] // n = 0 on an adjusted Sunday
    [InlineData("2024-03-04 10:00", -1, "2024-03-01 18:00")]
    [InlineData("2024-03-09 10:00", -1, "2024-03-08 18:00")]
    [InlineData("2024-10-08 10:00", -1, "2024-09-30 18:00")]
    [InlineData("2024-10-08 10:00", -2, "2024-09-29 18:00")] // adjusted Sunday counts backwards too
    [InlineData("2024-02-18 10:00", -1, "2024-02-09 18:00")]
    [InlineData("2024-03-04 10:00", -5, "2024-02-26 18:00")]
    public void AddWorkingDays_Instant_ClosesTheNthWorkingDay(string start, int days, string expected)
    {
        Assert.Equal(Sh(expected), Office.AddWorkingDays(Sh(start), days));
    }

    [Fact]
    public void AddWorkingDays_Instant_CrossesYearEnds()
    {
        // 2024-12-31 is a Tuesday; 2025-01-01 a holiday.
        Assert.Equal(Sh("2025-01-02 18:00"), Office.AddWorkingDays(Sh("2024-12-31 10:00"), 1));
        Assert.Equal(Sh("2024-12-31 18:00"), Office.AddWorkingDays(Sh("2025-01-02 10:00"), -1));
        Assert.Equal(Sh("2024-12-31 18:00"), Office.AddWorkingDays(Sh("2025-01-01 10:00"), -1));
    }

    [Theory]
    [InlineData("2024-09-30", 2, "2024-10-09")]
    [InlineData("2024-09-30", 0, "2024-09-30")]
    [InlineData("2024-10-01", 0, "2024-10-01")] // docs: n = 0 returns the date, working or not
    [InlineData("2024-10-01", 1, "2024-10-08")]
    [InlineData("2024-10-08", -1, "2024-09-30")]
    [InlineData("2024-10-08", -2, "2024-09-29")]
    [InlineData("2024-10-11", 1, "2024-10-12")]
    [InlineData("2024-03-09", 1, "2024-03-11")]
    [InlineData("2024-03-09", -1, "2024-03-08")]
    [InlineData("2024-02-09", 1, "2024-02-18")]
    [InlineData("2024-12-31", 1, "2025-01-02")]
    [InlineData("2025-01-02", -1, "2024-12-31")]
    [InlineData("2024-03-04", 260, "2025-03-19")] // counted independently from the data file
    public void AddWorkingDays_LocalDate_CountsWorkingDays(string date, int days, string expected)
    {
        Assert.Equal(Date(expected), Office.AddWorkingDays(Date(date), days));
    }

    [Fact]
    public void AddWorkingDays_LocalDate_AgreesWithCountingWorkingDays()
    {
        var start = Date("2024-01-02");
        for (int n = 1; n <= 300; n += 7)
        {
            var result = Office.AddWorkingDays(start, n);
            int counted = 0;
            for (var d = start.PlusDays(1); d <= result; d = d.PlusDays(1))
            {
                counted += Office.IsWorkingDay(d) ? 1 : 0;
            }

            Assert.True(Office.IsWorkingDay(result));
            Assert.Equal(n, counted);
        }
    }

    [Theory]
    [InlineData("2024-02-09 10:00", "2024-02-19 10:00", 16 * 60)] // docs
    [InlineData("2024-02-19 10:00", "2024-02-09 10:00", -16 * 60)] // negative when end < start
    [InlineData("2024-03-04 11:00", "2024-03-04 14:00", 120)]
    [InlineData("2024-03-04 12:00", "2024-03-04 13:00", 0)]
    [InlineData("2024-03-04 10:00", "2024-03-04 10:00", 0)]
    [InlineData("2024-03-04 09:00", "2024-03-05 09:00", 480)]
    [InlineData("2024-03-04 00:00", "2024-03-11 00:00", 2400)]
    [InlineData("2024-03-08 17:00", "2024-03-11 10:00", 120)]
    [InlineData("2024-03-11 10:00", "2024-03-08 17:00", -120)]
    [InlineData("2024-09-28 00:00", "2024-10-13 00:00", 7 * 480)] // 29 Sep (adjusted Sunday), 30 Sep, 8-11 Oct, 12 Oct (adjusted Saturday)
    [InlineData("2024-12-31 17:00", "2025-01-02 10:00", 120)]
    public void WorkingTimeBetween_MeasuresWorkingTime(string start, string end, int minutes)
    {
        Assert.Equal(Duration.FromMinutes(minutes), Office.WorkingTimeBetween(Sh(start), Sh(end)));
    }

    [Theory]
    [InlineData("2024-02-04", true)] // Sunday, adjusted working day
    [InlineData("2024-02-18", true)] // Sunday, adjusted working day
    [InlineData("2024-10-12", true)] // Saturday, adjusted working day
    [InlineData("2024-10-01", false)] // National Day
    [InlineData("2024-10-07", false)] // National Day (a Monday)
    [InlineData("2024-02-10", false)] // Saturday, Spring Festival
    [InlineData("2024-03-09", false)] // ordinary Saturday
    [InlineData("2024-03-10", false)] // ordinary Sunday
    [InlineData("2024-03-04", true)] // ordinary Monday
    [InlineData("2025-01-26", true)] // Sunday, adjusted working day
    [InlineData("2025-02-08", true)] // Saturday, adjusted working day
    public void IsWorkingDay_FollowsHolidayData(string date, bool expected)
    {
        Assert.Equal(expected, Office.IsWorkingDay(Date(date)));
    }

    [Fact]
    public void GetWorkingHours_OfAnAdjustedWorkingDay_AreTheWeekdayHours()
    {
        Assert.Equal(
            new[] { WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("13:00-18:00") },
            Office.GetWorkingHours(Date("2024-02-04")));
        Assert.Empty(Office.GetWorkingHours(Date("2024-10-01")));
        Assert.Empty(Office.GetWorkingHours(Date("2024-03-09")));
    }

    [Theory]
    [InlineData("2024-03-04 09:00", true)]
    [InlineData("2024-03-04 08:59:59.9999999", false)]
    [InlineData("2024-03-04 11:59:59.9999999", true)]
    [InlineData("2024-03-04 12:00", false)]
    [InlineData("2024-03-04 12:59:59", false)]
    [InlineData("2024-03-04 13:00", true)]
    [InlineData("2024-03-04 17:59:59", true)]
    [InlineData("2024-03-04 18:00", false)]
    [InlineData("2024-03-09 10:00", false)]
    [InlineData("2024-02-04 10:00", true)]
    [InlineData("2024-10-01 10:00", false)]
    public void IsWorkingTime_IsHalfOpen(string instant, bool expected)
    {
        Assert.Equal(expected, Office.IsWorkingTime(Sh(instant)));
    }

    [Theory]
    [InlineData("2024-03-04 08:00", "2024-03-04 09:00")]
    [InlineData("2024-03-04 09:00", "2024-03-04 09:00")]
    [InlineData("2024-03-04 10:30", "2024-03-04 10:30")]
    [InlineData("2024-03-04 12:00", "2024-03-04 13:00")]
    [InlineData("2024-03-04 18:00", "2024-03-05 09:00")]
    [InlineData("2024-03-08 18:00", "2024-03-11 09:00")]
    [InlineData("2024-02-09 18:00", "2024-02-18 09:00")]
    [InlineData("2024-09-30 18:00", "2024-10-08 09:00")]
    [InlineData("2024-12-31 18:00", "2025-01-02 09:00")]
    public void NextWorkingInstant_RollsForwardToWorkingTime(string instant, string expected)
    {
        Assert.Equal(Sh(expected), Office.NextWorkingInstant(Sh(instant)));
    }

    [Fact]
    public void UnknownYears_Throw_NamingSetYearAndKnownRange()
    {
        void Check(int year, Action action)
        {
            var e = Assert.Throws<HolidayDataUnavailableException>(action);
            Assert.Equal("cn-mainland", e.HolidaySetId);
            Assert.Equal(year, e.Year);
            Assert.Equal(2004, e.FirstKnownYear);
            Assert.Equal(2026, e.LastKnownYear);
            Assert.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
            Assert.Contains("cn-mainland", e.Message, StringComparison.Ordinal);
        }

        Check(2027, () => Office.AddWorkingTime(Sh("2026-12-31 17:00"), Duration.FromHours(4))); // docs
        Check(2027, () => Office.IsWorkingDay(Date("2027-01-04")));
        Check(2027, () => Office.IsWorkingTime(Sh("2027-01-04 10:00")));
        Check(2027, () => Office.GetWorkingHours(Date("2027-01-04")));
        Check(2027, () => Office.AddWorkingDays(Sh("2026-12-31 10:00"), 1));
        Check(2027, () => Office.AddWorkingDays(Date("2026-12-31"), 1));
        Check(2027, () => Office.WorkingTimeBetween(Sh("2026-12-31 10:00"), Sh("2027-01-04 10:00")));
        Check(2027, () => Office.NextWorkingInstant(Sh("2026-12-31 18:00")));
        Check(2003, () => Office.IsWorkingDay(Date("2003-06-02")));
        Check(2003, () => Office.IsWorkingTime(Sh("2003-06-02 10:00")));
        Check(2003, () => Office.AddWorkingTime(Sh("2004-01-02 10:00"), Duration.FromHours(-2)));
        Check(2003, () => Office.AddWorkingDays(Sh("2004-01-02 10:00"), -1));
        Check(2003, () => Office.WorkingTimeBetween(Sh("2004-01-02 10:00"), Sh("2003-12-31 10:00")));
    }

    [Fact]
    public void UnknownYears_Boundaries_NeedOnlyTheYearsTouched()
    {
        // docs: 2026-12-31 17:00 + 30 working minutes ends at 17:30 that day.
        Assert.Equal(Sh("2026-12-31 17:30"), Office.AddWorkingTime(Sh("2026-12-31 17:00"), Duration.FromMinutes(30)));
        Assert.Equal(Sh("2026-12-31 18:00"), Office.AddWorkingTime(Sh("2026-12-31 17:00"), Duration.FromHours(1)));
        Assert.Equal(Sh("2004-01-02 09:00"), Office.AddWorkingTime(Sh("2004-01-02 10:00"), Duration.FromHours(-1)));
        Assert.Equal(Duration.FromHours(1), Office.WorkingTimeBetween(Sh("2026-12-31 17:00"), Sh("2027-01-01 00:00")));
        Assert.True(Office.KnowsYear(2026));
        Assert.False(Office.KnowsYear(2027));
        Assert.False(Office.KnowsYear(2003));
    }

    [Theory]
    [InlineData("2003-12-31 10:00", 1, "2004-01-02 18:00")] // docs: the uncounted 31 December is never read
    [InlineData("2003-12-31 23:59", 3, "2004-01-06 18:00")]
    [InlineData("2003-12-31 00:00", 1, "2004-01-02 18:00")]
    [InlineData("2027-01-01 10:00", -1, "2026-12-31 18:00")] // the mirror: the uncounted 1 January is never read
    [InlineData("2027-01-01 00:00", -2, "2026-12-30 18:00")]
    public void AddWorkingDays_Instant_ReadsTheStartsYearOnlyWhenItCounts(string start, int days, string expected)
    {
        Assert.Equal(Sh(expected), Office.AddWorkingDays(Sh(start), days));
        Assert.Equal(Sh(expected).InZone(Shanghai).Date, Office.AddWorkingDays(Sh(start).InZone(Shanghai).Date, days));
    }

    [Theory]
    [InlineData("2003-12-31 10:00", 0, 2003)] // n = 0 reads the start's own date
    [InlineData("2003-12-30 10:00", 1, 2003)] // the count reads 31 December
    [InlineData("2027-01-01 10:00", 0, 2027)]
    [InlineData("2027-01-02 10:00", -1, 2027)] // the count reads 1 January
    [InlineData("2026-12-31 10:00", 1, 2027)]
    [InlineData("2004-01-01 10:00", -1, 2003)]
    public void AddWorkingDays_Instant_NeedsTheYearsItCounts(string start, int days, int unknownYear)
    {
        var e = Assert.Throws<HolidayDataUnavailableException>(() => Office.AddWorkingDays(Sh(start), days));
        Assert.Equal(unknownYear, e.Year);
        if (days != 0)
        {
            e = Assert.Throws<HolidayDataUnavailableException>(() => Office.AddWorkingDays(Sh(start).InZone(Shanghai).Date, days));
            Assert.Equal(unknownYear, e.Year);
        }
    }

    [Fact]
    public void TreatUnknownYearsAsOrdinary_CountsUnknownYearsAsPlainWeeks()
    {
        var lenient = Office.ToBuilder().TreatUnknownYearsAsOrdinary().Build();
        Assert.True(lenient.TreatUnknownYearsAsOrdinary);
        Assert.False(Office.TreatUnknownYearsAsOrdinary);
        Assert.True(lenient.ToBuilder().Build().TreatUnknownYearsAsOrdinary); // kept through ToBuilder
        Assert.False(lenient.ToBuilder().TreatUnknownYearsAsOrdinary(false).Build().TreatUnknownYearsAsOrdinary);
        // 2026-12-31 is a Thursday; 2027-01-01 (Friday) has no holiday data, so it is an ordinary Friday.
        Assert.Equal(Sh("2027-01-01 12:00"), lenient.AddWorkingTime(Sh("2026-12-31 17:00"), Duration.FromHours(4)));
        Assert.True(lenient.IsWorkingDay(Date("2027-01-01")));
        Assert.True(lenient.IsWorkingDay(Date("2003-06-02")));
        Assert.False(lenient.IsWorkingDay(Date("2003-06-01"))); // Sunday
        Assert.Equal(Sh("2027-01-01 18:00"), lenient.AddWorkingDays(Sh("2026-12-31 10:00"), 1));
        Assert.Equal(Sh("2003-12-31 18:00"), lenient.AddWorkingDays(Sh("2004-01-02 10:00"), -1));
        Assert.Equal(Duration.FromHours(1 + 8 + 1), lenient.WorkingTimeBetween(Sh("2026-12-31 17:00"), Sh("2027-01-04 10:00")));
        // The data still applies where known.
        Assert.False(lenient.IsWorkingDay(Date("2026-01-01")));
    }

    [Fact]
    public void AlwaysOpen_WorkingTimeIsElapsedTime()
    {
        var open = BusinessCalendar.AlwaysOpen(Shanghai);
        Assert.Empty(open.HolidaySets);
        Assert.Equal(Sh("2024-09-30 17:00"), open.AddWorkingTime(Sh("2024-09-30 16:30"), Duration.FromMinutes(30))); // docs
        Assert.Equal(Sh("2024-10-01 16:30"), open.AddWorkingTime(Sh("2024-09-30 16:30"), Duration.FromHours(24)));
        Assert.Equal(Sh("2024-09-29 16:30"), open.AddWorkingTime(Sh("2024-09-30 16:30"), Duration.FromHours(-24)));
        Assert.Equal(Sh("2024-10-04 00:00"), open.AddWorkingDays(Sh("2024-09-30 16:30"), 3)); // 24:00 of the third day
        Assert.Equal(Sh("2024-10-01 00:00"), open.AddWorkingDays(Sh("2024-09-30 16:30"), 0));
        Assert.Equal(Sh("2024-09-30 00:00"), open.AddWorkingDays(Sh("2024-09-30 16:30"), -1));
        Assert.Equal(new LocalDate(2024, 10, 3), open.AddWorkingDays(new LocalDate(2024, 9, 30), 3));
        Assert.True(open.IsWorkingTime(Sh("2024-10-01 03:00")));
        Assert.True(open.IsWorkingDay(Date("2024-10-01")));
        Assert.Equal(Duration.FromHours(100), open.WorkingTimeBetween(Sh("2024-09-30 00:00"), Sh("2024-10-04 04:00")));
        Assert.Equal(Sh("2024-10-01 03:17"), open.NextWorkingInstant(Sh("2024-10-01 03:17")));
        Assert.Equal(new[] { WorkingInterval.AllDay }, open.GetWeeklyHours(IsoDayOfWeek.Sunday));
        Assert.True(open.KnowsYear(1));
        Assert.True(open.KnowsYear(9998));
    }

    [Fact]
    public void FiveByEight_IsTheOfficeWeek()
    {
        var five = BusinessCalendar.FiveByEight(Shanghai, HolidaySets.ChinaMainland);
        Assert.Same(HolidaySets.ChinaMainland, five.HolidaySets[0]);
        Assert.Equal(Office.GetWeeklyHours(IsoDayOfWeek.Monday), five.GetWeeklyHours(IsoDayOfWeek.Monday));
        Assert.Empty(five.GetWeeklyHours(IsoDayOfWeek.Saturday));
        Assert.Equal(Sh("2024-02-18 11:00"), five.AddWorkingTime(Sh("2024-02-09 16:00"), Duration.FromHours(4)));
        Assert.Equal(Sh("2024-10-09 18:00"), five.AddWorkingDays(Sh("2024-09-30 10:00"), 2));

        var plain = BusinessCalendar.FiveByEight(Shanghai);
        Assert.Empty(plain.HolidaySets);
        Assert.True(plain.IsWorkingDay(Date("2024-10-01"))); // no holidays: an ordinary Tuesday
        Assert.False(plain.IsWorkingDay(Date("2024-02-04"))); // no adjusted days: an ordinary Sunday
        Assert.True(plain.IsWorkingDay(Date("2030-01-01")));
        Assert.Throws<ArgumentNullException>(() => BusinessCalendar.FiveByEight(null!));
        Assert.Throws<ArgumentNullException>(() => BusinessCalendar.FiveByEight(Shanghai, null!));
        Assert.Throws<ArgumentNullException>(() => BusinessCalendar.AlwaysOpen(null!));
    }

    [Fact]
    public void ToBuilder_LayersCustomerRulesOnTheSharedCalendar()
    {
        var customer = Office.ToBuilder()
            .AddClosure(Date("2024-12-24"))
            .SetSpecialHours(Date("2024-12-31"), WorkingInterval.Parse("09:00-12:00"))
            .AddWorkingDay(Date("2024-12-28")) // a Saturday
            .SetSpecialHours(Date("2024-10-02"), WorkingInterval.Parse("10:00-11:00")) // special hours beat the holiday
            .AddClosure(Date("2024-02-04")) // a closure beats the adjusted working day
            .Build();

        Assert.Same(HolidaySets.ChinaMainland, customer.HolidaySets[0]);
        Assert.Same(Office.HolidaySets[0], customer.HolidaySets[0]);

        // The office is unchanged.
        Assert.True(Office.IsWorkingDay(Date("2024-12-24")));
        Assert.False(Office.IsWorkingDay(Date("2024-12-28")));
        Assert.Equal(2, Office.GetWorkingHours(Date("2024-12-31")).Count);

        Assert.False(customer.IsWorkingDay(Date("2024-12-24")));
        Assert.True(customer.IsWorkingDay(Date("2024-12-28")));
        Assert.Equal(Office.GetWeeklyHours(IsoDayOfWeek.Monday), customer.GetWorkingHours(Date("2024-12-28")));
        Assert.Equal(new[] { WorkingInterval.Parse("09:00-12:00") }, customer.GetWorkingHours(Date("2024-12-31")));
        Assert.Equal(new[] { WorkingInterval.Parse("10:00-11:00") }, customer.GetWorkingHours(Date("2024-10-02")));
        Assert.False(customer.IsWorkingDay(Date("2024-02-04")));

        Assert.Equal(Sh("2024-12-25 10:00"), customer.AddWorkingTime(Sh("2024-12-23 17:00"), Duration.FromHours(2)));
        Assert.Equal(Sh("2024-12-28 10:00"), customer.AddWorkingTime(Sh("2024-12-27 17:00"), Duration.FromHours(2)));
        Assert.Equal(Sh("2025-01-02 10:00"), customer.AddWorkingTime(Sh("2024-12-31 10:00"), Duration.FromHours(3)));
        Assert.Equal(Sh("2024-12-31 12:00"), customer.AddWorkingTime(Sh("2024-12-31 10:00"), Duration.FromHours(2)));
        Assert.Equal(Sh("2024-12-31 12:00"), customer.AddWorkingDays(Sh("2024-12-30 10:00"), 1)); // the half day's close
        Assert.Equal(Sh("2024-10-02 11:00"), customer.AddWorkingDays(Sh("2024-09-30 10:00"), 1));
        Assert.Equal(Sh("2024-10-02 10:00"), customer.NextWorkingInstant(Sh("2024-10-01 10:00")));
        Assert.Equal(Duration.FromHours(3), customer.WorkingTimeBetween(Sh("2024-12-31 00:00"), Sh("2025-01-02 00:00")));

        // A customer's layer can itself be layered again; the earlier layer is kept.
        var again = customer.ToBuilder().AddClosure(Date("2024-12-27")).Build();
        Assert.False(again.IsWorkingDay(Date("2024-12-24")));
        Assert.False(again.IsWorkingDay(Date("2024-12-27")));
        Assert.True(customer.IsWorkingDay(Date("2024-12-27")));
        var clash = Assert.Throws<ValidationException>(() => customer.ToBuilder().AddClosure(Date("2024-12-31")).Build());
        Assert.Equal("closure 2024-12-31", Assert.Single(clash.Problems).Field);
        Assert.Contains("already has special hours (special hours of 2024-12-31)", clash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetAdjustedWorkingDayHours_AppliesToAdjustedAndExtraWorkingDays()
    {
        var calendar = Office.ToBuilder()
            .SetAdjustedWorkingDayHours(WorkingInterval.Parse("10:00-16:00"))
            .AddWorkingDay(Date("2024-03-09"))
            .Build();
        Assert.Equal(new[] { WorkingInterval.Parse("10:00-16:00") }, calendar.AdjustedWorkingDayHours);
        Assert.Equal(new[] { WorkingInterval.Parse("10:00-16:00") }, calendar.GetWorkingHours(Date("2024-02-04")));
        Assert.Equal(new[] { WorkingInterval.Parse("10:00-16:00") }, calendar.GetWorkingHours(Date("2024-03-09")));
        Assert.Equal(2, calendar.GetWorkingHours(Date("2024-03-04")).Count);
        Assert.Equal(Sh("2024-02-04 16:00"), calendar.AddWorkingDays(Sh("2024-02-02 10:00"), 1));

        // Round-trips through ToBuilder.
        var copy = calendar.ToBuilder().Build();
        Assert.Equal(calendar.AdjustedWorkingDayHours, copy.AdjustedWorkingDayHours);
        Assert.Equal(new[] { WorkingInterval.Parse("10:00-16:00") }, copy.GetWorkingHours(Date("2024-03-09")));
    }

    [Fact]
    public void AdjustedWorkingDayHours_DefaultToTheFirstDayWithHoursFromMonday()
    {
        var calendar = new BusinessCalendarBuilder(Shanghai)
            .SetWeeklyHours(IsoDayOfWeek.Wednesday, WorkingInterval.Parse("14:00-15:00"))
            .SetWeeklyHours(IsoDayOfWeek.Thursday, WorkingInterval.Parse("08:00-09:00"))
            .AddHolidaySet(HolidaySets.ChinaMainland)
            .Build();
        Assert.Equal(new[] { WorkingInterval.Parse("14:00-15:00") }, calendar.AdjustedWorkingDayHours);
        Assert.Equal(new[] { WorkingInterval.Parse("14:00-15:00") }, calendar.GetWorkingHours(Date("2024-02-04")));
    }

    [Fact]
    public void IntervalEndingAt2400_ClosesAtTheNextMidnight()
    {
        var evening = new BusinessCalendarBuilder(Shanghai)
            .SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, WorkingInterval.Parse("20:00-24:00"))
            .Build();
        Assert.True(WorkingInterval.Parse("20:00-24:00").EndsAtMidnight);
        Assert.Equal(Sh("2024-03-05 00:00"), evening.AddWorkingTime(Sh("2024-03-04 23:00"), Duration.FromHours(1)));
        Assert.Equal(Sh("2024-03-05 21:00"), evening.AddWorkingTime(Sh("2024-03-04 23:00"), Duration.FromHours(2)));
        Assert.Equal(Sh("2024-03-04 23:00"), evening.AddWorkingTime(Sh("2024-03-05 00:00"), Duration.FromHours(-1)));
        Assert.True(evening.IsWorkingTime(Sh("2024-03-04 23:59:59.9999999")));
        Assert.False(evening.IsWorkingTime(Sh("2024-03-05 00:00")));
        Assert.Equal(Sh("2024-03-05 00:00"), evening.AddWorkingDays(Sh("2024-03-04 10:00"), 0));
        Assert.Equal(Sh("2024-03-06 00:00"), evening.AddWorkingDays(Sh("2024-03-04 10:00"), 1));
        Assert.Equal(Duration.FromHours(20), evening.WorkingTimeBetween(Sh("2024-03-04 00:00"), Sh("2024-03-11 00:00")));

        // An overnight shift written as two intervals is continuous across midnight.
        var night = new BusinessCalendarBuilder(Shanghai)
            .SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, WorkingInterval.Parse("00:00-06:00"), WorkingInterval.Parse("22:00-24:00"))
            .Build();
        Assert.Equal(Sh("2024-03-05 01:00"), night.AddWorkingTime(Sh("2024-03-04 23:00"), Duration.FromHours(2)));
        Assert.Equal(Sh("2024-03-04 23:00"), night.AddWorkingTime(Sh("2024-03-05 01:00"), Duration.FromHours(-2)));
        Assert.Equal(Sh("2024-03-05 00:00"), night.AddWorkingTime(Sh("2024-03-05 01:00"), Duration.FromHours(-1)));
        Assert.Equal(Sh("2024-03-05 06:00"), night.AddWorkingTime(Sh("2024-03-05 05:00"), Duration.FromHours(1)));
        Assert.Equal(Sh("2024-03-05 23:00"), night.AddWorkingTime(Sh("2024-03-05 05:00"), Duration.FromHours(2)));
        Assert.Equal(Duration.FromHours(8), night.WorkingTimeBetween(Sh("2024-03-04 22:00"), Sh("2024-03-05 06:00")));
        Assert.True(night.IsWorkingTime(Sh("2024-03-05 00:00")));
    }

    [Fact]
    public void BulkForms_EqualSingleForms()
    {
        var starts = new[]
        {
            Sh("2024-03-04 11:00"), Sh("2024-03-04 12:00"), Sh("2024-03-04 17:00"), Sh("2024-02-09 16:00"),
            Sh("2024-09-30 10:00"), Sh("2024-10-12 08:00"), Sh("2024-12-31 23:59"), Sh("2024-03-04 10:00"),
        };
        var amounts = new[]
        {
            Duration.FromHours(1), Duration.FromHours(-1), Duration.FromMinutes(61), Duration.FromHours(4),
            Duration.Zero, Duration.FromHours(-30), Duration.FromTicks(1), Duration.FromHours(-1),
        };
        var ends = starts.Select((s, i) => s + Duration.FromHours(40 * (i - 3))).ToArray();

        var results = new Instant[starts.Length + 2];
        Office.AddWorkingTime(starts, Duration.FromHours(3), results);
        Assert.Equal(starts.Select(s => Office.AddWorkingTime(s, Duration.FromHours(3))), results.Take(starts.Length));
        Assert.Equal(default, results[^1]);

        Office.AddWorkingTime(starts, amounts, results);
        Assert.Equal(starts.Select((s, i) => Office.AddWorkingTime(s, amounts[i])), results.Take(starts.Length));

        foreach (int days in new[] { -3, 0, 2 })
        {
            Office.AddWorkingDays(starts, days, results);
            Assert.Equal(starts.Select(s => Office.AddWorkingDays(s, days)), results.Take(starts.Length));
        }

        var durations = new Duration[starts.Length];
        Office.WorkingTimeBetween(starts, ends, durations);
        Assert.Equal(starts.Select((s, i) => Office.WorkingTimeBetween(s, ends[i])), durations);

        // Empty inputs are fine.
        Office.AddWorkingTime(ReadOnlySpan<Instant>.Empty, Duration.FromHours(1), Span<Instant>.Empty);
    }

    [Fact]
    public void BulkForms_RejectShortResultsAndMismatchedLengths()
    {
        var starts = new[] { Sh("2024-03-04 11:00"), Sh("2024-03-04 12:00") };
        var e1 = Assert.Throws<ArgumentException>(() => Office.AddWorkingTime(starts, Duration.FromHours(1), new Instant[1]));
        Assert.Equal("results", e1.ParamName);
        var e2 = Assert.Throws<ArgumentException>(() => Office.AddWorkingTime(starts, new[] { Duration.FromHours(1), Duration.FromHours(1) }, new Instant[1]));
        Assert.Equal("results", e2.ParamName);
        var e3 = Assert.Throws<ArgumentException>(() => Office.AddWorkingTime(starts, new[] { Duration.FromHours(1) }, new Instant[2]));
        Assert.Equal("amounts", e3.ParamName);
        var e4 = Assert.Throws<ArgumentException>(() => Office.AddWorkingDays(starts, 1, new Instant[1]));
        Assert.Equal("results", e4.ParamName);
        var e5 = Assert.Throws<ArgumentException>(() => Office.WorkingTimeBetween(starts, starts, new Duration[1]));
        Assert.Equal("results", e5.ParamName);
        var e6 = Assert.Throws<ArgumentException>(() => Office.WorkingTimeBetween(starts, new[] { starts[0] }, new Duration[2]));
        Assert.Equal("ends", e6.ParamName);
        Assert.Contains("1", e1.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Range_OutsideYears1To9998_IsRejected()
    {
        var open = BusinessCalendar.AlwaysOpen(DateTimeZone.Utc);
        Assert.Throws<ArgumentOutOfRangeException>(() => open.IsWorkingTime(Instant.FromUtc(9999, 6, 1, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => open.AddWorkingTime(Instant.FromUtc(9998, 12, 31, 0, 0), Duration.FromDays(2)));
        Assert.Throws<ArgumentException>(() => open.IsWorkingDay(new LocalDate(9999, 1, 1)));

        // The first supported instant is a valid start; going back from it is what leaves the range.
        var first = Instant.FromUtc(1, 1, 1, 0, 0);
        Assert.True(open.IsWorkingTime(first));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => open.AddWorkingTime(first, Duration.FromHours(-1)));
        Assert.Equal("amount", e.ParamName);
        Assert.Contains("before", e.Message, StringComparison.Ordinal);
    }

    // Issue 14: a count that cannot fit in years 1-9998 compiled every year up to 9998 before its error (31-51 s and
    // ~230 MB on a calendar of 96 intervals a day); it is refused before any year is compiled.
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    [InlineData(3_000_000)] // 8,200 years of days from 2024: more days than the range has left
    [InlineData(-800_000)] // 2,190 years back from 2024: more than there are since year 1
    public void AddWorkingDays_IsRefusedBeforeCompilingAnyYear_WhenTheCountCannotFitInTheRange(int days)
    {
        var calendar = new BusinessCalendarBuilder(Shanghai).SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, WorkingInterval.AllDay).Build();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(Sh("2024-03-04 10:00"), days));
        Assert.Equal("days", e.ParamName);
        Assert.Contains("calendar days", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(new LocalDate(2024, 3, 4), days));
        Assert.Equal(0, calendar.CompiledYearCount);
    }

    [Fact]
    public void AddWorkingTime_IsRefusedBeforeCompilingAnyYear_WhenTheAmountIsLongerThanTheRangeLeft()
    {
        var calendar = new BusinessCalendarBuilder(Shanghai).SetWeeklyHours(IsoDayOfWeek.Monday, WorkingInterval.Parse("09:00-09:15")).Build();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingTime(Sh("2024-03-04 10:00"), Duration.FromDays(3_000_000)));
        Assert.Equal("amount", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingTime(Sh("2024-03-04 10:00"), Duration.FromDays(-800_000)));
        Assert.Equal(0, calendar.CompiledYearCount);
    }
}
