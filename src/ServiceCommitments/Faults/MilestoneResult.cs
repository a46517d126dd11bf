using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

/// <summary>
/// Where one milestone of one ticket stands as of an instant: the compact, allocation-free form the bulk evaluation
/// writes (<see cref="ServicePolicy.Evaluate(System.ReadOnlySpan{Ticket}, Instant, System.Span{MilestoneResult})"/>).
/// </summary>
/// <remarks>An immutable value. The default value is a not-applicable result with no milestone.</remarks>
[Immutable]
public readonly struct MilestoneResult
{
    private const long None = long.MinValue;

    private readonly long start;
    private readonly long due;
    private readonly long eventAt;
    private readonly long asOf;
    private readonly long nextAlert;

    internal MilestoneResult(string milestone, PolicyRow? row, MilestoneStatus status, long start, long due, long eventAt, long asOf, long nextAlert)
    {
        Milestone = milestone;
        Row = row;
        Status = status;
        this.start = start;
        this.due = due;
        this.eventAt = eventAt;
        this.asOf = asOf;
        this.nextAlert = nextAlert;
    }

    /// <summary>The milestone.</summary>
    public string Milestone { get; }

    /// <summary>The row of the policy that applied, or null when none did.</summary>
    public PolicyRow? Row { get; }

    /// <summary>Where the milestone stands.</summary>
    public MilestoneStatus Status { get; }

    /// <summary>When the target's clock started (the report, a level change, or the milestone counted from), or null while waiting or not applicable.</summary>
    public Instant? Start => start == None ? null : Instant.FromUnixTimeTicks(start);

    /// <summary>The deadline, or null while waiting or not applicable.</summary>
    public Instant? Due => due == None ? null : Instant.FromUnixTimeTicks(due);

    /// <summary>The counted event, or null when the milestone has not been reached as of the evaluation.</summary>
    public Instant? Event => eventAt == None ? null : Instant.FromUnixTimeTicks(eventAt);

    /// <summary>For a pending milestone, the time from the evaluation's instant to the deadline; otherwise zero.</summary>
    public Duration Remaining => Status == MilestoneStatus.Pending ? Duration.FromTicks(due - asOf) : Duration.Zero;

    /// <summary>For a breached milestone, the time from the deadline to the event (or to the evaluation's instant); otherwise zero.</summary>
    public Duration Overdue => Status == MilestoneStatus.Breached ? Duration.FromTicks((eventAt == None ? asOf : eventAt) - due) : Duration.Zero;

    /// <summary>For a pending milestone, the earliest warning or deadline at or after the evaluation's instant: when to look again. Otherwise null.</summary>
    public Instant? NextAlert => nextAlert == None ? null : Instant.FromUnixTimeTicks(nextAlert);

    internal long StartTicks => start;

    internal long DueTicks => due;

    internal long EventTicks => eventAt;

    internal static long NoValue => None;

    /// <summary>Describes the result: <c>onSite: pending, due 2024-06-04T01:10:00Z</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Milestone}: {Status}" + (Due is { } d ? $", due {d}" : "") + (Event is { } e ? $", reached {e}" : "");
}
