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
/// <para><b>Validation.</b> The methods only reject null arguments and days that are not Monday to Sunday. Every other
/// rule is checked once, by <see cref="Build"/>, which throws one <see cref="ValidationException"/> listing every
/// problem: an empty interval, intervals out of order or overlapping, more than 96 intervals on one day, a date
/// outside years 1-9998 or not in the ISO calendar, a date given two overrides, a holiday set added twice, adjusted
/// working-day hours with no interval, and a week with no working time at all.</para>
/// <para>A builder is mutable and not thread-safe; <see cref="Build"/> takes a snapshot, so a builder can be changed
/// and built again.</para>
/// </remarks>
[Mutable]
public sealed class BusinessCalendarBuilder
{
    private readonly Hours?[] weekly = new Hours?[7];
    private readonly List<(HolidaySet Set, FieldRef Field)> holidaySets = [];
    private readonly List<CalendarOverride> overrides = [];
    private DateTimeZone zone;
    private ZoneLocalMappingResolver resolver = Resolvers.LenientResolver;
    private Hours? adjustedWorkingDayHours;
    private UnknownYears unknownYears;

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
            var day = (IsoDayOfWeek)(i + 1);
            weekly[i] = new Hours(ToIntervals(rules.Weekly(day)), FieldRef.Named("weekly hours of " + day));
        }

        foreach (var set in rules.HolidaySets)
        {
            holidaySets.Add((set, HolidaySetField(set)));
        }

        if (calendar.Overrides.ExplicitAdjustedHours is { } adjusted)
        {
            adjustedWorkingDayHours = new Hours(adjusted, AdjustedField);
        }

        foreach (var (date, (kind, hours)) in calendar.Overrides.Entries)
        {
            overrides.Add(new CalendarOverride(date, kind, hours, OverrideField(kind, date)));
        }

        unknownYears = rules.UnknownYears;
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

    private static FieldRef AdjustedField => FieldRef.Named("adjusted working day hours");

    /// <summary>Sets the weekly working hours of one day of the week, replacing any hours it had.</summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="hours">The intervals, in order and not overlapping (checked by <see cref="Build"/>); none makes the day a rest day.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not Monday to Sunday.</exception>
    public BusinessCalendarBuilder SetWeeklyHours(IsoDayOfWeek day, params WorkingInterval[] hours)
    {
        CheckDay(day, nameof(day));
        Preconditions.CheckNotNull(hours, nameof(hours));
        return SetWeeklyHours(day, day, hours, FieldRef.Named("weekly hours of " + day));
    }

    /// <summary>Sets the same weekly hours on a range of days, <paramref name="first"/> to <paramref name="last"/> inclusive (wrapping past Sunday).</summary>
    /// <param name="first">The first day of the range.</param>
    /// <param name="last">The last day of the range; Saturday to Monday covers Saturday, Sunday and Monday.</param>
    /// <param name="hours">The intervals, in order and not overlapping (checked by <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A day is not Monday to Sunday.</exception>
    public BusinessCalendarBuilder SetWeeklyHours(IsoDayOfWeek first, IsoDayOfWeek last, params WorkingInterval[] hours)
    {
        CheckDay(first, nameof(first));
        CheckDay(last, nameof(last));
        Preconditions.CheckNotNull(hours, nameof(hours));
        return SetWeeklyHours(first, last, hours, FieldRef.Named(first == last ? $"weekly hours of {first}" : $"weekly hours of {first}-{last}"));
    }

    /// <summary>Sets the hours of <paramref name="first"/>..<paramref name="last"/> (wrapping), remembering where they came from.</summary>
    internal BusinessCalendarBuilder SetWeeklyHours(IsoDayOfWeek first, IsoDayOfWeek last, WorkingInterval[] hours, FieldRef field) =>
        SetWeeklyHours([(first, last)], hours, field);

    /// <summary>Sets the same hours, given once at <paramref name="field"/>, on several ranges of days (<c>"Saturday,Sunday"</c>); they are checked once.</summary>
    internal BusinessCalendarBuilder SetWeeklyHours(IEnumerable<(IsoDayOfWeek First, IsoDayOfWeek Last)> ranges, WorkingInterval[] hours, FieldRef field)
    {
        var entry = new Hours((WorkingInterval[])hours.Clone(), field);
        foreach (var (first, last) in ranges)
        {
            for (int day = (int)first; ; day = (day % 7) + 1)
            {
                weekly[day - 1] = entry;
                if (day == (int)last)
                {
                    break;
                }
            }
        }

        return this;
    }

    /// <summary>Adds a holiday set, applied after those already added (a later set wins on a date both name).</summary>
    /// <param name="holidaySet">The set; shared by reference, never copied. Adding a set with an id already added is reported by <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidaySet"/> is null.</exception>
    public BusinessCalendarBuilder AddHolidaySet(HolidaySet holidaySet)
    {
        Preconditions.CheckNotNull(holidaySet, nameof(holidaySet));
        return AddHolidaySet(holidaySet, HolidaySetField(holidaySet));
    }

    internal BusinessCalendarBuilder AddHolidaySet(HolidaySet holidaySet, FieldRef field)
    {
        holidaySets.Add((holidaySet, field));
        return this;
    }

    /// <summary>Sets the hours of adjusted working days and of the calendar's own working days (see the remarks for the default).</summary>
    /// <param name="hours">The intervals, in order and not overlapping; at least one (checked by <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    public BusinessCalendarBuilder SetAdjustedWorkingDayHours(params WorkingInterval[] hours)
    {
        Preconditions.CheckNotNull(hours, nameof(hours));
        return SetAdjustedHours(hours, AdjustedField);
    }

    internal BusinessCalendarBuilder SetAdjustedHours(WorkingInterval[] hours, FieldRef field)
    {
        adjustedWorkingDayHours = new Hours((WorkingInterval[])hours.Clone(), field);
        return this;
    }

    /// <summary>Closes <paramref name="date"/>: the calendar's own non-working day (a customer closure), on top of the holiday sets.</summary>
    /// <param name="date">The date to close: an ISO date in years 1-9998 without another override (checked by <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder AddClosure(LocalDate date) =>
        AddOverride(date, CalendarOverrideKind.Closure, null, OverrideField(CalendarOverrideKind.Closure, date));

    /// <summary>Opens <paramref name="date"/> as an extra working day with the adjusted-working-day hours.</summary>
    /// <param name="date">The date to open: an ISO date in years 1-9998 without another override (checked by <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder AddWorkingDay(LocalDate date) =>
        AddOverride(date, CalendarOverrideKind.WorkingDay, null, OverrideField(CalendarOverrideKind.WorkingDay, date));

    /// <summary>Gives <paramref name="date"/> exactly <paramref name="hours"/> (a half day), whatever the other rules say.</summary>
    /// <param name="date">The date: an ISO date in years 1-9998 without another override (checked by <see cref="Build"/>).</param>
    /// <param name="hours">The intervals, in order and not overlapping; none closes the date.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    public BusinessCalendarBuilder SetSpecialHours(LocalDate date, params WorkingInterval[] hours)
    {
        Preconditions.CheckNotNull(hours, nameof(hours));
        return AddOverride(date, CalendarOverrideKind.SpecialHours, hours, OverrideField(CalendarOverrideKind.SpecialHours, date));
    }

    internal BusinessCalendarBuilder AddOverride(LocalDate date, CalendarOverrideKind kind, WorkingInterval[]? hours, FieldRef field)
    {
        overrides.Add(new CalendarOverride(date, kind, (WorkingInterval[]?)hours?.Clone(), field));
        return this;
    }

    /// <summary>
    /// Opts in to treating years the holiday sets do not know as ordinary weeks. Without it such a year throws
    /// <see cref="HolidayDataUnavailableException"/>, because counting an unannounced year as ordinary would silently
    /// give wrong deadlines.
    /// </summary>
    /// <param name="value">True to opt in; false to restore the default.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder TreatUnknownYearsAsOrdinary(bool value = true) => SetUnknownYears(value ? UnknownYears.Ordinary : UnknownYears.Error);

    /// <summary>
    /// Sets what the calendar does with a year a holiday set does not know: refuse it (<see cref="UnknownYears.Error"/>,
    /// the default), count it as ordinary weeks (<see cref="UnknownYears.Ordinary"/>), or fill it with the statutory
    /// holidays alone and mark it provisional (<see cref="UnknownYears.Provisional"/>).
    /// </summary>
    /// <param name="mode">The mode.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not an <see cref="UnknownYears"/> value.</exception>
    public BusinessCalendarBuilder SetUnknownYears(UnknownYears mode)
    {
        if (mode is not (UnknownYears.Error or UnknownYears.Ordinary or UnknownYears.Provisional))
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(mode), mode, "UnknownYears.Error, UnknownYears.Ordinary or UnknownYears.Provisional");
        }

        unknownYears = mode;
        return this;
    }

    /// <summary>Builds the calendar from the current state of the builder, checking every rule once.</summary>
    /// <returns>An immutable, thread-safe calendar.</returns>
    /// <exception cref="ValidationException">The settings break rules of the calendar; every problem is listed.</exception>
    public BusinessCalendar Build()
    {
        var problems = new ProblemSink();
        return TryBuild(problems) ?? throw new ValidationException("business calendar", problems);
    }

    /// <summary>Checks every rule, recording problems in <paramref name="problems"/>; builds the calendar when there are none.</summary>
    internal BusinessCalendar? TryBuild(ProblemSink problems)
    {
        var week = new long[7][];
        bool any = false;
        var checkedHours = new HashSet<WorkingInterval[]>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < 7; i++)
        {
            if (weekly[i] is not { } hours)
            {
                week[i] = [];
                continue;
            }

            // Hours set on several days at once are checked once.
            if (checkedHours.Add(hours.Intervals))
            {
                CalendarValidation.CheckHours(hours.Intervals, hours.Field, problems);
            }

            week[i] = ToTicks(hours.Intervals);
            any |= week[i].Length > 0;
        }

        if (!any && CheckWorkingWeek)
        {
            problems.Add(WeekField ?? FieldRef.Named("weekly hours"), null, "the week has no working time at all; a calendar needs at least one working interval in its week");
        }

        for (int i = 0; i < holidaySets.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (holidaySets[j].Set.Id == holidaySets[i].Set.Id)
                {
                    problems.Add(holidaySets[i].Field, holidaySets[i].Set.Id, "a holiday set with this id was already added; add each set once");
                    break;
                }
            }
        }

        if (adjustedWorkingDayHours is { } adjusted)
        {
            if (adjusted.Intervals.Length == 0)
            {
                problems.Add(adjusted.Field, "no interval", "adjusted working days need at least one working interval; to close a date, add a closure (AddClosure, \"closures\")");
            }

            CalendarValidation.CheckHours(adjusted.Intervals, adjusted.Field, problems);
        }

        CalendarValidation.CheckOverrides(overrides, problems);
        if (problems.HasProblems)
        {
            return null;
        }

        long[] adjustedTicks = adjustedWorkingDayHours is { } explicitHours ? ToTicks(explicitHours.Intervals) : DefaultAdjustedHours(week);
        var snapshot = new CalendarOverrides(overrides.ToArray(), adjustedWorkingDayHours?.Intervals);
        var sets = holidaySets.ConvertAll(s => s.Set).ToArray();
        var rules = new CalendarRules(zone, resolver, week, adjustedTicks, sets, snapshot.ToHours(adjustedTicks), unknownYears);
        return new BusinessCalendar(rules, snapshot);
    }

    /// <summary>Whether to check that the week has working time; a document reader turns it off when its week could not be read.</summary>
    internal bool CheckWorkingWeek { get; set; } = true;

    /// <summary>Where the week as a whole came from, for the "no working time" problem; a document sets its <c>weekly</c>.</summary>
    internal FieldRef? WeekField { get; set; }

    /// <summary>
    /// Takes where a document gave the calendar's properties: the week as a whole (<c>weekly</c>) and the adjusted
    /// working-day hours (<c>adjustedWorkingDayHours</c>) are reported there.
    /// </summary>
    internal BusinessCalendarBuilder WithFields(FieldMap fields)
    {
        WeekField = fields.Get("weekly");
        if (adjustedWorkingDayHours is { } adjusted)
        {
            adjustedWorkingDayHours = adjusted with { Field = fields.Get("adjustedWorkingDayHours") };
        }

        return this;
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

    private static FieldRef HolidaySetField(HolidaySet set) => FieldRef.Named($"holiday set '{set.Id}'");

    private static FieldRef OverrideField(CalendarOverrideKind kind, LocalDate date)
    {
        string text = date.Calendar == CalendarSystem.Iso ? date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : date.ToString();
        return FieldRef.Named(kind switch
        {
            CalendarOverrideKind.Closure => "closure " + text,
            CalendarOverrideKind.WorkingDay => "working day " + text,
            _ => "special hours of " + text,
        });
    }

    /// <summary>Flattens valid intervals to tick-of-day pairs <c>[start0, end0, start1, end1, ...]</c>.</summary>
    internal static long[] ToTicks(WorkingInterval[] hours)
    {
        var ticks = new long[hours.Length * 2];
        for (int i = 0; i < hours.Length; i++)
        {
            ticks[2 * i] = hours[i].StartTick;
            ticks[(2 * i) + 1] = hours[i].EndTick;
        }

        return ticks;
    }

    private static WorkingInterval[] ToIntervals(long[] ticks)
    {
        var result = new WorkingInterval[ticks.Length / 2];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = WorkingInterval.FromTicks(ticks[2 * i], ticks[(2 * i) + 1]);
        }

        return result;
    }

    /// <summary>One list of intervals as given, with the field it came from.</summary>
    private sealed record Hours(WorkingInterval[] Intervals, FieldRef Field);
}
