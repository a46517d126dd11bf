using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>
/// A recurring duty (巡检, 回访) as a contract states it: phases of steps anchored to a contract event, bounds, alignment
/// with a business calendar, an on-time rule, shift factors, a notice lead time, follow-up duties and visit quotas. It
/// is a template: <see cref="Anchor(LocalDate)"/> gives the plan for one asset or contract.
/// </summary>
/// <remarks>
/// <para><b>Occurrences.</b> Occurrence n of a phase is the phase's anchor + n × its step, never the previous
/// occurrence + a step, so no error accumulates (no drift). The first phase is anchored on the contract event; a
/// phase with a length ends on its anchor + that length (that day included) and the next phase is anchored there.
/// The anchor itself is an occurrence only when <see cref="IncludesAnchor"/>.</para>
/// <para><b>Bounds.</b> An occurrence whose nominal date lies after the schedule's last day (<see cref="Until"/> counted
/// from the anchor by the PRC Civil Code's rules, or <see cref="UntilDate"/>), whose number is above
/// <see cref="Count"/>, or that lies outside the window given to <see cref="Anchor(LocalDate, DateInterval)"/> (a
/// warranty period, say) is not produced.</para>
/// <para>docs/inspections.md states every rule with examples. Instances are immutable and thread-safe.</para>
/// </remarks>
[Immutable]
public sealed class InspectionSchedule
{
    internal InspectionSchedule(
        string anchorEvent, SchedulePhase[] phases, Period? once, bool includesAnchor, MonthEndRule monthEnd, Period? until, LocalDate? untilDate,
        int? count, ScheduleAlignment alignment, OnTimeRule onTime, ShiftFactors shift, NoticeLeadTime? notice, FollowUpDuty[] followUps, VisitQuota[] quotas)
    {
        AnchorEvent = anchorEvent;
        Phases = Array.AsReadOnly(phases);
        Once = once;
        IncludesAnchor = includesAnchor;
        MonthEnd = monthEnd;
        Until = until;
        UntilDate = untilDate;
        Count = count;
        Alignment = alignment;
        OnTimeRule = onTime;
        ShiftFactors = shift;
        Notice = notice;
        FollowUps = Array.AsReadOnly(followUps);
        Quotas = Array.AsReadOnly(quotas);
    }

    /// <summary>The contract event the schedule is anchored on, for example <c>acceptance</c>.</summary>
    public string AnchorEvent { get; }

    /// <summary>The phases, in order; empty for a one-off duty or a schedule of quotas only.</summary>
    public IReadOnlyList<SchedulePhase> Phases { get; }

    /// <summary>For a one-off duty, how long after the anchor it is due (training 3 days after commissioning); null otherwise.</summary>
    public Period? Once { get; }

    /// <summary>Whether the anchor itself is occurrence 0.</summary>
    public bool IncludesAnchor { get; }

    /// <summary>What a step counted in months does when the anchor's day does not exist in a month.</summary>
    public MonthEndRule MonthEnd { get; }

    /// <summary>The schedule's length from the anchor (its last day is the anchor + this period; the anchor's day is not counted), or null.</summary>
    public Period? Until { get; }

    /// <summary>The schedule's last day, or null.</summary>
    public LocalDate? UntilDate { get; }

    /// <summary>The highest occurrence number the schedule produces, or null for no limit.</summary>
    public int? Count { get; }

    /// <summary>How due dates meet a business calendar.</summary>
    public ScheduleAlignment Alignment { get; }

    /// <summary>When a visit counts as on time.</summary>
    public OnTimeRule OnTimeRule { get; }

    /// <summary>How early and late visits move the rest of the schedule (fixed by default).</summary>
    public ShiftFactors ShiftFactors { get; }

    /// <summary>How far ahead the customer must be told of each visit, or null.</summary>
    public NoticeLeadTime? Notice { get; }

    /// <summary>The duties that follow each visit, each with its own deadline.</summary>
    public IReadOnlyList<FollowUpDuty> FollowUps { get; }

    /// <summary>The visit quotas.</summary>
    public IReadOnlyList<VisitQuota> Quotas { get; }

    /// <summary>
    /// Returns a builder holding this schedule's settings (anchor event, phases, one-off offset, anchor visit, month-end
    /// rule, end, count, alignment, on-time rule, shift factors, notice, follow-up duties and quotas), to change a few and
    /// build a new schedule: <c>schedule.ToBuilder().Build()</c> plans the same occurrences, windows, notices, follow-up
    /// deadlines and quotas as this schedule.
    /// </summary>
    /// <returns>A new builder; calendars are shared by reference (they are immutable), not copied.</returns>
    public InspectionScheduleBuilder ToBuilder()
    {
        var builder = new InspectionScheduleBuilder(AnchorEvent)
        {
            IncludeAnchor = IncludesAnchor,
            MonthEnd = MonthEnd,
            OnTimeRule = OnTimeRule,
            ShiftFactors = ShiftFactors,
            Notice = Notice,
        };
        foreach (var phase in Phases)
        {
            builder.AddPhase(phase.Step, phase.Length, phase.Origin);
        }

        if (Once is { } once)
        {
            builder.Once(once);
        }

        if (Until is { } until)
        {
            builder.Until(until);
        }

        if (UntilDate is { } untilDate)
        {
            builder.UntilDate(untilDate);
        }

        if (Count is { } count)
        {
            builder.LimitCount(count);
        }

        builder.AlignTo(Alignment.Calendar, Alignment.Move, Alignment.Period, Alignment.CalendarName);
        foreach (var duty in FollowUps)
        {
            builder.AddFollowUp(duty.Name, duty.Within, duty.Calendar, duty.Origin, duty.CalendarName);
        }

        foreach (var quota in Quotas)
        {
            builder.AddQuota(quota.AtLeast, quota.Per, quota.From, quota.For, quota.Origin);
        }

        return builder;
    }

    /// <summary>The plan of this schedule for a contract whose anchor event happened on <paramref name="anchor"/>.</summary>
    /// <param name="anchor">The date of the anchor event.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException"><paramref name="anchor"/> is not an ISO date or lies outside years 1-9998.</exception>
    public SchedulePlan Anchor(LocalDate anchor) => new(this, SchedulePlan.CheckDate(anchor, nameof(anchor)), null);

    /// <summary>
    /// The plan for a contract anchored on <paramref name="anchor"/>, with occurrences only inside
    /// <paramref name="within"/>: a warranty period or a service contract's term, which bounds the schedule on top of
    /// its own bounds.
    /// </summary>
    /// <param name="anchor">The date of the anchor event.</param>
    /// <param name="within">The days on which occurrences may fall (nominal dates), both ends included.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="within"/> is null.</exception>
    /// <exception cref="ArgumentException">A date is not an ISO date or lies outside years 1-9998.</exception>
    public SchedulePlan Anchor(LocalDate anchor, DateInterval within)
    {
        Preconditions.CheckNotNull(within, nameof(within));
        SchedulePlan.CheckDate(within.Start, nameof(within));
        SchedulePlan.CheckDate(within.End, nameof(within));
        return new(this, SchedulePlan.CheckDate(anchor, nameof(anchor)), within);
    }

    /// <summary>The plan for a contract whose events happened on <paramref name="events"/>; the schedule's <see cref="AnchorEvent"/> must be among them.</summary>
    /// <param name="events">Contract events by name, for example <c>acceptance</c> → 2024-03-20.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentException">The anchor event is missing, or its date is not an ISO date in years 1-9998.</exception>
    public SchedulePlan Anchor(IReadOnlyDictionary<string, LocalDate> events)
    {
        Preconditions.CheckNotNull(events, nameof(events));
        if (!events.TryGetValue(AnchorEvent, out var date))
        {
            Preconditions.ThrowArgument(nameof(events), $"The schedule is anchored on the event \"{AnchorEvent}\", which the events given do not name (they name: {(events.Count == 0 ? "none" : string.Join(", ", events.Keys))}).");
        }

        return Anchor(date);
    }

    /// <summary>
    /// Groups members (equipment, support visits) by the period of <paramref name="per"/> their date falls in, and
    /// anchors this schedule on the last day of each group's period: "every month, a phone check-in for the equipment
    /// commissioned that month".
    /// </summary>
    /// <param name="members">Each member's name and the date of its event (commissioning, acceptance, support given).</param>
    /// <param name="per">Calendar periods (contract periods have no anchor to count from here).</param>
    /// <returns>One cohort per period with at least one member, in order of period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="members"/> or a member's name is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="per"/> is a contract grid, or a date is not an ISO date in years 1-9998.</exception>
    public IReadOnlyList<Cohort> Cohorts(IEnumerable<KeyValuePair<string, LocalDate>> members, PeriodGrid per)
    {
        Preconditions.CheckNotNull(members, nameof(members));
        if (per.IsContract)
        {
            Preconditions.ThrowArgument(nameof(per), $"Cohorts are grouped by calendar periods; {per} are counted from an anchor, which a cohort does not have yet.");
        }

        var groups = new SortedDictionary<LocalDate, (LocalDate End, List<string> Names)>();
        foreach (var (name, date) in members)
        {
            Preconditions.CheckNotNull(name, nameof(members));
            var (start, end) = per.Locate(SchedulePlan.CheckDate(date, nameof(members)), date);
            if (!groups.TryGetValue(start, out var group))
            {
                group = (end, []);
                groups.Add(start, group);
            }

            group.Names.Add(name);
        }

        return groups.Select(g => new Cohort(new DateInterval(g.Key, g.Value.End), g.Value.Names.AsReadOnly(), Anchor(g.Value.End))).ToList().AsReadOnly();
    }
}
