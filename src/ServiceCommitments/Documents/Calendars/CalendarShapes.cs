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
/// The calendar document of docs/documents.md, declared once: the calendar, its weekly hours, its holiday sets (an id,
/// or years, notices and supplements added to one) and its own dates. <see cref="CalendarReader"/>,
/// <see cref="CalendarWriter"/> and the JSON Schema come from these declarations; the rules of the calendar are the
/// domain's (<see cref="BusinessCalendarBuilder"/>, <see cref="HolidaySet"/>, <see cref="HolidayNotice"/>), checked once.
/// </summary>
/// <remarks>
/// What remains the document's own business: JSON types, names, text forms, a day named twice in <c>weekly</c>, and the
/// limits of docs/documents.md (dates in a calendar, years added by one entry).
/// </remarks>
internal static class CalendarShapes
{
    internal const string What = "a calendar object with \"zone\" and \"weekly\"";

    private const string DatesWhat = "an array of dates (YYYY-MM-DD)";

    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    internal static readonly Form<WorkingInterval> Interval = new IntervalForm().Named("interval");

    internal static readonly Form<WorkingInterval[]> Intervals = new Describing<WorkingInterval[]>(
        Forms.ArrayOf(Interval, "an array of intervals such as [\"09:00-12:00\", \"13:00-18:00\"]").Map(v => v.ToArray(), v => v),
        schema => new JsonObject
        {
            ["description"] = "The working intervals of a day, in order, not overlapping, at most 96; an empty array is a day without working hours.",
            ["type"] = "array",
            ["maxItems"] = CalendarValidation.MaxIntervalsPerDay,
            ["items"] = Interval.Schema(schema),
        }).Named("intervals");

    /// <summary>The name of a calendar in a document's <c>calendars</c>, as the parts that count on one give it.</summary>
    internal static readonly Form<string> CalendarName = new Describing<string>(
        Forms.String("a calendar name"),
        _ => new JsonObject { ["description"] = "The name of a calendar in the document's \"calendars\".", ["type"] = "string" }).Named("calendarName");

    private static readonly Shape<YearDates, YearDates> HolidayYear = new Shape<YearDates, YearDates>(
            "holidayYear", "an object with \"holidays\" and \"adjustedWorkingDays\"", "property of a holiday year",
            "The holidays and adjusted working days of one added year.", () => new YearDates([], []), (d, _, _) => d)
        .Field("holidays", Forms.EachOf(Forms.Date, DatesWhat), "The year's holidays (non-working dates).",
            (d, v) => d with { Holidays = v.Items }, d => new Forms.Each<LocalDate>(d.Holidays, true), always: true)
        .Field("adjustedWorkingDays", Forms.EachOf(Forms.Date, DatesWhat), "The year's adjusted working days (调休): rest days that are working days.",
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

    internal static readonly Shape<BusinessCalendarBuilder, BusinessCalendar> Calendar = new Shape<BusinessCalendarBuilder, BusinessCalendar>(
            "calendar", What, "calendar property",
            "A business calendar: its zone, weekly working hours, holiday sets and the customer's own dates (docs/documents.md).",
            () => new BusinessCalendarBuilder(DateTimeZone.Utc) { CheckWorkingWeek = false },
            (b, fields, context) => b.WithFields(fields).TryBuild(context.Problems))
        .Field("zone", Forms.Zone, "The IANA (tzdb) time zone id; all working hours are local times in this zone.", (b, v) => b.Zone = v, c => c.Zone,
            required: "the calendar's IANA time zone id, such as Asia/Shanghai", always: true)
        .Field("weekly", new WeeklyForm(),
            "The weekly working hours: an object mapping days (\"Monday\", \"Mon\", a range \"Monday-Friday\" that may wrap past Sunday, or a comma list \"Saturday,Sunday\") to arrays of intervals; or \"24x7\" (every day 00:00-24:00) or \"5x8\" (Monday-Friday 09:00-12:00 and 13:00-18:00). A day not named has no hours; a day named twice is an error.",
            SetWeek, Week.Of, required: "the weekly working hours, or \"5x8\" or \"24x7\"", always: true)
        .Field("holidaySets", Forms.EachOf(SetOrId, "an array of holiday set ids"), "Holiday sets, applied in order: each a set's id or an object adding years to one.",
            (b, v) => Each(v, (set, field) => b.AddHolidaySet(set, field)), c => c.HolidaySets.Count == 0 ? null! : Forms.Each<HolidaySet>.Of(c.HolidaySets))
        .Field("adjustedWorkingDayHours", Intervals,
            "The hours of an adjusted working day and of a date in \"workingDays\". Default: Monday's hours, or those of the first day after it that has hours.",
            (b, v) => b.SetAdjustedWorkingDayHours(v), c => c.Overrides.ExplicitAdjustedHours!)
        .Group(OwnDates.Read, OwnDates.Write, OwnDates.Schema)
        .Field("unknownYears", new UnknownYearsForm(),
            "error (default): a year a holiday set does not know throws. ordinary: such years are ordinary weeks. provisional: such years are filled with the statutory holidays alone (for cn-mainland 1901-2100), marked provisional in explanations; a year the set cannot fill throws.",
            (b, v) => b.SetUnknownYears(v), c => c.UnknownYears, omitted: UnknownYears.Error);

    /// <summary>A document's <c>calendars</c>: names to calendars, which its parts name in their <c>calendar</c>.</summary>
    internal static readonly Form<IReadOnlyList<KeyValuePair<string, BusinessCalendar>>> Calendars = new CalendarsForm().Named("calendars");

    /// <summary>Describes the calendar definitions in <paramref name="schema"/>.</summary>
    internal static void Schema(SchemaBuilder schema)
    {
        Calendars.Schema(schema);
        CalendarName.Schema(schema);
    }

    private static void SetWeek(BusinessCalendarBuilder builder, Week week)
    {
        foreach (var (ranges, hours, field) in week.Days)
        {
            builder.SetWeeklyHours(ranges, hours, field);
        }

        // A week that could not be read completely is not known to lack working time.
        builder.CheckWorkingWeek = week.Complete;
    }

    private static void Each<T>(Forms.Each<T> items, Action<T, FieldRef> add)
    {
        foreach (var (value, field) in items.Items)
        {
            add(value, field);
        }
    }

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

    /// <summary>One <c>weekly</c> entry: ranges of days (each wrapping past Sunday) and their hours.</summary>
    private sealed record WeekDay(IReadOnlyList<(IsoDayOfWeek First, IsoDayOfWeek Last)> Ranges, WorkingInterval[] Hours, FieldRef Field);

    /// <summary>The weekly hours read (complete when all of <c>weekly</c> could be read), or to write.</summary>
    private sealed record Week(IReadOnlyList<WeekDay> Days, bool Complete)
    {
        /// <summary>A calendar's week, each run of days with the same hours as one range.</summary>
        internal static Week Of(BusinessCalendar calendar)
        {
            var days = new List<WeekDay>();
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
                    days.Add(new WeekDay([((IsoDayOfWeek)day, (IsoDayOfWeek)last)], [.. hours], default));
                }

                day = last + 1;
            }

            return new Week(days, true);
        }
    }

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

    /// <summary>A form whose schema is given: the inner form reads and writes.</summary>
    private sealed class Describing<T>(Form<T> inner, Func<SchemaBuilder, JsonObject> schema) : Form<T>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out T value) => inner.TryRead(node, context, out value);

        internal override void Write(Utf8JsonWriter json, T value, WriteContext context) => inner.Write(json, value, context);

        internal override JsonObject Schema(SchemaBuilder schema1) => schema(schema1);
    }

    private sealed class IntervalForm : Form<WorkingInterval>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out WorkingInterval value)
        {
            value = default;
            if (!context.TryString(node, "an interval HH:mm-HH:mm", out string text))
            {
                return false;
            }

            if (!WorkingInterval.TryParse(text, out value, out string? rule))
            {
                context.Invalid(node, rule is null
                    ? "expected an interval HH:mm-HH:mm, for example 09:00-12:00 (the end may be 24:00)"
                    : "expected an interval whose end is after its start: " + rule);
                return false;
            }

            return true;
        }

        internal override void Write(Utf8JsonWriter json, WorkingInterval value, WriteContext context) => json.WriteStringValue(value.ToString());

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["description"] = "Working hours on one day, HH:mm-HH:mm (seconds allowed; the end may be 24:00 and must be after the start; an overnight shift is two intervals on two days).",
            ["type"] = "string",
            ["pattern"] = "^\\s*[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,7})?)?\\s*-\\s*[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,7})?)?\\s*$",
            ["examples"] = SchemaBuilder.Strings(["09:00-12:00", "13:00-18:00", "00:00-24:00"]),
        };
    }

    /// <summary>
    /// <c>weekly</c>: a ready-made week, or days (a day, a range wrapping past Sunday, or a comma list of either) to
    /// intervals. What can be read is read even when some of it cannot, so that the domain checks it too.
    /// </summary>
    private sealed class WeeklyForm : Form<Week>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out Week value)
        {
            value = new Week([], false);
            if (node.Kind == JsonValueKind.String)
            {
                switch (node.Text)
                {
                    case "24x7" or "7x24" or "24×7" or "7×24":
                        value = new Week([new WeekDay([(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday)], [WorkingInterval.AllDay], FieldRef.At(node))], true);
                        break;
                    case "5x8" or "5×8":
                        value = new Week([new WeekDay([(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday)], [.. BusinessCalendar.FiveByEightHours], FieldRef.At(node))], true);
                        break;
                    default:
                        context.Invalid(node, "expected a ready-made week, \"24x7\" or \"5x8\", or an object of days to intervals");
                        break;
                }

                return true;
            }

            var days = context.Object(node, "an object mapping days (\"Monday-Friday\") to arrays of intervals, or \"5x8\" or \"24x7\"");
            if (days is null)
            {
                return true;
            }

            int errorsBefore = context.ErrorCount;
            var named = new string?[7];
            var read = new List<WeekDay>();
            foreach (var property in node.Properties!)
            {
                days.Accept(property.Name);
                var ranges = ParseDays(property.Name);
                if (ranges is null)
                {
                    context.Error(property.Value, $"\"{ProblemSink.Cut(property.Name)}\" is not a day, a range of days or a list of days; expected for example Monday, Monday-Friday or Saturday,Sunday");
                    continue;
                }

                if (FirstNamed(ranges, named) is { } day)
                {
                    context.Error(property.Value, $"{day} already has hours from \"{named[(int)day - 1]}\"; a day may be named once");
                    continue;
                }

                bool hasHours = Intervals.TryRead(property.Value, context, out var hours);
                foreach (var (first, last) in ranges)
                {
                    foreach (var one in Days(first, last))
                    {
                        named[(int)one - 1] = property.Name;
                    }
                }

                if (hasHours)
                {
                    read.Add(new WeekDay(ranges, hours, FieldRef.At(property.Value)));
                }
            }

            value = new Week(read, context.ErrorCount == errorsBefore);
            return true;
        }

        internal override void Write(Utf8JsonWriter json, Week value, WriteContext context)
        {
            json.WriteStartObject();
            foreach (var (ranges, hours, _) in value.Days)
            {
                json.WritePropertyName(string.Join(",", ranges.Select(r => r.First == r.Last ? r.First.ToString() : $"{r.First}-{r.Last}")));
                Intervals.Write(json, hours, context);
            }

            json.WriteEndObject();
        }

        internal override JsonObject Schema(SchemaBuilder schema)
        {
            string day = "(" + string.Join("|", DayNames.Select(d => string.Concat(d[..3].Select(Either)) + "(" + string.Concat(d[3..].Select(Either)) + ")?")) + ")";
            string range = day + "\\s*(-\\s*" + day + "\\s*)?";
            return new JsonObject
            {
                ["oneOf"] = new JsonArray(
                    new JsonObject
                    {
                        ["description"] = "A ready-made week: \"24x7\" (also \"7x24\", \"24×7\", \"7×24\") or \"5x8\" (also \"5×8\").",
                        ["enum"] = SchemaBuilder.Strings(["24x7", "7x24", "24×7", "7×24", "5x8", "5×8"]),
                    },
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["description"] = "Days to their working intervals.",
                        ["propertyNames"] = new JsonObject { ["pattern"] = "^\\s*" + range + "(,\\s*" + range + ")*$" },
                        ["additionalProperties"] = Intervals.Schema(schema),
                        ["examples"] = new JsonArray(new JsonObject { ["Monday-Friday"] = SchemaBuilder.Strings(["09:00-12:00", "13:00-18:00"]) }),
                    }),
            };

            static string Either(char c) => $"[{char.ToUpperInvariant(c)}{c}]";
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

        private static IEnumerable<IsoDayOfWeek> Days(IsoDayOfWeek first, IsoDayOfWeek last)
        {
            for (int day = (int)first; ; day = (day % 7) + 1)
            {
                yield return (IsoDayOfWeek)day;
                if (day == (int)last)
                {
                    yield break;
                }
            }
        }

        private static IsoDayOfWeek? FirstNamed(List<(IsoDayOfWeek First, IsoDayOfWeek Last)> ranges, string?[] named)
        {
            foreach (var (first, last) in ranges)
            {
                foreach (var day in Days(first, last))
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
    }

    /// <summary>
    /// <c>closures</c>, <c>workingDays</c> and <c>specialHours</c>, read together: the dates they list count against one
    /// limit (<see cref="DocumentLimits.MaxCalendarDates"/>), checked before their items are read.
    /// </summary>
    private static class OwnDates
    {
        private static readonly (string Name, CalendarOverrideKind Kind, string Description)[] Lists =
        [
            ("closures", CalendarOverrideKind.Closure, "The calendar's own non-working dates (a customer's closures), on top of the holiday sets."),
            ("workingDays", CalendarOverrideKind.WorkingDay, "The calendar's own extra working dates, with adjustedWorkingDayHours."),
        ];

        internal static BusinessCalendarBuilder Read(ObjectReader calendar, DocumentContext context, BusinessCalendarBuilder builder, Dictionary<string, FieldRef> fields)
        {
            int used = 0;
            foreach (var (name, kind, _) in Lists)
            {
                if (calendar.Optional(name) is not { } node)
                {
                    continue;
                }

                fields[name] = FieldRef.At(node);
                var items = context.Array(node, DatesWhat);
                if (!Take(ref used, items.Count, node, context))
                {
                    continue;
                }

                foreach (var item in items)
                {
                    if (context.TryDate(item, out var date))
                    {
                        builder.AddOverride(date, kind, null, FieldRef.At(item));
                    }
                }
            }

            if (calendar.Optional("specialHours") is not { } special)
            {
                return builder;
            }

            fields["specialHours"] = FieldRef.At(special);
            if (context.Object(special, "an object mapping dates to arrays of intervals") is not { } dates || !Take(ref used, special.Properties!.Count, special, context))
            {
                return builder;
            }

            foreach (var property in special.Properties!)
            {
                dates.Accept(property.Name);
                if (!IsoText.TryParseDate(property.Name, out var date))
                {
                    context.Error(property.Value, $"\"{ProblemSink.Cut(property.Name)}\" is not a valid date; expected YYYY-MM-DD");
                }
                else if (Intervals.TryRead(property.Value, context, out var hours))
                {
                    builder.AddOverride(date, CalendarOverrideKind.SpecialHours, hours, FieldRef.At(property.Value));
                }
            }

            return builder;
        }

        internal static void Write(Utf8JsonWriter json, BusinessCalendar calendar, WriteContext context)
        {
            var entries = calendar.Overrides.Entries.OrderBy(e => e.Key).ToList();
            foreach (var (name, kind, _) in Lists)
            {
                var dates = entries.Where(e => e.Value.Kind == kind).Select(e => e.Key).ToList();
                if (dates.Count > 0)
                {
                    json.WritePropertyName(name);
                    Forms.EachOf(Forms.Date, DatesWhat).Write(json, Forms.Each<LocalDate>.Of(dates), context);
                }
            }

            var special = entries.Where(e => e.Value.Kind == CalendarOverrideKind.SpecialHours).ToList();
            if (special.Count > 0)
            {
                json.WriteStartObject("specialHours");
                foreach (var (date, (_, hours)) in special)
                {
                    json.WritePropertyName(IsoText.FormatDate(date));
                    Intervals.Write(json, hours!, context);
                }

                json.WriteEndObject();
            }
        }

        internal static IEnumerable<(string, JsonObject, bool)> Schema(SchemaBuilder schema)
        {
            foreach (var (name, _, description) in Lists)
            {
                yield return (name, SchemaBuilder.Described(description, Forms.EachOf(Forms.Date, DatesWhat).Schema(schema)), false);
            }

            yield return ("specialHours", new JsonObject
            {
                ["description"] = "Dates with their own hours (a half day); an empty array closes the date.",
                ["type"] = "object",
                ["propertyNames"] = Forms.Date.Schema(schema),
                ["additionalProperties"] = Intervals.Schema(schema),
            }, false);
        }

        private static bool Take(ref int used, int count, DocNode node, DocumentContext context)
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

    private sealed class UnknownYearsForm : Form<UnknownYears>
    {
        private static readonly (string Name, UnknownYears Mode)[] Modes = [("error", UnknownYears.Error), ("ordinary", UnknownYears.Ordinary), ("provisional", UnknownYears.Provisional)];

        internal override bool TryRead(DocNode node, DocumentContext context, out UnknownYears value)
        {
            value = UnknownYears.Error;
            if (!context.TryString(node, "\"error\", \"ordinary\" or \"provisional\"", out string text))
            {
                return false;
            }

            foreach (var (name, mode) in Modes)
            {
                if (name == text)
                {
                    value = mode;
                    return true;
                }
            }

            context.Invalid(node, "expected a mode for unknown years, \"error\", \"ordinary\" or \"provisional\"");
            return false;
        }

        internal override void Write(Utf8JsonWriter json, UnknownYears value, WriteContext context) => json.WriteStringValue(Modes.First(m => m.Mode == value).Name);

        internal override JsonObject Schema(SchemaBuilder schema) => new() { ["enum"] = SchemaBuilder.Strings(Modes.Select(m => m.Name)) };
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

    /// <summary>A document's <c>calendars</c>; each calendar read is added to the document's (<see cref="DocumentContext.AddCalendar"/>).</summary>
    private sealed class CalendarsForm : Form<IReadOnlyList<KeyValuePair<string, BusinessCalendar>>>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out IReadOnlyList<KeyValuePair<string, BusinessCalendar>> value)
        {
            var read = new List<KeyValuePair<string, BusinessCalendar>>();
            value = read;
            if (context.Object(node, "an object mapping calendar names to calendar documents") is not { } calendars)
            {
                return false;
            }

            int errorsBefore = context.ErrorCount;
            foreach (var property in node.Properties!)
            {
                calendars.Accept(property.Name);
                if (property.Name.Length == 0)
                {
                    context.Error(property.Value, "a calendar needs a name (targets and schedules name it in their \"calendar\")");
                }
                else if (Calendar.TryRead(property.Value, context, out var calendar))
                {
                    context.AddCalendar(property.Name, calendar);
                    read.Add(new(property.Name, calendar));
                }
            }

            return context.ErrorCount == errorsBefore;
        }

        internal override void Write(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, BusinessCalendar>> value, WriteContext context)
        {
            json.WriteStartObject();
            foreach (var (name, calendar) in value)
            {
                json.WritePropertyName(name);
                CalendarWriter.Write(json, calendar, context.HolidaySets);
            }

            json.WriteEndObject();
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["description"] = "Named calendars, which targets, warranty deadlines and schedule alignments name in \"calendar\".",
            ["type"] = "object",
            ["additionalProperties"] = Calendar.Schema(schema),
        };
    }
}
