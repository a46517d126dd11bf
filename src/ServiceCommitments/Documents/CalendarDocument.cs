using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads a <see cref="BusinessCalendar"/> from its JSON document (docs/documents.md): <c>zone</c>, <c>weekly</c>,
/// <c>holidaySets</c>, <c>adjustedWorkingDayHours</c>, <c>closures</c>, <c>workingDays</c>, <c>specialHours</c> and
/// <c>unknownYears</c>.
/// </summary>
/// <remarks>
/// Every problem in a document is collected and reported at once in a <see cref="DocumentException"/>, each with its
/// JSON path and the value found. Unknown properties are errors, so a misspelt name is never silently ignored. The
/// methods are thread-safe.
/// </remarks>
public static class CalendarDocument
{
    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly HashSet<string> Properties =
        ["zone", "weekly", "holidaySets", "adjustedWorkingDayHours", "closures", "workingDays", "specialHours", "unknownYears"];

    /// <summary>Reads a calendar from JSON text.</summary>
    /// <param name="json">The calendar document.</param>
    /// <param name="holidaySets">Where to look up the ids in <c>holidaySets</c>; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentException">The text is not JSON, or the document has errors; all are listed.</exception>
    public static BusinessCalendar Parse(string json, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        using var document = ParseJson(json, null);
        return Read(document.RootElement, holidaySets);
    }

    /// <summary>Reads a calendar from a parsed JSON element.</summary>
    /// <param name="element">The calendar document's root object.</param>
    /// <param name="holidaySets">Where to look up the ids in <c>holidaySets</c>; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="DocumentException">The document has errors; all are listed.</exception>
    public static BusinessCalendar Read(JsonElement element, HolidaySetRegistry? holidaySets = null)
    {
        var values = new DocumentValues();
        var calendar = Read(element, "$", holidaySets ?? HolidaySetRegistry.Default, values);
        if (values.Errors.Count > 0 || calendar is null)
        {
            throw new DocumentException(null, values.Errors);
        }

        return calendar;
    }

    internal static JsonDocument ParseJson(string json, string? source)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            string path = e.LineNumber is long line ? $"$ (line {line + 1}, column {e.BytePositionInLine + 1})" : "$";
            throw new DocumentException(source, [new DocumentError(path, "not valid JSON: " + e.Message)]);
        }
    }

    /// <summary>Reads the calendar at <paramref name="path"/>; returns null (with errors recorded) when it cannot be built.</summary>
    internal static BusinessCalendar? Read(JsonElement element, string path, HolidaySetRegistry registry, DocumentValues values)
    {
        if (!values.CheckKind(element, JsonValueKind.Object, path, "a calendar object with \"zone\" and \"weekly\""))
        {
            return null;
        }

        int errorsBefore = values.Errors.Count;
        DateTimeZone? zone = null;
        BusinessCalendarBuilder? builder = null;
        var seenDates = new Dictionary<LocalDate, string>();
        bool sawZone = false, sawWeekly = false;
        foreach (var property in element.EnumerateObject())
        {
            if (!Properties.Contains(property.Name))
            {
                values.Error(DocumentValues.Child(path, property.Name), $"unknown calendar property; expected one of {string.Join(", ", Properties)}");
            }
        }

        if (element.TryGetProperty("zone", out var zoneElement))
        {
            sawZone = true;
            string zonePath = DocumentValues.Child(path, "zone");
            if (values.TryString(zoneElement, zonePath, "a time zone id", out string id))
            {
                zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
                if (zone is null)
                {
                    values.Error(zonePath, $"unknown time zone \"{id}\"; expected an IANA (tzdb) id such as Asia/Shanghai");
                }
            }
        }

        builder = new BusinessCalendarBuilder(zone ?? DateTimeZone.Utc);
        if (element.TryGetProperty("weekly", out var weekly))
        {
            sawWeekly = true;
            ReadWeekly(weekly, DocumentValues.Child(path, "weekly"), builder, values);
        }

        if (!sawZone)
        {
            values.Error(path, "missing \"zone\": the calendar's IANA time zone id, such as Asia/Shanghai");
        }

        if (!sawWeekly)
        {
            values.Error(path, "missing \"weekly\": the weekly working hours, or \"5x8\" or \"24x7\"");
        }

        if (element.TryGetProperty("holidaySets", out var sets))
        {
            string setsPath = DocumentValues.Child(path, "holidaySets");
            if (values.CheckKind(sets, JsonValueKind.Array, setsPath, "an array of holiday set ids"))
            {
                int i = 0;
                foreach (var item in sets.EnumerateArray())
                {
                    string itemPath = DocumentValues.Index(setsPath, i++);
                    var set = ReadHolidaySet(item, itemPath, registry, values);
                    if (set is null)
                    {
                        continue;
                    }

                    if (builder.HolidaySetIds().Contains(set.Id))
                    {
                        values.Error(itemPath, $"holiday set \"{set.Id}\" is listed twice");
                    }
                    else
                    {
                        builder.AddHolidaySet(set);
                    }
                }
            }
        }

        if (element.TryGetProperty("adjustedWorkingDayHours", out var adjusted))
        {
            string adjustedPath = DocumentValues.Child(path, "adjustedWorkingDayHours");
            var hours = ReadHours(adjusted, adjustedPath, values);
            if (hours is { Length: 0 })
            {
                values.Error(adjustedPath, "adjusted working days need at least one interval; use \"closures\" to close a date");
            }
            else if (hours is not null)
            {
                builder.SetAdjustedWorkingDayHours(hours);
            }
        }

        ReadDates(element, path, "closures", seenDates, values, date => builder.AddClosure(date));
        ReadDates(element, path, "workingDays", seenDates, values, date => builder.AddWorkingDay(date));
        if (element.TryGetProperty("specialHours", out var special))
        {
            string specialPath = DocumentValues.Child(path, "specialHours");
            if (values.CheckKind(special, JsonValueKind.Object, specialPath, "an object mapping dates to arrays of intervals"))
            {
                foreach (var property in special.EnumerateObject())
                {
                    string datePath = DocumentValues.Child(specialPath, property.Name);
                    var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(property.Name);
                    if (!parsed.Success)
                    {
                        values.Error(datePath, $"\"{property.Name}\" is not a valid date; expected YYYY-MM-DD");
                        continue;
                    }

                    var hours = ReadHours(property.Value, datePath, values);
                    if (hours is not null && CheckOverride(parsed.Value, datePath, "specialHours", seenDates, values))
                    {
                        builder.SetSpecialHours(parsed.Value, hours);
                    }
                }
            }
        }

        if (element.TryGetProperty("unknownYears", out var unknownYears))
        {
            string unknownPath = DocumentValues.Child(path, "unknownYears");
            if (values.TryString(unknownYears, unknownPath, "\"error\" or \"ordinary\"", out string mode))
            {
                switch (mode)
                {
                    case "error":
                        break;
                    case "ordinary":
                        builder.TreatUnknownYearsAsOrdinary();
                        break;
                    default:
                        values.Error(unknownPath, $"\"{mode}\" is not a mode for unknown years; expected \"error\" or \"ordinary\"");
                        break;
                }
            }
        }

        if (values.Errors.Count > errorsBefore)
        {
            return null;
        }

        try
        {
            return builder.Build();
        }
        catch (InvalidOperationException e)
        {
            values.Error(DocumentValues.Child(path, "weekly"), e.Message);
            return null;
        }
    }

    /// <summary>
    /// Reads one entry of <c>holidaySets</c>: an id, or <c>{ "id": ..., "years": { "2027": { "holidays": [...],
    /// "adjustedWorkingDays": [...] } } }</c>, the set extended by the years listed (each next to the years it knows).
    /// </summary>
    private static HolidaySet? ReadHolidaySet(JsonElement item, string path, HolidaySetRegistry registry, DocumentValues values)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            if (!values.TryString(item, path, "a holiday set id, or an object with \"id\" and \"years\"", out string name))
            {
                return null;
            }

            return LookUp(name, path);
        }

        HolidaySet? set = null;
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name is not ("id" or "years"))
            {
                values.Error(DocumentValues.Child(path, property.Name), "unknown holiday set property; expected id, years");
            }
        }

        if (!item.TryGetProperty("id", out var idElement))
        {
            values.Error(path, "missing \"id\": the holiday set to extend, for example \"cn-mainland\"");
        }
        else if (values.TryString(idElement, DocumentValues.Child(path, "id"), "a holiday set id", out string id))
        {
            set = LookUp(id, DocumentValues.Child(path, "id"));
        }

        if (!item.TryGetProperty("years", out var years))
        {
            return set;
        }

        string yearsPath = DocumentValues.Child(path, "years");
        if (!values.CheckKind(years, JsonValueKind.Object, yearsPath, "an object mapping years (\"2027\") to their holidays and adjusted working days"))
        {
            return null;
        }

        var added = new SortedDictionary<int, (string Path, List<HolidaySetEntry> Entries)>();
        foreach (var property in years.EnumerateObject())
        {
            string yearPath = DocumentValues.Child(yearsPath, property.Name);
            if (!int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int year) || property.Name.Length != 4)
            {
                values.Error(yearPath, $"\"{property.Name}\" is not a year; expected four digits, for example \"2027\"");
                continue;
            }

            if (!values.CheckKind(property.Value, JsonValueKind.Object, yearPath, "an object with \"holidays\" and \"adjustedWorkingDays\""))
            {
                continue;
            }

            var entries = new List<HolidaySetEntry>();
            foreach (var list in property.Value.EnumerateObject())
            {
                string listPath = DocumentValues.Child(yearPath, list.Name);
                HolidayKind kind;
                switch (list.Name)
                {
                    case "holidays":
                        kind = HolidayKind.Holiday;
                        break;
                    case "adjustedWorkingDays":
                        kind = HolidayKind.AdjustedWorkingDay;
                        break;
                    default:
                        values.Error(listPath, "unknown property of a holiday year; expected holidays, adjustedWorkingDays");
                        continue;
                }

                if (!values.CheckKind(list.Value, JsonValueKind.Array, listPath, "an array of dates (YYYY-MM-DD)"))
                {
                    continue;
                }

                int j = 0;
                foreach (var dateElement in list.Value.EnumerateArray())
                {
                    if (values.TryDate(dateElement, DocumentValues.Index(listPath, j++), out var date))
                    {
                        entries.Add(new HolidaySetEntry(date, kind, kind == HolidayKind.Holiday ? "Holiday" : "Adjusted working day"));
                    }
                }
            }

            added[year] = (yearPath, entries);
        }

        if (set is null)
        {
            return null;
        }

        foreach (var (year, (yearPath, entries)) in added)
        {
            try
            {
                set = set.WithYear(year, entries);
            }
            catch (ArgumentException e)
            {
                values.Error(yearPath, WithoutParameter(e.Message));
                return null;
            }
        }

        return set;

        HolidaySet? LookUp(string id, string idPath)
        {
            if (registry.TryGet(id, out var found))
            {
                return found;
            }

            values.Error(idPath, $"unknown holiday set \"{id}\"; known: {string.Join(", ", registry.Ids)}");
            return null;
        }
    }

    private static void ReadWeekly(JsonElement weekly, string path, BusinessCalendarBuilder builder, DocumentValues values)
    {
        if (weekly.ValueKind == JsonValueKind.String)
        {
            switch (weekly.GetString())
            {
                case "24x7" or "7x24":
                    builder.SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, WorkingInterval.AllDay);
                    return;
                case "5x8":
                    builder.SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, BusinessCalendar.FiveByEightHours);
                    return;
                default:
                    values.Error(path, $"\"{weekly.GetString()}\" is not a ready-made week; expected \"24x7\", \"5x8\" or an object of days to intervals");
                    return;
            }
        }

        if (!values.CheckKind(weekly, JsonValueKind.Object, path, "an object mapping days (\"Monday-Friday\") to arrays of intervals, or \"5x8\" or \"24x7\""))
        {
            return;
        }

        var assigned = new string?[7];
        foreach (var property in weekly.EnumerateObject())
        {
            string keyPath = DocumentValues.Child(path, property.Name);
            var days = ParseDays(property.Name);
            if (days is null)
            {
                values.Error(keyPath, $"\"{property.Name}\" is not a day, a range of days or a list of days; expected for example Monday, Monday-Friday or Saturday,Sunday");
                continue;
            }

            var hours = ReadHours(property.Value, keyPath, values);
            foreach (var day in days)
            {
                int index = (int)day - 1;
                if (assigned[index] is not null)
                {
                    values.Error(keyPath, $"{day} already has hours from \"{assigned[index]}\"; a day may be named once");
                    continue;
                }

                assigned[index] = property.Name;
                if (hours is not null)
                {
                    builder.SetWeeklyHours(day, hours);
                }
            }
        }
    }

    private static List<IsoDayOfWeek>? ParseDays(string key)
    {
        var result = new List<IsoDayOfWeek>();
        foreach (string part in key.Split(','))
        {
            string[] range = part.Split('-');
            if (range.Length > 2)
            {
                return null;
            }

            var first = ParseDay(range[0]);
            var last = range.Length == 2 ? ParseDay(range[1]) : first;
            if (first is null || last is null)
            {
                return null;
            }

            for (int day = (int)first; ; day = (day % 7) + 1)
            {
                result.Add((IsoDayOfWeek)day);
                if (day == (int)last)
                {
                    break;
                }
            }
        }

        return result;
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

    /// <summary>Reads an array of <c>"HH:mm-HH:mm"</c>, checking order and overlap; null after recording errors.</summary>
    private static WorkingInterval[]? ReadHours(JsonElement element, string path, DocumentValues values)
    {
        if (!values.CheckKind(element, JsonValueKind.Array, path, "an array of intervals such as [\"09:00-12:00\", \"13:00-18:00\"]"))
        {
            return null;
        }

        var result = new List<WorkingInterval>();
        bool ok = true;
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            string itemPath = DocumentValues.Index(path, i++);
            if (!values.TryString(item, itemPath, "an interval HH:mm-HH:mm", out string text))
            {
                ok = false;
                continue;
            }

            WorkingInterval interval;
            try
            {
                interval = WorkingInterval.Parse(text);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                values.Error(itemPath, $"\"{text}\": {WithoutParameter(e.Message)}");
                ok = false;
                continue;
            }

            if (result.Count > 0 && interval.StartTick < result[^1].EndTick)
            {
                values.Error(itemPath, $"\"{text}\" overlaps or comes before the previous interval {result[^1]}; list intervals in order, without overlap");
                ok = false;
                continue;
            }

            result.Add(interval);
        }

        return ok ? result.ToArray() : null;
    }

    private static void ReadDates(
        JsonElement element, string path, string name, Dictionary<LocalDate, string> seen, DocumentValues values, Action<LocalDate> add)
    {
        if (!element.TryGetProperty(name, out var dates))
        {
            return;
        }

        string listPath = DocumentValues.Child(path, name);
        if (!values.CheckKind(dates, JsonValueKind.Array, listPath, "an array of dates (YYYY-MM-DD)"))
        {
            return;
        }

        int i = 0;
        foreach (var item in dates.EnumerateArray())
        {
            string itemPath = DocumentValues.Index(listPath, i++);
            if (values.TryDate(item, itemPath, out var date) && CheckOverride(date, itemPath, name, seen, values))
            {
                add(date);
            }
        }
    }

    private static bool CheckOverride(LocalDate date, string path, string name, Dictionary<LocalDate, string> seen, DocumentValues values)
    {
        if (date.Year < CalendarLimits.MinYear || date.Year > CalendarLimits.MaxYear)
        {
            values.Error(path, $"{date:uuuu-MM-dd} lies outside the supported years {CalendarLimits.MinYear}-{CalendarLimits.MaxYear}");
            return false;
        }

        if (seen.TryGetValue(date, out string? where))
        {
            values.Error(path, $"{date:uuuu-MM-dd} is already listed in \"{where}\"; a date may appear once among closures, workingDays and specialHours");
            return false;
        }

        seen.Add(date, name);
        return true;
    }

    private static string WithoutParameter(string message)
    {
        int param = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return param < 0 ? message : message[..param];
    }
}
