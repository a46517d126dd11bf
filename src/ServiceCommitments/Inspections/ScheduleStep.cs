using System;
using System.Globalization;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>
/// How far apart the occurrences of a phase are: a number of days or weeks, a number of months (quarters and years are
/// 3 and 12 months, counted from the phase's anchor: <em>contract</em> quarters and years), or one occurrence per
/// <em>calendar</em> month, quarter, half-year or year.
/// </summary>
/// <remarks>
/// <para>Occurrence n of a phase counted in days or months is the phase's anchor plus n × the step, computed from the
/// anchor each time and never from the occurrence before: a monthly step from 31 January gives 29 February (2024),
/// 31 March, 30 April. <see cref="MonthEndRule"/> says what happens when the anchor's day does not exist in a
/// month.</para>
/// <para>A calendar step ignores the anchor's day: occurrence n is the last day of the nth calendar period counted from
/// the period that holds the day after the anchor (the anchor's own day is not counted, as in a period of the PRC
/// Civil Code). Calendar quarters start on 1 January, 1 April, 1 July and 1 October.</para>
/// <para>The default value is a step of zero days, which no schedule accepts. Instances are immutable values.</para>
/// </remarks>
[Immutable]
public readonly struct ScheduleStep : IEquatable<ScheduleStep>
{
    private readonly int months;
    private readonly int days;
    private readonly byte calendarMonths; // 0 = counted from the anchor; 1, 3, 6 or 12 = once per calendar period of that many months

    private ScheduleStep(int months, int days, byte calendarMonths)
    {
        this.months = months;
        this.days = days;
        this.calendarMonths = calendarMonths;
    }

    /// <summary>One occurrence per calendar month, due on the month's last day.</summary>
    public static ScheduleStep CalendarMonth { get; } = new(0, 0, 1);

    /// <summary>One occurrence per calendar quarter (January-March, April-June, ...), due on the quarter's last day.</summary>
    public static ScheduleStep CalendarQuarter { get; } = new(0, 0, 3);

    /// <summary>One occurrence per calendar half-year, due on 30 June and 31 December.</summary>
    public static ScheduleStep CalendarHalfYear { get; } = new(0, 0, 6);

    /// <summary>One occurrence per calendar year, due on 31 December.</summary>
    public static ScheduleStep CalendarYear { get; } = new(0, 0, 12);

    /// <summary>Every <paramref name="days"/> days from the anchor.</summary>
    /// <param name="days">The days between occurrences, 1 to 36,500.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 1-36,500.</exception>
    public static ScheduleStep Days(int days) => new(0, Check(days, 36_500, nameof(days)), 0);

    /// <summary>Every <paramref name="weeks"/> weeks (7 days each) from the anchor.</summary>
    /// <param name="weeks">The weeks between occurrences, 1 to 5,200.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weeks"/> is outside 1-5,200.</exception>
    public static ScheduleStep Weeks(int weeks) => new(0, 7 * Check(weeks, 5_200, nameof(weeks)), 0);

    /// <summary>Every <paramref name="months"/> months from the anchor (contract months).</summary>
    /// <param name="months">The months between occurrences, 1 to 1,200.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is outside 1-1,200.</exception>
    public static ScheduleStep Months(int months) => new(Check(months, 1_200, nameof(months)), 0, 0);

    /// <summary>Every <paramref name="quarters"/> contract quarters: 3 × <paramref name="quarters"/> months from the anchor.</summary>
    /// <param name="quarters">The quarters between occurrences, 1 to 400.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quarters"/> is outside 1-400.</exception>
    public static ScheduleStep Quarters(int quarters) => new(3 * Check(quarters, 400, nameof(quarters)), 0, 0);

    /// <summary>Every <paramref name="years"/> contract years: 12 × <paramref name="years"/> months from the anchor.</summary>
    /// <param name="years">The years between occurrences, 1 to 100.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is outside 1-100.</exception>
    public static ScheduleStep Years(int years) => new(12 * Check(years, 100, nameof(years)), 0, 0);

    /// <summary>The step a period describes: years and months (<c>P3M</c>, <c>P1Y</c>) or weeks and days (<c>P7D</c>, <c>P2W</c>), not both.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="period"/> is zero, negative, has a time part, mixes months or years with weeks or days, or is
    /// longer than 100 years.
    /// </exception>
    public static ScheduleStep FromPeriod(Period period)
    {
        Preconditions.CheckNotNull(period, nameof(period));
        if (TryFromPeriod(period, out var step, out var rule))
        {
            return step;
        }

        Preconditions.ThrowArgument(nameof(period), $"The step {period} {rule!.Broken}.");
        return default;
    }

    /// <summary>
    /// The step <paramref name="period"/> describes; when it describes none, the rule it breaks, worded both for the
    /// exception of <see cref="FromPeriod"/> (<c>is zero; ...</c>) and for a document's problem (<c>is not zero; ...</c>).
    /// </summary>
    internal static bool TryFromPeriod(Period period, out ScheduleStep step, out StepRule? rule)
    {
        step = default;
        rule = null;
        if (period.HasTimeComponent || period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0)
        {
            rule = new StepRule("must have only years, months, weeks and days, none negative", "has only years, months, weeks and days, none negative");
            return false;
        }

        long totalMonths = (12L * period.Years) + period.Months;
        long totalDays = (7L * period.Weeks) + period.Days;
        if (totalMonths > 0 && totalDays > 0)
        {
            const string Counted = "; a step is counted in months (P3M, P1Y) or in days (P7D, P2W), not both";
            rule = new StepRule("mixes months or years with weeks or days" + Counted, "does not mix months or years with weeks or days" + Counted);
            return false;
        }

        if (totalMonths == 0 && totalDays == 0)
        {
            rule = new StepRule("is zero; a step must move forward", "is not zero; a step must move forward");
            return false;
        }

        if (totalMonths > 1_200 || totalDays > 36_500)
        {
            rule = new StepRule("is longer than 100 years", "is at most 100 years");
            return false;
        }

        step = new ScheduleStep((int)totalMonths, (int)totalDays, 0);
        return true;
    }

    /// <summary>Whether the step is one occurrence per calendar period rather than a distance from the anchor.</summary>
    public bool IsCalendarPeriod => calendarMonths != 0;

    /// <summary>The months between occurrences for a step counted in months; zero otherwise.</summary>
    public int MonthCount => months;

    /// <summary>The days between occurrences for a step counted in days or weeks; zero otherwise.</summary>
    public int DayCount => days;

    /// <summary>For a calendar step, the months in each calendar period (1, 3, 6 or 12); zero otherwise.</summary>
    public int CalendarPeriodMonths => calendarMonths;

    internal bool IsValid => months > 0 || days > 0 || calendarMonths > 0;

    /// <summary>The step as a period: <c>P3M</c>, <c>P7D</c>; for a calendar step, the length of its period.</summary>
    /// <returns>The period.</returns>
    public Period ToPeriod() => calendarMonths != 0 ? Period.FromMonths(calendarMonths) : months > 0 ? Period.FromMonths(months) : Period.FromDays(days);

    /// <summary>Describes the step: <c>every 3 months</c>, <c>every 7 days</c>, <c>every calendar quarter</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => calendarMonths switch
    {
        1 => "every calendar month",
        3 => "every calendar quarter",
        6 => "every calendar half-year",
        12 => "every calendar year",
        _ when months == 1 => "every month",
        _ when months > 0 => $"every {months.ToString(CultureInfo.InvariantCulture)} months",
        _ when days == 1 => "every day",
        _ => $"every {days.ToString(CultureInfo.InvariantCulture)} days",
    };

    /// <inheritdoc/>
    public bool Equals(ScheduleStep other) => months == other.months && days == other.days && calendarMonths == other.calendarMonths;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ScheduleStep other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(months, days, calendarMonths);

    /// <summary>Whether two steps are the same.</summary>
    /// <param name="left">The first step.</param>
    /// <param name="right">The second step.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(ScheduleStep left, ScheduleStep right) => left.Equals(right);

    /// <summary>Whether two steps differ.</summary>
    /// <param name="left">The first step.</param>
    /// <param name="right">The second step.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(ScheduleStep left, ScheduleStep right) => !left.Equals(right);

    private static int Check(int value, int max, string paramName)
    {
        if (value < 1 || value > max)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, value, $"1 to {max.ToString("N0", CultureInfo.InvariantCulture)}");
        }

        return value;
    }
}

/// <summary>A rule a period breaks as a step: <see cref="Broken"/> says how it breaks it, <see cref="Expected"/> what a step is instead.</summary>
internal sealed record StepRule(string Broken, string Expected)
{
    /// <summary>The problem as a document reports it: <c>expected a step that is not zero; ...</c>.</summary>
    internal string Problem => "expected a step that " + Expected;
}
