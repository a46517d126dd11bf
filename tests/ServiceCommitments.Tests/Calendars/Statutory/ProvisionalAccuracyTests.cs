using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using ServiceCommitments.Calendars;
using Xunit;

namespace ServiceCommitments.Tests.Calendars.Statutory;

/// <summary>
/// How close a provisional year (Saturdays and Sundays off, plus the statutory days of ChinaMainlandStatute) comes
/// to the published year (HolidaySets.ChinaMainland), 2008-2026; the table in docs/calendars.md must be exactly this.
/// </summary>
public sealed class ProvisionalAccuracyTests
{
    private const string Section = "## How close a provisional year comes";
    private const int FirstYear = 2008;
    private const int LastYear = 2026;

    internal readonly record struct Row(string Year, int PublishedWeekdaysOff, int AlsoProvisional, int ProvisionalWorks, int ProvisionalRests)
    {
        internal string[] Cells() =>
        [
            Year,
            PublishedWeekdaysOff.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{AlsoProvisional} ({100.0 * AlsoProvisional / PublishedWeekdaysOff:0.0}%)"),
            ProvisionalWorks.ToString(CultureInfo.InvariantCulture),
            ProvisionalRests.ToString(CultureInfo.InvariantCulture),
        ];
    }

    internal static List<Row> Compute()
    {
        var published = HolidaySets.ChinaMainland;
        var rows = new List<Row>();
        for (int year = FirstYear; year <= LastYear; year++)
        {
            Assert.True(ChinaMainlandStatute.TryGetHolidays(year, out var statutory));
            var statutoryDates = statutory.Select(e => e.Date).ToHashSet();
            int weekdaysOff = 0, alsoProvisional = 0, provisionalWorks = 0, provisionalRests = 0;
            for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
            {
                bool weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
                bool hasEntry = published.TryGetEntry(date, out var entry);
                bool publishedRests = hasEntry ? entry.Kind == HolidayKind.Holiday : weekend;
                bool provisionalRest = weekend || statutoryDates.Contains(date);
                if (!weekend && hasEntry && entry.Kind == HolidayKind.Holiday)
                {
                    weekdaysOff++;
                    if (provisionalRest)
                    {
                        alsoProvisional++;
                    }
                }

                if (publishedRests && !provisionalRest)
                {
                    provisionalWorks++;
                }
                else if (!publishedRests && provisionalRest)
                {
                    provisionalRests++;
                }
            }

            rows.Add(new Row(year.ToString(CultureInfo.InvariantCulture), weekdaysOff, alsoProvisional, provisionalWorks, provisionalRests));
        }

        rows.Add(new Row(
            "Total",
            rows.Sum(r => r.PublishedWeekdaysOff),
            rows.Sum(r => r.AlsoProvisional),
            rows.Sum(r => r.ProvisionalWorks),
            rows.Sum(r => r.ProvisionalRests)));
        return rows;
    }

    internal static string Render(IEnumerable<Row> rows)
    {
        var text = new StringBuilder();
        text.Append("| Year | published non-working weekdays | of them provisional too (share %) | wrong: provisional works | wrong: provisional rests |\n");
        text.Append("|---|---:|---:|---:|---:|\n");
        foreach (var row in rows)
        {
            string[] cells = row.Cells();
            if (row.Year == "Total")
            {
                cells = cells.Select(c => $"**{c}**").ToArray();
            }

            text.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>The table rows of the section, as trimmed cells, header and separator included.</summary>
    private static List<string[]> DocumentedTable()
    {
        string page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "calendars.md"));
        int start = page.IndexOf("\n" + Section + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/calendars.md has no section '{Section}'");
        var lines = page[(start + Section.Length + 2)..].Split('\n');
        return lines
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToList();
    }

    [Fact]
    public void DocumentedTable_IsWhatTheProvisionalYearsGive()
    {
        string expected = Render(Compute());
        var expectedRows = expected.TrimEnd('\n').Split('\n')
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToList();
        var documented = DocumentedTable();
        bool same = documented.Count == expectedRows.Count && documented.Zip(expectedRows).All(p => p.First.SequenceEqual(p.Second));
        Assert.True(same, "The table under '" + Section + "' in docs/calendars.md is stale; it should read:\n\n" + expected);
    }

    [Fact]
    public void SectionIsTheLastOfThePage()
    {
        string page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "calendars.md"));
        int start = page.IndexOf("\n" + Section + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0);
        Assert.DoesNotContain("\n## ", page[(start + 1 + Section.Length)..], StringComparison.Ordinal);
    }

    [Fact]
    public void ProvisionalYears_NeverRestOnAPublishedWeekdayWorkingDay()
    {
        // Every statutory day is in the published data as a holiday: a provisional year errs on the side of working
        // only through bridge days, and of resting only through 调休 weekends.
        var published = HolidaySets.ChinaMainland;
        for (int year = FirstYear; year <= LastYear; year++)
        {
            Assert.True(ChinaMainlandStatute.TryGetHolidays(year, out var statutory));
            Assert.All(statutory, e => Assert.True(
                published.TryGetEntry(e.Date, out var entry) && entry.Kind == HolidayKind.Holiday,
                $"{e.Date} ({e.Name}) is not a published holiday"));
        }
    }
}
