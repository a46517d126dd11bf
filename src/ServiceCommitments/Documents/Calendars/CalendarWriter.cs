using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.TimeZones;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>Writes a calendar as the calendar document of docs/documents.md; reading it back gives a calendar with the same rules.</summary>
internal static class CalendarWriter
{
    internal static void Write(Utf8JsonWriter json, BusinessCalendar calendar, HolidaySetRegistry registry)
    {
        if (!ReferenceEquals(calendar.Resolver, Resolvers.LenientResolver))
        {
            Preconditions.ThrowArgument(nameof(calendar), "The calendar maps local times with a resolver other than NodaTime's lenient one, which a calendar document cannot express.");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(calendar.Zone.Id) is null)
        {
            Preconditions.ThrowArgument(nameof(calendar), $"The calendar's zone \"{calendar.Zone.Id}\" is not a tzdb zone, which a calendar document needs.");
        }

        json.WriteStartObject();
        json.WriteString("zone", calendar.Zone.Id);
        WriteWeekly(json, calendar);
        if (calendar.HolidaySets.Count > 0)
        {
            json.WriteStartArray("holidaySets");
            foreach (var set in calendar.HolidaySets)
            {
                WriteHolidaySet(json, set, registry);
            }

            json.WriteEndArray();
        }

        if (calendar.Overrides.ExplicitAdjustedHours is { } adjusted)
        {
            WriteHours(json, "adjustedWorkingDayHours", adjusted);
        }

        var entries = calendar.Overrides.Entries.OrderBy(e => e.Key).ToList();
        WriteDates(json, "closures", entries.Where(e => e.Value.Kind == CalendarOverrideKind.Closure).Select(e => e.Key));
        WriteDates(json, "workingDays", entries.Where(e => e.Value.Kind == CalendarOverrideKind.WorkingDay).Select(e => e.Key));
        var special = entries.Where(e => e.Value.Kind == CalendarOverrideKind.SpecialHours).ToList();
        if (special.Count > 0)
        {
            json.WriteStartObject("specialHours");
            foreach (var (date, (_, hours)) in special)
            {
                WriteHours(json, IsoText.FormatDate(date), hours!);
            }

            json.WriteEndObject();
        }

        if (calendar.UnknownYears != UnknownYears.Error)
        {
            json.WriteString("unknownYears", calendar.UnknownYears == UnknownYears.Ordinary ? "ordinary" : "provisional");
        }

        json.WriteEndObject();
    }

    private static void WriteWeekly(Utf8JsonWriter json, BusinessCalendar calendar)
    {
        json.WriteStartObject("weekly");
        int day = 1;
        while (day <= 7)
        {
            var hours = calendar.GetWeeklyHours((IsoDayOfWeek)day);
            int last = day;
            while (last < 7 && calendar.GetWeeklyHours((IsoDayOfWeek)(last + 1)).SequenceEqual(hours))
            {
                last++;
            }

            if (hours.Count > 0)
            {
                string key = last == day ? ((IsoDayOfWeek)day).ToString() : $"{(IsoDayOfWeek)day}-{(IsoDayOfWeek)last}";
                WriteHours(json, key, hours);
            }

            day = last + 1;
        }

        json.WriteEndObject();
    }

    /// <summary>A set as its id when the registry holds that very set; as the registered set plus the years it adds otherwise.</summary>
    private static void WriteHolidaySet(Utf8JsonWriter json, HolidaySet set, HolidaySetRegistry registry)
    {
        // A set made of notices is written as its notices, as the user gave them: a new set of notices alone, or the
        // registered set with the notices and supplements added to it.
        if (NoticesAdded(set, registry) is var (notices, supplements))
        {
            json.WriteStartObject();
            json.WriteString("id", set.Id);
            WriteTexts(json, "notices", notices);
            WriteTexts(json, "supplements", supplements);
            json.WriteEndObject();
            return;
        }

        if (!registry.TryGet(set.Id, out var registered))
        {
            Preconditions.ThrowArgument(nameof(set), $"Holiday set '{set.Id}' is not in the registry, so a document cannot name it; register it with HolidaySetRegistry.With.");
        }

        if (ReferenceEquals(set, registered) || (set.FirstYear == registered.FirstYear && set.LastYear == registered.LastYear && set.Entries.SequenceEqual(registered.Entries)))
        {
            json.WriteStringValue(set.Id);
            return;
        }

        var known = new HashSet<HolidaySetEntry>(registered.Entries);
        bool extends = set.FirstYear <= registered.FirstYear && set.LastYear >= registered.LastYear && registered.Entries.All(e => set.TryGetEntry(e.Date, out var mine) && mine.Kind == e.Kind);
        if (!extends)
        {
            Preconditions.ThrowArgument(nameof(set), $"Holiday set '{set.Id}' is not the registered set nor the registered set with years added, so a document cannot express it.");
        }

        // Each added entry goes under its own year, or, when it lies in a year the registered set knows (a notice's block
        // starting on 31 December), under the added year next to it.
        var years = new SortedDictionary<int, List<HolidaySetEntry>>();
        for (int year = set.FirstYear; year <= set.LastYear; year++)
        {
            if (!registered.KnowsYear(year))
            {
                years[year] = [];
            }
        }

        foreach (var entry in set.Entries.Where(e => !known.Contains(e)))
        {
            int year = entry.Date.Year;
            int key = years.ContainsKey(year) ? year : year <= registered.FirstYear ? registered.FirstYear - 1 : registered.LastYear + 1;
            years[key].Add(entry);
        }

        json.WriteStartObject();
        json.WriteString("id", set.Id);
        json.WriteStartObject("years");
        foreach (var (year, entries) in years)
        {
            json.WriteStartObject(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            WriteDates(json, "holidays", entries.Where(e => e.Kind == HolidayKind.Holiday).Select(e => e.Date), always: true);
            WriteDates(json, "adjustedWorkingDays", entries.Where(e => e.Kind == HolidayKind.AdjustedWorkingDay).Select(e => e.Date), always: true);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// The notices and supplements a document must give to make <paramref name="set"/>: all of them for a set of notices
    /// alone whose id the registry does not hold; those added to the registered set otherwise. Null when the set was not
    /// made of notices, or not from the registered set.
    /// </summary>
    private static (IReadOnlyList<string> Notices, IReadOnlyList<string> Supplements)? NoticesAdded(HolidaySet set, HolidaySetRegistry registry)
    {
        if (set.Sources is not { } sources)
        {
            return null;
        }

        if (!registry.TryGet(set.Id, out var registered))
        {
            return sources.Base is null ? (sources.Notices, sources.Supplements) : null;
        }

        var given = registered.Sources ?? new Calendars.Notices.NoticeSources(registered, [], []);
        bool extendsRegistered = ReferenceEquals(given.Base, sources.Base)
            && sources.Notices.Take(given.Notices.Length).SequenceEqual(given.Notices)
            && sources.Supplements.Take(given.Supplements.Length).SequenceEqual(given.Supplements);
        return extendsRegistered && !ReferenceEquals(set, registered)
            ? (sources.Notices[given.Notices.Length..], sources.Supplements[given.Supplements.Length..])
            : null;
    }

    private static void WriteTexts(Utf8JsonWriter json, string name, IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (string text in texts)
        {
            json.WriteStringValue(text);
        }

        json.WriteEndArray();
    }

    private static void WriteHours(Utf8JsonWriter json, string name, IReadOnlyList<WorkingInterval> hours)
    {
        json.WriteStartArray(name);
        foreach (var interval in hours)
        {
            json.WriteStringValue(interval.ToString());
        }

        json.WriteEndArray();
    }

    private static void WriteDates(Utf8JsonWriter json, string name, IEnumerable<LocalDate> dates, bool always = false)
    {
        var list = dates.ToList();
        if (list.Count == 0 && !always)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var date in list)
        {
            json.WriteStringValue(IsoText.FormatDate(date));
        }

        json.WriteEndArray();
    }
}
