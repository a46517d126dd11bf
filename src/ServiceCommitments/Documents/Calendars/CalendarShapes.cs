using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.TimeZones;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// The calendar document of docs/documents.md, declared once: the calendar, its weekly hours, its holiday sets
/// (<see cref="HolidaySetShapes"/>) and its own dates. <see cref="CalendarReader"/>,
/// <see cref="Write"/> and the JSON Schema come from these declarations; the rules of the calendar are the
/// domain's (<see cref="BusinessCalendarBuilder"/>, <see cref="HolidaySet"/>, <see cref="HolidayNotice"/>), checked once.
/// </summary>
/// <remarks>
/// What remains the document's own business: JSON types, names, text forms, a day named twice in <c>weekly</c>, and the
/// limits of docs/documents.md (dates in a calendar, years added by one entry).
/// </remarks>
internal static class CalendarShapes
{
    internal const string What = "a calendar object with \"zone\" and \"weekly\"";

    internal const string DatesWhat = "an array of dates (YYYY-MM-DD)";

    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    internal static readonly Form<WorkingInterval> Interval = new IntervalForm().Named("interval");

    internal static readonly Form<WorkingInterval[]> Intervals = new DescribingForm<WorkingInterval[]>(
        Forms.ArrayOf(Interval, "an array of intervals such as [\"09:00-12:00\", \"13:00-18:00\"]").Map(v => v.ToArray(), v => v),
        schema => new JsonObject
        {
            ["description"] = "The working intervals of a day, in order, not overlapping, at most 96; an empty array is a day without working hours.",
            ["type"] = "array",
            ["maxItems"] = CalendarValidation.MaxIntervalsPerDay,
            ["items"] = Interval.Schema(schema),
        }).Named("intervals");

    /// <summary>The name of a calendar in a document's <c>calendars</c>, as the parts that count on one give it.</summary>
    internal static readonly Form<string> CalendarName = new DescribingForm<string>(
        Forms.String("a calendar name"),
        _ => new JsonObject { ["description"] = "The name of a calendar in the document's \"calendars\".", ["type"] = "string" }).Named("calendarName");

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
        .Field("holidaySets", Forms.EachOf(HolidaySetShapes.SetOrId, "an array of holiday set ids"), "Holiday sets, applied in order: each a set's id or an object adding years to one.",
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

    /// <summary>
    /// Writes a calendar as its document; reading it back gives a calendar with the same rules. A calendar the document
    /// cannot express (a resolver other than NodaTime's lenient one, a zone not in tzdb) is refused.
    /// </summary>
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

        Calendar.Write(json, calendar, new WriteContext(null, registry));
    }

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
                CalendarShapes.Write(json, calendar, context.HolidaySets);
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
