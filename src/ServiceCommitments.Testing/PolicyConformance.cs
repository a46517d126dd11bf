using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>An evaluation: per milestone any of status, due, overdueBy, remaining, warnings, nextAlert.</summary>
    private static readonly MapShape Evaluation = new("an object mapping milestones to { \"status\", \"due\", ... }", new RecordShape(
        "property of an expected milestone",
        Field.Of<MilestoneEvaluation>("status", m => m?.Status ?? MilestoneStatus.NotApplicable, Expect.Enum<MilestoneStatus>("a status")),
        Field.Of<MilestoneEvaluation>("due", m => m?.Due, Expect.Instant.OrNull()),
        Field.Of<MilestoneEvaluation>("overdueBy", m => m?.Overdue ?? Duration.Zero, Expect.Duration),
        Field.Of<MilestoneEvaluation>("remaining", m => m?.Remaining ?? Duration.Zero, Expect.Duration),
        Field.Of<MilestoneEvaluation>("warnings", m => m?.Warnings.Select(w => w.At).ToList(), new ListShape(Expect.Instant, ListMatch.InOrder)),
        Field.Of<MilestoneEvaluation>("nextAlert", m => m?.NextAlert, Expect.Instant.OrNull())), exact: false);

    /// <summary>Compliance rows, each found by level, milestone and period; a row the report lacks counts no tickets.</summary>
    private static readonly ListShape ComplianceRows = new(
        new RecordShape(
            "property of a compliance row",
            Field.Of<ComplianceRow>("level", r => r?.Level, Expect.Int, "the fault level"),
            Field.Of<ComplianceRow>("milestone", r => r?.Milestone, Expect.String, "the milestone"),
            Field.Of<ComplianceRow>("period", r => r?.Period, Expect.String, "the period, such as 2024-06 or 2024-Q2"),
            Field.Of<ComplianceRow>("count", r => r?.Count ?? 0, Expect.Int),
            Field.Of<ComplianceRow>("met", r => r?.Met ?? 0, Expect.Int),
            Field.Of<ComplianceRow>("breached", r => r?.Breached ?? 0, Expect.Int),
            Field.Of<ComplianceRow>("pending", r => r?.Pending ?? 0, Expect.Int),
            Field.Of<ComplianceRow>("waiting", r => r?.Waiting ?? 0, Expect.Int),
            Field.Of<ComplianceRow>("shareMet", r => r?.ShareMet, Expect.Number.ComparedBy((e, a) => e is decimal x ? a is double share && Math.Abs(share - (double)x) < 1e-6 : a is null).OrNull()),
            Field.Of<ComplianceRow>("median", r => r?.Median, Expect.Duration.OrNull()),
            Field.Of<ComplianceRow>("p90", r => r?.Percentile90, Expect.Duration.OrNull())),
        ListMatch.ByKey)
    {
        Keys = [("level", ListShape.AnyValue), ("milestone", ListShape.AnyValue), ("period", ListShape.AnyValue)],
        AbsentIsEmpty = true,
    };

    private static readonly IReadOnlyDictionary<string, ConformanceOperation> Table = OperationTable(
        new("evaluate", Evaluate, Evaluation),
        new("compliance", Compliance, ComplianceRows));

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
            return ByName(policy.Evaluate(ticket.Create(policy.Levels), asOf).Milestones);
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
            return ComplianceReport.Create(policy, tickets.Select(t => t.Create(policy.Levels)), asOf, period, zone ?? policy.DefaultCalendarValue?.Zone ?? DateTimeZone.Utc).Rows;
        };
    }

    /// <summary>The map of milestones by name: a milestone the answer lacks is compared as not applicable.</summary>
    private static Dictionary<string, MilestoneEvaluation> ByName(IEnumerable<MilestoneEvaluation> milestones)
    {
        var map = new Dictionary<string, MilestoneEvaluation>(StringComparer.Ordinal);
        foreach (var milestone in milestones)
        {
            map.TryAdd(milestone.Milestone, milestone);
        }

        return map;
    }
}
