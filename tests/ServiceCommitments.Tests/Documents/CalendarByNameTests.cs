using System.Linq;
using ServiceCommitments.Documents;
using Xunit;

namespace ServiceCommitments.Tests.Documents;

/// <summary>
/// Calendars by name, resolved once (issue 14, item 4): a policy row and a warranty deadline pass the name they give to
/// the builder, which resolves it; the built row keeps both the name and the calendar, and the writer writes the name.
/// </summary>
public sealed class CalendarByNameTests
{
    private const string Calendars = """
        "calendars": {
          "office": { "zone": "Asia/Shanghai", "weekly": "5x8" },
          "always": { "zone": "Asia/Shanghai", "weekly": "24x7" }
        }
        """;

    [Fact]
    public void APolicyRow_KeepsTheNameItGave_AndTheCalendarItNames()
    {
        var commitment = CommitmentDocument.Parse($$"""
            { {{Calendars}},
              "policy": { "targets": [ { "milestone": "onSite", "workingTime": "PT4H", "calendar": "always" } ] } }
            """);

        var row = Assert.Single(commitment.Policy!.Rows);
        Assert.Equal("always", row.CalendarName);
        Assert.Same(commitment.Calendars["always"], row.Calendar);
        Assert.Contains("\"calendar\": \"always\"", CommitmentDocument.Write(commitment), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nowhere")]
    public void AnUnknownOrEmptyName_IsTheBuildersProblem_AtTheRowsCalendar(string name)
    {
        var error = Assert.Throws<DocumentException>(() => CommitmentDocument.Parse($$"""
            { {{Calendars}},
              "policy": { "targets": [ { "milestone": "onSite", "workingTime": "PT4H", "calendar": "{{name}}" } ] } }
            """));

        var only = Assert.Single(error.Errors);
        Assert.Equal("$.policy.targets[0].calendar", only.Path);
        Assert.Equal($"found \"{name}\"; expected the name of a policy calendar: office, always", only.Message);
    }

    [Fact]
    public void AWarrantyDeadline_NamingAnUnknownCalendar_IsReportedAtItsCalendar()
    {
        var error = Assert.Throws<DocumentException>(() => CommitmentDocument.Parse($$"""
            { {{Calendars}},
              "warranty": { "zone": "Asia/Shanghai", "terms": [ { "id": "all", "period": "P1Y", "from": "acceptance" } ],
                            "remedyDeadlines": { "repair": { "workingDays": 2, "calendar": "ofice" } } } }
            """));

        Assert.Contains(error.Errors, e => e.Path == "$.warranty.remedyDeadlines.repair.calendar" && e.Message.Contains("\"ofice\"", System.StringComparison.Ordinal));
    }
}
