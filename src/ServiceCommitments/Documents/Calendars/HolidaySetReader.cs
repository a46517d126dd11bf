using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text.Json;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads one entry of a calendar's <c>holidaySets</c>: a registered id, or
/// <c>{ "id": ..., "notices": [...], "years": { "2027": { "holidays": [...], "adjustedWorkingDays": [...] } }, "supplements": [...] }</c>,
/// the set with those notices (read as published), those years and those supplements added. An id the registry does
/// not know, with <c>notices</c>, makes a new set from the notices alone.
/// </summary>
internal static class HolidaySetReader
{
    internal static HolidaySet? Read(DocNode node, DocumentContext context)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            return context.TryString(node, "a holiday set id, or an object with \"id\" and \"notices\", \"years\" or \"supplements\"", out string id) ? LookUp(id, node, context) : null;
        }

        var entry = new ObjectReader(node, context);
        var idNode = entry.Required("id", "the holiday set to extend, for example \"cn-mainland\", or the id of a new set made of notices");
        string? name = idNode is not null && context.TryString(idNode, "a holiday set id", out string text) ? text : null;
        var noticesNode = entry.Optional("notices");
        var yearsNode = entry.Optional("years");
        var supplementsNode = entry.Optional("supplements");
        entry.Finish("holiday set property");
        if (name is null)
        {
            return null;
        }

        int errorsBefore = context.ErrorCount;
        var notices = ReadNotices(noticesNode, context);
        var supplements = ReadNotices(supplementsNode, context);
        HolidaySet? set;
        if (context.HolidaySets.TryGet(name, out var registered))
        {
            set = registered;
            // Nearest to the known years first, so that notices after them and before them each extend without a gap.
            foreach (var (notice, field) in notices.OrderBy(n => Math.Max(n.Notice.Year - registered.LastYear, registered.FirstYear - n.Notice.Year)))
            {
                set = set?.AddNotice(notice, replace: false, field, context.Problems);
            }
        }
        else if (noticesNode is null)
        {
            return LookUp(name, idNode!, context);
        }
        else if (!HolidaySet.IsValidId(name))
        {
            context.Invalid(idNode!, "expected the id of a new holiday set: letters, digits, '-', '_' and '.'");
            return null;
        }
        else if (notices.Count == 0 && context.ErrorCount == errorsBefore)
        {
            context.Error(noticesNode, $"a new holiday set \"{ProblemSink.Cut(name)}\" needs at least one notice; expected the texts of its notices, or the id of a known set: {string.Join(", ", context.HolidaySets.Ids)}");
            return null;
        }
        else
        {
            set = context.ErrorCount > errorsBefore ? null : HolidaySet.FromNotices(name, notices, context.Problems);
        }

        if (yearsNode is not null)
        {
            var years = new List<(int, FieldRef)>();
            var entries = new List<(HolidaySetEntry, FieldRef)>();
            set = ReadYears(yearsNode, context, years, entries) ? set?.Extend(years, entries, context.Problems) : null;
        }

        foreach (var (supplement, field) in supplements)
        {
            set = set?.AddSupplement(supplement, supplement.Text, field, context.Problems);
        }

        return context.ErrorCount > errorsBefore ? null : set;
    }

    /// <summary>Reads an array of notice texts; an item that cannot be read is an error at its path, quoting the item.</summary>
    private static List<(HolidayNotice Notice, FieldRef Field)> ReadNotices(DocNode? node, DocumentContext context)
    {
        var result = new List<(HolidayNotice, FieldRef)>();
        if (node is null)
        {
            return result;
        }

        foreach (var item in context.Array(node, "an array of notice texts, each pasted as published"))
        {
            if (!context.TryString(item, "the text of a notice, as published", out string text))
            {
                continue;
            }

            try
            {
                result.Add((HolidayNotice.Parse(text), FieldRef.At(item)));
            }
            catch (HolidayNoticeException e)
            {
                context.Error(item, e.Message);
            }
        }

        return result;
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
