using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

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
