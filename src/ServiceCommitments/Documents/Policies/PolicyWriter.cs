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
    /// <summary>Writes <c>"calendars"</c> and <c>"policy"</c> into the object being written.</summary>
    internal static void WriteProperties(Utf8JsonWriter json, ServicePolicy policy, HolidaySetRegistry registry)
    {
        var names = CalendarNames(policy);
        if (names.Count > 0)
        {
            json.WriteStartObject("calendars");
            foreach (var (calendar, name) in names.OrderBy(p => p.Value, StringComparer.Ordinal))
            {
                json.WritePropertyName(name);
                CalendarWriter.Write(json, calendar, registry);
            }

            json.WriteEndObject();
        }

        json.WriteStartObject("policy");
        if (!ReferenceEquals(policy.Levels, FaultLevels.Standard))
        {
            WriteLevels(json, policy.Levels);
        }

        if (policy.DefaultCalendar is { } defaultCalendar)
        {
            json.WriteString("calendar", defaultCalendar);
        }

        var eventOnly = policy.Milestones.Where(m => !policy.Targets.Any(t => t.Milestone == m)).ToList();
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
        foreach (var row in policy.Targets)
        {
            WriteRow(json, row, names);
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

    /// <summary>The policy's named calendars by name, and any calendar a row holds directly under a generated name.</summary>
    private static Dictionary<BusinessCalendar, string> CalendarNames(ServicePolicy policy)
    {
        var names = new Dictionary<BusinessCalendar, string>(ReferenceEqualityComparer.Instance);
        foreach (var (name, calendar) in policy.Calendars.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            names.TryAdd(calendar, name);
        }

        int next = 1;
        foreach (var row in policy.Targets)
        {
            if (row.Calendar is { } calendar && !names.ContainsKey(calendar))
            {
                string name;
                do
                {
                    name = "calendar" + (next++).ToString(CultureInfo.InvariantCulture);
                }
                while (policy.Calendars.ContainsKey(name));

                names.Add(calendar, name);
            }
        }

        return names;
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

    private static void WriteRow(Utf8JsonWriter json, PolicyTarget row, Dictionary<BusinessCalendar, string> names)
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

        TargetWriter.Write(json, row.Target, row.Calendar is { } calendar ? names[calendar] : row.CalendarName);
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
internal static class TargetWriter
{
    internal static void Write(Utf8JsonWriter json, ServiceTarget target, string? calendarName)
    {
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
            json.WriteString("cutOff", cutOff.ToString(cutOff.Second == 0 && cutOff.TickOfSecond == 0 ? "HH:mm" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        }

        if (calendarName is not null)
        {
            json.WriteString("calendar", calendarName);
        }
    }
}
