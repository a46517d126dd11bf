using System;
using System.Linq;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Tests.Calendars.Notices;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Documents.Calendars;

/// <summary>Calendar documents with holiday notices (<c>notices</c>, <c>supplements</c>) and <c>"unknownYears": "provisional"</c>.</summary>
public sealed class HolidayNoticeDocumentTests
{
    private static string Calendar(string holidaySet, string unknownYears = "error") =>
        $$"""{ "zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": [ {{holidaySet}} ], "unknownYears": "{{unknownYears}}" }""";

    private static string Texts(params string[] texts) => JsonSerializer.Serialize(texts);

    private static DocumentError ErrorAt(DocumentException e, string path)
    {
        var at = e.Errors.Where(x => x.Path == path).ToList();
        Assert.True(at.Count > 0, $"no error at {path}; errors: {string.Join(" | ", e.Errors)}");
        return at[0];
    }

    [Fact]
    public void ANewIdWithNotices_MakesASetOfTheNoticesAlone_AsTheShippedData()
    {
        var calendar = CalendarDocument.Parse(Calendar(
            $$"""{ "id": "cn-notices", "notices": {{Texts(NoticeTexts.AllYearly().ToArray())}}, "supplements": {{Texts(NoticeTexts.AllSupplements().ToArray())}} }"""));

        var set = calendar.HolidaySets.Single();
        Assert.Equal("cn-notices", set.Id);
        Assert.Equal(2008, set.FirstYear);
        Assert.Equal(2026, set.LastYear);
        Assert.Equal(HolidaySets.ChinaMainland.Entries.Where(e => e.Date >= Date("2007-12-29")), set.Entries);
        Assert.Equal(Office.AddWorkingDays(Sh("2020-01-20 10:00"), 5), calendar.AddWorkingDays(Sh("2020-01-20 10:00"), 5));
    }

    [Fact]
    public void NoticesExtendARegisteredSet_AndWriteBackAsNotices()
    {
        var early = HolidaySet.FromNotices("cn-early", NoticeTexts.AllYearly().Take(18), NoticeTexts.AllSupplements());
        var registry = HolidaySetRegistry.Default.With(early);
        string json = Calendar($$"""{ "id": "cn-early", "notices": {{Texts(NoticeTexts.Yearly(2026))}} }""", "provisional");

        var calendar = CalendarDocument.Parse(json, registry);
        Assert.Equal(2026, calendar.HolidaySets.Single().LastYear);
        Assert.Equal(UnknownYears.Provisional, calendar.UnknownYears);
        Assert.Equal(HolidayYearStatus.Provisional, calendar.GetHolidayYearStatus(2027));

        string written = CalendarDocument.Write(calendar, registry);
        using var document = JsonDocument.Parse(written);
        var setElement = document.RootElement.GetProperty("holidaySets")[0];
        Assert.Equal("cn-early", setElement.GetProperty("id").GetString());
        Assert.Equal(NoticeTexts.Yearly(2026), setElement.GetProperty("notices")[0].GetString());
        Assert.Equal("provisional", document.RootElement.GetProperty("unknownYears").GetString());

        var again = CalendarDocument.Parse(written, registry);
        Assert.Equal(calendar.HolidaySets.Single().Entries, again.HolidaySets.Single().Entries);
        Assert.Equal(UnknownYears.Provisional, again.UnknownYears);
    }

    [Fact]
    public void ASetOfNoticesAlone_WritesBackAsItsNotices()
    {
        var calendar = CalendarDocument.Parse(Calendar(
            $$"""{ "id": "cn-2019", "notices": {{Texts(NoticeTexts.Yearly(2019))}}, "supplements": {{Texts(NoticeTexts.Supplement(2019))}} }"""));

        var again = CalendarDocument.Parse(CalendarDocument.Write(calendar));

        Assert.Equal(calendar.HolidaySets.Single().Entries, again.HolidaySets.Single().Entries);
        Assert.True(again.HolidaySets.Single().TryGetEntry(Date("2019-05-04"), out var labour)); // the supplement's day
        Assert.Equal(HolidayKind.Holiday, labour.Kind);
    }

    [Fact]
    public void NoticesBeforeAndAfterTheKnownYears_ExtendItInAnyOrder()
    {
        var middle = HolidaySet.FromNotices("cn-mid", [NoticeTexts.Yearly(2015), NoticeTexts.Yearly(2016)], [NoticeTexts.Supplement(2015)]);
        var registry = HolidaySetRegistry.Default.With(middle);
        string[] given = [NoticeTexts.Yearly(2013), NoticeTexts.Yearly(2018), NoticeTexts.Yearly(2014), NoticeTexts.Yearly(2017)];

        var calendar = CalendarDocument.Parse(Calendar($$"""{ "id": "cn-mid", "notices": {{Texts(given)}} }"""), registry);

        var set = calendar.HolidaySets.Single();
        Assert.Equal(2013, set.FirstYear);
        Assert.Equal(2018, set.LastYear);
        Assert.Equal(
            HolidaySets.ChinaMainland.Entries.Where(e => e.Date >= Date("2012-12-29") && e.Date <= Date("2018-12-28")),
            set.Entries.Where(e => e.Date >= Date("2012-12-29") && e.Date <= Date("2018-12-28")));
    }

    [Fact]
    public void ANoticeForAYearTheSetKnows_IsAnErrorAtTheNotice()
    {
        var e = Assert.Throws<DocumentException>(() => CalendarDocument.Parse(Calendar(
            $$"""{ "id": "cn-mainland", "notices": {{Texts(NoticeTexts.Yearly(2026))}} }""")));

        var error = ErrorAt(e, "$.holidaySets[0].notices[0]");
        Assert.Contains("already knows 2026", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANoticeThatCannotBeRead_IsAnErrorQuotingTheItem()
    {
        string wrongWeekday = NoticeTexts.Yearly(2026).Replace("1月4日（周日）上班", "1月4日（周一）上班", StringComparison.Ordinal);
        Assert.NotEqual(NoticeTexts.Yearly(2026), wrongWeekday);

        var e = Assert.Throws<DocumentException>(() => CalendarDocument.Parse(Calendar(
            $$"""{ "id": "cn-new", "notices": {{Texts(wrongWeekday)}} }""")));

        var error = ErrorAt(e, "$.holidaySets[0].notices[0]");
        Assert.Contains("周一", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-01-04 is a Sunday", error.Message, StringComparison.Ordinal);
        Assert.Contains("元旦", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length <= 300, error.Message);
    }

    [Fact]
    public void ASupplementForAYearTheSetDoesNotKnow_IsAnError()
    {
        var e = Assert.Throws<DocumentException>(() => CalendarDocument.Parse(Calendar(
            $$"""{ "id": "cn-new", "notices": {{Texts(NoticeTexts.Yearly(2021))}}, "supplements": {{Texts(NoticeTexts.Supplement(2020))}} }""")));

        Assert.Contains("does not know 2020", ErrorAt(e, "$.holidaySets[0].supplements[0]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AYearReplacedByItsOwnNotice_WritesBackAsTheRegisteredSet()
    {
        var replaced = HolidaySets.ChinaMainland.WithNotice(NoticeTexts.Yearly(2026), replace: true);
        var calendar = new BusinessCalendarBuilder(Shanghai).SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, BusinessCalendar.FiveByEightHours)
            .AddHolidaySet(replaced).Build();

        using var written = JsonDocument.Parse(CalendarDocument.Write(calendar));

        Assert.Equal("cn-mainland", written.RootElement.GetProperty("holidaySets")[0].GetString());
    }

    [Fact]
    public void ANewIdWithAnEmptyListOfNotices_IsAnErrorAtTheList()
    {
        var e = Assert.Throws<DocumentException>(() => CalendarDocument.Parse(Calendar("""{ "id": "cn-new", "notices": [] }""")));
        Assert.Contains("needs at least one notice", ErrorAt(e, "$.holidaySets[0].notices").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewIdThatIsNotAnId_IsAnErrorAtTheId_AsInCSharp()
    {
        string json = Calendar($$"""{ "id": "cn new", "notices": {{Texts(NoticeTexts.Yearly(2021))}} }""");
        var e = Assert.Throws<DocumentException>(() => CalendarDocument.Parse(json));

        Assert.Contains("letters, digits", ErrorAt(e, "$.holidaySets[0].id").Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => HolidaySet.FromNotices("cn new", [NoticeTexts.Yearly(2021)]));
    }

    [Fact]
    public void AnUnknownIdWithoutNotices_IsStillAnUnknownSet()
    {
        var e = Assert.Throws<DocumentException>(() => CalendarDocument.Parse(Calendar("""{ "id": "cn-new", "years": {} }""")));
        Assert.Contains("unknown holiday set", ErrorAt(e, "$.holidaySets[0].id").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownYears_AnotherWord_IsAnErrorListingTheModes()
    {
        var e = Assert.Throws<DocumentException>(() => CalendarDocument.Parse(Calendar("\"cn-mainland\"", "estimated")));
        Assert.Contains("\"provisional\"", ErrorAt(e, "$.unknownYears").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProvisionalCalendar_ReadsWritesAndAnswersForTheNextYear()
    {
        var calendar = CalendarDocument.Parse(Calendar("\"cn-mainland\"", "provisional"));
        Assert.False(calendar.IsWorkingDay(Date("2027-02-05")));
        Assert.True(calendar.IsWorkingDay(Date("2027-02-09")));
        Assert.Contains("\"unknownYears\": \"provisional\"", CalendarDocument.Write(calendar).Replace("\":\"", "\": \"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(Instant.FromUtc(2027, 1, 5, 10, 0), calendar.AddWorkingDays(Sh("2026-12-31 10:00"), 2));
    }
}
