using System.Linq;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;
using Xunit;
using static ServiceCommitments.Faults.MilestoneStatus;
using static ServiceCommitments.Tests.Faults.PolicyTestSupport;

namespace ServiceCommitments.Tests.Faults;

/// <summary>
/// docs/policies.md, Pauses (D2.20): which pauses count for a milestone (begun by asOf, ended at asOf at the latest,
/// cut at the milestone's event, none with ignorePauses, overlaps once) and how far they move the deadline on each clock.
/// </summary>
public sealed class PauseTests
{
    private static string[] Pauses(string list) => list.Length == 0 ? [] : list.Split(", ");

    [Theory]
    // onSite within 4 hours of wall-clock time, reported on National Day 2024 at 08:00: due 12:00 without pauses.
    //          pauses                                                   event    asOf     due      status
    [InlineData("", null, "10:00", "12:00", Pending)]
    [InlineData("2024-10-01 09:00..2024-10-01 09:30", null, "10:00", "12:30", Pending)] // a closed pause
    [InlineData("2024-10-01 09:00..", null, "10:00", "13:00", Pending)] // an open pause ends at asOf
    [InlineData("2024-10-01 09:00..2024-10-01 11:00", null, "10:00", "13:00", Pending)] // one ending after asOf ends at asOf
    [InlineData("2024-10-01 09:00..2024-10-01 11:00", null, "11:30", "14:00", Pending)] // seen whole once asOf is past its end
    [InlineData("2024-10-01 10:30..2024-10-01 11:00", null, "10:00", "12:00", Pending)] // begins after asOf: not yet
    [InlineData("2024-10-01 10:00..2024-10-01 11:00", null, "10:00", "12:00", Pending)] // begins at asOf: nothing of it yet
    [InlineData("2024-10-01 09:30..2024-10-01 11:00", "10:00", "14:00", "12:30", Met)] // cut at the event
    [InlineData("2024-10-01 12:30..2024-10-01 13:00", "12:20", "14:00", "12:00", Breached)] // begins after the event: ignored
    [InlineData("2024-10-01 11:00..2024-10-01 12:00", "11:00", "14:00", "12:00", Met)] // begins exactly at the event: ignored
    [InlineData("2024-10-01 09:00..2024-10-01 10:00, 2024-10-01 09:30..2024-10-01 10:30", null, "11:00", "13:30", Pending)] // overlaps count once
    [InlineData("2024-10-01 09:30..2024-10-01 10:30, 2024-10-01 09:00..2024-10-01 10:00", null, "11:00", "13:30", Pending)] // in any order
    [InlineData("2024-10-01 09:00..2024-10-01 09:30, 2024-10-01 09:30..2024-10-01 10:00", null, "11:00", "13:00", Pending)] // touching
    [InlineData("2024-10-01 07:00..2024-10-01 08:30", null, "11:00", "12:30", Pending)] // only what lies after the report
    [InlineData("2024-10-01 06:00..2024-10-01 07:00", null, "11:00", "12:00", Pending)] // before the report: nothing
    [InlineData("2024-10-01 13:00..2024-10-01 14:00", null, "15:00", "12:00", Breached)] // after the deadline: nothing
    [InlineData("2024-10-01 12:10..", null, "12:30", "12:00", Breached)] // an open pause after the deadline does not revive it
    [InlineData("2024-10-01 11:00..2024-10-01 11:00", null, "11:30", "12:00", Pending)] // an empty pause
    public void Elapsed_WhichPausesCount(string pauses, string? eventAt, string asOf, string due, MilestoneStatus status)
    {
        var policy = Policy(Elapsed(Milestones.OnSite, "PT4H"));
        var ticket = NewTicket("2024-10-01 08:00", pauses: Pauses(pauses), events: eventAt is null ? null : [$"onSite@2024-10-01 {eventAt}"]);
        var result = policy.EvaluateOne(ticket, "2024-10-01 " + asOf, Milestones.OnSite);

        Assert.Equal(At("2024-10-01 " + due), result.Due);
        Assert.Equal(status, result.Status);
    }

    [Fact]
    public void IgnorePauses_LeavesTheClockRunning_ForThatRowOnly()
    {
        var policy = Policy(Elapsed(Milestones.OnSite, "PT4H"), Elapsed(Milestones.FirstResponse, "PT4H").IgnoringPauses());
        var ticket = NewTicket("2024-10-01 08:00", pauses: ["2024-10-01 09:00..2024-10-01 10:00"]);
        var evaluation = policy.Evaluate(ticket, At("2024-10-01 11:00"));

        Assert.Equal(At("2024-10-01 13:00"), evaluation[Milestones.OnSite].Due);
        Assert.Equal(At("2024-10-01 12:00"), evaluation[Milestones.FirstResponse].Due);
        Assert.True(evaluation[Milestones.FirstResponse].Row!.IgnorePauses);
        Assert.Equal(NodaTime.Duration.Zero, evaluation[Milestones.FirstResponse].Explain()!.Paused);
    }

    [Theory]
    // Working time (4 h on the office calendar from Monday 30 September 2024 10:00: due 15:00): a pause removes only
    // the working time it covers.
    [InlineData("", "2024-09-30 15:00")]
    [InlineData("2024-09-30 12:00..2024-09-30 13:00", "2024-09-30 15:00")] // over lunch: nothing
    [InlineData("2024-09-30 11:00..2024-09-30 13:30", "2024-09-30 16:30")] // 1 h before lunch, 30 min after
    [InlineData("2024-09-30 14:00..2024-10-08 10:00", "2024-10-08 11:00")] // across National Day: 3 h counted before, 1 h after
    [InlineData("2024-09-30 09:00..2024-09-30 10:00", "2024-09-30 15:00")] // before the report
    public void WorkingTime_APauseRemovesTheWorkingTimeItCovers(string pause, string due)
    {
        var policy = Policy(Working(Milestones.Restored, "PT4H"));
        var ticket = NewTicket("2024-09-30 10:00", pauses: Pauses(pause));
        Assert.Equal(At(due), policy.EvaluateOne(ticket, "2024-10-08 12:00", Milestones.Restored).Due);
    }

    [Fact]
    public void APauseInTheHolidays_MovesAnElapsedDeadline_NotAWorkingTimeOne()
    {
        // 8 working hours from Monday 30 September 16:30: 1.5 h, then National Day, then 6.5 h on 8 October: 16:30.
        // The same ticket against 8 days of elapsed time: 8 October 16:30 as well, until a pause in the holidays.
        var policy = Policy(Working(Milestones.Resolved, "PT8H"), Elapsed(Milestones.Recovered, "P8D"));
        var ticket = NewTicket("2024-09-30 16:30", pauses: ["2024-10-02 10:00..2024-10-05 10:00"]);
        var evaluation = policy.Evaluate(ticket, At("2024-10-06 09:00"));

        Assert.Equal(At("2024-10-08 16:30"), evaluation[Milestones.Resolved].Due);
        Assert.Equal(At("2024-10-11 16:30"), evaluation[Milestones.Recovered].Due);

        // A pause from 17:00 on the 30th to 10:00 on the 8th removes 1 h on each side of the holiday.
        var across = NewTicket("2024-09-30 16:30", pauses: ["2024-09-30 17:00..2024-10-08 10:00"]);
        Assert.Equal(At("2024-10-09 09:30"), policy.EvaluateOne(across, "2024-10-08 11:00", Milestones.Resolved).Due);
    }

    [Fact]
    public void WorkingDays_APauseMovesTheCloseByTheWorkingTimeItRemoves()
    {
        // Two working days from Thursday 8 February 2024: the 9th, then the 调休 Sunday 18 February, 18:00.
        var policy = Policy(PolicyRow.For("repaired", ServiceTarget.WorkingDays(2)).OnCalendar("office"));

        // 3 working hours paused on the 9th: 3 working hours past Sunday's close, Monday 19 February 12:00.
        var paused = NewTicket("2024-02-08 09:00", pauses: ["2024-02-09 09:00..2024-02-09 12:00"]);
        Assert.Equal(At("2024-02-19 12:00"), policy.EvaluateOne(paused, "2024-02-12 09:00", "repaired").Due);

        // A pause inside the Spring Festival removes no working time.
        var holiday = NewTicket("2024-02-08 09:00", pauses: ["2024-02-11 09:00..2024-02-16 18:00"]);
        Assert.Equal(At("2024-02-18 18:00"), policy.EvaluateOne(holiday, "2024-02-17 09:00", "repaired").Due);
    }

    [Theory]
    // Calendar days count wall-clock time; the holiday rule is applied to the deadline without pauses, then pauses extend it.
    //          reported            days rule   pause                                  due
    [InlineData("2024-10-01 10:00", 3, false, "2024-10-02 10:00..2024-10-02 22:00", "2024-10-05 12:00")] // 24:00 of 4 October + 12 h
    [InlineData("2024-09-28 10:00", 3, true, "2024-09-29 10:00..2024-09-29 12:00", "2024-10-08 20:00")] // 1 October a holiday: 8 October 18:00, + 2 h
    [InlineData("2024-03-06 10:00", 2, true, "2024-03-07 10:00..2024-03-07 12:00", "2024-03-09 02:00")] // Friday the 8th is a working day: 24:00 + 2 h, into Saturday
    [InlineData("2024-03-07 10:00", 2, true, "2024-03-08 10:00..2024-03-08 12:00", "2024-03-11 20:00")] // Saturday the 9th: Monday 18:00 + 2 h
    public void CalendarDays_PausesExtendTheDeadlineAfterTheHolidayRule(string reported, int days, bool rule, string pause, string due)
    {
        var target = ServiceTarget.CalendarDays(days);
        var policy = Policy(PolicyRow.For("visit", rule ? target.WithHolidayRule(HolidayRule.NextWorkingDay) : target).OnCalendar("office"));
        Assert.Equal(At(due), policy.EvaluateOne(NewTicket(reported, pauses: [pause]), "2024-10-31 00:00", "visit").Due);
    }

    [Fact]
    public void PausesOfAMilestone_AreCutAtItsOwnEvent_NotAtOthers()
    {
        // firstResponse met at 08:30 keeps its deadline when a pause begins after it; onSite, not yet reached, is moved.
        var policy = Policy(Elapsed(Milestones.FirstResponse, "PT1H"), Elapsed(Milestones.OnSite, "PT4H"));
        var ticket = NewTicket("2024-10-01 08:00", events: ["firstResponse@2024-10-01 08:30"], pauses: ["2024-10-01 08:20..2024-10-01 09:20"]);
        var evaluation = policy.Evaluate(ticket, At("2024-10-01 10:00"));

        Assert.Equal(At("2024-10-01 09:10"), evaluation[Milestones.FirstResponse].Due); // 10 minutes of the pause, up to the event
        Assert.Equal(Met, evaluation[Milestones.FirstResponse].Status);
        Assert.Equal(At("2024-10-01 13:00"), evaluation[Milestones.OnSite].Due);
        Assert.Equal(
            [new NodaTime.Interval(At("2024-10-01 08:20"), At("2024-10-01 08:30"))],
            evaluation[Milestones.FirstResponse].Explain()!.Spans.Where(s => s.Kind == ServiceCommitments.Explanations.ExplanationSpanKind.Paused).Select(s => new NodaTime.Interval(s.Start, s.End)));
    }

    [Fact]
    public void ConfirmedEventsOnly_IgnoresUnconfirmedEvents_ForStatusStartsAndPauses()
    {
        // D2.21: a record the customer did not confirm is not evidence. onSite within 1 hour; restored 2 hours after arrival.
        var rows = new[] { Elapsed(Milestones.OnSite, "PT1H"), Elapsed(Milestones.Restored, "PT2H").CountingFrom(Milestones.OnSite) };
        var strict = Builder().AddRows(rows);
        strict.ConfirmedEventsOnly = true;
        var confirmedOnly = strict.Build();
        var trusting = Policy(rows);
        Assert.True(confirmedOnly.ConfirmedEventsOnly);
        Assert.False(trusting.ConfirmedEventsOnly);

        // An unconfirmed arrival at 08:40, a confirmed one at 09:10; a pause from 08:50 to 09:20.
        var ticket = NewTicket("2024-10-01 08:00", events: ["onSite@2024-10-01 08:40?", "onSite@2024-10-01 09:10"], pauses: ["2024-10-01 08:50..2024-10-01 09:20"]);

        var strictOnSite = confirmedOnly.EvaluateOne(ticket, "2024-10-01 10:00", Milestones.OnSite);
        Assert.Equal(At("2024-10-01 09:10"), strictOnSite.Event);
        Assert.Equal(At("2024-10-01 09:20"), strictOnSite.Due); // the pause, cut at 09:10, moved 09:00 by 20 minutes
        Assert.Equal(Met, strictOnSite.Status);
        // restored counts from 09:10, and its clock stops for the 10 minutes of the pause after that.
        Assert.Equal(At("2024-10-01 11:20"), confirmedOnly.EvaluateOne(ticket, "2024-10-01 10:00", Milestones.Restored).Due);

        var trustingOnSite = trusting.EvaluateOne(ticket, "2024-10-01 10:00", Milestones.OnSite);
        Assert.Equal(At("2024-10-01 08:40"), trustingOnSite.Event);
        Assert.Equal(At("2024-10-01 09:00"), trustingOnSite.Due); // the pause begins after the event
        Assert.Equal(At("2024-10-01 11:10"), trusting.EvaluateOne(ticket, "2024-10-01 10:00", Milestones.Restored).Due); // 08:40 + 2 h + the 30-minute pause

        // Only unconfirmed records: pending, then breached, as if nothing had happened.
        var unconfirmed = NewTicket("2024-10-01 08:00", events: ["onSite@2024-10-01 08:40?"]);
        Assert.Equal(Pending, confirmedOnly.EvaluateOne(unconfirmed, "2024-10-01 08:50", Milestones.OnSite).Status);
        Assert.Equal(Breached, confirmedOnly.EvaluateOne(unconfirmed, "2024-10-01 09:01", Milestones.OnSite).Status);
        Assert.Equal(Waiting, confirmedOnly.EvaluateOne(unconfirmed, "2024-10-01 09:01", Milestones.Restored).Status);
        Assert.Equal(Met, trusting.EvaluateOne(unconfirmed, "2024-10-01 09:01", Milestones.OnSite).Status);
    }
}
