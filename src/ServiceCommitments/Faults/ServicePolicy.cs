using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Faults;

/// <summary>
/// A fault-level service policy: for each milestone, the rows that set its target by level and ticket attributes;
/// it evaluates tickets as of an instant, one at a time or in bulk.
/// </summary>
/// <remarks>
/// <para>Built by <see cref="ServicePolicyBuilder"/> (or read from a policy document). The rules of evaluation are in
/// docs/policies.md: how a row is chosen, where each clock starts, how pauses and level changes count, and the
/// statuses.</para>
/// <para>Instances are immutable and thread-safe: one policy may evaluate tickets on many threads at once.</para>
/// </remarks>
[Immutable]
public sealed class ServicePolicy
{
    private readonly CompiledMilestone[] milestones;
    private readonly Dictionary<string, int> milestoneIndex;

    internal ServicePolicy(
        FaultLevels levels,
        Dictionary<string, BusinessCalendar> calendars,
        List<(PolicyRow Row, BusinessCalendar? Calendar)> rows,
        List<string> order,
        bool confirmedEventsOnly,
        LevelChangeRule levelChange,
        string? defaultCalendarName,
        BusinessCalendar? defaultCalendar)
    {
        Levels = levels;
        DefaultCalendar = defaultCalendarName;
        DefaultCalendarValue = defaultCalendar;
        Calendars = new ReadOnlyDictionary<string, BusinessCalendar>(calendars);
        Rows = Array.AsReadOnly(rows.Select(r => r.Row).ToArray());
        ConfirmedEventsOnly = confirmedEventsOnly;
        LevelChange = levelChange;
        milestoneIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < order.Count; i++)
        {
            milestoneIndex.Add(order[i], i);
        }

        milestones = new CompiledMilestone[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            var candidates = rows
                .Where(r => r.Row.Milestone == order[i])
                .Select(r => new CompiledRow(
                    r.Row,
                    r.Calendar,
                    r.Row.FromMilestone is null ? -1 : milestoneIndex[r.Row.FromMilestone],
                    r.Row.IfBreached is null ? -1 : milestoneIndex[r.Row.IfBreached]))
                .OrderByDescending(c => c.Row.Where.Count)
                .ToArray();
            milestones[i] = new CompiledMilestone(order[i], candidates, levels.Count);
        }

        Milestones = Array.AsReadOnly(order.ToArray());
    }

    /// <summary>The fault levels.</summary>
    public FaultLevels Levels { get; }

    /// <summary>The policy's named calendars.</summary>
    public IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; }

    /// <summary>The name of the calendar for rows that need one and name none, or null.</summary>
    public string? DefaultCalendar { get; }

    /// <summary>The rows, in the order they were added.</summary>
    public IReadOnlyList<PolicyRow> Rows { get; }

    /// <summary>The milestones, in evaluation order: each after the milestones it counts from or depends on.</summary>
    public IReadOnlyList<string> Milestones { get; }

    /// <summary>Whether only events the customer confirmed count.</summary>
    public bool ConfirmedEventsOnly { get; }

    /// <summary>How a change of level affects the targets.</summary>
    public LevelChangeRule LevelChange { get; }

    /// <summary>The calendar for rows that name none, or null: its zone is a compliance report's default zone in conformance files.</summary>
    internal BusinessCalendar? DefaultCalendarValue { get; }

    /// <summary>
    /// Returns a builder holding this policy's settings (levels, named calendars, default calendar, event-only
    /// milestones, rows, confirmed-events rule and level-change rule), to change a few and build a new policy:
    /// <c>policy.ToBuilder().Build()</c> evaluates every ticket exactly as this policy does.
    /// </summary>
    /// <returns>A new builder; calendars and rows are shared by reference (they are immutable), not copied.</returns>
    public ServicePolicyBuilder ToBuilder()
    {
        var builder = new ServicePolicyBuilder { ConfirmedEventsOnly = ConfirmedEventsOnly, LevelChange = LevelChange }.SetLevels(Levels);
        foreach (var (name, calendar) in Calendars)
        {
            builder.AddCalendar(name, calendar);
        }

        if (DefaultCalendar is not null)
        {
            builder.SetDefaultCalendar(DefaultCalendar);
        }

        // A milestone no row sets was declared; declared in evaluation order, they keep their place in that order.
        var set = new HashSet<string>(Rows.Select(r => r.Milestone), StringComparer.Ordinal);
        foreach (string milestone in Milestones)
        {
            if (!set.Contains(milestone))
            {
                builder.DeclareMilestone(milestone);
            }
        }

        foreach (var row in Rows)
        {
            builder.AddRow(row);
        }

        return builder;
    }

    /// <summary>Evaluates one ticket as of <paramref name="asOf"/>: every milestone's status, deadline, warnings and explanation.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="asOf">The instant to evaluate at; whatever the ticket records after it is ignored.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ticket"/> is null.</exception>
    /// <exception cref="ArgumentException">The ticket's level in force is not a level of the policy.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deadline falls outside years 1-9998.</exception>
    /// <exception cref="HolidayDataUnavailableException">A deadline needs a year a calendar's holiday data does not know.</exception>
    public TicketEvaluation Evaluate(Ticket ticket, Instant asOf)
    {
        Preconditions.CheckNotNull(ticket, nameof(ticket));
        var results = new MilestoneResult[milestones.Length];
        var pauses = new TickSpan[milestones.Length][];
        long at = Ticks.FromInstant(asOf, nameof(asOf));
        int level = EvaluateInto(ticket, at, results, pauses);
        var evaluations = new MilestoneEvaluation[results.Length];
        for (int i = 0; i < results.Length; i++)
        {
            var compiled = results[i].Row is null ? null : milestones[i].Find(results[i].Row!);
            evaluations[i] = new MilestoneEvaluation(results[i], compiled?.Calendar, pauses[i] ?? [], Warnings(compiled, results[i], pauses[i]));
        }

        return new TicketEvaluation(ticket, asOf, level, evaluations);
    }

    /// <summary>
    /// Evaluates many tickets as of one instant, allocation-free: <paramref name="results"/> receives one row of
    /// <see cref="Milestones"/>.Count results per ticket, row after row (<c>results[t * Milestones.Count + m]</c>).
    /// </summary>
    /// <param name="tickets">The tickets; none null.</param>
    /// <param name="asOf">The instant to evaluate at.</param>
    /// <param name="results">Receives the results; at least <c>tickets.Length * Milestones.Count</c> long.</param>
    /// <exception cref="ArgumentException"><paramref name="results"/> is too short, or a ticket's level is not a level of the policy (results before it are written).</exception>
    /// <exception cref="ArgumentNullException">A ticket is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deadline falls outside years 1-9998 (results before that ticket are written).</exception>
    /// <exception cref="HolidayDataUnavailableException">A deadline needs a year a calendar's holiday data does not know.</exception>
    public void Evaluate(ReadOnlySpan<Ticket> tickets, Instant asOf, Span<MilestoneResult> results)
    {
        int width = milestones.Length;
        if (results.Length < tickets.Length * (long)width)
        {
            Preconditions.ThrowArgument(nameof(results), $"results has length {results.Length}; it must hold {tickets.Length} × {width} results, one per ticket and milestone.");
        }

        long at = Ticks.FromInstant(asOf, nameof(asOf));
        for (int i = 0; i < tickets.Length; i++)
        {
            EvaluateInto(Preconditions.CheckNotNull(tickets[i], nameof(tickets)), at, results.Slice(i * width, width), null);
        }
    }

    /// <summary>Evaluates many tickets as <see cref="Evaluate(ReadOnlySpan{Ticket}, Instant, Span{MilestoneResult})"/> does, on several threads.</summary>
    /// <param name="tickets">The tickets; none null.</param>
    /// <param name="asOf">The instant to evaluate at.</param>
    /// <param name="results">Receives the results; at least <c>tickets.Length * Milestones.Count</c> long.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; null for the number of processors.</param>
    /// <exception cref="ArgumentException"><paramref name="results"/> is too short, or <paramref name="maxDegreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="AggregateException">Evaluating a ticket threw (a level the policy does not have, an unknown holiday year).</exception>
    public void EvaluateParallel(ReadOnlyMemory<Ticket> tickets, Instant asOf, Memory<MilestoneResult> results, int? maxDegreeOfParallelism = null)
    {
        int width = milestones.Length;
        if (results.Length < tickets.Length * (long)width)
        {
            Preconditions.ThrowArgument(nameof(results), $"results has length {results.Length}; it must hold {tickets.Length} × {width} results, one per ticket and milestone.");
        }

        if (maxDegreeOfParallelism is < 1)
        {
            Preconditions.ThrowArgument(nameof(maxDegreeOfParallelism), $"maxDegreeOfParallelism was {maxDegreeOfParallelism}; expected 1 or more, or null.");
        }

        int threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        int chunk = Math.Max(1024, (tickets.Length / (threads * 4)) + 1);
        int chunks = (tickets.Length + chunk - 1) / chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            int from = c * chunk;
            int count = Math.Min(chunk, tickets.Length - from);
            Evaluate(tickets.Span.Slice(from, count), asOf, results.Span.Slice(from * width, count * width));
        });
    }

    /// <summary>Evaluates one ticket into <paramref name="row"/>; returns the level in force. Collects each milestone's pauses when asked.</summary>
    private int EvaluateInto(Ticket ticket, long asOf, Span<MilestoneResult> row, TickSpan[][]? pausesOut)
    {
        var (level, since) = ticket.LevelAt(asOf);
        if (!Levels.Contains(level))
        {
            Preconditions.ThrowArgument("ticket", $"The ticket's level {level} is not a level of the policy (1 to {Levels.Count}).");
        }

        long fromReport = LevelChange == LevelChangeRule.FromChange && since is { } changed ? changed : ticket.Reported.ToUnixTimeTicks();
        var ticketPauses = ticket.PauseSpans;

        // Stack buffers for a usual ticket and policy; only an unusually large one (more than 16 pauses, more than 32
        // milestones) pays for arrays. A ticket without pauses needs no pause buffer at all.
        Span<TickSpan> buffer = ticketPauses.Length == 0 ? default : ticketPauses.Length <= 16 ? stackalloc TickSpan[16] : new TickSpan[ticketPauses.Length];
        Span<long> counted = milestones.Length <= 32 ? stackalloc long[32] : new long[milestones.Length];
        counted = counted[..milestones.Length];
        FindCountedEvents(ticket, asOf, counted);
        for (int m = 0; m < milestones.Length; m++)
        {
            var milestone = milestones[m];
            long eventAt = counted[m];
            var compiled = milestone.Choose(level, ticket);
            if (compiled is null)
            {
                row[m] = new MilestoneResult(milestone.Name, null, MilestoneStatus.NotApplicable, MilestoneResult.NoValue, MilestoneResult.NoValue, eventAt, asOf, MilestoneResult.NoValue);
                continue;
            }

            var gate = Gate(compiled, row);
            long start = gate == MilestoneStatus.Pending ? Start(compiled, row, fromReport, ref gate) : MilestoneResult.NoValue;
            if (gate != MilestoneStatus.Pending)
            {
                row[m] = new MilestoneResult(milestone.Name, compiled.Row, gate, MilestoneResult.NoValue, MilestoneResult.NoValue, eventAt, asOf, MilestoneResult.NoValue);
                continue;
            }

            var pauses = compiled.Row.IgnorePauses ? Span<TickSpan>.Empty : Clip(ticketPauses, asOf, eventAt, buffer);
            pausesOut?.SetValue(pauses.ToArray(), m);
            var target = compiled.Row.Target;
            long due = target.DueTicks(start, compiled.Calendar, pauses);
            var status = eventAt != MilestoneResult.NoValue
                ? (eventAt <= due ? MilestoneStatus.Met : MilestoneStatus.Breached)
                : (asOf <= due ? MilestoneStatus.Pending : MilestoneStatus.Breached);
            long alert = status == MilestoneStatus.Pending ? NextAlert(compiled, start, due, asOf, pauses) : MilestoneResult.NoValue;
            row[m] = new MilestoneResult(milestone.Name, compiled.Row, status, start, due, eventAt, asOf, alert);
        }

        return level;
    }

    /// <summary>Whether a row's condition lets it apply: Pending when it does, else the status the milestone takes.</summary>
    private static MilestoneStatus Gate(CompiledRow compiled, Span<MilestoneResult> row)
    {
        if (compiled.IfBreached < 0)
        {
            return MilestoneStatus.Pending;
        }

        return row[compiled.IfBreached].Status switch
        {
            MilestoneStatus.Breached => MilestoneStatus.Pending,
            MilestoneStatus.Pending or MilestoneStatus.Waiting => MilestoneStatus.Waiting,
            _ => MilestoneStatus.NotApplicable,
        };
    }

    /// <summary>Where the clock starts; sets <paramref name="gate"/> to Waiting or NotApplicable when there is no start yet.</summary>
    private static long Start(CompiledRow compiled, Span<MilestoneResult> row, long fromReport, ref MilestoneStatus gate)
    {
        if (compiled.From < 0)
        {
            return fromReport;
        }

        var from = row[compiled.From];
        if (compiled.Row.FromDue)
        {
            if (from.DueTicks != MilestoneResult.NoValue && from.Status != MilestoneStatus.NotApplicable)
            {
                return from.DueTicks;
            }

            gate = from.Status == MilestoneStatus.NotApplicable ? MilestoneStatus.NotApplicable : MilestoneStatus.Waiting;
            return MilestoneResult.NoValue;
        }

        if (from.EventTicks != MilestoneResult.NoValue)
        {
            return from.EventTicks;
        }

        gate = MilestoneStatus.Waiting;
        return MilestoneResult.NoValue;
    }

    /// <summary>
    /// Each milestone's counted event (its first event at or before <paramref name="asOf"/>, confirmed when the policy
    /// asks), or <see cref="MilestoneResult.NoValue"/>: one pass over the ticket's events, which are ordered by time,
    /// rather than one pass per milestone.
    /// </summary>
    private void FindCountedEvents(Ticket ticket, long asOf, Span<long> counted)
    {
        counted.Fill(MilestoneResult.NoValue);
        foreach (var e in ticket.EventArray)
        {
            long at = e.At.ToUnixTimeTicks();
            if (at > asOf)
            {
                break;
            }

            if (ConfirmedEventsOnly && !e.Confirmed)
            {
                continue;
            }

            int m = IndexOfMilestone(e.Milestone);
            if (m >= 0 && counted[m] == MilestoneResult.NoValue)
            {
                counted[m] = at;
            }
        }
    }

    /// <summary>
    /// The milestone's index, or -1. A policy has a handful of milestones and a ticket's names are usually the very
    /// strings the policy holds, so comparing beats hashing; a policy with many milestones uses its dictionary.
    /// </summary>
    private int IndexOfMilestone(string name)
    {
        if (milestones.Length > 8)
        {
            return MilestoneIndex(name);
        }

        for (int m = 0; m < milestones.Length; m++)
        {
            if (string.Equals(milestones[m].Name, name, StringComparison.Ordinal))
            {
                return m;
            }
        }

        return -1;
    }

    /// <summary>The pauses that count for a milestone: begun by <paramref name="asOf"/>, ended at it at the latest, and cut at the milestone's event.</summary>
    private static Span<TickSpan> Clip(TickSpan[] pauses, long asOf, long eventAt, Span<TickSpan> buffer)
    {
        long limit = eventAt == MilestoneResult.NoValue ? asOf : Math.Min(asOf, eventAt);
        int n = 0;
        foreach (var pause in pauses)
        {
            if (pause.Start >= limit)
            {
                break;
            }

            buffer[n++] = new TickSpan(pause.Start, Math.Min(pause.End, limit));
        }

        return buffer[..n];
    }

    private static long NextAlert(CompiledRow compiled, long start, long due, long asOf, ReadOnlySpan<TickSpan> pauses)
    {
        long next = due;
        var warnings = compiled.Row.WarningArray;
        if (warnings.Length == 0)
        {
            return next;
        }

        var target = compiled.Row.Target;
        long clock = target.ClockStart(start, compiled.Calendar);
        long total = target.CountedBetween(clock, target.BaseDueTicks(clock, compiled.Calendar), compiled.Calendar);
        foreach (var warning in warnings)
        {
            long at = target.RunClock(clock, warning.CountedAt(total), compiled.Calendar, pauses);
            if (at >= asOf && at < next)
            {
                next = at;
            }
        }

        return next;
    }

    private static IReadOnlyList<WarningInstant> Warnings(CompiledRow? compiled, MilestoneResult result, TickSpan[]? pauses)
    {
        if (compiled is null || compiled.Row.WarningArray.Length == 0 || result.Start is null)
        {
            return [];
        }

        var target = compiled.Row.Target;
        long clock = target.ClockStart(result.StartTicks, compiled.Calendar);
        long total = target.CountedBetween(clock, target.BaseDueTicks(clock, compiled.Calendar), compiled.Calendar);
        var list = new List<WarningInstant>(compiled.Row.WarningArray.Length);
        foreach (var warning in compiled.Row.WarningArray)
        {
            list.Add(new WarningInstant(warning, Instant.FromUnixTimeTicks(target.RunClock(clock, warning.CountedAt(total), compiled.Calendar, pauses ?? []))));
        }

        return list.AsReadOnly();
    }

    internal int MilestoneIndex(string milestone) => milestoneIndex.TryGetValue(milestone, out int i) ? i : -1;

    /// <summary>A policy row with what evaluation needs resolved: its calendar and the indices of the milestones it refers to.</summary>
    internal sealed record CompiledRow(PolicyRow Row, BusinessCalendar? Calendar, int From, int IfBreached);

    private sealed class CompiledMilestone
    {
        private readonly CompiledRow[] candidates;

        /// <summary>For each level (index level - 1), the candidates whose levels include it, in the same order.</summary>
        private readonly CompiledRow[][] byLevel;

        internal CompiledMilestone(string name, CompiledRow[] candidates, int levelCount)
        {
            Name = name;
            this.candidates = candidates;
            byLevel = new CompiledRow[levelCount][];
            for (int level = 1; level <= levelCount; level++)
            {
                byLevel[level - 1] = Array.FindAll(candidates, c => c.Row.LevelArray.Length == 0 || Array.IndexOf(c.Row.LevelArray, level) >= 0);
            }
        }

        internal string Name { get; }

        /// <summary>
        /// The row for a ticket: the first match among rows ordered by how many attributes their <c>where</c> names.
        /// Only the rows for the ticket's level (one of the policy's, checked before) are looked at.
        /// </summary>
        internal CompiledRow? Choose(int level, Ticket ticket)
        {
            foreach (var candidate in byLevel[level - 1])
            {
                if (candidate.Row.MatchesWhere(ticket))
                {
                    return candidate;
                }
            }

            return null;
        }

        internal CompiledRow? Find(PolicyRow row) => Array.Find(candidates, c => ReferenceEquals(c.Row, row));
    }
}
