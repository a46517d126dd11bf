using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;
using ServiceCommitments.Testing;
using Xunit;

namespace ServiceCommitments.Tests.Documents;

/// <summary>
/// Defects found when the document layer was attacked from outside (mutated and targeted documents): each test here
/// failed before its fix.
/// </summary>
public sealed class DocumentDefectTests
{
    private static DocumentException Fails(string json) => Assert.Throws<DocumentException>(() => CalendarDocument.Parse(json));

    /// <summary>
    /// A zone id NodaTime cannot parse at all (an offset beyond its range) is an unknown zone at its path, not an
    /// ArgumentOutOfRangeException out of the reader (found by CommitmentRobustnessProperties, replay
    /// (15125979810288710507,13428966306005940281)).
    /// </summary>
    [Theory]
    [InlineData("UTC+21474836488")]
    [InlineData("UTC-99:99")]
    public void AZoneIdOutOfNodaTimesRange_IsADocumentError(string zone)
    {
        string json = $$"""{ "calendars": { "office": { "zone": "{{zone}}", "weekly": { "Monday-Friday": ["09:00-18:00"] } } } }""";

        var error = Assert.Throws<DocumentException>(() => CommitmentDocument.Parse(json));

        var only = Assert.Single(error.Errors);
        Assert.Equal("$.calendars.office.zone", only.Path);
        Assert.Contains("expected an IANA (tzdb) time zone id", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKey_IsAnErrorAtTheSecond_NotSilentlyLastWins()
    {
        var e = Fails("""{"zone":"UTC","weekly":"24x7","closures":["2024-01-01"],"closures":["2024-01-02"]}""");

        var error = Assert.Single(e.Errors);
        Assert.Equal("$.closures", error.Path);
        Assert.Contains("\"closures\" is named twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKey_AnywhereInTheDocument_IsAnError()
    {
        var weekly = Fails("""{"zone":"UTC","weekly":{"Monday":["09:00-12:00"],"Monday":["13:00-14:00"]}}""");
        Assert.Contains(weekly.Errors, x => x.Path == "$.weekly.Monday" && x.Message.Contains("named twice", StringComparison.Ordinal));

        var year = Fails("""
            {"zone":"Asia/Shanghai","weekly":"5x8","holidaySets":[{"id":"cn-mainland","years":{
              "2027":{"holidays":["2027-01-01"]},
              "2027":{"holidays":["2027-01-02"]}}}]}
            """);
        var error = Assert.Single(year.Errors, x => x.Message.Contains("named twice", StringComparison.Ordinal));
        Assert.Equal("$.holidaySets[0].years['2027']", error.Path);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void UndefinedJsonElement_IsADocumentException()
    {
        var e = Assert.Throws<DocumentException>(() => CalendarDocument.Read(default(JsonElement)));

        Assert.Equal("$", e.Errors.Single().Path);
        Assert.Contains("undefined JsonElement", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddedYears_InAnyOrder_AreAddedAtOnce()
    {
        // Descending, as a user may list them: 2003 then 2002, before the 2004 the set starts with.
        var calendar = CalendarDocument.Parse("""
            {"zone":"Asia/Shanghai","weekly":"5x8","holidaySets":[{"id":"cn-mainland","years":{
              "2003":{"holidays":["2003-01-01"]},"2002":{"holidays":["2002-01-01"]},"2027":{},"2028":{}}}]}
            """);

        Assert.True(calendar.KnowsYear(2002));
        Assert.True(calendar.KnowsYear(2028));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2002, 1, 1)));
        Assert.Equal(2002, calendar.HolidaySets[0].FirstYear);
    }

    [Fact]
    public void AddedYears_AreLimited()
    {
        string years = string.Join(",", Enumerable.Range(2027, 101).Select(y => $"\"{y}\":{{}}"));
        var e = Fails($$$"""{"zone":"Asia/Shanghai","weekly":"5x8","holidaySets":[{"id":"cn-mainland","years":{ {{{years}}} }}]}""");

        Assert.Equal("$.holidaySets[0].years", e.Errors.Single().Path);
        Assert.Contains("at most 100 years", e.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(43_200)]
    [InlineData(280_000)]
    public void ThousandsOfIntervalsADay_AreRejectedAtTheArray_BeforeAnythingIsCompiled(int count)
    {
        var json = new StringBuilder("""{"zone":"UTC","weekly":{"Monday":[""");
        for (int i = 0; i < count; i++)
        {
            int second = i % 86_399;
            json.Append(i == 0 ? "" : ",").Append('"').Append(Time(second)).Append('-').Append(Time(second + 1)).Append('"');
        }

        json.Append("]}}");
        var e = Fails(json.ToString());

        var error = e.Errors.Single();
        Assert.Equal("$.weekly.Monday", error.Path);
        Assert.Contains("at most 96 working intervals", error.Message, StringComparison.Ordinal);

        static string Time(int s) => $"{s / 3600:D2}:{s / 60 % 60:D2}:{s % 60:D2}";
    }

    [Fact]
    public void HundredsOfThousandsOfErrors_AreCountedButOnlyTheFirstHundredListed()
    {
        string ids = string.Join(",", Enumerable.Repeat("\"nowhere\"", 300_000));
        var e = Fails($$"""{"zone":"UTC","weekly":"5x8","holidaySets":[{{ids}}]}""");

        Assert.Equal(300_000, e.ErrorCount);
        Assert.Equal(100, e.Errors.Count);
        Assert.Contains("has 300000 errors (the first 100 listed)", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Length < 30_000, $"The message is {e.Message.Length} characters long.");
    }

    [Fact]
    public void AHugeValue_IsNeverEchoedWhole()
    {
        string zone = new('Z', 60_000);
        var e = Fails($$$"""{"zone":"{{{zone}}}","weekly":{"{{{zone}}}":["09:00-12:00"]}}""");

        Assert.True(e.ErrorCount == 2, e.Message);
        Assert.True(e.Message.Length < 2_000, $"The message is {e.Message.Length} characters long.");
        Assert.Contains("(60000 characters)", e.Message, StringComparison.Ordinal);

        var tooLong = Fails($$"""{"zone":"{{new string('Z', 70_000)}}","weekly":"5x8"}""");
        Assert.Contains("at most 65536", tooLong.Errors.Single().Message, StringComparison.Ordinal);
        Assert.True(tooLong.Message.Length < 1_000);

        var tooLarge = Fails($$"""{"zone":"UTC","weekly":"5x8","x-padding":"{{new string(' ', 9 * 1024 * 1024)}}"}""");
        Assert.Contains("larger than 8388608 bytes", tooLarge.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNesting_IsADocumentException_NotAStackOverflow()
    {
        string deep = new string('[', 100_000) + new string(']', 100_000);
        var e = Fails($$"""{"zone":"UTC","weekly":"5x8","closures":{{deep}}}""");

        Assert.Contains("nested more than 64 deep", e.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\\ud800\"", "unpaired surrogate")]
    [InlineData("\"2024-02-18T11:00:00+208:00\"", "ISO 8601 instant")]
    public void TextsThatCrashedTheParsers_AreDocumentErrors(string value, string mentions)
    {
        var e = Assert.Throws<DocumentException>(() => ConformanceFile.Parse($$"""
            { "calendar": { "zone": "UTC", "weekly": "5x8" },
              "cases": [{ "op": "nextWorkingInstant", "start": "2024-02-18T11:00:00Z", "expected": {{value}} }] }
            """));

        Assert.Contains(mentions, e.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInstantNearTheEndOfTime_IsReportedNotThrown()
    {
        var file = ConformanceFile.Parse("""
            { "calendar": { "zone": "Pacific/Kiritimati", "weekly": "24x7" },
              "cases": [{ "op": "nextWorkingInstant", "start": "2024-02-18T11:00:00Z", "expected": "9999-12-31T23:59:59Z" }] }
            """);

        var result = file.Run().Single();
        Assert.False(result.Passed);
        Assert.Equal("9999-12-31T23:59:59Z", result.Expected);
    }

    /// <summary>The longest message an error about the input's own text may have (issue 14): a syntax error, a list of the document's names.</summary>
    internal const int MaxMessageLength = 300;

    /// <summary>The longest message any error may have, whatever the input (issue 14).</summary>
    internal const int MaxAnyMessageLength = 300;

    /// <summary>A commitment document of about a megabyte: <paramref name="head"/>, then many calendars.</summary>
    private static string Megabyte(string head)
    {
        var text = new StringBuilder(head);
        for (int i = 0; text.Length < 1_000_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\"c{i}\": {{ \"zone\": \"Asia/Shanghai\", \"weekly\": \"5x8\", \"closures\": [\"2024-01-02\"] }},\n");
        }

        return text.Append("\"last\": { \"zone\": \"UTC\", \"weekly\": \"24x7\" } } }").ToString();
    }

    // Issue 14: a syntax error near the start of a large document repeated the rest of the document (199,313 characters).
    [Theory]
    [InlineData("""{"name":tXue, "calendars": {""")] // a literal that is not true
    [InlineData("""{"name":fXlse, "calendars": {""")]
    [InlineData("""{"name":nXll, "calendars": {""")]
    [InlineData("""{"name": x, "calendars": {""")] // no value at all
    [InlineData("""{"name":"a\x", "calendars": {""")] // a bad escape
    [InlineData("""{"name" "a", "calendars": {""")] // no colon
    public void SyntaxError_AtTheStartOfAMegabyteDocument_GivesAShortMessage(string head)
    {
        string json = Megabyte(head);
        Assert.True(json.Length >= 1_000_000);

        var e = Assert.Throws<DocumentException>(() => CommitmentDocument.Parse(json));

        var error = Assert.Single(e.Errors);
        Assert.Equal(1, error.Line);
        Assert.InRange(error.Message.Length, 1, MaxMessageLength);
        Assert.InRange(e.Message.Length, 1, MaxMessageLength);
    }

    // Issue 14: a rule that lists what was expected listed every name the document holds.
    [Fact]
    public void ExpectedNames_AreCut_WhenTheDocumentHoldsThousands()
    {
        string milestones = string.Join(",", Enumerable.Range(0, 3_000).Select(i => $"\"milestone{i}\""));
        string calendars = string.Join(",", Enumerable.Range(0, 3_000).Select(i => $"\"calendar{i}\": {{\"zone\":\"UTC\",\"weekly\":\"24x7\"}}"));
        var e = Assert.Throws<DocumentException>(() => CommitmentDocument.Parse($$"""
            {"calendars": { {{calendars}} }, "policy": { "calendar": "calendar0", "milestones": [{{milestones}}], "targets": [
              { "milestone": "onSite", "elapsed": "PT2H", "from": "nosuchMilestone" } ] } }
            """));
        var error = Assert.Single(e.Errors);
        Assert.InRange(error.Message.Length, 1, MaxMessageLength);
        Assert.Contains("milestone0", error.Message, StringComparison.Ordinal);

        e = Assert.Throws<DocumentException>(() => CommitmentDocument.Parse($$"""
            {"calendars": { {{calendars}} }, "policy": { "calendar": "calendar0", "targets": [
              { "milestone": "resolved", "elapsed": "PT2H", "calendar": "nosuchCalendar" } ] } }
            """));
        error = Assert.Single(e.Errors);
        Assert.InRange(error.Message.Length, 1, MaxMessageLength);
        Assert.Contains("and 2991 more", error.Message, StringComparison.Ordinal);

        var builder = new ServicePolicyBuilder();
        for (int i = 0; i < 3_000; i++)
        {
            builder.AddCalendar($"calendar{i}", Faults.PolicyTestSupport.Always);
        }

        var v = Assert.Throws<ValidationException>(() => builder.AddRow(PolicyRow.For("resolved", ServiceTarget.WorkingDays(1)).OnCalendar("nosuch")).Build());
        Assert.InRange(Assert.Single(v.Problems).ToString().Length, 1, MaxMessageLength);
    }

    // Issue 14: large but legal periods escaped as OverflowException (more than about 106,751 days).
    [Fact]
    public void Periods_OfHundredsOfThousandsOfDays_Load()
    {
        var warranty = WarrantyDocument.Parse("""
            { "zone": "Asia/Shanghai", "returnWithoutReason": { "period": "P999997D", "from": "received" } }
            """);
        Assert.Single(warranty.Windows);

        var schedule = ScheduleDocument.Parse("""{ "schedule": { "anchor": "commissioning", "once": "P999990D" } }""");
        Assert.Equal(Period.FromDays(999_990), schedule.Once);

        var commitment = CommitmentDocument.Parse("""{ "calendars": { "c": { "zone": "UTC", "weekly": "24x7" } }, "policy": { "calendar": "c", "targets": [ { "milestone": "resolved", "period": "P200000W" } ] } }""");
        Assert.Equal(Period.FromDays(1_400_000), Assert.Single(commitment.Policy!.Rows).Target.Period);
    }

    [Fact]
    public void Periods_LongerThanTenThousandYears_AreDocumentErrorsAtTheirPath()
    {
        var e = Assert.Throws<DocumentException>(() => WarrantyDocument.Parse("""
            { "zone": "Asia/Shanghai", "returnWithoutReason": { "period": "P3652501D", "from": "received" } }
            """));
        var error = Assert.Single(e.Errors, x => x.Path == "$.returnWithoutReason.period");
        Assert.Contains("at most 10,000 years", error.Message, StringComparison.Ordinal);

        e = Assert.Throws<DocumentException>(() => ScheduleDocument.Parse("""{ "schedule": { "anchor": "commissioning", "once": "P3652501D" } }"""));
        Assert.Equal("$.schedule.once", Assert.Single(e.Errors).Path);
    }
}
