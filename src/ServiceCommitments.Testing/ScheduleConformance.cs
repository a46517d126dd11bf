using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
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

    private static readonly string[] VisitStatusNames = ["pending", "onTime", "early", "late", "missed", "extra"];
    private static readonly string[] QuotaStatusNames = ["open", "met", "short"];

    private static readonly Dictionary<string, FieldKind> OccurrenceFields = new(StringComparer.Ordinal)
    {
        ["due"] = FieldKind.Date, ["nominal"] = FieldKind.Date, ["earliest"] = FieldKind.Date, ["latest"] = FieldKind.Date,
        ["noticeBy"] = FieldKind.Date, ["number"] = FieldKind.Int, ["phase"] = FieldKind.Int,
    };

    private static readonly Dictionary<string, FieldKind> ComplianceFields = new(StringComparer.Ordinal)
    {
        ["due"] = FieldKind.Date, ["verdict"] = FieldKind.VisitStatus, ["visit"] = FieldKind.Date, ["daysFromDue"] = FieldKind.Int,
        ["daysOutsideWindow"] = FieldKind.Int, ["earliest"] = FieldKind.Date, ["latest"] = FieldKind.Date, ["number"] = FieldKind.Int,
        ["followUps"] = FieldKind.Instants,
    };

    private static readonly Dictionary<string, FieldKind> QuotaFields = new(StringComparer.Ordinal)
    {
        ["quota"] = FieldKind.Int, ["period"] = FieldKind.Interval, ["visits"] = FieldKind.Int, ["required"] = FieldKind.Int,
        ["status"] = FieldKind.QuotaStatus, ["partial"] = FieldKind.Bool,
    };

    private static readonly Dictionary<string, FieldKind> ShareFields = new(StringComparer.Ordinal)
    {
        ["period"] = FieldKind.Interval, ["onTime"] = FieldKind.Int, ["decided"] = FieldKind.Int, ["pending"] = FieldKind.Int,
    };

    private static readonly Dictionary<string, FieldKind> CohortFields = new(StringComparer.Ordinal)
    {
        ["period"] = FieldKind.Interval, ["members"] = FieldKind.Strings, ["due"] = FieldKind.Dates,
    };

    private static readonly IReadOnlyDictionary<string, ConformanceOperation> Table = OperationTable(
        new("occurrences", Occurrences, (node, c) => ReadRecords(node, c, OccurrenceFields, "due", ordered: true)),
        new("compliance", Compliance, (node, c) => ReadRecords(node, c, ComplianceFields, "due", ordered: false, "visit")),
        new("nextDue", NextDue, (node, c) => node.IsNull ? new OptionalDateExpectation(null) : c.Context.TryDate(node, out var d) ? new OptionalDateExpectation(d) : null),
        new("quotas", Quotas, (node, c) => ReadRecords(node, c, QuotaFields, "period", ordered: false, extraKey: "quota")),
        new("shareOnTime", ShareOnTime, (node, c) => ReadRecords(node, c, ShareFields, "period", ordered: false)),
        new("cohorts", Cohorts, (node, c) => ReadRecords(node, c, CohortFields, "period", ordered: true)),
        new("followUp", FollowUp, (node, c) => c.ExpectInstant(node)));

    private enum FieldKind
    {
        Date,
        Int,
        Bool,
        VisitStatus,
        QuotaStatus,
        Interval,
        Strings,
        Dates,
        Instants,
    }

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

    private static Func<object, object?>? Occurrences(CaseReader c)
    {
        var anchor = Anchor(c);
        var from = c.Date("from");
        var to = c.Date("to");
        return s => anchor((InspectionSchedule)s).Occurrences(from, to).Select(OccurrenceRecord).ToRecords();
    }

    private static Func<object, object?>? Compliance(CaseReader c)
    {
        var anchor = Anchor(c);
        var visits = Visits(c);
        var asOf = c.Date("asOf");
        return s =>
        {
            var report = anchor((InspectionSchedule)s).Evaluate(visits, asOf);
            return report.Entries.Concat(report.Extras).Select(ComplianceRecord).ToRecords();
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

    private static Func<object, object?>? Quotas(CaseReader c)
    {
        var anchor = Anchor(c);
        var visits = Visits(c);
        var asOf = c.Date("asOf");
        return s =>
        {
            var schedule = (InspectionSchedule)s;
            return anchor(schedule).EvaluateQuotas(visits, asOf).Select(q => new Dictionary<string, object?>
            {
                ["quota"] = IndexOf(schedule.Quotas, q.Quota), ["period"] = q.Period, ["visits"] = q.Visits, ["required"] = q.Required,
                ["status"] = QuotaStatusNames[(int)q.Status], ["partial"] = q.IsPartial,
            }).ToRecords();
        };
    }

    private static Func<object, object?>? ShareOnTime(CaseReader c)
    {
        var anchor = Anchor(c);
        var visits = Visits(c);
        var asOf = c.Date("asOf");
        var per = c.Node("per", "the periods, such as \"calendarQuarter\"") is { } node ? ScheduleReader.ReadGrid(node, c.Context) : null;
        return per is not { } grid ? null : s => anchor((InspectionSchedule)s).Evaluate(visits, asOf).ShareOnTime(grid).Select(p => new Dictionary<string, object?>
        {
            ["period"] = p.Period, ["onTime"] = p.OnTime, ["decided"] = p.Decided, ["pending"] = p.Pending,
        }).ToRecords();
    }

    private static Func<object, object?>? Cohorts(CaseReader c)
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
        return per is not { } grid ? null : s => ((InspectionSchedule)s).Cohorts(members, grid).Select(cohort => new Dictionary<string, object?>
        {
            ["period"] = cohort.Period,
            ["members"] = cohort.Members.ToList(),
            ["due"] = CohortDues(cohort.Plan, to),
        }).ToRecords();
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

    // Results as records

    private static Dictionary<string, object?> OccurrenceRecord(Occurrence o) => new()
    {
        ["due"] = o.Due, ["nominal"] = o.Nominal, ["earliest"] = o.Earliest, ["latest"] = o.Latest, ["noticeBy"] = o.NoticeBy,
        ["number"] = o.Number, ["phase"] = o.Phase,
    };

    private static Dictionary<string, object?> ComplianceRecord(VisitComplianceEntry e)
    {
        var record = new Dictionary<string, object?>
        {
            ["verdict"] = VisitStatusNames[(int)e.Status], ["visit"] = e.Visit, ["daysFromDue"] = e.DaysFromDue, ["daysOutsideWindow"] = e.DaysOutsideWindow,
            ["followUps"] = e.FollowUps.ToDictionary(f => f.Duty.Name, f => f.Due, StringComparer.Ordinal),
        };
        if (e.Occurrence is { } o)
        {
            record["due"] = o.Due;
            record["earliest"] = o.Earliest;
            record["latest"] = o.Latest;
            record["number"] = o.Number;
        }

        return record;
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

    // Expectations

    private static Expectation? ReadRecords(DocNode node, CaseReader c, Dictionary<string, FieldKind> fields, string key, bool ordered, string? altKey = null, string? extraKey = null)
    {
        var items = c.Context.Array(node, "an array of expected items");
        if (node.Kind != JsonValueKind.Array)
        {
            return null;
        }

        var records = new List<Dictionary<string, object?>>();
        int before = c.Context.ErrorCount;
        foreach (var item in items)
        {
            if (item.Kind == JsonValueKind.String && fields[key] == FieldKind.Date)
            {
                if (c.Context.TryDate(item, out var date))
                {
                    records.Add(new Dictionary<string, object?> { [key] = date });
                }

                continue;
            }

            if (c.Context.Object(item, $"an expected item: an object of {string.Join(", ", fields.Keys)}") is not { } reader)
            {
                continue;
            }

            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in item.Properties!)
            {
                if (!fields.TryGetValue(property.Name, out var kind))
                {
                    continue;
                }

                reader.Accept(property.Name);
                if (ReadValue(property.Value, kind, c) is { } value)
                {
                    record[property.Name] = value;
                }
            }

            reader.Finish("expected property");
            if (!record.ContainsKey(key) && !(altKey is not null && record.ContainsKey(altKey)))
            {
                c.Context.Error(item, $"an expected item names its \"{key}\"{(altKey is null ? "" : $" (or, for an extra visit, its \"{altKey}\")")}");
            }

            records.Add(record);
        }

        return c.Context.ErrorCount > before ? null : new RecordsExpectation(records, ordered, key, altKey, extraKey);
    }

    private static object? ReadValue(DocNode node, FieldKind kind, CaseReader c)
    {
        var context = c.Context;
        switch (kind)
        {
            case FieldKind.Date:
                return context.TryDate(node, out var date) ? date : null;
            case FieldKind.Int:
                return context.TryInt(node, "a number", out int n) ? n : null;
            case FieldKind.Bool:
                return context.TryBool(node, out bool b) ? b : null;
            case FieldKind.VisitStatus or FieldKind.QuotaStatus:
                var names = kind == FieldKind.VisitStatus ? VisitStatusNames : QuotaStatusNames;
                if (context.TryString(node, "a name", out string text) && names.Contains(text))
                {
                    return text;
                }

                if (node.Kind == JsonValueKind.String)
                {
                    context.Invalid(node, $"expected one of {string.Join(", ", names)}");
                }

                return null;
            case FieldKind.Interval:
                if (!context.TryString(node, "a period \"start/end\", such as \"2024-04-01/2024-06-30\"", out string span))
                {
                    return null;
                }

                string[] parts = span.Split('/');
                if (parts.Length == 2 && IsoText.TryParseDate(parts[0], out var start) && IsoText.TryParseDate(parts[1], out var end) && start <= end)
                {
                    return new DateInterval(start, end);
                }

                context.Invalid(node, "expected a period \"start/end\" of two dates, start first, such as \"2024-04-01/2024-06-30\"");
                return null;
            case FieldKind.Strings:
                var strings = new List<string>();
                foreach (var item in context.Array(node, "an array of names"))
                {
                    if (context.TryString(item, "a name", out string s))
                    {
                        strings.Add(s);
                    }
                }

                return node.Kind == JsonValueKind.Array ? strings : null;
            case FieldKind.Dates:
                var dates = new List<LocalDate>();
                foreach (var item in context.Array(node, "an array of dates"))
                {
                    if (context.TryDate(item, out var d))
                    {
                        dates.Add(d);
                    }
                }

                return node.Kind == JsonValueKind.Array ? dates : null;
            default:
                if (context.Object(node, "an object mapping follow-up duties to their deadlines") is not { } reader)
                {
                    return null;
                }

                var instants = new Dictionary<string, Instant>(StringComparer.Ordinal);
                foreach (var property in node.Properties!)
                {
                    reader.Accept(property.Name);
                    if (context.TryInstant(property.Value, out var instant))
                    {
                        instants[property.Name] = instant;
                    }
                }

                return instants;
        }
    }

    /// <summary>An operation's result as records of typed values; shown as the records when a case expected an error.</summary>
    internal sealed class RecordList(IEnumerable<Dictionary<string, object?>> records) : List<Dictionary<string, object?>>(records)
    {
        public override string ToString() => RecordsExpectation.Format(this);
    }

    /// <summary>Expects a date, or none (null) when the schedule has no such occurrence.</summary>
    private sealed class OptionalDateExpectation(LocalDate? expected) : Expectation
    {
        internal override string Describe() => expected is { } d ? IsoText.FormatDate(d) : "none";

        internal override bool Check(object? actual, out string actualText)
        {
            var value = actual as LocalDate?;
            actualText = value is { } d ? IsoText.FormatDate(d) : actual is null ? "none" : actual.ToString() ?? "";
            return value == expected && (actual is null || actual is LocalDate);
        }
    }

    /// <summary>
    /// Expects a list of records, each compared field by field as values (dates as dates, periods as periods); an
    /// expected record checks only the fields it names. Ordered lists must match in length and order; the others find
    /// each expected record by its key (and leave unnamed results unchecked).
    /// </summary>
    private sealed class RecordsExpectation(List<Dictionary<string, object?>> expected, bool ordered, string key, string? altKey, string? extraKey) : Expectation
    {
        internal override string Describe() => Format(expected);

        internal override bool Check(object? actual, out string actualText)
        {
            if (actual is not RecordList records)
            {
                actualText = actual?.ToString() ?? "nothing";
                return false;
            }

            if (ordered)
            {
                actualText = Format(records.Select((r, i) => i < expected.Count ? Project(r, expected[i]) : Project(r, expected.Count > 0 ? expected[0] : r)));
                return records.Count == expected.Count && expected.Select((e, i) => Matches(e, records[i])).All(m => m);
            }

            var shown = new List<Dictionary<string, object?>>();
            bool passed = true;
            foreach (var e in expected)
            {
                var found = records.FirstOrDefault(r => SameKey(e, r));
                if (found is null)
                {
                    passed = false;
                    shown.Add(new Dictionary<string, object?> { [KeyOf(e)] = e[KeyOf(e)], ["missing"] = true });
                    continue;
                }

                passed &= Matches(e, found);
                shown.Add(Project(found, e));
            }

            actualText = Format(shown);
            return passed;
        }

        private string KeyOf(Dictionary<string, object?> record) => record.ContainsKey(key) || altKey is null ? key : altKey;

        private bool SameKey(Dictionary<string, object?> expectedRecord, Dictionary<string, object?> actual)
        {
            string k = KeyOf(expectedRecord);
            if (k == altKey && actual.ContainsKey(key))
            {
                return false;
            }

            if (extraKey is not null && !ValueEquals(expectedRecord.GetValueOrDefault(extraKey) ?? 0, actual.GetValueOrDefault(extraKey)))
            {
                return false;
            }

            return actual.TryGetValue(k, out var value) && ValueEquals(expectedRecord[k], value);
        }

        private static bool Matches(Dictionary<string, object?> e, Dictionary<string, object?> actual) =>
            e.All(p => actual.TryGetValue(p.Key, out var value) && ValueEquals(p.Value, value));

        private static Dictionary<string, object?> Project(Dictionary<string, object?> actual, Dictionary<string, object?> like) =>
            like.Keys.Where(actual.ContainsKey).ToDictionary(k => k, k => actual[k]);

        private static bool ValueEquals(object? a, object? b)
        {
            if (a is IDictionary da && b is IDictionary db)
            {
                return da.Count == db.Count && da.Keys.Cast<object>().All(k => db.Contains(k) && Equals(da[k], db[k]));
            }

            if (a is IList la && b is IList lb)
            {
                return la.Count == lb.Count && la.Cast<object?>().Zip(lb.Cast<object?>()).All(p => Equals(p.First, p.Second));
            }

            return Equals(a, b);
        }

        internal static string Format(IEnumerable<Dictionary<string, object?>> records) =>
            "[" + string.Join(", ", records.Select(r => "{" + string.Join(", ", r.Select(p => $"{p.Key}: {FormatValue(p.Value)}")) + "}")) + "]";

        private static string FormatValue(object? value) => value switch
        {
            null => "none",
            LocalDate d => IsoText.FormatDate(d),
            DateInterval i => $"{IsoText.FormatDate(i.Start)}/{IsoText.FormatDate(i.End)}",
            Instant t => IsoText.FormatInstant(t, DateTimeZone.Utc),
            bool b => b ? "true" : "false",
            int n => n.ToString(CultureInfo.InvariantCulture),
            IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().Select(k => $"{k}: {FormatValue(d[k])}")) + "}",
            IList l => "[" + string.Join(", ", l.Cast<object?>().Select(FormatValue)) + "]",
            _ => value.ToString() ?? "",
        };
    }
}

/// <summary>Wraps an operation's records for <see cref="ScheduleConformance"/>.</summary>
internal static class ScheduleRecords
{
    internal static ScheduleConformance.RecordList ToRecords(this IEnumerable<Dictionary<string, object?>> records) => new(records);
}
