using System;
using System.Linq;
using ServiceCommitments.Documents;
using ServiceCommitments.Testing;
using Xunit;

namespace ServiceCommitments.Tests.Testing;

/// <summary>The conformance file format of docs/documents.md: what it accepts, what it rejects and how it reports.</summary>
public sealed class ConformanceFileTests
{
    private const string Calendar = """{ "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"] }""";

    private static ConformanceFile File(string cases, string extra = "") =>
        ConformanceFile.Parse($$"""{ {{extra}} "calendar": {{Calendar}}, "cases": [ {{cases}} ] }""", "test.json");

    private static DocumentError SingleError(string cases, string extra = "")
    {
        var exception = Assert.Throws<DocumentException>(() => File(cases, extra));
        Assert.Equal("test.json", exception.DocumentName);
        return Assert.Single(exception.Errors);
    }

    [Fact]
    public void Run_ComparesValuesNotText()
    {
        var file = File("""
            { "op": "workingTimeBetween", "start": "2024-03-04T09:00:00+08:00", "end": "2024-03-04T18:00:00+08:00", "expected": "PT480M" },
            { "op": "addWorkingTime", "start": "2024-03-04T11:00:00+08:00", "amount": "PT2H", "expected": "2024-03-04T06:00:00Z" },
            { "op": "addWorkingDays", "start": "2024-09-30", "days": 2, "expected": "2024-10-09" },
            { "op": "isWorkingDay", "date": "2024-09-29", "expected": true },
            { "op": "addWorkingTime", "start": "2027-03-01T10:00:00+08:00", "amount": "PT1H", "expectedError": "unknownYear" }
            """);

        Assert.All(file.Run(), result => Assert.True(result.Passed, result.ToString()));
    }

    [Fact]
    public void Run_AFailingCase_ReportsBothValues()
    {
        var file = File("""{ "name": "lunch", "op": "addWorkingTime", "start": "2024-03-04T11:00:00+08:00", "amount": "PT2H", "expected": "2024-03-04T13:00:00+08:00" }""");

        var result = Assert.Single(file.Run());

        Assert.False(result.Passed);
        Assert.Contains("13:00", result.Expected, StringComparison.Ordinal);
        Assert.Contains("14:00", result.Actual, StringComparison.Ordinal);
        Assert.Contains("lunch", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AnUnexpectedError_FailsTheCase()
    {
        var file = File("""{ "op": "addWorkingTime", "start": "2027-03-01T10:00:00+08:00", "amount": "PT1H", "expected": "2027-03-01T11:00:00+08:00" }""");

        var result = Assert.Single(file.Run());

        Assert.False(result.Passed);
        Assert.Contains("unknownYear", result.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotations_AreAcceptedAndChangeNothing()
    {
        var file = File(
            """{ "op": "isWorkingDay", "date": "2024-10-01", "expected": false, "note": "National Day", "comment": "x", "tags": ["holiday"], "_id": 7, "x-origin": "contract 12" }""",
            """ "$schema": "https://example.invalid/schema.json", "name": "mine", "source": "bid 2024-17", """);

        Assert.True(Assert.Single(file.Run()).Passed);
    }

    [Theory]
    [InlineData("""{ "op": "isWorkingDay", "date": "2024-10-01", "expected": false, "expect": true }""", "$.cases[0].expect", "unknown property")]
    [InlineData("""{ "op": "addWorkingTime", "start": "2024-10-01T10:00:00+08:00", "amount": "PT1H", "end": "2024-10-01T12:00:00+08:00", "expected": "2024-10-08T10:00:00+08:00" }""", "$.cases[0].end", "unknown property for addWorkingTime")]
    [InlineData("""{ "op": "addWorkingHours", "start": "2024-10-01T10:00:00+08:00", "expected": "x" }""", "$.cases[0].op", "addWorkingHours")]
    [InlineData("""{ "op": "addWorkingTime", "start": "2024-10-01T10:00:00+08:00", "amount": "4 hours", "expected": "2024-10-08T13:00:00+08:00" }""", "$.cases[0].amount", "4 hours")]
    [InlineData("""{ "op": "addWorkingTime", "start": "2024-10-01 10:00", "amount": "PT1H", "expected": "2024-10-08T10:00:00+08:00" }""", "$.cases[0].start", "2024-10-01 10:00")]
    [InlineData("""{ "op": "isWorkingDay", "date": "2024-10-01", "expectedError": "holiday" }""", "$.cases[0].expectedError", "holiday")]
    public void BadCase_IsAnErrorAtItsPath(string cases, string path, string mentions)
    {
        var error = SingleError(cases);

        Assert.Equal(path, error.Path);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTopLevelProperty_IsAnError()
    {
        var error = SingleError("""{ "op": "isWorkingDay", "date": "2024-10-01", "expected": false }""", """ "calender": {}, """);

        Assert.Equal("$.calender", error.Path);
    }

    [Fact]
    public void ACaseWithoutExpectation_IsAnError()
    {
        var exception = Assert.Throws<DocumentException>(() => File("""{ "op": "isWorkingDay", "date": "2024-10-01" }"""));

        Assert.Contains(exception.Errors, e => e.Path.StartsWith("$.cases[0]", StringComparison.Ordinal) && e.Message.Contains("expected", StringComparison.Ordinal));
    }

    [Fact]
    public void CalendarErrors_CarryTheCalendarPath_AndFailEveryCaseButAnExpectedArgumentError()
    {
        var file = ConformanceFile.Parse(
            """
            { "calendar": { "zone": "Asia/Shangai", "weekly": "5x8" },
              "cases": [{ "op": "isWorkingDay", "date": "2024-10-01", "expected": false },
                        { "op": "isWorkingDay", "date": "2024-10-01", "expectedError": "argument" }] }
            """,
            "test.json");

        var error = Assert.Single(file.SubjectErrors);
        Assert.Equal("$.calendar.zone", error.Path);
        Assert.Contains("Asia/Shangai", error.Message, StringComparison.Ordinal);
        var results = file.Run();
        Assert.False(results[0].Passed);
        Assert.Contains("$.calendar.zone", results[0].Actual, StringComparison.Ordinal);
        Assert.True(results[1].Passed, results[1].ToString());
    }

    [Fact]
    public void AFileWithoutASubject_OrWithTwo_IsAnError()
    {
        var none = Assert.Throws<DocumentException>(() => ConformanceFile.Parse("""{ "cases": [{ "op": "isWorkingDay", "date": "2024-10-01", "expected": false }] }"""));
        Assert.Contains(none.Errors, e => e.Path == "$" && e.Message.Contains("\"calendar\"", StringComparison.Ordinal));

        var unknownKind = Assert.Throws<DocumentException>(() => ConformanceFile.Parse("""{ "contract": {}, "cases": [{ "op": "x", "expected": 1 }] }"""));
        Assert.Contains(unknownKind.Errors, e => e.Path == "$.contract");
        Assert.Contains(unknownKind.Errors, e => e.Path == "$" && e.Message.Contains("missing the subject", StringComparison.Ordinal));
    }

    [Fact]
    public void ANameGivenTwice_IsAnErrorAtTheSecond()
    {
        var e = Assert.Throws<DocumentException>(() => File(
            """{ "op": "isWorkingDay", "date": "2024-10-01", "date": "2024-10-02", "expected": false }"""));

        var error = Assert.Single(e.Errors);
        Assert.Equal("$.cases[0].date", error.Path);
        Assert.Contains("named twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithoutCases_IsAnError()
    {
        var error = SingleError("");

        Assert.Equal("$.cases", error.Path);
    }
}
