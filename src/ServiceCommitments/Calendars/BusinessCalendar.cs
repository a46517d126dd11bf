using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using NodaTime;
using NodaTime.TimeZones;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>
/// A business calendar: the working hours of every date in one time zone, after statutory holidays, adjusted working
/// days (调休), a customer's own closures and special hours. It answers "when is N working hours / N working days
/// after this instant" and "how much working time lies between these instants", exactly to the tick.
/// </summary>
/// <remarks>
/// <para><b>Rules of time.</b> Working time is the union of the working intervals of every date, each mapped from
/// local time to instants in <see cref="Zone"/> (see <see cref="BusinessCalendarBuilder.Resolver"/> for DST gaps and
/// overlaps). Intervals are half-open: an interval's start is working time, its end is not.</para>
/// <list type="bullet">
/// <item><see cref="AddWorkingTime(Instant, Duration)"/>: a start outside working hours counts from the next opening;
/// a deadline that lands exactly on a closing time stays at that closing time. A negative amount is the mirror image:
/// a start outside working hours counts from the previous closing, and a result that lands exactly on an opening time
/// stays there.</item>
/// <item><see cref="AddWorkingDays(Instant, int)"/>: the start's own date is not counted; the deadline is the close of
/// business of the Nth working day after it. Adjusted working days count; holidays and rest days do not.</item>
/// </list>
/// <para><b>Unknown years.</b> A computation that needs a year one of the <see cref="HolidaySets"/> does not know
/// throws <see cref="HolidayDataUnavailableException"/>, unless the calendar was built to count such years as ordinary
/// weeks or to fill them provisionally from the set's statutory rule (<see cref="BusinessCalendarBuilder.SetUnknownYears"/>);
/// <see cref="GetHolidayYearStatus"/> tells which. A calendar without holiday sets knows every year from 1 to 9998.</para>
/// <para><b>Speed.</b> Each local year is compiled, on first use, into arrays of instants with running totals of
/// working time and working days; a query is then a bucket look-up and a short search that allocates nothing, and its
/// cost does not depend on how many years the holiday data spans.</para>
/// <para><b>Precision and range.</b> Calendars compute in ticks (100 ns). An instant or duration with a finer part is
/// rejected with <see cref="ArgumentException"/> rather than rounded. An instant outside local years 1-9998 (such as
/// <see cref="Instant.MaxValue"/>) is rejected with <see cref="ArgumentOutOfRangeException"/>.</para>
/// <para>Instances are immutable and thread-safe; the lazily compiled years are published atomically.</para>
/// </remarks>
[Immutable]
public sealed class BusinessCalendar
{
    private const int YearsPerChunk = 100;

    private readonly CalendarRules rules;
    private readonly CalendarOverrides overrides;
    private readonly YearChunk?[] chunks = new YearChunk?[(CalendarLimits.MaxYear / YearsPerChunk) + 1];

    /// <summary>The supported instants (ticks), local years 1-9998 in <see cref="Zone"/>: [firstTick, endTick).</summary>
    private readonly long firstTick, endTick;

    internal BusinessCalendar(CalendarRules rules, CalendarOverrides overrides)
    {
        this.rules = rules;
        this.overrides = overrides;
        HolidaySets = Array.AsReadOnly((HolidaySet[])rules.HolidaySets.Clone());
        firstTick = CompiledYear.StartOfDay(rules.Zone, new LocalDate(CalendarLimits.MinYear, 1, 1), out _);
        endTick = CompiledYear.StartOfDay(rules.Zone, new LocalDate(CalendarLimits.MaxYear + 1, 1, 1), out _);
    }

    /// <summary>The time zone in which working hours are local times.</summary>
    public DateTimeZone Zone => rules.Zone;

    /// <summary>The holiday sets, in the order they apply (a later set overrides an earlier one on the same date).</summary>
    public IReadOnlyList<HolidaySet> HolidaySets { get; }

    /// <summary>
    /// Whether years the holiday sets do not know are treated as ordinary weeks instead of throwing
    /// <see cref="HolidayDataUnavailableException"/>, as set by <see cref="BusinessCalendarBuilder.TreatUnknownYearsAsOrdinary"/>.
    /// </summary>
    public bool TreatUnknownYearsAsOrdinary => rules.TreatUnknownYearsAsOrdinary;

    /// <summary>What the calendar does with a year a holiday set does not know, as set by <see cref="BusinessCalendarBuilder.SetUnknownYears"/>.</summary>
    public UnknownYears UnknownYears => rules.UnknownYears;

    /// <summary>
    /// What the calendar's answers for <paramref name="year"/> rest on: the holiday sets' data
    /// (<see cref="HolidayYearStatus.Known"/>), the statutory holidays alone (<see cref="HolidayYearStatus.Provisional"/>),
    /// ordinary weeks (<see cref="HolidayYearStatus.Ordinary"/>), or nothing, so that a computation needing the year throws
    /// (<see cref="HolidayYearStatus.Unavailable"/>).
    /// </summary>
    /// <param name="year">The year to ask about; any value (a year outside 1-9998 is <see cref="HolidayYearStatus.Unavailable"/>).</param>
    /// <returns>The status. Where several sets are unknown in different ways, the weakest wins: provisional over known, ordinary over provisional.</returns>
    public HolidayYearStatus GetHolidayYearStatus(int year) =>
        year < CalendarLimits.MinYear || year > CalendarLimits.MaxYear ? HolidayYearStatus.Unavailable : rules.StatusOf(year);

    /// <summary>The resolver that maps local working hours to instants in DST gaps and overlaps.</summary>
    public ZoneLocalMappingResolver Resolver => rules.Resolver;

    /// <summary>The hours of an adjusted working day and of the calendar's own extra working days.</summary>
    public IReadOnlyList<WorkingInterval> AdjustedWorkingDayHours => ToIntervals(rules.AdjustedWorkingDayHours);

    /// <summary>
    /// A calendar that is open every hour of every day, holidays included (7×24 service): working time is elapsed time,
    /// and every day is a working day that closes at 24:00.
    /// </summary>
    /// <param name="zone">The time zone, which decides where a working day begins and ends.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static BusinessCalendar AlwaysOpen(DateTimeZone zone) =>
        new BusinessCalendarBuilder(zone).SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, WorkingInterval.AllDay).Build();

    /// <summary>
    /// A 5×8 calendar, the usual office week: Monday to Friday, 09:00-12:00 and 13:00-18:00, closed on the holidays of
    /// <paramref name="holidaySets"/> and open on their adjusted working days with the same hours.
    /// </summary>
    /// <param name="zone">The time zone.</param>
    /// <param name="holidaySets">Holiday sets to apply, for example <see cref="Calendars.HolidaySets.ChinaMainland"/>; none for plain weeks.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/>, <paramref name="holidaySets"/> or one of its elements is null.</exception>
    public static BusinessCalendar FiveByEight(DateTimeZone zone, params HolidaySet[] holidaySets)
    {
        Preconditions.CheckNotNull(holidaySets, nameof(holidaySets));
        var builder = new BusinessCalendarBuilder(zone)
            .SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, FiveByEightHours);
        foreach (var set in holidaySets)
        {
            builder.AddHolidaySet(set);
        }

        return builder.Build();
    }

    internal static readonly WorkingInterval[] FiveByEightHours =
        [WorkingInterval.FromHours(9, 0, 12, 0), WorkingInterval.FromHours(13, 0, 18, 0)];

    /// <summary>Returns a builder holding this calendar's rules, to layer more closures, working days or special hours on top.</summary>
    /// <returns>A new builder; holiday sets are shared by reference, not copied.</returns>
    public BusinessCalendarBuilder ToBuilder() => new(this);

    internal CalendarRules Rules => rules;

    internal CalendarOverrides Overrides => overrides;

    /// <summary>The weekly working hours of <paramref name="day"/>, before holidays and overrides.</summary>
    /// <param name="day">The day of the week.</param>
    /// <returns>The intervals, in order; empty for a rest day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not Monday to Sunday.</exception>
    public IReadOnlyList<WorkingInterval> GetWeeklyHours(IsoDayOfWeek day)
    {
        if (day < IsoDayOfWeek.Monday || day > IsoDayOfWeek.Sunday)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(day), day, "Monday to Sunday");
        }

        return ToIntervals(rules.Weekly(day));
    }

    /// <summary>The local working hours of <paramref name="date"/> after holidays, adjusted working days and overrides.</summary>
    /// <param name="date">The date, in the ISO calendar.</param>
    /// <returns>
    /// The intervals, in order; empty when the date is not a working day, which includes a date <see cref="Zone"/> skips
    /// entirely (such as 30 December 2011 in Pacific/Apia).
    /// </returns>
    /// <exception cref="HolidayDataUnavailableException">A holiday set does not know the date's year.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not an ISO date, or lies outside years 1-9998.</exception>
    public IReadOnlyList<WorkingInterval> GetWorkingHours(LocalDate date)
    {
        CheckDate(date, nameof(date));
        rules.CheckYearKnown(date.Year);
        return ToIntervals(CompiledYear.IsSkipped(Zone, date) ? [] : rules.HoursFor(date));
    }

    /// <summary>Whether every holiday set knows <paramref name="year"/> (always true for a calendar without holiday sets).</summary>
    /// <param name="year">The year to ask about.</param>
    /// <returns>True when the calendar's answers for <paramref name="year"/> rest on holiday data rather than on the unknown-years rule.</returns>
    public bool KnowsYear(int year) => rules.KnowsYear(year);

    /// <summary>Whether <paramref name="date"/> is a working day: a date with working hours.</summary>
    /// <param name="date">The date, in the ISO calendar.</param>
    /// <returns>
    /// True for a date with at least one working interval (an adjusted working day included); false for a holiday, a
    /// rest day, or a date <see cref="Zone"/> skips entirely (such as 30 December 2011 in Pacific/Apia).
    /// </returns>
    /// <exception cref="HolidayDataUnavailableException">A holiday set does not know the date's year.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not an ISO date, or lies outside years 1-9998.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        CheckDate(date, nameof(date));
        return GetYear(date.Year).IsWorkingDay(date.DayOfYear - 1);
    }

    /// <summary>Whether <paramref name="instant"/> lies inside working hours (a start is inside, an end is not).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>True inside a working interval.</returns>
    /// <exception cref="HolidayDataUnavailableException">A holiday set does not know the instant's local year.</exception>
    /// <exception cref="ArgumentException">The instant is finer than a tick.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The instant lies outside years 1-9998.</exception>
    public bool IsWorkingTime(Instant instant)
    {
        long t = ToTicks(instant, nameof(instant));
        return GetYear(LocalYearOf(t, nameof(instant))).IsWorking(t);
    }

    /// <summary>Rolls forward to working time: returns <paramref name="instant"/> itself inside working hours, otherwise the next opening.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The first working instant at or after <paramref name="instant"/>.</returns>
    /// <exception cref="HolidayDataUnavailableException">A year between the instant and the next opening is unknown.</exception>
    /// <exception cref="ArgumentException">The instant is finer than a tick.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The instant, or the next opening, lies outside years 1-9998.</exception>
    public Instant NextWorkingInstant(Instant instant)
    {
        long t = ToTicks(instant, nameof(instant));
        int year = LocalYearOf(t, nameof(instant));
        var compiled = GetYear(year);
        int k = compiled.FirstEndingAfter(t);
        while (k == compiled.Count)
        {
            compiled = NextYear(ref year, nameof(instant));
            k = 0;
        }

        return Instant.FromUnixTimeTicks(Math.Max(t, compiled.IntervalStart(k)));
    }

    /// <summary>Adds working time: the earliest instant by which <paramref name="amount"/> of working time has passed since <paramref name="start"/>.</summary>
    /// <param name="start">When the clock starts; outside working hours it counts from the next opening.</param>
    /// <param name="amount">The working time to add; negative goes backwards (the latest instant from which that much working time runs to <paramref name="start"/>); zero returns <paramref name="start"/>.</param>
    /// <returns>The deadline. One that lands exactly on a closing time is that closing time (going backwards: on an opening time, that opening).</returns>
    /// <exception cref="HolidayDataUnavailableException">The computation needs a year a holiday set does not know.</exception>
    /// <exception cref="ArgumentException"><paramref name="start"/> or <paramref name="amount"/> is finer than a tick.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The start or the result lies outside years 1-9998.</exception>
    public Instant AddWorkingTime(Instant start, Duration amount) =>
        Instant.FromUnixTimeTicks(AddWorkingTicks(
            ToTicks(start, nameof(start)), Ticks.FromDuration(amount, nameof(amount))));

    /// <summary>Adds the same working time to every start: <c>results[i] = AddWorkingTime(starts[i], amount)</c>.</summary>
    /// <param name="starts">The starts.</param>
    /// <param name="amount">The working time to add to each.</param>
    /// <param name="results">Receives one result per start; must be at least as long as <paramref name="starts"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="starts"/>, or a value is finer than a tick.</exception>
    /// <exception cref="HolidayDataUnavailableException">An element needs an unknown year; the results before it have been written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An element or its result lies outside years 1-9998.</exception>
    public void AddWorkingTime(ReadOnlySpan<Instant> starts, Duration amount, Span<Instant> results)
    {
        CheckResults(results.Length, starts.Length, nameof(results));
        long d = Ticks.FromDuration(amount, nameof(amount));
        for (int i = 0; i < starts.Length; i++)
        {
            results[i] = Instant.FromUnixTimeTicks(AddWorkingTicks(ToTicks(starts[i], nameof(starts)), d));
        }
    }

    /// <summary>Adds a working time per start: <c>results[i] = AddWorkingTime(starts[i], amounts[i])</c>.</summary>
    /// <param name="starts">The starts.</param>
    /// <param name="amounts">The working time for each start; the same length as <paramref name="starts"/>.</param>
    /// <param name="results">Receives one result per start; must be at least as long as <paramref name="starts"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not match, or a value is finer than a tick.</exception>
    /// <exception cref="HolidayDataUnavailableException">An element needs an unknown year; the results before it have been written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An element or its result lies outside years 1-9998.</exception>
    public void AddWorkingTime(ReadOnlySpan<Instant> starts, ReadOnlySpan<Duration> amounts, Span<Instant> results)
    {
        if (amounts.Length != starts.Length)
        {
            Preconditions.ThrowLengthMismatch(nameof(amounts), amounts.Length, starts.Length);
        }

        CheckResults(results.Length, starts.Length, nameof(results));
        for (int i = 0; i < starts.Length; i++)
        {
            results[i] = Instant.FromUnixTimeTicks(AddWorkingTicks(
                ToTicks(starts[i], nameof(starts)), Ticks.FromDuration(amounts[i], nameof(amounts))));
        }
    }

    /// <summary>
    /// Adds working days: the close of business of the <paramref name="days"/>th working day after the local date of
    /// <paramref name="start"/> (the start's own date is not counted).
    /// </summary>
    /// <param name="start">When the clock starts; only its local date matters.</param>
    /// <param name="days">
    /// The number of working days. Negative counts back: the close of business of the |days|th working day before the
    /// start's date. Zero: the close of business of the start's date if it is a working day, else of the next working day.
    /// </param>
    /// <returns>The close of business (the end of the last working interval) of the resulting working day.</returns>
    /// <exception cref="HolidayDataUnavailableException">
    /// A date the count reads lies in a year a holiday set does not know: the dates after the start's up to the result's
    /// (before it, when counting back), and the start's own date when <paramref name="days"/> is zero.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="start"/> is finer than a tick.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The start or the result lies outside years 1-9998.</exception>
    public Instant AddWorkingDays(Instant start, int days) =>
        Instant.FromUnixTimeTicks(AddWorkingDayTicks(ToTicks(start, nameof(start)), days));

    /// <summary>Adds <paramref name="days"/> working days to every start: <c>results[i] = AddWorkingDays(starts[i], days)</c>.</summary>
    /// <param name="starts">The starts.</param>
    /// <param name="days">The number of working days.</param>
    /// <param name="results">Receives one result per start; must be at least as long as <paramref name="starts"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="starts"/>, or a start is finer than a tick.</exception>
    /// <exception cref="HolidayDataUnavailableException">An element needs an unknown year; the results before it have been written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An element or its result lies outside years 1-9998.</exception>
    public void AddWorkingDays(ReadOnlySpan<Instant> starts, int days, Span<Instant> results)
    {
        CheckResults(results.Length, starts.Length, nameof(results));
        for (int i = 0; i < starts.Length; i++)
        {
            results[i] = Instant.FromUnixTimeTicks(AddWorkingDayTicks(ToTicks(starts[i], nameof(starts)), days));
        }
    }

    /// <summary>Adds working days to a date: the <paramref name="days"/>th working day after <paramref name="date"/> (before it when negative).</summary>
    /// <param name="date">The date to count from; it is not counted itself.</param>
    /// <param name="days">The number of working days; zero returns <paramref name="date"/>.</param>
    /// <returns>The working day reached.</returns>
    /// <exception cref="HolidayDataUnavailableException">
    /// A date after <paramref name="date"/> up to the result (before it, when counting back) lies in a year a holiday set
    /// does not know; <paramref name="date"/> itself is never read.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not an ISO date or lies outside years 1-9998.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result lies outside years 1-9998.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        CheckDate(date, nameof(date));
        if (days == 0)
        {
            return date;
        }

        if (days is > DaysPerYear or < -DaysPerYear)
        {
            CheckDayCount(date, days);
        }

        var (compiled, year, ordinal) = LocateWorkingDay(date.Year, date.DayOfYear - 1, days, null);
        return new LocalDate(year, 1, 1).PlusDays(compiled.WorkingDayIndex(ordinal));
    }

    private const int DaysPerYear = 366;

    /// <summary>
    /// Refuses a count of working days larger than the calendar days between <paramref name="date"/> and the end of the
    /// supported years (their start, counting back): no calendar has more working days than days, so such a count
    /// cannot end in the range, and it is refused before any year is compiled (issue 14: <c>int.MaxValue</c> compiled
    /// every year up to 9998 first).
    /// </summary>
    private static void CheckDayCount(LocalDate date, int days)
    {
        long left = days > 0
            ? Period.DaysBetween(date, new LocalDate(CalendarLimits.MaxYear, 12, 31))
            : Period.DaysBetween(new LocalDate(CalendarLimits.MinYear, 1, 1), date);
        if (Math.Abs((long)days) > left)
        {
            ThrowCountBeyondRange(days, left, days > 0 ? "after" : "before");
        }
    }

    [DoesNotReturn]
    private static void ThrowCountBeyondRange(int days, long left, string direction) =>
        throw new ArgumentOutOfRangeException(
            nameof(days),
            days,
            $"{Math.Abs((long)days).ToString(CultureInfo.InvariantCulture)} working days cannot fit {direction} the start within the years business calendars support ({CalendarLimits.MinYear}-{CalendarLimits.MaxYear}): there are only {left.ToString(CultureInfo.InvariantCulture)} calendar days {direction} it.");

    /// <summary><see cref="AddWorkingDays(Instant, int)"/> in ticks: for deadlines computed in ticks, without a round trip through <see cref="Instant"/>.</summary>
    internal long AddWorkingDayTicks(long t, int days)
    {
        int year = LocalYearOf(t, "start");
        if (days is > DaysPerYear or < -DaysPerYear)
        {
            // A count within a year compiles at most two years before any error; a larger one is checked first.
            CheckDayCount(Instant.FromUnixTimeTicks(t).InZone(Zone).Date, days);
        }

        var chunk = GetChunk(year / YearsPerChunk);
        var compiled = chunk.Years[year % YearsPerChunk];
        int day;
        if (compiled is not null)
        {
            day = compiled.DayIndexOf(t);
        }
        else if (days == 0 || rules.CanAnswer(year))
        {
            compiled = CompileYear(chunk, year);
            day = compiled.DayIndexOf(t);
        }
        else
        {
            // The start's own date is not counted, so its year's holiday data is not needed to find the date.
            day = Instant.FromUnixTimeTicks(t).InZone(Zone).DayOfYear - 1;
        }

        var (located, _, ordinal) = LocateWorkingDay(year, day, days, compiled);
        return located.CloseOfBusiness(ordinal);
    }

    /// <summary>
    /// Finds the <paramref name="days"/>th working day after day <paramref name="day"/> (0-based) of
    /// <paramref name="year"/>, before it when negative; for zero, the first working day from that day on. The day
    /// itself is counted only when <paramref name="days"/> is zero, so a count that starts on the last (first) day of
    /// a year never needs that year: <paramref name="startYear"/>, that year compiled, may be null.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (CompiledYear Compiled, int Year, int Ordinal) LocateWorkingDay(int year, int day, int days, CompiledYear? startYear)
    {
        // Count from the boundary after the day (forward) or before it (back, and zero): the working days before that
        // boundary, plus days, is the ordinal of the day sought (the boundary's own working day is the first forward).
        CompiledYear compiled;
        long ordinal;
        if (days > 0)
        {
            if (day + 1 == (startYear?.DayCount ?? CalendarSystem.Iso.GetDaysInYear(year)))
            {
                compiled = NextYear(ref year, nameof(days));
                ordinal = days - 1L;
            }
            else
            {
                compiled = startYear ?? GetYear(year);
                ordinal = compiled.WorkingDaysBefore(day + 1) + (days - 1L);
            }
        }
        else if (days < 0 && day == 0)
        {
            compiled = PreviousYear(ref year, nameof(days));
            ordinal = compiled.WorkingDayCount + (long)days;
        }
        else
        {
            compiled = startYear ?? GetYear(year);
            ordinal = compiled.WorkingDaysBefore(day) + (long)days;
        }

        compiled = NormaliseOrdinal(ref year, ref ordinal, compiled, nameof(days));
        return (compiled, year, (int)ordinal);
    }

    /// <summary>The working time between two instants: positive when <paramref name="end"/> is after <paramref name="start"/>, negative when before.</summary>
    /// <param name="start">The start (inclusive).</param>
    /// <param name="end">The end (exclusive).</param>
    /// <returns>The working time in [start, end), or its negation when end &lt; start.</returns>
    /// <exception cref="HolidayDataUnavailableException">The range covers a year a holiday set does not know.</exception>
    /// <exception cref="ArgumentException">An instant is finer than a tick.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An instant lies outside years 1-9998.</exception>
    public Duration WorkingTimeBetween(Instant start, Instant end) =>
        Duration.FromTicks(WorkingTicksBetween(ToTicks(start, nameof(start)), ToTicks(end, nameof(end))));

    /// <summary>Measures many ranges: <c>results[i] = WorkingTimeBetween(starts[i], ends[i])</c>.</summary>
    /// <param name="starts">The starts.</param>
    /// <param name="ends">The ends; the same length as <paramref name="starts"/>.</param>
    /// <param name="results">Receives one result per range; must be at least as long as <paramref name="starts"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not match, or an instant is finer than a tick.</exception>
    /// <exception cref="HolidayDataUnavailableException">A range covers an unknown year; the results before it have been written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An instant lies outside years 1-9998.</exception>
    public void WorkingTimeBetween(ReadOnlySpan<Instant> starts, ReadOnlySpan<Instant> ends, Span<Duration> results)
    {
        if (ends.Length != starts.Length)
        {
            Preconditions.ThrowLengthMismatch(nameof(ends), ends.Length, starts.Length);
        }

        CheckResults(results.Length, starts.Length, nameof(results));
        for (int i = 0; i < starts.Length; i++)
        {
            results[i] = Duration.FromTicks(WorkingTicksBetween(
                ToTicks(starts[i], nameof(starts)), ToTicks(ends[i], nameof(ends))));
        }
    }

    internal long AddWorkingTicks(long s, long d)
    {
        // Working time never exceeds elapsed time: an amount longer than the range left cannot end in it, and is
        // refused before any year is compiled.
        if (d > endTick - s)
        {
            ThrowBeyondRange("amount", "after");
        }

        if (d < firstTick - s)
        {
            ThrowBeyondRange("amount", "before");
        }

        if (d > 0)
        {
            int year = LocalYearOf(s, "start");
            var compiled = GetYear(year);
            int k = compiled.FirstEndingAfter(s);
            long w = compiled.WorkingBefore(k, s) + d;
            while (w > compiled.Total)
            {
                w -= compiled.Total;
                compiled = NextYear(ref year, "amount");
                k = 0;
            }

            return compiled.Forward(w, k);
        }

        if (d < 0)
        {
            // Going back, the start is the end of a range: the year that holds the tick before it.
            if (s == firstTick)
            {
                ThrowBeyondRange("amount", "before");
            }

            int year = LocalYearOf(s - 1, "start");
            var compiled = GetYear(year);
            int k = compiled.FirstEndingAfter(s - 1);
            long w = compiled.WorkingBefore(k, s) + d;
            while (w < 0)
            {
                compiled = PreviousYear(ref year, "amount");
                w += compiled.Total;
                k = compiled.Count;
            }

            return compiled.Backward(w, k);
        }

        return s;
    }

    internal long WorkingTicksBetween(long a, long b)
    {
        if (a == b)
        {
            return 0;
        }

        if (a > b)
        {
            return -WorkingTicksBetween(b, a);
        }

        int year = LocalYearOf(a, "start");
        int lastYear = LocalYearOf(b - 1, "end");
        var compiled = GetYear(year);
        if (year == lastYear)
        {
            return compiled.WorkingBefore(b) - compiled.WorkingBefore(a);
        }

        long total = compiled.Total - compiled.WorkingBefore(a);
        while (++year < lastYear)
        {
            total += GetYear(year).Total;
        }

        return total + GetYear(lastYear).WorkingBefore(b);
    }

    private CompiledYear NormaliseOrdinal(ref int year, ref long ordinal, CompiledYear compiled, string paramName)
    {
        while (ordinal >= compiled.WorkingDayCount)
        {
            ordinal -= compiled.WorkingDayCount;
            compiled = NextYear(ref year, paramName);
        }

        while (ordinal < 0)
        {
            compiled = PreviousYear(ref year, paramName);
            ordinal += compiled.WorkingDayCount;
        }

        return compiled;
    }

    private CompiledYear NextYear(ref int year, string paramName)
    {
        if (year >= CalendarLimits.MaxYear)
        {
            ThrowBeyondRange(paramName, "after");
        }

        return GetYear(++year);
    }

    private CompiledYear PreviousYear(ref int year, string paramName)
    {
        if (year <= CalendarLimits.MinYear)
        {
            ThrowBeyondRange(paramName, "before");
        }

        return GetYear(--year);
    }

    /// <summary>How many years have been compiled so far: for tests, to show that a query refused up front compiled none.</summary>
    internal int CompiledYearCount
    {
        get
        {
            int count = 0;
            foreach (var chunk in chunks)
            {
                foreach (var year in chunk?.Years ?? [])
                {
                    count += year is null ? 0 : 1;
                }
            }

            return count;
        }
    }

    /// <summary>The compiled year, compiling it on first use. Throws for a year the holiday sets do not know.</summary>
    internal CompiledYear GetYear(int year)
    {
        var chunk = GetChunk(year / YearsPerChunk);
        return chunk.Years[year % YearsPerChunk] ?? CompileYear(chunk, year);
    }

    private CompiledYear CompileYear(YearChunk chunk, int year)
    {
        rules.CheckYearKnown(year);
        var compiled = CompiledYear.Compile(year, rules);
        return Interlocked.CompareExchange(ref chunk.Years[year % YearsPerChunk], compiled, null) ?? compiled;
    }

    /// <summary>
    /// Ticks since the Unix epoch of an instant that must lie in the supported years and be a whole number of ticks.
    /// The range is checked first: <see cref="Instant.MaxValue"/> is out of range, not merely finer than a tick.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long ToTicks(Instant instant, string paramName)
    {
        long t = instant.ToUnixTimeTicks();
        if (t < firstTick || t >= endTick || Instant.FromUnixTimeTicks(t) != instant)
        {
            ThrowInvalidInstant(instant, t, paramName);
        }

        return t;
    }

    [DoesNotReturn]
    private void ThrowInvalidInstant(Instant instant, long floorTicks, string paramName)
    {
        // The range ends are whole ticks, so the instant is out of range exactly when its floor is.
        if (floorTicks < firstTick || floorTicks >= endTick)
        {
            ThrowInstantOutOfRange(paramName, instant);
        }

        Ticks.ThrowSubTick(paramName, instant.ToString());
    }

    /// <summary>The working intervals that overlap [<paramref name="from"/>, <paramref name="to"/>), clipped to it, in order: for explanations, not the fast path.</summary>
    internal List<TickSpan> WorkingSpans(long from, long to)
    {
        var spans = new List<TickSpan>();
        if (to <= from)
        {
            return spans;
        }

        int year = LocalYearOf(from, "from");
        var compiled = GetYear(year);
        int k = compiled.FirstEndingAfter(from);
        while (true)
        {
            for (; k < compiled.Count; k++)
            {
                long start = compiled.IntervalStart(k);
                if (start >= to)
                {
                    return spans;
                }

                spans.Add(new TickSpan(Math.Max(start, from), Math.Min(compiled.IntervalEnd(k), to)));
            }

            if (compiled.End >= to || year >= CalendarLimits.MaxYear)
            {
                return spans;
            }

            compiled = GetYear(++year);
            k = 0;
        }
    }

    /// <summary>The local year that contains <paramref name="t"/>.</summary>
    internal int LocalYearOf(long t, string paramName)
    {
        // An estimate from the UTC day number, then at most a step or two against the zone's year starts.
        long days = Math.DivRem(t, Ticks.PerDay, out long rem);
        if (rem < 0)
        {
            days--;
        }

        long estimate = 1970 + (days * 10_000 / 3_652_425);
        int year = (int)Math.Clamp(estimate, CalendarLimits.MinYear, CalendarLimits.MaxYear);
        while (t < YearStart(year))
        {
            if (year == CalendarLimits.MinYear)
            {
                ThrowInstantOutOfRange(paramName, Instant.FromUnixTimeTicks(t));
            }

            year--;
        }

        while (t >= YearStart(year + 1))
        {
            if (year == CalendarLimits.MaxYear)
            {
                ThrowInstantOutOfRange(paramName, Instant.FromUnixTimeTicks(t));
            }

            year++;
        }

        return year;
    }

    private long YearStart(int year)
    {
        int chunkIndex = year / YearsPerChunk;
        return chunkIndex < chunks.Length ? GetChunk(chunkIndex).Starts[year % YearsPerChunk] : long.MaxValue;
    }

    private YearChunk GetChunk(int index)
    {
        return chunks[index] ?? CreateChunk(index);

        YearChunk CreateChunk(int index)
        {
            var created = new YearChunk(index * YearsPerChunk, rules.Zone);
            return Interlocked.CompareExchange(ref chunks[index], created, null) ?? created;
        }
    }

    private static void CheckDate(LocalDate date, string paramName)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            Preconditions.ThrowArgument(paramName, $"{paramName} {date} is not in the ISO calendar; business calendars work with ISO dates.");
        }

        if (date.Year < CalendarLimits.MinYear || date.Year > CalendarLimits.MaxYear)
        {
            Preconditions.ThrowArgument(paramName, $"{paramName} {date:uuuu-MM-dd} lies outside the years business calendars support ({CalendarLimits.MinYear}-{CalendarLimits.MaxYear}).");
        }
    }

    private static void CheckResults(int actual, int needed, string paramName)
    {
        if (actual < needed)
        {
            Preconditions.ThrowArgument(paramName, $"{paramName} has length {actual}; it must hold at least {needed} results, one per input.");
        }
    }

    [DoesNotReturn]
    private static void ThrowInstantOutOfRange(string paramName, Instant instant) =>
        Preconditions.ThrowArgumentOutOfRange(paramName, instant, $"an instant in local years {CalendarLimits.MinYear}-{CalendarLimits.MaxYear}");

    [DoesNotReturn]
    private static void ThrowBeyondRange(string paramName, string direction) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            $"The result would fall {direction} the years business calendars support ({CalendarLimits.MinYear}-{CalendarLimits.MaxYear}).");

    private static ReadOnlyCollection<WorkingInterval> ToIntervals(long[] hours)
    {
        var result = new WorkingInterval[hours.Length / 2];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = WorkingInterval.FromTicks(hours[2 * i], hours[(2 * i) + 1]);
        }

        return Array.AsReadOnly(result);
    }

    /// <summary>A century of years: where each local year starts, and the years compiled so far.</summary>
    private sealed class YearChunk
    {
        internal readonly long[] Starts = new long[YearsPerChunk + 1];
        internal readonly CompiledYear?[] Years = new CompiledYear?[YearsPerChunk];

        internal YearChunk(int firstYear, DateTimeZone zone)
        {
            for (int i = 0; i <= YearsPerChunk; i++)
            {
                int year = firstYear + i;
                Starts[i] = year > CalendarLimits.MaxYear + 1
                    ? long.MaxValue
                    : CompiledYear.StartOfDay(zone, new LocalDate(year, 1, 1), out _);
            }
        }
    }
}
