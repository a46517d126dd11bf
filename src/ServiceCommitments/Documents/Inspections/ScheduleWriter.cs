using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Inspections;

namespace ServiceCommitments.Documents;

/// <summary>
/// Writes an inspection schedule as the schedule of docs/inspections.md, every property that
/// <see cref="ScheduleReader"/> reads: reading it back gives a schedule with the same occurrences, windows, notices,
/// follow-up deadlines and quotas.
/// </summary>
/// <remarks>
/// Defaults are left out (clamping month ends, no alignment move, calendar-month periods, exact timing, a fixed
/// schedule). One phase that lasts to the schedule's end is written as <c>every</c>; a step of whole years as
/// <c>P1Y</c>, other month steps as <c>P3M</c>, day and week steps as <c>P14D</c>; the ready-made on-time rules as
/// <c>"tenPercent"</c> and <c>"smrp"</c>, and the floating shift as <c>"floating"</c>.
/// </remarks>
internal static class ScheduleWriter
{
    private static readonly string[] Moves = ["none", "nextWorkingDay", "previousWorkingDay", "nearestWorkingDay", "nearestWorkingDayInPeriod", "skip"];

    /// <summary>The calendars the schedule counts on: the alignment calendar and any a follow-up duty holds, under the names a document gave them.</summary>
    internal static IEnumerable<KeyValuePair<string?, BusinessCalendar>> CalendarsOf(InspectionSchedule schedule) => ScheduleCalendars.Of(schedule);

    /// <summary>Writes <c>"schedule"</c> into the object being written, naming calendars by <paramref name="names"/>.</summary>
    internal static void WriteSchedule(Utf8JsonWriter json, InspectionSchedule schedule, CalendarNaming names)
    {
        json.WritePropertyName("schedule");
        WriteObject(json, schedule, names);
    }

    /// <summary>Writes the schedule object alone, as the value of the property being written.</summary>
    internal static void WriteObject(Utf8JsonWriter json, InspectionSchedule schedule, CalendarNaming names)
    {
        json.WriteStartObject();
        json.WriteString("anchor", schedule.AnchorEvent);
        WritePhases(json, schedule.Phases);
        if (schedule.Once is { } once)
        {
            json.WriteString("once", IsoText.FormatPeriod(once));
        }

        if (schedule.IncludesAnchor)
        {
            json.WriteBoolean("includeAnchor", true);
        }

        if (schedule.MonthEnd != MonthEndRule.Clamp)
        {
            json.WriteString("monthEnd", schedule.MonthEnd == MonthEndRule.Skip ? "skip" : "forward");
        }

        if (schedule.Until is { } until)
        {
            json.WriteString("until", IsoText.FormatPeriod(until));
        }
        else if (schedule.UntilDate is { } lastDay)
        {
            json.WriteString("until", IsoText.FormatDate(lastDay));
        }

        if (schedule.Count is { } count)
        {
            json.WriteNumber("count", count);
        }

        WriteAlignment(json, schedule.Alignment, names);
        WriteTolerance(json, schedule.OnTimeRule);
        WriteShift(json, schedule.ShiftFactors);
        if (schedule.Notice is { } notice)
        {
            json.WriteStartObject("notice");
            json.WriteNumber(notice.IsWorkingDays ? "workingDays" : "calendarDays", notice.Days);
            json.WriteEndObject();
        }

        if (schedule.FollowUps.Count > 0)
        {
            json.WriteStartArray("followUps");
            foreach (var duty in schedule.FollowUps)
            {
                json.WriteStartObject();
                json.WriteString("name", duty.Name);
                TargetWriter.Write(json, duty.Within, duty.Calendar is { } calendar ? names.NameOf(calendar) : null);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (schedule.Quotas.Count > 0)
        {
            json.WriteStartArray("quotas");
            foreach (var quota in schedule.Quotas)
            {
                json.WriteStartObject();
                json.WriteNumber("atLeast", quota.AtLeast);
                json.WriteString("per", quota.Per.DocumentName);
                if (!quota.From.Equals(Period.Zero))
                {
                    json.WriteString("from", IsoText.FormatPeriod(quota.From));
                }

                if (quota.For is { } length)
                {
                    json.WriteString("for", IsoText.FormatPeriod(length));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WritePhases(Utf8JsonWriter json, IReadOnlyList<SchedulePhase> phases)
    {
        if (phases.Count == 1 && phases[0].Length is null)
        {
            json.WriteString("every", StepText(phases[0].Step));
            return;
        }

        if (phases.Count == 0)
        {
            return;
        }

        json.WriteStartArray("phases");
        foreach (var phase in phases)
        {
            json.WriteStartObject();
            json.WriteString("every", StepText(phase.Step));
            if (phase.Length is { } length)
            {
                json.WriteString("for", IsoText.FormatPeriod(length));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

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

    private static void WriteAlignment(Utf8JsonWriter json, ScheduleAlignment alignment, CalendarNaming names)
    {
        if (alignment.Calendar is not { } calendar)
        {
            return;
        }

        json.WriteStartObject("align");
        json.WriteString("calendar", names.NameOf(calendar));
        if (alignment.Move != AlignMove.None)
        {
            json.WriteString("move", Moves[(int)alignment.Move]);
        }

        if (alignment.Period != PeriodGrid.CalendarMonths)
        {
            json.WriteString("period", alignment.Period.DocumentName);
        }

        json.WriteEndObject();
    }

    private static void WriteTolerance(Utf8JsonWriter json, OnTimeRule rule)
    {
        if (rule == OnTimeRule.Exact)
        {
            return;
        }

        if (rule == OnTimeRule.TenPercentOfInterval || rule == OnTimeRule.SmrpGrace)
        {
            json.WriteString("tolerance", rule == OnTimeRule.SmrpGrace ? "smrp" : "tenPercent");
            return;
        }

        json.WriteStartObject("tolerance");
        WriteAllowance(json, "early", rule.Early);
        WriteAllowance(json, "late", rule.Late);
        if (rule.Name is { } name)
        {
            json.WriteString("name", name);
        }

        json.WriteEndObject();
    }

    private static void WriteAllowance(Utf8JsonWriter json, string side, Allowance allowance)
    {
        switch (allowance.Kind)
        {
            case AllowanceKind.CalendarDays:
                json.WriteString(side, "P" + allowance.Days.ToString(CultureInfo.InvariantCulture) + "D");
                break;
            case AllowanceKind.WholeCycle:
                json.WriteString(side, "cycle");
                break;
            case AllowanceKind.WorkingDays:
                json.WriteStartObject(side);
                json.WriteNumber("workingDays", allowance.Days);
                json.WriteEndObject();
                break;
            case AllowanceKind.ShareOfInterval:
                json.WriteStartObject(side);
                json.WriteNumber("share", allowance.Share);
                if (allowance.Days > 0)
                {
                    json.WriteString("max", "P" + allowance.Days.ToString(CultureInfo.InvariantCulture) + "D");
                }

                json.WriteEndObject();
                break;
        }
    }

    private static void WriteShift(Utf8JsonWriter json, ShiftFactors shift)
    {
        if (shift.IsFixed)
        {
            return;
        }

        if (shift == ShiftFactors.Floating)
        {
            json.WriteString("shift", "floating");
            return;
        }

        json.WriteStartObject("shift");
        json.WriteNumber("early", shift.Early);
        json.WriteNumber("late", shift.Late);
        json.WriteEndObject();
    }
}
