using System;
using System.Collections.Generic;
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
    public void Assess_GivesVerdicts_WhenFormatsExample()
    {
        var report = FormatsExample().Anchor(D("2024-03-20")).Assess([D("2024-04-17"), D("2024-06-01")], D("2024-07-01"));
        Assert.Equal(
            ["2024-04-22 OnTime 2024-04-17", "2024-05-20 Late 2024-06-01", "2024-06-20 Missed -"],
            report.Entries.Select(e => $"{Occurrence.Format(e.Occurrence!.Value.Due)} {e.Verdict} {(e.Visit is { } v ? Occurrence.Format(v) : "-")}"));
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
}

internal static class BuilderExtensions
{
    internal static InspectionScheduleBuilder Configure(this InspectionScheduleBuilder builder, Action<InspectionScheduleBuilder> configure)
    {
        configure(builder);
        return builder;
    }
}
