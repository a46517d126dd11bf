using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Faults;

/// <summary>
/// One row of a fault-level table: the target of a milestone for some levels, perhaps only where ticket attributes
/// match ("on site within 2 hours, levels 1-2, in Beijing"), on a calendar, counted from the report or another
/// milestone, with warnings.
/// </summary>
/// <remarks>
/// Built with <see cref="For"/> and the <c>With...</c>-style methods, each of which returns a new row; the rules
/// between rows (calendars that exist, milestones that exist, no cycle, no two rows matching one ticket) are checked
/// by <see cref="ServicePolicyBuilder.Build"/>. Instances are immutable and thread-safe.
/// </remarks>
[Immutable]
public sealed class PolicyRow
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Anywhere =
        new ReadOnlyDictionary<string, IReadOnlyList<string>>(new Dictionary<string, IReadOnlyList<string>>());

    private readonly string[] whereNames;
    private readonly string[][] whereValues;

    private PolicyRow(
        string milestone, ServiceTarget target, int[] levels, IReadOnlyDictionary<string, IReadOnlyList<string>> where, string? calendarName,
        BusinessCalendar? calendar, string? fromMilestone, bool fromDue, string? ifBreached, bool ignorePauses, TargetWarning[] warnings, FieldMap fields)
    {
        Milestone = milestone;
        Target = target;
        LevelArray = levels;
        Levels = Array.AsReadOnly(levels);
        Where = where;
        CalendarName = calendarName;
        Calendar = calendar;
        FromMilestone = fromMilestone;
        FromDue = fromDue;
        IfBreached = ifBreached;
        IgnorePauses = ignorePauses;
        WarningArray = warnings;
        Warnings = Array.AsReadOnly(warnings);
        Fields = fields;

        // Matches runs for every ticket: enumerating the read-only dictionary there would box an enumerator each time.
        whereNames = new string[where.Count];
        whereValues = new string[where.Count][];
        int i = 0;
        foreach (var (name, values) in where)
        {
            whereNames[i] = name;
            whereValues[i++] = values.ToArray();
        }
    }

    /// <summary>The milestone this row sets a target for.</summary>
    public string Milestone { get; }

    /// <summary>The "within N".</summary>
    public ServiceTarget Target { get; }

    /// <summary>The fault levels the row applies to; empty for every level.</summary>
    public IReadOnlyList<int> Levels { get; }

    /// <summary>The attributes a ticket must have for the row to apply, each with the values that match; empty for every ticket.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Where { get; }

    /// <summary>The name of the policy calendar the row counts on, or null (see <see cref="Calendar"/>).</summary>
    public string? CalendarName { get; }

    /// <summary>The calendar given directly, or null; a built policy resolves <see cref="CalendarName"/> or its default calendar.</summary>
    public BusinessCalendar? Calendar { get; }

    /// <summary>Where the clock starts: <c>reported</c>, a milestone (its event) or <c>milestone.due</c> (its deadline).</summary>
    public string From => FromMilestone is null ? Milestones.Reported : FromDue ? FromMilestone + ".due" : FromMilestone;

    /// <summary>The milestone the clock counts from, or null when it counts from the report.</summary>
    public string? FromMilestone { get; }

    /// <summary>Whether the clock counts from <see cref="FromMilestone"/>'s deadline rather than its event.</summary>
    public bool FromDue { get; }

    /// <summary>The milestone whose breach makes this row apply (D2.10: "not solved within 28 h → a replacement"), or null.</summary>
    public string? IfBreached { get; }

    /// <summary>Whether pauses leave this row's clock running.</summary>
    public bool IgnorePauses { get; }

    /// <summary>The row's warning thresholds.</summary>
    public IReadOnlyList<TargetWarning> Warnings { get; }

    internal int[] LevelArray { get; }

    internal TargetWarning[] WarningArray { get; }

    /// <summary>Where the row and its properties came from (document paths), for problems found when the policy is built.</summary>
    internal FieldMap Fields { get; }

    /// <summary>Where the row came from.</summary>
    internal FieldRef Origin => Fields.Origin;

    /// <summary>Where the row named its calendar: the document's <c>calendar</c>, or the row itself.</summary>
    internal FieldRef CalendarField => Fields.Get("calendar");

    /// <summary>A row: <paramref name="milestone"/> within <paramref name="target"/>, for every level and ticket, counted from the report.</summary>
    /// <param name="milestone">The milestone, a built-in name (<see cref="Milestones"/>) or any other.</param>
    /// <param name="target">The target.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentException"><paramref name="milestone"/> is null, empty or <c>reported</c>, or holds a '.'.</exception>
    public static PolicyRow For(string milestone, ServiceTarget target)
    {
        CheckMilestone(milestone, nameof(milestone));
        return new PolicyRow(milestone, target, [], Anywhere, null, null, null, false, null, false, [], new FieldMap(FieldRef.Named($"target of {milestone}")));
    }

    /// <summary>Returns the row for these levels only.</summary>
    /// <param name="levels">Level numbers, 1 or more; none means every level.</param>
    /// <returns>The new row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A level is below 1 or above 64.</exception>
    public PolicyRow ForLevels(params int[] levels)
    {
        Preconditions.CheckNotNull(levels, nameof(levels));
        foreach (int level in levels)
        {
            if (level < 1 || level > FaultLevels.MaxLevel)
            {
                Preconditions.ThrowArgumentOutOfRange(nameof(levels), level, $"levels from 1 to {FaultLevels.MaxLevel}");
            }
        }

        return With(levels: levels.Distinct().Order().ToArray());
    }

    /// <summary>Returns the row for tickets whose attribute <paramref name="name"/> is one of <paramref name="values"/> (a region, a distance band, a channel).</summary>
    /// <param name="name">The attribute's name.</param>
    /// <param name="values">The values that match; at least one.</param>
    /// <returns>The new row.</returns>
    /// <exception cref="ArgumentException">The name is empty, no value is given, or a value is null.</exception>
    public PolicyRow WhereAttribute(string name, params string[] values)
    {
        if (string.IsNullOrEmpty(name))
        {
            Preconditions.ThrowArgument(nameof(name), "An attribute needs a name.");
        }

        if (values is null || values.Length == 0 || values.Any(v => v is null))
        {
            Preconditions.ThrowArgument(nameof(values), $"The attribute '{name}' needs at least one value, none null.");
        }

        var where = new Dictionary<string, IReadOnlyList<string>>(Where, StringComparer.Ordinal) { [name] = Array.AsReadOnly((string[])values.Clone()) };
        return With(where: new ReadOnlyDictionary<string, IReadOnlyList<string>>(where));
    }

    /// <summary>Returns the row counted on the policy calendar named <paramref name="name"/>.</summary>
    /// <param name="name">A name given to <see cref="ServicePolicyBuilder.AddCalendar"/>.</param>
    /// <returns>The new row.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public PolicyRow OnCalendar(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            Preconditions.ThrowArgument(nameof(name), "A calendar name must not be empty.");
        }

        return With(calendarName: name, calendar: null, setCalendar: true);
    }

    /// <summary>Returns the row counted on <paramref name="calendar"/>.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The new row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public PolicyRow OnCalendar(BusinessCalendar calendar) =>
        With(calendarName: null, calendar: Preconditions.CheckNotNull(calendar, nameof(calendar)), setCalendar: true);

    /// <summary>Returns the row counted from <paramref name="milestone"/>'s event ("restored within 2 hours after arrival"); <c>reported</c> for the report.</summary>
    /// <param name="milestone">A milestone, or <c>reported</c>.</param>
    /// <returns>The new row.</returns>
    /// <exception cref="ArgumentException"><paramref name="milestone"/> is null, empty or holds a '.'.</exception>
    public PolicyRow CountingFrom(string milestone)
    {
        if (milestone == Milestones.Reported)
        {
            return With(fromMilestone: null, fromDue: false, setFrom: true);
        }

        CheckMilestone(milestone, nameof(milestone));
        return With(fromMilestone: milestone, fromDue: false, setFrom: true);
    }

    /// <summary>Returns the row counted from <paramref name="milestone"/>'s deadline.</summary>
    /// <param name="milestone">A milestone.</param>
    /// <returns>The new row.</returns>
    /// <exception cref="ArgumentException"><paramref name="milestone"/> is null, empty, <c>reported</c> or holds a '.'.</exception>
    public PolicyRow CountingFromDueOf(string milestone)
    {
        CheckMilestone(milestone, nameof(milestone));
        return With(fromMilestone: milestone, fromDue: true, setFrom: true);
    }

    /// <summary>Returns the row applying only when <paramref name="milestone"/> is breached.</summary>
    /// <param name="milestone">A milestone.</param>
    /// <returns>The new row.</returns>
    /// <exception cref="ArgumentException"><paramref name="milestone"/> is null, empty, <c>reported</c> or holds a '.'.</exception>
    public PolicyRow OnlyIfBreached(string milestone)
    {
        CheckMilestone(milestone, nameof(milestone));
        return With(ifBreached: milestone, setIfBreached: true);
    }

    /// <summary>Returns the row with its clock running through pauses (or not).</summary>
    /// <param name="ignore">True to ignore pauses.</param>
    /// <returns>The new row.</returns>
    public PolicyRow IgnoringPauses(bool ignore = true) => With(ignorePauses: ignore);

    /// <summary>Returns the row with these warnings.</summary>
    /// <param name="warnings">The warnings.</param>
    /// <returns>The new row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="warnings"/> is null.</exception>
    public PolicyRow WithWarnings(params TargetWarning[] warnings) =>
        With(warnings: (TargetWarning[])Preconditions.CheckNotNull(warnings, nameof(warnings)).Clone());

    /// <summary>The row from a document: where it and its properties came from.</summary>
    internal PolicyRow WithFields(FieldMap fields) =>
        new(Milestone, Target, LevelArray, Where, CalendarName, Calendar, FromMilestone, FromDue, IfBreached, IgnorePauses, WarningArray, fields);

    /// <summary>The row counted on the calendar a document names, unchecked: the builder resolves the name, once, and reports an unknown or empty one.</summary>
    internal PolicyRow OnCalendarNamed(string name) => With(calendarName: name, setCalendar: true);

    /// <summary>The row with the calendar its name resolved to; the name is kept, for writing it back.</summary>
    internal PolicyRow WithResolvedCalendar(BusinessCalendar calendar) => With(calendarName: CalendarName, calendar: calendar, setCalendar: true);

    /// <summary>Describes the row: <c>onSite, levels 1-2, where region is Beijing: within 2 hours</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Milestone);
        if (LevelArray.Length > 0)
        {
            text.Append(LevelArray.Length == 1 ? ", level " : ", levels ").Append(string.Join(",", LevelArray.Select(l => l.ToString(CultureInfo.InvariantCulture))));
        }

        foreach (var (name, values) in Where)
        {
            text.Append(", where ").Append(name).Append(" is ").Append(string.Join(" or ", values));
        }

        if (IfBreached is not null)
        {
            text.Append(", if ").Append(IfBreached).Append(" is breached");
        }

        text.Append(": ").Append(Target);
        if (FromMilestone is not null)
        {
            text.Append(FromDue ? " after the deadline of " : " after ").Append(FromMilestone);
        }

        return text.ToString();
    }

    /// <summary>Whether the ticket has every attribute of <see cref="Where"/>, each with one of its values (the policy checks <see cref="Levels"/> before).</summary>
    internal bool MatchesWhere(Ticket ticket)
    {
        for (int i = 0; i < whereNames.Length; i++)
        {
            string? value = ticket.Attribute(whereNames[i]);
            if (value is null || Array.IndexOf(whereValues[i], value) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckMilestone(string milestone, string paramName)
    {
        if (string.IsNullOrEmpty(milestone) || milestone == Milestones.Reported || milestone.Contains('.', StringComparison.Ordinal))
        {
            Preconditions.ThrowArgument(paramName, $"\"{milestone}\" is not a milestone name: a name is not empty, not \"reported\" and has no '.'.");
        }
    }

    private PolicyRow With(
        int[]? levels = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? where = null, string? calendarName = null, BusinessCalendar? calendar = null,
        bool setCalendar = false, string? fromMilestone = null, bool fromDue = false, bool setFrom = false, string? ifBreached = null, bool setIfBreached = false,
        bool? ignorePauses = null, TargetWarning[]? warnings = null) =>
        new(
            Milestone,
            Target,
            levels ?? LevelArray,
            where ?? Where,
            setCalendar ? calendarName : CalendarName,
            setCalendar ? calendar : Calendar,
            setFrom ? fromMilestone : FromMilestone,
            setFrom ? fromDue : FromDue,
            setIfBreached ? ifBreached : IfBreached,
            ignorePauses ?? IgnorePauses,
            warnings ?? WarningArray,
            Fields);
}
