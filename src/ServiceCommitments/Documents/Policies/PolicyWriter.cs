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
        json.WriteStartObject("policy");
        if (!ReferenceEquals(policy.Levels, FaultLevels.Standard))
        {
            WriteLevels(json, policy.Levels);
        }

        if (policy.DefaultCalendar is { } defaultCalendar)
        {
            json.WriteString("calendar", names.NameOf(policy.Calendars[defaultCalendar]));
        }

        var eventOnly = policy.Milestones.Where(m => !policy.Rows.Any(t => t.Milestone == m)).ToList();
        if (eventOnly.Count > 0)
        {
            json.WriteStartArray("milestones");
            foreach (string milestone in eventOnly)
            {
                json.WriteStringValue(milestone);
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("targets");
        foreach (var row in policy.Rows)
        {
            string? calendar = row.Calendar is { } c ? names.NameOf(c) : row.CalendarName is { } n ? names.NameOf(policy.Calendars[n]) : null;
            WriteRow(json, row, calendar);
        }

        json.WriteEndArray();
        if (policy.ConfirmedEventsOnly)
        {
            json.WriteBoolean("confirmedEventsOnly", true);
        }

        if (policy.LevelChange == LevelChangeRule.FromChange)
        {
            json.WriteString("levelChange", "fromChange");
        }

        json.WriteEndObject();
    }

    private static void WriteLevels(Utf8JsonWriter json, FaultLevels levels)
    {
        json.WriteStartArray("levels");
        foreach (var level in levels.Levels)
        {
            json.WriteStartObject();
            json.WriteNumber("level", level.Number);
            if (level.Names.Count > 0)
            {
                json.WriteStartArray("names");
                foreach (string name in level.Names)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
            }

            if (level.Description.Length > 0)
            {
                json.WriteString("description", level.Description);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteRow(Utf8JsonWriter json, PolicyRow row, string? calendar)
    {
        json.WriteStartObject();
        json.WriteString("milestone", row.Milestone);
        if (row.Levels.Count > 0)
        {
            json.WriteStartArray("levels");
            foreach (int level in row.Levels)
            {
                json.WriteNumberValue(level);
            }

            json.WriteEndArray();
        }

        if (row.Where.Count > 0)
        {
            json.WriteStartObject("where");
            foreach (var (name, values) in row.Where)
            {
                if (values.Count == 1)
                {
                    json.WriteString(name, values[0]);
                    continue;
                }

                json.WriteStartArray(name);
                foreach (string value in values)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        TargetWriter.Write(json, row.Target, calendar);
        if (row.FromMilestone is not null)
        {
            json.WriteString("from", row.From);
        }

        if (row.IfBreached is { } ifBreached)
        {
            json.WriteString("ifBreached", ifBreached);
        }

        if (row.IgnorePauses)
        {
            json.WriteBoolean("ignorePauses", true);
        }

        if (row.Warnings.Count > 0)
        {
            json.WriteStartArray("warnings");
            foreach (var warning in row.Warnings)
            {
                json.WriteStartObject();
                if (warning.Lead is { } lead)
                {
                    json.WriteString("before", IsoText.FormatDuration(lead));
                }
                else
                {
                    json.WriteNumber("share", warning.Share!.Value);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
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
