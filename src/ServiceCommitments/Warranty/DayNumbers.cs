using System;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>
/// Dates as day numbers (days since 1970-01-01 in the proleptic Gregorian calendar), so that coverage windows are
/// integer arithmetic: no allocation, no overflow for any period a term may have, and the period rules of NodaTime's
/// <see cref="LocalDate.Plus(Period)"/> (years, then months, then days; a day a month lacks becomes its last day).
/// </summary>
internal static class DayNumbers
{
    /// <summary>A last day that never comes: a lifetime term.</summary>
    internal const long Lifetime = long.MaxValue;

    /// <summary>9999-12-31, the last date a <see cref="LocalDate"/> holds.</summary>
    internal static readonly long MaxDay = FromCivil(9999, 12, 31);

    internal static long FromDate(LocalDate date) => FromCivil(date.Year, date.Month, date.Day);

    /// <summary>The date of a day number; the caller has checked it is at most <see cref="MaxDay"/>.</summary>
    internal static LocalDate ToDate(long day)
    {
        var (y, m, d) = ToCivil(day);
        return new LocalDate((int)y, m, d);
    }

    /// <summary>The date, or an <see cref="ArgumentOutOfRangeException"/> naming <paramref name="what"/> when it is after 9999-12-31.</summary>
    internal static LocalDate ToDateChecked(long day, string paramName, string what)
    {
        if (day > MaxDay || day < FromCivil(1, 1, 1))
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, Describe(day), $"{what} to lie in years 1-9999; it lies beyond 9999-12-31, the last date NodaTime represents");
        }

        return ToDate(day);
    }

    internal static string Describe(long day)
    {
        var (y, m, d) = ToCivil(day);
        return $"{y:0000}-{m:00}-{d:00}";
    }

    /// <summary>A date's year, month and day packed in one int (year × 512 + month × 32 + day), for years 1-9998.</summary>
    internal static int Pack(LocalDate date) => (date.Year << 9) | (date.Month << 5) | date.Day;

    /// <summary>Adds years, then months, then days to the date <paramref name="packed"/> (<see cref="Pack"/>) whose day number is <paramref name="day"/>.</summary>
    internal static long Plus(long day, int packed, int years, int months, long days) =>
        years == 0 && months == 0 ? day + days : Plus(packed >> 9, (packed >> 5) & 15, packed & 31, years, months, days);

    /// <summary>
    /// Adds years and months in one step (a year is 12 months: the corresponding day of the last month, or its last day,
    /// PRC Civil Code art. 202), then days, as <see cref="Targets.PeriodRules.LastDay"/> does; none of them negative.
    /// </summary>
    internal static long Plus(long day, int years, int months, long days)
    {
        if (years == 0 && months == 0)
        {
            return day + days;
        }

        var (y, m, d) = ToCivil(day);
        return Plus(y, m, d, years, months, days);
    }

    private static long Plus(long y, int m, int d, int years, int months, long days)
    {
        // Months are never negative here, and y is at least year 1.
        ulong index = (ulong)((y * 12) + (m - 1) + (years * 12L) + months);
        y = (long)(index / 12);
        m = (int)(index % 12) + 1;
        d = Math.Min(d, DaysInMonth(y, m));
        return FromCivil(y, m, d) + days;
    }

    internal static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeap(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool IsLeap(long y) => (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);

    /// <summary>Howard Hinnant's days_from_civil, in unsigned 32-bit arithmetic (division by constants becomes multiplication) for years 0-100,000, else in 64 bits.</summary>
    internal static long FromCivil(long y, int m, int d)
    {
        y -= m <= 2 ? 1 : 0;
        uint mp = (uint)(m > 2 ? m - 3 : m + 9);
        uint doy = (((153 * mp) + 2) / 5) + (uint)d - 1;
        if (y >= 0 && y < 100_000)
        {
            uint era = (uint)y / 400;
            uint yoe = (uint)y - (era * 400);
            uint doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
            return (era * 146097L) + doe - 719468;
        }

        long longEra = (y >= 0 ? y : y - 399) / 400;
        long longYoe = y - (longEra * 400);
        long longDoe = (longYoe * 365) + (longYoe / 4) - (longYoe / 100) + doy;
        return (longEra * 146097) + longDoe - 719468;
    }

    /// <summary>Howard Hinnant's civil_from_days, in unsigned 32-bit arithmetic for days from 0000-03-01 to about year 11,000, else in 64 bits.</summary>
    internal static (long Year, int Month, int Day) ToCivil(long z)
    {
        z += 719468;
        long y;
        uint doy;
        if (z >= 0 && z < 4_000_000)
        {
            uint uz = (uint)z;
            uint era = uz / 146097;
            uint doe = uz - (era * 146097);
            uint yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
            y = yoe + (era * 400L);
            doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        }
        else
        {
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long doe = z - (era * 146097);
            long yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
            y = yoe + (era * 400);
            doy = (uint)(doe - ((365 * yoe) + (yoe / 4) - (yoe / 100)));
        }

        uint mp = ((5 * doy) + 2) / 153;
        int d = (int)(doy - (((153 * mp) + 2) / 5) + 1);
        int m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (m <= 2 ? y + 1 : y, m, d);
    }
}
