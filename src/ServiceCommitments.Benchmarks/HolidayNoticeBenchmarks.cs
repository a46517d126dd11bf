using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using ServiceCommitments.Calendars;

namespace ServiceCommitments.Benchmarks;

/// <summary>
/// Cost of reading the State Council's holiday notices (<see cref="HolidayNotice.Parse(string)"/>), of making a set from
/// the nineteen notices of 2008-2026 and their three supplements, and of a calendar built from that set against one
/// built from the shipped data, answering the same 100,000 AddWorkingDays questions in 2024-2025.
/// </summary>
/// <remarks>
/// The 2026 notice for <see cref="ReadNotice"/> is a constant here. The 22 texts for <see cref="BuildFromNotices"/> are read
/// in <see cref="Setup"/> from tests/ServiceCommitments.Tests/ReferenceData/notices, found by walking up from the
/// benchmark's folder to the one holding ServiceCommitments.sln, so that the benchmark measures the very texts the data
/// tests check instead of a copy that could drift. Years are compiled in <see cref="Setup"/>.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class HolidayNoticeBenchmarks
{
    /// <summary>The number of starts the AddWorkingDays methods run over.</summary>
    public const int StartCount = 100_000;

    private const int Days = 2;

    /// <summary>The 2026 notice, whole, in the style of the published one.</summary>
    public const string Notice2026 =
        "国务院办公厅关于2026年部分节假日安排的通知\n\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n" +
        "经国务院同意，现就2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。\n\n" +
        "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。\n" +
        "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。\n" +
        "三、清明节：4月4日（周六）至6日（周一）放假，共3天。\n" +
        "四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。\n" +
        "五、端午节：6月19日（周五）至21日（周日）放假，共3天。\n" +
        "六、中秋节：9月25日（周五）至27日（周日）放假，共3天。\n" +
        "七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。\n\n" +
        "鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，" +
        "遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众欢乐祥和、平安有序度过节日假期。\n\n国务院办公厅\n2025年11月4日\n";

    private string[] notices = null!;
    private string[] supplements = null!;
    private BusinessCalendar shipped = null!;
    private BusinessCalendar fromNotices = null!;
    private Instant[] starts = null!;

    [GlobalSetup]
    public void Setup()
    {
        string folder = Path.Combine(RepositoryRoot(), "tests", "ServiceCommitments.Tests", "ReferenceData", "notices");
        notices = Enumerable.Range(2008, 19).Select(y => File.ReadAllText(Path.Combine(folder, $"{y}.txt"))).ToArray();
        supplements = new[] { 2015, 2019, 2020 }.Select(y => File.ReadAllText(Path.Combine(folder, $"{y}-supplement.txt"))).ToArray();

        var set = HolidaySet.FromNotices("cn-notices", notices, supplements);
        shipped = BenchmarkData.ShanghaiOffice();
        fromNotices = Calendar(set);
        (starts, _) = BenchmarkData.Ranges(StartCount, 2024, 2);

        // Compile every year the runs touch (2024-2025, and 2026 for the tails) before measuring; check they agree.
        if (AddWorkingDays_Shipped() != AddWorkingDays_FromNotices())
        {
            throw new InvalidOperationException("The calendar from the notices answers differently from the shipped one.");
        }
    }

    /// <summary>Reads the 2026 notice, whole.</summary>
    [Benchmark]
    public HolidayNotice ReadNotice() => HolidayNotice.Parse(Notice2026);

    /// <summary>Makes a set of the nineteen notices and three supplements.</summary>
    [Benchmark]
    public HolidaySet BuildFromNotices() => HolidaySet.FromNotices("cn-notices", notices, supplements);

    /// <summary>AddWorkingDays over the shipped data.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = StartCount)]
    public long AddWorkingDays_Shipped() => Sum(shipped);

    /// <summary>AddWorkingDays over the set made from the notices.</summary>
    [Benchmark(OperationsPerInvoke = StartCount)]
    public long AddWorkingDays_FromNotices() => Sum(fromNotices);

    private long Sum(BusinessCalendar calendar)
    {
        var s = starts;
        long sum = 0;
        for (int i = 0; i < s.Length; i++)
        {
            sum += calendar.AddWorkingDays(s[i], Days).ToUnixTimeTicks();
        }

        return sum;
    }

    private static BusinessCalendar Calendar(HolidaySet set) =>
        new BusinessCalendarBuilder(BenchmarkData.Shanghai)
            .SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("13:00-18:00"))
            .AddHolidaySet(set)
            .Build();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServiceCommitments.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder holding ServiceCommitments.sln above {AppContext.BaseDirectory}.");
    }
}
