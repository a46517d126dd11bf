using System;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Explanations;
using ServiceCommitments.Targets;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Targets;

/// <summary>The rules of time of ServiceTarget, one table per kind, on the Shanghai office calendar (Mon-Fri 09-12, 13-18, China holidays).</summary>
public sealed class ServiceTargetTests
{
    private static readonly BusinessCalendar Always = BusinessCalendar.AlwaysOpen(Shanghai);

    private static Interval Pause(string from, string to) => new(Sh(from), Sh(to));

    [Theory]
    // Elapsed: wall-clock time, holidays included (D1.4).
    [InlineData("2024-09-30 16:30", "PT30M", "2024-09-30 17:00")]
    [InlineData("2024-09-30 23:50", "PT2H", "2024-10-01 01:50")]
    [InlineData("2024-02-09 16:00", "PT0S", "2024-02-09 16:00")]
    public void Elapsed_CountsWallClockTime(string start, string amount, string due) =>
        Assert.Equal(Sh(due), ServiceTarget.Elapsed(Iso(amount)).GetDue(Sh(start), null));

    [Theory]
    // Working time: outside hours counts from the next opening; a deadline on a closing stays there (rule 2).
    [InlineData("2024-09-30 16:30", "PT8H", "2024-10-08 16:30")] // National Day 1-7 October
    [InlineData("2024-09-30 16:30", "PT1H30M", "2024-09-30 18:00")] // lands on the close: stays
    [InlineData("2024-10-03 10:00", "PT1H", "2024-10-08 10:00")] // a holiday start counts from the next opening
    [InlineData("2024-10-12 10:00", "PT1H", "2024-10-12 11:00")] // Saturday 12 October 2024 is an adjusted working day (调休)
    [InlineData("2024-03-04 11:30", "PT1H", "2024-03-04 13:30")] // the lunch break does not count
    public void WorkingTime_CountsOnlyWorkingHours(string start, string amount, string due) =>
        Assert.Equal(Sh(due), ServiceTarget.WorkingTime(Iso(amount)).GetDue(Sh(start), Office));

    [Theory]
    // Working days: the start's date is not counted; close of business of the Nth working day (rule 3, D1.5, D1.8).
    [InlineData("2024-09-30 10:00", 2, "2024-10-09 18:00")]
    [InlineData("2024-09-29 10:00", 1, "2024-09-30 18:00")] // from an adjusted working Sunday
    [InlineData("2024-10-11 17:59", 1, "2024-10-12 18:00")] // the adjusted working Saturday counts
    [InlineData("2024-02-08 09:00", 2, "2024-02-18 18:00")] // the 9th, then Spring Festival 10-17 February; 18 February is a 调休 Sunday
    [InlineData("2024-03-04 10:00", 0, "2024-03-04 18:00")] // "within 0 working days": the close of the start's day
    [InlineData("2024-03-09 10:00", 0, "2024-03-11 18:00")] // ... or of the next working day
    [InlineData("2024-03-04 18:00", 0, "2024-03-04 18:00")] // reported at the close: that close
    [InlineData("2024-03-04 19:00", 0, "2024-03-05 18:00")] // reported after the close: the next working day's
    public void WorkingDays_CloseOfTheNthWorkingDayAfterTheStartsDate(string start, int days, string due) =>
        Assert.Equal(Sh(due), ServiceTarget.WorkingDays(days).GetDue(Sh(start), Office));

    [Theory]
    // Calendar days: 24:00 of the Nth day after the start's date (rule 4, D1.6, D1.7).
    [InlineData("2024-09-30 16:30", 3, "2024-10-04 00:00")]
    [InlineData("2024-09-30 00:00", 7, "2024-10-08 00:00")]
    public void CalendarDays_End2400OfTheNthDay(string start, int days, string due) =>
        Assert.Equal(Sh(due), ServiceTarget.CalendarDays(days).GetDue(Sh(start), Office));

    [Theory]
    // With the PRC rule (Civil Code art. 203): a last day that is not a working day moves to the next working day's close.
    [InlineData("2024-09-28 10:00", 3, "2024-10-08 18:00")] // last day 1 October, a holiday: National Day ends 7 October
    [InlineData("2024-09-27 10:00", 2, "2024-09-29 24:00")] // last day 29 September, an adjusted working Sunday: stays
    [InlineData("2024-03-05 10:00", 4, "2024-03-11 18:00")] // last day Saturday 9 March: Monday's close
    [InlineData("2024-03-04 10:00", 4, "2024-03-08 24:00")] // last day a Friday: 24:00
    public void CalendarDays_WithTheHolidayRule_MovePastANonWorkingLastDay(string start, int days, string due) =>
        Assert.Equal(At24(due), ServiceTarget.CalendarDays(days).WithHolidayRule(HolidayRule.NextWorkingDay).GetDue(Sh(start), Office));

    [Theory]
    // Periods: the start's day is not counted; months end on the corresponding day or the month's last day (rule 5).
    [InlineData("2024-01-15 10:00", "P1M", "2024-02-15 24:00")]
    [InlineData("2024-01-31 10:00", "P1M", "2024-02-29 24:00")] // no 31 February: the month's last day
    [InlineData("2023-01-31 10:00", "P1M", "2023-02-28 24:00")]
    [InlineData("2024-05-20 10:00", "P12M", "2025-05-20 24:00")]
    [InlineData("2024-02-29 10:00", "P1Y", "2025-02-28 24:00")]
    [InlineData("2024-09-20 10:00", "P15D", "2024-10-05 24:00")] // half a month (D1.9)
    public void Period_EndsOnTheCorrespondingDay(string start, string period, string due) =>
        Assert.Equal(At24(due), ServiceTarget.OfPeriod(NodaTime.Text.PeriodPattern.Roundtrip.Parse(period).Value).GetDue(Sh(start), Office));

    [Fact]
    public void HalfMonth_IsFifteenDays_AndTheHolidayRuleMovesIt()
    {
        Assert.Equal(Period.FromDays(15), ServiceTarget.HalfMonth.Period);
        Assert.Equal("within half a month", ServiceTarget.HalfMonth.ToString());
        // Reported 16 September 2024: the 15th day is 1 October, inside National Day: the 8th's close.
        Assert.Equal(Sh("2024-10-01 00:00").Plus(Duration.FromDays(1)), ServiceTarget.HalfMonth.GetDue(Sh("2024-09-16 10:00"), Office));
        Assert.Equal(Sh("2024-10-08 18:00"), ServiceTarget.HalfMonth.WithHolidayRule(HolidayRule.NextWorkingDay).GetDue(Sh("2024-09-16 10:00"), Office));
    }

    [Theory]
    // A cut-off: a start at or after 16:00 counts from the next working day's opening.
    [InlineData("2024-03-04 15:59", 1, "2024-03-05 18:00")]
    [InlineData("2024-03-04 16:00", 1, "2024-03-06 18:00")]
    [InlineData("2024-09-30 16:30", 1, "2024-10-09 18:00")] // after the cut-off before National Day: counts from 8 October
    public void CutOff_StartsTheClockOnTheNextWorkingDay(string start, int days, string due) =>
        Assert.Equal(Sh(due), ServiceTarget.WorkingDays(days).WithCutOff(new LocalTime(16, 0)).GetDue(Sh(start), Office));

    [Fact]
    public void CutOff_OnAWorkingTimeTarget()
    {
        var target = ServiceTarget.WorkingTime(Duration.FromHours(2)).WithCutOff(new LocalTime(16, 0));
        Assert.Equal(Sh("2024-03-05 11:00"), target.GetDue(Sh("2024-03-04 17:00"), Office));
        Assert.Equal(Sh("2024-03-04 17:30"), target.GetDue(Sh("2024-03-04 15:30"), Office));
    }

    [Fact]
    public void Pauses_MoveTheDeadlineByWhatTheyRemoveFromTheClock()
    {
        var elapsed = ServiceTarget.Elapsed(Duration.FromHours(4));
        Assert.Equal(Sh("2024-03-04 14:30"), elapsed.GetDue(Sh("2024-03-04 10:00"), null, [Pause("2024-03-04 11:00", "2024-03-04 11:30")]));
        // Overlapping pauses count once, in any order.
        Assert.Equal(Sh("2024-03-04 15:00"), elapsed.GetDue(Sh("2024-03-04 10:00"), null,
            [Pause("2024-03-04 11:30", "2024-03-04 12:00"), Pause("2024-03-04 11:00", "2024-03-04 11:45")]));
        // A pause after the deadline, or before the start, changes nothing.
        Assert.Equal(Sh("2024-03-04 14:00"), elapsed.GetDue(Sh("2024-03-04 10:00"), null, [Pause("2024-03-04 14:00", "2024-03-04 15:00"), Pause("2024-03-04 08:00", "2024-03-04 09:00")]));

        // Working time: a pause over lunch removes nothing; one in working hours moves the deadline by its working time.
        var working = ServiceTarget.WorkingTime(Duration.FromHours(4));
        Assert.Equal(Sh("2024-03-04 15:00"), working.GetDue(Sh("2024-03-04 10:00"), Office, [Pause("2024-03-04 12:00", "2024-03-04 13:00")]));
        Assert.Equal(Sh("2024-03-04 16:00"), working.GetDue(Sh("2024-03-04 10:00"), Office, [Pause("2024-03-04 11:00", "2024-03-04 13:00")]));

        // Working days: a pause of 3 working hours moves the close of the 2nd working day by 3 working hours.
        Assert.Equal(Sh("2024-03-07 12:00"), ServiceTarget.WorkingDays(2).GetDue(Sh("2024-03-04 10:00"), Office, [Pause("2024-03-05 09:00", "2024-03-05 12:00")]));
        // Calendar days count wall-clock time: a 5-hour pause moves 24:00 to 05:00.
        Assert.Equal(Sh("2024-03-08 05:00"), ServiceTarget.CalendarDays(3).GetDue(Sh("2024-03-04 10:00"), Office, [Pause("2024-03-05 20:00", "2024-03-06 01:00")]));
    }

    [Fact]
    public void Explanation_AddsUpToTheDeadline()
    {
        var start = Sh("2024-09-30 16:30");
        var pauses = new[] { Pause("2024-10-08 09:30", "2024-10-08 10:00") };
        var explanation = ServiceTarget.WorkingTime(Duration.FromHours(8)).Explain(start, Office, pauses);

        Assert.Equal(Sh("2024-10-08 17:00"), explanation.Due);
        Assert.Equal(start, explanation.Spans[0].Start);
        Assert.Equal(explanation.Due, explanation.Spans[^1].End);
        for (int i = 1; i < explanation.Spans.Count; i++)
        {
            Assert.Equal(explanation.Spans[i - 1].End, explanation.Spans[i].Start);
        }

        Assert.Equal(Duration.FromHours(8), explanation.Counted);
        Assert.Equal(Duration.FromMinutes(30), explanation.Paused);
        Assert.Equal(explanation.Due - start, explanation.Counted + explanation.Paused + explanation.Closed);
        Assert.Contains(explanation.Spans, s => s.Kind == ExplanationSpanKind.Closed && s.Start == Sh("2024-09-30 18:00") && s.End == Sh("2024-10-08 09:00"));
        Assert.Contains("within 8 working hours", explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_NamesTheHolidayRuleAndTheCutOff()
    {
        var target = ServiceTarget.CalendarDays(3).WithHolidayRule(HolidayRule.NextWorkingDay);
        var explanation = target.Explain(Sh("2024-09-28 10:00"), Office);

        Assert.Equal(Sh("2024-10-08 18:00"), explanation.Due);
        var holiday = Assert.Single(explanation.Spans, s => s.Kind == ExplanationSpanKind.HolidayRule);
        Assert.Equal(Sh("2024-10-02 00:00"), holiday.Start);
        Assert.Contains(explanation.Notes, n => n.Contains("2024-10-01", StringComparison.Ordinal));

        var cut = ServiceTarget.WorkingDays(1).WithCutOff(new LocalTime(16, 0)).Explain(Sh("2024-03-04 17:00"), Office);
        Assert.Equal(ExplanationSpanKind.AfterCutOff, cut.Spans[0].Kind);
        Assert.Equal(Sh("2024-03-05 09:00"), cut.Spans[0].End);
    }

    [Fact]
    public void BadInput_IsRejectedWithTheValue()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.Elapsed(Duration.FromHours(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.WorkingDays(-1));
        Assert.Throws<ArgumentException>(() => ServiceTarget.OfPeriod(Period.FromHours(4)));
        Assert.Throws<ArgumentException>(() => ServiceTarget.WorkingTime(Duration.FromHours(1)).WithHolidayRule(HolidayRule.NextWorkingDay));
        var e = Assert.Throws<ArgumentNullException>(() => ServiceTarget.WorkingDays(2).GetDue(Sh("2024-03-04 10:00"), null));
        Assert.Contains("within 2 working days", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ServiceTarget.Elapsed(Duration.FromHours(1)).GetDue(Sh("2024-03-04 10:00"), null, [new Interval(Sh("2024-03-04 10:00"), null)]));
    }

    [Fact]
    public void Equality_AndText()
    {
        Assert.Equal(ServiceTarget.WorkingDays(2), ServiceTarget.WorkingDays(2));
        Assert.NotEqual(ServiceTarget.WorkingDays(2), ServiceTarget.CalendarDays(2));
        Assert.Equal(ServiceTarget.OfPeriod(Period.FromWeeks(1)), ServiceTarget.OfPeriod(Period.FromDays(7)));
        Assert.Equal("within 30 minutes", ServiceTarget.Elapsed(Duration.FromMinutes(30)).ToString());
        Assert.Equal("within 1 working day, counted from the next working day when reported at or after 16:00", ServiceTarget.WorkingDays(1).WithCutOff(new LocalTime(16, 0)).ToString());
        Assert.Equal(ServiceTarget.Elapsed(Duration.Zero), default);
    }

    private static Duration Iso(string text) => NodaTime.Text.PeriodPattern.NormalizingIso.Parse(text).Value.ToDuration();

    /// <summary>"2024-09-29 24:00" is the start of the next day.</summary>
    private static Instant At24(string text) =>
        text.EndsWith("24:00", StringComparison.Ordinal) ? Sh(text[..^5] + "00:00").Plus(Duration.FromDays(1)) : Sh(text);
}
