using System.Collections.Generic;
using System.Linq;
using ServiceCommitments.Faults;
using Xunit;
using static ServiceCommitments.Tests.Faults.PolicyTestSupport;

namespace ServiceCommitments.Tests.Faults;

/// <summary>A ticket checks its own values when it is made and lists every problem; its lists are kept in time order.</summary>
public sealed class TicketTests
{
    [Fact]
    public void Constructor_ListsEveryProblemAtOnce()
    {
        var e = Assert.Throws<ValidationException>(() => new Ticket(
            At("2024-06-03 09:00"),
            0,
            attributes: [new KeyValuePair<string, string>("", "Beijing"), new("region", "Beijing"), new("region", "Shanghai")],
            events: [default, new MilestoneEvent(Milestones.OnSite, At("2024-06-03 10:00"))],
            pauses: [new Pause(At("2024-06-03 09:30"), At("2024-06-03 09:40")), new Pause(At("2024-06-03 10:00"), At("2024-06-03 09:59"))],
            levelChanges: [new LevelChange(At("2024-06-03 09:10"), 0), new LevelChange(At("2024-06-03 09:20"), 65)]));
        Assert.Equal(
            "The ticket is not valid (7 problems):\n" +
            "  - level: found 0; expected a fault level from 1 to 64 (1 is the most severe)\n" +
            "  - attributes[0]: found \"\"; an attribute needs a name and a value\n" +
            "  - attributes[2]: found \"region\"; an attribute may be given once\n" +
            "  - events[0]: an event needs a milestone name\n" +
            "  - pauses[1]: found 2024-06-03T02:00:00Z to 2024-06-03T01:59:00Z; a pause must not end before it begins\n" +
            "  - levelChanges[0].level: found 0; expected a fault level from 1 to 64 (1 is the most severe)\n" +
            "  - levelChanges[1].level: found 65; expected a fault level from 1 to 64 (1 is the most severe)",
            e.Message);
        Assert.Equal("ticket", e.Subject);
    }

    [Fact]
    public void WithPause_AndWithLevelChange_CheckTheNewValue()
    {
        var ticket = NewTicket("2024-06-03 09:00");
        var pause = Assert.Throws<ValidationException>(() => ticket.WithPause(At("2024-06-03 10:00"), At("2024-06-03 09:00")));
        Assert.Equal("The ticket is not valid (1 problem):\n  - pauses[0]: found 2024-06-03T02:00:00Z to 2024-06-03T01:00:00Z; a pause must not end before it begins", pause.Message);
        var level = Assert.Throws<ValidationException>(() => ticket.WithLevelChange(At("2024-06-03 10:00"), 0));
        Assert.Equal("The ticket is not valid (1 problem):\n  - levelChanges[0].level: found 0; expected a fault level from 1 to 64 (1 is the most severe)", level.Message);
        Assert.Throws<ValidationException>(() => ticket.WithEvent("", At("2024-06-03 10:00")));

        // A pause of no length, and an open one, are fine.
        Assert.Equal(2, ticket.WithPause(At("2024-06-03 10:00"), At("2024-06-03 10:00")).WithPause(At("2024-06-03 11:00"), null).Pauses.Count);
    }

    [Fact]
    public void Lists_AreKeptInTimeOrder_AndTheTicketIsUnchangedByWith()
    {
        var ticket = new Ticket(
            At("2024-06-03 09:00"),
            2,
            attributes: [new KeyValuePair<string, string>("region", "Beijing")],
            events: [new(Milestones.OnSite, At("2024-06-03 11:00")), new(Milestones.FirstResponse, At("2024-06-03 09:10")), new(Milestones.OnSite, At("2024-06-03 10:00"), false)],
            pauses: [new(At("2024-06-03 10:00"), At("2024-06-03 10:30")), new(At("2024-06-03 09:30"), null, "no access")],
            levelChanges: [new(At("2024-06-03 10:00"), 1), new(At("2024-06-03 09:30"), 3)],
            id: "T-1");

        Assert.Equal(["09:10", "10:00", "11:00"], ticket.Events.Select(e => e.At.InZone(Calendars.CalendarTestSupport.Shanghai).ToString("HH:mm", null)));
        Assert.Equal([At("2024-06-03 09:30"), At("2024-06-03 10:00")], ticket.Pauses.Select(p => p.From));
        Assert.Equal([3, 1], ticket.LevelChanges.Select(c => c.Level));
        Assert.Equal("Beijing", ticket.Attributes["region"]);
        Assert.Equal("T-1", ticket.Id);
        Assert.Equal(2, ticket.Level);

        var more = ticket.WithEvent(Milestones.Restored, At("2024-06-03 12:00"));
        Assert.Equal(3, ticket.Events.Count);
        Assert.Equal(4, more.Events.Count);
        Assert.Equal("T-1", more.Id);
    }
}
