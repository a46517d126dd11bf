using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

/// <summary>
/// A fault ticket: when the report was received, its fault level and the changes to it, its attributes (region,
/// distance band, channel), the milestone events recorded so far, and the pauses of the clock.
/// </summary>
/// <remarks>
/// <para>The report instant is when the report was received, not when it was accepted. Events, pauses and level changes
/// may be given in any order; evaluation as of an instant ignores whatever happened after it.</para>
/// <para>Instances are immutable and thread-safe; the <c>With...</c> methods return new tickets.</para>
/// </remarks>
[Immutable]
public sealed class Ticket
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    private readonly Dictionary<string, string> attributes;
    private readonly LevelChange[] levelChanges;

    /// <summary>Creates a ticket.</summary>
    /// <param name="reported">When the report was received.</param>
    /// <param name="level">The fault level when reported, 1 or more (1 is the most severe).</param>
    /// <param name="attributes">Attributes a policy's <c>where</c> may match, such as <c>region</c>; null for none.</param>
    /// <param name="events">Milestone events; null for none.</param>
    /// <param name="pauses">Pauses of the clock; null for none.</param>
    /// <param name="levelChanges">Changes of the fault level; null for none.</param>
    /// <param name="id">An id for the caller's use; may be null.</param>
    /// <exception cref="ValidationException">A value is invalid: a level below 1, a pause that ends before it begins, an event without a milestone, an attribute without a name or value; every problem is listed.</exception>
    public Ticket(
        Instant reported,
        int level,
        IEnumerable<KeyValuePair<string, string>>? attributes = null,
        IEnumerable<MilestoneEvent>? events = null,
        IEnumerable<Pause>? pauses = null,
        IEnumerable<LevelChange>? levelChanges = null,
        string? id = null)
    {
        var sink = new ProblemSink();
        Reported = reported;
        Level = level;
        Id = id;
        this.attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        Check(level, FieldRef.Named("level"), sink);
        int i = 0;
        foreach (var (name, value) in attributes ?? [])
        {
            var field = FieldRef.Named($"attributes[{i++}]");
            if (string.IsNullOrEmpty(name) || value is null)
            {
                sink.Add(field, name is null ? "null" : ProblemSink.Quote(name), "an attribute needs a name and a value");
            }
            else if (!this.attributes.TryAdd(name, value))
            {
                sink.Add(field, ProblemSink.Quote(name), "an attribute may be given once");
            }
        }

        EventArray = CheckEvents(events, sink);
        Events = Array.AsReadOnly(EventArray);
        Pauses = Array.AsReadOnly(CheckPauses(pauses, sink));
        this.levelChanges = CheckLevelChanges(levelChanges, sink);
        LevelChanges = Array.AsReadOnly(this.levelChanges);
        if (sink.HasProblems)
        {
            throw new ValidationException("ticket", sink);
        }

        Attributes = this.attributes.Count == 0 ? NoAttributes : new ReadOnlyDictionary<string, string>(this.attributes);
        PauseSpans = ToSpans(Pauses);
    }

    /// <summary>The caller's id for the ticket, or null.</summary>
    public string? Id { get; }

    /// <summary>When the report was received; every target that counts from the report starts here.</summary>
    public Instant Reported { get; }

    /// <summary>The fault level when reported.</summary>
    public int Level { get; }

    /// <summary>The ticket's attributes, matched by policy targets' <c>where</c>.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>The milestone events, ordered by time (events at the same instant keep their given order).</summary>
    public IReadOnlyList<MilestoneEvent> Events { get; }

    /// <summary>The pauses, ordered by start, as given.</summary>
    public IReadOnlyList<Pause> Pauses { get; }

    /// <summary>The level changes, ordered by time.</summary>
    public IReadOnlyList<LevelChange> LevelChanges { get; }

    /// <summary>The pauses as sorted, merged tick spans; an open pause ends at <see cref="long.MaxValue"/>.</summary>
    internal TickSpan[] PauseSpans { get; }

    /// <summary>The events, as <see cref="Events"/> orders them: evaluation reads the array, not the read-only wrapper around it.</summary>
    internal MilestoneEvent[] EventArray { get; }

    /// <summary>The level in force at <paramref name="asOf"/>, and when it took force (null for the initial level).</summary>
    internal (int Level, long? Since) LevelAt(long asOf)
    {
        int level = Level;
        long? since = null;
        foreach (var change in levelChanges) // the array: a foreach over LevelChanges would box an enumerator
        {
            long at = change.At.ToUnixTimeTicks();
            if (at > asOf)
            {
                break;
            }

            level = change.Level;
            since = at;
        }

        return (level, since);
    }

    /// <summary>The attribute value of <paramref name="name"/>, or null.</summary>
    internal string? Attribute(string name) => attributes.TryGetValue(name, out string? value) ? value : null;

    /// <summary>Returns a ticket with one more event.</summary>
    /// <param name="milestone">The milestone reached.</param>
    /// <param name="at">When.</param>
    /// <param name="confirmed">Whether the customer confirmed it.</param>
    /// <returns>The new ticket; this one is unchanged.</returns>
    /// <exception cref="ValidationException"><paramref name="milestone"/> is null or empty.</exception>
    public Ticket WithEvent(string milestone, Instant at, bool confirmed = true) =>
        new(Reported, Level, Attributes, Events.Append(new MilestoneEvent(milestone, at, confirmed)), Pauses, LevelChanges, Id);

    /// <summary>Returns a ticket with one more pause.</summary>
    /// <param name="from">When the clock stopped.</param>
    /// <param name="to">When it started again, or null while it is stopped.</param>
    /// <param name="reason">Why; may be null.</param>
    /// <returns>The new ticket; this one is unchanged.</returns>
    /// <exception cref="ValidationException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public Ticket WithPause(Instant from, Instant? to, string? reason = null) =>
        new(Reported, Level, Attributes, Events, Pauses.Append(new Pause(from, to, reason)), LevelChanges, Id);

    /// <summary>Returns a ticket whose level changes at <paramref name="at"/>.</summary>
    /// <param name="at">When.</param>
    /// <param name="level">The new level.</param>
    /// <returns>The new ticket; this one is unchanged.</returns>
    /// <exception cref="ValidationException"><paramref name="level"/> is below 1.</exception>
    public Ticket WithLevelChange(Instant at, int level) =>
        new(Reported, Level, Attributes, Events, Pauses, LevelChanges.Append(new LevelChange(at, level)), Id);

    private static void Check(int level, FieldRef field, ProblemSink sink)
    {
        if (level < 1 || level > FaultLevels.MaxLevel)
        {
            sink.Add(field, level.ToString(CultureInfo.InvariantCulture), $"expected a fault level from 1 to {FaultLevels.MaxLevel} (1 is the most severe)");
        }
    }

    private static MilestoneEvent[] CheckEvents(IEnumerable<MilestoneEvent>? events, ProblemSink sink)
    {
        var list = (events ?? []).ToArray();
        for (int i = 0; i < list.Length; i++)
        {
            if (string.IsNullOrEmpty(list[i].Milestone))
            {
                sink.Add(FieldRef.Named($"events[{i}]"), null, "an event needs a milestone name");
            }
        }

        // A stable sort: events at one instant keep the order they were given.
        return list.Select((e, i) => (e, i)).OrderBy(p => p.e.At).ThenBy(p => p.i).Select(p => p.e).ToArray();
    }

    private static Pause[] CheckPauses(IEnumerable<Pause>? pauses, ProblemSink sink)
    {
        var list = (pauses ?? []).ToArray();
        for (int i = 0; i < list.Length; i++)
        {
            if (list[i].To is { } to && to < list[i].From)
            {
                sink.Add(FieldRef.Named($"pauses[{i}]"), $"{list[i].From} to {to}", "a pause must not end before it begins");
            }
        }

        return list.OrderBy(p => p.From).ToArray();
    }

    private static LevelChange[] CheckLevelChanges(IEnumerable<LevelChange>? changes, ProblemSink sink)
    {
        var list = (changes ?? []).ToArray();
        for (int i = 0; i < list.Length; i++)
        {
            Check(list[i].Level, FieldRef.Named($"levelChanges[{i}].level"), sink);
        }

        return list.Select((c, i) => (c, i)).OrderBy(p => p.c.At).ThenBy(p => p.i).Select(p => p.c).ToArray();
    }

    private static TickSpan[] ToSpans(IReadOnlyList<Pause> pauses)
    {
        var spans = new TickSpan[pauses.Count];
        for (int i = 0; i < spans.Length; i++)
        {
            spans[i] = new TickSpan(pauses[i].From.ToUnixTimeTicks(), pauses[i].To?.ToUnixTimeTicks() ?? long.MaxValue);
        }

        return TickSpan.Merge(spans);
    }
}
