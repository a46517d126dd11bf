using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Explanations;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Targets;

/// <summary>
/// A promise of the form "within N": elapsed time, working time, working days, calendar days or a period of months,
/// years and days, with the PRC holiday rule and a daily cut-off as options. It computes a deadline from a start, a
/// business calendar and the pauses of the clock.
/// </summary>
/// <remarks>
/// <para><b>Rules of time.</b></para>
/// <list type="number">
/// <item><see cref="Elapsed"/>: wall-clock time from the start ("30分钟内响应").</item>
/// <item><see cref="WorkingTime"/>: working time of the calendar; a start outside working hours counts from the next
/// opening; a deadline that lands exactly on a closing time stays there.</item>
/// <item><see cref="WorkingDays"/>: the start's local date is not counted; the deadline is the close of business of the
/// Nth working day after it. Adjusted working days (调休) count; holidays and rest days do not.</item>
/// <item><see cref="CalendarDays"/>: the start's date is not counted; the deadline is 24:00 of the Nth day after it.</item>
/// <item><see cref="OfPeriod"/>: the start's date is not counted (PRC Civil Code art. 201); a period of months or
/// years ends on the corresponding day of its last month, or that month's last day where there is none (art. 202),
/// at 24:00. "Half a month" (半个月) is fifteen days: <see cref="HalfMonth"/>.</item>
/// <item><see cref="HolidayRule.NextWorkingDay"/> (calendar days and periods): a last day that is not a working day of
/// the calendar moves the deadline to the close of business of the next working day (art. 203).</item>
/// <item>A cut-off (<see cref="WithCutOff"/>): a start at or after that local time counts from the opening of the
/// next working day ("requests after 16:00 count from the next working day").</item>
/// <item>Pauses remove their time from whichever clock the target counts, and the deadline moves by that much: the
/// deadline is the earliest instant by which the clock, stopped during the pauses, has counted as much as it would have
/// counted from the start to the deadline without them. Elapsed, calendar-day and period targets count wall-clock
/// time; working-time and working-day targets count working time. The holiday rule applies to the deadline without
/// pauses, which then extend it.</item>
/// </list>
/// <para>The default value is "within no time", elapsed: its deadline is the start. Instances are immutable values.</para>
/// </remarks>
[Immutable]
public readonly struct ServiceTarget : IEquatable<ServiceTarget>
{
    private readonly long amount;
    private readonly Period? period;
    private readonly long cutOff; // tick of day + 1; 0 = none
    private readonly TargetKind kind;
    private readonly HolidayRule holidayRule;

    private ServiceTarget(TargetKind kind, long amount, Period? period, HolidayRule holidayRule, long cutOff)
    {
        this.kind = kind;
        this.amount = amount;
        this.period = period;
        this.holidayRule = holidayRule;
        this.cutOff = cutOff;
    }

    /// <summary>"Half a month" (半个月): fifteen calendar days, a period of <c>P15D</c>.</summary>
    /// <remarks>
    /// Chinese practice counts a month that does not run from a month's first day as 30 days (the Supreme People's
    /// Court's 1988 opinions on the General Principles of the Civil Law, art. 198), so half a month is 15 days; the
    /// German BGB § 189 and the Civil Code of Taiwan (art. 123) say the same. This is the library's one reading of
    /// 半个月; a contract that means "to the middle of the month" should say so with <see cref="OfPeriod"/>.
    /// </remarks>
    public static ServiceTarget HalfMonth { get; } = new(TargetKind.Period, 0, Period.FromDays(15), HolidayRule.None, 0);

    /// <summary>How the target counts.</summary>
    public TargetKind Kind => kind;

    /// <summary>The time allowed, for <see cref="TargetKind.Elapsed"/> and <see cref="TargetKind.WorkingTime"/>; zero otherwise.</summary>
    public Duration Amount => kind is TargetKind.Elapsed or TargetKind.WorkingTime ? Duration.FromTicks(amount) : Duration.Zero;

    /// <summary>The days allowed, for <see cref="TargetKind.WorkingDays"/> and <see cref="TargetKind.CalendarDays"/>; zero otherwise.</summary>
    public int Days => kind is TargetKind.WorkingDays or TargetKind.CalendarDays ? (int)amount : 0;

    /// <summary>The period allowed, for <see cref="TargetKind.Period"/>; null otherwise.</summary>
    public Period? Period => kind == TargetKind.Period ? period ?? Period.Zero : null;

    /// <summary>What happens when the last day is not a working day (calendar days and periods only).</summary>
    public HolidayRule HolidayRule => holidayRule;

    /// <summary>The local time of day from which a start counts from the next working day, or null.</summary>
    public LocalTime? CutOff => cutOff == 0 ? null : LocalTime.FromTicksSinceMidnight(cutOff - 1);

    /// <summary>Whether computing a deadline needs a business calendar (every kind but elapsed, and any target with a cut-off).</summary>
    public bool NeedsCalendar => kind != TargetKind.Elapsed || cutOff != 0;

    /// <summary>Within <paramref name="amount"/> of wall-clock time.</summary>
    /// <param name="amount">The time allowed; zero or more, a whole number of ticks.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative or longer than 10,000 years.</exception>
    /// <exception cref="ArgumentException"><paramref name="amount"/> is finer than a tick.</exception>
    public static ServiceTarget Elapsed(Duration amount) => new(TargetKind.Elapsed, CheckAmount(amount, nameof(amount)), null, HolidayRule.None, 0);

    /// <summary>Within <paramref name="amount"/> of working time on the target's calendar.</summary>
    /// <param name="amount">The working time allowed; zero or more, a whole number of ticks.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative or longer than 10,000 years.</exception>
    /// <exception cref="ArgumentException"><paramref name="amount"/> is finer than a tick.</exception>
    public static ServiceTarget WorkingTime(Duration amount) => new(TargetKind.WorkingTime, CheckAmount(amount, nameof(amount)), null, HolidayRule.None, 0);

    /// <summary>The most days a working-day or calendar-day target allows (the document schema repeats it).</summary>
    internal const int MaxDays = 1_000_000;

    /// <summary>Whether <paramref name="amount"/> may be a target's duration (zero or more, at most 10,000 years, to the tick); the problem reported at <paramref name="at"/> when not.</summary>
    internal static bool CheckAmount(Duration amount, FieldRef at, IShownValue? shown, ProblemSink sink)
    {
        if (amount >= Duration.Zero && amount <= Ticks.MaxDuration && Duration.FromTicks(amount.BclCompatibleTicks) == amount)
        {
            return true;
        }

        sink.Add(at, shown?.Show() ?? amount.ToString(), "expected a duration of zero or more, at most 10,000 years, to the tick (100 ns)");
        return false;
    }

    /// <summary>Whether the holiday rule applies to this target: calendar days and periods (working time and working days skip holidays by themselves).</summary>
    internal bool TakesHolidayRule => kind is TargetKind.CalendarDays or TargetKind.Period;

    /// <summary>
    /// The target with the rule <see cref="HolidayRule.NextWorkingDay"/>, or null with the problem reported at
    /// <paramref name="at"/> when the rule does not apply to it (the rule <see cref="WithHolidayRule"/> throws for).
    /// </summary>
    internal ServiceTarget? CheckNextWorkingDay(FieldRef at, IShownValue? shown, ProblemSink sink)
    {
        if (TakesHolidayRule)
        {
            return WithHolidayRule(HolidayRule.NextWorkingDay);
        }

        sink.Add(at, shown?.Show() ?? "\"nextWorkingDay\"", "the holiday rule applies to calendarDays and period targets; working time and working days skip holidays by themselves");
        return null;
    }

    /// <summary>Whether <paramref name="days"/> may be a target's days (0 to <see cref="MaxDays"/>); the problem reported at <paramref name="at"/> when not.</summary>
    internal static bool CheckDays(int days, FieldRef at, IShownValue? shown, ProblemSink sink)
    {
        if (days >= 0 && days <= MaxDays)
        {
            return true;
        }

        sink.Add(at, shown?.Show() ?? days.ToString(CultureInfo.InvariantCulture), "expected a number of days from 0 to 1,000,000");
        return false;
    }

    /// <summary>Within <paramref name="days"/> working days: the close of business of the Nth working day after the start's date.</summary>
    /// <param name="days">The working days allowed, 0 to 1,000,000; zero means the same working day: the close of business of the start's date, or of the next working day when the start's date is not a working day or the start is after its close.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative or above 1,000,000.</exception>
    public static ServiceTarget WorkingDays(int days) => new(TargetKind.WorkingDays, CheckDays(days, nameof(days)), null, HolidayRule.None, 0);

    /// <summary>Within <paramref name="days"/> calendar (natural) days: 24:00 of the Nth day after the start's date.</summary>
    /// <param name="days">The days allowed, 0 to 1,000,000.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative or above 1,000,000.</exception>
    public static ServiceTarget CalendarDays(int days) => new(TargetKind.CalendarDays, CheckDays(days, nameof(days)), null, HolidayRule.None, 0);

    /// <summary>Within a period of years, months, weeks and days, counted by the PRC Civil Code's rules (see the remarks).</summary>
    /// <param name="period">The period: years, months, weeks and days only, none negative.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="period"/> has a time part or a negative part.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is longer than 10,000 years (in any part, or in all together).</exception>
    public static ServiceTarget OfPeriod(Period period)
    {
        Preconditions.CheckNotNull(period, nameof(period));
        if (period.HasTimeComponent || period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0)
        {
            Preconditions.ThrowArgument(nameof(period), $"The period {period} must have only years, months, weeks and days, none negative; use Elapsed for hours.");
        }

        if (!PeriodRules.IsWithinMaxLength(period))
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(period), period, PeriodRules.MaxLengthRule);
        }

        return new(TargetKind.Period, 0, PeriodRules.FoldWeeks(period), HolidayRule.None, 0);
    }

    /// <summary>Within <paramref name="months"/> months (<see cref="OfPeriod"/>).</summary>
    /// <param name="months">The months, zero or more.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is negative or above 120,000.</exception>
    public static ServiceTarget Months(int months)
    {
        if (months < 0 || months > 120_000)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(months), months, "0 to 120,000 months");
        }

        return OfPeriod(NodaTime.Period.FromMonths(months));
    }

    /// <summary>Returns this target with the holiday rule set.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The target with the rule.</returns>
    /// <exception cref="ArgumentException">The rule is <see cref="HolidayRule.NextWorkingDay"/> and the target is not counted in calendar days or a period.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is not a defined value.</exception>
    public ServiceTarget WithHolidayRule(HolidayRule rule)
    {
        if (rule is not (HolidayRule.None or HolidayRule.NextWorkingDay))
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(rule), rule, "None or NextWorkingDay");
        }

        if (rule == HolidayRule.NextWorkingDay && !TakesHolidayRule)
        {
            Preconditions.ThrowArgument(nameof(rule), $"The holiday rule applies to calendar days and periods; {this} already counts only working time.");
        }

        return new(kind, amount, period, rule, cutOff);
    }

    /// <summary>Returns this target with a daily cut-off: a start at or after <paramref name="cutOff"/> (local time) counts from the next working day's opening.</summary>
    /// <param name="cutOff">The cut-off time of day; midnight means none.</param>
    /// <returns>The target with the cut-off.</returns>
    /// <exception cref="ArgumentException"><paramref name="cutOff"/> is finer than a tick.</exception>
    public ServiceTarget WithCutOff(LocalTime cutOff)
    {
        if (cutOff.NanosecondOfDay % 100 != 0)
        {
            Preconditions.ThrowArgument(nameof(cutOff), $"The cut-off {cutOff} is finer than a tick.");
        }

        return new(kind, amount, period, holidayRule, cutOff == LocalTime.Midnight ? 0 : cutOff.TickOfDay + 1);
    }

    /// <summary>The deadline for a clock that starts at <paramref name="start"/> and is never paused.</summary>
    /// <param name="start">When the clock starts.</param>
    /// <param name="calendar">The calendar; may be null only when <see cref="NeedsCalendar"/> is false.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null and the target needs one.</exception>
    /// <exception cref="HolidayDataUnavailableException">The computation needs a year the calendar's holiday data does not know.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The start or the deadline lies outside years 1-9998.</exception>
    /// <exception cref="ArgumentException"><paramref name="start"/> is finer than a tick.</exception>
    public Instant GetDue(Instant start, BusinessCalendar? calendar) => GetDue(start, calendar, ReadOnlySpan<Interval>.Empty);

    /// <summary>The deadline for a clock that starts at <paramref name="start"/> and stops during <paramref name="pauses"/>.</summary>
    /// <param name="start">When the clock starts.</param>
    /// <param name="calendar">The calendar; may be null only when <see cref="NeedsCalendar"/> is false.</param>
    /// <param name="pauses">When the clock is stopped; in any order, overlapping or not, each with a start and an end.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null and the target needs one.</exception>
    /// <exception cref="ArgumentException">A pause has no start or no end; an instant is finer than a tick.</exception>
    /// <exception cref="HolidayDataUnavailableException">The computation needs a year the calendar's holiday data does not know.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The start or the deadline lies outside years 1-9998.</exception>
    public Instant GetDue(Instant start, BusinessCalendar? calendar, ReadOnlySpan<Interval> pauses)
    {
        CheckCalendar(calendar);
        var normalised = TickSpan.Normalise(pauses, nameof(pauses));
        return Instant.FromUnixTimeTicks(DueTicks(Ticks.FromInstant(start, nameof(start)), calendar, normalised));
    }

    /// <summary>Explains the deadline <see cref="GetDue(Instant, BusinessCalendar?, ReadOnlySpan{Interval})"/> gives: the rule, and every span from the start to the deadline.</summary>
    /// <param name="start">When the clock starts.</param>
    /// <param name="calendar">The calendar; may be null only when <see cref="NeedsCalendar"/> is false.</param>
    /// <param name="pauses">When the clock is stopped, as for <see cref="GetDue(Instant, BusinessCalendar?, ReadOnlySpan{Interval})"/>.</param>
    /// <returns>The explanation; its <see cref="DeadlineExplanation.Due"/> is the deadline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null and the target needs one.</exception>
    /// <exception cref="ArgumentException">A pause has no start or no end; an instant is finer than a tick.</exception>
    /// <exception cref="HolidayDataUnavailableException">The computation needs a year the calendar's holiday data does not know.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The start or the deadline lies outside years 1-9998.</exception>
    public DeadlineExplanation Explain(Instant start, BusinessCalendar? calendar, ReadOnlySpan<Interval> pauses = default)
    {
        CheckCalendar(calendar);
        var normalised = TickSpan.Normalise(pauses, nameof(pauses));
        return TargetExplainer.Explain(this, Ticks.FromInstant(start, nameof(start)), calendar, normalised);
    }

    /// <summary>Describes the target as a contract would, in English: <c>within 2 working days</c>, <c>within 30 minutes</c>.</summary>
    /// <returns>
    /// The phrase, which <c>ServiceCommitments.Phrases.TargetPhrases.Parse</c> reads back to this target; for the few targets
    /// no phrase states (fractions of a second, working seconds) a description that does not read back.
    /// </returns>
    public override string ToString() => TargetDescription.English(this);

    /// <inheritdoc/>
    public bool Equals(ServiceTarget other) =>
        kind == other.kind && amount == other.amount && holidayRule == other.holidayRule && cutOff == other.cutOff &&
        Equals(period ?? NodaTime.Period.Zero, other.period ?? NodaTime.Period.Zero);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ServiceTarget other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(kind, amount, period ?? NodaTime.Period.Zero, holidayRule, cutOff);

    /// <summary>Whether two targets are the same promise.</summary>
    /// <param name="left">The first target.</param>
    /// <param name="right">The second target.</param>
    /// <returns>True when they are equal.</returns>
    public static bool operator ==(ServiceTarget left, ServiceTarget right) => left.Equals(right);

    /// <summary>Whether two targets differ.</summary>
    /// <param name="left">The first target.</param>
    /// <param name="right">The second target.</param>
    /// <returns>True when they are not equal.</returns>
    public static bool operator !=(ServiceTarget left, ServiceTarget right) => !left.Equals(right);

    internal long AmountTicks => amount;

    internal long CutOffTick => cutOff - 1;

    internal bool HasCutOff => cutOff != 0;

    /// <summary>
    /// Whether the target counts on a business calendar's working days even where a zone is given otherwise (as a
    /// warranty gives its own): working time or days, the holiday rule, or a cut-off. Calendar days and periods
    /// without those need only the zone.
    /// </summary>
    internal bool NeedsWorkingDays => kind is TargetKind.WorkingTime or TargetKind.WorkingDays || holidayRule != HolidayRule.None || cutOff != 0;

    internal Period PeriodOrZero => period ?? NodaTime.Period.Zero;

    /// <summary>Whether the target's clock counts working time (working time and working days) rather than wall-clock time.</summary>
    internal bool CountsWorkingTime => kind is TargetKind.WorkingTime or TargetKind.WorkingDays;

    internal void CheckCalendar(BusinessCalendar? calendar)
    {
        if (calendar is null && NeedsCalendar)
        {
            throw new ArgumentNullException(nameof(calendar), $"The target \"{this}\" needs a business calendar.");
        }
    }

    /// <summary>The clock's start: <paramref name="start"/>, or with a cut-off the next working day's opening when the start is at or after it.</summary>
    internal long ClockStart(long start, BusinessCalendar? calendar)
    {
        if (cutOff == 0)
        {
            return start;
        }

        var local = Instant.FromUnixTimeTicks(start).InZone(calendar!.Zone);
        if (local.TickOfDay < cutOff - 1)
        {
            return start;
        }

        var nextDay = PeriodRules.StartOfDay(calendar.Zone, local.Date.PlusDays(1));
        return calendar.NextWorkingInstant(nextDay).ToUnixTimeTicks();
    }

    /// <summary>The deadline without pauses, from the clock's start.</summary>
    internal long BaseDueTicks(long clockStart, BusinessCalendar? calendar)
    {
        switch (kind)
        {
            case TargetKind.Elapsed:
                return WallClockDeadline(checked(clockStart + amount));
            case TargetKind.WorkingTime:
                return calendar!.AddWorkingTicks(clockStart, amount);
            case TargetKind.WorkingDays:
                return amount == 0
                    ? CloseOfBusinessOfDayOrNext(clockStart, calendar!)
                    : calendar!.AddWorkingDayTicks(clockStart, (int)amount);
            default:
                var zone = calendar!.Zone;
                var date = Instant.FromUnixTimeTicks(clockStart).InZone(zone).Date;
                var last = kind == TargetKind.CalendarDays ? date.PlusDays((int)amount) : PeriodRules.LastDay(date, PeriodOrZero, countStartDay: false);
                return LastDayEnd(last, calendar).ToUnixTimeTicks();
        }
    }

    /// <summary>The end of the period whose last day is <paramref name="last"/>: 24:00, or with the holiday rule the next working day's close.</summary>
    internal Instant LastDayEnd(LocalDate last, BusinessCalendar calendar)
    {
        var end = PeriodRules.StartOfDay(calendar.Zone, last.PlusDays(1));
        if (holidayRule == HolidayRule.NextWorkingDay && !calendar.IsWorkingDay(last))
        {
            return calendar.AddWorkingDays(PeriodRules.StartOfDay(calendar.Zone, last), 1);
        }

        return end;
    }

    private static long CloseOfBusinessOfDayOrNext(long start, BusinessCalendar calendar)
    {
        // "Within 0 working days", the same working day: the close of business of the start's date when it is a working
        // day and the start is not after its close; otherwise the close of the next working day.
        var date = Instant.FromUnixTimeTicks(start).InZone(calendar.Zone).Date;
        var dayStart = PeriodRules.StartOfDay(calendar.Zone, date);
        if (calendar.IsWorkingDay(date))
        {
            long close = calendar.AddWorkingDays(dayStart - Duration.FromTicks(1), 1).ToUnixTimeTicks();
            if (start <= close)
            {
                return close;
            }
        }

        return calendar.AddWorkingDays(dayStart, 1).ToUnixTimeTicks();
    }

    /// <summary>The deadline, allocation-free: the clock starts at <paramref name="start"/> (after the cut-off) and stops during <paramref name="pauses"/> (sorted, disjoint).</summary>
    internal long DueTicks(long start, BusinessCalendar? calendar, ReadOnlySpan<TickSpan> pauses)
    {
        long clock = ClockStart(start, calendar);
        long due = BaseDueTicks(clock, calendar);
        return pauses.IsEmpty ? due : Extend(clock, due, calendar, pauses);
    }

    /// <summary>The earliest instant by which the clock, stopped during <paramref name="pauses"/>, counts what it counts in [clock, due).</summary>
    /// <remarks>
    /// A deadline at or before the clock's start ("within 0 working days" from after the close) leaves the clock nothing
    /// to count, so no pause removes anything from it and the deadline stays.
    /// </remarks>
    internal long Extend(long clock, long due, BusinessCalendar? calendar, ReadOnlySpan<TickSpan> pauses) =>
        due <= clock ? due : RunClock(clock, CountedBetween(clock, due, calendar), calendar, pauses);

    /// <summary>What the target's clock counts in [a, b) without pauses: working time for working-time and working-day targets, else wall-clock time.</summary>
    internal long CountedBetween(long a, long b, BusinessCalendar? calendar) =>
        CountsWorkingTime ? calendar!.WorkingTicksBetween(a, b) : b - a;

    /// <summary>The earliest instant by which the target's clock, started at <paramref name="clock"/> and stopped during <paramref name="pauses"/> (sorted, disjoint), has counted <paramref name="amount"/>.</summary>
    internal long RunClock(long clock, long amount, BusinessCalendar? calendar, ReadOnlySpan<TickSpan> pauses)
    {
        bool working = CountsWorkingTime;
        long remaining = amount;
        long t = clock;
        foreach (var pause in pauses)
        {
            if (pause.End <= t)
            {
                continue;
            }

            long pauseStart = Math.Max(pause.Start, t);
            long before = working ? calendar!.WorkingTicksBetween(t, pauseStart) : pauseStart - t;
            if (before >= remaining)
            {
                break;
            }

            remaining -= before;
            t = pause.End;
        }

        return working ? calendar!.AddWorkingTicks(t, remaining) : WallClockDeadline(checked(t + remaining));
    }

    /// <summary>The end of year 9998 (UTC): a wall-clock deadline after it is outside the years the library supports, and after 9999 no instant can hold it.</summary>
    private static readonly long EndOfSupportedYears = Instant.FromUtc(CalendarLimits.MaxYear + 1, 1, 1, 0, 0).ToUnixTimeTicks();

    /// <summary>Checks a deadline that no calendar computed: the calendars check their own.</summary>
    private static long WallClockDeadline(long ticks)
    {
        if (ticks > EndOfSupportedYears)
        {
            ThrowDeadlineBeyondRange();
        }

        return ticks;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowDeadlineBeyondRange() =>
        throw new ArgumentOutOfRangeException(
            "amount",
            $"The deadline would fall after the years business calendars support ({CalendarLimits.MinYear}-{CalendarLimits.MaxYear}).");

    private static long CheckAmount(Duration amount, string paramName)
    {
        if (amount < Duration.Zero)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, amount, "a time of zero or more");
        }

        return Ticks.FromDuration(amount, paramName);
    }

    private static int CheckDays(int days, string paramName)
    {
        if (days < 0 || days > MaxDays)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, days, "0 to 1,000,000 days");
        }

        return days;
    }

    private static string Plural(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";

    internal static string DescribeDuration(Duration d)
    {
        if (d == Duration.Zero)
        {
            return "no time";
        }

        var parts = new List<string>();
        if (d.Days > 0)
        {
            parts.Add(Plural(d.Days, "day"));
        }

        if (d.Hours > 0)
        {
            parts.Add(Plural(d.Hours, "hour"));
        }

        if (d.Minutes > 0)
        {
            parts.Add(Plural(d.Minutes, "minute"));
        }

        if (d.Seconds > 0 || d.SubsecondTicks > 0)
        {
            parts.Add(d.SubsecondTicks > 0 ? $"{(d.Seconds + (d.SubsecondTicks / 1e7m)).ToString(CultureInfo.InvariantCulture)} seconds" : Plural(d.Seconds, "second"));
        }

        return string.Join(" ", parts);
    }
}
