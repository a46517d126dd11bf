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
