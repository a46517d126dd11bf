using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Faults;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads a ticket of docs/policies.md. The JSON is checked here (types, names, text forms); the ticket's own rules (a
/// pause that ends before it begins, a level the policy lacks) are checked when the ticket is made and evaluated, so
/// that a conformance case can expect them as the error <c>argument</c>.
/// </summary>
internal static class TicketReader
{
    /// <summary>A ticket as written, made into a <see cref="Ticket"/> for a given set of levels.</summary>
    internal sealed record TicketSpec(
        Instant Reported,
        LevelToken Level,
        KeyValuePair<string, string>[] Attributes,
        MilestoneEvent[] Events,
        Pause[] Pauses,
        (Instant At, LevelToken Level)[] LevelChanges,
        string? Id)
    {
        /// <summary>Makes the ticket; throws <see cref="ArgumentException"/> (a <see cref="ValidationException"/>) for a level name the levels lack or a rule the ticket breaks.</summary>
        internal Ticket Create(FaultLevels levels)
        {
            var changes = new LevelChange[LevelChanges.Length];
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

    internal static TicketSpec? Read(DocNode node, DocumentContext context)
    {
        var ticket = context.Object(node, "a ticket object with \"reported\" and \"level\"");
        if (ticket is null)
        {
            return null;
        }

        int errorsBefore = context.ErrorCount;
        var reported = ticket.Required("reported", "when the report was received, an instant") is { } r && context.TryInstant(r, out var at) ? at : default;
        var level = ReadLevel(ticket.Required("level", "the fault level, a number or a level name"), context);
        string? id = ticket.Optional("id") is { } idNode && context.TryString(idNode, "an id", out string text) ? text : null;
        var attributes = ReadAttributes(ticket.Optional("attributes"), context);
        var events = ReadList(ticket.Optional("events"), "an array of events", context, ReadEvent);
        var pauses = ReadList(ticket.Optional("pauses"), "an array of pauses", context, ReadPause);
        var changes = ReadList(ticket.Optional("levelChanges"), "an array of level changes", context, ReadLevelChange);
        ticket.Finish("ticket property");
        return context.ErrorCount > errorsBefore ? null : new TicketSpec(reported, level, attributes, events, pauses, changes, id);
    }

    private static LevelToken ReadLevel(DocNode? node, DocumentContext context)
    {
        if (node is null)
        {
            return default;
        }

        if (node.Kind == JsonValueKind.Number)
        {
            return context.TryInt(node, "a level number", out int number) ? new LevelToken(number, null) : default;
        }

        return context.TryString(node, "a level number or name", out string name) ? new LevelToken(0, name) : default;
    }

    private static KeyValuePair<string, string>[] ReadAttributes(DocNode? node, DocumentContext context)
    {
        if (node is null || context.Object(node, "an object mapping attribute names to strings") is not { } attributes)
        {
            return [];
        }

        var list = new List<KeyValuePair<string, string>>();
        foreach (var property in node.Properties!)
        {
            attributes.Accept(property.Name);
            if (context.TryString(property.Value, "an attribute value", out string value))
            {
                list.Add(new(property.Name, value));
            }
        }

        return list.ToArray();
    }

    private static T[] ReadList<T>(DocNode? node, string what, DocumentContext context, Func<DocNode, DocumentContext, T?> read)
        where T : struct
    {
        if (node is null)
        {
            return [];
        }

        var list = new List<T>();
        foreach (var item in context.Array(node, what))
        {
            if (read(item, context) is { } value)
            {
                list.Add(value);
            }
        }

        return list.ToArray();
    }

    private static MilestoneEvent? ReadEvent(DocNode node, DocumentContext context)
    {
        if (context.Object(node, "an event object with \"milestone\" and \"at\"") is not { } e)
        {
            return null;
        }

        string? milestone = e.Required("milestone", "the milestone reached") is { } m && context.TryString(m, "a milestone name", out string name) ? name : null;
        Instant? at = e.Required("at", "when, an instant") is { } a && context.TryInstant(a, out var instant) ? instant : null;
        bool confirmed = !(e.Optional("confirmed") is { } c && context.TryBool(c, out bool value)) || value;
        e.Finish("event property");
        return milestone is null || at is null ? null : new MilestoneEvent(milestone, at.Value, confirmed);
    }

    private static Pause? ReadPause(DocNode node, DocumentContext context)
    {
        if (context.Object(node, "a pause object with \"from\" and, once it has ended, \"to\"") is not { } p)
        {
            return null;
        }

        Instant? from = p.Required("from", "when the clock stopped, an instant") is { } f && context.TryInstant(f, out var start) ? start : null;
        Instant? to = null;
        bool toOk = true;
        if (p.Optional("to") is { } t && !t.IsNull)
        {
            toOk = context.TryInstant(t, out var end);
            to = end;
        }

        string? reason = p.Optional("reason") is { } r && context.TryString(r, "a reason", out string text) ? text : null;
        p.Finish("pause property");
        return from is null || !toOk ? null : new Pause(from.Value, to, reason);
    }

    private static (Instant, LevelToken)? ReadLevelChange(DocNode node, DocumentContext context)
    {
        if (context.Object(node, "a level change object with \"at\" and \"level\"") is not { } c)
        {
            return null;
        }

        Instant? at = c.Required("at", "when, an instant") is { } a && context.TryInstant(a, out var instant) ? instant : null;
        var level = ReadLevel(c.Required("level", "the new level, a number or a level name"), context);
        c.Finish("level change property");
        return at is null ? null : (at.Value, level);
    }
}
