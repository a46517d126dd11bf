using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Inspections;
using ServiceCommitments.Phrases;
using ServiceCommitments.Targets;
using Xunit;

namespace ServiceCommitments.Tests.Phrases;

/// <summary>Inspection schedules as the sentences a contract prints, in both languages, and back to the same schedule.</summary>
public sealed class SchedulePhrasesTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static readonly BusinessCalendar Office = BusinessCalendar.FiveByEight(Shanghai, HolidaySets.ChinaMainland);

    private static readonly Dictionary<string, BusinessCalendar> OfficeOnly = new() { ["office"] = Office };

    /// <summary>The office calendar under the name <see cref="ScheduleDocument.Write"/> gives a calendar set in code.</summary>
    private static readonly Dictionary<string, BusinessCalendar> BuilderNames = new() { ["calendar1"] = Office };

    private static readonly Language[] Languages = [Language.Chinese, Language.English];

    // ------------------------------------------------------------------ the sentences

    [Fact]
    public void Render_TheRoutineVisitsOfTheTerminalTemplate()
    {
        var schedule = CommitmentTemplates.Load("terminal-after-sales").Schedules["routineVisits"];

        Assert.Equal(
            "自验收之日起12个月内,前3个月每月巡检一次,此后每季度一次;巡检日遇节假日顺延至下一个工作日(按“office”日历);" +
            "应巡检日前后各7日内巡检为按时;每次巡检前3个工作日通知客户;每次巡检后5个工作日内提交客户签字的巡检报告(按“office”日历)",
            SchedulePhrases.Render(schedule, Language.Chinese));
        Assert.Equal(
            "From acceptance, for 12 months: monthly for the first 3 months, then quarterly; " +
            "a visit date that is not a working day moves to the next working day, on the \"office\" calendar; " +
            "a visit up to 7 days either side of the due date is on time; the customer is notified 3 working days before each visit; " +
            "after each visit, file the report signed by the customer within 5 working days, on the \"office\" calendar",
            SchedulePhrases.Render(schedule, Language.English));
    }

    [Fact]
    public void Render_TheOtherD4Schedules()
    {
        var schedules = CommitmentTemplates.Load("d4-inspections").Schedules;

        Assert.Equal(
            "自验收之日起3年内,每年巡检一次;巡检日遇节假日调整至最近的工作日,距离相同的提前(按“office”日历);" +
            "按时标准采用SMRP宽限期:应巡检日后间隔的20%且不超过28日内巡检为按时",
            SchedulePhrases.Render(schedules["annualInspection"], Language.Chinese));
        Assert.Equal(
            "From acceptance, for 3 years: yearly; a visit date that is not a working day moves to the nearest working day, the earlier one on a tie, on the \"office\" calendar; " +
            "on time by the SMRP grace period: a visit up to 20 % of the interval (at most 28 days) after the due date",
            SchedulePhrases.Render(schedules["annualInspection"], Language.English));
        Assert.Equal("自验收之日起3年内,每自然年至少巡检4次", SchedulePhrases.Render(schedules["fourAYear"], Language.Chinese));
        Assert.Equal("From acceptance, for 3 years: at least 4 visits per calendar year", SchedulePhrases.Render(schedules["fourAYear"], Language.English));
        Assert.Equal("自验收之日起3年内,每自然季度巡检一次;巡检日遇节假日提前至上一个工作日(按“office”日历)", SchedulePhrases.Render(schedules["phoneCheckIn"], Language.Chinese));
        Assert.Equal(
            "From acceptance, for 3 years: every calendar quarter; a visit date that is not a working day moves to the previous working day, on the \"office\" calendar",
            SchedulePhrases.Render(schedules["phoneCheckIn"], Language.English));
        Assert.Equal("自调试完成之日起,仅在3日后巡检一次;巡检日遇节假日顺延至下一个工作日(按“office”日历)", SchedulePhrases.Render(schedules["training"], Language.Chinese));
        Assert.Equal(
            "From commissioning: a single visit 3 days after; a visit date that is not a working day moves to the next working day, on the \"office\" calendar",
            SchedulePhrases.Render(schedules["training"], Language.English));
    }

    [Fact]
    public void Render_EveryOption()
    {
        var schedule = EveryOption();

        Assert.Equal(
            "自验收之日起至2026年6月30日止,当日首次巡检,前3个月每月巡检一次,其后6个月每2周一次,此后每自然季度一次," +
            "前3个月每月至少巡检1次,3个月后的6个月内每2个月至少巡检2次,9个月后每自然半年至少巡检1次;至第20次巡检止;" +
            "按月计算的巡检日在当月不存在的,改在下月1日巡检;" +
            "巡检日遇节假日调整至同一自然季度内最近的工作日,距离相同的提前,期内无工作日的不巡检(按“calendar1”日历);" +
            "自本周期开始至应巡检日后2个工作日巡检为按时(规则名称“周期内”);" +
            "提前巡检的,其后巡检日顺移偏差的0%,逾期巡检的顺移偏差的50%;每次巡检前2日通知客户;" +
            "每次巡检后5个工作日内提交客户签字的巡检报告;每次巡检后7个日历天内(最后一日为非工作日的顺延至其后第一个工作日下班时)完成“copy for the bank”(按“calendar2”日历)",
            SchedulePhrases.Render(schedule, Language.Chinese));
        Assert.Equal(
            "From acceptance, until 2026-06-30: a first visit on the day itself, monthly for the first 3 months, then every 2 weeks for 6 months, then every calendar quarter, " +
            "at least 1 visit per month in the first 3 months, at least 2 visits per period of 2 months in the 6 months after the first 3 months, " +
            "at least 1 visit per calendar half-year after the first 9 months; ending with visit 20; " +
            "a visit date counted in months that does not exist in its month moves to the 1st of the next month; " +
            "a visit date that is not a working day moves to the nearest working day in the same calendar quarter, the earlier one on a tie, and is skipped when there is none, on the \"calendar1\" calendar; " +
            "a visit from the start of its cycle to 2 working days after the due date is on time (rule \"周期内\"); " +
            "an early visit moves later visits by 0 % of its deviation, a late visit by 50 %; the customer is notified 2 days before each visit; " +
            "after each visit, file the report signed by the customer within 5 working days; " +
            "after each visit, complete \"copy for the bank\" within 7 calendar days, moved to the close of the next working day when the last day is not a working day, on the \"calendar2\" calendar",
            SchedulePhrases.Render(schedule, Language.English));
    }

    // ------------------------------------------------------------------ round trips

    public static TheoryData<string, string> TemplateSchedules()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in CommitmentTemplates.Names)
        {
            foreach (string schedule in CommitmentTemplates.Load(name).Schedules.Keys)
            {
                data.Add(name, schedule);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TemplateSchedules))]
    public void RoundTrip_EveryTemplateSchedule(string template, string name)
    {
        var commitment = CommitmentTemplates.Load(template);
        AssertRoundTrip(commitment.Schedules[name], commitment.Calendars);
    }

    public static TheoryData<string> ConformanceSchedules() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "conformance"), "schedule-*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ConformanceSchedules))]
    public void RoundTrip_EveryConformanceSchedule(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "conformance", file)))!.AsObject();
        var document = new JsonObject { ["schedule"] = root["schedule"]!.DeepClone() };
        var calendars = new Dictionary<string, BusinessCalendar>();
        if (root["calendars"] is JsonObject named)
        {
            document["calendars"] = named.DeepClone();
            foreach (var (key, value) in named)
            {
                calendars.Add(key, CalendarDocument.Parse(value!.ToJsonString()));
            }
        }

        AssertRoundTrip(ScheduleDocument.Parse(document.ToJsonString()), calendars);
    }

    [Fact]
    public void RoundTrip_ABuilderScheduleWithEveryOption()
    {
        var schedule = EveryOption();
        var calendars = new Dictionary<string, BusinessCalendar> { ["calendar1"] = Office, ["calendar2"] = Always() };

        AssertRoundTrip(schedule, calendars);
        foreach (var language in Languages)
        {
            var back = SchedulePhrases.Parse(SchedulePhrases.Render(schedule, language), calendars);
            var anchor = new LocalDate(2024, 1, 31);
            Assert.Equal(schedule.Anchor(anchor).Occurrences().ToList(), back.Anchor(anchor).Occurrences().ToList());
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(12)]
    [InlineData(24)]
    [InlineData(5)]
    public void RoundTrip_StepsAndQuotaPeriodsOfEveryKind(int months)
    {
        var schedule = new InspectionScheduleBuilder("warrantyStart") { MonthEnd = MonthEndRule.Skip, OnTimeRule = OnTimeRule.TenPercentOfInterval, ShiftFactors = ShiftFactors.Floating }
            .AddPhase(ScheduleStep.Days(months), Period.FromDays(40))
            .AddPhase(ScheduleStep.Weeks(months), Period.FromWeeks(10))
            .AddPhase(ScheduleStep.Months(months), Period.FromYears(2))
            .AddPhase(months switch { 1 => ScheduleStep.CalendarMonth, 2 => ScheduleStep.CalendarQuarter, 6 => ScheduleStep.CalendarHalfYear, _ => ScheduleStep.CalendarYear })
            .AddQuota(months, PeriodGrid.Contract(Period.FromMonths(months)), Period.FromDays(3))
            .AddQuota(1, PeriodGrid.Contract(Period.FromDays(months)))
            .AddQuota(1, PeriodGrid.CalendarMonths)
            .AddQuota(1, PeriodGrid.CalendarQuarters)
            .Until(Period.FromYears(5))
            .Build();

        AssertRoundTrip(schedule, new Dictionary<string, BusinessCalendar>());
    }

    [Fact]
    public void RoundTrip_OneOffDutiesAndNamesInQuotes()
    {
        var phone = new InspectionScheduleBuilder("phone change") { Notice = NoticeLeadTime.CalendarDays(3), IncludeAnchor = true, OnTimeRule = new OnTimeRule(Allowance.None, Allowance.None, "当日") }
            .Once(Period.Zero)
            .LimitCount(1)
            .Build();
        var training = new InspectionScheduleBuilder("验收") { OnTimeRule = new OnTimeRule(Allowance.ShareOfInterval(0.125m), Allowance.CalendarDays(1)) }
            .Once(Period.FromMonths(1) + Period.FromDays(2))
            .AlignTo(Office, AlignMove.None)
            .AddFollowUp("report", ServiceTarget.CalendarDays(1))
            .AddFollowUp("按时", ServiceTarget.OfPeriod(Period.FromMonths(1)))
            .Build();

        AssertRoundTrip(phone, new Dictionary<string, BusinessCalendar>());
        AssertRoundTrip(training, new Dictionary<string, BusinessCalendar> { ["calendar1"] = Office });
        Assert.Equal("自“phone change”之日起,当日首次巡检,仅在当日巡检一次;至第1次巡检止;仅在应巡检日当日巡检为按时(规则名称“当日”);每次巡检前3日通知客户", SchedulePhrases.Render(phone, Language.Chinese));
        Assert.Equal(
            "From \"验收\": a single visit 1 month 2 days after; working days, on the \"calendar1\" calendar; " +
            "a visit from 12.5 % of the interval before the due date to 1 day after the due date is on time; " +
            "after each visit, submit the inspection report within 1 calendar day; after each visit, complete \"按时\" within 1 month",
            SchedulePhrases.Render(training, Language.English));
    }

    [Fact]
    public void RoundTrip_RandomSchedules()
    {
        var random = new Random(20240320);
        var always = Always();
        int built = 0;
        for (int i = 0; i < 300; i++)
        {
            if (RandomSchedule(random, always) is { } schedule)
            {
                // The calendars under the names the sentences give them (as ScheduleDocument.Write names them).
                var naming = new CalendarNaming(ScheduleWriter.CalendarsOf(schedule));
                var calendars = new Dictionary<string, BusinessCalendar>();
                foreach (var (_, calendar) in ScheduleWriter.CalendarsOf(schedule))
                {
                    calendars[naming.NameOf(calendar)] = calendar;
                }

                built++;
                AssertRoundTrip(schedule, calendars);
            }
        }

        Assert.True(built > 250, $"only {built} of 300 random schedules were valid");
    }

    // ------------------------------------------------------------------ the phrases of a bid

    [Fact]
    public void Parse_TheD4PhrasesOfABid()
    {
        // D4.1 quarterly on-site inspection with a report; D4.2 one a year.
        AssertSame(
            new InspectionScheduleBuilder("acceptance").AddPhase(ScheduleStep.Quarters(1)).AlignTo(Office, AlignMove.NextWorkingDay).AddFollowUp("report", ServiceTarget.WorkingDays(2)).Build(),
            "自验收之日起，每季度巡检一次；巡检日遇节假日顺延至下一个工作日；每次巡检后2个工作日内提交报告。",
            "From acceptance: quarterly; a visit date that is not a working day moves to the next working day; after each visit, submit the inspection report within 2 working days.");
        AssertSame(
            new InspectionScheduleBuilder("acceptance").AddPhase(ScheduleStep.Years(1)).Build(),
            "自验收之日起,每年巡检一次",
            "验收后,每年一次",
            "From acceptance: once a year",
            "From acceptance: annually");
        AssertSame(
            new InspectionScheduleBuilder("acceptance").AddPhase(ScheduleStep.Months(6)).Build(),
            "自验收之日起,每半年巡检一次",
            "自验收之日起,每6个月一次",
            "From acceptance: every six months",
            "From acceptance: half-yearly");

        // D4.3 four inspections a year.
        AssertSame(
            new InspectionScheduleBuilder("acceptance").AddQuota(4, PeriodGrid.ContractYears).Build(),
            "自验收之日起,每年巡检4次",
            "自验收之日起,每年至少巡检四次",
            "From acceptance: at least four visits a year");

        // D4.4 at least one routine visit a month in the first three months, then one a quarter.
        AssertSame(
            new InspectionScheduleBuilder("acceptance").AddPhase(ScheduleStep.Months(1), Period.FromMonths(3)).AddPhase(ScheduleStep.Quarters(1)).Build(),
            "自验收之日起,前三个月每月巡检一次,此后每季度一次",
            "自验收之日起,前3个月每月一次,之后每个季度巡检一次",
            "From acceptance: monthly in the first three months, then quarterly",
            "From acceptance: once a month for the first 3 months, thereafter once a quarter");
        AssertSame(
            new InspectionScheduleBuilder("acceptance").AddQuota(1, PeriodGrid.ContractMonths, null, Period.FromMonths(3)).AddQuota(1, PeriodGrid.ContractQuarters, Period.FromMonths(3)).Build(),
            "自验收之日起,前三个月每月至少巡检一次,三个月后每季度至少一次",
            "From acceptance: at least one visit a month in the first three months, at least 1 visit per quarter after the first 3 months");

        // D4.7 a satisfaction survey every calendar quarter.
        AssertSame(
            new InspectionScheduleBuilder("acceptance").AddPhase(ScheduleStep.CalendarQuarter).Build(),
            "自验收之日起,每个自然季度回访一次",
            "From acceptance: once per calendar quarter");

        // D4.8 and D4.10: notice before each visit; a change announced in writing at least 3 days before.
        AssertSame(
            new InspectionScheduleBuilder("phoneChange") { Notice = NoticeLeadTime.CalendarDays(3) }.Once(Period.Zero).Build(),
            "自phoneChange之日起,仅在当日巡检一次;至少提前3天书面通知客户",
            "From phoneChange: one visit on the day; notify the customer at least 3 days in writing before");
        AssertSame(
            new InspectionScheduleBuilder("acceptance") { Notice = NoticeLeadTime.WorkingDays(3) }.AddPhase(ScheduleStep.Months(1)).AlignTo(Office, AlignMove.None).Build(),
            "自验收之日起,每月巡检一次;巡检前提前3个工作日通知客户",
            "From acceptance: monthly; the customer is notified three working days before each visit");

        // D4.11 training 3 days after commissioning.
        AssertSame(
            new InspectionScheduleBuilder("commissioning").Once(Period.FromDays(3)).Build(),
            "自调试完成之日起,3天后进行培训",
            "自安装调试完成之日起,仅在3日后培训一次",
            "From commissioning: a single visit three days after");
    }

    // ------------------------------------------------------------------ errors

    [Theory]
    [InlineData("每季度巡检一次", "每季度巡检一次")]
    [InlineData("自验收之日起,每季度巡检一次;巡检日遇节假日看情况处理", "巡检日遇节假日看情况处理")]
    [InlineData("自验收之日起,每季度巡检若干次", "每季度巡检若干次")]
    [InlineData("自验收之日起,不定期巡检", "不定期巡检")]
    [InlineData("自验收之日起,每季度巡检一次;每次巡检前尽快通知客户", "每次巡检前尽快通知客户")]
    [InlineData("自验收之日起,每季度巡检一次;每次巡检后尽快提交报告", "每次巡检后尽快提交报告")]
    [InlineData("自验收之日起,每季度巡检一次;每次巡检后5个工作日内提交报告(按“bank”日历)", "bank")]
    [InlineData("自验收之日起,每季度巡检一次;客户满意为止", "客户满意为止")]
    [InlineData("From acceptance: now and then", "now and then")]
    [InlineData("From acceptance: quarterly; visits are flexible", "visits are flexible")]
    [InlineData("From acceptance: quarterly; a visit up to a while either side of the due date is on time", "a visit up to a while either side")]
    [InlineData("Quarterly inspections", "Quarterly inspections")]
    [InlineData("From acceptance: at least some visits per quarter", "at least some visits per quarter")]
    [InlineData("From acceptance: quarterly; ending with visit many", "ending with visit many")]
    [InlineData("自验收之日起,每季度巡检一次;巡检日遇节假日顺延至下一个工作日;巡检日遇节假日提前至上一个工作日", "巡检日遇节假日提前至上一个工作日")]
    [InlineData("自验收之日起,每季度巡检一次,每月巡检一次", "每月巡检一次")]
    public void Parse_WhatItDoesNotUnderstand_QuotesIt(string text, string quoted)
    {
        var e = Assert.Throws<FormatException>(() => SchedulePhrases.Parse(text, OfficeOnly));
        Assert.Contains(quoted, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WorkingDaysWithoutACalendar_IsAnError()
    {
        var e = Assert.Throws<FormatException>(() => SchedulePhrases.Parse("自验收之日起,每月巡检一次;巡检日遇节假日顺延至下一个工作日"));
        Assert.Contains("巡检日遇节假日顺延至下一个工作日", e.Message, StringComparison.Ordinal);
        var two = new Dictionary<string, BusinessCalendar> { ["office"] = Office, ["always"] = Always() };
        Assert.Throws<FormatException>(() => SchedulePhrases.Parse("From acceptance: monthly; the customer is notified 3 working days before each visit", two));
    }

    [Fact]
    public void Render_WhatASentenceCannotSay_Throws()
    {
        var pointless = new InspectionScheduleBuilder("acceptance").AddPhase(ScheduleStep.Months(1)).AlignTo(Office, AlignMove.NextWorkingDay, PeriodGrid.CalendarQuarters).Build();
        var e = Assert.Throws<ArgumentException>(() => SchedulePhrases.Render(pointless, Language.Chinese));
        Assert.Contains("period", e.Message, StringComparison.Ordinal);

        var lineBreak = new InspectionScheduleBuilder("accept\nance").AddPhase(ScheduleStep.Months(1)).Build();
        e = Assert.Throws<ArgumentException>(() => SchedulePhrases.Render(lineBreak, Language.English));
        Assert.Contains("anchor event", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => SchedulePhrases.Render(null!, Language.English));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchedulePhrases.Render(pointless, (Language)7));
    }

    // ------------------------------------------------------------------ helpers

    private static InspectionSchedule? RandomSchedule(Random r, BusinessCalendar other)
    {
        string[] anchors = ["acceptance", "commissioning", "x-1", "phone change", "验收", "warrantyStart", "delivery", "say \"hi\""];
        bool aligned = r.Next(3) > 0;
        Allowance RandomAllowance(bool early) => r.Next(early ? 6 : 5) switch
        {
            0 => Allowance.None,
            1 => Allowance.CalendarDays(r.Next(0, 30)),
            2 when aligned => Allowance.WorkingDays(r.Next(0, 10)),
            3 => Allowance.ShareOfInterval(r.Next(1, 101) / 100m, r.Next(2) * r.Next(1, 60)),
            5 => Allowance.WholeCycle,
            _ => Allowance.CalendarDays(1),
        };
        Period RandomPeriod(bool zero = false)
        {
            var p = Period.FromYears(r.Next(3) == 0 ? r.Next(1, 4) : 0) + Period.FromMonths(r.Next(2) == 0 ? r.Next(1, 14) : 0) +
                Period.FromWeeks(r.Next(5) == 0 ? r.Next(1, 5) : 0) + Period.FromDays(r.Next(4) == 0 ? r.Next(1, 40) : 0);
            return p.Equals(Period.Zero) && !zero ? Period.FromMonths(1) : p;
        }

        ScheduleStep RandomStep() => r.Next(7) switch
        {
            0 => ScheduleStep.Days(r.Next(1, 60)),
            1 => ScheduleStep.Weeks(r.Next(1, 8)),
            2 => ScheduleStep.Months(r.Next(1, 40)),
            3 => ScheduleStep.Years(r.Next(1, 4)),
            4 => ScheduleStep.CalendarMonth,
            5 => ScheduleStep.CalendarQuarter,
            _ => r.Next(2) == 0 ? ScheduleStep.CalendarHalfYear : ScheduleStep.CalendarYear,
        };
        PeriodGrid RandomGrid() => r.Next(9) switch
        {
            0 => PeriodGrid.CalendarMonths,
            1 => PeriodGrid.CalendarQuarters,
            2 => PeriodGrid.CalendarHalfYears,
            3 => PeriodGrid.CalendarYears,
            4 => PeriodGrid.ContractMonths,
            5 => PeriodGrid.ContractQuarters,
            6 => PeriodGrid.ContractYears,
            7 => PeriodGrid.Contract(Period.FromDays(r.Next(1, 60))),
            _ => PeriodGrid.Contract(Period.FromMonths(r.Next(1, 30))),
        };

        var b = new InspectionScheduleBuilder(anchors[r.Next(anchors.Length)])
        {
            IncludeAnchor = r.Next(4) == 0,
            MonthEnd = (MonthEndRule)r.Next(3),
            ShiftFactors = r.Next(3) switch { 0 => ShiftFactors.Fixed, 1 => ShiftFactors.Floating, _ => new ShiftFactors(r.Next(0, 1001) / 1000m, r.Next(0, 5) / 4m) },
            Notice = r.Next(3) switch { 0 => null, 1 when aligned => NoticeLeadTime.WorkingDays(r.Next(0, 10)), _ => NoticeLeadTime.CalendarDays(r.Next(0, 30)) },
        };
        b.OnTimeRule = r.Next(6) switch
        {
            0 => OnTimeRule.Exact,
            1 => OnTimeRule.TenPercentOfInterval,
            2 => OnTimeRule.SmrpGrace,
            _ => new OnTimeRule(RandomAllowance(true), RandomAllowance(false), r.Next(3) == 0 ? anchors[r.Next(anchors.Length)] : null),
        };
        switch (r.Next(4))
        {
            case 0:
                b.Once(RandomPeriod(zero: true));
                break;
            case 1:
                break;
            default:
                int phases = r.Next(1, 4);
                for (int p = 0; p < phases; p++)
                {
                    b.AddPhase(RandomStep(), p + 1 < phases || r.Next(4) == 0 ? RandomPeriod() : null);
                }

                break;
        }

        for (int q = r.Next(3); q > 0; q--)
        {
            b.AddQuota(r.Next(1, 12), RandomGrid(), r.Next(2) == 0 ? null : RandomPeriod(zero: true), r.Next(2) == 0 ? null : RandomPeriod());
        }

        switch (r.Next(3))
        {
            case 0: b.Until(RandomPeriod()); break;
            case 1: b.UntilDate(new LocalDate(2024, 1, 1).PlusDays(r.Next(0, 3000))); break;
        }

        if (r.Next(4) == 0)
        {
            b.LimitCount(r.Next(1, 50));
        }

        if (aligned)
        {
            var move = (AlignMove)r.Next(6);
            b.AlignTo(Office, move, move == AlignMove.NearestWorkingDayInPeriod ? RandomGrid() : null);
        }

        string[] duties = ["signedReport", "report", "copy", "归档", "complete"];
        foreach (string duty in duties.Where(_ => r.Next(4) == 0))
        {
            var target = r.Next(3) switch
            {
                0 => ServiceTarget.WorkingDays(r.Next(0, 20)),
                1 => ServiceTarget.CalendarDays(r.Next(0, 20)),
                _ => ServiceTarget.OfPeriod(RandomPeriod()),
            };
            if (target.Kind != TargetKind.WorkingDays && r.Next(2) == 0)
            {
                target = target.WithHolidayRule(HolidayRule.NextWorkingDay);
            }

            b.AddFollowUp(duty, target, !aligned || r.Next(3) == 0 ? (r.Next(2) == 0 ? Office : other) : null);
        }

        try
        {
            return b.Build();
        }
        catch (ValidationException)
        {
            return null;
        }
    }

    private static BusinessCalendar Always() => BusinessCalendar.AlwaysOpen(Shanghai);

    /// <summary>A schedule with every option a schedule has, none at its default.</summary>
    private static InspectionSchedule EveryOption() =>
        new InspectionScheduleBuilder("acceptance")
            {
                IncludeAnchor = true,
                MonthEnd = MonthEndRule.Forward,
                OnTimeRule = new OnTimeRule(Allowance.WholeCycle, Allowance.WorkingDays(2), "周期内"),
                ShiftFactors = new ShiftFactors(0, 0.5m),
                Notice = NoticeLeadTime.CalendarDays(2),
            }
            .AddPhase(ScheduleStep.Months(1), Period.FromMonths(3))
            .AddPhase(ScheduleStep.Weeks(2), Period.FromMonths(6))
            .AddPhase(ScheduleStep.CalendarQuarter)
            .UntilDate(new LocalDate(2026, 6, 30))
            .LimitCount(20)
            .AlignTo(Office, AlignMove.NearestWorkingDayInPeriod, PeriodGrid.CalendarQuarters)
            .AddFollowUp("signedReport", ServiceTarget.WorkingDays(5))
            .AddFollowUp("copy for the bank", ServiceTarget.CalendarDays(7).WithHolidayRule(HolidayRule.NextWorkingDay), Always())
            .AddQuota(1, PeriodGrid.ContractMonths, null, Period.FromMonths(3))
            .AddQuota(2, PeriodGrid.Contract(Period.FromMonths(2)), Period.FromMonths(3), Period.FromMonths(6))
            .AddQuota(1, PeriodGrid.CalendarHalfYears, Period.FromMonths(9))
            .Build();

    private static void AssertRoundTrip(InspectionSchedule schedule, IReadOnlyDictionary<string, BusinessCalendar> calendars)
    {
        string expected = ScheduleDocument.Write(schedule);
        foreach (var language in Languages)
        {
            string text = SchedulePhrases.Render(schedule, language);
            InspectionSchedule back;
            try
            {
                back = SchedulePhrases.Parse(text, calendars);
            }
            catch (FormatException e)
            {
                throw new Xunit.Sdk.XunitException($"{language}: {text}\n{e.Message}");
            }

            Assert.True(expected == ScheduleDocument.Write(back), $"{language}: {text}\nexpected {expected}\nactual {ScheduleDocument.Write(back)}");
            Assert.Equal(text, SchedulePhrases.Render(back, language));
        }
    }

    private static void AssertSame(InspectionSchedule expected, params string[] texts)
    {
        foreach (string text in texts)
        {
            InspectionSchedule parsed;
            try
            {
                parsed = SchedulePhrases.Parse(text, BuilderNames);
            }
            catch (FormatException e)
            {
                throw new Xunit.Sdk.XunitException($"{text}\n{e.Message}");
            }

            Assert.True(ScheduleDocument.Write(expected) == ScheduleDocument.Write(parsed), $"{text}\nexpected {ScheduleDocument.Write(expected)}\nactual {ScheduleDocument.Write(parsed)}");
        }
    }
}
