using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using ServiceCommitments.Calendars;
using ServiceCommitments.Inspections;
using ServiceCommitments.Targets;
using Xunit;

namespace ServiceCommitments.Tests.Inspections;

/// <summary>The rules of docs/inspections.md, one table per rule, on the Shanghai office calendar.</summary>
public sealed class InspectionScheduleTests
{
    internal static readonly BusinessCalendar Office = new BusinessCalendarBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"])
        .SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("13:00-18:00"))
        .AddHolidaySet(HolidaySets.ChinaMainland)
        .Build();

    internal static LocalDate D(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private static string[] Dues(IEnumerable<Occurrence> occurrences) => occurrences.Select(o => Occurrence.Format(o.Due)).ToArray();

    private static InspectionSchedule FormatsExample() => new InspectionScheduleBuilder("acceptance")
        .AddPhase(ScheduleStep.Months(1), Period.FromMonths(3))
        .AddPhase(ScheduleStep.Quarters(1))
        .Until(Period.FromMonths(12))
        .AlignTo(Office, AlignMove.NextWorkingDay)
        .Configure(b => b.OnTimeRule = new OnTimeRule(Allowance.CalendarDays(7), Allowance.CalendarDays(7)))
        .Build();

    [Fact]
    public void Occurrences_FollowPhasesAndAlignment_WhenFormatsExample()
    {
        var plan = FormatsExample().Anchor(D("2024-03-20"));
        Assert.Equal(
            ["2024-04-22", "2024-05-20", "2024-06-20", "2024-09-20", "2024-12-20", "2025-03-20"],
            Dues(plan.Occurrences(D("2024-01-01"), D("2025-12-31"))));
    }

    [Fact]
    public void Evaluate_GivesStatuses_WhenFormatsExample()
    {
        var report = FormatsExample().Anchor(D("2024-03-20")).Evaluate([D("2024-04-17"), D("2024-06-01")], D("2024-07-01"));
        Assert.Equal(
            ["2024-04-22 OnTime 2024-04-17", "2024-05-20 Late 2024-06-01", "2024-06-20 Missed -"],
            report.Entries.Select(e => $"{Occurrence.Format(e.Occurrence!.Value.Due)} {e.Status} {(e.Visit is { } v ? Occurrence.Format(v) : "-")}"));
        Assert.Empty(report.Extras);
        Assert.Equal(D("2024-09-20"), report.NextDue!.Value.Due);
    }

    [Theory]
    // anchor, month-end rule, expected nominal dates of a monthly schedule (4 occurrences)
    [InlineData("2024-01-31", MonthEndRule.Clamp, "2024-02-29 2024-03-31 2024-04-30 2024-05-31")]
    [InlineData("2024-01-31", MonthEndRule.Skip, "2024-03-31 2024-05-31")]
    [InlineData("2024-01-31", MonthEndRule.Forward, "2024-03-01 2024-03-31 2024-05-01 2024-05-31")]
    [InlineData("2023-01-31", MonthEndRule.Clamp, "2023-02-28 2023-03-31 2023-04-30 2023-05-31")]
    [InlineData("2024-01-30", MonthEndRule.Forward, "2024-03-01 2024-03-30 2024-04-30 2024-05-30")]
    public void Occurrences_FollowMonthEndRule_WhenAnchorDayMissing(string anchor, MonthEndRule rule, string expected)
    {
        var schedule = new InspectionScheduleBuilder("acceptance") { MonthEnd = rule }.AddPhase(ScheduleStep.Months(1)).LimitCount(4).Build();
        Assert.Equal(expected, string.Join(" ", Dues(schedule.Anchor(D(anchor)).Occurrences())));
    }

    [Theory]
    // nominal date (the anchor, included as occurrence 0), move, expected due date; China 2024-2025
    [InlineData("2024-10-01", AlignMove.NextWorkingDay, "2024-10-08")]      // National Day block 1-7 October
    [InlineData("2024-10-01", AlignMove.PreviousWorkingDay, "2024-09-30")]
    [InlineData("2024-10-01", AlignMove.NearestWorkingDay, "2024-09-30")]   // 1 day back, 7 forward
    [InlineData("2024-10-06", AlignMove.NearestWorkingDay, "2024-10-08")]   // 6 back, 2 forward
    [InlineData("2024-10-04", AlignMove.NearestWorkingDay, "2024-09-30")]   // 4 and 4: a tie goes to the previous
    [InlineData("2024-09-29", AlignMove.NextWorkingDay, "2024-09-29")]      // an adjusted working day (Sunday) stays
    [InlineData("2024-02-18", AlignMove.PreviousWorkingDay, "2024-02-18")]  // adjusted working Sunday after the Spring Festival
    [InlineData("2024-02-10", AlignMove.NextWorkingDay, "2024-02-18")]
    [InlineData("2024-02-10", AlignMove.PreviousWorkingDay, "2024-02-09")]
    [InlineData("2024-06-01", AlignMove.NearestWorkingDayInPeriod, "2024-06-03")] // Saturday: 31 May is in May, so Monday 3 June
    [InlineData("2024-06-30", AlignMove.NearestWorkingDayInPeriod, "2024-06-28")] // Sunday: 1 July is in July
    [InlineData("2024-06-30", AlignMove.NearestWorkingDay, "2024-07-01")]         // 2 back, 1 forward
    [InlineData("2025-06-01", AlignMove.NextWorkingDay, "2025-06-03")]            // Dragon Boat, 2 June 2025
    [InlineData("2024-03-23", AlignMove.None, "2024-03-23")]
    public void Align_MovesDueDate_WhenNominalIsNotAWorkingDay(string nominal, AlignMove move, string expected)
    {
        var schedule = new InspectionScheduleBuilder("acceptance") { IncludeAnchor = true }
            .AddPhase(ScheduleStep.Months(1)).LimitCount(0 + 1).AlignTo(Office, move).Build();
        var first = schedule.Anchor(D(nominal)).Occurrences().First();
        Assert.Equal(0, first.Number);
        Assert.Equal(D(expected), first.Due);
    }

    [Theory]
    [InlineData("2024-10-01")]
    [InlineData("2024-02-12")]
    public void Align_SkipsOccurrence_WhenMoveIsSkip(string nominal)
    {
        var schedule = new InspectionScheduleBuilder("acceptance") { IncludeAnchor = true }
            .AddPhase(ScheduleStep.Months(1)).LimitCount(1).AlignTo(Office, AlignMove.Skip).Build();
        Assert.Equal([1], schedule.Anchor(D(nominal)).Occurrences().Select(o => o.Number));
    }

    [Fact]
    public void Align_SkipsOccurrence_WhenPeriodHasNoWorkingDay()
    {
        // Contract periods of 5 days from 26 September 2024: 27 Sep - 1 Oct, 2-6 Oct, 7-11 Oct. Every 5 days: 1 Oct
        // (nearest working day inside its period: 30 Sep), 6 Oct (2-6 October are all holidays: skipped), 11 Oct.
        var schedule = new InspectionScheduleBuilder("acceptance")
            .AddPhase(ScheduleStep.Days(5)).LimitCount(3)
            .AlignTo(Office, AlignMove.NearestWorkingDayInPeriod, PeriodGrid.Contract(Period.FromDays(5)))
            .Build();
        Assert.Equal(["2024-09-30", "2024-10-11"], Dues(schedule.Anchor(D("2024-09-26")).Occurrences()));
    }

    [Theory]
    // step, anchor, last day, expected nominal dates
    [InlineData("calendarQuarter", "2024-02-20", "2024-12-31", "2024-03-31 2024-06-30 2024-09-30 2024-12-31")]
    [InlineData("calendarQuarter", "2024-03-31", "2024-12-31", "2024-06-30 2024-09-30 2024-12-31")]
    [InlineData("calendarMonth", "2024-01-31", "2024-04-30", "2024-02-29 2024-03-31 2024-04-30")]
    [InlineData("calendarYear", "2023-12-31", "2026-12-31", "2024-12-31 2025-12-31 2026-12-31")]
    [InlineData("calendarHalfYear", "2024-05-01", "2025-12-31", "2024-06-30 2024-12-31 2025-06-30 2025-12-31")]
    [InlineData("contractQuarter", "2024-02-20", "2024-12-31", "2024-05-20 2024-08-20 2024-11-20")]
    [InlineData("P2W", "2024-02-20", "2024-03-31", "2024-03-05 2024-03-19")]
    public void Occurrences_CountCalendarAndContractPeriods_WhenStepIsNamed(string step, string anchor, string until, string expected)
    {
        string document = "{ \"schedule\": { \"anchor\": \"acceptance\", \"every\": \"" + step + "\", \"until\": \"" + until + "\" } }";
        var schedule = ServiceCommitments.Documents.ScheduleDocument.Parse(document);
        Assert.Equal(expected, string.Join(" ", schedule.Anchor(D(anchor)).Occurrences().Select(o => Occurrence.Format(o.Nominal))));
    }

    [Theory]
    // bound, expected dues of a monthly schedule from 2024-01-15
    [InlineData("until P3M", "2024-02-15 2024-03-15 2024-04-15")]
    [InlineData("until 2024-04-14", "2024-02-15 2024-03-15")]
    [InlineData("count 2", "2024-02-15 2024-03-15")]
    [InlineData("within 2024-03-01..2024-05-20", "2024-03-15 2024-04-15 2024-05-15")]
    public void Occurrences_StopAtBound_WhenBounded(string bound, string expected)
    {
        var builder = new InspectionScheduleBuilder("acceptance").AddPhase(ScheduleStep.Months(1));
        string[] parts = bound.Split(' ');
        DateInterval? within = null;
        switch (parts[0])
        {
            case "until" when parts[1].StartsWith('P'):
                builder.Until(PeriodPattern.Roundtrip.Parse(parts[1]).Value);
                break;
            case "until":
                builder.UntilDate(D(parts[1]));
                break;
            case "count":
                builder.LimitCount(int.Parse(parts[1], CultureInfo.InvariantCulture));
                break;
            default:
                string[] ends = parts[1].Split("..");
                within = new DateInterval(D(ends[0]), D(ends[1]));
                builder.Until(Period.FromYears(1));
                break;
        }

        var schedule = builder.Build();
        var plan = within is null ? schedule.Anchor(D("2024-01-15")) : schedule.Anchor(D("2024-01-15"), within);
        Assert.Equal(expected, string.Join(" ", Dues(plan.Occurrences())));
    }

    [Theory]
    // early, late, expected window of the monthly occurrence due 2024-04-30 (anchor 2024-03-31, interval 30 days)
    [InlineData("P7D", "P7D", "2024-04-23..2024-05-07")]
    [InlineData("share 0.1", "share 0.1", "2024-04-27..2024-05-03")]
    [InlineData("none", "share 0.2 max 5", "2024-04-30..2024-05-05")]
    [InlineData("cycle", "none", "2024-04-01..2024-04-30")]
    [InlineData("working 2", "working 2", "2024-04-28..2024-05-07")]    // Sunday 28 April is worked; 1-5 May are holidays
    public void Window_FollowsAllowances_WhenOnTimeRuleGiven(string early, string late, string expected)
    {
        var schedule = new InspectionScheduleBuilder("acceptance") { OnTimeRule = new OnTimeRule(ParseAllowance(early), ParseAllowance(late)) }
            .AddPhase(ScheduleStep.Months(1)).LimitCount(1).AlignTo(Office, AlignMove.None).Build();
        var o = schedule.Anchor(D("2024-03-31")).Occurrences().Single();
        Assert.Equal(expected, $"{Occurrence.Format(o.Earliest)}..{Occurrence.Format(o.Latest)}");
    }

    private static Allowance ParseAllowance(string text)
    {
        string[] p = text.Split(' ');
        return p[0] switch
        {
            "none" => Allowance.None,
            "cycle" => Allowance.WholeCycle,
            "working" => Allowance.WorkingDays(int.Parse(p[1], CultureInfo.InvariantCulture)),
            "share" => Allowance.ShareOfInterval(decimal.Parse(p[1], CultureInfo.InvariantCulture), p.Length > 3 ? int.Parse(p[3], CultureInfo.InvariantCulture) : 0),
            _ => Allowance.CalendarDays(PeriodPattern.Roundtrip.Parse(text).Value.Days),
        };
    }

    [Theory]
    // interval in days (a step of that many days), expected days: 10 % either side, SMRP after the due date
    [InlineData(7, 0, 1)]
    [InlineData(30, 3, 6)]
    [InlineData(91, 9, 18)]
    [InlineData(140, 14, 28)]
    [InlineData(365, 36, 28)]
    public void ReadyMadeRules_GiveSourcedAllowances_WhenIntervalVaries(int days, int tenPercent, int smrpLate)
    {
        var ten = new InspectionScheduleBuilder("a") { OnTimeRule = OnTimeRule.TenPercentOfInterval }.AddPhase(ScheduleStep.Days(days)).LimitCount(1).Build();
        var smrp = new InspectionScheduleBuilder("a") { OnTimeRule = OnTimeRule.SmrpGrace }.AddPhase(ScheduleStep.Days(days)).LimitCount(1).Build();
        var t = ten.Anchor(D("2024-01-01")).Occurrences().Single();
        var s = smrp.Anchor(D("2024-01-01")).Occurrences().Single();
        Assert.Equal(tenPercent, Period.DaysBetween(t.Earliest, t.Due));
        Assert.Equal(tenPercent, Period.DaysBetween(t.Due, t.Latest));
        Assert.Equal(s.Due, s.Earliest);
        Assert.Equal(smrpLate, Period.DaysBetween(s.Due, s.Latest));
    }

    [Theory]
    // visits; expected "due status visit" per entry, then the extras (monthly from 2024-01-10, ±3 days, as of 2024-05-31, fixed)
    [InlineData("2024-02-10", "2024-02-10 OnTime 2024-02-10|2024-03-10 Missed -|2024-04-10 Missed -|2024-05-10 Missed -|")]
    [InlineData("2024-02-10 2024-02-11", "2024-02-10 OnTime 2024-02-10|2024-03-10 Missed -|2024-04-10 Missed -|2024-05-10 Missed -|extra 2024-02-11")]
    [InlineData("2024-02-20 2024-03-01", "2024-02-10 Late 2024-02-20|2024-03-10 Early 2024-03-01|2024-04-10 Missed -|2024-05-10 Missed -|")]
    [InlineData("2024-02-25 2024-02-26 2024-03-10", "2024-02-10 Missed -|2024-03-10 OnTime 2024-03-10|2024-04-10 Missed -|2024-05-10 Missed -|extra 2024-02-25 extra 2024-02-26")] // both nearer March, which has its visit
    [InlineData("2024-02-20 2024-02-25 2024-03-10", "2024-02-10 Late 2024-02-20|2024-03-10 OnTime 2024-03-10|2024-04-10 Missed -|2024-05-10 Missed -|extra 2024-02-25")]
    [InlineData("2024-03-01 2024-03-03", "2024-02-10 Missed -|2024-03-10 Early 2024-03-03|2024-04-10 Missed -|2024-05-10 Missed -|extra 2024-03-01")]
    [InlineData("2024-02-24", "2024-02-10 Late 2024-02-24|2024-03-10 Missed -|2024-04-10 Missed -|2024-05-10 Missed -|")] // 11 days after one window, 12 before the next
    [InlineData("2024-02-25", "2024-02-10 Missed -|2024-03-10 Early 2024-02-25|2024-04-10 Missed -|2024-05-10 Missed -|")] // 12 after, 11 before
    [InlineData("2024-05-30", "2024-02-10 Missed -|2024-03-10 Missed -|2024-04-10 Missed -|2024-05-10 Missed -|2024-06-10 Early 2024-05-30|")] // nearer June's window
    [InlineData("2024-05-20", "2024-02-10 Missed -|2024-03-10 Missed -|2024-04-10 Missed -|2024-05-10 Late 2024-05-20|")]
    public void Evaluate_MatchesVisits_ByWindowThenNearest(string visits, string expected)
    {
        var schedule = new InspectionScheduleBuilder("acceptance") { OnTimeRule = new OnTimeRule(Allowance.CalendarDays(3), Allowance.CalendarDays(3)) }
            .AddPhase(ScheduleStep.Months(1)).Until(Period.FromYears(1)).Build();
        var report = schedule.Anchor(D("2024-01-10")).Evaluate(visits.Split(' ').Select(D), D("2024-05-31"));
        string actual = string.Join("|", report.Entries.Select(e => $"{Occurrence.Format(e.Occurrence!.Value.Due)} {e.Status} {(e.Visit is { } v ? Occurrence.Format(v) : "-")}"))
            + "|" + string.Join(" ", report.Extras.Select(e => "extra " + Occurrence.Format(e.Visit!.Value)));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Evaluate_ExplainsStatus_WithWindowAndRule()
    {
        var report = FormatsExample().Anchor(D("2024-03-20")).Evaluate([D("2024-04-17"), D("2024-06-01")], D("2024-07-01"));
        Assert.Equal(
            "due 2024-05-20, window 2024-05-13..2024-05-27 (7 days early, 7 days late): late, visit 2024-06-01 is 5 days after the window",
            report.Entries[1].ToString());
        Assert.Equal(12, report.Entries[1].DaysFromDue);
        Assert.Equal(5, report.Entries[1].DaysOutsideWindow);
        Assert.Equal(4, report.Entries[2].DaysOutsideWindow);
        Assert.Equal(new DateInterval(D("2024-05-13"), D("2024-05-27")), report.Entries[1].Window);
    }

    [Fact]
    public void Evaluate_Throws_WhenVisitAfterAsOf()
    {
        var plan = FormatsExample().Anchor(D("2024-03-20"));
        var e = Assert.Throws<ArgumentException>(() => plan.Evaluate([D("2024-07-02")], D("2024-07-01")));
        Assert.Equal("visits", e.ParamName);
        Assert.Contains("2024-07-02", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NextDue_IsFirstOpenOccurrence_AfterMissedCycles()
    {
        var schedule = new InspectionScheduleBuilder("acceptance")
        {
            OnTimeRule = new OnTimeRule(Allowance.CalendarDays(3), Allowance.CalendarDays(3)),
            ShiftFactors = ShiftFactors.Floating,
        }.AddPhase(ScheduleStep.Months(1)).Build();
        var report = schedule.Anchor(D("2024-01-10")).Evaluate([D("2024-02-10")], D("2024-08-12"));
        Assert.Equal(D("2024-08-10"), report.NextDue!.Value.Due);  // its window runs to 13 August
        Assert.All(report.Entries.Skip(1).Take(5), e => Assert.Equal(VisitStatus.Missed, e.Status));
        Assert.Equal(D("2024-09-10"), schedule.Anchor(D("2024-01-10")).Evaluate([D("2024-02-10")], D("2024-08-14")).NextDue!.Value.Due);
    }

    [Fact]
    public void NextDue_UsesLocalDate_WhenGivenInstant()
    {
        var plan = FormatsExample().Anchor(D("2024-03-20"));
        var instant = Instant.FromUtc(2024, 5, 19, 17, 0); // 01:00 on 20 May in Shanghai, still 19 May in UTC
        Assert.Equal(D("2024-05-20"), plan.NextDue(instant, Office.Zone)!.Value.Due);
        Assert.Equal(D("2024-05-20"), plan.NextDue(instant, DateTimeZone.Utc)!.Value.Due);
        Assert.Equal(D("2024-06-20"), plan.NextDue(instant + Duration.FromDays(1), Office.Zone)!.Value.Due);
        Assert.Null(plan.NextDue(D("2025-03-21")));
    }

    [Fact]
    public void GetFollowUpDue_IsCloseOfBusiness_OfNthWorkingDayAfterVisit()
    {
        var schedule = new InspectionScheduleBuilder("acceptance").AddPhase(ScheduleStep.Quarters(1)).AlignTo(Office, AlignMove.NextWorkingDay)
            .AddFollowUp("signedReport", ServiceTarget.WorkingDays(5)).Build();
        var plan = schedule.Anchor(D("2024-07-01"));
        // Friday 27 September 2024; Sunday 29 September is worked and 1-7 October are holidays: 29, 30 Sep, 8, 9, 10 Oct.
        Assert.Equal(Instant.FromUtc(2024, 10, 10, 10, 0), plan.GetFollowUpDue(schedule.FollowUps[0], D("2024-09-27")));
    }

    [Fact]
    public void FollowUpDeadline_Explain_CountsTheDutysWorkingDaysFromTheVisit_AcrossNationalDay()
    {
        var schedule = new InspectionScheduleBuilder("acceptance").AddPhase(ScheduleStep.Quarters(1)).AlignTo(Office, AlignMove.NextWorkingDay)
            .AddFollowUp("signedReport", ServiceTarget.WorkingDays(5)).Build();
        var plan = schedule.Anchor(D("2024-06-27"));
        var entry = plan.Evaluate([D("2024-09-27")], D("2024-10-31")).Entries.Single(e => e.Visit == D("2024-09-27"));
        var deadline = Assert.Single(entry.FollowUps);
        Assert.Equal(VisitStatus.OnTime, entry.Status);
        Assert.Equal(D("2024-09-27"), deadline.Visit);
        Assert.Equal(plan.GetFollowUpDue(schedule.FollowUps[0], D("2024-09-27")), deadline.Due);

        var explanation = deadline.Explain()!;
        Assert.Equal(Instant.FromUtc(2024, 9, 26, 16, 0), explanation.Start);
        Assert.Equal(Instant.FromUtc(2024, 10, 10, 10, 0), explanation.Due);
        Assert.Equal(deadline.Due, explanation.Due);
        Assert.Contains("5 working days", explanation.Rule);
        Assert.Equal(explanation.Due - explanation.Start, explanation.Spans.Aggregate(Duration.Zero, (sum, s) => sum + s.Length));
        // 1-7 October are holidays: one closed span covers them whole, from the close of 30 September to the opening of 8 October.
        Assert.Contains(explanation.Spans, s => s.Kind == ServiceCommitments.Explanations.ExplanationSpanKind.Closed
                                                && s.Start <= Instant.FromUtc(2024, 9, 30, 16, 0) && s.End >= Instant.FromUtc(2024, 10, 7, 16, 0));
        Assert.Null(default(FollowUpDeadline).Explain());
    }

    [Fact]
    public void Cohorts_GroupMembersByMonth_AndAnchorOnMonthEnd()
    {
        var schedule = new InspectionScheduleBuilder("commissioning").Once(Period.Zero).AlignTo(Office, AlignMove.PreviousWorkingDay).Build();
        var cohorts = schedule.Cohorts(
            [new("T-1", D("2024-06-03")), new("T-2", D("2024-01-15")), new("T-3", D("2024-06-30"))], PeriodGrid.CalendarMonths);
        Assert.Equal(["2024-01-01..2024-01-31", "2024-06-01..2024-06-30"], cohorts.Select(c => $"{Occurrence.Format(c.Period.Start)}..{Occurrence.Format(c.Period.End)}"));
        Assert.Equal(["T-1", "T-3"], cohorts[1].Members);
        Assert.Equal(D("2024-06-28"), cohorts[1].Plan.Occurrences().Single().Due);
        Assert.Throws<ArgumentException>(() => schedule.Cohorts([], PeriodGrid.ContractMonths));
    }

    [Fact]
    public void CheckQuotas_ReportsEveryPeriod_WithStatusAndPartial()
    {
        var schedule = new InspectionScheduleBuilder("acceptance").Until(Period.FromMonths(12))
            .AddQuota(1, PeriodGrid.ContractMonths, length: Period.FromMonths(3))
            .AddQuota(4, PeriodGrid.CalendarYears)
            .Build();
        var results = schedule.Anchor(D("2024-03-20")).EvaluateQuotas([D("2024-04-01"), D("2024-06-01"), D("2024-06-25")], D("2024-07-01"));
        Assert.Equal(
            ["Met 1 2024-03-21", "Short 0 2024-04-21", "Met 1 2024-05-21", "Open 3 2024-01-01"], // 25 June is in contract month 3, past the quota
            results.Select(r => $"{r.Status} {r.Visits} {Occurrence.Format(r.Period.Start)}"));
        Assert.True(results[3].IsPartial);
        Assert.Equal(4, results[3].Required);
    }

    [Fact]
    public void Build_ListsEveryProblem_WhenScheduleIsInvalid()
    {
        var builder = new InspectionScheduleBuilder("")
        {
            ShiftFactors = new ShiftFactors(-1, 2),
            OnTimeRule = new OnTimeRule(Allowance.WorkingDays(2), Allowance.WholeCycle),
            Notice = NoticeLeadTime.WorkingDays(3),
        };
        builder.AddPhase(ScheduleStep.Months(1)).AddPhase(ScheduleStep.Days(7), Period.FromHours(1)).Once(Period.FromDays(-1))
            .Until(Period.FromMonths(12)).UntilDate(D("2025-01-01")).LimitCount(0)
            .AddFollowUp("report", ServiceTarget.Elapsed(Duration.FromHours(4))).AddFollowUp("report", ServiceTarget.WorkingDays(2))
            .AddQuota(0, PeriodGrid.CalendarMonths);
        var e = Assert.Throws<ValidationException>(() => builder.Build());
        Assert.Equal("inspection schedule", e.Subject);
        Assert.Equal(string.Join("\n", ExpectedProblems), string.Join("\n", e.Problems.Select(p => p.ToString())));
        Assert.Equal(ExpectedProblems.Length, e.ProblemCount);
    }

    private static readonly string[] ExpectedProblems =
    [
        "anchor event: found \"\"; expected the name of a contract event, such as acceptance or commissioning",
        "once: found P-1D; a one-off duty has no phases; give either phases or once",
        "once: found P-1D; expected a period of years, months, weeks and days, none negative, with no time part",
        "phases[0]: found every month; only the last phase may last to the schedule's end; give this phase a length (for)",
        "phases[1]: found PT1H; expected a period of years, months, weeks and days, none negative, with no time part",
        "until: found 2025-01-01; a schedule ends after a period or on a date, not both",
        "count: found 0; expected a count of 1 or more occurrences",
        "on-time rule: found 2 working days; an early allowance in working days needs the schedule's calendar (align)",
        "on-time rule: found the whole cycle; the whole cycle is an allowance before the due date only (early)",
        "shift factors: found -1; expected an early shift factor from 0 (fixed) to 1 (floating)",
        "shift factors: found 2; expected a late shift factor from 0 (fixed) to 1 (floating)",
        "notice: found 3 working days before; a notice in working days needs the schedule's calendar (align)",
        "follow-up 'report': found within 4 hours; a follow-up duty counts from the visit's date, so it is due within working days, calendar days or a period",
        "follow-up 'report': found within 4 hours; a follow-up duty needs a calendar: its own, or the schedule's (align)",
        "follow-up 'report': found \"report\"; a follow-up duty with this name was already added; give each duty its own name",
        "follow-up 'report': found within 2 working days; a follow-up duty needs a calendar: its own, or the schedule's (align)",
        "quotas[0]: found 0; expected at least 1 and at most 10,000 visits per period",
    ];

    [Fact]
    public void Build_Rejects_WhenNothingToSchedule()
    {
        var e = Assert.Throws<ValidationException>(() => new InspectionScheduleBuilder("acceptance").Build());
        Assert.Equal("phases: a schedule needs at least one phase, a one-off offset (once) or a quota", e.Problems.Single().ToString());
    }

    [Theory]
    [InlineData("P0D")]
    [InlineData("P1M2D")]
    [InlineData("PT1H")]
    [InlineData("P101Y")]
    public void ScheduleStep_FromPeriod_Throws_WhenNotAStep(string period)
    {
        var e = Assert.Throws<ArgumentException>(() => ScheduleStep.FromPeriod(PeriodPattern.Roundtrip.Parse(period).GetValueOrThrow()));
        Assert.Equal("period", e.ParamName);
    }

    [Fact]
    public void Anchor_Throws_WhenEventMissing()
    {
        var e = Assert.Throws<ArgumentException>(() => FormatsExample().Anchor(new Dictionary<string, LocalDate> { ["commissioning"] = D("2024-01-01") }));
        Assert.Contains("\"acceptance\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("commissioning", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Occurrences_Throws_WhenRangeReversedOrOutOfYears()
    {
        var plan = FormatsExample().Anchor(D("2024-03-20"));
        Assert.Throws<ArgumentException>(() => plan.Occurrences(D("2024-02-01"), D("2024-01-01")));
        Assert.Throws<ArgumentException>(() => FormatsExample().Anchor(new LocalDate(9999, 1, 1)));
    }

    [Fact]
    public void Occurrences_ThrowHolidayDataUnavailable_WhenAlignmentReachesUnknownYear()
    {
        var plan = FormatsExample().Anchor(D("2026-11-20"));
        using var e = plan.Occurrences(D("2026-01-01"), D("2027-12-31")).GetEnumerator();
        Assert.True(e.MoveNext()); // 2026-12-21 is known
        Assert.Throws<HolidayDataUnavailableException>(() => e.MoveNext());
    }

    [Fact]
    public void Occurrences_ReadOnlyYearsTheRangeNeeds_WhenNextNominalIsInUnknownYear()
    {
        // 1 January 2021 moves to 31 December 2020, before the range. 1 January 2026 is a holiday whose nearest working day, 31 December 2025, is in the range; 1 January 2027 is
        // after the range, and 4 January 2026 is a working day between, so 2027's unknown data is never asked for.
        var schedule = new InspectionScheduleBuilder("acceptance").AddPhase(ScheduleStep.Years(1)).AlignTo(Office, AlignMove.NearestWorkingDay).Build();
        var plan = schedule.Anchor(D("2020-01-01"));
        Assert.Equal(["2021-12-31", "2022-12-30", "2024-01-02", "2024-12-31", "2025-12-31"], Dues(plan.Occurrences(D("2021-01-01"), D("2025-12-31"))));
        Assert.Throws<HolidayDataUnavailableException>(() => plan.Occurrences(D("2021-01-01"), D("2026-12-31")).ToList());
    }

    [Fact]
    public void Fill_WritesOccurrences_AndStopsWhenFull()
    {
        var plan = FormatsExample().Anchor(D("2024-03-20"));
        var buffer = new Occurrence[4];
        Assert.Equal(4, plan.Fill(D("2024-01-01"), D("2025-12-31"), buffer));
        Assert.Equal(plan.Occurrences(D("2024-01-01"), D("2025-12-31")).Take(4), buffer);
        Assert.Equal(2, plan.Fill(D("2024-09-21"), D("2025-12-31"), buffer));
    }

    // Issue 14: the period of a grid that holds the last date NodaTime represents threw OverflowException.
    [Theory]
    [InlineData("calendar months", "9999-12-01", "9999-12-31")]
    [InlineData("calendar quarters", "9999-10-01", "9999-12-31")]
    [InlineData("calendar years", "9999-01-01", "9999-12-31")]
    public void PeriodOf_TheLastIsoDate_IsItsCalendarPeriod(string grid, string start, string end)
    {
        var g = grid switch { "calendar months" => PeriodGrid.CalendarMonths, "calendar quarters" => PeriodGrid.CalendarQuarters, _ => PeriodGrid.CalendarYears };

        Assert.Equal(new DateInterval(D(start), D(end)), g.PeriodOf(LocalDate.MaxIsoValue, D("2024-03-20")));
    }

    [Fact]
    public void PeriodOf_IsRefused_NotOverflowException_WhenTheContractPeriodEndsAfterTheLastIsoDate()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PeriodGrid.ContractMonths.PeriodOf(LocalDate.MaxIsoValue, D("2024-03-20")));
        Assert.Equal("date", e.ParamName);
        Assert.Contains("9999-12-31", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodGrid.Contract(Period.FromDays(14)).PeriodOf(LocalDate.MaxIsoValue, D("2024-03-20")));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodGrid.ContractYears.PeriodOf(LocalDate.MinIsoValue, D("2024-03-20")));

        // The last contract month that ends by 9999-12-31 is still given.
        Assert.Equal(new DateInterval(D("9999-11-21"), D("9999-12-20")), PeriodGrid.ContractMonths.PeriodOf(D("9999-12-20"), D("2024-03-20")));
    }

    // Issue 14: a one-off offset of more than about 106,751 days threw OverflowException when the schedule was built.
    [Fact]
    public void Once_OfTwoHundredThousandDays_IsDueThatLongAfterTheAnchor()
    {
        var schedule = new InspectionScheduleBuilder("commissioning").Once(Period.FromDays(200_000)).Build();

        var due = Assert.Single(schedule.Anchor(D("2024-03-20")).Occurrences(), o => o.Number > 0).Due;
        Assert.Equal(D("2024-03-20").PlusDays(200_000), due);
        Assert.DoesNotContain(schedule.Anchor(D("9800-01-01")).Occurrences(), o => o.Number > 0);
    }

    [Fact]
    public void Once_IsRefused_WhenLongerThanTenThousandYears()
    {
        var e = Assert.Throws<ValidationException>(() => new InspectionScheduleBuilder("commissioning").Once(Period.FromDays(3_652_501)).Build());
        Assert.Equal("once: found P3652501D; expected a period of at most 10,000 years", Assert.Single(e.Problems).ToString());
    }
}

internal static class BuilderExtensions
{
    internal static InspectionScheduleBuilder Configure(this InspectionScheduleBuilder builder, Action<InspectionScheduleBuilder> configure)
    {
        configure(builder);
        return builder;
    }

}
