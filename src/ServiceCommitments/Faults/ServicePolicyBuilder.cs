using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

/// <summary>Builds a <see cref="ServicePolicy"/>: fault levels, named calendars, and the rows of the fault-level table.</summary>
/// <remarks>
/// <para>The methods reject only null arguments. <see cref="Build"/> checks every rule once and throws one
/// <see cref="ValidationException"/> listing every problem: a row whose calendar is unknown or missing, a row counting
/// from a milestone no row defines, a cycle between milestones, two rows that could both match one ticket, a level the
/// policy does not have.</para>
/// <para>A builder is mutable and not thread-safe; <see cref="Build"/> takes a snapshot.</para>
/// </remarks>
[Mutable]
public sealed class ServicePolicyBuilder
{
    private readonly Dictionary<string, (BusinessCalendar Calendar, FieldRef Field)> calendars = new(StringComparer.Ordinal);
    private readonly List<PolicyRow> rows = [];
    private readonly List<string> declared = [];
    private FaultLevels levels = FaultLevels.Standard;
    private string? defaultCalendar;
    private FieldRef defaultCalendarField = FieldRef.Named("default calendar");

    /// <summary>How many pairs of rows the last <see cref="Build"/> compared when looking for rows that could both apply: for tests, to show the check is not quadratic.</summary>
    internal long AmbiguityComparisons { get; private set; }

    /// <summary>Whether only events the customer confirmed count (D2.21: a record without confirmation is no evidence). Default false.</summary>
    public bool ConfirmedEventsOnly { get; set; }

    /// <summary>How a change of level affects the targets. Default <see cref="LevelChangeRule.Retroactive"/>.</summary>
    public LevelChangeRule LevelChange { get; set; }

    /// <summary>Sets the fault levels (default <see cref="FaultLevels.Standard"/>).</summary>
    /// <param name="levels">The levels.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> is null.</exception>
    public ServicePolicyBuilder SetLevels(FaultLevels levels)
    {
        this.levels = Preconditions.CheckNotNull(levels, nameof(levels));
        return this;
    }

    /// <summary>Names a calendar that rows may count on (<see cref="PolicyRow.OnCalendar(string)"/>); a second calendar with the same name replaces the first.</summary>
    /// <param name="name">The name, for example <c>office</c>.</param>
    /// <param name="calendar">The calendar.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ServicePolicyBuilder AddCalendar(string name, BusinessCalendar calendar) =>
        AddNamedCalendar(Preconditions.CheckNotNull(name, nameof(name)), Preconditions.CheckNotNull(calendar, nameof(calendar)), FieldRef.Named($"calendar '{name}'"));

    internal ServicePolicyBuilder AddNamedCalendar(string name, BusinessCalendar calendar, FieldRef field)
    {
        calendars[name] = (calendar, field);
        return this;
    }

    /// <summary>Names the calendar for rows that need one (working time, working days, calendar days, periods, a cut-off) and name none.</summary>
    /// <param name="name">A name given to <see cref="AddCalendar"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public ServicePolicyBuilder SetDefaultCalendar(string name)
    {
        defaultCalendar = Preconditions.CheckNotNull(name, nameof(name));
        defaultCalendarField = FieldRef.Named("default calendar");
        return this;
    }

    internal ServicePolicyBuilder SetDefaultCalendar(string name, FieldRef field)
    {
        defaultCalendar = name;
        defaultCalendarField = field;
        return this;
    }

    /// <summary>
    /// Declares a milestone that has events but no target of its own, so that rows may count from it: "a fault detection
    /// report within 8 hours of confirming a hardware fault" counts from <c>hardwareConfirmed</c>. A row counting from a
    /// milestone that is neither declared nor set by a row is an error, so a misspelt name is never silently waiting.
    /// </summary>
    /// <param name="milestone">The milestone's name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="milestone"/> is null, empty, <c>reported</c> or holds a '.'.</exception>
    public ServicePolicyBuilder DeclareMilestone(string milestone)
    {
        _ = PolicyRow.For(milestone, default);
        if (!declared.Contains(milestone))
        {
            declared.Add(milestone);
        }

        return this;
    }

    /// <summary>Adds a row of the table.</summary>
    /// <param name="row">The row.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public ServicePolicyBuilder AddRow(PolicyRow row)
    {
        rows.Add(Preconditions.CheckNotNull(row, nameof(row)));
        return this;
    }

    /// <summary>Adds rows of the table.</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or one of them is null.</exception>
    public ServicePolicyBuilder AddRows(params PolicyRow[] rows)
    {
        foreach (var row in Preconditions.CheckNotNull(rows, nameof(rows)))
        {
            AddRow(row);
        }

        return this;
    }

    /// <summary>Builds the policy, checking every rule once.</summary>
    /// <returns>An immutable, thread-safe policy.</returns>
    /// <exception cref="ValidationException">The policy breaks a rule; every problem is listed.</exception>
    public ServicePolicy Build()
    {
        var sink = new ProblemSink();
        return TryBuild(sink) ?? throw new ValidationException("service policy", sink);
    }

    internal ServicePolicy? TryBuild(ProblemSink sink)
    {
        int before = sink.Count;
        BusinessCalendar? fallback = null;
        if (defaultCalendar is not null && !calendars.TryGetValue(defaultCalendar, out var found))
        {
            sink.Add(defaultCalendarField, ProblemSink.Quote(defaultCalendar), $"expected the name of a policy calendar: {Known()}");
        }
        else if (defaultCalendar is not null)
        {
            fallback = calendars[defaultCalendar].Calendar;
        }

        var resolved = new List<(PolicyRow Row, BusinessCalendar? Calendar)>(rows.Count);
        foreach (var row in rows)
        {
            var calendar = ResolveCalendar(row, fallback, sink);

            // A row named its calendar: the built policy's row holds the calendar too, and keeps the name.
            resolved.Add((row.Calendar is null && row.CalendarName is not null && calendar is not null ? row.WithResolvedCalendar(calendar) : row, calendar));
            foreach (int level in row.LevelArray)
            {
                if (!levels.Contains(level))
                {
                    sink.Add(row.Origin, level.ToString(CultureInfo.InvariantCulture), $"expected a level of the policy, 1 to {levels.Count}");
                }
            }
        }

        var defined = new HashSet<string>(rows.Select(t => t.Milestone).Concat(declared), StringComparer.Ordinal);
        foreach (var row in rows)
        {
            CheckReference(row, row.FromMilestone, "counts from", defined, sink);
            CheckReference(row, row.IfBreached, "depends on the breach of", defined, sink);
        }

        var order = TopologicalOrder(sink);
        CheckAmbiguity(sink);
        if (sink.Count > before || order is null)
        {
            return null;
        }

        var named = calendars.ToDictionary(p => p.Key, p => p.Value.Calendar, StringComparer.Ordinal);
        return new ServicePolicy(levels, named, resolved, order, ConfirmedEventsOnly, LevelChange, defaultCalendar, fallback);
    }

    private BusinessCalendar? ResolveCalendar(PolicyRow row, BusinessCalendar? fallback, ProblemSink sink)
    {
        if (row.Calendar is not null)
        {
            return row.Calendar;
        }

        if (row.CalendarName is not null)
        {
            if (calendars.TryGetValue(row.CalendarName, out var named))
            {
                return named.Calendar;
            }

            sink.Add(row.CalendarField, ProblemSink.Quote(row.CalendarName), $"expected the name of a policy calendar: {Known()}");
            return null;
        }

        if (fallback is null && row.Target.NeedsCalendar)
        {
            sink.Add(row.Origin, row.Target.ToString(), "this target needs a calendar; name one on the row or give the policy a default calendar");
        }

        return fallback;
    }

    private string Known() => calendars.Count == 0 ? "(the policy has none)" : ProblemSink.List(calendars.Keys);

    private static void CheckReference(PolicyRow row, string? milestone, string verb, HashSet<string> defined, ProblemSink sink)
    {
        if (milestone is not null && !defined.Contains(milestone))
        {
            sink.Add(row.Origin, ProblemSink.Quote(milestone), $"the row {verb} a milestone the policy neither sets a target for nor declares; expected one of: {ProblemSink.List(defined)} (declare an event-only milestone with \"milestones\")");
        }
    }

    /// <summary>The milestones in an order where every milestone comes after those it depends on; null (with the cycle reported) when there is a cycle.</summary>
    private List<string>? TopologicalOrder(ProblemSink sink)
    {
        var milestones = rows.Select(t => t.Milestone).Concat(declared).Distinct(StringComparer.Ordinal).ToList();
        var dependsOn = milestones.ToDictionary(m => m, _ => new List<(string On, PolicyRow Row)>(), StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (string? on in new[] { row.FromMilestone, row.IfBreached })
            {
                if (on is not null && dependsOn.ContainsKey(on))
                {
                    dependsOn[row.Milestone].Add((on, row));
                }
            }
        }

        var order = new List<string>(milestones.Count);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var path = new List<string>();
        foreach (string milestone in milestones)
        {
            if (!Visit(milestone))
            {
                return null;
            }
        }

        return order;

        bool Visit(string m)
        {
            state.TryGetValue(m, out int s);
            if (s == 2)
            {
                return true;
            }

            if (s == 1)
            {
                int start = path.IndexOf(m);
                var cycle = path.Skip(start).Append(m).ToList();
                var row = dependsOn[path[^1]].First(d => d.On == m).Row;
                sink.Add(row.Origin, string.Join(" → ", cycle), "milestones must not count from each other in a cycle; one of them must count from the report");
                return false;
            }

            state[m] = 1;
            path.Add(m);
            foreach (var (on, _) in dependsOn[m])
            {
                if (!Visit(on))
                {
                    return false;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[m] = 2;
            order.Add(m);
            return true;
        }
    }

    /// <summary>Reports pairs of rows for one milestone that could both match one ticket and name as many attributes (the one naming more wins).</summary>
    /// <remarks>
    /// Only rows of one milestone naming as many attributes can clash, and within such a group an index by level and by
    /// attribute value gives each row the earlier rows that could clash with it: a table of thousands of rows that tell
    /// themselves apart by level or by 'where' is checked in near-linear time, not pair by pair (issue 14: 4,000 rows
    /// took more than 20 s). Problems are reported as the pairwise check reported them: by row, then by earlier row.
    /// </remarks>
    private void CheckAmbiguity(ProblemSink sink)
    {
        AmbiguityComparisons = 0;
        var groups = new Dictionary<(string Milestone, int Attributes), RowIndex>();
        var candidates = new List<int>();
        for (int i = 0; i < rows.Count; i++)
        {
            var b = rows[i];
            if (!groups.TryGetValue((b.Milestone, b.Where.Count), out var index))
            {
                groups.Add((b.Milestone, b.Where.Count), index = new RowIndex());
            }

            index.Candidates(b, candidates);
            candidates.Sort();
            int previous = -1;
            foreach (int j in candidates)
            {
                if (j == previous)
                {
                    continue;
                }

                previous = j;
                AmbiguityComparisons++;
                var a = rows[j];
                if (!LevelsOverlap(a, b) || Contradict(a, b))
                {
                    continue;
                }

                if (sink.IsFull)
                {
                    sink.AddUnlisted();
                    continue;
                }

                sink.Add(
                    b.Origin,
                    b.ToString(),
                    $"this row and {a.Origin.Text} ({ProblemSink.Cut(a.ToString(), 60)}) could both apply to one ticket and neither names more 'where' attributes; give them different levels or a 'where' that tells them apart");
            }

            index.Add(i, b);
        }
    }

    private static bool LevelsOverlap(PolicyRow a, PolicyRow b)
    {
        if (a.LevelArray.Length == 0 || b.LevelArray.Length == 0)
        {
            return true;
        }

        foreach (int level in a.LevelArray)
        {
            if (Array.IndexOf(b.LevelArray, level) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether no ticket can match both: some attribute both name has no value in common.</summary>
    private static bool Contradict(PolicyRow a, PolicyRow b)
    {
        foreach (var (name, values) in a.Where)
        {
            if (b.Where.TryGetValue(name, out var other) && !values.Any(other.Contains))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The rows so far of one milestone that name one number of attributes, indexed so that a new row finds the rows
    /// that could clash with it: those sharing a level (or naming none), and, for each attribute, those sharing a value
    /// of it or not naming it. Of these sources the smallest is taken; every candidate is then checked in full.
    /// </summary>
    private sealed class RowIndex
    {
        private readonly List<int> all = [];
        private readonly List<int> anyLevel = [];
        private readonly Dictionary<int, List<int>> byLevel = [];
        private readonly Dictionary<string, Attribute> byAttribute = new(StringComparer.Ordinal);

        /// <summary>Puts into <paramref name="into"/> (cleared first) the rows that could clash with <paramref name="row"/>, possibly more than once each, unsorted.</summary>
        internal void Candidates(PolicyRow row, List<int> into)
        {
            into.Clear();
            long best = all.Count;
            Action? fill = null;
            if (row.LevelArray.Length > 0)
            {
                long size = anyLevel.Count;
                foreach (int level in row.LevelArray)
                {
                    size += byLevel.TryGetValue(level, out var rows) ? rows.Count : 0;
                }

                if (size < best)
                {
                    best = size;
                    fill = () =>
                    {
                        into.AddRange(anyLevel);
                        foreach (int level in row.LevelArray)
                        {
                            if (byLevel.TryGetValue(level, out var rows))
                            {
                                into.AddRange(rows);
                            }
                        }
                    };
                }
            }

            foreach (var (name, values) in row.Where)
            {
                if (!byAttribute.TryGetValue(name, out var attribute))
                {
                    // No earlier row names it: every earlier row is a candidate, as with no index at all.
                    continue;
                }

                long size = attribute.NotNaming.Count;
                foreach (string value in values)
                {
                    size += attribute.ByValue.TryGetValue(value, out var rows) ? rows.Count : 0;
                }

                if (size < best)
                {
                    best = size;
                    fill = () =>
                    {
                        into.AddRange(attribute.NotNaming);
                        foreach (string value in values)
                        {
                            if (attribute.ByValue.TryGetValue(value, out var rows))
                            {
                                into.AddRange(rows);
                            }
                        }
                    };
                }
            }

            if (fill is null)
            {
                into.AddRange(all);
            }
            else
            {
                fill();
            }
        }

        internal void Add(int index, PolicyRow row)
        {
            if (row.LevelArray.Length == 0)
            {
                anyLevel.Add(index);
            }

            foreach (int level in row.LevelArray)
            {
                if (!byLevel.TryGetValue(level, out var rows))
                {
                    byLevel.Add(level, rows = []);
                }

                rows.Add(index);
            }

            foreach (var (name, attribute) in byAttribute)
            {
                if (!row.Where.ContainsKey(name))
                {
                    attribute.NotNaming.Add(index);
                }
            }

            foreach (var (name, values) in row.Where)
            {
                if (!byAttribute.TryGetValue(name, out var attribute))
                {
                    // The rows before this one do not name the attribute.
                    byAttribute.Add(name, attribute = new Attribute([.. all]));
                }

                foreach (string value in values)
                {
                    if (!attribute.ByValue.TryGetValue(value, out var rows))
                    {
                        attribute.ByValue.Add(value, rows = []);
                    }

                    rows.Add(index);
                }
            }

            all.Add(index);
        }

        private sealed class Attribute(List<int> notNaming)
        {
            internal List<int> NotNaming { get; } = notNaming;

            internal Dictionary<string, List<int>> ByValue { get; } = new(StringComparer.Ordinal);
        }
    }
}
