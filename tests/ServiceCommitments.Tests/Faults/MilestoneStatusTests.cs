using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;
using Xunit;
using static ServiceCommitments.Faults.MilestoneStatus;
using static ServiceCommitments.Tests.Faults.PolicyTestSupport;

namespace ServiceCommitments.Tests.Faults;

/// <summary>
/// docs/policies.md, Status: met, breached, pending, waiting and notApplicable, with overdueBy and remaining, at the
/// exact boundaries (an event exactly at the deadline is met; asOf exactly at it is pending; one tick later breached).
/// </summary>
public sealed class MilestoneStatusTests
{
    private const string OneTick = "PT0.0000001S";

    // firstResponse within 30 minutes of wall-clock time, reported on the eve of the 2024 Spring Festival: due 00:20.
    private static readonly ServicePolicy ThirtyMinutes = Policy(Elapsed(Milestones.FirstResponse, "PT30M"));

    [Theory]
    //          event                          asOf                           status    overdueBy  remaining
    [InlineData(null, "2024-02-09 23:50", Pending, "PT0S", "PT30M")] // asOf at the report
    [InlineData(null, "2024-02-10 00:00", Pending, "PT0S", "PT20M")] // the first day of the holiday counts: elapsed time
    [InlineData(null, "2024-02-10 00:20", Pending, "PT0S", "PT0S")] // asOf exactly at the deadline: still pending
    [InlineData(null, "2024-02-10 00:20:00.0000001", Breached, OneTick, "PT0S")] // one tick later: breached
    [InlineData(null, "2024-02-10 03:00", Breached, "PT2H40M", "PT0S")] // overdue to asOf while there is no event
    [InlineData("2024-02-09 23:50", "2024-02-09 23:50", Met, "PT0S", "PT0S")] // an event at the report, seen at once
    [InlineData("2024-02-10 00:20", "2024-02-10 01:00", Met, "PT0S", "PT0S")] // an event exactly at the deadline is met
    [InlineData("2024-02-10 00:20:00.0000001", "2024-02-10 01:00", Breached, OneTick, "PT0S")] // one tick late
    [InlineData("2024-02-10 00:30", "2024-02-10 00:40", Breached, "PT10M", "PT0S")] // overdue to the event, not to asOf
    [InlineData("2024-02-10 00:10", "2024-02-10 00:05", Pending, "PT0S", "PT15M")] // an event after asOf is not seen
    [InlineData("2024-02-10 00:10", "2024-02-10 00:10", Met, "PT0S", "PT0S")] // an event exactly at asOf is seen
    [InlineData("2024-02-10 00:30", "2024-02-10 00:25", Breached, "PT5M", "PT0S")] // past due, the late event not yet seen
    public void Elapsed_StatusOverdueAndRemaining(string? eventAt, string asOf, MilestoneStatus status, string overdueBy, string remaining)
    {
        var ticket = NewTicket("2024-02-09 23:50", events: eventAt is null ? null : [$"firstResponse@{eventAt}"]);
        var result = ThirtyMinutes.EvaluateOne(ticket, asOf, Milestones.FirstResponse);

        Assert.Equal(status, result.Status);
        Assert.Equal(At("2024-02-10 00:20"), result.Due);
        Assert.Equal(At("2024-02-09 23:50"), result.Start);
        Assert.Equal(Iso(overdueBy), result.Overdue);
        Assert.Equal(Iso(remaining), result.Remaining);
        Assert.Equal(eventAt is not null && At(eventAt) <= At(asOf) ? At(eventAt) : null, result.Event);
    }

    [Theory]
    // A repair plan within 4 working hours on the office calendar, reported on Friday 9 February 2024 (除夕, a working
    // day): 1.5 h that day, the Spring Festival 10-17 February skipped, 2.5 h on Sunday 18 February (调休): 11:30.
    [InlineData(null, "2024-02-12 10:00", Pending, "PT0S", "P6DT1H30M")] // remaining is wall-clock time
    [InlineData(null, "2024-02-18 11:30", Pending, "PT0S", "PT0S")]
    [InlineData(null, "2024-02-18 11:30:00.0000001", Breached, OneTick, "PT0S")]
    [InlineData(null, "2024-02-18 13:30", Breached, "PT2H", "PT0S")] // overdueBy is wall-clock time too, lunch included
    [InlineData("2024-02-18 11:30", "2024-02-19 09:00", Met, "PT0S", "PT0S")]
    [InlineData("2024-02-19 09:00", "2024-02-19 10:00", Breached, "PT21H30M", "PT0S")]
    public void WorkingTime_StatusOverdueAndRemaining(string? eventAt, string asOf, MilestoneStatus status, string overdueBy, string remaining)
    {
        var policy = Policy(Working(Milestones.RepairPlan, "PT4H"));
        var ticket = NewTicket("2024-02-09 16:30", events: eventAt is null ? null : [$"repairPlan@{eventAt}"]);
        var result = policy.EvaluateOne(ticket, asOf, Milestones.RepairPlan);

        Assert.Equal(status, result.Status);
        Assert.Equal(At("2024-02-18 11:30"), result.Due);
        Assert.Equal(Iso(overdueBy), result.Overdue);
        Assert.Equal(Iso(remaining), result.Remaining);
    }

    [Theory]
    // D2.3 "repaired within 2 working days" on the office calendar: the close of business of the 2nd working day after
    // the report's date.
    [InlineData("2024-09-29 10:00", "2024-10-08 18:00")] // from the adjusted working Sunday: 30 September, then 8 October
    [InlineData("2024-09-30 17:00", "2024-10-09 18:00")] // National Day 1-7 October skipped
    [InlineData("2024-10-11 20:00", "2024-10-14 18:00")] // Saturday 12 October (调休) is the 1st
    [InlineData("2024-10-12 08:00", "2024-10-15 18:00")] // reported on the adjusted Saturday: its date is not counted
    [InlineData("2024-02-04 12:30", "2024-02-06 18:00")] // from the adjusted working Sunday 4 February
    [InlineData("2024-02-08 09:00", "2024-02-18 18:00")] // 9 February, then the 调休 Sunday 18 February
    [InlineData("2024-02-10 10:00", "2024-02-19 18:00")] // reported in the holiday
    public void WorkingDays_DueAtTheCloseOfTheSecondWorkingDay(string reported, string due)
    {
        var policy = Policy(PolicyRow.For("repaired", ServiceTarget.WorkingDays(2)).OnCalendar("office"));
        var result = policy.EvaluateOne(NewTicket(reported), reported, "repaired");

        Assert.Equal(Pending, result.Status);
        Assert.Equal(At(due), result.Due);
        Assert.Equal(At(due) - At(reported), result.Remaining);
    }

    [Fact]
    public void Waiting_HasNoDeadline_AndNotApplicable_HasNoTarget()
    {
        // D2.1: restored within 2 hours after arrival, for level 1 only.
        var policy = Policy(
            Elapsed(Milestones.OnSite, "PT1H"),
            Elapsed(Milestones.Restored, "PT2H").ForLevels(1).CountingFrom(Milestones.OnSite));

        var waiting = policy.EvaluateOne(NewTicket("2024-10-01 02:00", level: 1), "2024-10-01 02:30", Milestones.Restored);
        Assert.Equal(Waiting, waiting.Status);
        Assert.Null(waiting.Due);
        Assert.Null(waiting.Start);
        Assert.Null(waiting.NextAlert);
        Assert.Equal(Duration.Zero, waiting.Overdue);
        Assert.Equal(Duration.Zero, waiting.Remaining);
        Assert.Empty(waiting.Warnings);
        Assert.Null(waiting.Explain());
        Assert.NotNull(waiting.Row);

        // Even a waiting milestone that has its own event stays waiting: it has no deadline to be met against.
        var early = policy.EvaluateOne(NewTicket("2024-10-01 02:00", level: 1, events: ["restored@2024-10-01 02:20"]), "2024-10-01 02:30", Milestones.Restored);
        Assert.Equal(Waiting, early.Status);
        Assert.Equal(At("2024-10-01 02:20"), early.Event);

        var level3 = policy.EvaluateOne(NewTicket("2024-10-01 02:00", level: 3, events: ["onSite@2024-10-01 02:40"]), "2024-10-01 09:00", Milestones.Restored);
        Assert.Equal(NotApplicable, level3.Status);
        Assert.Null(level3.Due);
        Assert.Null(level3.Row);
        Assert.Null(level3.NextAlert);
        Assert.Equal(Duration.Zero, level3.Overdue);
        Assert.Null(level3.Explain());
    }

    [Fact]
    public void ADeadlineAfterYear9998_IsRejectedWhenEvaluating_NotWhenRead()
    {
        // docs: a deadline outside years 1-9998 is an ArgumentOutOfRangeException. A ticket reported in the last
        // minutes of year 9999 has a 30-minute deadline no instant can hold: Evaluate says so, in one form or in bulk,
        // rather than returning a result whose Due throws when read.
        var ticket = new Ticket(NodaTime.Instant.FromUtc(9999, 12, 31, 23, 50), 1);
        var asOf = NodaTime.Instant.FromUtc(9999, 12, 31, 23, 55);
        Assert.Throws<ArgumentOutOfRangeException>(() => ThirtyMinutes.Evaluate(ticket, asOf));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThirtyMinutes.Evaluate([ticket], asOf, new MilestoneResult[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceTarget.Elapsed(Duration.FromMinutes(30)).GetDue(NodaTime.Instant.FromUtc(9998, 12, 31, 23, 50), null));
        Assert.Equal(NodaTime.Instant.FromUtc(9999, 1, 1, 0, 0), ServiceTarget.Elapsed(Duration.FromMinutes(10)).GetDue(NodaTime.Instant.FromUtc(9998, 12, 31, 23, 50), null));
    }

    [Fact]
    public void MetAndBreached_HaveNoNextAlert_PendingHasItsDeadline()
    {
        var ticket = NewTicket("2024-02-09 23:50");
        Assert.Equal(At("2024-02-10 00:20"), ThirtyMinutes.EvaluateOne(ticket, "2024-02-10 00:00", Milestones.FirstResponse).NextAlert);
        Assert.Null(ThirtyMinutes.EvaluateOne(ticket, "2024-02-10 00:21", Milestones.FirstResponse).NextAlert);
        Assert.Null(ThirtyMinutes.EvaluateOne(ticket.WithEvent(Milestones.FirstResponse, At("2024-02-10 00:01")), "2024-02-10 00:05", Milestones.FirstResponse).NextAlert);
    }

    [Fact]
    public void Evaluation_ListsEveryMilestoneInDependencyOrder_AndFindsThemByName()
    {
        var policy = Policy(
            Elapsed(Milestones.IncidentReport, "PT48H").CountingFrom(Milestones.Restored),
            Elapsed(Milestones.Restored, "PT2H").CountingFrom(Milestones.OnSite),
            Elapsed(Milestones.OnSite, "PT1H"));
        Assert.Equal([Milestones.OnSite, Milestones.Restored, Milestones.IncidentReport], policy.Milestones);

        var evaluation = policy.Evaluate(NewTicket("2024-10-01 02:00", level: 2), At("2024-10-01 02:10"));
        Assert.Equal(2, evaluation.Level);
        Assert.Equal(At("2024-10-01 02:10"), evaluation.AsOf);
        Assert.Equal([Milestones.OnSite, Milestones.Restored, Milestones.IncidentReport], evaluation.Milestones.Select(m => m.Milestone));
        Assert.Same(evaluation.Milestones[1], evaluation[Milestones.Restored]);
        var missing = Assert.Throws<KeyNotFoundException>(() => evaluation["answered"]);
        Assert.Equal("The policy has no milestone \"answered\"; it has onSite, restored, incidentReport.", missing.Message);
    }
}
