using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>Reads the calendar document of docs/documents.md into a <see cref="BusinessCalendarBuilder"/>, one property at a time.</summary>
/// <remarks>
/// The reader checks only what is the document's own business (JSON types, names, text forms, a day named twice in
/// <c>weekly</c>, limits); every rule of the calendar itself is the builder's, reported at the document's paths.
/// </remarks>
internal static class CalendarReader
{
    internal const string What = "a calendar object with \"zone\" and \"weekly\"";

    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    internal static BusinessCalendar? Read(DocNode node, DocumentContext context)
    {
        var calendar = context.Object(node, What);
        if (calendar is null)
        {
            return null;
        }

        int errorsBefore = context.ErrorCount;
        var builder = new BusinessCalendarBuilder(ReadZone(calendar, context));
        bool weekComplete = ReadWeekly(calendar, context, builder);
        ReadHolidaySets(calendar, context, builder);
        ReadAdjustedWorkingDayHours(calendar, context, builder);
        var dates = new DateBudget();
        ReadDates(calendar, "closures", CalendarOverrideKind.Closure, context, builder, dates);
        ReadDates(calendar, "workingDays", CalendarOverrideKind.WorkingDay, context, builder, dates);
        ReadSpecialHours(calendar, context, builder, dates);
        ReadUnknownYears(calendar, context, builder);
        calendar.Finish("calendar property");

        // A week that could not be read completely is not known to lack working time.
        builder.CheckWorkingWeek = weekComplete;
        var built = builder.TryBuild(context.Problems);
        return context.ErrorCount > errorsBefore ? null : built;
    }

    private static DateTimeZone ReadZone(ObjectReader calendar, DocumentContext context) =>
        calendar.Required("zone", "the calendar's IANA time zone id, such as Asia/Shanghai") is { } node && context.TryZone(node, out var zone)
            ? zone
            : DateTimeZone.Utc;

    /// <summary>Reads <c>weekly</c>; false when some of it could not be read.</summary>
    private static bool ReadWeekly(ObjectReader calendar, DocumentContext context, BusinessCalendarBuilder builder)
    {
        var node = calendar.Required("weekly", "the weekly working hours, or \"5x8\" or \"24x7\"");
        if (node is null)
        {
            return false;
        }

        builder.WeekField = FieldRef.At(node);
        if (node.Kind == JsonValueKind.String)
        {
            return ReadReadyMadeWeek(node, context, builder);
        }

        var days = context.Object(node, "an object mapping days (\"Monday-Friday\") to arrays of intervals, or \"5x8\" or \"24x7\"");
        if (days is null)
        {
            return false;
        }

        int errorsBefore = context.ErrorCount;
        var named = new string?[7];
        foreach (var property in node.Properties!)
        {
            days.Accept(property.Name);
            var range = ParseDays(property.Name);
            if (range is null)
            {
                context.Error(property.Value, $"\"{ProblemSink.Cut(property.Name)}\" is not a day, a range of days or a list of days; expected for example Monday, Monday-Friday or Saturday,Sunday");
                continue;
            }

            if (FirstNamed(range, named) is { } day)
            {
                context.Error(property.Value, $"{day} already has hours from \"{named[(int)day - 1]}\"; a day may be named once");
                continue;
            }

            var hours = ReadHours(property.Value, context);
            foreach (var (first, last) in range)
            {
                foreach (var named1 in (first, last).Days())
                {
                    named[(int)named1 - 1] = property.Name;
                }

                if (hours is not null)
                {
                    builder.SetWeeklyHours(first, last, hours, FieldRef.At(property.Value));
                }
            }
        }

        return context.ErrorCount == errorsBefore;
    }

    private static bool ReadReadyMadeWeek(DocNode node, DocumentContext context, BusinessCalendarBuilder builder)
    {
        switch (node.Text)
        {
            case "24x7" or "7x24" or "24×7" or "7×24":
                builder.SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, [WorkingInterval.AllDay], FieldRef.At(node));
                return true;
            case "5x8" or "5×8":
                builder.SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, BusinessCalendar.FiveByEightHours, FieldRef.At(node));
                return true;
            default:
                context.Invalid(node, "expected a ready-made week, \"24x7\" or \"5x8\", or an object of days to intervals");
                return false;
        }
    }

    /// <summary>Parses a <c>weekly</c> key: a day, a range of days (wrapping past Sunday) or a comma list of either.</summary>
    private static List<(IsoDayOfWeek First, IsoDayOfWeek Last)>? ParseDays(string key)
    {
        var result = new List<(IsoDayOfWeek, IsoDayOfWeek)>();
        foreach (string part in key.Split(','))
        {
            string[] range = part.Split('-');
            if (range.Length > 2 || ParseDay(range[0]) is not { } first || ParseDay(range[^1]) is not { } last)
            {
                return null;
            }

            result.Add((first, last));
        }

        return result;
    }

    private static IEnumerable<IsoDayOfWeek> Days(this (IsoDayOfWeek First, IsoDayOfWeek Last) range)
    {
        for (int day = (int)range.First; ; day = (day % 7) + 1)
        {
            yield return (IsoDayOfWeek)day;
            if (day == (int)range.Last)
            {
                yield break;
            }
        }
    }

    private static IsoDayOfWeek? FirstNamed(List<(IsoDayOfWeek First, IsoDayOfWeek Last)> ranges, string?[] named)
    {
        foreach (var range in ranges)
        {
            foreach (var day in range.Days())
            {
                if (named[(int)day - 1] is not null)
                {
                    return day;
                }
            }
        }

        return null;
    }

    private static IsoDayOfWeek? ParseDay(string text)
    {
        string name = text.Trim().ToLowerInvariant();
        for (int i = 0; i < DayNames.Length; i++)
        {
            if (name == DayNames[i] || (name.Length == 3 && DayNames[i].StartsWith(name, StringComparison.Ordinal)))
            {
                return (IsoDayOfWeek)(i + 1);
            }
        }

        return null;
    }

    /// <summary>Reads an array of <c>"HH:mm-HH:mm"</c>; null (with problems recorded) when an item is not an interval.</summary>
    private static WorkingInterval[]? ReadHours(DocNode node, DocumentContext context)
    {
        var items = context.Array(node, "an array of intervals such as [\"09:00-12:00\", \"13:00-18:00\"]");
        if (node.Kind != JsonValueKind.Array)
        {
            return null;
        }

        if (items.Count > CalendarValidation.MaxIntervalsPerDay)
        {
            context.Invalid(node, $"a day may have at most {CalendarValidation.MaxIntervalsPerDay} working intervals; this array has {items.Count.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        var result = new WorkingInterval[items.Count];
        bool complete = true;
        for (int i = 0; i < items.Count; i++)
        {
            if (!context.TryString(items[i], "an interval HH:mm-HH:mm", out string text))
            {
                complete = false;
            }
            else if (!WorkingInterval.TryParse(text, out result[i], out string? rule))
            {
                context.Invalid(items[i], rule is null
                    ? "expected an interval HH:mm-HH:mm, for example 09:00-12:00 (the end may be 24:00)"
                    : "expected an interval whose end is after its start: " + rule);
                complete = false;
            }
        }

        return complete ? result : null;
    }

    private static void ReadHolidaySets(ObjectReader calendar, DocumentContext context, BusinessCalendarBuilder builder)
    {
        if (calendar.Optional("holidaySets") is not { } node)
        {
            return;
        }

        foreach (var item in context.Array(node, "an array of holiday set ids"))
        {
            if (HolidaySetReader.Read(item, context) is { } set)
            {
                builder.AddHolidaySet(set, FieldRef.At(item));
            }
        }
    }

    private static void ReadAdjustedWorkingDayHours(ObjectReader calendar, DocumentContext context, BusinessCalendarBuilder builder)
    {
        if (calendar.Optional("adjustedWorkingDayHours") is { } node && ReadHours(node, context) is { } hours)
        {
            builder.SetAdjustedHours(hours, FieldRef.At(node));
        }
    }

    private static void ReadDates(
        ObjectReader calendar, string name, CalendarOverrideKind kind, DocumentContext context, BusinessCalendarBuilder builder, DateBudget budget)
    {
        if (calendar.Optional(name) is not { } node)
        {
            return;
        }

        var items = context.Array(node, "an array of dates (YYYY-MM-DD)");
        if (!budget.Take(items.Count, node, context))
        {
            return;
        }

        foreach (var item in items)
        {
            if (context.TryDate(item, out var date))
            {
                builder.AddOverride(date, kind, null, FieldRef.At(item));
            }
        }
    }

    private static void ReadSpecialHours(ObjectReader calendar, DocumentContext context, BusinessCalendarBuilder builder, DateBudget budget)
    {
        if (calendar.Optional("specialHours") is not { } node ||
            context.Object(node, "an object mapping dates to arrays of intervals") is not { } dates ||
            !budget.Take(node.Properties!.Count, node, context))
        {
            return;
        }

        foreach (var property in node.Properties!)
        {
            dates.Accept(property.Name);
            if (!IsoText.TryParseDate(property.Name, out var date))
            {
                context.Error(property.Value, $"\"{ProblemSink.Cut(property.Name)}\" is not a valid date; expected YYYY-MM-DD");
                continue;
            }

            if (ReadHours(property.Value, context) is { } hours)
            {
                builder.AddOverride(date, CalendarOverrideKind.SpecialHours, hours, FieldRef.At(property.Value));
            }
        }

    }

    private static void ReadUnknownYears(ObjectReader calendar, DocumentContext context, BusinessCalendarBuilder builder)
    {
        if (calendar.Optional("unknownYears") is not { } node || !context.TryString(node, "\"error\", \"ordinary\" or \"provisional\"", out string mode))
        {
            return;
        }

        switch (mode)
        {
            case "error":
                break;
            case "ordinary":
                builder.SetUnknownYears(UnknownYears.Ordinary);
                break;
            case "provisional":
                builder.SetUnknownYears(UnknownYears.Provisional);
                break;
            default:
                context.Invalid(node, "expected a mode for unknown years, \"error\", \"ordinary\" or \"provisional\"");
                break;
        }
    }

    /// <summary>Counts the dates of closures, workingDays and specialHours against <see cref="DocumentLimits.MaxCalendarDates"/>.</summary>
    private sealed class DateBudget
    {
        private int used;

        internal bool Take(int count, DocNode node, DocumentContext context)
        {
            used += count;
            if (used <= DocumentLimits.MaxCalendarDates)
            {
                return true;
            }

            context.Error(node, $"a calendar document may list at most {DocumentLimits.MaxCalendarDates.ToString(CultureInfo.InvariantCulture)} dates in closures, workingDays and specialHours together");
            return false;
        }
    }
}
