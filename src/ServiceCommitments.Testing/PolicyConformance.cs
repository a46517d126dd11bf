using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;

namespace ServiceCommitments.Testing;

/// <summary>
/// Conformance files of kind <c>policy</c>: the file's <c>calendars</c> and a policy document, and cases of the
/// operations <c>evaluate</c> (the default) and <c>compliance</c>. Error names: <c>argument</c> and <c>unknownYear</c>.
/// </summary>
internal sealed class PolicyConformance : ConformanceKind
{
    internal static readonly PolicyConformance Instance = new();

    private static readonly IReadOnlyDictionary<string, ConformanceOperation> Table = OperationTable(
        new("evaluate", Evaluate, EvaluationExpectation.Read),
        new("compliance", Compliance, ComplianceExpectation.Read));

    internal override string SubjectKey => "policy";

    internal override IReadOnlyList<string> FileProperties => ["calendars"];

    internal override string? DefaultOperation => "evaluate";

    internal override IReadOnlyDictionary<string, ConformanceOperation> Operations => Table;

    internal override object? ReadSubject(ObjectReader file, DocNode subject, DocumentContext context)
    {
        NamedCalendarsReader.Read(file.Optional("calendars"), context);
        return PolicyReader.Read(subject, context);
    }

    internal override DateTimeZone DisplayZone(object? subject, DocumentContext context) => ZoneOf(subject as ServicePolicy, context);

    private static DateTimeZone ZoneOf(ServicePolicy? policy, DocumentContext context)
    {
        var calendar = policy?.Rows.Select(r => r.Calendar).FirstOrDefault(c => c is not null)
            ?? context.Calendars.Values.FirstOrDefault();
        return calendar?.Zone ?? DateTimeZone.Utc;
    }

    private static Func<object, object?>? Evaluate(CaseReader c)
    {
        var ticket = c.Node("ticket", "the ticket to evaluate") is { } node ? TicketReader.Read(node, c.Context) : null;
        var asOf = c.Instant("asOf");
        if (ticket is null)
        {
            return null;
        }

        return subject =>
        {
            var policy = (ServicePolicy)subject;
            return policy.Evaluate(ticket.Create(policy.Levels), asOf);
        };
    }

    private static Func<object, object?>? Compliance(CaseReader c)
    {
        var tickets = new List<TicketReader.TicketSpec>();
        if (c.Node("tickets", "an array of tickets") is { } node)
        {
            foreach (var item in c.Context.Array(node, "an array of tickets"))
            {
                if (TicketReader.Read(item, c.Context) is { } spec)
                {
                    tickets.Add(spec);
                }
            }
        }

        var asOf = c.Instant("asOf");
        var period = CompliancePeriod.Month;
        if (c.Node("period", "\"month\" or \"quarter\"") is { } periodNode && c.Context.TryString(periodNode, "\"month\" or \"quarter\"", out string text))
        {
            if (text is "quarter")
            {
                period = CompliancePeriod.Quarter;
            }
            else if (text is not "month")
            {
                c.Context.Invalid(periodNode, "expected a period, \"month\" or \"quarter\"");
            }
        }

        DateTimeZone? zone = null;
        if (c.Optional("zone") is { } zoneNode && c.Context.TryZone(zoneNode, out var z))
        {
            zone = z;
        }

        return subject =>
        {
            // docs/policies.md: the zone defaults to the policy's default calendar's zone, else UTC.
            var policy = (ServicePolicy)subject;
            return ComplianceReport.Create(policy, tickets.Select(t => t.Create(policy.Levels)), asOf, period, zone ?? policy.DefaultCalendarValue?.Zone ?? DateTimeZone.Utc);
        };
    }

    /// <summary>The expected evaluation: per milestone any of status, due, overdueBy, remaining, warnings, nextAlert.</summary>
    private sealed class EvaluationExpectation : Expectation
    {
        private readonly List<(string Milestone, MilestoneExpectation Expected)> milestones;
        private readonly DateTimeZone zone;

        private EvaluationExpectation(List<(string, MilestoneExpectation)> milestones, DateTimeZone zone)
        {
            this.milestones = milestones;
            this.zone = zone;
        }

        internal static Expectation? Read(DocNode node, CaseReader c)
        {
            if (c.Context.Object(node, "an object mapping milestones to { \"status\", \"due\", ... }") is not { } map)
            {
                return null;
            }

            var list = new List<(string, MilestoneExpectation)>();
            foreach (var property in node.Properties!)
            {
                map.Accept(property.Name);
                if (MilestoneExpectation.Read(property.Value, c.Context) is { } expected)
                {
                    list.Add((property.Name, expected));
                }
            }

            return new EvaluationExpectation(list, c.Zone);
        }

        internal override string Describe() => string.Join("; ", milestones.Select(m => $"{m.Milestone}: {m.Expected.Describe(zone)}"));

        internal override bool Check(object? actual, out string actualText)
        {
            if (actual is not TicketEvaluation evaluation)
            {
                actualText = actual?.ToString() ?? "nothing";
                return false;
            }

            bool passed = true;
            var text = new List<string>();
            foreach (var (name, expected) in milestones)
            {
                var found = evaluation.Milestones.FirstOrDefault(m => m.Milestone == name);
                passed &= expected.Matches(found);
                text.Add($"{name}: {MilestoneExpectation.DescribeActual(found, expected, zone)}");
            }

            actualText = string.Join("; ", text);
            return passed;
        }
    }

    private sealed class MilestoneExpectation
    {
        private MilestoneStatus? status;
        private (bool Given, Instant? Value) due;
        private Duration? overdueBy;
        private Duration? remaining;
        private Instant[]? warnings;
        private (bool Given, Instant? Value) nextAlert;

        internal static MilestoneExpectation? Read(DocNode node, DocumentContext context)
        {
            if (context.Object(node, "an object with any of \"status\", \"due\", \"overdueBy\", \"remaining\", \"warnings\", \"nextAlert\"") is not { } o)
            {
                return null;
            }

            var expected = new MilestoneExpectation();
            if (o.Optional("status") is { } s && context.TryString(s, "a status", out string text))
            {
                expected.status = text switch
                {
                    "met" => MilestoneStatus.Met,
                    "breached" => MilestoneStatus.Breached,
                    "pending" => MilestoneStatus.Pending,
                    "waiting" => MilestoneStatus.Waiting,
                    "notApplicable" => MilestoneStatus.NotApplicable,
                    _ => null,
                };
                if (expected.status is null)
                {
                    context.Invalid(s, "expected a status: met, breached, pending, waiting or notApplicable");
                }
            }

            expected.due = ReadOptionalInstant(o.Optional("due"), context);
            expected.nextAlert = ReadOptionalInstant(o.Optional("nextAlert"), context);
            if (o.Optional("overdueBy") is { } overdue && context.TryDuration(overdue, out var by))
            {
                expected.overdueBy = by;
            }

            if (o.Optional("remaining") is { } rem && context.TryDuration(rem, out var left))
            {
                expected.remaining = left;
            }

            if (o.Optional("warnings") is { } w)
            {
                var list = new List<Instant>();
                foreach (var item in context.Array(w, "an array of instants"))
                {
                    if (context.TryInstant(item, out var at))
                    {
                        list.Add(at);
                    }
                }

                expected.warnings = list.ToArray();
            }

            o.Finish("property of an expected milestone");
            return expected;
        }

        private static (bool, Instant?) ReadOptionalInstant(DocNode? node, DocumentContext context)
        {
            if (node is null)
            {
                return (false, null);
            }

            if (node.IsNull)
            {
                return (true, null);
            }

            return context.TryInstant(node, out var at) ? (true, at) : (false, null);
        }

        internal bool Matches(MilestoneEvaluation? actual)
        {
            var actualStatus = actual?.Status ?? MilestoneStatus.NotApplicable;
            return (status is null || status == actualStatus)
                && (!due.Given || due.Value == actual?.Due)
                && (!nextAlert.Given || nextAlert.Value == actual?.NextAlert)
                && (overdueBy is null || overdueBy == (actual?.Overdue ?? Duration.Zero))
                && (remaining is null || remaining == (actual?.Remaining ?? Duration.Zero))
                && (warnings is null || (actual is not null && warnings.SequenceEqual(actual.Warnings.Select(x => x.At))));
        }

        internal string Describe(DateTimeZone zone)
        {
            var parts = new List<string>();
            if (status is { } s)
            {
                parts.Add(Status(s));
            }

            if (due.Given)
            {
                parts.Add("due " + Show(due.Value, zone));
            }

            if (overdueBy is { } o)
            {
                parts.Add("overdue " + IsoText.FormatDuration(o));
            }

            if (remaining is { } r)
            {
                parts.Add("remaining " + IsoText.FormatDuration(r));
            }

            if (warnings is { } w)
            {
                parts.Add("warnings [" + string.Join(", ", w.Select(x => Show(x, zone))) + "]");
            }

            if (nextAlert.Given)
            {
                parts.Add("next alert " + Show(nextAlert.Value, zone));
            }

            return string.Join(", ", parts);
        }

        internal static string DescribeActual(MilestoneEvaluation? actual, MilestoneExpectation expected, DateTimeZone zone)
        {
            if (actual is null)
            {
                return "notApplicable (the policy has no such milestone)";
            }

            var parts = new List<string> { Status(actual.Status), "due " + Show(actual.Due, zone) };
            if (expected.overdueBy is not null || actual.Overdue > Duration.Zero)
            {
                parts.Add("overdue " + IsoText.FormatDuration(actual.Overdue));
            }

            if (expected.remaining is not null)
            {
                parts.Add("remaining " + IsoText.FormatDuration(actual.Remaining));
            }

            if (expected.warnings is not null)
            {
                parts.Add("warnings [" + string.Join(", ", actual.Warnings.Select(x => Show(x.At, zone))) + "]");
            }

            if (expected.nextAlert.Given)
            {
                parts.Add("next alert " + Show(actual.NextAlert, zone));
            }

            if (actual.Event is { } e)
            {
                parts.Add("event " + Show(e, zone));
            }

            return string.Join(", ", parts);
        }

        private static string Show(Instant? instant, DateTimeZone zone) => instant is { } i ? IsoText.FormatInstant(i, zone) : "none";

        internal static string Status(MilestoneStatus status) => status switch
        {
            MilestoneStatus.Met => "met",
            MilestoneStatus.Breached => "breached",
            MilestoneStatus.Pending => "pending",
            MilestoneStatus.Waiting => "waiting",
            _ => "notApplicable",
        };
    }

    /// <summary>The expected compliance rows, each found by level, milestone and period, with any of its counts and times.</summary>
    private sealed class ComplianceExpectation : Expectation
    {
        private readonly List<Row> rows;

        private ComplianceExpectation(List<Row> rows) => this.rows = rows;

        internal static Expectation? Read(DocNode node, CaseReader c)
        {
            var context = c.Context;
            var rows = new List<Row>();
            foreach (var item in context.Array(node, "an array of compliance rows"))
            {
                if (context.Object(item, "a row with \"level\", \"milestone\" and \"period\"") is not { } o)
                {
                    continue;
                }

                int level = o.Required("level", "the fault level") is { } l && context.TryInt(l, "a level", out int n) ? n : 0;
                string milestone = o.Required("milestone", "the milestone") is { } m && context.TryString(m, "a milestone", out string ms) ? ms : "";
                string period = o.Required("period", "the period, such as 2024-06 or 2024-Q2") is { } p && context.TryString(p, "a period", out string ps) ? ps : "";
                var row = new Row(level, milestone, period);
                foreach (string count in new[] { "count", "met", "breached", "pending", "waiting" })
                {
                    if (o.Optional(count) is { } countNode && context.TryInt(countNode, count, out int value))
                    {
                        row.Counts[count] = value;
                    }
                }

                if (o.Optional("shareMet") is { } share)
                {
                    row.ShareGiven = true;
                    if (!share.IsNull && context.TryDecimal(share, "a share", out decimal s))
                    {
                        row.Share = (double)s;
                    }
                }

                row.Median = ReadOptionalDuration(o.Optional("median"), context);
                row.P90 = ReadOptionalDuration(o.Optional("p90"), context);
                o.Finish("property of a compliance row");
                rows.Add(row);
            }

            return new ComplianceExpectation(rows);
        }

        private static (bool, Duration?) ReadOptionalDuration(DocNode? node, DocumentContext context)
        {
            if (node is null)
            {
                return (false, null);
            }

            return node.IsNull ? (true, null) : context.TryDuration(node, out var d) ? (true, d) : (false, null);
        }

        internal override string Describe() => string.Join("; ", rows.Select(r => r.ToString()));

        internal override bool Check(object? actual, out string actualText)
        {
            if (actual is not ComplianceReport report)
            {
                actualText = actual?.ToString() ?? "nothing";
                return false;
            }

            bool passed = true;
            var text = new List<string>();
            foreach (var row in rows)
            {
                var found = report.Find(row.Level, row.Milestone, row.Period);
                passed &= row.Matches(found);
                text.Add(found?.ToString() ?? $"{row.Period} level {row.Level} {row.Milestone}: no row");
            }

            actualText = string.Join("; ", text);
            return passed;
        }

        private sealed class Row(int level, string milestone, string period)
        {
            internal int Level => level;

            internal string Milestone => milestone;

            internal string Period => period;

            internal Dictionary<string, int> Counts { get; } = [];

            internal bool ShareGiven { get; set; }

            internal double? Share { get; set; }

            internal (bool Given, Duration? Value) Median { get; set; }

            internal (bool Given, Duration? Value) P90 { get; set; }

            internal bool Matches(ComplianceRow? actual)
            {
                if (actual is null)
                {
                    return Counts.Values.All(v => v == 0) && (!ShareGiven || Share is null);
                }

                foreach (var (name, value) in Counts)
                {
                    int found = name switch
                    {
                        "count" => actual.Count,
                        "met" => actual.Met,
                        "breached" => actual.Breached,
                        "pending" => actual.Pending,
                        _ => actual.Waiting,
                    };
                    if (found != value)
                    {
                        return false;
                    }
                }

                bool shareOk = !ShareGiven || (Share is null ? actual.ShareMet is null : actual.ShareMet is { } s && Math.Abs(s - Share.Value) < 1e-6);
                return shareOk && (!Median.Given || Median.Value == actual.Median) && (!P90.Given || P90.Value == actual.Percentile90);
            }

            public override string ToString()
            {
                var text = new StringBuilder($"{period} level {level.ToString(CultureInfo.InvariantCulture)} {milestone}:");
                foreach (var (name, value) in Counts)
                {
                    text.Append(' ').Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture));
                }

                if (ShareGiven)
                {
                    text.Append(" shareMet ").Append(Share?.ToString("0.####", CultureInfo.InvariantCulture) ?? "null");
                }

                if (Median.Given)
                {
                    text.Append(" median ").Append(Median.Value is { } m ? IsoText.FormatDuration(m) : "null");
                }

                if (P90.Given)
                {
                    text.Append(" p90 ").Append(P90.Value is { } p ? IsoText.FormatDuration(p) : "null");
                }

                return text.ToString();
            }
        }
    }
}
