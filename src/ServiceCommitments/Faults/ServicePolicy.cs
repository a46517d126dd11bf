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
        List<(PolicyTarget Row, BusinessCalendar? Calendar)> rows,
        List<string> order,
        bool confirmedEventsOnly,
        LevelChangeRule levelChange,
        string? defaultCalendar)
    {
        Levels = levels;
        DefaultCalendar = defaultCalendar;
        Calendars = new ReadOnlyDictionary<string, BusinessCalendar>(calendars);
        Targets = Array.AsReadOnly(rows.Select(r => r.Row).ToArray());
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
            milestones[i] = new CompiledMilestone(order[i], candidates);
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
    public IReadOnlyList<PolicyTarget> Targets { get; }

    /// <summary>The milestones, in evaluation order: each after the milestones it counts from or depends on.</summary>
    public IReadOnlyList<string> Milestones { get; }

    /// <summary>Whether only events the customer confirmed count.</summary>
    public bool ConfirmedEventsOnly { get; }

    /// <summary>How a change of level affects the targets.</summary>
    public LevelChangeRule LevelChange { get; }

    /// <summary>Evaluates one ticket as of <paramref name="asOf"/>: every milestone's status, deadline, warnings and explanation.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="asOf">The instant to evaluate at; whatever the ticket records after it is ignored.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ticket"/> is null.</exception>
    /// <exception cref="ArgumentException">The ticket's level in force is not a level of the policy.</exception>
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
            var compiled = results[i].Target is null ? null : milestones[i].Find(results[i].Target!);
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

        long reported = ticket.Reported.ToUnixTimeTicks();
        long fromReport = LevelChange == LevelChangeRule.FromChange && since is { } changed ? changed : reported;
        var ticketPauses = ticket.PauseSpans;
        Span<TickSpan> buffer = ticketPauses.Length <= 16 ? stackalloc TickSpan[16] : new TickSpan[ticketPauses.Length];
        for (int m = 0; m < milestones.Length; m++)
        {
            var milestone = milestones[m];
            long eventAt = FirstCountedEvent(ticket, milestone.Name, asOf);
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

    private long FirstCountedEvent(Ticket ticket, string milestone, long asOf)
    {
        var events = ticket.Events;
        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i];
            long at = e.At.ToUnixTimeTicks();
            if (at > asOf)
            {
                break;
            }

            if ((e.Confirmed || !ConfirmedEventsOnly) && string.Equals(e.Milestone, milestone, StringComparison.Ordinal))
            {
                return at;
            }
        }

        return MilestoneResult.NoValue;
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
    internal sealed record CompiledRow(PolicyTarget Row, BusinessCalendar? Calendar, int From, int IfBreached);

    private sealed class CompiledMilestone(string name, CompiledRow[] candidates)
    {
        internal string Name { get; } = name;

        /// <summary>The row for a ticket: the first match among rows ordered by how many attributes their <c>where</c> names.</summary>
        internal CompiledRow? Choose(int level, Ticket ticket)
        {
            foreach (var candidate in candidates)
            {
                if (candidate.Row.Matches(level, ticket))
                {
                    return candidate;
                }
            }

            return null;
        }

        internal CompiledRow? Find(PolicyTarget row) => Array.Find(candidates, c => ReferenceEquals(c.Row, row));
    }
}
