using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>
/// When a visit counts as on time: the window around each due date, an allowance before it and one after it. A visit
/// inside the window (both ends included) is on time, before it early, after it late.
/// </summary>
/// <remarks>
/// <para>Ready-made rules from maintenance practice: <see cref="TenPercentOfInterval"/> and <see cref="SmrpGrace"/>;
/// docs/inspections.md gives the source of each.</para>
/// <para>The default value is <see cref="Exact"/>: the window is the due date alone. Instances are immutable values.</para>
/// </remarks>
[Immutable]
public readonly record struct OnTimeRule
{
    /// <summary>Creates a rule from its two allowances.</summary>
    /// <param name="early">How far before the due date the window opens; <see cref="Allowance.WholeCycle"/> allowed.</param>
    /// <param name="late">How far after the due date the window closes; <see cref="Allowance.WholeCycle"/> is not allowed here (checked by the schedule builder).</param>
    /// <param name="name">A name for reports, or null to describe the allowances.</param>
    public OnTimeRule(Allowance early, Allowance late, string? name = null)
    {
        Early = early;
        Late = late;
        Name = name;
    }

    /// <summary>No allowance: only a visit on the due date is on time.</summary>
    public static OnTimeRule Exact => default;

    /// <summary>
    /// Within 10 % of the interval either side of the due date, rounded down to whole days (a monthly visit of a
    /// 31-day interval may be 3 days early or late): the common "±10 % of the frequency" rule of preventive-maintenance
    /// compliance.
    /// </summary>
    public static OnTimeRule TenPercentOfInterval { get; } =
        new(Allowance.ShareOfInterval(0.1m), Allowance.ShareOfInterval(0.1m), "within 10 % of the interval");

    /// <summary>
    /// The SMRP grace period: a visit up to 20 % of the interval after the due date, at most 28 days, is on time
    /// (Society for Maintenance and Reliability Professionals, SMRP Best Practices, metric 5.4.8, "PM and PdM
    /// compliance"); no allowance before the due date.
    /// </summary>
    public static OnTimeRule SmrpGrace { get; } =
        new(Allowance.None, Allowance.ShareOfInterval(0.2m, 28), "SMRP grace: 20 % of the interval, at most 28 days");

    /// <summary>How far before the due date the window opens.</summary>
    public Allowance Early { get; init; }

    /// <summary>How far after the due date the window closes.</summary>
    public Allowance Late { get; init; }

    /// <summary>The rule's name in reports, or null.</summary>
    public string? Name { get; init; }

    /// <summary>Describes the rule: its name, or <c>7 days early, 7 days late</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Name ?? $"{Early} early, {Late} late";
}
