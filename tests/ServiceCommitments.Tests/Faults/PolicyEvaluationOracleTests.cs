using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Faults;

/// <summary>
/// Pins the evaluation of a policy to a plain reading of docs/policies.md, so that the fast path can be reworked
/// without changing what it computes: a reference evaluator written from the page, with nothing but the public API
/// (rows, tickets, <see cref="ServiceTarget.GetDue(Instant, BusinessCalendar?, ReadOnlySpan{Interval})"/>), checks
/// <see cref="ServicePolicy.Evaluate(Ticket, Instant)"/> on thousands of seeded random tickets, and the bulk and
/// parallel forms must equal it ticket by ticket.
/// </summary>
/// <remarks>
/// The policy uses every feature the evaluation has: levels, <c>where</c> with one value, several values and two
/// attributes, counting from an event and from a deadline, <c>ifBreached</c>, <c>ignorePauses</c>, share and lead
/// warnings, a cut-off, working days 0, calendar days with the holiday rule, a period; each of the four combinations
/// of <c>confirmedEventsOnly</c> and <c>levelChange</c>. The tickets have duplicate, unconfirmed, unknown and
/// future events, open, overlapping and empty pauses, level changes before and after <c>asOf</c>, and an
/// <c>asOf</c> anywhere from before the report to weeks after it.
/// </remarks>
public sealed class PolicyEvaluationOracleTests
{
    private const int TicketsPerPolicy = 1500;

    private static readonly BusinessCalendar Always = BusinessCalendar.AlwaysOpen(Shanghai);

    private static readonly string[] Regions = ["Beijing", "Shanghai", "Hangzhou", "Xi'an"];

    private static readonly string[] EventNames =
        [Milestones.FirstResponse, Milestones.OnSite, Milestones.Restored, Milestones.Resolved, Milestones.Replacement, Milestones.FaultReport, "report", "monthly", "callback", "unknown"];

    /// <summary>The four combinations of the policy's options, on the full policy (nine milestones) and on its first six rows' milestones.</summary>
    public static TheoryData<bool, LevelChangeRule, bool> Variants() => new()
    {
        { false, LevelChangeRule.Retroactive, false },
        { true, LevelChangeRule.Retroactive, false },
        { false, LevelChangeRule.FromChange, false },
        { true, LevelChangeRule.FromChange, false },
        { false, LevelChangeRule.Retroactive, true },
        { true, LevelChangeRule.FromChange, true },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void OneByOne_MatchesTheRulesOfThePage(bool confirmedOnly, LevelChangeRule levelChange, bool fewMilestones)
    {
        var policy = Policy(confirmedOnly, levelChange, fewMilestones);
        var random = new Random(confirmedOnly ? 61 : 67 + (int)levelChange);
        var rowsSeen = new HashSet<PolicyRow>();
        var statusesSeen = new HashSet<MilestoneStatus>();
        int alertsBeforeDue = 0;
        for (int i = 0; i < TicketsPerPolicy; i++)
        {
            var (ticket, asOf) = RandomTicket(random);
            var expected = Reference.Evaluate(policy, Always, ticket, asOf);
            var actual = policy.Evaluate(ticket, asOf);
            Assert.Equal(expected.Level, actual.Level);
            Assert.Equal(policy.Milestones.Count, actual.Milestones.Count);
            for (int m = 0; m < expected.Milestones.Length; m++)
            {
                AssertSame(expected.Milestones[m], actual.Milestones[m], ticket, asOf);
                statusesSeen.Add(actual.Milestones[m].Status);
                alertsBeforeDue += actual.Milestones[m].NextAlert < actual.Milestones[m].Due ? 1 : 0;
                if (actual.Milestones[m].Row is { } row)
                {
                    rowsSeen.Add(row);
                }
            }
        }

        // The random tickets reach every row and every status, and warnings that fire before the deadline.
        Assert.Equal(policy.Rows.Count, rowsSeen.Count);
        Assert.Equal(Enum.GetValues<MilestoneStatus>().Length, statusesSeen.Count);
        Assert.True(alertsBeforeDue > 50, $"only {alertsBeforeDue} alerts before the deadline");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void BulkAndParallel_EqualOneByOne(bool confirmedOnly, LevelChangeRule levelChange, bool fewMilestones)
    {
        var policy = Policy(confirmedOnly, levelChange, fewMilestones);
        var random = new Random(71 + (confirmedOnly ? 1 : 0) + (2 * (int)levelChange));
        var asOf = Sh("2024-10-08 10:00");
        var tickets = Enumerable.Range(0, 3000).Select(_ => RandomTicket(random, asOf).Ticket).ToArray();
        int width = policy.Milestones.Count;
        var bulk = new MilestoneResult[tickets.Length * width];
        var parallel = new MilestoneResult[tickets.Length * width];
        policy.Evaluate(tickets, asOf, bulk);
        policy.EvaluateParallel(tickets, asOf, parallel, maxDegreeOfParallelism: 2);
        for (int i = 0; i < tickets.Length; i++)
        {
            var single = policy.Evaluate(tickets[i], asOf);
            for (int m = 0; m < width; m++)
            {
                AssertSameResult(single.Milestones[m].Result, bulk[(i * width) + m]);
                AssertSameResult(single.Milestones[m].Result, parallel[(i * width) + m]);
            }
        }
    }

    [Fact]
    public void AWarningAtAsOf_IsTheNextAlert_OneByOneAndInBulk()
    {
        // Level 1: first response within 30 minutes, warnings at 50 % and 75 %; as of the 75 % instant exactly.
        var policy = Policy(false, LevelChangeRule.Retroactive);
        var ticket = new Ticket(Sh("2024-06-03 10:00"), 1);
        var asOf = Sh("2024-06-03 10:22") + Duration.FromSeconds(30);
        var results = new MilestoneResult[policy.Milestones.Count];
        policy.Evaluate([ticket], asOf, results);
        var firstResponse = policy.Evaluate(ticket, asOf)[Milestones.FirstResponse];
        Assert.Equal(asOf, firstResponse.NextAlert);
        Assert.Equal(asOf, results[0].NextAlert);
        Assert.Equal(Sh("2024-06-03 10:30"), policy.Evaluate(ticket, asOf + Duration.FromTicks(1))[Milestones.FirstResponse].NextAlert);
    }

    [Fact]
    public void ManyMilestonesAndPauses_MatchTheRulesOfThePage()
    {
        // 40 milestones and 20 pauses: more than the evaluation keeps on the stack.
        var builder = new ServicePolicyBuilder().AddCalendar("office", Office);
        for (int i = 0; i < 40; i++)
        {
            var target = i % 2 == 0 ? ServiceTarget.Elapsed(Duration.FromHours(i + 1)) : ServiceTarget.WorkingTime(Duration.FromHours(i));
            builder.AddRow(PolicyRow.For($"m{i}", target).OnCalendar("office"));
        }

        var policy = builder.Build();
        var reported = Sh("2024-06-03 10:00");
        var events = Enumerable.Range(0, 40).Where(i => i % 3 != 0).Select(i => new MilestoneEvent($"m{i}", reported + Duration.FromMinutes(97 * i)));
        var pauses = Enumerable.Range(0, 20).Select(i => new Pause(reported + Duration.FromMinutes(60 * i), reported + Duration.FromMinutes((60 * i) + 20)));
        var ticket = new Ticket(reported, 3, events: events, pauses: pauses);
        var asOf = Sh("2024-06-05 12:00");
        var expected = Reference.Evaluate(policy, Office, ticket, asOf);
        var actual = policy.Evaluate(ticket, asOf);
        var bulk = new MilestoneResult[policy.Milestones.Count];
        policy.Evaluate([ticket], asOf, bulk);
        for (int m = 0; m < expected.Milestones.Length; m++)
        {
            AssertSame(expected.Milestones[m], actual.Milestones[m], ticket, asOf);
            AssertSameResult(actual.Milestones[m].Result, bulk[m]);
        }
    }

    [Fact]
    public void ALevelThePolicyLacks_IsRejected_OneByOneAndInBulk()
    {
        var policy = Policy(false, LevelChangeRule.Retroactive);
        var asOf = Sh("2024-06-04 12:00");
        var ticket = new Ticket(Sh("2024-06-03 10:00"), 2, levelChanges: [new LevelChange(Sh("2024-06-03 11:00"), 5)]);
        var fine = new Ticket(Sh("2024-06-03 10:00"), 2);
        var results = new MilestoneResult[2 * policy.Milestones.Count];
        Assert.Throws<ArgumentException>(() => policy.Evaluate(ticket, asOf));
        Assert.Throws<ArgumentException>(() => policy.Evaluate([fine, ticket], asOf, results));
        Assert.Equal(policy.Evaluate(fine, asOf).Milestones[0].Due, results[0].Due);
        Assert.Equal(2, policy.Evaluate(ticket, Sh("2024-06-03 10:59")).Level);
    }

    /// <summary>
    /// A policy with every feature: 7×24 by default, the Shanghai office calendar on the rows that count working
    /// time or days. Rows of one milestone never tie (the builder rejects that), so the reference can pick the row
    /// that names the most attributes.
    /// </summary>
    private static ServicePolicy Policy(bool confirmedOnly, LevelChangeRule levelChange, bool fewMilestones = false)
    {
        var share = TargetWarning.AtShare(0.75);
        var half = TargetWarning.AtShare(0.5);
        var lead = TargetWarning.Before(Duration.FromHours(2));
        var rows = new[]
        {
            PolicyRow.For(Milestones.FirstResponse, ServiceTarget.Elapsed(Duration.FromMinutes(30))).ForLevels(1).WithWarnings(share, half),
            PolicyRow.For(Milestones.FirstResponse, ServiceTarget.Elapsed(Duration.FromHours(2))).ForLevels(2, 3).WithWarnings(share),
            PolicyRow.For(Milestones.FirstResponse, ServiceTarget.WorkingTime(Duration.FromHours(4))).ForLevels(4).OnCalendar("office").WithWarnings(lead),
            PolicyRow.For(Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(2))).ForLevels(1, 2).WhereAttribute("region", "Beijing").WithWarnings(share),
            PolicyRow.For(Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(4))).ForLevels(1, 2).WhereAttribute("region", "Shanghai", "Hangzhou"),
            PolicyRow.For(Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(1))).ForLevels(1).WhereAttribute("region", "Beijing").WhereAttribute("channel", "phone"),
            PolicyRow.For(Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(24))).ForLevels(1, 2),
            PolicyRow.For(Milestones.OnSite, ServiceTarget.WorkingDays(2)).ForLevels(3).OnCalendar("office").WithWarnings(lead, share),
            PolicyRow.For(Milestones.Restored, ServiceTarget.Elapsed(Duration.FromHours(2))).ForLevels(1).CountingFrom(Milestones.OnSite).WithWarnings(share),
            PolicyRow.For(Milestones.Restored, ServiceTarget.WorkingTime(Duration.FromHours(8))).ForLevels(2, 3).CountingFrom(Milestones.OnSite).OnCalendar("office").WithWarnings(lead),
            PolicyRow.For(Milestones.Resolved, ServiceTarget.Elapsed(Duration.FromHours(28))).WithWarnings(share),
            PolicyRow.For(Milestones.Replacement, ServiceTarget.Elapsed(Duration.Zero)).OnlyIfBreached(Milestones.Resolved).CountingFromDueOf(Milestones.Resolved),
            PolicyRow.For(Milestones.FaultReport, ServiceTarget.WorkingDays(0)).ForLevels(1, 2).OnCalendar("office"),
            PolicyRow.For(Milestones.FaultReport, ServiceTarget.WorkingDays(1).WithCutOff(new LocalTime(16, 0))).ForLevels(3, 4).OnCalendar("office").WithWarnings(half),
            PolicyRow.For("report", ServiceTarget.CalendarDays(3).WithHolidayRule(HolidayRule.NextWorkingDay)).OnCalendar("office").IgnoringPauses().WithWarnings(share),
            PolicyRow.For("monthly", ServiceTarget.HalfMonth).ForLevels(1, 2, 3).OnCalendar("office").CountingFrom(Milestones.Restored),
            PolicyRow.For("callback", ServiceTarget.Elapsed(Duration.FromHours(1))).ForLevels(4).CountingFromDueOf(Milestones.OnSite),
        };
        return new ServicePolicyBuilder { ConfirmedEventsOnly = confirmedOnly, LevelChange = levelChange }
            .AddCalendar("always", Always)
            .AddCalendar("office", Office)
            .SetDefaultCalendar("always")
            .AddRows(fewMilestones ? rows[..^3] : rows)
            .Build();
    }

    private static (Ticket Ticket, Instant AsOf) RandomTicket(Random random, Instant? fixedAsOf = null)
    {
        long from = Sh("2024-01-01 00:00").ToUnixTimeSeconds();
        long to = Sh("2025-12-01 00:00").ToUnixTimeSeconds();
        var reported = fixedAsOf is { } a
            ? a - Duration.FromMinutes(random.Next(-60, 20 * 24 * 60))
            : Instant.FromUnixTimeSeconds(random.NextInt64(from, to)) + Duration.FromMilliseconds(random.Next(4) == 0 ? random.Next(1000) : 0);
        var asOf = fixedAsOf ?? reported + Duration.FromMinutes(random.Next(-60, 20 * 24 * 60));

        var attributes = new List<KeyValuePair<string, string>>();
        if (random.Next(8) != 0)
        {
            attributes.Add(new("region", Regions[random.Next(Regions.Length)]));
        }

        if (random.Next(2) == 0)
        {
            attributes.Add(new("channel", random.Next(2) == 0 ? "phone" : "web"));
        }

        var events = new List<MilestoneEvent>();
        foreach (string name in EventNames)
        {
            int count = random.Next(5) switch { 0 => 0, 1 or 2 or 3 => 1, _ => 2 };
            for (int k = 0; k < count; k++)
            {
                events.Add(new MilestoneEvent(name, reported + RandomOffset(random), random.Next(6) != 0));
            }
        }

        if (events.Count > 1 && random.Next(6) == 0)
        {
            // Two events at one instant: the one given first counts first.
            var twin = events[random.Next(events.Count)];
            events.Add(twin with { Milestone = EventNames[random.Next(EventNames.Length)], Confirmed = random.Next(2) == 0 });
        }

        var pauses = new List<Pause>();
        int pauseCount = random.Next(6) switch { 0 or 1 or 2 => 0, 3 or 4 => 1, _ => 3 };
        for (int k = 0; k < pauseCount; k++)
        {
            var start = reported + RandomOffset(random);
            Instant? end = random.Next(7) switch { 0 => null, 1 => start, _ => start + Duration.FromMinutes(random.Next(1, 3 * 24 * 60)) };
            pauses.Add(new Pause(start, end));
        }

        var changes = new List<LevelChange>();
        for (int k = random.Next(4) == 0 ? random.Next(1, 3) : 0; k > 0; k--)
        {
            changes.Add(new LevelChange(reported + RandomOffset(random), random.Next(1, 5)));
        }

        return (new Ticket(reported, random.Next(1, 5), attributes, events, pauses, changes), asOf);
    }

    /// <summary>Minutes to days after the report, now and then before it.</summary>
    private static Duration RandomOffset(Random random) => random.Next(10) switch
    {
        0 => Duration.FromMinutes(-random.Next(1, 120)),
        < 5 => Duration.FromMinutes(random.Next(0, 6 * 60)),
        _ => Duration.FromMinutes(random.Next(0, 10 * 24 * 60)),
    };

    private static void AssertSame(Reference.Milestone expected, MilestoneEvaluation actual, Ticket ticket, Instant asOf)
    {
        string where = $"{expected.Name} of a ticket reported {ticket.Reported}, level {ticket.Level}, as of {asOf}";
        Assert.True(expected.Name == actual.Milestone, where);
        Assert.True(expected.Status == actual.Status, $"{where}: status {actual.Status}, expected {expected.Status}");
        Assert.True(ReferenceEquals(expected.Row, actual.Row), $"{where}: row {actual.Row}, expected {expected.Row}");
        Assert.True(expected.Start == actual.Start, $"{where}: start {actual.Start}, expected {expected.Start}");
        Assert.True(expected.Due == actual.Due, $"{where}: due {actual.Due}, expected {expected.Due}");
        Assert.True(expected.Event == actual.Event, $"{where}: event {actual.Event}, expected {expected.Event}");
        Assert.True(expected.NextAlert == actual.NextAlert, $"{where}: next alert {actual.NextAlert}, expected {expected.NextAlert}");
        Assert.True(expected.Remaining == actual.Remaining, $"{where}: remaining {actual.Remaining}, expected {expected.Remaining}");
        Assert.True(expected.Overdue == actual.Overdue, $"{where}: overdue {actual.Overdue}, expected {expected.Overdue}");
        Assert.True(expected.Warnings.SequenceEqual(actual.Warnings.Select(w => w.At)), $"{where}: warnings {string.Join(", ", actual.Warnings)}, expected {string.Join(", ", expected.Warnings)}");
        Assert.True(actual.Explain()?.Due == actual.Due, $"{where}: the explanation ends at {actual.Explain()?.Due}, not at the deadline");
    }

    private static void AssertSameResult(MilestoneResult expected, MilestoneResult actual)
    {
        Assert.Equal(expected.Milestone, actual.Milestone);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Same(expected.Row, actual.Row);
        Assert.Equal(expected.Start, actual.Start);
        Assert.Equal(expected.Due, actual.Due);
        Assert.Equal(expected.Event, actual.Event);
        Assert.Equal(expected.NextAlert, actual.NextAlert);
        Assert.Equal(expected.Remaining, actual.Remaining);
        Assert.Equal(expected.Overdue, actual.Overdue);
    }

    /// <summary>docs/policies.md, read one rule at a time, with nothing but the public API.</summary>
    private static class Reference
    {
        internal sealed record Milestone(
            string Name, MilestoneStatus Status, PolicyRow? Row, Instant? Start, Instant? Due, Instant? Event, Instant? NextAlert,
            Duration Remaining, Duration Overdue, Instant[] Warnings);

        internal sealed record Evaluation(int Level, Milestone[] Milestones);

        internal static Evaluation Evaluate(ServicePolicy policy, BusinessCalendar defaultCalendar, Ticket ticket, Instant asOf)
        {
            // Rule 8: the level in force is the last change at or before asOf; fromChange counts from that change.
            var inForce = ticket.LevelChanges.LastOrDefault(c => c.At <= asOf);
            bool changed = ticket.LevelChanges.Any(c => c.At <= asOf);
            int level = changed ? inForce.Level : ticket.Level;
            var fromReport = changed && policy.LevelChange == LevelChangeRule.FromChange ? inForce.At : ticket.Reported;

            var done = new Dictionary<string, Milestone>();
            var milestones = new Milestone[policy.Milestones.Count];
            for (int m = 0; m < milestones.Length; m++)
            {
                string name = policy.Milestones[m];
                var counted = ticket.Events.FirstOrDefault(e => e.Milestone == name && e.At <= asOf && (e.Confirmed || !policy.ConfirmedEventsOnly));
                Instant? eventAt = counted.Milestone is null ? null : counted.At;
                var row = Choose(policy, name, level, ticket);
                milestones[m] = done[name] = row is null
                    ? Without(name, MilestoneStatus.NotApplicable, null, eventAt)
                    : WithRow(policy, defaultCalendar, row, name, eventAt, fromReport, asOf, ticket, done);
            }

            return new Evaluation(level, milestones);
        }

        /// <summary>The rows for the level whose every <c>where</c> attribute matches; the one naming the most attributes wins.</summary>
        private static PolicyRow? Choose(ServicePolicy policy, string milestone, int level, Ticket ticket) =>
            policy.Rows
                .Where(t => t.Milestone == milestone && (t.Levels.Count == 0 || t.Levels.Contains(level)))
                .Where(t => t.Where.All(w => ticket.Attributes.TryGetValue(w.Key, out string? v) && w.Value.Contains(v)))
                .OrderByDescending(t => t.Where.Count)
                .FirstOrDefault();

        private static Milestone WithRow(
            ServicePolicy policy, BusinessCalendar defaultCalendar, PolicyRow row, string name, Instant? eventAt, Instant fromReport, Instant asOf,
            Ticket ticket, Dictionary<string, Milestone> done)
        {
            // ifBreached: applies once the other milestone is breached, waits while it is open, else does not apply.
            if (row.IfBreached is { } condition)
            {
                var status = done[condition].Status;
                if (status != MilestoneStatus.Breached)
                {
                    return Without(name, status is MilestoneStatus.Pending or MilestoneStatus.Waiting ? MilestoneStatus.Waiting : MilestoneStatus.NotApplicable, row, eventAt);
                }
            }

            // from: the report (or the level change), another milestone's event, or its deadline.
            Instant start;
            if (row.FromMilestone is null)
            {
                start = fromReport;
            }
            else if (row.FromDue)
            {
                var from = done[row.FromMilestone];
                if (from.Due is null || from.Status == MilestoneStatus.NotApplicable)
                {
                    return Without(name, from.Status == MilestoneStatus.NotApplicable ? MilestoneStatus.NotApplicable : MilestoneStatus.Waiting, row, eventAt);
                }

                start = from.Due.Value;
            }
            else if (done[row.FromMilestone].Event is { } fromEvent)
            {
                start = fromEvent;
            }
            else
            {
                return Without(name, MilestoneStatus.Waiting, row, eventAt);
            }

            var calendar = row.Calendar ?? (row.CalendarName is null ? defaultCalendar : policy.Calendars[row.CalendarName]);

            // Pauses: begun before asOf (and before the event), cut there; none with ignorePauses.
            var limit = eventAt is { } e && e < asOf ? e : asOf;
            var pauses = row.IgnorePauses
                ? []
                : ticket.Pauses.Where(p => p.From < limit).Select(p => new Interval(p.From, p.To is { } to && to < limit ? to : limit)).ToArray();
            var due = row.Target.GetDue(start, calendar, pauses);
            var result = eventAt is { } at
                ? (at <= due ? MilestoneStatus.Met : MilestoneStatus.Breached)
                : (asOf <= due ? MilestoneStatus.Pending : MilestoneStatus.Breached);
            var warnings = row.Warnings.Select(w => WarningAt(row.Target, w, start, calendar, pauses)).ToArray();
            Instant? nextAlert = result == MilestoneStatus.Pending ? warnings.Where(w => w >= asOf && w < due).DefaultIfEmpty(due).Min() : null;
            return new Milestone(
                name, result, row, start, due, eventAt, nextAlert,
                result == MilestoneStatus.Pending ? due - asOf : Duration.Zero,
                result == MilestoneStatus.Breached ? (eventAt ?? asOf) - due : Duration.Zero,
                warnings);
        }

        /// <summary>
        /// A warning: the instant by which the target's clock (working time for working-time and working-day targets,
        /// else wall-clock time), stopped during the pauses, has counted the share, or the total less the lead.
        /// </summary>
        private static Instant WarningAt(ServiceTarget target, TargetWarning warning, Instant start, BusinessCalendar calendar, Interval[] pauses)
        {
            bool working = target.Kind is TargetKind.WorkingTime or TargetKind.WorkingDays;
            var clock = start;
            if (target.CutOff is { } cutOff && start.InZone(calendar.Zone).TimeOfDay >= cutOff)
            {
                clock = calendar.NextWorkingInstant(calendar.Zone.AtStartOfDay(start.InZone(calendar.Zone).Date.PlusDays(1)).ToInstant());
            }

            var baseDue = target.GetDue(start, calendar);
            long total = working ? calendar.WorkingTimeBetween(clock, baseDue).BclCompatibleTicks : (baseDue - clock).BclCompatibleTicks;
            long counted = warning.Share is { } share
                ? (long)Math.Round(total * share, MidpointRounding.AwayFromZero)
                : Math.Max(0, total - warning.Lead!.Value.BclCompatibleTicks);
            var clockOnly = working ? ServiceTarget.WorkingTime(Duration.FromTicks(counted)) : ServiceTarget.Elapsed(Duration.FromTicks(counted));
            return clockOnly.GetDue(clock, calendar, pauses);
        }

        private static Milestone Without(string name, MilestoneStatus status, PolicyRow? row, Instant? eventAt) =>
            new(name, status, row, null, null, eventAt, null, Duration.Zero, Duration.Zero, []);
    }
}
