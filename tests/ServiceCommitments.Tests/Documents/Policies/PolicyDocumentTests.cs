using System;
using System.Linq;
using NodaTime;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;
using Xunit;
using static ServiceCommitments.Faults.MilestoneStatus;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Documents.Policies;

/// <summary>
/// PolicyDocument.Parse: every property of the format of docs/policies.md, and every error at its JSON path and line,
/// the document's own and the rules between rows alike.
/// </summary>
public sealed class PolicyDocumentTests
{
    private const string Calendars = """
        "calendars": {
          "office": { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] },
          "always": { "zone": "Asia/Shanghai", "weekly": "24x7" }
        },
        """;

    /// <summary>The example of docs/policies.md, as written there.</summary>
    internal const string Example = """
        {
          "calendars": {
            "office": { "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] },
            "always": { "zone": "Asia/Shanghai", "weekly": "24x7" }
          },
          "policy": {
            "levels": [ { "level": 1, "names": ["一级", "A", "P1"], "description": "system down" }, { "level": 2 }, { "level": 3 }, { "level": 4 } ],
            "calendar": "always",
            "targets": [
              { "milestone": "firstResponse", "elapsed": "PT30M", "warnings": [ { "share": 0.75 } ] },
              { "milestone": "onSite", "levels": [1, 2], "where": { "region": "Beijing" }, "elapsed": "PT2H" },
              { "milestone": "onSite", "levels": [1, 2], "elapsed": "PT24H" },
              { "milestone": "restored", "levels": [1], "from": "onSite", "elapsed": "PT2H" },
              { "milestone": "repaired", "workingDays": 2, "calendar": "office", "warnings": [ { "before": "PT2H" } ] },
              { "milestone": "replacement", "ifBreached": "resolved", "from": "resolved.due", "elapsed": "PT0S" },
              { "milestone": "resolved", "elapsed": "PT28H" }
            ],
            "confirmedEventsOnly": false,
            "levelChange": "retroactive"
          }
        }
        """;

    private static ServicePolicy Parse(string policy) => PolicyDocument.Parse("{" + Calendars + "\"policy\": " + policy + "}");

    private static DocumentException Fails(string json) => Assert.Throws<DocumentException>(() => PolicyDocument.Parse(json));

    /// <summary>The policy after the two calendars: its line n is line n + 3 of the document.</summary>
    private static DocumentException FailsPolicy(string policy) => Fails("{" + Calendars + "\"policy\": " + policy + "}");

    /// <summary>The error at <paramref name="path"/>: exactly one, with this message.</summary>
    private static DocumentError At(DocumentException e, string path, string message)
    {
        var found = e.Errors.Where(x => x.Path == path).ToList();
        Assert.True(found.Count == 1, $"{found.Count} errors at {path}: {string.Join(" | ", e.Errors)}");
        var error = found[0];
        Assert.Equal(message, error.Message);
        return error;
    }

    [Fact]
    public void TheDocumentedExample_IsRead_AndEvaluatesTheDocumentedTicket()
    {
        var policy = PolicyDocument.Parse(Example);

        Assert.Equal(["firstResponse", "onSite", "restored", "repaired", "resolved", "replacement"], policy.Milestones);
        Assert.Equal(7, policy.Rows.Count);
        Assert.Equal(["一级", "A", "P1"], policy.Levels[1].Names);
        Assert.Equal("system down", policy.Levels[1].Description);
        Assert.Empty(policy.Levels[2].Names);
        Assert.False(policy.ConfirmedEventsOnly);
        Assert.Equal(LevelChangeRule.Retroactive, policy.LevelChange);
        Assert.Equal([TargetWarning.AtShare(0.75)], policy.Rows[0].Warnings);
        Assert.Equal(["Beijing"], policy.Rows[1].Where["region"]);
        Assert.Equal([1, 2], policy.Rows[1].Levels);
        Assert.Equal("onSite", policy.Rows[3].From);
        Assert.Equal(ServiceTarget.WorkingDays(2), policy.Rows[4].Target);
        Assert.Equal([TargetWarning.Before(Duration.FromHours(2))], policy.Rows[4].Warnings);
        Assert.Equal("resolved.due", policy.Rows[5].From);
        Assert.Equal("resolved", policy.Rows[5].IfBreached);

        // The ticket of docs/policies.md, reported at 23:00 on Monday 3 June 2024, seen at 01:00: level 2 since 23:30.
        var ticket = new Ticket(
            Offset("2024-06-03T23:00:00+08:00"), 1, [new("region", "Beijing")],
            [new MilestoneEvent("onSite", Offset("2024-06-04T00:40:00+08:00"), true)],
            [new Pause(Offset("2024-06-03T23:10:00+08:00"), Offset("2024-06-03T23:20:00+08:00"), "no access")],
            [new LevelChange(Offset("2024-06-03T23:30:00+08:00"), 2)]);
        var evaluation = policy.Evaluate(ticket, Offset("2024-06-04T01:00:00+08:00"));
        Assert.Equal(2, evaluation.Level);
        Assert.Equal((Breached, Offset("2024-06-03T23:40:00+08:00"), Duration.FromMinutes(80)), (evaluation["firstResponse"].Status, evaluation["firstResponse"].Due!.Value, evaluation["firstResponse"].Overdue));
        Assert.Equal([Offset("2024-06-03T23:32:30+08:00")], evaluation["firstResponse"].Warnings.Select(w => w.At)); // 22.5 min + the 10-minute pause
        Assert.Equal((Met, Offset("2024-06-04T01:10:00+08:00")), (evaluation["onSite"].Status, evaluation["onSite"].Due!.Value));
        Assert.Equal(NotApplicable, evaluation["restored"].Status); // level 1 only
        Assert.Equal((Pending, Offset("2024-06-05T18:00:00+08:00")), (evaluation["repaired"].Status, evaluation["repaired"].Due!.Value)); // the pause is out of hours
        Assert.Equal(Offset("2024-06-05T16:00:00+08:00"), evaluation["repaired"].Warnings.Single().At);
        Assert.Equal((Pending, Offset("2024-06-05T03:10:00+08:00")), (evaluation["resolved"].Status, evaluation["resolved"].Due!.Value));
        Assert.Equal(Waiting, evaluation["replacement"].Status);
        Assert.Equal(Offset("2024-06-05T03:10:00+08:00"), evaluation.NextAlert);
    }

    [Fact]
    public void EveryTargetProperty_IsRead()
    {
        var policy = Parse("""
            {
              "targets": [
                { "milestone": "a", "elapsed": "PT4H", "calendar": "office", "cutOff": "16:00", "ignorePauses": true },
                { "milestone": "b", "workingTime": "PT8H", "calendar": "office" },
                { "milestone": "c", "calendarDays": 3, "holidayRule": "nextWorkingDay", "calendar": "office" },
                { "milestone": "d", "period": "P1M", "holidayRule": "none", "calendar": "always" },
                { "milestone": "e", "period": "P15D", "calendar": "office", "levels": ["一级", "B", "p3", "四级", 2] },
                { "milestone": "f", "workingDays": 0, "calendar": "office", "where": { "region": ["Beijing", "北京"], "channel": "phone" } },
                { "milestone": "g", "elapsed": "PT1H", "from": "reported" },
                { "milestone": "h", "elapsed": "PT1H", "from": "a", "warnings": [ { "share": 0.5 }, { "before": "PT10M" } ] }
              ],
              "confirmedEventsOnly": true,
              "levelChange": "fromChange"
            }
            """);

        Assert.Equal(ServiceTarget.Elapsed(Duration.FromHours(4)).WithCutOff(new LocalTime(16, 0)), policy.Rows[0].Target);
        Assert.True(policy.Rows[0].IgnorePauses);
        Assert.Same(policy.Calendars["office"], policy.Rows[0].Calendar);
        Assert.Equal(ServiceTarget.WorkingTime(Duration.FromHours(8)), policy.Rows[1].Target);
        Assert.Equal(ServiceTarget.CalendarDays(3).WithHolidayRule(HolidayRule.NextWorkingDay), policy.Rows[2].Target);
        Assert.Equal(ServiceTarget.Months(1), policy.Rows[3].Target);
        Assert.Equal(ServiceTarget.HalfMonth, policy.Rows[4].Target);
        Assert.Equal([1, 2, 3, 4], policy.Rows[4].Levels);
        Assert.Equal(ServiceTarget.WorkingDays(0), policy.Rows[5].Target);
        Assert.Equal(["Beijing", "北京"], policy.Rows[5].Where["region"]);
        Assert.Equal(["phone"], policy.Rows[5].Where["channel"]);
        Assert.Equal("reported", policy.Rows[6].From);
        Assert.Null(policy.Rows[6].FromMilestone);
        Assert.Equal("a", policy.Rows[7].From);
        Assert.Equal([TargetWarning.AtShare(0.5), TargetWarning.Before(Duration.FromMinutes(10))], policy.Rows[7].Warnings);
        Assert.True(policy.ConfirmedEventsOnly);
        Assert.Equal(LevelChangeRule.FromChange, policy.LevelChange);
        Assert.Same(FaultLevels.Standard, policy.Levels);
    }

    [Fact]
    public void Notes_AreAllowedWhereTheFormatSaysSo()
    {
        var policy = PolicyDocument.Parse("""
            {
              "description": "D2.4", "$schema": "x",
              "calendars": { "always": { "zone": "Asia/Shanghai", "weekly": "24x7" } },
              "policy": {
                "note": "a note", "_draft": true, "x-owner": "desk",
                "levels": [ { "level": 1, "note": "top", "names": ["A"] } ],
                "targets": [ { "milestone": "onSite", "elapsed": "PT2H", "note": "Beijing", "ref": "D2.4", "warnings": [ { "share": 0.5, "note": "half" } ] } ]
              }
            }
            """);
        Assert.Single(policy.Rows);
        Assert.Equal(1, policy.Levels.Count);
    }

    [Fact]
    public void UnknownProperties_AreErrorsAtTheirPaths()
    {
        var e = Fails("""
            {
              "calendars": { "always": { "zone": "Asia/Shanghai", "weekly": "24x7" } },
              "policy": {
                "targets": [ { "milestone": "onSite", "elapsed": "PT2H", "inside": "PT2H" } ],
                "levelChanges": "retroactive"
              },
              "tickets": []
            }
            """);
        Assert.Equal(4, At(e, "$.policy.targets[0].inside", "unknown target property; expected milestone, elapsed, workingTime, workingDays, calendarDays, period, within, holidayRule, cutOff, calendar, levels, where, from, ifBreached, ignorePauses, warnings").Line);
        Assert.Equal(5, At(e, "$.policy.levelChanges", "unknown policy property; expected levels, calendar, milestones, targets, confirmedEventsOnly, levelChange").Line);
        Assert.Equal(7, At(e, "$.tickets", "unknown property of a policy document; expected calendars, policy").Line);
        Assert.Equal(3, e.ErrorCount);
    }

    [Fact]
    public void UnknownCalendars_AreErrorsAtTheirPaths()
    {
        var e = FailsPolicy("""
            {
              "calendar": "nowhere",
              "targets": [
                { "milestone": "repaired", "workingDays": 2, "calendar": "offices" }
              ]
            }
            """);
        // The row's calendar is resolved by the builder, once (issue 14, item 4): the same rule, and wording, as the default's.
        At(e, "$.policy.targets[0].calendar", "found \"offices\"; expected the name of a policy calendar: office, always");

        // The default calendar is the builder's to check, once the rows are read.
        var unknownDefault = FailsPolicy("""{ "calendar": "nowhere", "targets": [ { "milestone": "a", "elapsed": "PT1H" } ] }""");
        At(unknownDefault, "$.policy.calendar", "found \"nowhere\"; expected the name of a policy calendar: office, always");

        var none = Fails("""{ "policy": { "targets": [ { "milestone": "repaired", "workingDays": 2 } ] } }""");
        At(none, "$.policy.targets[0]", "found within 2 working days; this target needs a calendar; name one on the row or give the policy a default calendar");
    }

    [Fact]
    public void RulesBetweenRows_AreReportedAtTheRowsPaths()
    {
        var e = FailsPolicy("""
            {
              "targets": [
                { "milestone": "restored", "elapsed": "PT2H", "from": "arrival" },
                { "milestone": "a", "elapsed": "PT1H", "from": "b.due" },
                { "milestone": "b", "elapsed": "PT1H", "ifBreached": "a" },
                { "milestone": "onSite", "elapsed": "PT2H", "where": { "region": "Beijing" } },
                { "milestone": "onSite", "elapsed": "PT4H", "where": { "channel": "phone" } }
              ]
            }
            """);
        Assert.Equal(6, At(e, "$.policy.targets[0]", "found \"arrival\"; the row counts from a milestone the policy neither sets a target for nor declares; expected one of: restored, a, b, onSite (declare an event-only milestone with \"milestones\")").Line);
        Assert.Equal(8, At(e, "$.policy.targets[2]", "found a → b → a; milestones must not count from each other in a cycle; one of them must count from the report").Line);
        Assert.Equal(10, At(e, "$.policy.targets[4]", "found onSite, where channel is phone: within 4 hours; this row and $.policy.targets[3] (onSite, where region is Beijing: within 2 hours) could both apply to one ticket and neither names more 'where' attributes; give them different levels or a 'where' that tells them apart").Line);
        Assert.Equal(3, e.ErrorCount);
    }

    [Fact]
    public void Levels_BadNamesNumbersAndLists()
    {
        var e = FailsPolicy("""
            {
              "targets": [
                { "milestone": "a", "elapsed": "PT1H", "levels": ["E", 5, 1.5, true] },
                { "milestone": "b", "elapsed": "PT1H", "levels": [] },
                { "milestone": "c", "elapsed": "PT1H", "levels": 1 }
              ]
            }
            """);
        At(e, "$.policy.targets[0].levels[0]", "found \"E\"; expected a level of the policy: 1 to 4 or one of 一级, A, P1, critical, 二级, B, P2, major, 三级, C, P3, minor, 四级, D, P4, low");
        At(e, "$.policy.targets[0].levels[1]", "found 5; expected a level of the policy, 1 to 4");
        At(e, "$.policy.targets[0].levels[2]", "found 1.5; expected a level number as a whole number");
        At(e, "$.policy.targets[0].levels[3]", "found true; expected a level number or name as a JSON string");
        At(e, "$.policy.targets[1].levels", "an empty list of levels matches no ticket; leave \"levels\" out for every level");
        At(e, "$.policy.targets[2].levels", "found 1; expected an array of levels (numbers or names)");

        var policyLevels = FailsPolicy("""{ "levels": [], "targets": [] }""");
        At(policyLevels, "$.policy.levels", "a policy needs at least one level");

        var gaps = FailsPolicy("""{ "levels": [ { "level": 1, "names": ["A"] }, { "level": 3, "names": ["a"] }, { "level": 0 }, { "names": ["B"] } ], "targets": [] }""");
        At(gaps, "$.policy.levels[2].level", "found 0; expected a level from 1 to 64");
        At(gaps, "$.policy.levels[3]", "missing \"level\": the level's number, 1 for the most severe");

        var clash = FailsPolicy("""{ "levels": [ { "level": 1, "names": ["A"] }, { "level": 3, "names": ["a", " "] } ], "targets": [] }""");
        At(clash, "$.policy.levels[1].names[1]", "found \" \"; expected a name that is not blank");

        var numbering = FailsPolicy("""{ "levels": [ { "level": 1, "names": ["A"] }, { "level": 3, "names": ["a"] } ], "targets": [] }""");
        Assert.Equal(["found 3; levels are numbered 1 to 2 (one per level, no gaps)", "found \"a\"; a name may belong to one level, and this one already names level 1"],
            numbering.Errors.Where(x => x.Path == "$.policy.levels[1]").Select(x => x.Message));
    }

    [Fact]
    public void CustomLevelNames_NameLevelsInRows()
    {
        var policy = Parse("""
            {
              "levels": [ { "level": 1, "names": ["紧急", "urgent"] }, { "level": 2, "names": ["一般"] } ],
              "targets": [ { "milestone": "a", "elapsed": "PT1H", "levels": ["URGENT"] }, { "milestone": "a", "elapsed": "PT4H", "levels": ["一般"] } ]
            }
            """);
        Assert.Equal(2, policy.Levels.Count);
        Assert.Equal([1], policy.Rows[0].Levels);
        Assert.Equal([2], policy.Rows[1].Levels);

        var standardName = FailsPolicy("""{ "levels": [ { "level": 1, "names": ["紧急"] } ], "targets": [ { "milestone": "a", "elapsed": "PT1H", "levels": ["P1"] } ] }""");
        At(standardName, "$.policy.targets[0].levels[0]", "found \"P1\"; expected a level of the policy: 1 to 1 or one of 紧急");
    }

    [Fact]
    public void Amounts_ExactlyOne()
    {
        var e = FailsPolicy("""
            {
              "targets": [
                { "milestone": "a", "elapsed": "PT1H", "workingTime": "PT1H", "calendar": "office" },
                { "milestone": "b" },
                { "milestone": "c", "elapsed": "-PT1H" },
                { "milestone": "d", "workingDays": -1, "calendar": "office" },
                { "milestone": "e", "period": "PT4H", "calendar": "office" },
                { "milestone": "f", "calendarDays": "3", "calendar": "office" }
              ]
            }
            """);
        Assert.Equal(6, At(e, "$.policy.targets[0].workingTime", "a target has exactly one amount, and this one has elapsed and workingTime").Line);
        Assert.Equal(7, At(e, "$.policy.targets[1]", "missing the amount: exactly one of elapsed, workingTime, workingDays, calendarDays, period, within").Line);
        At(e, "$.policy.targets[2].elapsed", "found \"-PT1H\"; expected a duration of zero or more, at most 10,000 years, to the tick (100 ns)");
        At(e, "$.policy.targets[3].workingDays", "found -1; expected a number of days from 0 to 1,000,000");
        At(e, "$.policy.targets[4].period", "found \"PT4H\"; expected an ISO 8601 period of years, months, weeks or days, for example P12M, P3Y, P7D or P1Y6M");
        At(e, "$.policy.targets[5].calendarDays", "found \"3\"; expected a number of days as a whole number");
    }

    [Fact]
    public void Options_HolidayRuleCutOffFromIfBreached()
    {
        var e = FailsPolicy("""
            {
              "targets": [
                { "milestone": "a", "workingTime": "PT8H", "calendar": "office", "holidayRule": "nextWorkingDay" },
                { "milestone": "b", "calendarDays": 3, "calendar": "office", "holidayRule": "sometimes" },
                { "milestone": "c", "elapsed": "PT1H", "cutOff": "25:00" },
                { "milestone": "d", "elapsed": "PT1H", "cutOff": "4pm" },
                { "milestone": "e", "elapsed": "PT1H", "from": "reported.due" },
                { "milestone": "f", "elapsed": "PT1H", "ifBreached": "reported" },
                { "milestone": "g", "elapsed": "PT1H", "from": "" },
                { "milestone": "h.i", "elapsed": "PT1H" },
                { "milestone": "j", "elapsed": "PT1H", "ignorePauses": "yes" }
              ],
              "confirmedEventsOnly": 1,
              "levelChange": "sometimes"
            }
            """);
        Assert.Equal(6, At(e, "$.policy.targets[0].holidayRule", "found \"nextWorkingDay\"; the holiday rule applies to calendarDays and period targets; working time and working days skip holidays by themselves").Line);
        At(e, "$.policy.targets[1].holidayRule", "found \"sometimes\"; expected a holiday rule, \"none\" or \"nextWorkingDay\"");
        At(e, "$.policy.targets[2].cutOff", "found \"25:00\"; expected a time of day HH:mm, for example 16:00");
        At(e, "$.policy.targets[3].cutOff", "found \"4pm\"; expected a time of day HH:mm, for example 16:00");
        At(e, "$.policy.targets[4].from", "found \"reported.due\"; expected a milestone name: not empty, not \"reported\", without '.'");
        At(e, "$.policy.targets[5].ifBreached", "found \"reported\"; expected a milestone name: not empty, not \"reported\", without '.'");
        At(e, "$.policy.targets[6].from", "found \"\"; expected a milestone name: not empty, not \"reported\", without '.'");
        At(e, "$.policy.targets[7].milestone", "found \"h.i\"; expected a milestone name: not empty, not \"reported\", without '.'");
        At(e, "$.policy.targets[8].ignorePauses", "found \"yes\"; expected true or false");
        At(e, "$.policy.confirmedEventsOnly", "found 1; expected true or false");
        Assert.Equal(17, At(e, "$.policy.levelChange", "found \"sometimes\"; expected a level-change rule, \"retroactive\" or \"fromChange\"").Line);
    }

    [Fact]
    public void Warnings_ShareOrBefore()
    {
        var e = FailsPolicy("""
            {
              "targets": [
                { "milestone": "a", "elapsed": "PT1H", "warnings": [
                  { "share": 1.5 }, { "share": 0 }, { "share": 1 }, { "share": 0.5, "before": "PT10M" }, { },
                  { "before": "PT0S" }, { "before": "-PT1H" }, { "share": "half" }, { "at": "PT1H" }, 0.5 ] },
                { "milestone": "b", "elapsed": "PT1H", "warnings": { "share": 0.5 } }
              ]
            }
            """);
        At(e, "$.policy.targets[0].warnings[0].share", "found 1.5; expected a share greater than 0 and less than 1, such as 0.75");
        At(e, "$.policy.targets[0].warnings[1].share", "found 0; expected a share greater than 0 and less than 1, such as 0.75");
        At(e, "$.policy.targets[0].warnings[2].share", "found 1; expected a share greater than 0 and less than 1, such as 0.75");
        At(e, "$.policy.targets[0].warnings[3]", "a warning has exactly one of \"share\" and \"before\"");
        At(e, "$.policy.targets[0].warnings[4]", "a warning has exactly one of \"share\" and \"before\"");
        At(e, "$.policy.targets[0].warnings[5].before", "found \"PT0S\"; expected a lead of more than zero, to the tick");
        At(e, "$.policy.targets[0].warnings[6].before", "found \"-PT1H\"; expected a lead of more than zero, to the tick");
        At(e, "$.policy.targets[0].warnings[7].share", "found \"half\"; expected a share as a number");
        Assert.Contains(e.Errors, x => x.Path == "$.policy.targets[0].warnings[8].at" && x.Message.StartsWith("unknown warning property", StringComparison.Ordinal));
        At(e, "$.policy.targets[0].warnings[9]", "found 0.5; expected a warning, { \"share\": 0.75 } or { \"before\": \"PT2H\" }");
        Assert.Equal(9, At(e, "$.policy.targets[1].warnings", "found an object; expected an array of warnings, { \"share\": 0.75 } or { \"before\": \"PT2H\" }").Line);
    }

    [Fact]
    public void Warnings_AShareIsCheckedAsTheDoubleItBecomes()
    {
        // A share is the double nearest to what is written: 0.9999999999999999 is the largest double below 1 (what the
        // writer writes for it), and the others are 1 or 0 as doubles, so they are reported at their path, not thrown.
        var e = FailsPolicy("""
            {
              "targets": [
                { "milestone": "a", "elapsed": "PT1H", "warnings": [
                  { "share": 0.999999999999999999999999995 }, { "share": 0.99999999999999995 }, { "share": 1e-400 },
                  { "share": 1e400 }, { "share": 1.0000000000000000001 }, { "share": 0.9999999999999999 } ] }
              ]
            }
            """);
        const string Expected = "expected a share greater than 0 and less than 1, such as 0.75";
        At(e, "$.policy.targets[0].warnings[0].share", $"found 0.999999999999999999999999995; {Expected}; as a double it is 1");
        At(e, "$.policy.targets[0].warnings[1].share", $"found 0.99999999999999995; {Expected}; as a double it is 1");
        At(e, "$.policy.targets[0].warnings[2].share", $"found 1e-400; {Expected}; as a double it is 0");
        At(e, "$.policy.targets[0].warnings[3].share", $"found 1e400; {Expected}");
        At(e, "$.policy.targets[0].warnings[4].share", $"found 1.0000000000000000001; {Expected}");
        Assert.Equal(5, e.Errors.Count);

        var policy = Parse("""{ "targets": [ { "milestone": "a", "elapsed": "PT1H", "warnings": [ { "share": 0.9999999999999999 }, { "share": 1e-300 } ] } ] }""");
        Assert.Equal([TargetWarning.AtShare(Math.BitDecrement(1.0)), TargetWarning.AtShare(1e-300)], policy.Rows[0].Warnings);
    }

    [Fact]
    public void Warnings_TheLargestShareBelowOne_WritesAndReadsBack()
    {
        var policy = new ServicePolicyBuilder()
            .AddRows(PolicyRow.For("a", ServiceTarget.Elapsed(Duration.FromHours(1))).WithWarnings(TargetWarning.AtShare(Math.BitDecrement(1.0))))
            .Build();

        var back = PolicyDocument.Parse(PolicyDocument.Write(policy));

        Assert.Equal(policy.Rows[0].Warnings, back.Rows[0].Warnings);
    }

    [Fact]
    public void Where_ValuesAndArrays()
    {
        var e = FailsPolicy("""
            {
              "targets": [
                { "milestone": "a", "elapsed": "PT1H", "where": { "region": [] } },
                { "milestone": "b", "elapsed": "PT1H", "where": { "region": 1 } },
                { "milestone": "c", "elapsed": "PT1H", "where": { "region": ["Beijing", 2] } },
                { "milestone": "d", "elapsed": "PT1H", "where": "Beijing" }
              ]
            }
            """);
        Assert.Equal(6, At(e, "$.policy.targets[0].where.region", "an empty array matches no ticket; give at least one value").Line);
        At(e, "$.policy.targets[1].where.region", "found 1; expected an attribute value, or an array of values as a JSON string");
        At(e, "$.policy.targets[2].where.region[1]", "found 2; expected an attribute value as a JSON string");
        At(e, "$.policy.targets[3].where", "found \"Beijing\"; expected an object mapping attribute names to a value or an array of values");
    }

    [Fact]
    public void TheDocument_NeedsAPolicyWithTargets()
    {
        At(Fails("""{ "calendars": {} }"""), "$", "missing \"policy\": a policy object with \"targets\"");
        At(Fails("""{ "policy": {} }"""), "$.policy", "missing \"targets\": an array of targets, one per milestone, level and region");
        At(Fails("""{ "policy": [] }"""), "$.policy", "found an empty array; expected a policy object with \"targets\"");
        At(Fails("""[]"""), "$", "found an empty array; expected an object with \"policy\" and the \"calendars\" it names");
        Assert.Empty(PolicyDocument.Parse("""{ "policy": { "targets": [] } }""").Milestones);
        Assert.Throws<ArgumentNullException>(() => PolicyDocument.Parse(null!));
    }

    [Fact]
    public void ErrorsInACalendar_AreReportedAtTheCalendarsPath()
    {
        var e = Fails("""{ "calendars": { "office": { "zone": "Mars/Olympus", "weekly": "5x8" } }, "policy": { "targets": [ { "milestone": "a", "workingDays": 1, "calendar": "office" } ] } }""");
        Assert.Contains(e.Errors, x => x.Path == "$.calendars.office.zone");
    }
}
