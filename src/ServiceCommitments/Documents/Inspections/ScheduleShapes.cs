using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Inspections;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Documents;

/// <summary>
/// The schedule document of docs/inspections.md, declared once: every object, every property, its form, its default
/// and its description. <see cref="ScheduleReader"/>, <see cref="ScheduleWriter"/> and the JSON Schema come from these
/// declarations; the rules of the schedule are the domain's (<see cref="InspectionScheduleBuilder"/>, and the bounds of
/// <see cref="Allowance"/>, <see cref="NoticeLeadTime"/> and <see cref="ScheduleStep"/>), reported at the document's paths.
/// </summary>
/// <remarks>
/// Defaults are left out when writing (clamping month ends, no alignment move, calendar-month periods, exact timing, a
/// fixed schedule). One phase that lasts to the schedule's end is written as <c>every</c>; a step of whole years as
/// <c>P1Y</c>, other month steps as <c>P3M</c>, day and week steps as <c>P14D</c>; the ready-made on-time rules as
/// <c>"tenPercent"</c> and <c>"smrp"</c>, and the floating shift as <c>"floating"</c>.
/// </remarks>
internal static class ScheduleShapes
{
    internal const string What = "a schedule object with \"anchor\" and \"phases\", \"every\" or \"once\"";

    private const string EntryName = "A note for people (a name for this entry); changes nothing.";

    /// <summary>The periods a step or a kind of period may name.</summary>
    private static readonly (string Name, ScheduleStep Step, PeriodGrid Grid)[] NamedPeriods =
    [
        ("calendarMonth", ScheduleStep.CalendarMonth, PeriodGrid.CalendarMonths),
        ("calendarQuarter", ScheduleStep.CalendarQuarter, PeriodGrid.CalendarQuarters),
        ("calendarHalfYear", ScheduleStep.CalendarHalfYear, PeriodGrid.CalendarHalfYears),
        ("calendarYear", ScheduleStep.CalendarYear, PeriodGrid.CalendarYears),
        ("contractMonth", ScheduleStep.Months(1), PeriodGrid.ContractMonths),
        ("contractQuarter", ScheduleStep.Quarters(1), PeriodGrid.ContractQuarters),
        ("contractYear", ScheduleStep.Years(1), PeriodGrid.ContractYears),
    ];

    /// <summary>A step: a period, or one of the named periods.</summary>
    internal static readonly Form<ScheduleStep> Step = new StepForm().Named("step");

    /// <summary>A kind of period: one of the named periods, or a contract period.</summary>
    internal static readonly Form<PeriodGrid> Grid = new GridForm().Named("grid");

    private static readonly Form<Allowance> AllowanceForm = new AllowanceOf().Named("allowance");

    private static readonly Shape<PhaseDraft, SchedulePhase> Phase = new Shape<PhaseDraft, SchedulePhase>(
            "phase", "a phase object with \"every\" and, except for the last phase, \"for\"", "phase property", "A phase: a step, for a length (every phase but the last).",
            () => new PhaseDraft(), (p, fields, _) => new SchedulePhase(p.Step, p.Length, fields.Origin))
        .Field("every", Step, "The step.", (p, v) => p with { Step = v }, p => p.Step,
            required: "the step: an ISO period such as P1M or P7D, or calendarMonth, calendarQuarter, calendarHalfYear, calendarYear, contractMonth, contractQuarter, contractYear", always: true)
        .Field("for", Forms.Period, "How long the phase lasts; the last phase has none.", (p, v) => p with { Length = v }, p => p.Length!)
        .Schema(s => s["properties"]!["name"]!["description"] = EntryName);

    private static readonly Form<IReadOnlyList<SchedulePhase>> Phases = Forms.ArrayOf(Phase, "an array of phases such as { \"every\": \"P1M\", \"for\": \"P3M\" }");

    private static readonly Shape<AlignDraft, ScheduleAlignment> Align = new Shape<AlignDraft, ScheduleAlignment>(
            null, "an alignment object with \"calendar\" and \"move\"", "alignment property", "Moves due dates off non-working days of a calendar.",
            () => new AlignDraft(), (a, _, _) => new ScheduleAlignment(a.Calendar.Calendar, a.Move, a.Period ?? PeriodGrid.CalendarMonths, a.Calendar.Calendar is null ? null : a.Calendar.Name))
        .Field("calendar", new CalendarNameForm(), "The calendar to align to.", (a, v) => a with { Calendar = v }, a => new NamedCalendar(a.CalendarName, a.Calendar),
            required: "the name of a calendar in the file's \"calendars\"", always: true)
        .Field("move", Forms.QuotedChoice("an alignment move", ("none", AlignMove.None), ("nextWorkingDay", AlignMove.NextWorkingDay), ("previousWorkingDay", AlignMove.PreviousWorkingDay),
                ("nearestWorkingDay", AlignMove.NearestWorkingDay), ("nearestWorkingDayInPeriod", AlignMove.NearestWorkingDayInPeriod), ("skip", AlignMove.Skip)),
            "none (default), nextWorkingDay, previousWorkingDay, nearestWorkingDay, nearestWorkingDayInPeriod, skip.", (a, v) => a with { Move = v }, a => a.Move, omitted: AlignMove.None)
        .Field("period", Grid, "The period a move must stay in.", (a, v) => a with { Period = v }, a => a.Period, omitted: PeriodGrid.CalendarMonths);

    private static readonly Shape<OnTimeRule, OnTimeRule> Tolerance = new Shape<OnTimeRule, OnTimeRule>(
            null, "a tolerance object with \"early\" and \"late\", or \"tenPercent\" or \"smrp\"", "tolerance property", "Allowances before and after the due date.",
            () => OnTimeRule.Exact, (t, _, _) => t)
        .Field("early", AllowanceForm, "How early a visit may be.", (t, v) => new OnTimeRule(v, t.Late, t.Name), t => t.Early, omitted: Allowance.None)
        .Field("late", AllowanceForm, "How late a visit may be.", (t, v) => new OnTimeRule(t.Early, v, t.Name), t => t.Late, omitted: Allowance.None)
        .Field("name", Forms.String("a name"), "The rule's name, for reports.", (t, v) => new OnTimeRule(t.Early, t.Late, v), t => t.Name!);

    private static readonly Shape<ShiftFactors, ShiftFactors> Shift = new Shape<ShiftFactors, ShiftFactors>(
            null, "\"fixed\", \"floating\" or an object of shift factors { \"early\": 0, \"late\": 1 }", "shift property", "Shift factors.", () => ShiftFactors.Fixed, (f, _, _) => f)
        .Field("early", Forms.Decimal("a shift factor", 0, 1), "From 0 to 1.", (f, v) => f with { Early = v }, f => f.Early, always: true)
        .Field("late", Forms.Decimal("a shift factor", 0, 1), "From 0 to 1.", (f, v) => f with { Late = v }, f => f.Late, always: true);

    private static readonly Shape<NoticeDraft, NoticeLeadTime> Notice = new Shape<NoticeDraft, NoticeLeadTime>(
            null, "a notice object: { \"workingDays\": 3 } or { \"calendarDays\": 3 }", "notice property", "Notice before each visit: exactly one of workingDays and calendarDays, 0 to 3,650.",
            () => new NoticeDraft(), ReadNotice)
        .Field("workingDays", NoticeDays, "Working days of notice.", (n, v) => n with { WorkingDays = v }, n => n.IsWorkingDays ? n.Days : null)
        .Field("calendarDays", NoticeDays, "Calendar days of notice.", (n, v) => n with { CalendarDays = v }, n => n.IsWorkingDays ? null : n.Days)
        .Schema(s => s["oneOf"] = new JsonArray(Required("workingDays"), Required("calendarDays")));

    private static Form<int?> NoticeDays => Forms.Int("a number of days", 0, 3_650).Map<int?>(v => v, v => v!.Value);

    private static readonly Shape<FollowUpDraft, FollowUpDuty> FollowUp = new Shape<FollowUpDraft, FollowUpDuty>(
            "followUp", "a follow-up duty object with \"name\" and one amount", "follow-up duty property",
            "A duty after each visit (a signed report within 5 working days): a name and exactly one amount.",
            () => new FollowUpDraft(), (d, fields, _) => d.Name is { } name && d.Target is { } target ? new FollowUpDuty(name, target, d.Calendar, fields.Origin, d.Calendar is null ? null : d.CalendarName) : null)
        .Field("name", Forms.String("a name", "signedReport"), "The duty's name.", (d, v) => d.Name = v, d => d.Name, required: "the duty's name, such as \"signedReport\"", always: true)
        .Group(
            (properties, context, d, _) =>
            {
                d.Target = TargetReader.Read(properties, context, out d.CalendarName);
                if (d.CalendarName is { } name && !CalendarNameForm.TryResolve(properties.Optional("calendar")!, name, context, out d.Calendar))
                {
                    d.Target = null;
                }
                return d;
            },
            (json, d, context) => TargetWriter.Write(json, d.Within, context.NameOf(null, d.Calendar)),
            TargetReader.SchemaProperties)
        .Schema(TargetReader.OneAmount);

    private static readonly Shape<QuotaDraft, VisitQuota> Quota = new Shape<QuotaDraft, VisitQuota>(
            "quota", "a quota object with \"atLeast\" and \"per\"", "quota property", "At least so many visits in every period.",
            () => new QuotaDraft(), (q, fields, _) => q.Per is { } per ? new VisitQuota(q.AtLeast, per, q.From, q.For, fields.Origin) : null)
        .Field("atLeast", Forms.Int("a number of visits", 1), "The least number of visits per period, 1 or more.", (q, v) => q with { AtLeast = v }, q => q.AtLeast,
            required: "the least number of visits per period", always: true)
        .Field("per", Grid.Map<PeriodGrid?>(v => v, v => v!.Value), "The periods.", (q, v) => q with { Per = v }, q => q.Per,
            required: "the periods: calendarMonth, calendarQuarter, calendarYear, contractMonth, contractQuarter, contractYear, ...", always: true)
        .Field("from", Forms.Period, "When the quota starts, from the anchor (default P0D).", (q, v) => q with { From = v }, q => q.From, omitted: Period.Zero)
        .Field("for", Forms.Period, "How long the quota lasts; absent, as long as the schedule.", (q, v) => q with { For = v }, q => q.For!)
        .Schema(s => s["properties"]!["name"]!["description"] = EntryName);

    /// <summary>The schedule object.</summary>
    internal static readonly Shape<ScheduleDraft, InspectionSchedule> Schedule = new Shape<ScheduleDraft, InspectionSchedule>(
            "schedule", What, "schedule property",
            "An inspection schedule (docs/inspections.md): when each visit is due, its window, notice and duties. It needs phases (or every), once, or quotas.",
            () => new ScheduleDraft(),

            // The schedule's rules are checked once the document itself reads without a problem.
            (d, fields, context) => context.ErrorCount > d.ErrorsBefore ? null : d.Builder.WithFields(fields).TryBuild(context.Problems))
        .Group(
            (_, context, d, _) =>
            {
                d.ErrorsBefore = context.ErrorCount;
                return d;
            },
            (_, _, _) => { },
            _ => [])
        .Field("anchor", Forms.String("an event name", "acceptance", "commissioning", "warrantyStart"), "The contract event the schedule counts from.",
            (d, v) => d.Builder.AnchorEvent = v, s => s.AnchorEvent, required: "the contract event the schedule counts from, such as \"acceptance\"", always: true)
        .Group(ReadPhases, WritePhases, PhasesSchema)
        .Field("once", Forms.Period, "A one-off duty: the offset from the anchor (P3D).", (d, v) => d.Builder.Once(v), s => s.Once!)
        .Field("includeAnchor", Forms.Bool, "true: the anchor is occurrence 0.", (d, v) => d.Builder.IncludeAnchor = v, s => s.IncludesAnchor)
        .Field("monthEnd", Forms.QuotedChoice("a month-end rule", ("clamp", MonthEndRule.Clamp), ("skip", MonthEndRule.Skip), ("forward", MonthEndRule.Forward)),
            "When the anchor's day does not exist in a month: clamp (default: the month's last day), skip, forward (the first of the next month).",
            (d, v) => d.Builder.MonthEnd = v, s => s.MonthEnd, omitted: MonthEndRule.Clamp)
        .Field("until", new UntilForm(), "The end: a period from the anchor (P12M) or a date (2025-12-31).",
            (d, v) =>
            {
                if (v.Length is { } length)
                {
                    d.Builder.Until(length);
                }
                else
                {
                    d.Builder.UntilDate(v.Date!.Value);
                }
            },
            s => new End(s.Until, s.UntilDate))
        .Field("count", Forms.Int("a count of occurrences", 1).Map<int?>(v => v, v => v!.Value), "The highest occurrence number, 1 or more.",
            (d, v) => d.Builder.LimitCount(v!.Value), s => s.Count)
        .Field("align", Align, null!, (d, v) => d.Builder.AlignTo(v.Calendar, v.Move, v.Period, v.CalendarName), s => s.Alignment.Calendar is null ? null! : s.Alignment)
        .Field("tolerance", Forms.NameOr(Tolerance, "expected a ready-made on-time rule, \"exact\", \"tenPercent\" or \"smrp\", or an object with \"early\" and \"late\"", ("exact", OnTimeRule.Exact, false), ("tenPercent", OnTimeRule.TenPercentOfInterval, true), ("smrp", OnTimeRule.SmrpGrace, true)),
            "When a visit counts as on time: { \"early\": allowance, \"late\": allowance, \"name\": text }, or exact (default), tenPercent, smrp.",
            (d, v) => d.Builder.OnTimeRule = v, s => s.OnTimeRule, omitted: OnTimeRule.Exact)
        .Field("shift", Forms.NameOr(Shift, "expected \"fixed\", \"floating\" or an object of shift factors { \"early\": 0, \"late\": 1 }", ("fixed", ShiftFactors.Fixed, false), ("floating", ShiftFactors.Floating, true)),
            "Whether a late or early visit moves the next ones: fixed (default), floating, or { \"early\": factor, \"late\": factor } from 0 (fixed) to 1 (floating).",
            (d, v) => d.Builder.ShiftFactors = v, s => s.ShiftFactors, omitted: ShiftFactors.Fixed)
        .Field("notice", Notice.Map<NoticeLeadTime?>(v => v, v => v!.Value), null!, (d, v) => d.Builder.Notice = v, s => s.Notice)
        .Field("followUps", Forms.ArrayOf(FollowUp, "an array of follow-up duties such as { \"name\": \"signedReport\", \"workingDays\": 5 }"), "Duties after each visit.",
            (d, v) => Each(v, f => d.Builder.AddFollowUp(f.Name, f.Within, f.Calendar, f.Origin, f.CalendarName)), s => s.FollowUps.Count == 0 ? null! : s.FollowUps)
        .Field("quotas", Forms.ArrayOf(Quota, "an array of quotas such as { \"atLeast\": 1, \"per\": \"contractMonth\", \"for\": \"P3M\" }"), "At least so many visits per period.",
            (d, v) => Each(v, q => d.Builder.AddQuota(q.AtLeast, q.Per, q.From, q.For, q.Origin)), s => s.Quotas.Count == 0 ? null! : s.Quotas)
        .Schema(s => s["not"] = new JsonObject { ["required"] = SchemaBuilder.Strings(["every", "phases"]) });

    /// <summary>A step as documents write it: <c>calendarQuarter</c>, <c>P1Y</c>, <c>P3M</c>, <c>P14D</c>.</summary>
    internal static string StepText(ScheduleStep step) => step switch
    {
        { IsCalendarPeriod: true } => step.CalendarPeriodMonths switch
        {
            1 => "calendarMonth",
            3 => "calendarQuarter",
            6 => "calendarHalfYear",
            _ => "calendarYear",
        },
        { MonthCount: > 0 } when step.MonthCount % 12 == 0 => "P" + (step.MonthCount / 12).ToString(CultureInfo.InvariantCulture) + "Y",
        { MonthCount: > 0 } => "P" + step.MonthCount.ToString(CultureInfo.InvariantCulture) + "M",
        _ => "P" + step.DayCount.ToString(CultureInfo.InvariantCulture) + "D",
    };

    /// <summary><c>every</c> (one phase) or <c>phases</c>, not both.</summary>
    private static ScheduleDraft ReadPhases(ObjectReader properties, DocumentContext context, ScheduleDraft d, Dictionary<string, FieldRef> fields)
    {
        var every = properties.Optional("every");
        var phases = properties.Optional("phases");
        if (every is not null && phases is not null)
        {
            context.Error(every, "give \"every\" (one phase) or \"phases\", not both");
            return d;
        }

        if (every is not null)
        {
            fields["every"] = FieldRef.At(every);
            if (Step.TryRead(every, context, out var step))
            {
                d.Builder.AddPhase(step, null, FieldRef.At(every));
            }
        }
        else if (phases is not null)
        {
            fields["phases"] = FieldRef.At(phases);
            bool read = Phases.TryRead(phases, context, out var list);
            if (phases.Kind == JsonValueKind.Array && phases.Items!.Count == 0)
            {
                context.Invalid(phases, "expected at least one phase");
            }

            if (read)
            {
                Each(list, p => d.Builder.AddPhase(p.Step, p.Length, p.Origin));
            }
        }

        return d;
    }

    private static void WritePhases(Utf8JsonWriter json, InspectionSchedule schedule, WriteContext context)
    {
        if (schedule.Phases is [{ Length: null } only])
        {
            json.WritePropertyName("every");
            Step.Write(json, only.Step, context);
        }
        else if (schedule.Phases.Count > 0)
        {
            json.WritePropertyName("phases");
            Phases.Write(json, schedule.Phases, context);
        }
    }

    private static IEnumerable<(string Name, JsonObject Schema, bool Required)> PhasesSchema(SchemaBuilder schema)
    {
        yield return ("phases", new JsonObject
        {
            ["description"] = "Phases, each { \"every\": step, \"for\": period }, the last without \"for\".",
            ["type"] = "array",
            ["minItems"] = 1,
            ["items"] = Phase.Schema(schema),
        }, false);
        yield return ("every", SchemaBuilder.Described("One phase: the step (instead of phases).", Step.Schema(schema)), false);
    }

    /// <summary>A notice's one amount, its bounds checked by <see cref="NoticeLeadTime"/>.</summary>
    private static NoticeLeadTime ReadNotice(NoticeDraft n, FieldMap fields, DocumentContext context)
    {
        if (fields.Has("workingDays") == fields.Has("calendarDays"))
        {
            context.Problems.Add(fields.Origin, null, "a notice has exactly one of \"workingDays\" and \"calendarDays\"");
            return default;
        }

        bool working = fields.Has("workingDays");
        return (working ? n.WorkingDays : n.CalendarDays) is { } days &&
            NoticeLeadTime.TryCreate(days, working, fields.Get(working ? "workingDays" : "calendarDays"), context.Problems) is { } notice ? notice : default;
    }

    private static void Each<T>(IReadOnlyList<T> items, System.Action<T> add)
    {
        foreach (var item in items)
        {
            add(item);
        }
    }

    private static JsonObject Required(string name) => new() { ["required"] = SchemaBuilder.Strings([name]) };

    internal sealed record PhaseDraft(ScheduleStep Step = default, Period? Length = null);

    internal readonly record struct NamedCalendar(string? Name, BusinessCalendar? Calendar);

    internal sealed record AlignDraft(NamedCalendar Calendar = default, AlignMove Move = AlignMove.None, PeriodGrid? Period = null);

    internal sealed record NoticeDraft(int? WorkingDays = null, int? CalendarDays = null);

    internal sealed record QuotaDraft
    {
        internal int AtLeast { get; init; }

        internal PeriodGrid? Per { get; init; }

        internal Period From { get; init; } = Period.Zero;

        internal Period? For { get; init; }
    }

    internal readonly record struct End(Period? Length, LocalDate? Date);

    internal sealed class FollowUpDraft
    {
        internal string? Name;
        internal ServiceTarget? Target;
        internal string? CalendarName;
        internal BusinessCalendar? Calendar;
    }

    internal sealed class ScheduleDraft
    {
        internal InspectionScheduleBuilder Builder { get; } = new("anchor");

        internal int ErrorsBefore { get; set; }
    }

    private sealed class StepForm : Form<ScheduleStep>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out ScheduleStep value)
        {
            value = default;
            if (!context.TryString(node, "a step such as \"P1M\" or \"calendarQuarter\"", out string text))
            {
                return false;
            }

            if (Array.FindIndex(NamedPeriods, p => p.Name == text) is >= 0 and var named)
            {
                value = NamedPeriods[named].Step;
                return true;
            }

            if (!IsoText.TryParsePeriod(text, out var period))
            {
                context.Invalid(node, "expected a step: an ISO period such as P1M, P3M, P1Y, P7D or P2W, or calendarMonth, calendarQuarter, calendarHalfYear, calendarYear, contractMonth, contractQuarter, contractYear");
                return false;
            }

            if (!ScheduleStep.TryFromPeriod(period, out value, out var rule))
            {
                context.Invalid(node, rule!.Problem);
                return false;
            }

            return true;
        }

        internal override void Write(Utf8JsonWriter json, ScheduleStep value, WriteContext context) => json.WriteStringValue(StepText(value));

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["description"] = "A step: an ISO period (P1M, P3M, P1Y, P7D, P2W), or calendarMonth, calendarQuarter, calendarHalfYear, calendarYear (the calendar's own periods), contractMonth, contractQuarter, contractYear (counted from the anchor).",
            ["oneOf"] = new JsonArray(new JsonObject { ["enum"] = SchemaBuilder.Strings(NamedPeriods.Select(p => p.Name)) }, Forms.Period.Schema(schema)),
        };
    }

    private sealed class GridForm : Form<PeriodGrid>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out PeriodGrid value)
        {
            value = default;
            if (!context.TryString(node, "a kind of period such as \"calendarQuarter\"", out string text))
            {
                return false;
            }

            if (Array.FindIndex(NamedPeriods, p => p.Name == text) is >= 0 and var named)
            {
                value = NamedPeriods[named].Grid;
                return true;
            }

            if (IsoText.TryParsePeriod(text, out var period) && ScheduleStep.TryFromPeriod(period, out _, out _))
            {
                value = PeriodGrid.Contract(period);
                return true;
            }

            context.Invalid(node, "expected a kind of period: calendarMonth, calendarQuarter, calendarHalfYear, calendarYear, contractMonth, contractQuarter, contractYear, or a contract period such as P2M or P14D");
            return false;
        }

        internal override void Write(Utf8JsonWriter json, PeriodGrid value, WriteContext context) => json.WriteStringValue(value.DocumentName);

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["description"] = "A kind of period: calendarMonth, calendarQuarter, calendarHalfYear, calendarYear, contractMonth, contractQuarter, contractYear, or a contract period such as P2M or P14D.",
            ["oneOf"] = new JsonArray(new JsonObject { ["enum"] = SchemaBuilder.Strings(NamedPeriods.Select(p => p.Name)) }, Forms.Period.Schema(schema)),
        };
    }

    /// <summary>The name of a calendar in the document's <c>calendars</c>, and the calendar.</summary>
    private sealed class CalendarNameForm : Form<NamedCalendar>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out NamedCalendar value)
        {
            value = default;
            if (!context.TryString(node, "a calendar name", out string name))
            {
                return false;
            }

            value = new NamedCalendar(name, null);
            if (!TryResolve(node, name, context, out var calendar))
            {
                return false;
            }

            value = new NamedCalendar(name, calendar);
            return true;
        }

        /// <summary>
        /// The calendar <paramref name="name"/> of the document's <c>calendars</c>. The schedule's builder takes
        /// calendars, not names (issue 14, item 4, is not done for schedules), so the schedule resolves here.
        /// </summary>
        internal static bool TryResolve(DocNode node, string name, DocumentContext context, out BusinessCalendar? calendar)
        {
            if (context.Calendars.TryGetValue(name, out calendar))
            {
                return true;
            }

            context.Invalid(node, context.Calendars.Count == 0
                ? "expected the name of a calendar in the file's \"calendars\", which has none"
                : $"expected the name of a calendar in \"calendars\": {ProblemSink.List(context.Calendars.Keys)}");
            return false;
        }

        internal override void Write(Utf8JsonWriter json, NamedCalendar value, WriteContext context) => json.WriteStringValue(context.NameOf(value.Name, value.Calendar));

        internal override JsonObject Schema(SchemaBuilder schema) => new() { ["$ref"] = "#/$defs/calendarName" };
    }

    /// <summary><c>until</c>: a period from the anchor, or a date.</summary>
    private sealed class UntilForm : Form<End>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out End value)
        {
            value = default;
            if (!context.TryString(node, "a period (P12M) or a date (2025-03-20)", out string text))
            {
                return false;
            }

            if (text.StartsWith('P'))
            {
                bool period = context.TryPeriod(node, out var length);
                value = new End(length, null);
                return period;
            }

            bool date = context.TryDate(node, out var lastDay);
            value = new End(null, lastDay);
            return date;
        }

        internal override void Write(Utf8JsonWriter json, End value, WriteContext context)
        {
            if (value.Length is { } length)
            {
                Forms.Period.Write(json, length, context);
            }
            else
            {
                Forms.Date.Write(json, value.Date!.Value, context);
            }
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new() { ["oneOf"] = new JsonArray(Forms.Period.Schema(schema), Forms.Date.Schema(schema)) };
    }

    /// <summary>
    /// An allowance: a period of days or weeks, <c>"cycle"</c>, <c>{ "workingDays": 2 }</c> or
    /// <c>{ "share": 0.1, "max": "P28D" }</c>; the bounds are <see cref="Allowance"/>'s.
    /// </summary>
    private sealed class AllowanceOf : Form<Allowance>
    {
        private const string Days = "^P([0-9]+W)?([0-9]+D)?$";

        private const string WhatAllowance = "an allowance: a period of days (\"P7D\"), \"cycle\", { \"workingDays\": 2 } or { \"share\": 0.1, \"max\": \"P28D\" }";

        private static readonly Shape<int?, Allowance> WorkingDays = new Shape<int?, Allowance>(
                null, WhatAllowance, "allowance property", "Working days on the alignment calendar.",
                () => null, (days, fields, context) => days is { } d ? Allowance.TryWorkingDays(d, fields.Get("workingDays"), context.Problems) ?? default : default)
            .Field("workingDays", Forms.Int("a number of working days", 0, Allowance.MaxDays), "0 to 36,500 working days.", (_, v) => v, a => a.Days,
                required: "a number of working days", always: true);

        private static readonly Shape<ShareDraft, Allowance> Share = new Shape<ShareDraft, Allowance>(
                null, WhatAllowance, "allowance property", "A share of the interval, capped.",
                () => new ShareDraft(), (s, fields, context) => s.Share is { } share ? Allowance.TryShareOfInterval(share, s.Max, fields, context.Problems) ?? default : default)
            .Field("share", Forms.Decimal("a share of the interval").Describing(_ => new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0, ["maximum"] = 1 }),
                "More than 0 and at most 1 (0.1 for 10 %).", (s, v) => s with { Share = v }, a => a.Share, required: "a share of the interval", always: true)
            .Field("max", Forms.Period.Describing(_ => new JsonObject { ["type"] = "string", ["pattern"] = Days }), "The cap, days or weeks (P28D).",
                (s, v) => s with { Max = v }, a => a.Days > 0 ? Period.FromDays(a.Days) : null!);

        internal override bool TryRead(DocNode node, DocumentContext context, out Allowance value)
        {
            value = default;
            if (node.Kind == JsonValueKind.String)
            {
                if (node.Text == "cycle")
                {
                    value = Allowance.WholeCycle;
                    return true;
                }

                if (!context.TryPeriod(node, out var period) || Allowance.TryCalendarDays(period, FieldRef.At(node), context.Problems) is not { } days)
                {
                    return false;
                }

                value = days;
                return true;
            }

            if (node.Kind != JsonValueKind.Object)
            {
                context.Object(node, WhatAllowance);
                return false;
            }

            bool working = node.Properties!.Any(p => p.Name == "workingDays");
            if (working == node.Properties!.Any(p => p.Name == "share"))
            {
                context.Error(node, "an allowance object has exactly one of \"workingDays\" and \"share\"");
                var properties = context.Object(node, WhatAllowance)!;
                properties.Optional("workingDays");
                properties.Optional("share");
                properties.Finish("allowance property");
                return false;
            }

            return working ? WorkingDays.TryRead(node, context, out value) : Share.TryRead(node, context, out value);
        }

        internal override void Write(Utf8JsonWriter json, Allowance value, WriteContext context)
        {
            switch (value.Kind)
            {
                case AllowanceKind.WholeCycle:
                    json.WriteStringValue("cycle");
                    break;
                case AllowanceKind.WorkingDays:
                    WorkingDays.Write(json, value, context);
                    break;
                case AllowanceKind.ShareOfInterval:
                    Share.Write(json, value, context);
                    break;
                default:
                    json.WriteStringValue("P" + value.Days.ToString(CultureInfo.InvariantCulture) + "D");
                    break;
            }
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["description"] = "How early or late a visit may be: a period of days or weeks (\"P7D\"), \"cycle\" (the whole interval), { \"workingDays\": 2 } or { \"share\": 0.1, \"max\": \"P28D\" }.",
            ["oneOf"] = new JsonArray(
                new JsonObject { ["description"] = "Calendar days or weeks (at most 36,500 days).", ["type"] = "string", ["pattern"] = Days },
                new JsonObject { ["description"] = "The whole interval to the next occurrence.", ["const"] = "cycle" },
                WorkingDays.Schema(schema),
                Share.Schema(schema)),
        };

        private sealed record ShareDraft(decimal? Share = null, Period? Max = null);
    }
}
