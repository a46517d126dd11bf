using System;
using System.Collections.Generic;
using NodaTime;
using ServiceCommitments.Faults;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads a ticket of docs/policies.md, as <see cref="TicketShapes"/> declares it. The ticket's own rules (a pause that
/// ends before it begins, a level the policy lacks) are checked when the ticket is made and evaluated, so that a
/// conformance case can expect them as the error <c>argument</c>.
/// </summary>
internal static class TicketReader
{
    internal static TicketSpec? Read(DocNode node, DocumentContext context) =>
        TicketShapes.Ticket.TryRead(node, context, out var ticket) ? ticket : null;

    /// <summary>A ticket as written, made into a <see cref="Ticket"/> for a given set of levels.</summary>
    internal sealed record TicketSpec
    {
        internal Instant Reported { get; init; }

        internal LevelToken Level { get; init; }

        internal IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];

        internal IReadOnlyList<MilestoneEvent> Events { get; init; } = [];

        internal IReadOnlyList<Pause> Pauses { get; init; } = [];

        internal IReadOnlyList<(Instant At, LevelToken Level)> LevelChanges { get; init; } = [];

        internal string? Id { get; init; }

        /// <summary>Makes the ticket; throws <see cref="ArgumentException"/> (a <see cref="ValidationException"/>) for a level name the levels lack or a rule the ticket breaks.</summary>
        internal Ticket Create(FaultLevels levels)
        {
            var changes = new LevelChange[LevelChanges.Count];
            for (int i = 0; i < changes.Length; i++)
            {
                changes[i] = new LevelChange(LevelChanges[i].At, LevelChanges[i].Level.Resolve(levels, $"levelChanges[{i}].level"));
            }

            return new Ticket(Reported, Level.Resolve(levels, "level"), Attributes, Events, Pauses, changes, Id);
        }
    }

    /// <summary>A level as written: a number, or a name resolved against the policy's levels.</summary>
    internal readonly record struct LevelToken(int Number, string? Name)
    {
        internal int Resolve(FaultLevels levels, string field)
        {
            if (Name is null)
            {
                return Number;
            }

            if (levels.TryResolve(Name, out int number))
            {
                return number;
            }

            throw new ArgumentException($"{field}: \"{Name}\" is not a level of the policy; expected 1 to {levels.Count} or one of its names.", field);
        }
    }
}
