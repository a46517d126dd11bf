using System.Collections.Generic;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Explanations;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Faults;

/// <summary>Where one milestone of a ticket stands as of an instant, with its warnings and, on request, the explanation of its deadline.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
[Immutable]
public sealed class MilestoneEvaluation
{
    private readonly MilestoneResult result;
    private readonly BusinessCalendar? calendar;
    private readonly TickSpan[] pauses;

    internal MilestoneEvaluation(MilestoneResult result, BusinessCalendar? calendar, TickSpan[] pauses, IReadOnlyList<WarningInstant> warnings)
    {
        this.result = result;
        this.calendar = calendar;
        this.pauses = pauses;
        Warnings = warnings;
    }

    /// <summary>The milestone.</summary>
    public string Milestone => result.Milestone;

    /// <summary>Where the milestone stands.</summary>
    public MilestoneStatus Status => result.Status;

    /// <summary>The row of the policy that applied, or null when none did.</summary>
    public PolicyRow? Row => result.Row;

    /// <summary>When the target's clock started, or null while waiting or not applicable.</summary>
    public Instant? Start => result.Start;

    /// <summary>The deadline, or null while waiting or not applicable.</summary>
    public Instant? Due => result.Due;

    /// <summary>The counted event, or null.</summary>
    public Instant? Event => result.Event;

    /// <summary>For a pending milestone, the time left to the deadline; otherwise zero.</summary>
    public Duration Remaining => result.Remaining;

    /// <summary>For a breached milestone, how late it is (or was); otherwise zero.</summary>
    public Duration Overdue => result.Overdue;

    /// <summary>For a pending milestone, the earliest warning or deadline at or after the evaluation's instant; otherwise null.</summary>
    public Instant? NextAlert => result.NextAlert;

    /// <summary>The instant each warning threshold of the target is reached (whether past or ahead); empty without a deadline or warnings.</summary>
    public IReadOnlyList<WarningInstant> Warnings { get; }

    /// <summary>The compact form of this evaluation.</summary>
    public MilestoneResult Result => result;

    /// <summary>Explains the deadline: the rule, and every span from the clock's start to the deadline (counted, closed, paused).</summary>
    /// <returns>The explanation, or null when the milestone has no deadline (waiting or not applicable).</returns>
    public DeadlineExplanation? Explain() =>
        result.Row is { } row && result.Start is { } start
            ? TargetExplainer.Explain(row.Target, start.ToUnixTimeTicks(), calendar, pauses)
            : null;

    /// <summary>Describes the evaluation: <c>onSite: Pending, due ...</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => result.ToString();
}
