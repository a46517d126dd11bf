using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using Xunit;

namespace ServiceCommitments.Tests.Calendars.Notices;

/// <summary>The notices of 2008-2026, read as published, against the shipped data.</summary>
public sealed class HolidayNoticeDataTests
{
    private const string NewYear = "New Year's Day 元旦";

    [Theory]
    [MemberData(nameof(NoticeTexts.Years), MemberType = typeof(NoticeTexts))]
    public void Parse_EachYearsNotice_GivesTheShippedDataOfThatYear(int year)
    {
        // The notice's own dates: its year, bar the next notice's December days, and the December days before it that
        // its New Year's Day names. Where a supplement changed the year, the notice and the supplement together.
        var set = NoticeTexts.SupplementYears.Contains(year)
            ? HolidaySet.FromNotices("y", [NoticeTexts.Yearly(year)], [NoticeTexts.Supplement(year)])
            : HolidaySet.FromNotices("y", [NoticeTexts.Yearly(year)]);
        var shipped = HolidaySets.ChinaMainland.Entries.Where(e => BelongsToNotice(e, year));

        Assert.Equal(Show(shipped), Show(set.Entries));
    }

    [Fact]
    public void FromNotices_TheNineteenNoticesAndTheirSupplements_GiveTheShippedDataOnEveryDate()
    {
        var set = HolidaySet.FromNotices("cn-notices", NoticeTexts.AllYearly().Reverse(), NoticeTexts.AllSupplements());
        var shipped = HolidaySets.ChinaMainland;
        Assert.Equal(2008, set.FirstYear);
        Assert.Equal(2026, set.LastYear);

        int compared = 0;
        for (var date = new LocalDate(2007, 12, 29); date <= new LocalDate(2026, 12, 31); date = date.PlusDays(1))
        {
            bool inShipped = shipped.TryGetEntry(date, out var expected);
            bool inNotices = set.TryGetEntry(date, out var actual);
            Assert.True(inShipped == inNotices, $"{date:uuuu-MM-dd}: shipped {(inShipped ? expected.ToString() : "nothing")}, notices {(inNotices ? actual.ToString() : "nothing")}");
            if (inShipped)
            {
                Assert.Equal(expected, actual);
                compared++;
            }
        }

        Assert.Equal(shipped.Entries.Count(e => e.Date >= new LocalDate(2007, 12, 29)), compared);
    }

    [Fact]
    public void WithNotice_AddingTheLastNoticeToTheEarlierOnes_GivesTheSameSetAsAllAtOnce()
    {
        var earlier = HolidaySet.FromNotices("cn", NoticeTexts.AllYearly().Take(18), NoticeTexts.AllSupplements());
        var all = HolidaySet.FromNotices("cn", NoticeTexts.AllYearly(), NoticeTexts.AllSupplements());

        var added = earlier.WithNotice(NoticeTexts.Yearly(2026));

        Assert.Equal(2025, earlier.LastYear);
        Assert.Equal(2026, added.LastYear);
        Assert.Equal(all.Entries, added.Entries);
    }

    [Theory]
    [MemberData(nameof(NoticeTexts.Years), MemberType = typeof(NoticeTexts))]
    public void Parse_EachYearsNotice_FindsItsYearAndItsItems(int year)
    {
        var notice = HolidayNotice.Parse(NoticeTexts.Yearly(year));

        Assert.Equal(year, notice.Year);
        Assert.InRange(notice.Items.Count, 6, 7);
        Assert.All(notice.Items, item => Assert.NotEmpty(item.Holidays));
        Assert.Equal(Enumerable.Range(1, notice.Items.Count), notice.Items.Select(i => i.Number));
    }

    [Fact]
    public void Parse_AReprintInTraditionalCharacters_ReadsAsTheSimplifiedNotice()
    {
        // Reprints of the 2009 notice circulate in traditional characters: 週/星期, 調至, 國慶節, 勞動節.
        string simplified = NoticeTexts.Yearly(2009);
        string traditional = string.Concat(simplified.Select(c => "周调补连为国庆劳动节励关于与长农历现将两个号".IndexOf(c) is int i and >= 0 ? "週調補連為國慶勞動節勵關於與長農曆現將兩個號"[i] : c));
        Assert.NotEqual(simplified, traditional);

        Assert.Equal(HolidayNotice.Parse(simplified).Entries, HolidayNotice.Parse(traditional).Entries);
    }

    private static bool BelongsToNotice(HolidaySetEntry entry, int year) =>
        (entry.Date.Year == year && !(entry.Date.Month == 12 && entry.Name == NewYear)) ||
        (entry.Date.Year == year - 1 && entry.Date.Month == 12 && entry.Name == NewYear);

    private static List<string> Show(IEnumerable<HolidaySetEntry> entries) =>
        entries.OrderBy(e => e.Date).Select(e => $"{e.Date:uuuu-MM-dd} {(e.Kind == HolidayKind.Holiday ? "H" : "W")} {e.Name}").ToList();
}
