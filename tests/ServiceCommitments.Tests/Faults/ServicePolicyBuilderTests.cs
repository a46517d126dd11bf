using System;
using System.Linq;
using NodaTime;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;
using static ServiceCommitments.Tests.Faults.PolicyTestSupport;

namespace ServiceCommitments.Tests.Faults;

/// <summary>
/// ServicePolicyBuilder.Build checks every rule between rows once and lists every problem in one ValidationException,
/// whose exact text these tests pin; PolicyRow rejects a bad row at once.
/// </summary>
public sealed class ServicePolicyBuilderTests
{
    [Fact]
    public void Build_ListsEveryProblemAtOnce()
    {
        var builder = new ServicePolicyBuilder().AddCalendar("office", Office).AddRows(
            Elapsed(Milestones.OnSite, "PT2H").OnCalendar("nowhere"),
            PolicyRow.For("repaired", ServiceTarget.WorkingDays(2)),
            Elapsed(Milestones.Restored, "PT2H").CountingFrom("arrival"),
            Elapsed(Milestones.Replacement, "PT0S").OnlyIfBreached("fixed"),
            Elapsed("a", "PT1H").CountingFrom("b"),
            Elapsed("b", "PT1H").CountingFromDueOf("a"),
            Elapsed(Milestones.FirstResponse, "PT30M").WhereAttribute("region", "Beijing"),
            Elapsed(Milestones.FirstResponse, "PT10M").WhereAttribute("channel", "phone"),
            Elapsed(Milestones.Answered, "PT1M").ForLevels(2, 5));

        var e = Assert.Throws<ValidationException>(builder.Build);
        Assert.Equal(
            "The service policy is not valid (7 problems):\n" +
            "  - target of onSite: found \"nowhere\"; expected the name of a policy calendar: office\n" +
            "  - target of repaired: found within 2 working days; this target needs a calendar; name one on the row or give the policy a default calendar\n" +
            "  - target of answered: found 5; expected a level of the policy, 1 to 4\n" +
            "  - target of restored: found \"arrival\"; the row counts from a milestone the policy neither sets a target for nor declares; expected one of: onSite, repaired, restored, replacement, a, b, firstResponse, answered (declare an event-only milestone with \"milestones\")\n" +
            "  - target of replacement: found \"fixed\"; the row depends on the breach of a milestone the policy neither sets a target for nor declares; expected one of: onSite, repaired, restored, replacement, a, b, firstResponse, answered (declare an event-only milestone with \"milestones\")\n" +
            "  - target of b: found a → b → a; milestones must not count from each other in a cycle; one of them must count from the report\n" +
            "  - target of firstResponse: found firstResponse, where channel is phone: within 10 minutes; this row and target of firstResponse (firstResponse, where region is Beijing: within 30 minutes) could both apply to one ticket and neither names more 'where' attributes; give them different levels or a 'where' that tells them apart",
            e.Message);
        Assert.Equal("service policy", e.Subject);
        Assert.Equal(e.ProblemCount, e.Problems.Count);
        Assert.IsAssignableFrom<ArgumentException>(e);
    }

    [Fact]
    public void Build_RejectsAnUnknownDefaultCalendar()
    {
        var e = Assert.Throws<ValidationException>(() => new ServicePolicyBuilder().AddCalendar("office", Office).SetDefaultCalendar("nowhere").Build());
        Assert.Equal("The service policy is not valid (1 problem):\n  - default calendar: found \"nowhere\"; expected the name of a policy calendar: office", e.Message);

        var none = Assert.Throws<ValidationException>(() => new ServicePolicyBuilder().SetDefaultCalendar("office").Build());
        Assert.Equal("The service policy is not valid (1 problem):\n  - default calendar: found \"office\"; expected the name of a policy calendar: (the policy has none)", none.Message);
    }

    [Fact]
    public void Build_RejectsAMilestoneCountingFromItself()
    {
        var e = Assert.Throws<ValidationException>(() => Policy(Elapsed(Milestones.Restored, "PT2H").CountingFrom(Milestones.Restored)));
        Assert.Equal(
            "The service policy is not valid (1 problem):\n  - target of restored: found restored → restored; milestones must not count from each other in a cycle; one of them must count from the report",
            e.Message);

        // A longer cycle through ifBreached.
        var ifBreached = Assert.Throws<ValidationException>(() => Policy(
            Elapsed("x", "PT1H").OnlyIfBreached("z"),
            Elapsed("y", "PT1H").CountingFrom("x"),
            Elapsed("z", "PT1H").CountingFromDueOf("y")));
        Assert.Equal(
            "The service policy is not valid (1 problem):\n  - target of y: found x → z → y → x; milestones must not count from each other in a cycle; one of them must count from the report",
            ifBreached.Message);
    }

    [Theory]
    // Rows for one milestone that can both match a ticket and name as many attributes are ambiguous...
    [InlineData(new int[0], null, new int[0], null, true)] // two rows for every ticket
    [InlineData(new[] { 1, 2 }, null, new[] { 2, 3 }, null, true)] // overlapping levels
    [InlineData(new int[0], null, new[] { 3 }, null, true)] // every level overlaps level 3
    [InlineData(new[] { 1 }, "region=Beijing", new[] { 1 }, "region=Beijing|Shanghai", true)] // values in common
    [InlineData(new[] { 1 }, "region=Beijing", new[] { 1 }, "channel=phone", true)] // a phone call from Beijing
    // ... and these are not.
    [InlineData(new[] { 1, 2 }, null, new[] { 3, 4 }, null, false)] // disjoint levels
    [InlineData(new[] { 1 }, "region=Beijing", new[] { 1 }, null, false)] // the row naming more attributes wins
    [InlineData(new[] { 1 }, "region=Beijing", new[] { 1 }, "region=Shanghai", false)] // contradicting values
    [InlineData(new int[0], "region=Beijing,channel=phone", new int[0], "region=Shanghai,channel=phone", false)]
    public void Build_RejectsRowsThatCouldBothApply(int[] levelsA, string? whereA, int[] levelsB, string? whereB, bool ambiguous)
    {
        static PolicyRow Row(string within, int[] levels, string? where)
        {
            var row = Elapsed(Milestones.OnSite, within).ForLevels(levels);
            foreach (string clause in where?.Split(',') ?? [])
            {
                var parts = clause.Split('=');
                row = row.WhereAttribute(parts[0], parts[1].Split('|'));
            }

            return row;
        }

        var builder = Builder().AddRows(Row("PT2H", levelsA, whereA), Row("PT4H", levelsB, whereB));
        if (ambiguous)
        {
            var e = Assert.Throws<ValidationException>(builder.Build);
            Assert.Contains("could both apply to one ticket", Assert.Single(e.Problems).Rule, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(2, builder.Build().Rows.Count);
        }

        // Rows of different milestones never clash.
        Assert.NotNull(Builder().AddRows(Row("PT2H", levelsA, whereA), Elapsed(Milestones.Restored, "PT4H").ForLevels(levelsB)).Build());
    }

    [Fact]
    public void Build_ResolvesCalendarsByName_DefaultOrGiven()
    {
        var policy = Builder().AddRows(
            PolicyRow.For("repaired", ServiceTarget.WorkingDays(2)).OnCalendar("office"),
            PolicyRow.For("visit", ServiceTarget.CalendarDays(1)),
            PolicyRow.For("call", ServiceTarget.WorkingTime(Duration.FromHours(2))).OnCalendar(Office)).Build();
        var evaluation = policy.Evaluate(NewTicket("2024-09-30 17:00"), At("2024-09-30 17:00"));

        Assert.Equal(At("2024-10-09 18:00"), evaluation["repaired"].Due); // the office calendar, by name
        Assert.Equal(At("2024-10-01 24:00"), evaluation["visit"].Due); // the default, always open: 24:00 of the next day
        Assert.Equal(At("2024-10-08 10:00"), evaluation["call"].Due); // a calendar given directly: 1 h on the 30th, 1 h on 8 October
        Assert.Equal(["always", "office"], policy.Calendars.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("office", policy.Rows[0].CalendarName);
        Assert.Same(Office, policy.Rows[2].Calendar);
    }

    [Fact]
    public void Builder_IsASnapshot_AndThePolicyIsImmutable()
    {
        var builder = Builder().AddRow(Elapsed(Milestones.OnSite, "PT2H"));
        var first = builder.Build();
        builder.AddRow(Elapsed(Milestones.Restored, "PT2H"));
        builder.ConfirmedEventsOnly = true;
        var second = builder.Build();

        Assert.Single(first.Rows);
        Assert.False(first.ConfirmedEventsOnly);
        Assert.Equal(2, second.Rows.Count);
        Assert.True(second.ConfirmedEventsOnly);
    }

    [Fact]
    public void PolicyRow_RejectsBadRowsAtOnce_AndEachMethodReturnsANewRow()
    {
        var target = ServiceTarget.Elapsed(Duration.FromHours(1));
        Assert.Throws<ArgumentException>(() => PolicyRow.For("", target));
        Assert.Throws<ArgumentException>(() => PolicyRow.For("reported", target));
        Assert.Throws<ArgumentException>(() => PolicyRow.For("onSite.due", target));
        Assert.Throws<ArgumentException>(() => PolicyRow.For(null!, target));
        var row = PolicyRow.For(Milestones.OnSite, target);
        Assert.Throws<ArgumentOutOfRangeException>(() => row.ForLevels(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => row.ForLevels(FaultLevels.MaxLevel + 1));
        Assert.Throws<ArgumentException>(() => row.WhereAttribute("region"));
        Assert.Throws<ArgumentException>(() => row.WhereAttribute("", "Beijing"));
        Assert.Throws<ArgumentException>(() => row.WhereAttribute("region", null!));
        Assert.Throws<ArgumentException>(() => row.OnCalendar(""));
        Assert.Throws<ArgumentException>(() => row.CountingFromDueOf("reported"));
        Assert.Throws<ArgumentException>(() => row.OnlyIfBreached("a.b"));

        var levels = row.ForLevels(2, 1, 2);
        Assert.Equal([1, 2], levels.Levels);
        Assert.Empty(row.Levels);
        Assert.Equal("reported", row.CountingFrom(Milestones.FirstResponse).CountingFrom("reported").From);
        Assert.Equal("onSite, levels 1,2, where region is Beijing, if resolved is breached: within 1 hour after the deadline of resolved",
            levels.WhereAttribute("region", "Beijing").CountingFromDueOf(Milestones.Resolved).OnlyIfBreached(Milestones.Resolved).ToString());
    }

    // Issue 14: loading a policy of 4,000 rows took more than 20 s: every pair of rows was checked for ambiguity.
    [Fact]
    public void Build_ComparesEachRowWithFewOthers_WhenThousandsOfRowsTellThemselvesApart()
    {
        var builder = new ServicePolicyBuilder().AddCalendar("always", Always).SetDefaultCalendar("always");
        string[] milestones = ["firstResponse", "onSite", "restored", "resolved"];
        int rows = 0;
        foreach (string milestone in milestones)
        {
            for (int level = 1; level <= 4; level++)
            {
                for (int region = 0; region < 250; region++, rows++)
                {
                    builder.AddRow(PolicyRow.For(milestone, ServiceTarget.Elapsed(Duration.FromHours(level + region))).ForLevels(level).WhereAttribute("region", $"R{region}"));
                }

                builder.AddRow(PolicyRow.For(milestone, ServiceTarget.Elapsed(Duration.FromHours(level))).ForLevels(level));
                rows++;
            }
        }

        Assert.Equal(4_016, builder.Build().Rows.Count);
        Assert.InRange(builder.AmbiguityComparisons, 0, 10L * rows);
    }

    [Fact]
    public void Build_StillFindsEveryAmbiguousPair_AmongThousandsOfRows()
    {
        var builder = new ServicePolicyBuilder().AddCalendar("always", Always).SetDefaultCalendar("always");
        for (int region = 0; region < 2_000; region++)
        {
            builder.AddRow(PolicyRow.For("onSite", ServiceTarget.Elapsed(Duration.FromHours(2))).ForLevels(1, 2).WhereAttribute("region", $"R{region}"));
        }

        builder.AddRow(PolicyRow.For("onSite", ServiceTarget.Elapsed(Duration.FromHours(4))).ForLevels(2).WhereAttribute("region", "R7", "R9"));
        builder.AddRow(PolicyRow.For("onSite", ServiceTarget.Elapsed(Duration.FromHours(4))).WhereAttribute("channel", "phone"));

        var e = Assert.Throws<ValidationException>(() => builder.Build());
        // The row for R7 and R9 clashes with those two; the channel row with every region row and with it.
        Assert.Equal(2 + 2_001, e.ProblemCount);
        Assert.Contains("region is R7", e.Problems[0].Rule, StringComparison.Ordinal);
        Assert.Contains("region is R9", e.Problems[1].Rule, StringComparison.Ordinal);
        Assert.InRange(builder.AmbiguityComparisons, 0, 10L * 2_002 + 2_001);
    }
}
