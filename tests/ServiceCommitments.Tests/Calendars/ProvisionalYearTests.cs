using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Explanations;
using ServiceCommitments.Targets;
using ServiceCommitments.Tests.Calendars.Notices;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Calendars;

/// <summary>Calendars that fill unknown years from the statutory rule: <see cref="UnknownYears.Provisional"/>.</summary>
public sealed class ProvisionalYearTests
{
    private static BusinessCalendar Office(HolidaySet set, UnknownYears mode) => new BusinessCalendarBuilder(Shanghai)
        .SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("13:00-18:00"))
        .AddHolidaySet(set)
        .SetUnknownYears(mode)
        .Build();

    private static readonly BusinessCalendar Provisional = Office(HolidaySets.ChinaMainland, UnknownYears.Provisional);

    [Theory]
    [InlineData("2027-01-01", false)] // 元旦, a Friday
    [InlineData("2027-02-04", true)] // the Thursday before 除夕
    [InlineData("2027-02-05", false)] // 除夕 (2024 revision: 除夕 to 初三)
    [InlineData("2027-02-08", false)] // 初三, a Monday
    [InlineData("2027-02-09", true)] // 初四: no bridge day without a notice
    [InlineData("2027-04-05", false)] // 清明, from the solar term
    [InlineData("2027-05-03", true)] // 劳动节 is 1-2 May, a weekend this year: nothing moved
    [InlineData("2027-06-09", false)] // 端午
    [InlineData("2027-09-15", false)] // 中秋
    [InlineData("2027-10-01", false)] // 国庆
    [InlineData("2027-10-04", true)] // the Monday after 国庆: no bridge
    [InlineData("2027-10-09", false)] // a Saturday: no adjusted working day without a notice
    public void IsWorkingDay_InAProvisionalYear_FollowsTheStatutoryDaysAlone(string date, bool working) =>
        Assert.Equal(working, Provisional.IsWorkingDay(Date(date)));

    [Fact]
    public void GetHolidayYearStatus_SaysWhatEachYearRestsOn()
    {
        Assert.Equal(HolidayYearStatus.Known, Provisional.GetHolidayYearStatus(2026));
        Assert.Equal(HolidayYearStatus.Provisional, Provisional.GetHolidayYearStatus(2027));
        Assert.Equal(HolidayYearStatus.Provisional, Provisional.GetHolidayYearStatus(2003));
        Assert.Equal(HolidayYearStatus.Provisional, Provisional.GetHolidayYearStatus(1901));
        Assert.Equal(HolidayYearStatus.Unavailable, Provisional.GetHolidayYearStatus(1900));
        Assert.Equal(HolidayYearStatus.Unavailable, Provisional.GetHolidayYearStatus(2101));
        Assert.Equal(HolidayYearStatus.Unavailable, Provisional.GetHolidayYearStatus(0));
        Assert.Equal(HolidayYearStatus.Unavailable, CalendarTestSupport.Office.GetHolidayYearStatus(2027));
        Assert.Equal(HolidayYearStatus.Ordinary, Office(HolidaySets.ChinaMainland, UnknownYears.Ordinary).GetHolidayYearStatus(2027));
        Assert.Equal(UnknownYears.Provisional, Provisional.UnknownYears);
        Assert.False(Provisional.TreatUnknownYearsAsOrdinary);
        Assert.False(Provisional.KnowsYear(2027));
    }

    [Fact]
    public void AYearTheRuleCannotFill_IsRefusedAsUnknown()
    {
        var e = Assert.Throws<HolidayDataUnavailableException>(() => Provisional.IsWorkingDay(Date("2101-01-05")));
        Assert.Equal(2101, e.Year);
        Assert.Equal("cn-mainland", e.HolidaySetId);

        var ruleless = HolidaySet.Create("mine", 2026, 2026, [new HolidaySetEntry(Date("2026-05-01"), HolidayKind.Holiday, "May Day")]);
        Assert.False(ruleless.HasStatutoryRule);
        Assert.True(HolidaySets.ChinaMainland.HasStatutoryRule);
        var calendar = Office(ruleless, UnknownYears.Provisional);
        Assert.Equal(HolidayYearStatus.Unavailable, calendar.GetHolidayYearStatus(2027));
        Assert.Throws<HolidayDataUnavailableException>(() => calendar.AddWorkingDays(Sh("2026-12-30 10:00"), 5));
    }

    [Fact]
    public void AddWorkingDays_CrossingIntoAProvisionalYear_CountsItsStatutoryHolidays()
    {
        // Thursday 31 December 2026; Friday 1 January 2027 is New Year's Day; the weekend; then 4 and 5 January.
        Assert.Equal(Sh("2027-01-05 18:00"), Provisional.AddWorkingDays(Sh("2026-12-31 10:00"), 2));
        Assert.Throws<HolidayDataUnavailableException>(() => CalendarTestSupport.Office.AddWorkingDays(Sh("2026-12-31 10:00"), 2));
        Assert.Equal(Sh("2027-01-04 18:00"), Office(HolidaySets.ChinaMainland, UnknownYears.Ordinary).AddWorkingDays(Sh("2026-12-31 10:00"), 2));
    }

    [Fact]
    public void Explain_ADeadlineInAProvisionalYear_MarksItsSpansAndSaysWhy()
    {
        var explanation = ServiceTarget.WorkingDays(2).Explain(Sh("2026-12-31 10:00"), Provisional);

        Assert.Equal(Sh("2027-01-05 18:00"), explanation.Due);
        Assert.True(explanation.IsProvisional);
        var newYear = Sh("2027-01-01 00:00");
        Assert.All(explanation.Spans.Where(s => s.End <= newYear), s => Assert.False(s.Provisional));
        Assert.All(explanation.Spans.Where(s => s.Start >= newYear), s => Assert.True(s.Provisional));
        Assert.Contains(explanation.Spans, s => s.End == newYear);
        var note = Assert.Single(explanation.Notes);
        Assert.Contains("2027 is provisional", note, System.StringComparison.Ordinal);
        Assert.Contains("2024 revision", note, System.StringComparison.Ordinal);
        Assert.Contains(", provisional)", explanation.ToString(), System.StringComparison.Ordinal);
        Assert.Equal(explanation.Due - explanation.Start, explanation.Spans.Aggregate(Duration.Zero, (sum, s) => sum + s.Length));

        var known = ServiceTarget.WorkingDays(2).Explain(Sh("2026-12-01 10:00"), Provisional);
        Assert.False(known.IsProvisional);
        Assert.Empty(known.Notes);
        Assert.DoesNotContain("provisional", known.ToString(), System.StringComparison.Ordinal);

        var elapsed = ServiceTarget.Elapsed(Duration.FromDays(10)).Explain(Sh("2026-12-31 10:00"), Provisional);
        Assert.False(elapsed.IsProvisional); // wall-clock time does not rest on the holidays
    }

    [Fact]
    public void TheNoticeReplacesTheProvisionalYear_AndTheDeadlineMoves()
    {
        // What provisional means: before the 2026 notice, 2026 is filled from the law; the notice adds the bridge days
        // and the adjusted working days, and a deadline across the Spring Festival moves.
        var before = HolidaySet.FromNotices("cn", NoticeTexts.AllYearly().Take(18), NoticeTexts.AllSupplements());
        var provisional = Office(before, UnknownYears.Provisional);
        var announced = Office(before.WithNotice(NoticeTexts.Yearly(2026)), UnknownYears.Provisional);
        var start = Sh("2026-02-12 10:00");

        Assert.Equal(HolidayYearStatus.Provisional, provisional.GetHolidayYearStatus(2026));
        Assert.Equal(HolidayYearStatus.Known, announced.GetHolidayYearStatus(2026));
        // Provisional: 除夕 (16 February) to 初三 (19 February) closed, so Friday 13th, then 20th and 23rd.
        Assert.Equal(Sh("2026-02-23 18:00"), provisional.AddWorkingDays(start, 3));
        // Announced: 15-23 February closed, Saturday 14th worked: 13th, 14th, then 24th.
        Assert.Equal(Sh("2026-02-24 18:00"), announced.AddWorkingDays(start, 3));
        Assert.Equal(announced.AddWorkingDays(start, 3), CalendarTestSupport.Office.AddWorkingDays(start, 3));
    }

    [Fact]
    public void TryGetProvisionalYear_GivesTheStatutoryDaysOfAnUnknownYearOnly()
    {
        var set = HolidaySets.ChinaMainland;
        Assert.True(set.TryGetProvisionalYear(2027, out var entries, out string law));
        Assert.Equal(13, entries.Count);
        Assert.All(entries, e => Assert.Equal(HolidayKind.Holiday, e.Kind));
        Assert.Contains("2024 revision", law, System.StringComparison.Ordinal);
        Assert.Equal(Date("2027-04-05"), entries.Single(e => e.Name == "Tomb-sweeping Day 清明").Date);

        Assert.False(set.TryGetProvisionalYear(2026, out entries, out law)); // known
        Assert.Empty(entries);
        Assert.Equal(string.Empty, law);
        Assert.False(set.TryGetProvisionalYear(2101, out _, out _));
    }

    [Fact]
    public void SetUnknownYears_RefusesAnUndefinedMode_AndToBuilderKeepsTheMode()
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new BusinessCalendarBuilder(Shanghai).SetUnknownYears((UnknownYears)7));
        Assert.Equal(UnknownYears.Provisional, Provisional.ToBuilder().Build().UnknownYears);
        Assert.Equal(UnknownYears.Error, Provisional.ToBuilder().TreatUnknownYearsAsOrdinary(false).Build().UnknownYears);
    }
}
