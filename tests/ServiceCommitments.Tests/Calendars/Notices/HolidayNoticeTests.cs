using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NodaTime;
using ServiceCommitments.Calendars;
using Xunit;

namespace ServiceCommitments.Tests.Calendars.Notices;

/// <summary>
/// <see cref="HolidayNotice"/> and the <see cref="HolidaySet"/> operations on notices, as a specification: every style the
/// notices have used reads alike, every disagreement a text has with itself is an error quoting the item, and sets made
/// from notices behave as the shipped set does.
/// </summary>
public sealed class HolidayNoticeTests
{
    private const string NewYear = "New Year's Day 元旦";
    private const string Spring = "Spring Festival 春节";
    private const string Tomb = "Tomb-sweeping Day 清明";
    private const string Labour = "Labour Day 劳动节";
    private const string DragonBoat = "Dragon Boat Festival 端午";
    private const string MidAutumn = "Mid-autumn Festival 中秋";
    private const string National = "National Day 国庆节";

    /// <summary>
    /// The 2026 arrangement as published, written here in another style than ReferenceData/notices/2026.txt: half-width
    /// punctuation, 星期 instead of 周, the heading split over two lines, no preamble and no closing.
    /// </summary>
    private const string Notice2026 =
        "国务院办公厅关于2026年\n部分节假日安排的通知\n\n" +
        "一、元旦:1月1日(星期四)至3日(星期六)放假调休,共3天。1月4日(星期日)上班。\n" +
        "二、春节:2月15日(农历腊月二十八、星期日)至23日(农历正月初七、星期一)放假调休,共9天。2月14日(星期六)、2月28日(星期六)上班。\n" +
        "三、清明节:4月4日(星期六)至6日(星期一)放假,共3天。\n" +
        "四、劳动节:5月1日(星期五)至5日(星期二)放假调休,共5天。5月9日(星期六)上班。\n" +
        "五、端午节:6月19日(星期五)至21日(星期日)放假,共3天。\n" +
        "六、中秋节:9月25日(星期五)至27日(星期日)放假,共3天。\n" +
        "七、国庆节:10月1日(星期四)至7日(星期三)放假调休,共7天。9月20日(星期日)、10月10日(星期六)上班。\n";

    private const string NewYear2026 = "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。";

    private static readonly string[] NewYear2026Entries =
    [
        "2026-01-01 H " + NewYear, "2026-01-02 H " + NewYear, "2026-01-03 H " + NewYear, "2026-01-04 W " + NewYear,
    ];

    // ---------------------------------------------------------------- styles read alike

    public static TheoryData<string> NewYear2026Styles() => new()
    {
        NewYear2026,
        "一、元旦：1月1日（星期四）至3日（星期六）放假调休，共3天。1月4日（星期日）上班。",
        "一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。",
        "一、元旦：１月１日（周四）至３日（周六）放假调休，共３天。１月４日（周日）上班。",
        "一、元旦：1月1日（周四）-3日（周六）放假调休，共3天。1月4日（周日）上班。",
        "一、元旦：1月1日（周四）—3日（周六）放假调休，共3天。1月4日（周日）上班。",
        "一、元旦：1月1日（周四）——3日（周六）放假调休，共3天。1月4日（周日）上班。",
        "一、元旦：1月1日（周四）－3日（周六）放假调休，共3天。1月4日（周日）上班。",
        "一、元旦：1月1日（周四）~3日（周六）放假调休，共3天。1月4日（周日）上班。",
        "一、元旦：1月1日（周四）～3日（周六）放假调休，共3天。1月4日（周日）上班。",
        "一、元旦：1月1日至1月3日放假调休，共3天。1月4日（周日）上班。",
        "一、元旦：2026年1月1日至3日放假调休，共3天。2026年1月4日（周日）上班。",
        "一、元旦：\n1月1日（周四）至3日（周六）放假调休，共3天。\n1月4日（周日）上班。",
        "一、元旦1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。",
        "一、 元旦 ：1月1日（周四）至3日（周六）放假调休， 共3天。 1月4日（周日）上班。",
        "国务院办公厅关于2026年部分节假日安排的通知\n" + NewYear2026,
        "国务院办公厅关于2026年\n部分节假日安排的通知\n\n" + NewYear2026,
        "国务院办公厅关于\n2026年部分节假日安排的通知\n\n" + NewYear2026,
        "国务院办公厅关于2026年部分节假日安排的通知\n\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n" +
            "经国务院同意，现就2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。\n\n" +
            NewYear2026 + "\n\n节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。\n\n国务院办公厅\n2025年11月4日\n",
        NewYear2026 + "\n\n国务院办公厅\n2025年11月4日",
        NewYear2026 + "\n国务院办公厅\n2025年11月4日",
        NewYear2026 + "\n节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。\n国务院办公厅\n2025年11月4日",
        NewYear2026 + "\n\n国务院办公厅\n二〇二五年十一月四日",
        NewYear2026 + "\n鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。",
    };

    [Theory]
    [MemberData(nameof(NewYear2026Styles))]
    public void Parse_GivesTheSameEntries_WhenTheArrangementIsWrittenInAnotherStyle(string text)
    {
        var notice = HolidayNotice.Parse(text, 2026);

        Assert.Equal(2026, notice.Year);
        Assert.Equal(NewYear2026Entries, Show(notice));
        var item = Assert.Single(notice.Items);
        Assert.Equal(1, item.Number);
        Assert.Equal("元旦", item.Festival);
        Assert.Equal(NewYear, item.Name);
        Assert.Equal([new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 2), new LocalDate(2026, 1, 3)], item.Holidays);
        Assert.Equal([new LocalDate(2026, 1, 4)], item.WorkingDays);
        Assert.Null(item.ExtendedTo);
    }

    [Fact]
    public void Parse_FindsTheYear_WhenTheHeadingIsSplitOrAbsentButTheIntroductionNamesIt()
    {
        Assert.Equal(2026, HolidayNotice.Parse(Notice2026).Year);
        Assert.Equal(2026, HolidayNotice.Parse("现就2026年元旦放假调休日期的具体安排通知如下。\n" + NewYear2026).Year);
        Assert.Equal(2026, HolidayNotice.Parse("国务院办公厅关于2026年部分节假日安排的通知\n国办发明电〔2025〕9号\n" + NewYear2026).Year);
    }

    public static TheoryData<string> NewYear2011Verbs() => new()
    {
        "一、元旦：1月1日至3日放假公休，共3天。",
        "一、元旦：1月1日至3日放假调休，共3天。",
        "一、元旦：1月1日至3日调休放假，共3天。",
        "一、元旦：1月1日至3日放假，共3天。",
        "一、元旦：1月1日至3日放假3天。",
        "一、元旦：1月1日（星期六）至3日（星期一）放假公休，共三天。",
        "一、元旦：1月1日至3日放假。",
    };

    [Theory]
    [MemberData(nameof(NewYear2011Verbs))]
    public void Parse_MakesEveryDayOfTheRangeADayOff_WhateverTheVerb(string text)
    {
        var notice = HolidayNotice.Parse(text, 2011);

        Assert.Equal(["2011-01-01 H " + NewYear, "2011-01-02 H " + NewYear, "2011-01-03 H " + NewYear], Show(notice));
    }

    [Fact]
    public void Parse_ReadsARangeAcrossAMonth_WhenTheEndNamesItsMonth()
    {
        // 2023: 四、劳动节
        var notice = HolidayNotice.Parse("四、劳动节：4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。", 2023);

        Assert.Equal(
            [
                "2023-04-23 W " + Labour, "2023-04-29 H " + Labour, "2023-04-30 H " + Labour, "2023-05-01 H " + Labour,
                "2023-05-02 H " + Labour, "2023-05-03 H " + Labour, "2023-05-06 W " + Labour,
            ],
            Show(notice));
    }

    [Theory]
    [InlineData("一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。")]
    [InlineData("一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。")]
    [InlineData("一、元旦：12月30日（星期日）至1月1日（星期二）放假调休，共3天。2018年12月29日（星期六）上班。")]
    [InlineData("国务院办公厅关于2019年部分节假日安排的通知\n一、元旦：2018年12月30日—2019年1月1日放假调休，共3天。12月29日（星期六）上班。")]
    public void Parse_PutsDecemberDatesInTheYearBefore_WhenANewYearItemCrossesTheYear(string text)
    {
        var notice = HolidayNotice.Parse(text, 2019);

        Assert.Equal(2019, notice.Year);
        Assert.Equal(
            ["2018-12-29 W " + NewYear, "2018-12-30 H " + NewYear, "2018-12-31 H " + NewYear, "2019-01-01 H " + NewYear],
            Show(notice));
    }

    [Theory]
    [InlineData("一、元旦：2012年1月1日至3日放假调休，共3天。2011年12月31日（星期六）上班。")]
    [InlineData("一、元旦：1月1日至3日放假调休，共3天。12月31日（星期六）上班。")]
    [InlineData("一、元旦：\n2012年1月1日至3日放假调休，共3天。\n2011年12月31日（星期六）上班。")]
    public void Parse_PutsADecemberWorkingDayInTheYearBefore_WithOrWithoutItsYearWritten(string text)
    {
        var notice = HolidayNotice.Parse(text, 2012);

        Assert.Equal(
            ["2011-12-31 W " + NewYear, "2012-01-01 H " + NewYear, "2012-01-02 H " + NewYear, "2012-01-03 H " + NewYear],
            Show(notice));
    }

    [Theory]
    [InlineData("五、中秋节：9月22日至24日放假调休，共3天。9月19日（星期日）、25日（星期六）上班。")]
    [InlineData("五、中秋节：9月22日至24日放假调休，共3天。9月19日（星期日）、9月25日（星期六）上班。")]
    [InlineData("五、中秋节：9月22日至24日放假调休，共3天。9月19日（星期日）上班，9月25日（星期六）上班。")]
    public void Parse_TakesTheMonthFromTheDateBefore_WhenADayIsWrittenWithoutIt(string text)
    {
        // 2010
        var notice = HolidayNotice.Parse(text, 2010);

        Assert.Equal(
            [
                "2010-09-19 W " + MidAutumn, "2010-09-22 H " + MidAutumn, "2010-09-23 H " + MidAutumn,
                "2010-09-24 H " + MidAutumn, "2010-09-25 W " + MidAutumn,
            ],
            Show(notice));
    }

    [Theory]
    [InlineData("三、清明节：4月5日放假，4月7日（星期一）补休。")]
    [InlineData("三、清明节：4月5日（星期六）放假，4月7日（星期一）补休。")]
    [InlineData("三、清明节：4月5日放假。4月7日（星期一）补休。")]
    public void Parse_MakesTheWeekendBetweenADayOffAndItsReplacementOff_WhenTheItemGivesABuXiuDay(string text)
    {
        // 2014: 4-05 is a Saturday, 4-07 the Monday after.
        var notice = HolidayNotice.Parse(text, 2014);

        Assert.Equal(["2014-04-05 H " + Tomb, "2014-04-06 H " + Tomb, "2014-04-07 H " + Tomb], Show(notice));
    }

    [Theory]
    [InlineData("五、端午节：6月2日放假，与周末连休。", 2014, "2014-06-02 H " + DragonBoat)]
    [InlineData("一、元旦：1月1日放假，与周末连休。", 2024, "2024-01-01 H " + NewYear)]
    [InlineData("一、元旦：1月1日（周三）放假1天，不调休。", 2025, "2025-01-01 H " + NewYear)]
    [InlineData("一、元旦：1月1日放假1天。", 2014, "2014-01-01 H " + NewYear)]
    [InlineData("三、清明节：4月5日放假，共1天。", 2023, "2023-04-05 H " + Tomb)]
    [InlineData("一、元旦：2020年1月1日放假，共1天。", 2020, "2020-01-01 H " + NewYear)]
    public void Parse_NamesOnlyTheDayOff_WhenASingleDayJoinsTheWeekendOrIsNotMadeUp(string text, int year, string entry)
    {
        var notice = HolidayNotice.Parse(text, year);

        Assert.Equal([entry], Show(notice));
        Assert.Empty(notice.Items[0].WorkingDays);
    }

    [Fact]
    public void Parse_MakesTheMovedRestDayAWorkingDay_WhenAnItemOnlyUsesDiaoZhi()
    {
        // The 2008-2009 style, without its 上班 sentence: 1-04 (Sunday) is moved to 1-02 (Friday).
        var notice = HolidayNotice.Parse("一、元旦：1月4日（星期日）公休日调至1月2日（星期五）。", 2009);

        var item = Assert.Single(notice.Items);
        Assert.Equal([new LocalDate(2009, 1, 2)], item.Holidays);
        Assert.Equal([new LocalDate(2009, 1, 4)], item.WorkingDays);
        Assert.Equal(["2009-01-02 H " + NewYear, "2009-01-04 W " + NewYear], Show(notice));
    }

    [Theory]
    [InlineData("一、元旦：1月1日至3日放假，共3天。其中，1月1日（星期四、新年）为法定节假日，1月3日（星期六）为公休日。1月4日（星期日）公休日调至1月2日（星期五）。1月4日（星期日）上班。")]
    [InlineData("一、元旦：1月1日至3日放假，共3天。其中，1月1日（星期四、新年）为法定节假日，1月3日（星期六）为公休日。1月4日（星期日）公休日调至1月2日（星期五）。")]
    [InlineData("一、元旦：1月1日至3日放假，共3天。1月4日（星期日）上班。")]
    public void Parse_GivesTheSameEntries_WhenThe2009StyleMovesARestDayWithOrWithoutShangBan(string text)
    {
        var notice = HolidayNotice.Parse(text, 2009);

        Assert.Equal(
            ["2009-01-01 H " + NewYear, "2009-01-02 H " + NewYear, "2009-01-03 H " + NewYear, "2009-01-04 W " + NewYear],
            Show(notice));
    }

    [Fact]
    public void Parse_KeepsAMovedRestDayOff_WhenItLiesInsideTheRange()
    {
        // 2009 清明: 4-04 (Saturday) is moved to 4-06 (Monday), but 4-04 is itself a day off of the range.
        var notice = HolidayNotice.Parse(
            "三、清明节4月4日至6日放假，共3天。其中，4月4日（星期六、农历清明当日）为法定节假日，4月5日（星期日）照常公休。4月4日（星期六）公休日调至4月6日（星期一）。",
            2009);

        Assert.Equal(["2009-04-04 H " + Tomb, "2009-04-05 H " + Tomb, "2009-04-06 H " + Tomb], Show(notice));
        Assert.Equal("清明节", notice.Items[0].Festival);
    }

    [Theory]
    [InlineData("六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。", 2023, "2023-09-29")]
    [InlineData("六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。", 2025, "2025-10-06")]
    [InlineData("六、中秋节、国庆节：9月30日至10月7日放假调休，共8天。9月29日（星期六）上班。", 2012, "2012-09-30")]
    public void Parse_NamesTheMidAutumnDayForMidAutumn_WhenACombinedItemHasItOutsideFirstToThirdOctober(string text, int year, string midAutumn)
    {
        var notice = HolidayNotice.Parse(text, year);

        var item = Assert.Single(notice.Items);
        Assert.Equal(National, item.Name);
        Assert.Equal(8, item.Holidays.Count);
        var named = notice.Entries.Where(e => e.Name == MidAutumn).Select(e => e.Date.ToString("uuuu-MM-dd", null)).ToList();
        Assert.Equal([midAutumn], named);
        Assert.All(notice.Entries.Where(e => e.Kind == HolidayKind.AdjustedWorkingDay), e => Assert.Equal(National, e.Name));
        Assert.Equal(7, notice.Entries.Count(e => e.Kind == HolidayKind.Holiday && e.Name == National));
    }

    [Fact]
    public void Parse_NamesTheWholeBlockForNationalDay_WhenTheMidAutumnDayIsTheFirstOfOctober()
    {
        // 2020: 中秋 is 10-01.
        var notice = HolidayNotice.Parse("六、国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。", 2020);

        Assert.Equal(10, notice.Entries.Count);
        Assert.All(notice.Entries, e => Assert.Equal(National, e.Name));
        Assert.Equal("国庆节、中秋节", notice.Items[0].Festival);
    }

    [Theory]
    [InlineData("二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。")]
    [InlineData("二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。")]
    [InlineData("二、春节：2月10日至17日放假调休，共8天。其中，2月10日（星期六）为法定节假日，2月11日（星期日）照常公休。2月4日（星期日）、2月18日（星期日）上班。")]
    public void Parse_AddsNothing_ForSentencesThatOnlyEncourageOrDescribe(string text)
    {
        // 2024: 2-09 (除夕) is an ordinary working day.
        var notice = HolidayNotice.Parse(text, 2024);

        Assert.Equal(10, notice.Entries.Count);
        Assert.Equal(new LocalDate(2024, 2, 4), notice.Entries[0].Date);
        Assert.Equal(new LocalDate(2024, 2, 10), notice.Entries[1].Date);
        Assert.DoesNotContain(notice.Entries, e => e.Date == new LocalDate(2024, 2, 9));
        Assert.All(notice.Entries, e => Assert.Equal(Spring, e.Name));
    }

    [Fact]
    public void Parse_IgnoresThePreambleDates_WhenThe2025PreambleNamesTheFirstOfOctober()
    {
        const string Items = "一、元旦：1月1日（周三）放假1天，不调休。\n五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。";
        const string Whole =
            "国务院办公厅关于2025年部分节假日安排的通知\n国办发明电〔2024〕12号\n\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n" +
            "经党中央、国务院批准，按照2024年11月修订后的《全国年节及纪念日放假办法》，自2025年1月1日起全体公民放假的假日增加2天。" +
            "放假调休原则随之完善：除特殊情形外，春节从农历除夕开始放假调休8天，国庆节从10月1日起放假调休7天，劳动节放假调休5天；" +
            "元旦、清明节、端午节、中秋节放假调休或连休3天，逢周三的只在当天放假；国庆节遇中秋节的，合并放假8天。\n\n" +
            "依照上述原则，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节的放假调休日期通知如下。\n\n" +
            Items + "\n\n节假日期间，各地区、各部门要安排好值班和安全、保卫等工作。\n\n国务院办公厅\n2024年11月12日\n";

        var whole = HolidayNotice.Parse(Whole);

        Assert.Equal(2025, whole.Year);
        Assert.Equal(Show(HolidayNotice.Parse(Items, 2025)), Show(whole));
        Assert.Equal(
            ["2025-01-01 H " + NewYear, "2025-05-31 H " + DragonBoat, "2025-06-01 H " + DragonBoat, "2025-06-02 H " + DragonBoat],
            Show(whole));
        Assert.Equal([1, 5], whole.Items.Select(i => i.Number));
    }

    [Fact]
    public void Parse_ReadsEveryItemOfAWholeNotice_InTheOrderWritten()
    {
        var notice = HolidayNotice.Parse(Notice2026);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], notice.Items.Select(i => i.Number));
        Assert.Equal(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"], notice.Items.Select(i => i.Festival));
        Assert.Equal([NewYear, Spring, Tomb, Labour, DragonBoat, MidAutumn, National], notice.Items.Select(i => i.Name));
        Assert.Equal([3, 9, 3, 5, 3, 3, 7], notice.Items.Select(i => i.Holidays.Count));
        Assert.Equal([1, 2, 0, 1, 0, 0, 2], notice.Items.Select(i => i.WorkingDays.Count));
        Assert.Equal("holiday notice 2026 (7 items, 33 days off, 6 working)", notice.ToString());
        Assert.Equal(Notice2026, notice.Text);
        Assert.StartsWith("二、春节:2月15日", notice.Items[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GivesTheShippedEntriesOf2026_WhenThe2026ArrangementIsWrittenInTheOlderStyle()
    {
        var notice = HolidayNotice.Parse(Notice2026);
        var shipped = HolidaySets.ChinaMainland.Entries.Where(e => e.Date.Year == 2026).ToList();

        Assert.Equal(shipped, notice.Entries);
    }

    // ---------------------------------------------------------------- errors

    [Theory]
    [InlineData("一、元旦：1月1日（周四）放假，共1天。", "周四", "2027-01-01 is a Friday", "周五")]
    [InlineData("一、元旦：1月1日（星期四）放假，共1天。", "星期四", "2027-01-01 is a Friday", "星期五")]
    [InlineData("二、春节：2月5日（农历除夕、周五）至11日（农历正月初六、周三）放假调休，共7天。", "周三", "2027-02-11 is a Thursday", "周四")]
    [InlineData("一、元旦：1月1日（周五）至3日（周日）放假，共3天。1月9日（周日）上班。", "周日", "2027-01-09 is a Saturday", "周六")]
    public void Parse_Throws_WhenABracketedWeekdayIsNotTheDatesWeekday(string item, string stated, string actual, string expected)
    {
        var e = Throws(item, 2027);

        Assert.Contains($"says {stated}, but {actual}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"expected the date's own weekday ({expected})", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("一、元旦：1月1日（周四）至3日（周六）放假调休，共4天。", "\"共4天\" does not match the days off named before it (3)")]
    [InlineData("一、元旦：1月1日（周四）至3日（周六）放假调休，共两天。", "does not match the days off named before it (3)")]
    [InlineData("一、元旦：1月1日至3日放假2天。", "\"放假2天\" does not match the days off named before it (3)")]
    [InlineData("一、元旦：1月1日放假2天，不调休。", "\"放假2天\" does not match the days off named before it (1)")]
    [InlineData("四、劳动节：4月29日至5月3日放假调休，共4天。", "\"共4天\" does not match the days off named before it (5)")]
    public void Parse_Throws_WhenTheDayCountDoesNotMatchTheRange(string item, string problem)
    {
        var e = Throws(item, 2026);

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("二、春节：2月30日放假，共1天。", "\"2月30日\" is not a date", "a month 1-12 and a day of that month")]
    [InlineData("二、春节：2月29日放假，共1天。", "\"2月29日\" is not a date", "a month 1-12 and a day of that month")]
    [InlineData("七、国庆节：13月1日放假，共1天。", "\"13月1日\" is not a date", "a month 1-12 and a day of that month")]
    [InlineData("七、国庆节：10月0日放假，共1天。", "\"10月0日\" is not a date", "a month 1-12 and a day of that month")]
    [InlineData("七、国庆节：10月1日至111月3日放假。", "\"111月\" is not a month or a day", "a month 1-12 and a day 1-31")]
    [InlineData("七、国庆节：10月1日至101日放假。", "\"101日\" is not a month or a day", "a month 1-12 and a day 1-31")]
    [InlineData("一、元旦：2028年1月1日放假，共1天。", "\"2028年1月1日\" is 2028-01-01, outside 2027", "a date in 2027, or in the last days of December 2026")]
    [InlineData("七、国庆节：2026年10月1日放假，共1天。", "\"2026年10月1日\" is 2026-10-01, outside 2027", "a date in 2027")]
    [InlineData("一、元旦：2025年12月31日至2027年1月1日放假。", "\"2025年12月31日\" is 2025-12-31, outside 2027", "a date in 2027")]
    [InlineData("一、元旦：2026年12月1日放假。", "\"2026年12月1日\" is 2026-12-01, outside 2027", "a date in 2027, or in the last days of December 2026")]
    public void Parse_Throws_WhenADateIsNotADateOfTheNoticesYear(string item, string problem, string expected)
    {
        var e = Throws(item, 2027);

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Contains("expected " + expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("一、元旦：1月3日至1日放假。")]
    [InlineData("四、劳动节：5月5日至4月29日放假调休，共5天。")]
    [InlineData("一、元旦：1月3日（周日）—1月1日（周五）放假。")]
    public void Parse_Throws_WhenARangeEndsBeforeItBegins(string item)
    {
        var e = Throws(item, 2027);

        Assert.Contains("ends before it begins", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected a range whose last day is not before its first", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Throws_WhenTheNoticeIsCutInTheMiddleOfAnItem()
    {
        const string Text = "国务院办公厅关于2026年部分节假日安排的通知\n\n" + NewYear2026 + "\n二、春节：2月15日（周日）至23日";

        var e = Assert.Throws<HolidayNoticeException>(() => HolidayNotice.Parse(Text));

        Assert.Equal("二、春节：2月15日（周日）至23日", e.Item);
        Assert.Equal(2026, e.Year);
        Assert.Contains("item \"二、春节：2月15日（周日）至23日\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("names dates but not what happens on them", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected 放假, 补休, 上班 or 调至 after the dates", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）照常。")]
    [InlineData("一、元旦：1月1日（周四）至3日（周六）。")]
    [InlineData("一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。另，1月4日（周日）。")]
    public void Parse_Throws_WhenASentenceNamesDatesWithoutAVerb(string item)
    {
        var e = Throws(item, 2026);

        Assert.Contains("names dates but not what happens on them", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Throws_WhenTheTextDoesNotSayItsYear_AndReadsItWhenTheYearIsGiven()
    {
        var e = Assert.Throws<HolidayNoticeException>(() => HolidayNotice.Parse(NewYear2026));

        Assert.Null(e.Year);
        Assert.Equal(string.Empty, e.Item);
        Assert.Contains("does not say its year", e.Message, StringComparison.Ordinal);
        Assert.Contains("HolidayNotice.Parse(text, year)", e.Message, StringComparison.Ordinal);
        Assert.Equal(NewYear2026Entries, Show(HolidayNotice.Parse(NewYear2026, 2026)));
    }

    [Fact]
    public void Parse_Throws_WhenTheTextsYearIsNotTheGivenYear()
    {
        var e = Assert.Throws<HolidayNoticeException>(() => HolidayNotice.Parse(Notice2026, 2027));

        Assert.Equal(2026, e.Year);
        Assert.Contains("the text is for 2026", e.Message, StringComparison.Ordinal);
        Assert.Contains("but the year 2027 was given", e.Message, StringComparison.Ordinal);
        Assert.Contains("2026年", e.Item, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("国务院办公厅关于2026年部分节假日安排的通知\n\n一、各地区、各部门要妥善安排好值班工作。\n二、遇有重大突发事件，要及时报告。")]
    [InlineData("国务院办公厅关于2026年部分节假日安排的通知\n\n节假日期间，各地区、各部门要妥善安排好值班工作。")]
    [InlineData("国务院办公厅关于2026年部分节假日安排的通知")]
    public void Parse_Throws_WhenNoItemNamesADate(string text)
    {
        var e = Assert.Throws<HolidayNoticeException>(() => HolidayNotice.Parse(text));

        Assert.Equal(2026, e.Year);
        Assert.Contains("Holiday notice 2026: no item names a date", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("国务院办公厅关于2026年", e.Item, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Throws_WhenAnItemNamesADateBothAsADayOffAndAsAWorkingDay()
    {
        const string Item = "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月3日（周六）上班。";

        var e = Throws(Item, 2026);

        Assert.Contains("2026-01-03 is named as a day off and as a working day", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected each date once, with one meaning", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Throws_WhenTwoItemsGiveADateDifferentMeanings()
    {
        const string Second = "二、春节：1月3日（周六）上班。";

        var e = Assert.Throws<HolidayNoticeException>(() => HolidayNotice.Parse(NewYear2026 + "\n" + Second, 2026));

        Assert.Equal(Second, e.Item);
        Assert.Equal(2026, e.Year);
        Assert.Contains("2026-01-03 is named as a working day and as a day off", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Throws_WhenAnItemsDateHasNoMonth()
    {
        var e = Throws("一、元旦：3日放假。", 2026);

        Assert.Contains("\"3日\" has no month", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeepsEveryMessageShort_WhenAnItemIsAHundredThousandCharactersLong()
    {
        string filler = new('很', 100_000);
        string[] items =
        [
            "一、元旦：" + filler + "1月1日（周四）放假，共1天。",
            "一、元旦：1月1日（农历" + filler + "、周四）放假，共1天。",
            "一、元旦：1月1日（周五）至3日（周日）放假，共3天。" + filler + "1月9日（周六）",
            "一、元旦：1月1日（周五）至3日（周日）放假，共3天。1月9日（周六）、" + string.Concat(Enumerable.Repeat("1月9日、", 15_000)) + "1月9日",
            "一、元旦：1月1日（周五）至3日（周日）放假，共" + new string('1', 100_000) + "天。",
            "一、元旦：1月1日（周五）至3日（周日）放假，共3天。1月" + new string('1', 100_000) + "日放假。",
        ];

        foreach (string item in items)
        {
            var e = Throws(item, 2027);

            Assert.True(e.Message.Length <= 300, $"{e.Message.Length} characters: {e.Message}");
            Assert.True(e.Item.Length <= 100, $"{e.Item.Length} characters: {e.Item}");
        }

        var none = Assert.Throws<HolidayNoticeException>(() => HolidayNotice.Parse("国务院办公厅关于2027年" + filler));
        Assert.True(none.Message.Length <= 300, none.Message);
    }

    public static TheoryData<string, int> Garbage()
    {
        var random = new Random(20261207);
        const string Alphabet = "0123456789年月日至-、,，。:(（)）一二三四五六七周星期放假上班补休调至共天元旦春节国庆中秋\n ";
        var noise = new StringBuilder(1_000_000);
        while (noise.Length < 1_000_000)
        {
            noise.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        static string Repeat(string s) => string.Concat(Enumerable.Repeat(s, (1_000_000 / s.Length) + 1));
        return new()
        {
            { noise.ToString(), 2027 },
            { "国务院办公厅关于2027年部分节假日安排的通知\n" + noise, 2027 },
            { Repeat("1月1日，"), 2027 },
            { Repeat("1月1日、"), 2027 },
            { Repeat("1月1日（"), 2027 },
            { Repeat("x\n"), 2027 },
            { Repeat("1月1日放假。\n"), 2027 },
            { Repeat("1月1日放假\n"), 2027 },
            { Repeat("一、元旦：1月1日放假。\n"), 2027 },
            { Repeat("一、1月1日放假。\n"), 2027 },
            { Repeat("一、"), 2027 },
            { Repeat("2027年"), 2027 },
            { Repeat("(((("), 2027 },
            { Repeat("9"), 2027 },
        };
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Parse_FinishesQuickly_WhenGivenAMegabyteOfGarbage(string text, int year)
    {
        var parse = Task.Run(() =>
        {
            try
            {
                HolidayNotice.Parse(text, year);
            }
            catch (HolidayNoticeException)
            {
            }
        });

        var finished = await Task.WhenAny(parse, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.True(finished == parse, "parsing a megabyte of garbage took over 60 s: a quadratic path (a linear one takes about a second)");
        await parse;
    }

    [Fact]
    public void Parse_ThrowsArgumentExceptions_ForANullTextOrAYearOutsideTheCalendar()
    {
        Assert.Throws<ArgumentNullException>(() => HolidayNotice.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => HolidayNotice.Parse(null!, 2026));
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidayNotice.Parse(NewYear2026, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidayNotice.Parse(NewYear2026, 9999));
        Assert.IsAssignableFrom<FormatException>(Throws("一、元旦：3日放假。", 2026));
    }

    // ---------------------------------------------------------------- HolidaySet operations

    [Fact]
    public void WithNotice_Throws_WhenTheSetKnowsTheYearAlready()
    {
        var e = Assert.Throws<ValidationException>(() => HolidaySets.ChinaMainland.WithNotice(Notice2026));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("2026", problem.Value);
        Assert.Contains($"holiday set '{HolidaySets.ChinaMainland.Id}' already knows 2026", problem.Rule, StringComparison.Ordinal);
        Assert.Contains("replace: true", problem.Rule, StringComparison.Ordinal);
        Assert.Equal("notice", e.ParamName);
    }

    [Fact]
    public void WithNotice_GivesTheSameEntries_WhenReplacingAYearWithItsOwnArrangement()
    {
        var shipped = HolidaySets.ChinaMainland;

        var replaced = shipped.WithNotice(Notice2026, replace: true);

        Assert.Equal(shipped.Entries, replaced.Entries);
        Assert.Equal(shipped.FirstYear, replaced.FirstYear);
        Assert.Equal(shipped.LastYear, replaced.LastYear);
        Assert.Equal(shipped.Id, replaced.Id);
    }

    [Fact]
    public void WithNotice_ReplacesTheWholeYear_WhenReplaceIsGivenWithAnotherArrangement()
    {
        var replaced = HolidaySets.ChinaMainland.WithNotice("国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日（周四）放假，共1天。", replace: true);

        Assert.True(replaced.TryGetEntry(new LocalDate(2026, 1, 1), out _));
        Assert.False(replaced.TryGetEntry(new LocalDate(2026, 1, 2), out _));
        Assert.False(replaced.TryGetEntry(new LocalDate(2026, 10, 1), out _));
        Assert.True(replaced.TryGetEntry(new LocalDate(2025, 10, 1), out _));
    }

    [Fact]
    public void WithNotice_AddingTheNextYearToEarlierNotices_EqualsAllNoticesAtOnce()
    {
        var earlier = HolidaySet.FromNotices("cn", NoticeTexts.AllYearly().Take(18), NoticeTexts.AllSupplements());

        var added = earlier.WithNotice(Notice2026);
        var all = HolidaySet.FromNotices("cn", [.. NoticeTexts.AllYearly().Take(18), Notice2026], NoticeTexts.AllSupplements());

        Assert.Equal(2025, earlier.LastYear);
        Assert.Equal((2008, 2026), (added.FirstYear, added.LastYear));
        Assert.Equal(all.Entries, added.Entries);
        Assert.Equal(HolidaySet.FromNotices("cn", NoticeTexts.AllYearly(), NoticeTexts.AllSupplements()).Entries, added.Entries);
    }

    [Fact]
    public void WithNotice_AddsTheYearBefore_WhenTheNoticePrecedesTheFirstYear()
    {
        var set = HolidaySet.FromNotices("cn", [NoticeTexts.Yearly(2020)]);

        var extended = set.WithNotice(NoticeTexts.Yearly(2019));

        Assert.Equal((2019, 2020), (extended.FirstYear, extended.LastYear));
        Assert.True(extended.TryGetEntry(new LocalDate(2018, 12, 29), out var w));
        Assert.Equal(HolidayKind.AdjustedWorkingDay, w.Kind);
        Assert.Throws<ValidationException>(() => set.WithNotice(NoticeTexts.Yearly(2018)));
    }

    [Fact]
    public void FromNotices_GivesTheSameSet_WhateverTheOrderOfTheNotices()
    {
        var ordered = HolidaySet.FromNotices("cn", NoticeTexts.AllYearly(), NoticeTexts.AllSupplements());
        var shuffled = NoticeTexts.AllYearly().OrderBy(t => t.GetHashCode(StringComparison.Ordinal)).ThenBy(t => t.Length).ToList();

        var set = HolidaySet.FromNotices("cn", shuffled, NoticeTexts.AllSupplements());

        Assert.Equal(ordered.Entries, set.Entries);
        Assert.Equal((2008, 2026), (set.FirstYear, set.LastYear));
    }

    [Fact]
    public void FromNotices_Throws_WhenTwoNoticesAreForOneYear()
    {
        var e = Assert.Throws<ValidationException>(() => HolidaySet.FromNotices("cn", [NoticeTexts.Yearly(2010), NoticeTexts.Yearly(2011), NoticeTexts.Yearly(2010)]));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("2010", problem.Value);
        Assert.Contains("a notice for 2010 is given already", problem.Rule, StringComparison.Ordinal);
        Assert.Contains("holiday set 'cn'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromNotices_Throws_WhenAYearBetweenTwoNoticesHasNone()
    {
        var e = Assert.Throws<ValidationException>(() => HolidaySet.FromNotices("cn", [NoticeTexts.Yearly(2012), NoticeTexts.Yearly(2010)]));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("2012", problem.Value);
        Assert.Contains("no notice is given for 2011", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void FromNotices_Throws_WhenNoNoticeIsGiven()
    {
        var e = Assert.Throws<ValidationException>(() => HolidaySet.FromNotices("cn", []));

        Assert.Contains("expected at least one notice", Assert.Single(e.Problems).Rule, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => HolidaySet.FromNotices("c n", [Notice2026]));
        Assert.Throws<ArgumentNullException>(() => HolidaySet.FromNotices("cn", [null!]));
    }

    [Fact]
    public void WithSupplement_Throws_WhenTheSetDoesNotKnowTheSupplementsYear()
    {
        var set = HolidaySet.FromNotices("cn", [NoticeTexts.Yearly(2010)]);

        var e = Assert.Throws<ValidationException>(() => set.WithSupplement(NoticeTexts.Supplement(2020)));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("2020", problem.Value);
        Assert.Contains("does not know 2020", problem.Rule, StringComparison.Ordinal);
        Assert.Contains("expected a supplement for 2010", problem.Rule, StringComparison.Ordinal);
        Assert.Equal("supplement", e.ParamName);
    }

    [Fact]
    public void WithSupplement_ExtendsTheSpringFestivalTo2February_WhenGivenThe2020Supplement()
    {
        var set = HolidaySet.FromNotices("y2020", [NoticeTexts.Yearly(2020)]);
        Assert.True(set.TryGetEntry(new LocalDate(2020, 2, 1), out var before));
        Assert.Equal(new HolidaySetEntry(new LocalDate(2020, 2, 1), HolidayKind.AdjustedWorkingDay, Spring), before);
        Assert.False(set.TryGetEntry(new LocalDate(2020, 1, 31), out _));

        var extended = set.WithSupplement(NoticeTexts.Supplement(2020));

        var added = extended.Entries.Except(set.Entries).ToList();
        Assert.Equal(
            [
                new HolidaySetEntry(new LocalDate(2020, 1, 31), HolidayKind.Holiday, Spring),
                new HolidaySetEntry(new LocalDate(2020, 2, 1), HolidayKind.Holiday, Spring),
                new HolidaySetEntry(new LocalDate(2020, 2, 2), HolidayKind.Holiday, Spring),
            ],
            added);
        Assert.Equal([before], set.Entries.Except(extended.Entries));
        Assert.False(extended.TryGetEntry(new LocalDate(2020, 2, 3), out _));
    }

    [Fact]
    public void WithSupplement_Throws_WhenAnExtensionIsAppliedTwice()
    {
        // The second extension finds the block running to 2-02 already: it is refused, not silently repeated.
        var once = HolidaySet.FromNotices("y2020", [NoticeTexts.Yearly(2020)]).WithSupplement(NoticeTexts.Supplement(2020));

        var e = Assert.Throws<ValidationException>(() => once.WithSupplement(NoticeTexts.Supplement(2020)));

        Assert.Contains("already runs to 2020-02-02", Assert.Single(e.Problems).Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2015)]
    [InlineData(2019)]
    public void WithSupplement_ChangesNothing_WhenARearrangementIsAppliedTwice(int year)
    {
        var once = HolidaySet.FromNotices("y", [NoticeTexts.Yearly(year)]).WithSupplement(NoticeTexts.Supplement(year));

        var twice = once.WithSupplement(NoticeTexts.Supplement(year));

        Assert.Equal(once.Entries, twice.Entries);
        Assert.Equal(HolidaySets.ChinaMainland.Entries.Where(e => e.Date.Year == year), once.Entries.Where(e => e.Date.Year == year));
    }

    [Fact]
    public void FromNotices_KnowsTheNoticesYears_AndHasTheDecemberDaysOfTheFirstNoticeBeforeThem()
    {
        var set = HolidaySet.FromNotices("cn-notices", NoticeTexts.AllYearly(), NoticeTexts.AllSupplements());

        Assert.Equal("cn-notices", set.Id);
        Assert.Equal((2008, 2026), (set.FirstYear, set.LastYear));
        Assert.False(set.KnowsYear(2007));
        Assert.True(set.KnowsYear(2008));
        Assert.True(set.KnowsYear(2026));
        Assert.False(set.KnowsYear(2027));
        Assert.True(set.TryGetEntry(new LocalDate(2007, 12, 29), out var w));
        Assert.True(set.TryGetEntry(new LocalDate(2007, 12, 30), out var h30));
        Assert.True(set.TryGetEntry(new LocalDate(2007, 12, 31), out var h31));
        Assert.Equal(new HolidaySetEntry(new LocalDate(2007, 12, 29), HolidayKind.AdjustedWorkingDay, NewYear), w);
        Assert.Equal(HolidayKind.Holiday, h30.Kind);
        Assert.Equal(HolidayKind.Holiday, h31.Kind);
        Assert.False(set.TryGetEntry(new LocalDate(2007, 12, 28), out _));
        Assert.Equal(new LocalDate(2007, 12, 29), set.Entries[0].Date);
    }

    [Fact]
    public void FromNotices_HasTheStatutoryRule_WhileCreateHasNone()
    {
        var fromNotices = HolidaySet.FromNotices("cn", [Notice2026]);
        var created = HolidaySet.Create("cn", 2026, 2026, HolidayNotice.Parse(Notice2026).Entries);

        Assert.True(fromNotices.HasStatutoryRule);
        Assert.False(created.HasStatutoryRule);
        Assert.Equal(created.Entries, fromNotices.Entries);
    }

    [Fact]
    public void FromNotices_FillsAnUnknownYearProvisionally_WhileCreateCannot()
    {
        var fromNotices = HolidaySet.FromNotices("cn", [Notice2026]);
        var created = HolidaySet.Create("cn", 2026, 2026, HolidayNotice.Parse(Notice2026).Entries);

        Assert.True(fromNotices.TryGetProvisionalYear(2027, out var entries, out string law));
        Assert.Contains(entries, e => e.Date == new LocalDate(2027, 1, 1) && e.Kind == HolidayKind.Holiday);
        Assert.NotEmpty(law);
        Assert.False(fromNotices.TryGetProvisionalYear(2026, out _, out _));
        Assert.False(created.TryGetProvisionalYear(2027, out _, out _));
    }

    private static HolidayNoticeException Throws(string item, int year)
    {
        var e = Assert.Throws<HolidayNoticeException>(() => HolidayNotice.Parse(item, year));
        Assert.Equal(year, e.Year);
        Assert.True(e.Item.Length > 0, "the exception names no item");
        string expectedItem = item.Length <= 80 ? item : item[..3];
        Assert.StartsWith(expectedItem, e.Item, StringComparison.Ordinal);
        Assert.Contains($"Holiday notice {year}, item \"{e.Item}\": ", e.Message, StringComparison.Ordinal);
        Assert.Contains("; expected ", e.Message, StringComparison.Ordinal);
        return e;
    }

    private static string[] Show(HolidayNotice notice) =>
        notice.Entries.Select(e => $"{e.Date.ToString("uuuu-MM-dd", null)} {(e.Kind == HolidayKind.Holiday ? "H" : "W")} {e.Name}").ToArray();
}
