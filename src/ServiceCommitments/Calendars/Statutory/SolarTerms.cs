using System;
using NodaTime;

namespace ServiceCommitments.Calendars;

/// <summary>
/// The instants at which the Sun reaches a given apparent geocentric ecliptic longitude (the 24 solar terms, 节气),
/// and the date of 清明 in China Standard Time, which the statute makes a holiday.
/// </summary>
/// <remarks>
/// <para>
/// The Sun's position follows Jean Meeus, <i>Astronomical Algorithms</i> (2nd ed.), ch. 25 "higher accuracy": the
/// Earth's heliocentric longitude from the VSOP87D series as truncated in Meeus's Appendix III (every L term, the
/// leading R terms), converted to the FK5 frame, with nutation in longitude from the leading terms of the IAU 1980
/// series (ch. 22) and annual aberration. The longitude is good to about one arc-second, which is about 25 seconds of
/// time. Dynamical time is turned into universal time with the Espenak–Meeus ΔT polynomials (NASA, "Five Millennium
/// Canon of Solar Eclipses"), which are fitted to observations up to 2005 and extrapolated beyond; their uncertainty
/// grows to roughly a minute by 2050 and to a few minutes by 2100.
/// </para>
/// <para>
/// The instant is found by Newton iteration on the longitude (the Sun moves about 0.9856° a day, so the derivative is
/// known well enough to converge in three or four steps). Pure functions over constant tables: thread-safe, and they
/// allocate nothing.
/// </para>
/// </remarks>
internal static class SolarTerms
{
    /// <summary>The first year the ΔT model and the calendar rules here are meant for.</summary>
    internal const int FirstYear = 1901;

    /// <summary>The last year the ΔT model and the calendar rules here are meant for.</summary>
    internal const int LastYear = 2100;

    /// <summary>The apparent solar longitude of 清明, in degrees.</summary>
    internal const double QingmingLongitude = 15.0;

    private const double DegreesPerRadian = 180.0 / Math.PI;
    private const double JulianDayOfUnixEpoch = 2440587.5;
    private const double J2000 = 2451545.0;
    private const double TropicalYearDays = 365.242189;

    private static readonly Offset ChinaStandardTime = Offset.FromHours(8);

    /// <summary>The date in China Standard Time (UTC+8) on which the Sun reaches 15° (清明) in <paramref name="year"/>.</summary>
    /// <param name="year">A year in <see cref="FirstYear"/>..<see cref="LastYear"/>.</param>
    /// <returns>The date of 清明; always 4, 5 or 6 April in the supported range.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside <see cref="FirstYear"/>..<see cref="LastYear"/>.</exception>
    internal static LocalDate QingmingDate(int year) =>
        SolarLongitudeInstant(year, QingmingLongitude).WithOffset(ChinaStandardTime).Date;

    /// <summary>
    /// The instant in <paramref name="year"/> at which the Sun's apparent geocentric longitude, referred to the true
    /// equinox of date, reaches <paramref name="degrees"/>.
    /// </summary>
    /// <param name="year">A year in <see cref="FirstYear"/>..<see cref="LastYear"/>.</param>
    /// <param name="degrees">The longitude, in [0, 360): 0 is the March equinox (春分), 15 is 清明, 270 the December solstice (冬至).</param>
    /// <returns>The instant (UT), which for a longitude near 270-360 may fall in the following January or February.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the supported range or the longitude outside [0, 360).</exception>
    /// <remarks>
    /// Longitudes are counted from the March equinox of <paramref name="year"/>, so 270 is that year's December
    /// solstice and 315 (立春) is the February of the following year.
    /// </remarks>
    internal static Instant SolarLongitudeInstant(int year, double degrees)
    {
        if (year < FirstYear || year > LastYear)
        {
            Internal.Preconditions.ThrowArgumentOutOfRange(nameof(year), year, $"a year in {FirstYear}..{LastYear}");
        }

        if (!(degrees >= 0 && degrees < 360))
        {
            Internal.Preconditions.ThrowArgumentOutOfRange(nameof(degrees), degrees, "a longitude in [0, 360)");
        }

        // Start from the mean March equinox (about 20 March) plus the mean motion to the target longitude.
        double jde = JulianDay(year, 3, 20.5) + degrees * TropicalYearDays / 360.0;
        for (int i = 0; i < 10; i++)
        {
            double step = NormalizeSigned(degrees - ApparentLongitude(jde)) * TropicalYearDays / 360.0;
            jde += step;
            if (Math.Abs(step) < 1e-7)
            {
                break;
            }
        }

        double decimalYear = 2000.0 + (jde - J2000) / 365.25;
        double jdUniversal = jde - DeltaTSeconds(decimalYear) / 86400.0;
        long ticks = (long)Math.Round((jdUniversal - JulianDayOfUnixEpoch) * NodaConstants.TicksPerDay);
        return Instant.FromUnixTimeTicks(ticks);
    }

    /// <summary>The Sun's apparent geocentric ecliptic longitude, in degrees [0, 360), at Julian Ephemeris Day <paramref name="jde"/> (TT).</summary>
    /// <param name="jde">A Julian Ephemeris Day (Terrestrial Time).</param>
    /// <returns>The apparent longitude, referred to the true equinox of date, in degrees.</returns>
    internal static double ApparentLongitude(double jde)
    {
        double tau = (jde - J2000) / 365250.0; // Julian millennia from J2000.0 (TT)
        double t = tau * 10.0;                 // Julian centuries

        double earthLongitude = Series(EarthL, EarthLCounts, tau);
        double radius = Series(EarthR, EarthRCounts, tau);

        // Geocentric longitude of the Sun (VSOP87 dynamical ecliptic and equinox of date), then to FK5 (Meeus 25.9).
        double theta = earthLongitude * DegreesPerRadian + 180.0;
        theta += -0.09033 / 3600.0;

        double nutation = NutationInLongitudeArcSeconds(t) / 3600.0;
        double aberration = -20.4898 / 3600.0 / radius;
        return NormalizeDegrees(theta + nutation + aberration);
    }

    /// <summary>ΔT = TT − UT in seconds for a decimal year, from the Espenak–Meeus polynomials (valid here for 1900-2150).</summary>
    /// <param name="y">The decimal year, for example 2024.25.</param>
    /// <returns>ΔT in seconds.</returns>
    internal static double DeltaTSeconds(double y)
    {
        double t;
        if (y < 1920)
        {
            t = y - 1900;
            return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 + t * -0.000197)));
        }

        if (y < 1941)
        {
            t = y - 1920;
            return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
        }

        if (y < 1961)
        {
            t = y - 1950;
            return 29.07 + t * (0.407 + t * (-1.0 / 233.0 + t / 2547.0));
        }

        if (y < 1986)
        {
            t = y - 1975;
            return 45.45 + t * (1.067 + t * (-1.0 / 260.0 - t / 718.0));
        }

        if (y < 2005)
        {
            t = y - 2000;
            return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
        }

        if (y < 2050)
        {
            t = y - 2000;
            return 62.92 + t * (0.32217 + t * 0.005589);
        }

        double u = (y - 1820) / 100.0;
        return -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - y);
    }

    /// <summary>The Julian Day of a Gregorian calendar date with a fractional day (Meeus ch. 7).</summary>
    private static double JulianDay(int year, int month, double day)
    {
        if (month <= 2)
        {
            year--;
            month += 12;
        }

        int a = year / 100;
        int b = 2 - a + (a / 4);
        return Math.Floor(365.25 * (year + 4716)) + Math.Floor(30.6001 * (month + 1)) + day + b - 1524.5;
    }

    /// <summary>Σ_k τ^k Σ_i A_i cos(B_i + C_i τ), with the amplitudes in units of 10⁻⁸ (radians or AU).</summary>
    private static double Series(ReadOnlySpan<double> terms, ReadOnlySpan<int> counts, double tau)
    {
        double result = 0, power = 1;
        int offset = 0;
        foreach (int count in counts)
        {
            double sum = 0;
            for (int i = offset; i < offset + (3 * count); i += 3)
            {
                sum += terms[i] * Math.Cos(terms[i + 1] + (terms[i + 2] * tau));
            }

            result += sum * power;
            power *= tau;
            offset += 3 * count;
        }

        return result * 1e-8;
    }

    /// <summary>Nutation in longitude Δψ in arc-seconds: the IAU 1980 terms of 0.01″ and more (Meeus table 22.A).</summary>
    private static double NutationInLongitudeArcSeconds(double t)
    {
        double d = (297.85036 + (445267.111480 * t) - (0.0019142 * t * t) + (t * t * t / 189474.0)) / DegreesPerRadian;
        double m = (357.52772 + (35999.050340 * t) - (0.0001603 * t * t) - (t * t * t / 300000.0)) / DegreesPerRadian;
        double mMoon = (134.96298 + (477198.867398 * t) + (0.0086972 * t * t) + (t * t * t / 56250.0)) / DegreesPerRadian;
        double f = (93.27191 + (483202.017538 * t) - (0.0036825 * t * t) + (t * t * t / 327270.0)) / DegreesPerRadian;
        double omega = (125.04452 - (1934.136261 * t) + (0.0020708 * t * t) + (t * t * t / 450000.0)) / DegreesPerRadian;

        ReadOnlySpan<sbyte> multipliers = Nutation;
        ReadOnlySpan<double> coefficients = NutationCoefficients;
        double sum = 0;
        for (int i = 0, j = 0; j < coefficients.Length; i += 5, j += 2)
        {
            double argument = (multipliers[i] * d) + (multipliers[i + 1] * m) + (multipliers[i + 2] * mMoon)
                + (multipliers[i + 3] * f) + (multipliers[i + 4] * omega);
            sum += (coefficients[j] + (coefficients[j + 1] * t)) * Math.Sin(argument);
        }

        return sum * 1e-4;
    }

    private static double NormalizeDegrees(double degrees)
    {
        double result = degrees % 360.0;
        return result < 0 ? result + 360.0 : result;
    }

    private static double NormalizeSigned(double degrees)
    {
        double result = NormalizeDegrees(degrees);
        return result >= 180.0 ? result - 360.0 : result;
    }

    /// <summary>Multipliers of D, M, M′, F, Ω for each nutation term, in the order of <see cref="NutationCoefficients"/>.</summary>
    private static ReadOnlySpan<sbyte> Nutation =>
    [
        0, 0, 0, 0, 1,
        -2, 0, 0, 2, 2,
        0, 0, 0, 2, 2,
        0, 0, 0, 0, 2,
        0, 1, 0, 0, 0,
        0, 0, 1, 0, 0,
        -2, 1, 0, 2, 2,
        0, 0, 0, 2, 1,
        0, 0, 1, 2, 2,
        -2, -1, 0, 2, 2,
        -2, 0, 1, 0, 0,
        -2, 0, 0, 2, 1,
        0, 0, -1, 2, 2,
        2, 0, 0, 0, 0,
        0, 0, 1, 0, 1,
        2, 0, -1, 2, 2,
        0, 0, -1, 0, 1,
        0, 0, 1, 2, 1,
        -2, 0, 2, 0, 0,
        0, 0, -2, 2, 1,
        2, 0, 0, 2, 2,
        0, 0, 2, 2, 2,
        0, 0, 2, 0, 0,
        -2, 0, 1, 2, 2,
        0, 0, 0, 2, 0,
        -2, 0, 0, 2, 0,
        0, 0, -1, 2, 1,
        0, 2, 0, 0, 0,
        2, 0, -1, 0, 1,
        -2, 2, 0, 2, 2,
        0, 1, 0, 0, 1,
        -2, 0, 1, 0, 1,
        0, -1, 0, 0, 1,
        0, 0, 2, -2, 0,
        2, 0, -1, 2, 1,
    ];

    /// <summary>Δψ coefficients (constant, per century) in units of 0.0001″, one pair per row of <see cref="Nutation"/>.</summary>
    private static ReadOnlySpan<double> NutationCoefficients =>
    [
        -171996, -174.2,
        -13187, -1.6,
        -2274, -0.2,
        2062, 0.2,
        1426, -3.4,
        712, 0.1,
        -517, 1.2,
        -386, -0.4,
        -301, 0,
        217, -0.5,
        -158, 0,
        129, 0.1,
        123, 0,
        63, 0,
        63, 0.1,
        -59, 0,
        -58, -0.1,
        -51, 0,
        48, 0,
        46, 0,
        -38, 0,
        -31, 0,
        29, 0,
        29, 0,
        26, 0,
        -22, 0,
        21, 0,
        17, -0.1,
        16, 0,
        -16, 0.1,
        -15, 0,
        -13, 0,
        -12, 0,
        11, 0,
        -10, 0,
    ];

    /// <summary>How many (A, B, C) terms each power of τ has in <see cref="EarthL"/>: L0..L5.</summary>
    private static ReadOnlySpan<int> EarthLCounts => [64, 34, 20, 7, 3, 1];

    /// <summary>How many (A, B, C) terms each power of τ has in <see cref="EarthR"/>: R0..R4, the leading terms only.</summary>
    private static ReadOnlySpan<int> EarthRCounts => [10, 3, 2, 1, 1];

    /// <summary>The Earth's heliocentric longitude, VSOP87D as in Meeus's Appendix III: A (10⁻⁸ rad), B (rad), C (rad per millennium).</summary>
    private static ReadOnlySpan<double> EarthL =>
    [
        // L0
        175347046, 0, 0,
        3341656, 4.6692568, 6283.0758500,
        34894, 4.6261, 12566.1517,
        3497, 2.7441, 5753.3849,
        3418, 2.8289, 3.5231,
        3136, 3.6277, 77713.7715,
        2676, 4.4181, 7860.4194,
        2343, 6.1352, 3930.2097,
        1324, 0.7425, 11506.7698,
        1273, 2.0371, 529.6910,
        1199, 1.1096, 1577.3435,
        990, 5.233, 5884.927,
        902, 2.045, 26.298,
        857, 3.508, 398.149,
        780, 1.179, 5223.694,
        753, 2.533, 5507.553,
        505, 4.583, 18849.228,
        492, 4.205, 775.523,
        357, 2.920, 0.067,
        317, 5.849, 11790.629,
        284, 1.899, 796.298,
        271, 0.315, 10977.079,
        243, 0.345, 5486.778,
        206, 4.806, 2544.314,
        205, 1.869, 5573.143,
        202, 2.458, 6069.777,
        156, 0.833, 213.299,
        132, 3.411, 2942.463,
        126, 1.083, 20.775,
        115, 0.645, 0.980,
        103, 0.636, 4694.003,
        102, 0.976, 15720.839,
        102, 4.267, 7.114,
        99, 6.21, 2146.17,
        98, 0.68, 155.42,
        86, 5.98, 161000.69,
        85, 1.30, 6275.96,
        85, 3.67, 71430.70,
        80, 1.81, 17260.15,
        79, 3.04, 12036.46,
        75, 1.76, 5088.63,
        74, 3.50, 3154.69,
        74, 4.68, 801.82,
        70, 0.83, 9437.76,
        62, 3.98, 8827.39,
        61, 1.82, 7084.90,
        57, 2.78, 6286.60,
        56, 4.39, 14143.50,
        56, 3.47, 6279.55,
        52, 0.19, 12139.55,
        52, 1.33, 1748.02,
        51, 0.28, 5856.48,
        49, 0.49, 1194.45,
        41, 5.37, 8429.24,
        41, 2.40, 19651.05,
        39, 6.17, 10447.39,
        37, 6.04, 10213.29,
        37, 2.57, 1059.38,
        36, 1.71, 2352.87,
        36, 1.78, 6812.77,
        33, 0.59, 17789.85,
        30, 0.44, 83996.85,
        30, 2.74, 1349.87,
        25, 3.16, 4690.48,

        // L1
        628331966747, 0, 0,
        206059, 2.678235, 6283.07585,
        4303, 2.6351, 12566.1517,
        425, 1.590, 3.523,
        119, 5.796, 26.298,
        109, 2.966, 1577.344,
        93, 2.59, 18849.23,
        72, 1.14, 529.69,
        68, 1.87, 398.15,
        67, 4.41, 5507.55,
        59, 2.89, 5223.69,
        56, 2.17, 155.42,
        45, 0.40, 796.30,
        36, 0.47, 775.52,
        29, 2.65, 7.11,
        21, 5.34, 0.98,
        19, 1.85, 5486.78,
        19, 4.97, 213.30,
        17, 2.99, 6275.96,
        16, 0.03, 2544.31,
        16, 1.43, 2146.17,
        15, 1.21, 10977.08,
        12, 2.83, 1748.02,
        12, 3.26, 5088.63,
        12, 5.27, 1194.45,
        12, 2.08, 4694.00,
        11, 0.77, 553.57,
        10, 1.30, 6286.60,
        10, 4.24, 1349.87,
        9, 2.70, 242.73,
        9, 5.64, 951.72,
        8, 5.30, 2352.87,
        6, 2.65, 9437.76,
        6, 4.67, 4690.48,

        // L2
        52919, 0, 0,
        8720, 1.0721, 6283.0758,
        309, 0.867, 12566.152,
        27, 0.05, 3.52,
        16, 5.19, 26.30,
        16, 3.68, 155.42,
        10, 0.76, 18849.23,
        9, 2.06, 77713.77,
        7, 0.83, 775.52,
        5, 4.66, 1577.34,
        4, 1.03, 7.11,
        4, 3.44, 5573.14,
        3, 5.14, 796.30,
        3, 6.05, 5507.55,
        3, 1.19, 242.73,
        3, 6.12, 529.69,
        3, 0.31, 398.15,
        3, 2.28, 553.57,
        2, 4.38, 5223.69,
        2, 3.75, 0.98,

        // L3
        289, 5.844, 6283.076,
        35, 0, 0,
        17, 5.49, 12566.15,
        3, 5.20, 155.42,
        1, 4.72, 3.52,
        1, 5.30, 18849.23,
        1, 5.97, 242.73,

        // L4
        114, 3.142, 0,
        8, 4.13, 6283.08,
        1, 3.84, 12566.15,

        // L5
        1, 3.14, 0,
    ];

    /// <summary>The Earth's radius vector, VSOP87D as in Meeus's Appendix III (leading terms): A (10⁻⁸ AU), B (rad), C (rad per millennium).</summary>
    /// <remarks>Only the aberration uses it, and 10⁻⁵ AU of error there is 0.0002″ of longitude.</remarks>
    private static ReadOnlySpan<double> EarthR =>
    [
        // R0
        100013989, 0, 0,
        1670700, 3.0984635, 6283.0758500,
        13956, 3.05525, 12566.15170,
        3084, 5.1985, 77713.7715,
        1628, 1.1739, 5753.3849,
        1576, 2.8469, 7860.4194,
        925, 5.453, 11506.770,
        542, 4.564, 3930.210,
        472, 3.661, 5884.927,
        346, 0.964, 5507.553,

        // R1
        103019, 1.107490, 6283.075850,
        1721, 1.0644, 12566.1517,
        702, 3.142, 0,

        // R2
        4359, 5.7846, 6283.0758,
        124, 5.579, 12566.152,

        // R3
        145, 4.273, 6283.076,

        // R4
        4, 2.56, 6283.08,
    ];
}
