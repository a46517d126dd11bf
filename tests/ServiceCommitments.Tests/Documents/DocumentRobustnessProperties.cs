using System;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceCommitments.Documents;

namespace ServiceCommitments.Tests.Documents;

/// <summary>
/// Documents come from users and other systems: whatever the text, loading it either succeeds or throws
/// <see cref="DocumentException"/> naming a JSON path; never another exception, a hang or a stack overflow.
/// </summary>
public sealed class DocumentRobustnessProperties
{
    private static readonly string[] CalendarSeeds =
    [
        """{ "zone": "Asia/Shanghai", "weekly": { "Monday-Friday": ["09:00-12:00", "13:00-18:00"], "Saturday": ["09:00-12:00"] }, "holidaySets": ["cn-mainland"], "adjustedWorkingDayHours": ["09:00-12:00", "13:00-18:00"], "closures": ["2024-12-24"], "workingDays": ["2024-12-29"], "specialHours": { "2024-12-31": ["09:00-12:00"] }, "unknownYears": "error" }""",
        """{ "zone": "America/New_York", "weekly": "24x7" }""",
        """{ "zone": "Pacific/Apia", "weekly": "5x8", "unknownYears": "ordinary" }""",
        """{ "zone": "Europe/Berlin", "weekly": { "Mon,Wed,Fri": ["22:00-24:00"], "Tue-Thu": ["00:00-06:00"] } }""",
        """{ "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": [{ "id": "cn-mainland", "years": { "2027": { "holidays": ["2027-01-01"], "adjustedWorkingDays": ["2027-01-03"] }, "2003": { "holidays": ["2003-01-01"] } } }] }""",
    ];

    private static readonly string[] ConformanceSeeds =
        CalendarSeeds.Take(3).Select(c => $$"""
            { "description": "seed", "calendar": {{c}}, "cases": [
              { "op": "addWorkingTime", "start": "2024-02-09T16:00:00+08:00", "amount": "PT4H", "expected": "2024-02-18T11:00:00+08:00", "ref": "D1.5" },
              { "op": "addWorkingDays", "start": "2024-09-30", "days": 2, "expected": "2024-10-09" },
              { "op": "workingTimeBetween", "start": "2024-02-09T10:00:00+08:00", "end": "2024-02-19T10:00:00+08:00", "expected": "PT16H" },
              { "op": "isWorkingDay", "date": "2024-10-01", "expectedError": "unknownYear", "note": "x" } ] }
            """).ToArray();

    private const string ScheduleCalendars = """{ "office": { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] } }""";

    private static readonly string[] ScheduleBodies =
    [
        """{ "anchor": "acceptance", "phases": [ { "every": "P1M", "for": "P3M" }, { "every": "P3M" } ], "until": "P12M", "align": { "calendar": "office", "move": "nextWorkingDay" }, "tolerance": { "early": "P7D", "late": "P7D" } }""",
        """{ "anchor": "acceptance", "every": "calendarQuarter", "includeAnchor": true, "monthEnd": "forward", "until": "2026-12-31", "count": 12, "align": { "calendar": "office", "move": "nearestWorkingDayInPeriod", "period": "calendarQuarter" }, "tolerance": { "early": "cycle", "late": { "share": 0.2, "max": "P28D" } }, "shift": { "early": 0, "late": 0.5 }, "notice": { "workingDays": 3 }, "followUps": [ { "name": "signedReport", "workingDays": 5 }, { "name": "copy", "period": "P1M", "holidayRule": "nextWorkingDay" } ], "quotas": [ { "atLeast": 1, "per": "contractMonth", "for": "P3M" }, { "atLeast": 4, "per": "calendarYear", "from": "P3M" } ] }""",
        """{ "anchor": "commissioning", "once": "P3D", "align": { "calendar": "office", "move": "skip" }, "tolerance": { "late": { "workingDays": 2 } }, "shift": "floating" }""",
        """{ "anchor": "acceptance", "every": "P2W", "tolerance": "smrp", "monthEnd": "skip", "until": "P2Y", "quotas": [ { "atLeast": 2, "per": "P14D" } ] }""",
    ];

    private static readonly string[] ScheduleSeeds =
        ScheduleBodies.Select(b => $$"""{ "description": "seed", "calendars": {{ScheduleCalendars}}, "schedule": {{b}} }""").ToArray();

    private static readonly string[] ScheduleConformanceSeeds =
        ScheduleBodies.Select(b => $$"""
            { "calendars": {{ScheduleCalendars}}, "schedule": {{b}}, "cases": [
              { "ref": "D4.4", "op": "occurrences", "dates": { "acceptance": "2024-03-20", "commissioning": "2024-09-28" }, "from": "2024-01-01", "to": "2025-12-31", "expected": ["2024-04-22", { "due": "2024-05-20", "number": 2 }] },
              { "op": "compliance", "dates": { "acceptance": "2024-03-20", "commissioning": "2024-09-28" }, "visits": ["2024-04-17", "2024-06-01"], "asOf": "2024-07-01", "expected": [ { "due": "2024-04-22", "verdict": "onTime", "visit": "2024-04-17", "followUps": { "signedReport": "2024-04-24T18:00:00+08:00" } }, { "visit": "2024-06-01", "verdict": "extra" } ] },
              { "op": "nextDue", "dates": { "acceptance": "2024-03-20", "commissioning": "2024-09-28" }, "date": "2024-06-01", "expected": null },
              { "op": "quotas", "dates": { "acceptance": "2024-03-20", "commissioning": "2024-09-28" }, "visits": [], "asOf": "2024-07-01", "within": { "from": "2024-01-01", "to": "2024-12-31" }, "expected": [ { "period": "2024-03-21/2024-04-20", "status": "short", "quota": 0 } ] },
              { "op": "shareOnTime", "dates": { "acceptance": "2024-03-20", "commissioning": "2024-09-28" }, "visits": [], "asOf": "2024-07-01", "per": "calendarQuarter", "expected": [ { "period": "2024-04-01/2024-06-30", "onTime": 0 } ] },
              { "op": "cohorts", "per": "calendarMonth", "members": { "A": "2024-01-05" }, "to": "2024-12-31", "expected": [ { "period": "2024-01-01/2024-01-31", "members": ["A"], "due": [] } ] },
              { "op": "followUp", "dates": { "acceptance": "2024-03-20", "commissioning": "2024-09-28" }, "duty": "signedReport", "visit": "2024-09-27", "expected": "2024-10-10T18:00:00+08:00" },
              { "op": "occurrences", "dates": { "acceptance": "2026-11-20", "commissioning": "2026-11-20" }, "from": "2026-01-01", "to": "2027-12-31", "expectedError": "unknownYear" } ] }
            """).ToArray();

    [Property(MaxTest = 10_000)]
    public Property ScheduleDocument_LoadsOrThrowsDocumentException() =>
        Prop.ForAll(DocumentMutations.From(ScheduleSeeds).ToArbitrary(), json => LoadsOrFailsCleanly(json, () => ScheduleDocument.Parse(json)));

    [Property(MaxTest = 10_000)]
    public Property ScheduleConformanceFile_LoadsOrThrowsDocumentException() =>
        Prop.ForAll(DocumentMutations.From(ScheduleConformanceSeeds).ToArbitrary(), json => LoadsOrFailsCleanly(json, () =>
        {
            var file = ConformanceFile.Parse(json);
            _ = file.Run();
            return file;
        }));

    [Property(MaxTest = 10_000)]
    public Property CalendarDocument_LoadsOrThrowsDocumentException() =>
        Prop.ForAll(DocumentMutations.From(CalendarSeeds).ToArbitrary(), json => LoadsOrFailsCleanly(json, () => CalendarDocument.Parse(json)));

    [Property(MaxTest = 3_000)]
    public Property ConformanceFile_LoadsOrThrowsDocumentException() =>
        Prop.ForAll(DocumentMutations.From(ConformanceSeeds).ToArbitrary(), json => LoadsOrFailsCleanly(json, () =>
        {
            var file = ConformanceFile.Parse(json);
            // Running never throws either: an error in the library is a failed case, not an exception.
            _ = file.Run();
            return file;
        }));

    /// <summary>Success, or a <see cref="DocumentException"/> whose every error names a JSON path; anything else fails with the document.</summary>
    internal static bool LoadsOrFailsCleanly<T>(string json, Func<T> load)
    {
        try
        {
            load();
            return true;
        }
        catch (DocumentException e)
        {
            if (e.Errors.Count == 0 || e.Errors.Any(x => !x.Path.StartsWith('$')) || e.ErrorCount < e.Errors.Count)
            {
                throw new Xunit.Sdk.XunitException($"A DocumentException without proper paths for:\n{Show(json)}\n{e.Message}");
            }

            return true;
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"Loading threw {e.GetType().Name} instead of DocumentException for:\n{Show(json)}\n{e}");
        }
    }

    private static string Show(string json) => json.Length <= 2000 ? json : json[..2000] + "...";
}
