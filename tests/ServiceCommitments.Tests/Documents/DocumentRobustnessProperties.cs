using System;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceCommitments.Documents;
using ServiceCommitments.Tests.Documents.Policies;
using ServiceCommitments.Testing;
using Xunit;

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

    private static readonly string[] PolicySeeds =
    [
        PolicyDocumentTests.Example,
        """
        {
          "calendars": {
            "office": { "zone": "Asia/Shanghai", "weekly": { "Monday-Friday": ["09:00-12:00", "13:00-18:00"] }, "holidaySets": ["cn-mainland"] },
            "berlin": { "zone": "Europe/Berlin", "weekly": "5x8", "unknownYears": "ordinary" }
          },
          "policy": {
            "levels": [ { "level": 1, "names": ["紧急", "P1"] }, { "level": 2, "names": ["一般"], "description": "normal" } ],
            "calendar": "office",
            "targets": [
              { "milestone": "answered", "elapsed": "PT1M", "ignorePauses": true },
              { "milestone": "firstResponse", "levels": ["紧急"], "workingTime": "PT2H", "cutOff": "16:00", "warnings": [ { "share": 0.5 }, { "before": "PT30M" } ] },
              { "milestone": "firstResponse", "levels": [2], "where": { "channel": ["phone", "remote"], "region": "Beijing" }, "workingDays": 1 },
              { "milestone": "onSite", "from": "firstResponse", "calendarDays": 3, "holidayRule": "nextWorkingDay" },
              { "milestone": "complaint", "period": "P15D", "holidayRule": "nextWorkingDay", "calendar": "berlin" },
              { "milestone": "report", "from": "onSite.due", "period": "P1M", "note": "x" },
              { "milestone": "replacement", "ifBreached": "onSite", "from": "onSite.due", "elapsed": "PT24H" }
            ],
            "confirmedEventsOnly": true,
            "levelChange": "fromChange"
          }
        }
        """,
    ];

    private const string Ticket = """
        { "reported": "2024-09-30T17:00:00+08:00", "level": 1, "id": "T-1", "attributes": { "region": "Beijing", "channel": "phone" },
          "events": [ { "milestone": "firstResponse", "at": "2024-09-30T17:20:00+08:00", "confirmed": false }, { "milestone": "onSite", "at": "2024-10-08T10:00:00+08:00" } ],
          "pauses": [ { "from": "2024-09-30T17:30:00+08:00", "to": "2024-09-30T18:30:00+08:00", "reason": "no access" }, { "from": "2024-10-08T09:00:00+08:00" } ],
          "levelChanges": [ { "at": "2024-09-30T17:10:00+08:00", "level": 2 } ] }
        """;

    /// <summary>Each policy seed with cases whose expectations it meets, so that mutations start from passing files.</summary>
    private static readonly string[] PolicyConformanceSeeds =
    [
        WithCases(PolicySeeds[0], $$"""
            { "ref": "D2.1", "ticket": {{Ticket}}, "asOf": "2024-10-08T12:00:00+08:00",
              "expected": { "firstResponse": { "status": "met", "due": "2024-09-30T17:30:00+08:00", "overdueBy": "PT0S", "remaining": "PT0S", "warnings": ["2024-09-30T17:22:30+08:00"], "nextAlert": null },
                            "onSite": { "status": "breached", "due": "2024-09-30T20:00:00+08:00", "overdueBy": "P7DT14H" }, "restored": { "status": "notApplicable" } } },
            { "op": "evaluate", "ticket": {{Ticket}}, "asOf": "2030-01-01T00:00:00+08:00", "expectedError": "unknownYear" },
            { "op": "compliance", "tickets": [ {{Ticket}}, { "reported": "2024-06-30T23:30:00+08:00", "level": "P1" } ], "asOf": "2024-10-09T00:00:00+08:00", "period": "quarter", "zone": "Asia/Shanghai",
              "expected": [ { "level": 2, "milestone": "firstResponse", "period": "2024-Q3", "count": 1, "met": 1, "shareMet": 1, "median": "PT20M", "p90": "PT20M" },
                            { "level": 1, "milestone": "firstResponse", "period": "2024-Q2", "count": 1, "breached": 1, "median": null } ] },
            { "op": "compliance", "tickets": [], "asOf": "2024-10-09T00:00:00+08:00", "period": "month", "expected": [] }
            """),
        WithCases(PolicySeeds[1], $$"""
            { "ticket": {{Ticket}}, "asOf": "2024-10-08T12:00:00+08:00",
              "expected": { "firstResponse": { "status": "pending", "due": "2024-10-09T13:30:00+08:00" }, "answered": { "status": "breached", "due": "2024-09-30T17:11:00+08:00" }, "onSite": { "status": "waiting", "due": null } } },
            { "ticket": { "reported": "2024-09-30T17:00:00+08:00", "level": "E" }, "asOf": "2024-10-08T12:00:00+08:00", "expectedError": "argument" },
            { "op": "compliance", "tickets": [ {{Ticket}}, { "reported": "2024-06-30T23:30:00+08:00", "level": "P1" } ], "asOf": "2024-10-09T00:00:00+08:00", "period": "quarter",
              "expected": [ { "level": 2, "milestone": "firstResponse", "period": "2024-Q3", "count": 1, "pending": 1 },
                            { "level": 1, "milestone": "firstResponse", "period": "2024-Q2", "count": 1, "breached": 1 } ] }
            """),
        // At the edge of the years the library supports: deadlines in year 9999 are rejected as arguments.
        WithCases(
            """
            {
              "calendars": { "open": { "zone": "Pacific/Kiritimati", "weekly": "24x7", "unknownYears": "ordinary" } },
              "policy": { "calendar": "open", "targets": [
                { "milestone": "a", "elapsed": "PT24H" }, { "milestone": "b", "calendarDays": 1 }, { "milestone": "c", "period": "P1Y", "from": "a" },
                { "milestone": "d", "workingTime": "PT1H", "cutOff": "23:00" } ] }
            }
            """,
            """
            { "ticket": { "reported": "9998-12-30T09:00:00Z", "level": 4, "pauses": [ { "from": "9998-12-30T10:00:00Z" } ] }, "asOf": "9998-12-30T11:00:00Z",
              "expected": { "a": { "status": "pending", "due": "9998-12-31T10:00:00Z" }, "b": { "due": "9998-12-31T11:00:00Z" }, "c": { "status": "waiting" } } },
            { "ticket": { "reported": "9998-12-31T09:00:00Z", "level": 4 }, "asOf": "9998-12-31T10:00:00Z", "expectedError": "argument" },
            { "op": "compliance", "tickets": [ { "reported": "9998-12-31T09:00:00Z", "level": 4 } ], "asOf": "9998-12-31T10:00:00Z", "period": "month", "expectedError": "argument" }
            """),
    ];

    private static string WithCases(string seed, string cases) => seed.TrimEnd()[..^1] + ", \"cases\": [ " + cases + " ] }";

    [Property(MaxTest = 10_000)]
    public Property PolicyDocument_LoadsOrThrowsDocumentException() =>
        Prop.ForAll(DocumentMutations.From(PolicySeeds).ToArbitrary(), json => LoadsOrFailsCleanly(json, () => PolicyDocument.Parse(json)));

    [Property(MaxTest = 3_000)]
    public Property PolicyConformanceFile_LoadsOrThrowsDocumentException_AndRunsWithoutThrowing() =>
        Prop.ForAll(DocumentMutations.From(PolicyConformanceSeeds).ToArbitrary(), json => LoadsOrFailsCleanly(json, () =>
        {
            var file = ConformanceFile.Parse(json);
            _ = file.Run();
            return file;
        }));

    [Fact]
    public void PolicySeeds_AreValid_AndTheirCasesRun()
    {
        foreach (string seed in PolicySeeds)
        {
            Assert.NotEmpty(PolicyDocument.Parse(seed).Rows);
        }

        foreach (string seed in PolicyConformanceSeeds)
        {
            Assert.All(ConformanceFile.Parse(seed).Run(), r => Assert.True(r.Passed, r.ToString()));
        }
    }

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

            if (e.Errors.FirstOrDefault(x => x.Message.Length > DocumentDefectTests.MaxAnyMessageLength) is { Message: not null } longError)
            {
                throw new Xunit.Sdk.XunitException($"An error message of {longError.Message.Length} characters (more than {DocumentDefectTests.MaxAnyMessageLength}) for:\n{Show(json)}\n{Show(longError.Message)}");
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
