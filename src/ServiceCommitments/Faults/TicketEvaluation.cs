using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Explanations;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Faults;

/// <summary>The instant at which a warning threshold of a milestone's target is reached.</summary>
/// <param name="Warning">The threshold.</param>
/// <param name="At">When it is reached.</param>
/// <remarks>An immutable value.</remarks>
[Immutable]
public readonly record struct WarningInstant(TargetWarning Warning, Instant At);

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
    public PolicyTarget? Target => result.Target;

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
        result.Target is { } row && result.Start is { } start
            ? TargetExplainer.Explain(row.Target, start.ToUnixTimeTicks(), calendar, pauses)
            : null;

    /// <summary>Describes the evaluation: <c>onSite: Pending, due ...</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => result.ToString();
}

/// <summary>A ticket evaluated against a policy as of an instant: every milestone, in the policy's order.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
[Immutable]
public sealed class TicketEvaluation
{
    internal TicketEvaluation(Ticket ticket, Instant asOf, int level, MilestoneEvaluation[] milestones)
    {
        Ticket = ticket;
        AsOf = asOf;
        Level = level;
        Milestones = Array.AsReadOnly(milestones);
    }

    /// <summary>The ticket.</summary>
    public Ticket Ticket { get; }

    /// <summary>The instant the evaluation is as of.</summary>
    public Instant AsOf { get; }

    /// <summary>The fault level in force at <see cref="AsOf"/>.</summary>
    public int Level { get; }

    /// <summary>Every milestone of the policy, in the policy's order.</summary>
    public IReadOnlyList<MilestoneEvaluation> Milestones { get; }

    /// <summary>The earliest alert of any pending milestone (a warning or a deadline), or null when nothing is pending: when to evaluate again.</summary>
    public Instant? NextAlert => Milestones.Select(m => m.NextAlert).Where(a => a.HasValue).Min();

    /// <summary>The evaluation of <paramref name="milestone"/>.</summary>
    /// <param name="milestone">A milestone of the policy.</param>
    /// <returns>Its evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="milestone"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The policy has no such milestone.</exception>
    public MilestoneEvaluation this[string milestone]
    {
        get
        {
            Preconditions.CheckNotNull(milestone, nameof(milestone));
            return Milestones.FirstOrDefault(m => m.Milestone == milestone)
                ?? throw new KeyNotFoundException($"The policy has no milestone \"{milestone}\"; it has {string.Join(", ", Milestones.Select(m => m.Milestone))}.");
        }
    }

    /// <summary>Describes the evaluation, one milestone a line.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder($"level {Level} as of {AsOf}:");
        foreach (var milestone in Milestones)
        {
            text.Append("\n  ").Append(milestone);
        }

        return text.ToString();
    }
}
