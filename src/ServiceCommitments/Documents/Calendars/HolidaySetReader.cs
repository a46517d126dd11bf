using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads one entry of a calendar's <c>holidaySets</c>: a registered id, or
/// <c>{ "id": ..., "years": { "2027": { "holidays": [...], "adjustedWorkingDays": [...] } } }</c>, the set with those
/// years added.
/// </summary>
internal static class HolidaySetReader
{
    internal static HolidaySet? Read(DocNode node, DocumentContext context)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            return context.TryString(node, "a holiday set id, or an object with \"id\" and \"years\"", out string id) ? LookUp(id, node, context) : null;
        }

        var entry = new ObjectReader(node, context);
        var set = entry.Required("id", "the holiday set to extend, for example \"cn-mainland\"") is { } idNode &&
                  context.TryString(idNode, "a holiday set id", out string name)
            ? LookUp(name, idNode, context)
            : null;
        var yearsNode = entry.Optional("years");
        entry.Finish("holiday set property");
        if (yearsNode is null)
        {
            return set;
        }

        var years = new List<(int, FieldRef)>();
        var entries = new List<(HolidaySetEntry, FieldRef)>();
        if (!ReadYears(yearsNode, context, years, entries) || set is null)
        {
            return null;
        }

        return set.Extend(years, entries, context.Problems);
    }

    private static HolidaySet? LookUp(string id, DocNode node, DocumentContext context)
    {
        if (context.HolidaySets.TryGet(id, out var set))
        {
            return set;
        }

        context.Error(node, $"unknown holiday set \"{ProblemSink.Cut(id)}\"; expected the id of a known set: {string.Join(", ", context.HolidaySets.Ids)}");
        return null;
    }

    /// <summary>Reads <c>years</c>; false when some of it could not be read.</summary>
    private static bool ReadYears(DocNode node, DocumentContext context, List<(int, FieldRef)> years, List<(HolidaySetEntry, FieldRef)> entries)
    {
        var map = context.Object(node, "an object mapping years (\"2027\") to their holidays and adjusted working days");
        if (map is null)
        {
            return false;
        }

        if (node.Properties!.Count > DocumentLimits.MaxAddedYears)
        {
            context.Error(node, $"one holidaySets entry may add at most {DocumentLimits.MaxAddedYears} years; this one adds {node.Properties.Count.ToString(CultureInfo.InvariantCulture)}");
            return false;
        }

        int errorsBefore = context.ErrorCount;
        foreach (var property in node.Properties)
        {
            map.Accept(property.Name);
            if (property.Name.Length != 4 || !int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int year))
            {
                context.Error(property.Value, $"\"{ProblemSink.Cut(property.Name)}\" is not a year; expected four digits, for example \"2027\"");
                continue;
            }

            years.Add((year, FieldRef.At(property.Value)));
            if (context.Object(property.Value, "an object with \"holidays\" and \"adjustedWorkingDays\"") is { } lists)
            {
                ReadDates(lists.Optional("holidays"), HolidayKind.Holiday, context, entries);
                ReadDates(lists.Optional("adjustedWorkingDays"), HolidayKind.AdjustedWorkingDay, context, entries);
                lists.Finish("property of a holiday year");
            }
        }

        return context.ErrorCount == errorsBefore;
    }

    private static void ReadDates(DocNode? node, HolidayKind kind, DocumentContext context, List<(HolidaySetEntry, FieldRef)> entries)
    {
        if (node is null)
        {
            return;
        }

        string name = kind == HolidayKind.Holiday ? "Holiday" : "Adjusted working day";
        foreach (var item in context.Array(node, "an array of dates (YYYY-MM-DD)"))
        {
            if (context.TryDate(item, out var date))
            {
                entries.Add((new HolidaySetEntry(date, kind, name), FieldRef.At(item)));
            }
        }
    }
}
