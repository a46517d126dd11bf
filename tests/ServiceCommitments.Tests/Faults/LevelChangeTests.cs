using System;
using NodaTime;
using ServiceCommitments.Faults;
using Xunit;
using static ServiceCommitments.Faults.MilestoneStatus;
using static ServiceCommitments.Tests.Faults.PolicyTestSupport;

namespace ServiceCommitments.Tests.Faults;

/// <summary>
/// docs/policies.md, Fault levels and level changes: the level in force at asOf chooses the targets; retroactive
/// counts them from the report, fromChange from the last change at or before asOf (only targets that count from the
/// report); changes after asOf are ignored.
/// </summary>
public sealed class LevelChangeTests
{
    private static ServicePolicy Build(LevelChangeRule rule)
    {
        var builder = Builder().AddRows(
            Elapsed(Milestones.FirstResponse, "PT30M").ForLevels(1),
            Elapsed(Milestones.FirstResponse, "PT2H").ForLevels(2, 3, 4),
            Elapsed(Milestones.OnSite, "PT4H"),
            Elapsed(Milestones.Restored, "PT2H").ForLevels(1).CountingFrom(Milestones.OnSite),
            Elapsed(Milestones.Restored, "PT4H").ForLevels(2, 3, 4).CountingFrom(Milestones.OnSite));
        builder.LevelChange = rule;
        return builder.Build();
    }

    private static readonly ServicePolicy Retroactive = Build(LevelChangeRule.Retroactive);
    private static readonly ServicePolicy FromChange = Build(LevelChangeRule.FromChange);

    [Theory]
    // Reported on National Day 2024 at 09:00; firstResponse within 30 min at level 1, 2 h at levels 2-4.
    //          initial  changes (at:level)           asOf     rule   level  start     due      status
    [InlineData(2, "10:00:1", "09:59", false, 2, "09:00", "11:00", Pending)] // the upgrade is after asOf: ignored
    [InlineData(2, "10:00:1", "10:00", false, 1, "09:00", "09:30", Breached)] // at asOf it is in force; retroactive: breached at once
    [InlineData(2, "10:00:1", "10:00", true, 1, "10:00", "10:30", Pending)] // fromChange: 30 minutes from the upgrade
    [InlineData(2, "10:00:1", "09:59", true, 2, "09:00", "11:00", Pending)]
    [InlineData(1, "09:20:2", "09:40", false, 2, "09:00", "11:00", Pending)] // a downgrade rescues a late response
    [InlineData(1, "09:20:2", "09:40", true, 2, "09:20", "11:20", Pending)]
    [InlineData(1, "09:20:2", "09:10", true, 1, "09:00", "09:30", Pending)]
    [InlineData(2, "09:10:1, 09:40:3", "09:30", false, 1, "09:00", "09:30", Pending)] // the last change at or before asOf
    [InlineData(2, "09:10:1, 09:40:3", "09:30", true, 1, "09:10", "09:40", Pending)]
    [InlineData(2, "09:40:3, 09:10:1", "09:45", false, 3, "09:00", "11:00", Pending)] // given in any order
    [InlineData(2, "09:40:3, 09:10:1", "09:45", true, 3, "09:40", "11:40", Pending)] // from the last change, not the first
    [InlineData(3, "09:30:3", "09:45", true, 3, "09:30", "11:30", Pending)] // a change to the same level is a change
    public void TheLevelInForceAtAsOf_ChoosesTheTarget_AndTheRuleItsStart(
        int initial, string changes, string asOf, bool fromChange, int level, string start, string due, MilestoneStatus status)
    {
        var ticket = NewTicket("2024-10-01 09:00", level: initial);
        foreach (string change in changes.Split(", "))
        {
            var parts = change.Split(':');
            ticket = ticket.WithLevelChange(At($"2024-10-01 {parts[0]}:{parts[1]}"), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        var evaluation = (fromChange ? FromChange : Retroactive).Evaluate(ticket, At("2024-10-01 " + asOf));
        Assert.Equal(level, evaluation.Level);
        Assert.Equal(At("2024-10-01 " + start), evaluation[Milestones.FirstResponse].Start);
        Assert.Equal(At("2024-10-01 " + due), evaluation[Milestones.FirstResponse].Due);
        Assert.Equal(status, evaluation[Milestones.FirstResponse].Status);
    }

    [Fact]
    public void FromChange_LeavesTargetsThatCountFromAMilestoneAlone()
    {
        // Arrived at 09:30; upgraded to level 1 at 10:00: restored within 2 h of the arrival, in both rules.
        var ticket = NewTicket("2024-10-01 09:00", level: 2, events: ["onSite@2024-10-01 09:30"]).WithLevelChange(At("2024-10-01 10:00"), 1);
        foreach (var policy in new[] { Retroactive, FromChange })
        {
            var evaluation = policy.Evaluate(ticket, At("2024-10-01 10:30"));
            Assert.Equal(At("2024-10-01 09:30"), evaluation[Milestones.Restored].Start);
            Assert.Equal(At("2024-10-01 11:30"), evaluation[Milestones.Restored].Due);
        }

        // onSite counts from the report, so under fromChange it counts from the upgrade: 14:00, met by the 09:30 arrival.
        Assert.Equal(At("2024-10-01 14:00"), FromChange.EvaluateOne(ticket, "2024-10-01 10:30", Milestones.OnSite).Due);
        Assert.Equal(At("2024-10-01 13:00"), Retroactive.EvaluateOne(ticket, "2024-10-01 10:30", Milestones.OnSite).Due);
    }

    [Fact]
    public void ALevelThePolicyLacks_IsRejectedOnlyWhenInForce()
    {
        var ticket = NewTicket("2024-10-01 09:00", level: 2).WithLevelChange(At("2024-10-01 10:00"), 5);
        Assert.Equal(2, Retroactive.Evaluate(ticket, At("2024-10-01 09:30")).Level);

        var e = Assert.Throws<ArgumentException>(() => Retroactive.Evaluate(ticket, At("2024-10-01 10:00")));
        Assert.Equal("ticket", e.ParamName);
        Assert.StartsWith("The ticket's level 5 is not a level of the policy (1 to 4).", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Retroactive.Evaluate(NewTicket("2024-10-01 09:00", level: 7), At("2024-10-01 09:30")));
    }

    [Fact]
    public void TheRuleDefaultsToRetroactive()
    {
        Assert.Equal(LevelChangeRule.Retroactive, Builder().Build().LevelChange);
        Assert.Equal(LevelChangeRule.Retroactive, default(LevelChangeRule));
        Assert.Equal(LevelChangeRule.FromChange, FromChange.LevelChange);
        Assert.Equal(Duration.FromMinutes(30), Retroactive.EvaluateOne(NewTicket("2024-10-01 09:00", level: 2).WithLevelChange(At("2024-10-01 10:00"), 1), "2024-10-01 10:00", Milestones.FirstResponse).Overdue);
    }
}
