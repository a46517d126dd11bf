using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>
/// The rules a calendar's settings must follow, checked once: by <see cref="BusinessCalendarBuilder.Build"/> for C#
/// callers and by the calendar document reader for JSON, which passes document locations as the fields.
/// </summary>
internal static class CalendarValidation
{
    /// <summary>The most working intervals one day may have.</summary>
    internal const int MaxIntervalsPerDay = 96;

    /// <summary>Checks one day's intervals: none empty, in order, not overlapping, at most <see cref="MaxIntervalsPerDay"/>.</summary>
    internal static void CheckHours(WorkingInterval[] hours, FieldRef field, ProblemSink sink)
    {
        if (hours.Length > MaxIntervalsPerDay)
        {
            sink.Add(field, $"{hours.Length.ToString(CultureInfo.InvariantCulture)} intervals", $"a day may have at most {MaxIntervalsPerDay.ToString(CultureInfo.InvariantCulture)} working intervals");
            return;
        }

        for (int i = 0; i < hours.Length; i++)
        {
            var interval = hours[i];
            if (interval.EndTick <= interval.StartTick)
            {
                sink.Add(field.Item(i), interval.ToString(), "an interval must end after it starts (the default WorkingInterval is empty)");
            }
            else if (i > 0 && interval.StartTick < hours[i - 1].EndTick)
            {
                sink.Add(field.Item(i), interval.ToString(), $"intervals must be in order and must not overlap: the interval before it is {hours[i - 1]}");
            }
        }
    }

    /// <summary>Checks that a date is an ISO date in the years calendars support.</summary>
    internal static bool CheckDate(LocalDate date, FieldRef field, ProblemSink sink)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            sink.Add(field, date.ToString(), "expected a date in the ISO calendar");
            return false;
        }

        if (date.Year < CalendarLimits.MinYear || date.Year > CalendarLimits.MaxYear)
        {
            sink.Add(field, date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), $"expected a date in years {CalendarLimits.MinYear}-{CalendarLimits.MaxYear}, the years calendars support");
            return false;
        }

        return true;
    }

    /// <summary>Checks that no date has two overrides (a closure, a working day, special hours).</summary>
    internal static void CheckOverrides(IReadOnlyList<CalendarOverride> overrides, ProblemSink sink)
    {
        var seen = new Dictionary<LocalDate, CalendarOverride>(overrides.Count);
        foreach (var entry in overrides)
        {
            if (!CheckDate(entry.Date, entry.Field, sink))
            {
                continue;
            }

            if (seen.TryGetValue(entry.Date, out var first))
            {
                sink.Add(entry.Field, entry.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), $"a date takes one override, and it already has {Describe(first.Kind)} ({first.Field.Text})");
                continue;
            }

            seen.Add(entry.Date, entry);
            if (entry.Hours is { } hours)
            {
                CheckHours(hours, entry.Field, sink);
            }
        }
    }

    internal static string Describe(CalendarOverrideKind kind) => kind switch
    {
        CalendarOverrideKind.Closure => "a closure",
        CalendarOverrideKind.WorkingDay => "an extra working day",
        _ => "special hours",
    };
}

internal enum CalendarOverrideKind
{
    Closure,
    WorkingDay,
    SpecialHours,
}

/// <summary>A calendar's own override of one date, as given, with the field it came from.</summary>
internal readonly record struct CalendarOverride(LocalDate Date, CalendarOverrideKind Kind, WorkingInterval[]? Hours, FieldRef Field);
