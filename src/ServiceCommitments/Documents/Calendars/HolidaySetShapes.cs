using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// A calendar's <c>holidaySets</c> entry, declared once: a registered set's id, or an object adding notices, years and
/// supplements to one (or making a new set of notices alone). The rules of the set are the domain's
/// (<see cref="HolidaySet"/>, <see cref="HolidayNotice"/>); what remains the document's own business is JSON types,
/// names, text forms and the limit on years added by one entry.
/// </summary>
internal static class HolidaySetShapes
{
    private static readonly Shape<YearDates, YearDates> HolidayYear = new Shape<YearDates, YearDates>(
            "holidayYear", "an object with \"holidays\" and \"adjustedWorkingDays\"", "property of a holiday year",
            "The holidays and adjusted working days of one added year.", () => new YearDates([], []), (d, _, _) => d)
        .Field("holidays", Forms.EachOf(Forms.Date, CalendarShapes.DatesWhat), "The year's holidays (non-working dates).",
            (d, v) => d with { Holidays = v.Items }, d => new Forms.Each<LocalDate>(d.Holidays, true), always: true)
        .Field("adjustedWorkingDays", Forms.EachOf(Forms.Date, CalendarShapes.DatesWhat), "The year's adjusted working days (调休): rest days that are working days.",
            (d, v) => d with { AdjustedWorkingDays = v.Items }, d => new Forms.Each<LocalDate>(d.AdjustedWorkingDays, true), always: true);

    private static readonly Form<Forms.Each<NoticeText>> Notices = Forms.EachOf(new NoticeForm(), "an array of notice texts, each pasted as published");

    /// <summary>A holiday set given as an object: the set <c>id</c> names, with notices, years and supplements added.</summary>
    private static readonly Shape<SetParts, SetParts> HolidaySetObject = new Shape<SetParts, SetParts>(
            null, "a holiday set id, or an object with \"id\" and \"notices\", \"years\" or \"supplements\"", "holiday set property",
            "A holiday set with years added: the State Council's notices pasted as published, years as dates, and later supplementary notices. An id the registry does not know, with notices, names a new set made of the notices alone.",
            () => new SetParts(null, null, null, null), (parts, fields, context) => Build(parts, fields, context))
        .Field("id", Forms.String("a holiday set id", "cn-mainland"), "The holiday set to extend, or the id of a new set made of notices (letters, digits, '-', '_', '.').",
            (p, v) => p with { Id = v }, p => p.Id!, required: "the holiday set to extend, for example \"cn-mainland\", or the id of a new set made of notices", always: true)
        .Field("notices", Notices,
            "The texts of the State Council's yearly notices (国务院办公厅关于YYYY年部分节假日安排的通知), each pasted as published: whole or its items alone, full- or half-width punctuation. Each adds its year, which the set must not know yet; together with the set's years they must leave no gap.",
            (p, v) => p with { Notices = v }, p => p.Notices!)
        .Field("years", new YearsForm(), "Years to add, each four digits (\"2027\"), together extending the set's years without a gap; at most 100.",
            (p, v) => p with { Years = v }, p => p.Years!)
        .Field("supplements", Notices,
            "The texts of later notices that change a year the set knows (2015's 70th-anniversary days, 2019's Labour Day, 2020's longer Spring Festival), applied after notices and years.",
            (p, v) => p with { Supplements = v }, p => p.Supplements!);

    internal static readonly Form<HolidaySet> SetOrId = new HolidaySetForm();

    /// <summary>The set an object names, with what it adds; null when a problem was recorded.</summary>
    private static SetParts? Build(SetParts parts, FieldMap fields, DocumentContext context)
    {
        if (parts.Id is not { } name)
        {
            return null;
        }

        var problems = context.Problems;
        bool unread = parts.Notices is { Complete: false } || parts.Supplements is { Complete: false };
        var notices = parts.Notices?.Items.Select(n => (n.Value.Notice!, n.Field)).ToList() ?? [];
        HolidaySet? set;
        if (context.HolidaySets.TryGet(name, out var registered))
        {
            set = registered;
            // Nearest to the known years first, so that notices after them and before them each extend without a gap.
            foreach (var (notice, field) in notices.OrderBy(n => Math.Max(n.Item1.Year - registered.LastYear, registered.FirstYear - n.Item1.Year)))
            {
                set = set?.AddNotice(notice, replace: false, field, problems);
            }
        }
        else if (parts.Notices is null)
        {
            problems.Add(fields.Get("id"), null, UnknownSet(name, context));
            return null;
        }
        else if (!ServiceCommitments.Calendars.HolidaySet.CheckNewId(name, fields.Get("id"), problems))
        {
            return null;
        }
        else if (notices.Count == 0 && !unread)
        {
            problems.Add(fields.Get("notices"), null, $"a new holiday set \"{ProblemSink.Cut(name)}\" needs at least one notice; expected the texts of its notices, or the id of a known set: {string.Join(", ", context.HolidaySets.Ids)}");
            return null;
        }
        else
        {
            set = unread ? null : ServiceCommitments.Calendars.HolidaySet.FromNotices(name, notices, problems);
        }

        if (parts.Years is { } years)
        {
            var added = years.Years.Select(y => (y.Year, y.Field)).ToList();
            var entries = years.Years.SelectMany(y => Entries(y.Dates)).ToList();
            set = years.Complete ? set?.Extend(added, entries, problems) : null;
        }

        foreach (var (supplement, field) in parts.Supplements?.Items ?? [])
        {
            set = set?.AddSupplement(supplement.Notice!, supplement.Text, field, problems);
        }

        return unread || set is null ? null : parts with { Set = set };
    }

    private static IEnumerable<(HolidaySetEntry, FieldRef)> Entries(YearDates dates) =>
        dates.Holidays.Select(d => (new HolidaySetEntry(d.Value, HolidayKind.Holiday, "Holiday"), d.Field))
            .Concat(dates.AdjustedWorkingDays.Select(d => (new HolidaySetEntry(d.Value, HolidayKind.AdjustedWorkingDay, "Adjusted working day"), d.Field)));

    private static string UnknownSet(string id, DocumentContext context) =>
        $"unknown holiday set \"{ProblemSink.Cut(id)}\"; expected the id of a known set: {string.Join(", ", context.HolidaySets.Ids)}";

    /// <summary>A notice's text as given, and the notice read from it.</summary>
    private sealed record NoticeText(string Text, HolidayNotice? Notice);

    /// <summary>An added year and its dates, each with where it came from.</summary>
    private sealed record AddedYear(int Year, FieldRef Field, YearDates Dates);

    private sealed record AddedYears(IReadOnlyList<AddedYear> Years, bool Complete);

    private sealed record YearDates(IReadOnlyList<(LocalDate Value, FieldRef Field)> Holidays, IReadOnlyList<(LocalDate Value, FieldRef Field)> AdjustedWorkingDays);

    /// <summary>A holiday set object's properties; when read, the set they make.</summary>
    private sealed record SetParts(string? Id, Forms.Each<NoticeText>? Notices, AddedYears? Years, Forms.Each<NoticeText>? Supplements)
    {
        internal HolidaySet? Set { get; init; }
    }

    /// <summary>A notice's text, read as the notice it is (the domain reports a text that is not one).</summary>
    private sealed class NoticeForm : Form<NoticeText>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out NoticeText value)
        {
            value = null!;
            if (!context.TryString(node, "the text of a notice, as published", out string text)
                || HolidayNotice.TryParse(text, FieldRef.At(node), context.Problems) is not { } notice)
            {
                return false;
            }

            value = new NoticeText(text, notice);
            return true;
        }

        internal override void Write(Utf8JsonWriter json, NoticeText value, WriteContext context) => json.WriteStringValue(value.Text);

        internal override JsonObject Schema(SchemaBuilder schema) => new() { ["type"] = "string", ["minLength"] = 1 };
    }

    /// <summary><c>years</c>: four-digit years to their holidays and adjusted working days; at most <see cref="DocumentLimits.MaxAddedYears"/>.</summary>
    private sealed class YearsForm : Form<AddedYears>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out AddedYears value)
        {
            value = new AddedYears([], false);
            var map = context.Object(node, "an object mapping years (\"2027\") to their holidays and adjusted working days");
            if (map is null)
            {
                return true;
            }

            if (node.Properties!.Count > DocumentLimits.MaxAddedYears)
            {
                context.Error(node, $"one holidaySets entry may add at most {DocumentLimits.MaxAddedYears} years; this one adds {node.Properties.Count.ToString(CultureInfo.InvariantCulture)}");
                return true;
            }

            int errorsBefore = context.ErrorCount;
            var years = new List<AddedYear>();
            foreach (var property in node.Properties)
            {
                map.Accept(property.Name);
                if (property.Name.Length != 4 || !int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int year))
                {
                    context.Error(property.Value, $"\"{ProblemSink.Cut(property.Name)}\" is not a year; expected four digits, for example \"2027\"");
                    continue;
                }

                years.Add(new AddedYear(year, FieldRef.At(property.Value), HolidayYear.TryRead(property.Value, context, out var dates) ? dates : new YearDates([], [])));
            }

            value = new AddedYears(years, context.ErrorCount == errorsBefore);
            return true;
        }

        internal override void Write(Utf8JsonWriter json, AddedYears value, WriteContext context)
        {
            json.WriteStartObject();
            foreach (var (year, _, dates) in value.Years)
            {
                json.WritePropertyName(year.ToString(CultureInfo.InvariantCulture));
                HolidayYear.Write(json, dates, context);
            }

            json.WriteEndObject();
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["type"] = "object",
            ["propertyNames"] = new JsonObject { ["pattern"] = "^[0-9]{4}$" },
            ["maxProperties"] = DocumentLimits.MaxAddedYears,
            ["additionalProperties"] = HolidayYear.Schema(schema),
        };
    }

    /// <summary>An entry of <c>holidaySets</c>: a registered id, or an object adding to a set (or making one of notices).</summary>
    private sealed class HolidaySetForm : Form<HolidaySet>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out HolidaySet value)
        {
            value = null!;
            if (node.Kind == JsonValueKind.Object)
            {
                bool read = HolidaySetObject.TryRead(node, context, out var parts);
                value = parts?.Set!;
                return read;
            }

            if (!context.TryString(node, HolidaySetObject.What, out string id))
            {
                return false;
            }

            if (context.HolidaySets.TryGet(id, out var set))
            {
                value = set;
                return true;
            }

            context.Error(node, UnknownSet(id, context));
            return false;
        }

        /// <summary>A set as its id when the registry holds that very set; as the registered set plus what it adds otherwise.</summary>
        internal override void Write(Utf8JsonWriter json, HolidaySet value, WriteContext context)
        {
            var registry = context.HolidaySets;

            // A set made of notices is written as its notices, as the user gave them: a new set of notices alone, or the
            // registered set with the notices and supplements added to it.
            if (NoticesAdded(value, registry) is var (notices, supplements))
            {
                HolidaySetObject.Write(json, new SetParts(value.Id, Texts(notices), null, Texts(supplements)), context);
                return;
            }

            if (!registry.TryGet(value.Id, out var registered))
            {
                Preconditions.ThrowArgument("set", $"Holiday set '{value.Id}' is not in the registry, so a document cannot name it; register it with HolidaySetRegistry.With.");
            }

            if (ReferenceEquals(value, registered) || (value.FirstYear == registered.FirstYear && value.LastYear == registered.LastYear && value.Entries.SequenceEqual(registered.Entries)))
            {
                json.WriteStringValue(value.Id);
                return;
            }

            HolidaySetObject.Write(json, new SetParts(value.Id, null, YearsAdded(value, registered), null), context);
        }

        internal override JsonObject Schema(SchemaBuilder schema) => schema.Reference("holidaySet", () => new JsonObject
        {
            ["description"] = "A holiday set: the id of a shipped or registered set (\"cn-mainland\": mainland China's statutory holidays and adjusted working days, 2004-2026), or an object that adds years to one (as the State Council's notices, or as dates), or makes a new set from notices alone.",
            ["oneOf"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "string",
                    ["description"] = "The id of a shipped or registered holiday set.",
                    ["examples"] = SchemaBuilder.Strings(["cn-mainland"]),
                },
                HolidaySetObject.Schema(schema)),
        });

        private static Forms.Each<NoticeText>? Texts(IReadOnlyList<string> texts) =>
            texts.Count == 0 ? null : Forms.Each<NoticeText>.Of(texts.Select(t => new NoticeText(t, null)));

        /// <summary>The years <paramref name="set"/> adds to the registered set, each with the entries it adds.</summary>
        private static AddedYears YearsAdded(HolidaySet set, HolidaySet registered)
        {
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

            return new AddedYears(
                [.. years.Select(y => new AddedYear(y.Key, default, new YearDates(Dates(y.Value, HolidayKind.Holiday), Dates(y.Value, HolidayKind.AdjustedWorkingDay))))],
                true);

            static IReadOnlyList<(LocalDate, FieldRef)> Dates(List<HolidaySetEntry> entries, HolidayKind kind) =>
                [.. entries.Where(e => e.Kind == kind).Select(e => (e.Date, default(FieldRef)))];
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
    }
}
