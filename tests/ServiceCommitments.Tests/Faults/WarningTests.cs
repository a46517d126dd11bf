using System;
using System.Linq;
using NodaTime;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;
using Xunit;
using static ServiceCommitments.Faults.MilestoneStatus;
using static ServiceCommitments.Tests.Faults.PolicyTestSupport;

namespace ServiceCommitments.Tests.Faults;

/// <summary>
/// docs/policies.md, Warnings: a share of the target consumed, or a lead before the deadline on the target's own clock,
/// each the earliest instant by which the clock (with the pauses) has counted that much, never before the start; and
/// the next alert, per milestone and per ticket.
/// </summary>
public sealed class WarningTests
{
    private static readonly TargetWarning ThreeQuarters = TargetWarning.AtShare(0.75);
    private static readonly TargetWarning Half = TargetWarning.AtShare(0.5);

    private static Instant[] WarningInstants(MilestoneEvaluation evaluation) => evaluation.Warnings.Select(w => w.At).ToArray();

    [Fact]
    public void Elapsed_AShareAndALead()
    {
        // firstResponse within 30 minutes, reported 23:50 on the eve of the Spring Festival: 75 % at 00:12:30, 5 min before at 00:15.
        var policy = Policy(Elapsed(Milestones.FirstResponse, "PT30M").WithWarnings(ThreeQuarters, TargetWarning.Before(Duration.FromMinutes(5))));
        var result = policy.EvaluateOne(NewTicket("2024-02-09 23:50"), "2024-02-09 23:55", Milestones.FirstResponse);

        Assert.Equal([At("2024-02-10 00:12:30"), At("2024-02-10 00:15")], WarningInstants(result));
        Assert.Equal([ThreeQuarters, TargetWarning.Before(Duration.FromMinutes(5))], result.Warnings.Select(w => w.Warning));
    }

    [Theory]
    // 8 working hours on the office calendar from Monday 30 September 2024 16:30: due 8 October 16:30 (1.5 h before
    // National Day, 6.5 h after). Half of it is 4 working hours: 8 October 11:30; 2 working hours before is 14:30.
    //          pause                                  asOf                due                 50 %                 2 h before
    [InlineData("", "2024-10-08 08:00", "2024-10-08 16:30", "2024-10-08 11:30", "2024-10-08 14:30")]
    [InlineData("2024-10-08 09:00..2024-10-08 10:00", "2024-10-08 10:30", "2024-10-08 17:30", "2024-10-08 13:30", "2024-10-08 15:30")] // both move with the pause
    [InlineData("2024-10-08 09:00..", "2024-10-08 09:30", "2024-10-08 17:00", "2024-10-08 12:00", "2024-10-08 15:00")] // an open pause, to asOf
    [InlineData("2024-10-08 11:00..2024-10-08 14:00", "2024-10-08 15:00", "2024-10-09 09:30", "2024-10-08 14:30", "2024-10-08 16:30")] // lunch is not paused time
    [InlineData("2024-10-03 09:00..2024-10-05 18:00", "2024-10-08 08:00", "2024-10-08 16:30", "2024-10-08 11:30", "2024-10-08 14:30")] // a pause in the holiday: nothing
    public void WorkingTime_WarningsCountWorkingTime_WithThePauses(string pause, string asOf, string due, string half, string lead)
    {
        var policy = Policy(Working(Milestones.Resolved, "PT8H").WithWarnings(Half, TargetWarning.Before(Duration.FromHours(2))));
        var ticket = NewTicket("2024-09-30 16:30", pauses: pause.Length == 0 ? [] : [pause]);
        var result = policy.EvaluateOne(ticket, asOf, Milestones.Resolved);

        Assert.Equal(At(due), result.Due);
        Assert.Equal([At(half), At(lead)], WarningInstants(result));
    }

    [Fact]
    public void WorkingDays_WarningsCountTheWorkingTimeUpToTheClose()
    {
        // D2.3 "repaired within 2 working days" from the adjusted working Sunday 29 September 2024 10:00: due 8 October
        // 18:00, 23 working hours away (7 + 8 + 8). 75 % is 17.25 h: 8 October 11:15. 2 hours before: 16:00.
        var policy = Policy(PolicyRow.For("repaired", ServiceTarget.WorkingDays(2)).OnCalendar("office")
            .WithWarnings(ThreeQuarters, TargetWarning.Before(Duration.FromHours(2))));
        var result = policy.EvaluateOne(NewTicket("2024-09-29 10:00"), "2024-09-29 10:00", "repaired");

        Assert.Equal(At("2024-10-08 18:00"), result.Due);
        Assert.Equal([At("2024-10-08 11:15"), At("2024-10-08 16:00")], WarningInstants(result));
        Assert.Equal(At("2024-10-08 11:15"), result.NextAlert);
    }

    [Fact]
    public void CalendarDays_WarningsCountWallClockTime()
    {
        // 2 calendar days from 1 October 2024 12:00: 4 October 00:00, 60 hours away; half is 2 October 18:00.
        var policy = Policy(PolicyRow.For("visit", ServiceTarget.CalendarDays(2)).OnCalendar("office").WithWarnings(Half, TargetWarning.Before(Duration.FromDays(1))));
        var result = policy.EvaluateOne(NewTicket("2024-10-01 12:00"), "2024-10-01 12:00", "visit");
        Assert.Equal([At("2024-10-02 18:00"), At("2024-10-03 00:00")], WarningInstants(result));
    }

    [Fact]
    public void ALeadLongerThanTheTarget_FiresAtTheStart()
    {
        var elapsed = Policy(Elapsed(Milestones.FirstResponse, "PT30M").WithWarnings(TargetWarning.Before(Duration.FromHours(1))));
        Assert.Equal([At("2024-02-09 23:50")], WarningInstants(elapsed.EvaluateOne(NewTicket("2024-02-09 23:50"), "2024-02-09 23:50", Milestones.FirstResponse)));

        // One working hour from Saturday 9 March 2024 10:00 (office): due Monday 10:00; 2 hours before: the start itself.
        var working = Policy(Working(Milestones.RepairPlan, "PT1H").WithWarnings(TargetWarning.Before(Duration.FromHours(2))));
        var result = working.EvaluateOne(NewTicket("2024-03-09 10:00"), "2024-03-09 10:00", Milestones.RepairPlan);
        Assert.Equal(At("2024-03-11 10:00"), result.Due);
        Assert.Equal([At("2024-03-09 10:00")], WarningInstants(result));
    }

    [Fact]
    public void AShare_IsTheEarliestInstantByWhichThatShareIsCounted_ToTheTick()
    {
        // 3 ticks of wall-clock time: 40 % of it (1.2 ticks) has been counted only after 2 ticks.
        var start = At("2024-06-03 09:00");
        var tiny = Policy(PolicyRow.For("ping", ServiceTarget.Elapsed(Duration.FromTicks(3))).WithWarnings(TargetWarning.AtShare(0.4)));
        Assert.Equal([start + Duration.FromTicks(2)], WarningInstants(tiny.Evaluate(new Ticket(start, 1), start)["ping"]));

        // Within 0 working days from Monday 4 March 2024 10:00:00.0000001 on the office calendar: 18:00, 7 h less a
        // tick of working time away. 75 % of that is 5 h 15 min less 0.75 tick, first counted at 16:15:00.0000001.
        var repair = Policy(PolicyRow.For("repaired", ServiceTarget.WorkingDays(0)).OnCalendar("office").WithWarnings(ThreeQuarters));
        var result = repair.EvaluateOne(NewTicket("2024-03-04 10:00:00.0000001"), "2024-03-04 10:00", "repaired");
        Assert.Equal(At("2024-03-04 18:00"), result.Due);
        Assert.Equal([At("2024-03-04 16:15:00.0000001")], WarningInstants(result));

        // Rounding up never turns a whole number of ticks into the next one: a tenth of 30 minutes is 3 minutes exactly,
        // though the double nearest 0.1 is a little more than a tenth.
        var tenths = Policy(Elapsed("ping", "PT30M").WithWarnings(TargetWarning.AtShare(0.1), TargetWarning.AtShare(0.3), TargetWarning.AtShare(0.7)));
        Assert.Equal(
            [start + Duration.FromMinutes(3), start + Duration.FromMinutes(9), start + Duration.FromMinutes(21)],
            WarningInstants(tenths.Evaluate(new Ticket(start, 1), start)["ping"]));
    }

    [Fact]
    public void Warnings_AreGivenForEveryMilestoneWithADeadline_MetOrBreached()
    {
        var policy = Policy(Elapsed(Milestones.FirstResponse, "PT30M").WithWarnings(Half));
        var met = policy.EvaluateOne(NewTicket("2024-06-03 09:00", events: ["firstResponse@2024-06-03 09:10"]), "2024-06-03 12:00", Milestones.FirstResponse);
        Assert.Equal(Met, met.Status);
        Assert.Equal([At("2024-06-03 09:15")], WarningInstants(met));
        Assert.Null(met.NextAlert);

        var breached = policy.EvaluateOne(NewTicket("2024-06-03 09:00"), "2024-06-03 12:00", Milestones.FirstResponse);
        Assert.Equal([At("2024-06-03 09:15")], WarningInstants(breached));
        Assert.Null(breached.NextAlert);
    }

    [Theory]
    // firstResponse within 30 minutes from 09:00, warnings at 50 % (09:15) and 5 minutes before (09:25).
    [InlineData("09:00", "09:15")]
    [InlineData("09:14", "09:15")]
    [InlineData("09:16", "09:25")]
    [InlineData("09:26", "09:30")] // after every warning: the deadline
    [InlineData("09:31", null)] // breached: nothing ahead
    public void NextAlert_IsTheEarliestWarningOrDeadlineAhead(string asOf, string? next)
    {
        var policy = Policy(Elapsed(Milestones.FirstResponse, "PT30M").WithWarnings(TargetWarning.Before(Duration.FromMinutes(5)), Half));
        var result = policy.EvaluateOne(NewTicket("2024-06-03 09:00"), "2024-06-03 " + asOf, Milestones.FirstResponse);
        Assert.Equal(next is null ? null : At("2024-06-03 " + next), result.NextAlert);
    }

    [Fact]
    public void NextAlert_MovesWithAnOpenPause()
    {
        // A pause open since 09:10: at 09:20 the 50 % warning (09:15 without it) is at 09:25, and the deadline at 09:40.
        var policy = Policy(Elapsed(Milestones.FirstResponse, "PT30M").WithWarnings(Half));
        var ticket = NewTicket("2024-06-03 09:00", pauses: ["2024-06-03 09:10.."]);
        var result = policy.EvaluateOne(ticket, "2024-06-03 09:20", Milestones.FirstResponse);
        Assert.Equal(At("2024-06-03 09:40"), result.Due);
        Assert.Equal(At("2024-06-03 09:25"), result.NextAlert);
    }

    [Fact]
    public void TicketNextAlert_IsTheEarliestOfThePendingMilestones()
    {
        // firstResponse within 30 minutes (50 % at 09:15), onSite within 2 hours (75 % at 10:30); restored waits for onSite.
        var policy = Policy(
            Elapsed(Milestones.FirstResponse, "PT30M").WithWarnings(Half),
            Elapsed(Milestones.OnSite, "PT2H").WithWarnings(ThreeQuarters),
            Elapsed(Milestones.Restored, "PT2H").CountingFrom(Milestones.OnSite).WithWarnings(Half));
        var ticket = NewTicket("2024-06-03 09:00");

        Assert.Equal(At("2024-06-03 09:15"), policy.Evaluate(ticket, At("2024-06-03 09:05")).NextAlert);
        Assert.Equal(At("2024-06-03 09:30"), policy.Evaluate(ticket, At("2024-06-03 09:16")).NextAlert);
        Assert.Equal(At("2024-06-03 10:30"), policy.Evaluate(ticket.WithEvent(Milestones.FirstResponse, At("2024-06-03 09:20")), At("2024-06-03 09:25")).NextAlert);

        // Arrived at 10:00: restored is due at 12:00, its 50 % at 11:00.
        var arrived = ticket.WithEvent(Milestones.FirstResponse, At("2024-06-03 09:20")).WithEvent(Milestones.OnSite, At("2024-06-03 10:00"));
        Assert.Equal(At("2024-06-03 11:00"), policy.Evaluate(arrived, At("2024-06-03 10:05")).NextAlert);

        // Nothing pending: no alert. A breached milestone raises none either.
        var done = arrived.WithEvent(Milestones.Restored, At("2024-06-03 11:30"));
        Assert.Null(policy.Evaluate(done, At("2024-06-03 11:40")).NextAlert);
        Assert.Null(policy.Evaluate(ticket, At("2024-06-03 11:40")).NextAlert);
    }

    [Fact]
    public void TargetWarning_RejectsSharesOutsideZeroToOne_AndLeadsOfNoTime()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetWarning.AtShare(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetWarning.AtShare(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetWarning.AtShare(-0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetWarning.AtShare(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetWarning.Before(Duration.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetWarning.Before(Duration.FromMinutes(-5)));
        Assert.Throws<ArgumentException>(() => TargetWarning.Before(Duration.FromNanoseconds(150)));

        Assert.Equal("at 75%", ThreeQuarters.ToString());
        Assert.Equal("2 hours before", TargetWarning.Before(Duration.FromHours(2)).ToString());
        Assert.Equal(0.75, ThreeQuarters.Share);
        Assert.Null(ThreeQuarters.Lead);
        Assert.Equal(Duration.FromHours(2), TargetWarning.Before(Duration.FromHours(2)).Lead);
        Assert.Null(TargetWarning.Before(Duration.FromHours(2)).Share);
        Assert.NotEqual(TargetWarning.AtShare(0.5), TargetWarning.AtShare(0.75));
        Assert.True(TargetWarning.AtShare(0.5) == Half);
    }
}
