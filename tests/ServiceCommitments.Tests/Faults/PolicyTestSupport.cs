using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using ServiceCommitments.Calendars;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Faults;

/// <summary>
/// The calendars, rows and tickets the policy tests share: the Shanghai office calendar of the calendar tests (Mon-Fri
/// 09-12, 13-18, mainland China holidays) as "office", an always-open Shanghai calendar as "always" (the default), and
/// short ways to write targets, tickets and instants.
/// </summary>
internal static class PolicyTestSupport
{
    internal static BusinessCalendar Always { get; } = BusinessCalendar.AlwaysOpen(Shanghai);

    internal static ServicePolicyBuilder Builder() =>
        new ServicePolicyBuilder().AddCalendar("office", Office).AddCalendar("always", Always).SetDefaultCalendar("always");

    internal static ServicePolicy Policy(params PolicyRow[] rows) => Builder().AddRows(rows).Build();

    /// <summary>"PT30M", "P1DT2H" as a duration.</summary>
    internal static Duration Iso(string text) => PeriodPattern.NormalizingIso.Parse(text).Value.ToDuration();

    /// <summary>A row of <paramref name="milestone"/> within an elapsed ISO duration.</summary>
    internal static PolicyRow Elapsed(string milestone, string amount) => PolicyRow.For(milestone, ServiceTarget.Elapsed(Iso(amount)));

    /// <summary>A row of <paramref name="milestone"/> within a working-time ISO duration on the office calendar.</summary>
    internal static PolicyRow Working(string milestone, string amount) =>
        PolicyRow.For(milestone, ServiceTarget.WorkingTime(Iso(amount))).OnCalendar("office");

    /// <summary>"2024-02-09 16:30" (or with seconds and ticks, "2024-02-09 16:30:00.0000001") in Shanghai; "24:00" is the next day's start; null stays null.</summary>
    internal static Instant? ShOrNull(string? text) => text is null ? null : At(text);

    /// <summary>A Shanghai local time; "2024-10-04 24:00" is the start of 5 October.</summary>
    internal static Instant At(string text) =>
        text.EndsWith(" 24:00", StringComparison.Ordinal) ? Sh(text[..^5] + "00:00").Plus(Duration.FromDays(1)) : Sh(text);

    internal static Duration Tick { get; } = Duration.FromTicks(1);

    /// <summary>A ticket reported at <paramref name="reported"/>; events "milestone@2024-02-09 17:00", pauses "from..to" (an empty "to" for an open pause).</summary>
    internal static Ticket NewTicket(string reported, int level = 1, string[]? events = null, string[]? pauses = null, (string Name, string Value)[]? attributes = null) =>
        new(
            At(reported),
            level,
            attributes?.Select(a => new KeyValuePair<string, string>(a.Name, a.Value)),
            events?.Select(ParseEvent),
            pauses?.Select(ParsePause));

    internal static MilestoneEvent ParseEvent(string text)
    {
        int at = text.IndexOf('@', StringComparison.Ordinal);
        bool unconfirmed = text.EndsWith('?');
        string when = unconfirmed ? text[(at + 1)..^1] : text[(at + 1)..];
        return new MilestoneEvent(text[..at], At(when), !unconfirmed);
    }

    internal static Pause ParsePause(string text)
    {
        var parts = text.Split("..");
        return new Pause(At(parts[0]), parts[1].Length == 0 ? null : At(parts[1]));
    }

    /// <summary>Evaluates and returns the one milestone asked for.</summary>
    internal static MilestoneEvaluation EvaluateOne(this ServicePolicy policy, Ticket ticket, string asOf, string milestone) =>
        policy.Evaluate(ticket, At(asOf))[milestone];
}
