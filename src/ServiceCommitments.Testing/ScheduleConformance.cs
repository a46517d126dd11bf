using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Inspections;

namespace ServiceCommitments.Testing;

/// <summary>
/// Conformance files of kind <c>schedule</c>: the file's <c>calendars</c>, a schedule document, and cases of the
/// operations occurrences, compliance, nextDue, quotas, shareOnTime, cohorts and followUp (docs/inspections.md). The
/// error <c>unknownYear</c> names <see cref="HolidayDataUnavailableException"/>.
/// </summary>
internal sealed class ScheduleConformance : ConformanceKind
{
    internal static readonly ScheduleConformance Instance = new();

    private static readonly IReadOnlyList<ConformanceError> ErrorList =
        [new ConformanceError("unknownYear", e => e is HolidayDataUnavailableException)];

    /// <summary>A period <c>"start/end"</c>, such as <c>"2024-04-01/2024-06-30"</c>.</summary>
    private static readonly ValueShape Interval = new((DocNode node, CaseReader c, out object? value) =>
    {
        value = null;
        if (!c.Context.TryString(node, "a period \"start/end\", such as \"2024-04-01/2024-06-30\"", out string span))
        {
            return false;
        }

        string[] parts = span.Split('/');
        if (parts.Length == 2 && IsoText.TryParseDate(parts[0], out var start) && IsoText.TryParseDate(parts[1], out var end) && start <= end)
        {
            value = new DateInterval(start, end);
            return true;
        }

        c.Context.Invalid(node, "expected a period \"start/end\" of two dates, start first, such as \"2024-04-01/2024-06-30\"");
        return false;
    });

    /// <summary>Occurrences, in order; a bare date stands for <c>{ "due": date }</c>.</summary>
    private static readonly ListShape Occurrences = new(
        new RecordShape(
            "expected property",
            Field.Of<Occurrence>("due", o => o.Due, Expect.Date),
            Field.Of<Occurrence>("nominal", o => o.Nominal, Expect.Date),
            Field.Of<Occurrence>("earliest", o => o.Earliest, Expect.Date),
            Field.Of<Occurrence>("latest", o => o.Latest, Expect.Date),
            Field.Of<Occurrence>("noticeBy", o => o.NoticeBy, Expect.Date),
            Field.Of<Occurrence>("number", o => o.Number, Expect.Int),
            Field.Of<Occurrence>("phase", o => o.Phase, Expect.Int)) { Shorthand = "due", Needs = (["due"], "an expected item names its \"due\"") },
        ListMatch.InOrder);

    /// <summary>Compliance entries, each found by its due date, or an extra visit (no due date) by its visit.</summary>
    private static readonly ListShape Compliance = new(
        new RecordShape(
            "expected property",
            Field.Of<VisitComplianceEntry>("due", e => e?.Occurrence?.Due, Expect.Date),
            Field.Of<VisitComplianceEntry>("verdict", e => e?.Status, Expect.Enum<VisitStatus>("a verdict")),
            Field.Of<VisitComplianceEntry>("visit", e => e?.Visit, Expect.Date),
            Field.Of<VisitComplianceEntry>("daysFromDue", e => e?.DaysFromDue, Expect.Int),
            Field.Of<VisitComplianceEntry>("daysOutsideWindow", e => e?.DaysOutsideWindow, Expect.Int),
            Field.Of<VisitComplianceEntry>("earliest", e => e?.Occurrence?.Earliest, Expect.Date),
            Field.Of<VisitComplianceEntry>("latest", e => e?.Occurrence?.Latest, Expect.Date),
            Field.Of<VisitComplianceEntry>("number", e => e?.Occurrence?.Number, Expect.Int),
            Field.Of<VisitComplianceEntry>("followUps", e => e is null ? null : FollowUpsByDuty(e), new MapShape("an object mapping follow-up duties to their deadlines", Expect.Instant, exact: true)))
        {
            Shorthand = "due",
            Needs = (["due", "visit"], "an expected item names its \"due\" (or, for an extra visit, its \"visit\")"),
        },
        ListMatch.ByKey) { Keys = [("due", null), ("visit", ListShape.AnyValue)] };

    /// <summary>Quota periods, each found by its period and quota (the first, 0, unless named).</summary>
    private static readonly ListShape Quotas = new(
        new RecordShape(
            "expected property",
            Field.Of<(int Index, QuotaResult Result)>("quota", q => q.Index, Expect.Int),
            Field.Of<(int Index, QuotaResult Result)>("period", q => q.Result.Period, Interval),
            Field.Of<(int Index, QuotaResult Result)>("visits", q => q.Result.Visits, Expect.Int),
            Field.Of<(int Index, QuotaResult Result)>("required", q => q.Result.Required, Expect.Int),
            Field.Of<(int Index, QuotaResult Result)>("status", q => q.Result.Status, Expect.Enum<QuotaStatus>("a quota status")),
            Field.Of<(int Index, QuotaResult Result)>("partial", q => q.Result.IsPartial, Expect.Bool)) { Needs = (["period"], "an expected item names its \"period\"") },
        ListMatch.ByKey) { Keys = [("period", ListShape.AnyValue), ("quota", 0)] };

    /// <summary>Shares on time, each found by its period.</summary>
    private static readonly ListShape Shares = new(
        new RecordShape(
            "expected property",
            Field.Of<PeriodShare>("period", p => p.Period, Interval),
            Field.Of<PeriodShare>("onTime", p => p.OnTime, Expect.Int),
            Field.Of<PeriodShare>("decided", p => p.Decided, Expect.Int),
            Field.Of<PeriodShare>("pending", p => p.Pending, Expect.Int)) { Needs = (["period"], "an expected item names its \"period\"") },
        ListMatch.ByKey) { Keys = [("period", ListShape.AnyValue)] };

    /// <summary>Cohorts, in order, with their members and due dates.</summary>
    private static readonly ListShape Cohorts = new(
        new RecordShape(
            "expected property",
            Field.Of<(Cohort Cohort, List<LocalDate> Due)>("period", g => g.Cohort?.Period, Interval),
            Field.Of<(Cohort Cohort, List<LocalDate> Due)>("members", g => g.Cohort?.Members, new ListShape(Expect.String, ListMatch.InOrder)),
            Field.Of<(Cohort Cohort, List<LocalDate> Due)>("due", g => g.Due, new ListShape(Expect.Date, ListMatch.InOrder))) { Needs = (["period"], "an expected item names its \"period\"") },
        ListMatch.InOrder);

    private static readonly IReadOnlyDictionary<string, ConformanceOperation> Table = OperationTable(
        new("occurrences", OccurrencesOf, Occurrences),
        new("compliance", ComplianceOf, Compliance),
        new("nextDue", NextDue, Expect.Date.OrNull()),
        new("quotas", QuotasOf, Quotas),
        new("shareOnTime", ShareOnTime, Shares),
        new("cohorts", CohortsOf, Cohorts),
        new("followUp", FollowUp, Expect.Instant));

    internal override string SubjectKey => "schedule";

    internal override IReadOnlyList<string> FileProperties => ["calendars"];

    internal override IReadOnlyDictionary<string, ConformanceOperation> Operations => Table;

    internal override IReadOnlyList<ConformanceError> Errors => ErrorList;

    internal override object? ReadSubject(ObjectReader file, DocNode subject, DocumentContext context)
    {
        NamedCalendarsReader.Read(file.Optional("calendars"), context);
        return ScheduleReader.Read(subject, context);
    }

    internal override DateTimeZone DisplayZone(object? subject, DocumentContext context) =>
        (subject as InspectionSchedule)?.Alignment.Calendar?.Zone ?? DateTimeZone.Utc;

    // Operations

    private static Func<object, object?>? OccurrencesOf(CaseReader c)
    {
        var anchor = Anchor(c);
        var from = c.Date("from");
        var to = c.Date("to");
        return s => anchor((InspectionSchedule)s).Occurrences(from, to).ToList();
    }

    private static Func<object, object?>? ComplianceOf(CaseReader c)
    {
        var anchor = Anchor(c);
        var visits = Visits(c);
        var asOf = c.Date("asOf");
        return s =>
        {
            var report = anchor((InspectionSchedule)s).Evaluate(visits, asOf);
            return report.Entries.Concat(report.Extras).ToList();
        };
    }

    private static Func<object, object?>? NextDue(CaseReader c)
    {
        var anchor = Anchor(c);
        if (c.Properties.Has("visits"))
        {
            var visits = Visits(c);
            var asOf = c.Date("asOf");
            return s => anchor((InspectionSchedule)s).Evaluate(visits, asOf).NextDue?.Due;
        }

        var date = c.Date("date");
        return s => anchor((InspectionSchedule)s).NextDue(date)?.Due;
    }

    private static Func<object, object?>? QuotasOf(CaseReader c)
    {
        var anchor = Anchor(c);
        var visits = Visits(c);
        var asOf = c.Date("asOf");
        return s =>
        {
            var schedule = (InspectionSchedule)s;
            return anchor(schedule).EvaluateQuotas(visits, asOf).Select(q => (IndexOf(schedule.Quotas, q.Quota), q)).ToList();
        };
    }

    private static Func<object, object?>? ShareOnTime(CaseReader c)
    {
        var anchor = Anchor(c);
        var visits = Visits(c);
        var asOf = c.Date("asOf");
        var per = c.Node("per", "the periods, such as \"calendarQuarter\"") is { } node ? ScheduleReader.ReadGrid(node, c.Context) : null;
        return per is not { } grid ? null : s => anchor((InspectionSchedule)s).Evaluate(visits, asOf).ShareOnTime(grid).ToList();
    }

    private static Func<object, object?>? CohortsOf(CaseReader c)
    {
        var per = c.Node("per", "the periods to group members by, such as \"calendarMonth\"") is { } node ? ScheduleReader.ReadGrid(node, c.Context) : null;
        var members = new List<KeyValuePair<string, LocalDate>>();
        if (c.Node("members", "an object mapping member names to their event dates") is { } membersNode && c.Context.Object(membersNode, "an object mapping member names to dates") is { } reader)
        {
            foreach (var property in membersNode.Properties!)
            {
                reader.Accept(property.Name);
                if (c.Context.TryDate(property.Value, out var date))
                {
                    members.Add(new(property.Name, date));
                }
            }
        }

        LocalDate? to = c.Optional("to") is { } toNode && c.Context.TryDate(toNode, out var t) ? t : null;
        return per is not { } grid ? null : s => ((InspectionSchedule)s).Cohorts(members, grid).Select(cohort => (cohort, CohortDues(cohort.Plan, to))).ToList();
    }

    private static List<LocalDate> CohortDues(SchedulePlan plan, LocalDate? to)
    {
        if ((to ?? plan.LastDay) is { } last)
        {
            return plan.Occurrences(plan.AnchorDate, last).Select(o => o.Due).ToList();
        }

        if (plan.Schedule.Once is null && plan.Schedule.Count is null)
        {
            throw new ArgumentException("The schedule has no end, so a cohort's occurrences never end; give the case a \"to\" date.");
        }

        return plan.Occurrences().Where(o => o.Due >= plan.AnchorDate).Select(o => o.Due).ToList();
    }

    private static Func<object, object?>? FollowUp(CaseReader c)
    {
        var anchor = Anchor(c);
        string? duty = c.Node("duty", "the name of one of the schedule's follow-up duties") is { } node && c.Context.TryString(node, "a duty name", out string name) ? name : null;
        var visit = c.Date("visit");
        return duty is null ? null : s =>
        {
            var schedule = (InspectionSchedule)s;
            var found = schedule.FollowUps.FirstOrDefault(d => d.Name == duty)
                ?? throw new ArgumentException($"The schedule has no follow-up duty \"{duty}\"; it has: {string.Join(", ", schedule.FollowUps.Select(d => d.Name))}.");
            return anchor(schedule).GetFollowUpDue(found, visit);
        };
    }

    // Inputs

    /// <summary>Reads <c>dates</c> (contract events by name) and the optional <c>within</c> window; returns how to anchor a schedule.</summary>
    private static Func<InspectionSchedule, SchedulePlan> Anchor(CaseReader c)
    {
        var events = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        if (c.Node("dates", "an object mapping contract events to dates, such as { \"acceptance\": \"2024-03-20\" }") is { } node &&
            c.Context.Object(node, "an object mapping contract events to dates") is { } reader)
        {
            foreach (var property in node.Properties!)
            {
                reader.Accept(property.Name);
                if (c.Context.TryDate(property.Value, out var date))
                {
                    events[property.Name] = date;
                }
            }
        }

        DateInterval? within = null;
        if (c.Optional("within") is { } withinNode && c.Context.Object(withinNode, "a window { \"from\": date, \"to\": date }") is { } w)
        {
            LocalDate from = default, to = default;
            bool ok = w.Required("from", "the first day") is { } f && c.Context.TryDate(f, out from);
            ok &= w.Required("to", "the last day") is { } t && c.Context.TryDate(t, out to);
            w.Finish("window property");
            if (ok && to < from)
            {
                c.Context.Invalid(withinNode, "expected a window whose \"to\" is on or after its \"from\"");
            }
            else if (ok)
            {
                within = new DateInterval(from, to);
            }
        }

        return s =>
        {
            var plan = s.Anchor(events);
            return within is null ? plan : s.Anchor(plan.AnchorDate, within);
        };
    }

    private static List<LocalDate> Visits(CaseReader c)
    {
        var visits = new List<LocalDate>();
        if (c.Node("visits", "an array of visit dates") is { } node)
        {
            foreach (var item in c.Context.Array(node, "an array of visit dates"))
            {
                if (c.Context.TryDate(item, out var date))
                {
                    visits.Add(date);
                }
            }
        }

        return visits;
    }

    // Results

    private static Dictionary<string, Instant> FollowUpsByDuty(VisitComplianceEntry entry)
    {
        var deadlines = new Dictionary<string, Instant>(StringComparer.Ordinal);
        foreach (var deadline in entry.FollowUps)
        {
            deadlines.TryAdd(deadline.Duty.Name, deadline.Due);
        }

        return deadlines;
    }

    private static int IndexOf(IReadOnlyList<VisitQuota> quotas, VisitQuota quota)
    {
        for (int i = 0; i < quotas.Count; i++)
        {
            if (ReferenceEquals(quotas[i], quota))
            {
                return i;
            }
        }

        return -1;
    }
}
