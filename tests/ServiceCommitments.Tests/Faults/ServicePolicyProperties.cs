using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;
using ServiceCommitments.Tests.Explanations;
using ServiceCommitments.Tests.Targets;
using static ServiceCommitments.Faults.MilestoneStatus;
using Interval = NodaTime.Interval;

namespace ServiceCommitments.Tests.Faults;

/// <summary>
/// The laws of docs/policies.md over random tickets (<see cref="RandomTickets"/>) on a policy that uses every feature,
/// under both level-change rules, with and without confirmedEventsOnly: a met milestone stays met as asOf grows; without
/// an event a milestone is pending up to its deadline and breached after it; each deadline and warning equals a slow
/// walk of the documented pause rules; explanations add up; bulk and parallel evaluation equal one-by-one.
/// </summary>
public sealed class ServicePolicyProperties
{
    private const int Tests = 300;

    private static readonly ServicePolicy[] Policies =
    [
        RandomTickets.Policy(),
        RandomTickets.Policy(LevelChangeRule.FromChange),
        RandomTickets.Policy(confirmedOnly: true),
        RandomTickets.Policy(LevelChangeRule.FromChange, confirmedOnly: true),
    ];

    public sealed record Case(int Seed, int PolicyIndex, int LaterMinutes)
    {
        public Ticket Ticket => RandomTickets.Make(Seed).Ticket;

        public Instant AsOf => RandomTickets.Make(Seed).AsOf;

        public ServicePolicy Policy => Policies[PolicyIndex];

        public override string ToString() =>
            $"seed {Seed}, policy {PolicyIndex} ({Policy.LevelChange}, confirmed only {Policy.ConfirmedEventsOnly}), asOf {Calendars.CalendarTestSupport.Show(AsOf, Calendars.CalendarTestSupport.Shanghai)}, later by {LaterMinutes} min: {RandomTickets.Describe(Ticket)}";
    }

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from seed in Gen.Choose(0, int.MaxValue)
        from policy in Gen.Choose(0, Policies.Length - 1)
        from later in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 6000)), (1, Gen.Choose(6000, 60_000)))
        select new Case(seed, policy, later));

    private static bool Law(Case c, Func<bool> law)
    {
        try
        {
            return law() ? true : throw new Xunit.Sdk.XunitException("The law does not hold for " + c);
        }
        catch (HolidayDataUnavailableException)
        {
            return true;
        }
        catch (Exception e) when (e is not HolidayDataUnavailableException && !e.Message.Contains("seed ", StringComparison.Ordinal))
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}{Environment.NewLine}for {c}", e);
        }
    }

    private static Instant FloorToMinute(Instant t) => Instant.FromUnixTimeTicks(t.ToUnixTimeTicks() - (((t.ToUnixTimeTicks() % NodaConstants.TicksPerMinute) + NodaConstants.TicksPerMinute) % NodaConstants.TicksPerMinute));

    [Property(MaxTest = Tests)]
    public Property AMetMilestone_StaysMet_AsAsOfGrows() =>
        Prop.ForAll(Cases, c => Law(c, () =>
        {
            var later = c.AsOf + Duration.FromMinutes(c.LaterMinutes);
            // A level change between the two instants changes the target itself (rule 8): it may rightly breach.
            if (c.Ticket.LevelChanges.Any(l => l.At > c.AsOf && l.At <= later))
            {
                return true;
            }

            var before = c.Policy.Evaluate(c.Ticket, c.AsOf);
            var after = c.Policy.Evaluate(c.Ticket, later);
            return before.Milestones.Zip(after.Milestones).All(p => p.First.Status != Met || p.Second.Status == Met);
        }));

    [Property(MaxTest = Tests)]
    public Property WithoutAnEvent_PendingUpToTheDeadline_BreachedAfterIt() =>
        Prop.ForAll(Cases, c => Law(c, () =>
        {
            // The ticket without its level changes and open pauses, and each milestone counted from the report without
            // its events: its deadline, seen from far ahead, is what asOf a tick before it, at it and a tick after see.
            var t = c.Ticket;
            var ticket = new Ticket(t.Reported, t.Level, t.Attributes, t.Events, t.Pauses.Where(p => p.To is not null), null, t.Id);
            foreach (var row in c.Policy.Rows.Where(r => r.FromMilestone is null && r.IfBreached is null).Select(r => r.Milestone).Distinct())
            {
                var bare = new Ticket(ticket.Reported, ticket.Level, ticket.Attributes, ticket.Events.Where(e => e.Milestone != row), ticket.Pauses, null, ticket.Id);
                var far = c.Policy.Evaluate(bare, bare.Reported + Duration.FromDays(60))[row];
                if (far.Due is not { } due)
                {
                    continue;
                }

                var tick = Duration.FromTicks(1);
                var justBefore = c.Policy.Evaluate(bare, due - tick)[row];
                var at = c.Policy.Evaluate(bare, due)[row];
                var justAfter = c.Policy.Evaluate(bare, due + tick)[row];
                if ((justBefore.Status, justBefore.Due, at.Status, at.Due, at.Remaining, justAfter.Status, justAfter.Due, justAfter.Overdue)
                    != (Pending, due, Pending, due, Duration.Zero, Breached, due, tick))
                {
                    throw new Xunit.Sdk.XunitException($"{row}: far {far.Status} due {due}; a tick before {justBefore.Status} {justBefore.Due}; at {at.Status} {at.Due}; a tick after {justAfter.Status} {justAfter.Due} overdue {justAfter.Overdue}");
                }
            }

            return true;
        }));

    [Property(MaxTest = Tests)]
    public Property DeadlinesAndWarnings_EqualTheSlowWalkOfThePauseRules_AndExplanationsAddUp() =>
        Prop.ForAll(Cases, c => Law(c, () =>
        {
            var asOf = FloorToMinute(c.AsOf);
            var ticket = c.Ticket;
            var evaluation = c.Policy.Evaluate(ticket, asOf);
            foreach (var m in evaluation.Milestones.Where(m => m.Start is not null))
            {
                var row = m.Row!;
                var calendar = row.Calendar ?? (row.CalendarName is { } name ? c.Policy.Calendars[name] : c.Policy.Calendars["always"]);
                var pauses = PausesThatCount(ticket, asOf, m.Event, row.IgnorePauses);
                var slow = new SlowDeadline(calendar);
                var due = slow.Due(row.Target, m.Start!.Value, pauses);
                var warnings = row.Warnings.Select(w => slow.Warning(row.Target, m.Start.Value, w, pauses)).ToArray();
                if (m.Due != due || !m.Warnings.Select(w => w.At).SequenceEqual(warnings))
                {
                    throw new Xunit.Sdk.XunitException(
                        $"{m.Milestone}: due {m.Due}, slow {due}; warnings [{string.Join(", ", m.Warnings.Select(w => w.At))}], slow [{string.Join(", ", warnings)}]");
                }

                var explanation = m.Explain()!;
                var clock = slow.ClockStart(row.Target, m.Start.Value);
                var baseDue = slow.BaseDue(row.Target, clock);
                if (baseDue >= clock)
                {
                    var counted = row.Target.Kind is TargetKind.CalendarDays or TargetKind.Period
                        ? calendar.Zone.AtStartOfDay(slow.LastDay(row.Target, clock).PlusDays(1)).ToInstant() - clock
                        : Duration.FromMinutes(slow.Counted(row.Target, clock, baseDue));
                    DeadlineExplanationTests.AssertAddsUp(explanation, counted);
                }

                if (explanation.Due != m.Due || explanation.Start != m.Start)
                {
                    return false;
                }

                // The next alert of a pending milestone is its earliest warning or deadline at or after asOf.
                var expectedAlert = m.Status == Pending ? warnings.Where(w => w >= asOf).Append(due).Min() : (Instant?)null;
                if (m.NextAlert != expectedAlert)
                {
                    throw new Xunit.Sdk.XunitException($"{m.Milestone}: next alert {m.NextAlert}, expected {expectedAlert}");
                }
            }

            return evaluation.NextAlert == evaluation.Milestones.Select(m => m.NextAlert).Where(a => a is not null).Min();
        }));

    /// <summary>docs/policies.md, Pauses: begun at or before asOf, ended at asOf at the latest, cut at the event, none if the row ignores pauses.</summary>
    private static Interval[] PausesThatCount(Ticket ticket, Instant asOf, Instant? eventAt, bool ignore)
    {
        if (ignore)
        {
            return [];
        }

        var end = eventAt is { } e && e < asOf ? e : asOf;
        return ticket.Pauses
            .Where(p => p.From <= asOf && (eventAt is null || p.From < eventAt))
            .Select(p => new Interval(p.From, p.To is { } to && to < end ? to : end))
            .Where(p => p.End > p.Start)
            .ToArray();
    }

    [Property(MaxTest = 100)]
    public Property BulkEvaluation_EqualsOneByOne_AndParallelEqualsBulk() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue).ArrayOf().Zip(Gen.Choose(0, Policies.Length - 1))), input =>
        {
            var (seeds, policyIndex) = input;
            var policy = Policies[policyIndex];
            var made = seeds.Select(RandomTickets.Make).ToArray();
            var tickets = made.Select(m => m.Ticket).ToArray();
            var asOf = made.Length == 0 ? Instant.FromUtc(2024, 6, 1, 0, 0) : made[0].AsOf;
            int width = policy.Milestones.Count;
            try
            {
                var bulk = new MilestoneResult[tickets.Length * width];
                policy.Evaluate(tickets, asOf, bulk);
                var parallel = new MilestoneResult[tickets.Length * width];
                policy.EvaluateParallel(tickets, asOf, parallel, maxDegreeOfParallelism: 2);
                var single = tickets.SelectMany(t => policy.Evaluate(t, asOf).Milestones.Select(m => m.Result)).ToArray();
                return bulk.Select(Fields).SequenceEqual(single.Select(Fields)) && parallel.Select(Fields).SequenceEqual(bulk.Select(Fields));
            }
            catch (HolidayDataUnavailableException)
            {
                return true;
            }
        });

    /// <summary>Everything a result says, compared by value.</summary>
    internal static (string, PolicyRow?, MilestoneStatus, Instant?, Instant?, Instant?, Duration, Duration, Instant?) Fields(MilestoneResult r) =>
        (r.Milestone, r.Row, r.Status, r.Start, r.Due, r.Event, r.Remaining, r.Overdue, r.NextAlert);
}
