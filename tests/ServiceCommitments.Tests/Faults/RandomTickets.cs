using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Faults;

/// <summary>
/// A policy that uses every feature of docs/policies.md (levels and regions, counting from events and deadlines,
/// ifBreached, every kind of target, warnings, the cut-off, the holiday rule, ignorePauses), and random tickets for it
/// on the minute grid of 2024 and the first half of 2025: levels, regions, events (some unconfirmed), pauses (some
/// open), level changes. A seed makes each ticket, so a failing case can be rebuilt from what it prints.
/// </summary>
internal static class RandomTickets
{
    internal static readonly string[] MilestoneNames =
    [
        Milestones.FirstResponse, Milestones.OnSite, Milestones.Restored, "repaired", Milestones.Resolved,
        Milestones.Replacement, Milestones.IncidentReport, "complaint", "callback", "visitPlan",
    ];

    /// <summary>The policy, on calendars built afresh (so that their years compile on first use), with the given options.</summary>
    internal static ServicePolicy Policy(LevelChangeRule rule = LevelChangeRule.Retroactive, bool confirmedOnly = false, bool freshCalendars = false)
    {
        var office = freshCalendars ? Office.ToBuilder().Build() : Office;
        var always = freshCalendars ? BusinessCalendar.AlwaysOpen(Shanghai) : PolicyTestSupport.Always;
        var half = TargetWarning.AtShare(0.5);
        var builder = new ServicePolicyBuilder().AddCalendar("office", office).AddCalendar("always", always).SetDefaultCalendar("always").AddRows(
            PolicyRow.For(Milestones.FirstResponse, ServiceTarget.Elapsed(Duration.FromMinutes(30))).ForLevels(1).WithWarnings(TargetWarning.AtShare(0.75)),
            PolicyRow.For(Milestones.FirstResponse, ServiceTarget.Elapsed(Duration.FromHours(2))).ForLevels(2, 3, 4).WithWarnings(TargetWarning.Before(Duration.FromMinutes(15))),
            PolicyRow.For(Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(2))).ForLevels(1, 2).WhereAttribute("region", "Beijing"),
            PolicyRow.For(Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(24))).ForLevels(1, 2),
            PolicyRow.For(Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(4))).ForLevels(3, 4).WhereAttribute("region", "Beijing"),
            PolicyRow.For(Milestones.OnSite, ServiceTarget.Elapsed(Duration.FromHours(48))).ForLevels(3, 4),
            PolicyRow.For(Milestones.Restored, ServiceTarget.Elapsed(Duration.FromHours(2))).ForLevels(1).CountingFrom(Milestones.OnSite).WithWarnings(half),
            PolicyRow.For(Milestones.Restored, ServiceTarget.WorkingTime(Duration.FromHours(8))).ForLevels(2, 3, 4).CountingFrom(Milestones.OnSite).OnCalendar("office").WithWarnings(half, TargetWarning.Before(Duration.FromHours(2))),
            PolicyRow.For("repaired", ServiceTarget.WorkingDays(2)).OnCalendar("office").WithWarnings(TargetWarning.Before(Duration.FromHours(2))),
            PolicyRow.For(Milestones.Resolved, ServiceTarget.Elapsed(Duration.FromHours(28))),
            PolicyRow.For(Milestones.Replacement, ServiceTarget.Elapsed(Duration.FromHours(24))).OnlyIfBreached(Milestones.Resolved).CountingFromDueOf(Milestones.Resolved),
            PolicyRow.For(Milestones.IncidentReport, ServiceTarget.Elapsed(Duration.FromHours(48))).CountingFrom(Milestones.Restored).IgnoringPauses(),
            PolicyRow.For("complaint", ServiceTarget.HalfMonth.WithHolidayRule(HolidayRule.NextWorkingDay)).OnCalendar("office").WithWarnings(half),
            PolicyRow.For("callback", ServiceTarget.Elapsed(Duration.FromMinutes(10))).CountingFromDueOf(Milestones.FirstResponse),
            PolicyRow.For("visitPlan", ServiceTarget.WorkingTime(Duration.FromHours(4)).WithCutOff(new LocalTime(16, 0))).OnCalendar("office"));
        builder.LevelChange = rule;
        builder.ConfirmedEventsOnly = confirmedOnly;
        return builder.Build();
    }

    private static readonly Instant First = Instant.FromUtc(2023, 12, 31, 16, 0);
    private const int Minutes = 545 * 24 * 60; // to 30 June 2025

    /// <summary>A ticket and an instant to evaluate it at, made from <paramref name="seed"/>.</summary>
    internal static (Ticket Ticket, Instant AsOf) Make(int seed)
    {
        var random = new Random(seed);
        var reported = First + Duration.FromMinutes(random.Next(Minutes));
        Instant After(int maxMinutes) => reported + Duration.FromMinutes(random.Next(-30, maxMinutes));

        var events = new List<MilestoneEvent>();
        for (int i = random.Next(0, 8); i > 0; i--)
        {
            events.Add(new MilestoneEvent(MilestoneNames[random.Next(MilestoneNames.Length)], After(4000), random.Next(5) > 0));
        }

        var pauses = new List<Pause>();
        for (int i = random.Next(0, 4); i > 0; i--)
        {
            var from = After(3000);
            pauses.Add(new Pause(from, random.Next(8) == 0 ? null : from + Duration.FromMinutes(random.Next(0, 900))));
        }

        var changes = new List<LevelChange>();
        for (int i = random.Next(0, 3) == 0 ? random.Next(1, 3) : 0; i > 0; i--)
        {
            changes.Add(new LevelChange(After(3000), random.Next(1, 5)));
        }

        string? region = random.Next(3) switch { 0 => "Beijing", 1 => "Shanghai", _ => null };
        var attributes = region is null ? null : new[] { new KeyValuePair<string, string>("region", region) };
        var ticket = new Ticket(reported, random.Next(1, 5), attributes, events, pauses, changes, seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var asOf = reported + Duration.FromMinutes(random.Next(-60, 6000)) + (random.Next(4) == 0 ? Duration.FromTicks(random.Next(1, 600_000_000)) : Duration.Zero);
        return (ticket, asOf);
    }

    /// <summary>The ticket as text, for a failing case.</summary>
    internal static string Describe(Ticket ticket) =>
        $"ticket {ticket.Id}: reported {Show(ticket.Reported, Shanghai)}, level {ticket.Level}, " +
        string.Join(", ", ticket.Attributes.Select(a => $"{a.Key}={a.Value}")) +
        "; events [" + string.Join(", ", ticket.Events.Select(e => $"{e.Milestone}@{Show(e.At, Shanghai)}{(e.Confirmed ? "" : "?")}")) + "]" +
        "; pauses [" + string.Join(", ", ticket.Pauses.Select(p => $"{Show(p.From, Shanghai)}..{(p.To is { } to ? Show(to, Shanghai) : "")}")) + "]" +
        "; level changes [" + string.Join(", ", ticket.LevelChanges.Select(c => $"{Show(c.At, Shanghai)}:{c.Level}")) + "]";
}
