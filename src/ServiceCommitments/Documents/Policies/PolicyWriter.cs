using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ServiceCommitments.Calendars;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Documents;

/// <summary>Writes a policy, with the calendars it counts on, as the policy document of docs/policies.md.</summary>
internal static class PolicyWriter
{
    /// <summary>The calendars the policy counts on: its named ones and any a row holds directly.</summary>
    internal static IEnumerable<KeyValuePair<string?, BusinessCalendar>> CalendarsOf(ServicePolicy policy) =>
        policy.Calendars.Select(p => new KeyValuePair<string?, BusinessCalendar>(p.Key, p.Value))
            .Concat(policy.Rows.Where(t => t.Calendar is not null).Select(t => new KeyValuePair<string?, BusinessCalendar>(null, t.Calendar!)));

    /// <summary>Writes <c>"policy"</c> into the object being written, naming calendars by <paramref name="names"/>.</summary>
    internal static void WritePolicy(Utf8JsonWriter json, ServicePolicy policy, CalendarNaming names)
    {
        json.WritePropertyName("policy");
        PolicyShapes.Policy.Write(json, policy, new WriteContext(names));
    }
}

/// <summary>Writes a target's amount and options as the properties <see cref="TargetReader"/> reads.</summary>
/// <remarks>
/// A target no document can hold is an <see cref="ArgumentException"/>, not a document that fails to read: a cut-off with
/// seconds (documents write <c>HH:mm</c>) or a period beyond the reader's 10,000 years.
/// </remarks>
internal static class TargetWriter
{
    internal static void Write(Utf8JsonWriter json, ServiceTarget target, string? calendarName)
    {
        Check(target);
        switch (target.Kind)
        {
            case TargetKind.Elapsed:
                json.WriteString("elapsed", IsoText.FormatDuration(target.Amount));
                break;
            case TargetKind.WorkingTime:
                json.WriteString("workingTime", IsoText.FormatDuration(target.Amount));
                break;
            case TargetKind.WorkingDays:
                json.WriteNumber("workingDays", target.Days);
                break;
            case TargetKind.CalendarDays:
                json.WriteNumber("calendarDays", target.Days);
                break;
            default:
                json.WriteString("period", IsoText.FormatPeriod(target.Period!));
                break;
        }

        if (target.HolidayRule == HolidayRule.NextWorkingDay)
        {
            json.WriteString("holidayRule", "nextWorkingDay");
        }

        if (target.CutOff is { } cutOff)
        {
            json.WriteString("cutOff", cutOff.ToString("HH:mm", CultureInfo.InvariantCulture));
        }

        if (calendarName is not null)
        {
            json.WriteString("calendar", calendarName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a target that <see cref="TargetReader"/> would not read back.</summary>
    internal static void Check(ServiceTarget target)
    {
        if (target.CutOff is { } cutOff && (cutOff.Second != 0 || cutOff.TickOfSecond != 0))
        {
            Internal.Preconditions.ThrowArgument(
                "target", $"The target {target} has the cut-off {cutOff.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)}, with seconds, which a document cannot express (HH:mm).");
        }

        if (target.Period is { } period && !Targets.PeriodRules.IsWithinMaxLength(period))
        {
            Internal.Preconditions.ThrowArgument("target", $"The target's period {IsoText.FormatPeriod(period)} is longer than the 10,000 years a document can express.");
        }
    }
}
