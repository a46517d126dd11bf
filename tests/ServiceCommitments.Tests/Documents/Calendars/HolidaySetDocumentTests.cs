using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using Xunit;

namespace ServiceCommitments.Tests.Documents.Calendars;

/// <summary>A holidaySets entry that adds years to a shipped set, the document form of <see cref="HolidaySet.WithYear"/>.</summary>
public sealed class HolidaySetDocumentTests
{
    private static string Calendar(string holidaySet) =>
        $$"""{ "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": [{{holidaySet}}] }""";

    [Fact]
    public void AddedYear_IsKnownAndApplied()
    {
        var calendar = CalendarDocument.Parse(Calendar("""
            { "id": "cn-mainland", "years": { "2027": { "holidays": ["2027-01-01"], "adjustedWorkingDays": ["2027-01-03"] } } }
            """));

        Assert.True(calendar.KnowsYear(2027));
        Assert.False(calendar.KnowsYear(2028));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2027, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2027, 1, 3)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2027, 1, 4)));
        // The shipped set itself is untouched.
        Assert.False(HolidaySets.ChinaMainland.KnowsYear(2027));
    }

    [Fact]
    public void TwoAddedYears_AreAppliedInOrder()
    {
        var calendar = CalendarDocument.Parse(Calendar("""
            { "id": "cn-mainland", "years": { "2028": { "holidays": ["2028-01-03"] }, "2027": { "holidays": [] } } }
            """));

        Assert.True(calendar.KnowsYear(2028));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2028, 1, 3)));
    }

    [Fact]
    public void ObjectWithoutYears_IsTheSetItself()
    {
        var calendar = CalendarDocument.Parse(Calendar("""{ "id": "cn-mainland" }"""));

        Assert.Same(HolidaySets.ChinaMainland, calendar.HolidaySets.Single());
    }

    [Theory]
    [InlineData("""{ "id": "cn-mainland", "years": { "2029": { "holidays": [] } } }""", "$.holidaySets[0].years['2029']", "2029")]
    [InlineData("""{ "id": "cn-mainland", "years": { "27": { "holidays": [] } } }""", "$.holidaySets[0].years['27']", "\"27\" is not a year")]
    [InlineData("""{ "id": "cn-mainland", "years": { "2027": { "holidays": ["2027-02-30"] } } }""", "$.holidaySets[0].years['2027'].holidays[0]", "2027-02-30")]
    [InlineData("""{ "id": "cn-mainland", "years": { "2027": { "holidays": ["2028-01-01"] } } }""", "$.holidaySets[0].years['2027'].holidays[0]", "2028-01-01")]
    [InlineData("""{ "id": "cn-mainland", "years": { "2027": { "holiday": [] } } }""", "$.holidaySets[0].years['2027'].holiday", "expected holidays, adjustedWorkingDays")]
    [InlineData("""{ "id": "cn-mainland", "yeras": {} }""", "$.holidaySets[0].yeras", "unknown holiday set property")]
    [InlineData("""{ "id": "cn-south" }""", "$.holidaySets[0].id", "unknown holiday set \"cn-south\"")]
    [InlineData("""{ "years": {} }""", "$.holidaySets[0]", "missing \"id\"")]
    [InlineData("""42""", "$.holidaySets[0]", "42")]
    public void BadEntry_IsAnErrorAtItsPath(string entry, string path, string mentions)
    {
        var exception = Assert.Throws<DocumentException>(() => CalendarDocument.Parse(Calendar(entry)));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(mentions, error.Message, System.StringComparison.Ordinal);
    }
}
