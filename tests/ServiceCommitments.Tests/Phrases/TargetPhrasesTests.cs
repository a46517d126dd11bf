using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceCommitments.Phrases;
using ServiceCommitments.Targets;
using Xunit;

namespace ServiceCommitments.Tests.Phrases;

/// <summary>Targets written the way commitments are written, in both languages, and back.</summary>
public sealed class TargetPhrasesTests
{
    public static TheoryData<string, ServiceTarget> ChinesePhrases() => new()
    {
        // The phrases of the commitment catalogue (domain D1).
        { "2小时内", ServiceTarget.Elapsed(Duration.FromHours(2)) },
        { "4小时内", ServiceTarget.Elapsed(Duration.FromHours(4)) },
        { "30分钟", ServiceTarget.Elapsed(Duration.FromMinutes(30)) },
        { "2个工作日内", ServiceTarget.WorkingDays(2) },
        { "X个工作日内".Replace("X", "五", StringComparison.Ordinal), ServiceTarget.WorkingDays(5) },
        { "3个日历天", ServiceTarget.CalendarDays(3) },
        { "3个日历天内", ServiceTarget.CalendarDays(3) },
        { "七个自然日", ServiceTarget.CalendarDays(7) },
        { "七个自然日内", ServiceTarget.CalendarDays(7) },
        { "第二个工作日内", ServiceTarget.WorkingDays(2) },
        { "在第二个工作日内", ServiceTarget.WorkingDays(2) },
        { "半个月", ServiceTarget.HalfMonth },
        { "7×24×4", ServiceTarget.Elapsed(Duration.FromHours(4)) },
        { "7x24x4", ServiceTarget.Elapsed(Duration.FromHours(4)) },
        // More written forms.
        { "24小时内", ServiceTarget.Elapsed(Duration.FromHours(24)) },
        { "二十四小时以内", ServiceTarget.Elapsed(Duration.FromHours(24)) },
        { "两小时之内", ServiceTarget.Elapsed(Duration.FromHours(2)) },
        { "1小时30分钟内", ServiceTarget.Elapsed(Duration.FromMinutes(90)) },
        { "半小时", ServiceTarget.Elapsed(Duration.FromMinutes(30)) },
        { "8个工作小时内", ServiceTarget.WorkingTime(Duration.FromHours(8)) },
        { "0个工作小时内", ServiceTarget.WorkingTime(Duration.Zero) },
        { "5天内", ServiceTarget.CalendarDays(5) },
        { "15日内", ServiceTarget.OfPeriod(Period.FromDays(15)) },
        { "12个月", ServiceTarget.Months(12) },
        { "3年", ServiceTarget.OfPeriod(Period.FromYears(3)) },
        { "2周", ServiceTarget.OfPeriod(Period.FromDays(14)) },
        { "１０分钟", ServiceTarget.Elapsed(Duration.FromMinutes(10)) },
        { "立即", ServiceTarget.Elapsed(Duration.Zero) },
    };

    public static TheoryData<string, ServiceTarget> EnglishPhrases() => new()
    {
        { "within 2 working days", ServiceTarget.WorkingDays(2) },
        { "2 business days", ServiceTarget.WorkingDays(2) },
        { "4 business hours", ServiceTarget.WorkingTime(Duration.FromHours(4)) },
        { "within 8 working hours", ServiceTarget.WorkingTime(Duration.FromHours(8)) },
        { "within 0 working hours", ServiceTarget.WorkingTime(Duration.Zero) }, // the renderer's form of zero working time (found by the round-trip property)
        { "3 calendar days", ServiceTarget.CalendarDays(3) },
        { "seven natural days", ServiceTarget.CalendarDays(7) },
        { "Within 30 Minutes", ServiceTarget.Elapsed(Duration.FromMinutes(30)) },
        { "2 hours", ServiceTarget.Elapsed(Duration.FromHours(2)) },
        { "an hour", ServiceTarget.Elapsed(Duration.FromHours(1)) },
        { "2 hours 30 minutes", ServiceTarget.Elapsed(Duration.FromMinutes(150)) },
        { "half an hour", ServiceTarget.Elapsed(Duration.FromMinutes(30)) },
        { "by the end of the 2nd working day", ServiceTarget.WorkingDays(2) },
        { "by the end of the second business day", ServiceTarget.WorkingDays(2) },
        { "half a month", ServiceTarget.HalfMonth },
        { "within 12 months", ServiceTarget.Months(12) },
        { "1 year 6 months", ServiceTarget.OfPeriod(Period.FromYears(1) + Period.FromMonths(6)) },
        { "5 days", ServiceTarget.CalendarDays(5) },
        { "within a period of 15 days", ServiceTarget.HalfMonth },
        { "PT4H", ServiceTarget.Elapsed(Duration.FromHours(4)) },
        { "P15D", ServiceTarget.HalfMonth },
        { "P1M", ServiceTarget.Months(1) },
    };

    [Theory]
    [MemberData(nameof(ChinesePhrases))]
    [MemberData(nameof(EnglishPhrases))]
    public void Parse_ReadsThePhrase(string phrase, ServiceTarget expected) => Assert.Equal(expected, TargetPhrases.Parse(phrase));

    [Theory]
    [InlineData("三小时半")]                    // a half after the unit
    [InlineData("两个工作日半")]
    [InlineData("尽快")]                        // "as soon as possible" is no deadline
    [InlineData("7×24")]                        // service hours, not a deadline
    [InlineData("半天")]                        // half a working day or twelve hours? Ambiguous.
    [InlineData("within two fortnights")]
    [InlineData("2 hours and 3 working days")]  // two clocks
    [InlineData("within -2 hours")]
    [InlineData("ASAP")]
    [InlineData("")]
    [InlineData("24/7")]
    [InlineData("第二小时内")]                  // an ordinal hour
    [InlineData("99999999999999个工作日")]
    [InlineData("2 工作日 hours")]
    public void Parse_RejectsWhatItDoesNotUnderstand_QuotingIt(string phrase)
    {
        var e = Assert.Throws<FormatException>(() => TargetPhrases.Parse(phrase));
        Assert.Contains($"\"{phrase}\"", e.Message, StringComparison.Ordinal);
        Assert.False(TargetPhrases.TryParse(phrase, out _));
    }

    // Found by CommitmentRobustnessProperties: "within": "PT99999999999H" in a document threw OverflowException from
    // NodaTime instead of an error at its path. Numbers too large for any target, and digits that are not ASCII
    // (which \d matches in .NET), are phrases the parser does not understand, never another exception.
    [Theory]
    [InlineData("PT99999999999H")]
    [InlineData("P99999999999D")]
    [InlineData("P9999999999W")]
    [InlineData("PT99999999999999999999H")]
    [InlineData("P1DT99999999999H")]
    [InlineData("7×24×99999999999999999999")]
    [InlineData("7×24×9999999999999999")]
    [InlineData("7×24×٤")]
    [InlineData("within 99999999999999999999 hours")]
    [InlineData("within 9999999999999999 hours")]
    [InlineData("by the end of the 99999999999th working day")]
    [InlineData("within ٣ hours")]
    [InlineData("by the end of the ٢nd working day")]
    [InlineData("99999999999999999999小时内")]
    [InlineData("٣小时内")]
    [InlineData("3个日历天(٢٣:٠٠以后报告的自下一个工作日起算)")]
    [InlineData("within 3 calendar days, counted from the next working day when reported at or after ٢٣:٠٠")]
    [InlineData("within 3 calendar days, counted from the next working day when reported at or after 99:99")]
    public void Parse_RejectsNumbersTooLargeOrNotAscii_QuotingThem(string phrase)
    {
        var e = Assert.Throws<FormatException>(() => TargetPhrases.Parse(phrase));
        Assert.Contains($"\"{phrase[..Math.Min(phrase.Length, 60)]}", e.Message, StringComparison.Ordinal);
        Assert.False(TargetPhrases.TryParse(phrase, out _));
    }

    [Fact]
    public void SevenByTwentyFour_IsExplainedAsServiceHours()
    {
        var e = Assert.Throws<FormatException>(() => TargetPhrases.Parse("7×24"));
        Assert.Contains("service hours", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2个工作日内", "within 2 working days")]
    [InlineData("半个月内", "within half a month")]
    [InlineData("30分钟内", "within 30 minutes")]
    [InlineData("8个工作小时内", "within 8 working hours")]
    [InlineData("3个日历天内", "within 3 calendar days")]
    [InlineData("1年6个月内", "within 1 year 6 months")]
    public void Render_WritesBothLanguages(string chinese, string english)
    {
        var target = TargetPhrases.Parse(chinese);
        Assert.Equal(chinese, TargetPhrases.Render(target, Language.Chinese));
        Assert.Equal(english, TargetPhrases.Render(target, Language.English));
        Assert.Equal(english, target.ToString());
    }

    [Fact]
    public void Render_TheHolidayRuleAndTheCutOff_AndReadsThemBack()
    {
        var target = ServiceTarget.CalendarDays(3).WithHolidayRule(HolidayRule.NextWorkingDay).WithCutOff(new LocalTime(16, 0));
        string chinese = TargetPhrases.Render(target, Language.Chinese);
        string english = TargetPhrases.Render(target, Language.English);

        Assert.Equal("3个日历天内(最后一日为非工作日的顺延至其后第一个工作日下班时)(16:00以后报告的自下一个工作日起算)", chinese);
        Assert.Equal("within 3 calendar days, moved to the close of the next working day when the last day is not a working day, counted from the next working day when reported at or after 16:00", english);
        Assert.Equal(target, TargetPhrases.Parse(chinese));
        Assert.Equal(target, TargetPhrases.Parse(english));
        // Full-width parentheses, as Chinese documents print them; no cut-off this time.
        Assert.Equal(target.WithCutOff(LocalTime.Midnight), TargetPhrases.Parse("3个日历天内（最后一日为非工作日的顺延至其后第一个工作日下班时）"));
    }

    [Theory]
    [InlineData(1500L, "elapsed")]
    [InlineData(90_000L, "working")]
    [InlineData(30_000L, "working")]
    public void Render_ATargetNoPhraseReadsBackTo_IsRefused_NotPrintedAsAnotherTarget(long milliseconds, string kind)
    {
        // 1.5 s printed as "1.5秒内" did not read back; 90 working seconds printed as "1个工作分钟内" lost 30 s; 30 working
        // seconds printed as "within 30 seconds" read back as elapsed time.
        var amount = Duration.FromMilliseconds(milliseconds);
        var target = kind == "elapsed" ? ServiceTarget.Elapsed(amount) : ServiceTarget.WorkingTime(amount);
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var e = Assert.Throws<ArgumentException>(() => TargetPhrases.Render(target, language));
            Assert.Equal("target", e.ParamName);
            Assert.Contains("has no", e.Message, StringComparison.Ordinal);
        }
    }

    private static Arbitrary<ServiceTarget> Targets() =>
        Gen.OneOf(
            Gen.Choose(0, 100_000).Select(m => ServiceTarget.Elapsed(Duration.FromMinutes(m))),
            Gen.Choose(0, 7_200).Select(s => ServiceTarget.Elapsed(Duration.FromSeconds(s))),
            Gen.Choose(0, 10_000).Select(m => ServiceTarget.WorkingTime(Duration.FromMinutes(m))),
            Gen.Choose(0, 400).Select(ServiceTarget.WorkingDays),
            Gen.Choose(0, 400).Select(d => ServiceTarget.CalendarDays(d).WithHolidayRule(d % 2 == 0 ? HolidayRule.NextWorkingDay : HolidayRule.None)),
            Gen.Choose(0, 30).Zip(Gen.Choose(0, 30)).Zip(Gen.Choose(0, 400))
                .Select(p => ServiceTarget.OfPeriod(Period.FromYears(p.Item1.Item1) + Period.FromMonths(p.Item1.Item2) + Period.FromDays(p.Item2))))
        .Zip(Gen.Choose(-1, 23))
        .Select(p => p.Item2 < 0 ? p.Item1 : p.Item1.WithCutOff(new LocalTime(p.Item2, 30)))
        .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Render_ThenParse_GivesTheSameTarget() =>
        Prop.ForAll(Targets(), target =>
            TargetPhrases.Parse(TargetPhrases.Render(target, Language.Chinese)) == target &&
            TargetPhrases.Parse(TargetPhrases.Render(target, Language.English)) == target);
}
