using System;
using System.Linq;
using System.Text;
using ServiceCommitments.Calendars;
using Xunit;

namespace ServiceCommitments.Tests.Calendars.Notices;

/// <summary>Mutated notices: reading one gives a notice or a <see cref="HolidayNoticeException"/>, never anything else.</summary>
public sealed class HolidayNoticeRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "0", "1", "2", "9", "12", "31", "99", "2027", "月", "日", "年", "至", "-", "—", "、", ",", "，", "。", ";", ":", "：",
        "(", ")", "（", "）", "周日", "星期六", "放假", "上班", "调至", "补休", "共3天", "延长", "鼓励", "\n", "\n\n",
        "一、", "十、", "元旦", "春节", "中秋节、国庆节", "农历", " ", "\u3000", "",
    ];

    [Fact]
    public void Parse_MutatedNotices_GivesANoticeOrAHolidayNoticeException()
    {
        var random = new Random(20261207);
        var texts = NoticeTexts.AllYearly().Concat(NoticeTexts.AllSupplements()).ToArray();
        int read = 0, refused = 0;
        for (int i = 0; i < 4_000; i++)
        {
            var text = new StringBuilder(texts[random.Next(texts.Length)]);
            for (int edits = random.Next(1, 6); edits > 0; edits--)
            {
                int at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at));
                        break;
                    case 1:
                        text.Insert(at, Pieces[random.Next(Pieces.Length)]);
                        break;
                    default:
                        text.Length = Math.Max(1, at); // truncated
                        break;
                }
            }

            string mutated = text.ToString();
            try
            {
                var notice = HolidayNotice.Parse(mutated);
                Assert.NotEmpty(notice.Items);
                try
                {
                    HolidaySet.FromNotices("fuzz", [mutated]);
                }
                catch (ValidationException)
                {
                }

                read++;
            }
            catch (HolidayNoticeException e)
            {
                Assert.True(e.Message.Length <= 300, $"{e.Message.Length} characters: {e.Message}");
                refused++;
            }
        }

        // Both outcomes occur, so the mutations reach the checks rather than all failing one way.
        Assert.True(read > 200, $"read {read}");
        Assert.True(refused > 200, $"refused {refused}");
    }
}
