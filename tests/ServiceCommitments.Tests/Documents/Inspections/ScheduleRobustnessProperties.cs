using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceCommitments.Documents;
using ServiceCommitments.Testing;

namespace ServiceCommitments.Tests.Documents.Inspections;

/// <summary>Schedule documents and schedule conformance files load or throw <see cref="DocumentException"/>, whatever the text; running never throws.</summary>
public sealed class ScheduleRobustnessProperties
{
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
        Prop.ForAll(DocumentMutations.From(ScheduleSeeds).ToArbitrary(), json => DocumentRobustnessProperties.LoadsOrFailsCleanly(json, () => ScheduleDocument.Parse(json)));

    [Property(MaxTest = 10_000)]
    public Property ScheduleConformanceFile_LoadsOrThrowsDocumentException() =>
        Prop.ForAll(DocumentMutations.From(ScheduleConformanceSeeds).ToArbitrary(), json => DocumentRobustnessProperties.LoadsOrFailsCleanly(json, () =>
        {
            var file = ConformanceFile.Parse(json);
            _ = file.Run();
            return file;
        }));
}
