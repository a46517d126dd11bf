using System;
using NodaTime;
using NodaTime.Text;
using ServiceCommitments.Targets;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;
using static ServiceCommitments.Tests.Faults.PolicyTestSupport;

namespace ServiceCommitments.Tests.Targets;

/// <summary>
/// docs/policies.md, Targets, at their edges on the office calendar (Mon-Fri 09-12, 13-18, mainland China holidays):
/// lunch and closing times, 调休 days (4 and 18 February, 29 September and 12 October 2024), month ends, the holiday
/// rule landing in the Spring Festival and National Day, and the cut-off.
/// </summary>
public sealed class ServiceTargetBoundaryTests
{
    [Theory]
    [InlineData("2024-03-04 12:00", "PT1H", "2024-03-04 14:00")] // from the start of lunch: counts from 13:00
    [InlineData("2024-03-04 11:59", "PT1M", "2024-03-04 12:00")] // lands on the lunch break's start: stays
    [InlineData("2024-03-04 17:59", "PT1M", "2024-03-04 18:00")] // lands on the close: stays
    [InlineData("2024-03-04 18:00", "PT1H", "2024-03-05 10:00")] // from the close: the next opening
    [InlineData("2024-03-08 17:30", "PT1H", "2024-03-11 09:30")] // over the weekend
    [InlineData("2024-02-04 10:00", "PT8H", "2024-02-05 10:00")] // the adjusted working Sunday has Monday's hours
    [InlineData("2024-02-09 17:00", "PT2H", "2024-02-18 10:00")] // over the Spring Festival to the 调休 Sunday
    [InlineData("2024-10-07 23:00", "PT30M", "2024-10-08 09:30")] // the last night of National Day
    [InlineData("2024-09-29 17:30", "PT1H", "2024-09-30 09:30")] // from the adjusted working Sunday
    [InlineData("2024-03-04 10:00", "PT0S", "2024-03-04 10:00")]
    public void WorkingTime(string start, string amount, string due) =>
        Assert.Equal(At(due), ServiceTarget.WorkingTime(Iso(amount)).GetDue(At(start), Office));

    [Theory]
    [InlineData("2024-02-09 23:59", 1, false, "2024-02-10 24:00")]
    [InlineData("2024-02-10 00:00", 0, false, "2024-02-10 24:00")] // 0 days: 24:00 of the start's date
    [InlineData("2024-02-06 10:00", 4, false, "2024-02-10 24:00")]
    [InlineData("2024-02-06 10:00", 4, true, "2024-02-18 18:00")] // last day 10 February: the 调休 Sunday's close
    [InlineData("2024-02-01 10:00", 3, true, "2024-02-04 24:00")] // last day the adjusted working Sunday 4 February: stays
    [InlineData("2024-10-05 10:00", 7, true, "2024-10-12 24:00")] // last day the adjusted working Saturday 12 October
    [InlineData("2024-10-06 10:00", 7, true, "2024-10-14 18:00")] // last day Sunday 13 October
    [InlineData("2024-09-23 10:00", 8, true, "2024-10-08 18:00")] // last day 1 October
    [InlineData("2024-09-23 10:00", 6, true, "2024-09-29 24:00")] // last day the adjusted Sunday 29 September
    public void CalendarDays(string start, int days, bool holidayRule, string due)
    {
        var target = ServiceTarget.CalendarDays(days);
        Assert.Equal(At(due), (holidayRule ? target.WithHolidayRule(HolidayRule.NextWorkingDay) : target).GetDue(At(start), Office));
    }

    [Theory]
    [InlineData("2024-08-31 10:00", "P1M", false, "2024-09-30 24:00")] // no 31 September: the month's last day
    [InlineData("2024-01-30 10:00", "P1M", false, "2024-02-29 24:00")] // a leap year
    [InlineData("2024-03-31 10:00", "P1M", true, "2024-04-30 24:00")] // Tuesday 30 April, a working day before Labour Day
    [InlineData("2024-09-01 10:00", "P1M", true, "2024-10-08 18:00")] // last day 1 October
    [InlineData("2023-01-15 10:00", "P1Y1M", false, "2024-02-15 24:00")]
    [InlineData("2023-01-15 10:00", "P1Y1M", true, "2024-02-18 18:00")] // last day in the Spring Festival
    [InlineData("2024-01-10 10:00", "P1W", false, "2024-01-17 24:00")]
    [InlineData("2024-01-31 10:00", "P15D", false, "2024-02-15 24:00")] // half a month (D1.9)
    [InlineData("2024-01-31 10:00", "P15D", true, "2024-02-18 18:00")]
    [InlineData("2024-12-31 23:59", "P2M", false, "2025-02-28 24:00")]
    [InlineData("2024-02-29 10:00", "P1Y", false, "2025-02-28 24:00")] // no 29 February in 2025
    [InlineData("2024-02-29 10:00", "P1Y1M", false, "2025-03-29 24:00")] // the last month is March: its 29th
    [InlineData("2024-02-29 10:00", "P13M", false, "2025-03-29 24:00")] // the same period
    [InlineData("2023-01-31 10:00", "P1Y1M", false, "2024-02-29 24:00")]
    public void Period(string start, string period, bool holidayRule, string due)
    {
        var target = ServiceTarget.OfPeriod(PeriodPattern.NormalizingIso.Parse(period).Value);
        Assert.Equal(At(due), (holidayRule ? target.WithHolidayRule(HolidayRule.NextWorkingDay) : target).GetDue(At(start), Office));
    }

    [Fact]
    public void WorkingDaysZero_AfterTheClose_IsTheNextWorkingDaysClose_AndAPauseMovesItByItsWorkingTime()
    {
        // "Within 0 working days" reported at 19:00 on Monday 4 March 2024, after the close: the same working day is
        // the next one, so 18:00 on Tuesday (docs/policies.md). A pause before the start moves nothing; one in Tuesday's
        // working hours moves the deadline by its working time.
        var target = ServiceTarget.WorkingDays(0);
        var start = At("2024-03-04 19:00");
        Interval[] before = [new(At("2024-03-03 10:00"), At("2024-03-03 11:00"))];
        Interval[] after = [new(At("2024-03-05 10:00"), At("2024-03-05 11:00"))];
        Assert.Equal(At("2024-03-05 18:00"), target.GetDue(start, Office));
        Assert.Equal(At("2024-03-05 18:00"), target.GetDue(start, Office, before));
        Assert.Equal(At("2024-03-06 10:00"), target.GetDue(start, Office, after));
        Assert.Equal(At("2024-03-06 10:00"), target.Explain(start, Office, after).Due);

        var policy = Policy(ServiceCommitments.Faults.PolicyRow.For("repaired", target).OnCalendar("office"));
        var ticket = NewTicket("2024-03-04 19:00", pauses: ["2024-03-04 19:10..2024-03-04 19:20"]);
        Assert.Equal(ServiceCommitments.Faults.MilestoneStatus.Pending, policy.EvaluateOne(ticket, "2024-03-04 19:30", "repaired").Status);
    }

    [Fact]
    public void APeriodEndingAfterYear9998_IsOutOfRange()
    {
        // docs: GetDue throws ArgumentOutOfRangeException for a deadline outside years 1-9998, in months as in years.
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.OfPeriod(NodaTime.Period.FromMonths(120_000)).GetDue(At("2024-03-04 10:00"), Office));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.OfPeriod(NodaTime.Period.FromYears(10_000)).GetDue(At("2024-03-04 10:00"), Office));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.OfPeriod(NodaTime.Period.FromYears(7975)).GetDue(At("2024-03-04 10:00"), Office));
    }

    [Fact]
    public void HalfMonth_IsPeriodOfFifteenDays()
    {
        Assert.Equal(ServiceTarget.OfPeriod(NodaTime.Period.FromDays(15)), ServiceTarget.HalfMonth);
        Assert.Equal(ServiceTarget.HalfMonth.GetDue(At("2024-09-16 10:00"), Office), ServiceTarget.CalendarDays(15).GetDue(At("2024-09-16 10:00"), Office));
    }

    [Theory]
    // A cut-off at 16:00 on the office calendar.
    //          start                        kind            amount  due
    [InlineData("2024-03-04 15:59:59.9999999", "workingDays", "1", "2024-03-05 18:00")] // a tick before: unchanged
    [InlineData("2024-03-04 16:00", "workingDays", "1", "2024-03-06 18:00")] // at the cut-off: from the next opening
    [InlineData("2024-03-08 16:30", "workingDays", "1", "2024-03-12 18:00")] // Friday afternoon: from Monday's opening
    [InlineData("2024-10-12 16:00", "workingDays", "1", "2024-10-15 18:00")] // on the adjusted working Saturday
    [InlineData("2024-09-30 16:00", "workingTime", "PT1H", "2024-10-08 10:00")] // before National Day
    [InlineData("2024-03-09 17:00", "workingTime", "PT1H", "2024-03-11 10:00")] // a rest day: the next opening either way
    [InlineData("2024-02-09 16:30", "calendarDays", "1", "2024-02-19 24:00")] // from the 调休 Sunday's opening: its date is not counted
    [InlineData("2024-09-30 20:00", "elapsed", "PT2H", "2024-10-08 11:00")]
    [InlineData("2024-09-30 12:00", "elapsed", "PT2H", "2024-09-30 14:00")]
    public void CutOff(string start, string kind, string amount, string due)
    {
        var target = kind switch
        {
            "workingDays" => ServiceTarget.WorkingDays(int.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)),
            "calendarDays" => ServiceTarget.CalendarDays(int.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)),
            "workingTime" => ServiceTarget.WorkingTime(Iso(amount)),
            _ => ServiceTarget.Elapsed(Iso(amount)),
        };
        var withCutOff = target.WithCutOff(new LocalTime(16, 0));
        Assert.Equal(At(due), withCutOff.GetDue(At(start), Office));
        Assert.True(withCutOff.NeedsCalendar);
        Assert.Equal(new LocalTime(16, 0), withCutOff.CutOff);
    }

    [Fact]
    public void Options_AndTheirChecks()
    {
        Assert.Null(ServiceTarget.Elapsed(Duration.FromHours(1)).CutOff);
        Assert.False(ServiceTarget.Elapsed(Duration.FromHours(1)).NeedsCalendar);
        Assert.True(ServiceTarget.CalendarDays(1).NeedsCalendar);
        Assert.Null(ServiceTarget.Elapsed(Duration.FromHours(1)).WithCutOff(LocalTime.Midnight).CutOff); // midnight means none
        Assert.Throws<ArgumentException>(() => ServiceTarget.WorkingDays(1).WithHolidayRule(HolidayRule.NextWorkingDay));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.CalendarDays(1).WithHolidayRule((HolidayRule)5));
        Assert.Throws<ArgumentException>(() => ServiceTarget.CalendarDays(1).WithCutOff(LocalTime.FromTicksSinceMidnight(1).PlusNanoseconds(50)));
        Assert.Throws<ArgumentException>(() => ServiceTarget.OfPeriod(NodaTime.Period.FromDays(-1)));
        Assert.Throws<ArgumentNullException>(() => ServiceTarget.OfPeriod(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.Months(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.CalendarDays(1_000_001));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.Elapsed(Duration.FromDays(3_652_501)));
        Assert.Equal(TargetKind.Period, ServiceTarget.Months(12).Kind);
        Assert.Equal(NodaTime.Period.FromMonths(12), ServiceTarget.Months(12).Period);
        Assert.Equal(2, ServiceTarget.WorkingDays(2).Days);
        Assert.Equal(Duration.Zero, ServiceTarget.WorkingDays(2).Amount);
        Assert.Null(ServiceTarget.WorkingDays(2).Period);
        Assert.Equal("within 3 calendar days, moved to the close of the next working day when the last day is not a working day", ServiceTarget.CalendarDays(3).WithHolidayRule(HolidayRule.NextWorkingDay).ToString());
        Assert.Equal("within 1 year 2 months", ServiceTarget.OfPeriod(NodaTime.Period.FromYears(1) + NodaTime.Period.FromMonths(2)).ToString());
        Assert.Equal("within 26 working hours", ServiceTarget.WorkingTime(Duration.FromHours(26)).ToString());
    }

    // Issue 14: a period of more than about 106,751 days threw OverflowException when the target was made.
    [Theory]
    [InlineData(200_000)]
    [InlineData(1_000_000)]
    public void OfPeriod_OfManyDays_IsDueThatManyDaysLater(int days)
    {
        var target = ServiceTarget.OfPeriod(NodaTime.Period.FromDays(days));

        Assert.Equal(NodaTime.Period.FromDays(days), target.Period);
        Assert.Equal(At("2024-03-04 00:00") + Duration.FromDays(days + 1), target.GetDue(At("2024-03-04 10:00"), Office));
        Assert.Equal(ServiceTarget.OfPeriod(NodaTime.Period.FromWeeks(days / 7)), ServiceTarget.OfPeriod(NodaTime.Period.FromDays(days / 7 * 7)));
    }

    [Fact]
    public void OfPeriod_IsRefused_WhenLongerThanTenThousandYears()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.OfPeriod(NodaTime.Period.FromDays(3_652_501)));
        Assert.Equal("period", e.ParamName);
        Assert.Contains("P3652501D", e.Message, StringComparison.Ordinal);
        Assert.Contains("at most 10,000 years", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.OfPeriod(NodaTime.Period.FromYears(10_001)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.OfPeriod(NodaTime.Period.FromWeeks(int.MaxValue)));
    }

    [Fact]
    public void GetDue_IsRefused_NotOverflowException_WhenThePeriodEndsAfterYear9998()
    {
        var target = ServiceTarget.OfPeriod(NodaTime.Period.FromDays(3_000_000));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => target.GetDue(At("2024-03-04 10:00"), Office));
        Assert.Equal("period", e.ParamName);
        Assert.Contains("9999", e.Message, StringComparison.Ordinal);
    }
}
