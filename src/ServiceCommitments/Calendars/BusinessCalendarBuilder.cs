using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>Builds a <see cref="BusinessCalendar"/>: weekly hours, holiday sets, and the calendar's own dated overrides.</summary>
/// <remarks>
/// <para>How a date's hours are decided, last rule wins: (1) the weekly hours of its day of the week; (2) each holiday
/// set in order: a holiday closes the date, an adjusted working day opens it with
/// <see cref="SetAdjustedWorkingDayHours"/>; (3) the calendar's own closures close it and its own working days open it
/// with the adjusted-working-day hours; (4) special hours give it exactly the hours listed.</para>
/// <para>An adjusted working day takes the calendar's normal weekday hours, not the hours of its own day of the week:
/// by default Monday's hours, or those of the first day from Tuesday to Sunday with hours when Monday has none. The
/// State Council's notices name no weekday an adjusted day stands in for, and a 调休 Sunday is a full working day.</para>
/// <para>A builder is mutable and not thread-safe; <see cref="Build"/> takes a snapshot, so a builder can be changed
/// and built again. Every method validates its input at once and throws <see cref="ArgumentException"/> naming the
/// parameter, the value and the rule.</para>
/// </remarks>
public sealed class BusinessCalendarBuilder
{
    private readonly long[]?[] weekly = new long[]?[7];
    private readonly List<HolidaySet> holidaySets = [];
    private readonly CalendarOverrides overrides = new();
    private DateTimeZone zone;
    private ZoneLocalMappingResolver resolver = Resolvers.LenientResolver;
    private long[]? adjustedWorkingDayHours;
    private bool treatUnknownYearsAsOrdinary;

    /// <summary>Creates a builder for a calendar in <paramref name="zone"/>, with no working hours yet.</summary>
    /// <param name="zone">The time zone in which working hours are local times.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public BusinessCalendarBuilder(DateTimeZone zone)
    {
        this.zone = Preconditions.CheckNotNull(zone, nameof(zone));
    }

    internal BusinessCalendarBuilder(BusinessCalendar calendar)
    {
        var rules = calendar.Rules;
        zone = rules.Zone;
        resolver = rules.Resolver;
        for (int i = 0; i < 7; i++)
        {
            weekly[i] = rules.Weekly((IsoDayOfWeek)(i + 1));
        }

        holidaySets.AddRange(rules.HolidaySets);
        adjustedWorkingDayHours = calendar.Overrides.ExplicitAdjustedHours;
        overrides = calendar.Overrides.Clone();
        treatUnknownYearsAsOrdinary = rules.TreatUnknownYearsAsOrdinary;
    }

    /// <summary>The time zone in which working hours are local times.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public DateTimeZone Zone
    {
        get => zone;
        set => zone = Preconditions.CheckNotNull(value, nameof(value));
    }

    /// <summary>
    /// How local working hours map to instants around DST transitions. Default: <see cref="Resolvers.LenientResolver"/>
    /// (a time in a gap moves forward by the length of the gap; an ambiguous time takes the earlier instant).
    /// </summary>
    /// <remarks>A resolver that throws (such as <see cref="Resolvers.StrictResolver"/>) makes every query over a year with such a time throw.</remarks>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public ZoneLocalMappingResolver Resolver
    {
        get => resolver;
        set => resolver = Preconditions.CheckNotNull(value, nameof(value));
    }

    /// <summary>Sets the weekly working hours of one day of the week, replacing any hours it had.</summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="hours">The intervals, in order and not overlapping; none makes the day a rest day.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not Monday to Sunday.</exception>
    /// <exception cref="ArgumentException">An interval is empty, out of order or overlaps another.</exception>
    public BusinessCalendarBuilder SetWeeklyHours(IsoDayOfWeek day, params WorkingInterval[] hours)
    {
        CheckDay(day, nameof(day));
        weekly[(int)day - 1] = ToTicks(hours, nameof(hours), day.ToString());
        return this;
    }

    /// <summary>Sets the same weekly hours on a range of days, <paramref name="first"/> to <paramref name="last"/> inclusive (wrapping past Sunday).</summary>
    /// <param name="first">The first day of the range.</param>
    /// <param name="last">The last day of the range; Saturday to Monday covers Saturday, Sunday and Monday.</param>
    /// <param name="hours">The intervals, in order and not overlapping.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A day is not Monday to Sunday.</exception>
    /// <exception cref="ArgumentException">An interval is empty, out of order or overlaps another.</exception>
    public BusinessCalendarBuilder SetWeeklyHours(IsoDayOfWeek first, IsoDayOfWeek last, params WorkingInterval[] hours)
    {
        CheckDay(first, nameof(first));
        CheckDay(last, nameof(last));
        long[] ticks = ToTicks(hours, nameof(hours), $"{first}-{last}");
        for (int day = (int)first; ; day = (day % 7) + 1)
        {
            weekly[day - 1] = ticks;
            if (day == (int)last)
            {
                break;
            }
        }

        return this;
    }

    /// <summary>Adds a holiday set, applied after those already added (a later set wins on a date both name).</summary>
    /// <param name="holidaySet">The set; shared by reference, never copied.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidaySet"/> is null.</exception>
    /// <exception cref="ArgumentException">A set with the same id was already added.</exception>
    public BusinessCalendarBuilder AddHolidaySet(HolidaySet holidaySet)
    {
        Preconditions.CheckNotNull(holidaySet, nameof(holidaySet));
        if (holidaySets.Exists(s => s.Id == holidaySet.Id))
        {
            Preconditions.ThrowArgument(nameof(holidaySet), $"A holiday set with id '{holidaySet.Id}' was already added.");
        }

        holidaySets.Add(holidaySet);
        return this;
    }

    internal IEnumerable<string> HolidaySetIds() => holidaySets.ConvertAll(s => s.Id);

    /// <summary>Sets the hours of adjusted working days and of the calendar's own working days (see the remarks for the default).</summary>
    /// <param name="hours">The intervals, in order and not overlapping; at least one.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    /// <exception cref="ArgumentException">No interval is given, or an interval is empty, out of order or overlaps another.</exception>
    public BusinessCalendarBuilder SetAdjustedWorkingDayHours(params WorkingInterval[] hours)
    {
        long[] ticks = ToTicks(hours, nameof(hours), "adjusted working days");
        if (ticks.Length == 0)
        {
            Preconditions.ThrowArgument(nameof(hours), "Adjusted working days need at least one working interval; to close a date use AddClosure.");
        }

        adjustedWorkingDayHours = ticks;
        return this;
    }

    /// <summary>Closes <paramref name="date"/>: the calendar's own non-working day (a customer closure), on top of the holiday sets.</summary>
    /// <param name="date">The date to close.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The date already has a closure, working day or special hours, or is not an ISO date in years 1-9998.</exception>
    public BusinessCalendarBuilder AddClosure(LocalDate date)
    {
        overrides.Add(date, CalendarOverrides.Kind.Closure, null, nameof(date));
        return this;
    }

    /// <summary>Opens <paramref name="date"/> as an extra working day with the adjusted-working-day hours.</summary>
    /// <param name="date">The date to open.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The date already has a closure, working day or special hours, or is not an ISO date in years 1-9998.</exception>
    public BusinessCalendarBuilder AddWorkingDay(LocalDate date)
    {
        overrides.Add(date, CalendarOverrides.Kind.WorkingDay, null, nameof(date));
        return this;
    }

    /// <summary>Gives <paramref name="date"/> exactly <paramref name="hours"/> (a half day), whatever the other rules say.</summary>
    /// <param name="date">The date.</param>
    /// <param name="hours">The intervals, in order and not overlapping; none closes the date.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    /// <exception cref="ArgumentException">The date already has an override or is not an ISO date in years 1-9998; an interval is empty, out of order or overlaps another.</exception>
    public BusinessCalendarBuilder SetSpecialHours(LocalDate date, params WorkingInterval[] hours)
    {
        long[] ticks = ToTicks(hours, nameof(hours), date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        overrides.Add(date, CalendarOverrides.Kind.SpecialHours, ticks, nameof(date));
        return this;
    }

    /// <summary>
    /// Opts in to treating years the holiday sets do not know as ordinary weeks. Without it such a year throws
    /// <see cref="HolidayDataUnavailableException"/>, because a year without holiday data is not an ordinary year.
    /// </summary>
    /// <param name="value">True to opt in; false to restore the default.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder TreatUnknownYearsAsOrdinary(bool value = true)
    {
        treatUnknownYearsAsOrdinary = value;
        return this;
    }

    /// <summary>Builds the calendar from the current state of the builder.</summary>
    /// <returns>An immutable, thread-safe calendar.</returns>
    /// <exception cref="InvalidOperationException">The week has no working time at all.</exception>
    public BusinessCalendar Build()
    {
        var week = new long[7][];
        bool any = false;
        for (int i = 0; i < 7; i++)
        {
            week[i] = weekly[i] ?? [];
            any |= week[i].Length > 0;
        }

        if (!any)
        {
            throw new InvalidOperationException("The weekly hours have no working time at all; a calendar needs at least one working interval in its week.");
        }

        long[] adjusted = adjustedWorkingDayHours ?? DefaultAdjustedHours(week);
        var snapshot = overrides.Clone();
        snapshot.ExplicitAdjustedHours = adjustedWorkingDayHours;
        var rules = new CalendarRules(zone, resolver, week, adjusted, holidaySets.ToArray(), snapshot.ToHours(adjusted), treatUnknownYearsAsOrdinary);
        return new BusinessCalendar(rules, snapshot);
    }

    private static long[] DefaultAdjustedHours(long[][] week)
    {
        foreach (var hours in week)
        {
            if (hours.Length > 0)
            {
                return hours;
            }
        }

        return [];
    }

    private static void CheckDay(IsoDayOfWeek day, string paramName)
    {
        if (day < IsoDayOfWeek.Monday || day > IsoDayOfWeek.Sunday)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, day, "Monday to Sunday");
        }
    }

    internal static long[] ToTicks(WorkingInterval[] hours, string paramName, string what)
    {
        Preconditions.CheckNotNull(hours, paramName);
        var ticks = new long[hours.Length * 2];
        for (int i = 0; i < hours.Length; i++)
        {
            var interval = hours[i];
            if (interval.EndTick <= interval.StartTick)
            {
                Preconditions.ThrowArgument(paramName, $"The hours of {what} contain an empty interval ({interval}) at index {i}.");
            }

            if (i > 0 && interval.StartTick < hours[i - 1].EndTick)
            {
                Preconditions.ThrowArgument(
                    paramName,
                    $"The hours of {what} overlap or are out of order: {hours[i - 1]} then {interval} at index {i}. List intervals in order, without overlap.");
            }

            ticks[2 * i] = interval.StartTick;
            ticks[(2 * i) + 1] = interval.EndTick;
        }

        return ticks;
    }
}
