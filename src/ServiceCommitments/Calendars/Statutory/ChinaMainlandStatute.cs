using System.Globalization;
using NodaTime;

namespace ServiceCommitments.Calendars;

/// <summary>
/// Mainland China's statutory holidays as the law sets them (全国年节及纪念日放假办法, Article 2), for a year whose
/// State Council notice has not been published: a "provisional year".
/// </summary>
/// <remarks>
/// <para>
/// Only the statutory days themselves are returned, each a <see cref="HolidayKind.Holiday"/>: nothing is moved,
/// bridged or swapped, and there are no adjusted working days. The yearly notice also gives a substitute working day
/// for a holiday on a Saturday or Sunday (Article 6, 补假) and builds the 3-, 5-, 7- and 8-day blocks with 调休; no
/// rule fixes those, so a provisional year leaves them out.
/// </para>
/// <para>
/// Years 1901-2100 are computed: the range of <see cref="ChineseLunisolarCalendar"/> (1901-02-19 to 2101-01-28), and
/// the range the documents promise. Every year before 2008 follows the 1999 revision (元旦 1, 春节 初一-初三, 劳动节
/// May 1-3, 国庆 Oct 1-3), as docs/calendars.md states: strictly, the 1949 measures (劳动节 May 1, 国庆 Oct 1-2)
/// governed until 18 September 1999 and nothing before December 1949, but the shipped data covers every year from
/// 2004, so a provisional year that early is a what-if, and one rule for "before 2008" is the documented contract.
/// Thread-safe; each call allocates only the returned array.
/// </para>
/// </remarks>
internal static class ChinaMainlandStatute
{
    /// <summary>The first year computed: the first whole lunar year of <see cref="ChineseLunisolarCalendar"/>.</summary>
    internal const int FirstYear = 1901;

    /// <summary>The last year whose festivals <see cref="ChineseLunisolarCalendar"/> covers (it ends on 2101-01-28).</summary>
    internal const int LastYear = 2100;

    // The names of the shipped data, shared with the notice reader.
    internal const string NewYearsDay = Notices.Festivals.NewYear;
    internal const string SpringFestival = Notices.Festivals.SpringFestival;
    internal const string TombSweepingDay = Notices.Festivals.TombSweeping;
    internal const string LabourDay = Notices.Festivals.Labour;
    internal const string DragonBoatFestival = Notices.Festivals.DragonBoat;
    internal const string MidAutumnFestival = Notices.Festivals.MidAutumn;
    internal const string NationalDay = Notices.Festivals.National;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The revisions of the measures, each with the first year it governs in full.</summary>
    private enum Revision
    {
        /// <summary>1999 (in force from 18 September 1999; applied to every year before 2008): 劳动节 May 1-3; 国庆 Oct 1-3.</summary>
        Revision1999,

        /// <summary>2007 (from 2008): 春节 除夕-初二; 清明, 端午, 中秋 added; 劳动节 May 1 only.</summary>
        Revision2007,

        /// <summary>2013 (from 2014): 春节 初一-初三.</summary>
        Revision2013,

        /// <summary>2024 (from 2025): 春节 除夕-初三; 劳动节 May 1-2.</summary>
        Revision2024,
    }

    /// <summary>The statutory holidays of <paramref name="year"/> under the law in force that year, ordered by date.</summary>
    /// <param name="year">The Gregorian year.</param>
    /// <param name="entries">The holidays, one entry per date, each a <see cref="HolidayKind.Holiday"/>; empty when false is returned.</param>
    /// <returns>False outside <see cref="FirstYear"/>..<see cref="LastYear"/>; never throws.</returns>
    /// <remarks>
    /// When 中秋 falls on 1, 2 or 3 October it shares a date with National Day and there is one entry, named
    /// <see cref="NationalDay"/>.
    /// </remarks>
    internal static bool TryGetHolidays(int year, out HolidaySetEntry[] entries)
    {
        if (year < FirstYear || year > LastYear)
        {
            entries = [];
            return false;
        }

        Revision revision = RevisionFor(year);
        LocalDate newYear = LunarDate(year, 1, 1);

        // The Spring Festival: the day before 正月初一 (除夕) under 2007 and 2024, then 初一 onwards.
        int eveDays = revision is Revision.Revision2007 or Revision.Revision2024 ? 1 : 0;
        int springDays = revision is Revision.Revision2024 ? 4 : 3;
        int labourDays = revision switch
        {
            Revision.Revision1999 => 3,
            Revision.Revision2007 or Revision.Revision2013 => 1,
            _ => 2,
        };
        const int nationalDays = 3;
        bool lunarFestivals = revision >= Revision.Revision2007;

        LocalDate midAutumn = default;
        bool midAutumnSeparate = false;
        if (lunarFestivals)
        {
            midAutumn = LunarDate(year, 8, 15);
            midAutumnSeparate = midAutumn.Month != 10 || midAutumn.Day > nationalDays;
        }

        int count = 1 + springDays + labourDays + nationalDays + (lunarFestivals ? 2 + (midAutumnSeparate ? 1 : 0) : 0);
        var result = new HolidaySetEntry[count];
        int n = 0;
        result[n++] = Holiday(new LocalDate(year, 1, 1), NewYearsDay);
        LocalDate springStart = newYear.PlusDays(-eveDays);
        for (int i = 0; i < springDays; i++)
        {
            result[n++] = Holiday(springStart.PlusDays(i), SpringFestival);
        }

        if (lunarFestivals)
        {
            result[n++] = Holiday(SolarTerms.QingmingDate(year), TombSweepingDay);
        }

        for (int i = 1; i <= labourDays; i++)
        {
            result[n++] = Holiday(new LocalDate(year, 5, i), LabourDay);
        }

        if (lunarFestivals)
        {
            result[n++] = Holiday(LunarDate(year, 5, 5), DragonBoatFestival);
        }

        // 中秋 falls between about 8 September and 8 October: before National Day, inside it (one entry), or after it.
        if (midAutumnSeparate && midAutumn.Month == 9)
        {
            result[n++] = Holiday(midAutumn, MidAutumnFestival);
        }

        for (int i = 1; i <= nationalDays; i++)
        {
            result[n++] = Holiday(new LocalDate(year, 10, i), NationalDay);
        }

        if (midAutumnSeparate && midAutumn.Month == 10)
        {
            result[n++] = Holiday(midAutumn, MidAutumnFestival);
        }

        entries = result;
        return true;
    }

    /// <summary>Which law sets the holidays of <paramref name="year"/>, for explanations.</summary>
    /// <param name="year">The Gregorian year.</param>
    /// <returns>
    /// A short description such as <c>"全国年节及纪念日放假办法 (2024 revision, in force from 2025)"</c>; for a year
    /// outside <see cref="FirstYear"/>..<see cref="LastYear"/>, a sentence saying that no holidays are computed for it.
    /// </returns>
    internal static string LawFor(int year)
    {
        if (year < FirstYear || year > LastYear)
        {
            return string.Create(CultureInfo.InvariantCulture, $"全国年节及纪念日放假办法; {year} is outside the years the Chinese lunisolar calendar covers ({FirstYear}-{LastYear}), so no holidays are computed for it");
        }

        return RevisionFor(year) switch
        {
            Revision.Revision1999 => "全国年节及纪念日放假办法 (1999 revision, applied to every year before 2008)",
            Revision.Revision2007 => "全国年节及纪念日放假办法 (2007 revision, in force from 2008)",
            Revision.Revision2013 => "全国年节及纪念日放假办法 (2013 revision, in force from 2014)",
            _ => "全国年节及纪念日放假办法 (2024 revision, in force from 2025)",
        };
    }

    /// <summary>The revision that sets <paramref name="year"/>'s holidays.</summary>
    private static Revision RevisionFor(int year) => year switch
    {
        <= 2007 => Revision.Revision1999,
        <= 2013 => Revision.Revision2007,
        <= 2024 => Revision.Revision2013,
        _ => Revision.Revision2024,
    };

    /// <summary>
    /// The Gregorian date of day <paramref name="day"/> of the regular lunar month <paramref name="month"/> of lunar year
    /// <paramref name="year"/>, skipping a leap month (闰月) that comes before it.
    /// </summary>
    internal static LocalDate LunarDate(int year, int month, int day)
    {
        // GetLeapMonth gives the 1-based index of the leap month, which follows regular month index-1; from there on
        // every regular month's index is one more than its number.
        int leap = Lunar.GetLeapMonth(year);
        int index = leap != 0 && leap <= month ? month + 1 : month;
        return LocalDate.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    private static HolidaySetEntry Holiday(LocalDate date, string name) => new(date, HolidayKind.Holiday, name);
}
