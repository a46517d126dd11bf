using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace ServiceCommitments.Calendars;

/// <summary>The holiday sets shipped inside the package.</summary>
/// <remarks>Each set is loaded once, on first use, and then shared; the properties are thread-safe.</remarks>
public static class HolidaySets
{
    /// <summary>The id of <see cref="ChinaMainland"/>: <c>"cn-mainland"</c>.</summary>
    public const string ChinaMainlandId = "cn-mainland";

    private static readonly Lazy<HolidaySet> ChinaMainlandSet = new(() => Load(ChinaMainlandId));

    /// <summary>
    /// Mainland China's statutory holidays and adjusted working days (调休上班), as announced by the State Council's
    /// yearly notices, for 2004 through 2026.
    /// </summary>
    /// <remarks>
    /// Every day of an announced holiday block is a <see cref="HolidayKind.Holiday"/>, including a Saturday or Sunday
    /// inside the block, so that the rule "a period ending on a statutory holiday ends on the next day" sees the whole
    /// block. Each Saturday or Sunday announced as a working day is a <see cref="HolidayKind.AdjustedWorkingDay"/>.
    /// The State Council publishes the next year each November: paste its notice into <see cref="HolidaySet.WithNotice(string, bool)"/>;
    /// until then a calendar may fill the year from the law (<see cref="UnknownYears.Provisional"/>).
    /// </remarks>
    public static HolidaySet ChinaMainland => ChinaMainlandSet.Value;

    internal static HolidaySet Load(string id)
    {
        string resource = $"ServiceCommitments.Calendars.Data.{id}.tsv";
        using var stream = typeof(HolidaySets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The package is missing its embedded holiday data '{resource}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(id, reader);
    }

    /// <summary>Reads the package's tab-separated data: a <c>years</c> line, then <c>date kind english chinese</c> lines.</summary>
    internal static HolidaySet Parse(string id, TextReader reader)
    {
        int first = 0, last = 0;
        var entries = new List<HolidaySetEntry>();
        string? line;
        int number = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields[0] == "years" && fields.Length == 3)
            {
                first = int.Parse(fields[1], CultureInfo.InvariantCulture);
                last = int.Parse(fields[2], CultureInfo.InvariantCulture);
                continue;
            }

            var date = fields.Length == 4 ? LocalDatePattern.Iso.Parse(fields[0]) : null;
            if (date is null || !date.Success || fields[1] is not ("H" or "W"))
            {
                throw new InvalidDataException($"Holiday data '{id}', line {number}: expected 'yyyy-MM-dd<TAB>H|W<TAB>English<TAB>中文', got \"{line}\".");
            }

            var kind = fields[1] == "H" ? HolidayKind.Holiday : HolidayKind.AdjustedWorkingDay;
            entries.Add(new HolidaySetEntry(date.Value, kind, fields[2] + " " + fields[3]));
        }

        var set = HolidaySet.Create(id, first, last, entries);
        return id == ChinaMainlandId ? set.WithStatute(StatutoryRules.ChinaMainland) : set;
    }
}
