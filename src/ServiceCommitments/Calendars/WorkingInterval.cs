using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>
/// A span of working hours within one day, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive),
/// in the calendar's local time.
/// </summary>
/// <remarks>
/// <para>An interval may end at 24:00, the end of its day: <see cref="EndsAtMidnight"/> is then true and
/// <see cref="End"/> is <see cref="LocalTime.Midnight"/>. An interval never crosses midnight: an overnight shift
/// such as 22:00-06:00 is written as 22:00-24:00 on one day and 00:00-06:00 on the next, so that a holiday closes
/// exactly the hours that belong to its own date.</para>
/// <para>The default value is the empty interval 00:00-00:00, which is not valid working time; calendars reject it.</para>
/// <para>This type is an immutable value type and is thread-safe.</para>
/// </remarks>
[Immutable]
public readonly record struct WorkingInterval
{
    private readonly long startTick;
    private readonly long endTick;

    /// <summary>Creates an interval from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <param name="start">The first working instant of the interval, in local time.</param>
    /// <param name="end">The end of the interval (exclusive); <see cref="LocalTime.Midnight"/> means 24:00, the end of the day.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>
    /// (an overnight interval), or either time is finer than a tick.</exception>
    public WorkingInterval(LocalTime start, LocalTime end)
        : this(start.TickOfDay, end == LocalTime.Midnight ? Ticks.PerDay : end.TickOfDay, nameof(end))
    {
        if (start.NanosecondOfDay % 100 != 0 || end.NanosecondOfDay % 100 != 0)
        {
            Preconditions.ThrowArgument(nameof(start), $"The interval {this} has a time finer than a tick (100 ns).");
        }
    }

    private WorkingInterval(long startTick, long endTick, string paramName)
    {
        if (endTick <= startTick)
        {
            Preconditions.ThrowArgument(paramName, $"The interval {FormatTick(startTick)}-{FormatTick(endTick)} {OrderRule(startTick, endTick)}.");
        }

        this.startTick = startTick;
        this.endTick = endTick;
    }

    /// <summary>What is wrong with an interval whose end is not after its start, as the end of a sentence.</summary>
    private static string OrderRule(long startTick, long endTick) =>
        endTick < startTick
            ? $"ends before it starts. Overnight hours are not supported: write {FormatTick(startTick)}-{FormatTick(endTick)} as {FormatTick(startTick)}-24:00 on one day and 00:00-{FormatTick(endTick)} on the next"
            : "is empty; its end must be after its start";

    /// <summary>A whole day, 00:00-24:00.</summary>
    public static WorkingInterval AllDay { get; } = new(0, Ticks.PerDay, "end");

    /// <summary>The first working instant of the interval, in local time.</summary>
    public LocalTime Start => LocalTime.FromTicksSinceMidnight(startTick);

    /// <summary>The end of the interval (exclusive); <see cref="LocalTime.Midnight"/> when the interval ends at 24:00.</summary>
    public LocalTime End => endTick == Ticks.PerDay ? LocalTime.Midnight : LocalTime.FromTicksSinceMidnight(endTick);

    /// <summary>Whether the interval ends at 24:00, the end of its day.</summary>
    public bool EndsAtMidnight => endTick == Ticks.PerDay;

    /// <summary>The length of the interval in local time (ignoring any daylight-saving transition on a particular date).</summary>
    public Duration Length => Duration.FromTicks(endTick - startTick);

    internal static WorkingInterval FromTicks(long startTick, long endTick) => new(startTick, endTick, nameof(endTick));

    internal long StartTick => startTick;

    internal long EndTick => endTick;

    /// <summary>Creates an interval from hours and minutes: <c>WorkingInterval.FromHours(9, 0, 12, 0)</c>.</summary>
    /// <param name="startHour">Hour of the start, 0-23.</param>
    /// <param name="startMinute">Minute of the start, 0-59.</param>
    /// <param name="endHour">Hour of the end, 0-24 (24 only with minute 0).</param>
    /// <param name="endMinute">Minute of the end, 0-59.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A component is out of range.</exception>
    /// <exception cref="ArgumentException">The end is not after the start.</exception>
    public static WorkingInterval FromHours(int startHour, int startMinute, int endHour, int endMinute)
    {
        return new WorkingInterval(
            TickOf(startHour, startMinute, allow24: false, nameof(startHour)),
            TickOf(endHour, endMinute, allow24: true, nameof(endHour)),
            nameof(endHour));
    }

    /// <summary>
    /// Parses <c>"HH:mm-HH:mm"</c> (seconds optional: <c>"HH:mm:ss-HH:mm:ss"</c>; a one-digit hour such as <c>"9:00"</c>
    /// and spaces around the times are accepted); the end may be <c>24:00</c>.
    /// </summary>
    /// <param name="text">The text to parse, for example <c>"09:00-12:00"</c>.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not of the form <c>HH:mm-HH:mm</c>.</exception>
    /// <exception cref="ArgumentException">The end is not after the start (an overnight or empty interval).</exception>
    public static WorkingInterval Parse(string text)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        if (TryParse(text, out var interval, out string? rule))
        {
            return interval;
        }

        if (rule is null)
        {
            throw new FormatException($"The working interval \"{text}\" is not of the form HH:mm-HH:mm (for example 09:00-12:00; the end may be 24:00).");
        }

        throw new ArgumentException("The interval " + rule + ".", nameof(text));
    }

    /// <summary>
    /// Parses like <see cref="Parse"/> without throwing. On failure <paramref name="rule"/> is null when the text is not
    /// of the form <c>HH:mm-HH:mm</c>, or names the times and says why they do not make an interval
    /// (<c>22:00-06:00 ends before it starts. ...</c>).
    /// </summary>
    internal static bool TryParse(string text, out WorkingInterval interval, out string? rule)
    {
        interval = default;
        rule = null;
        int dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || !TryParseTime(text.AsSpan(0, dash), allow24: false, out long start) ||
            !TryParseTime(text.AsSpan(dash + 1), allow24: true, out long end))
        {
            return false;
        }

        if (end <= start)
        {
            rule = $"{FormatTick(start)}-{FormatTick(end)} {OrderRule(start, end)}";
            return false;
        }

        interval = new WorkingInterval(start, end, nameof(text));
        return true;
    }

    /// <summary>Formats the interval as <c>HH:mm-HH:mm</c> (with seconds or fractions only where present).</summary>
    /// <returns>The interval as text, for example <c>09:00-12:00</c> or <c>22:00-24:00</c>.</returns>
    public override string ToString() => FormatTick(startTick) + "-" + FormatTick(endTick);

    private static long TickOf(int hour, int minute, bool allow24, string paramName)
    {
        if (hour < 0 || hour > (allow24 ? 24 : 23) || minute < 0 || minute > 59 || (hour == 24 && minute != 0))
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, $"{hour:D2}:{minute:D2}", allow24 ? "a time from 00:00 to 24:00" : "a time from 00:00 to 23:59");
        }

        return (hour * 60L + minute) * NodaConstants.TicksPerMinute;
    }

    private static bool TryParseTime(ReadOnlySpan<char> text, bool allow24, out long tick)
    {
        text = text.Trim();
        if (allow24 && (text.SequenceEqual("24:00") || text.SequenceEqual("24:00:00")))
        {
            tick = Ticks.PerDay;
            return true;
        }

        var pattern = text.Length > 5 ? LongPattern : ShortPattern;
        var result = pattern.Parse(text.ToString());
        tick = result.Success ? result.Value.TickOfDay : 0;
        return result.Success;
    }

    private static readonly LocalTimePattern ShortPattern = LocalTimePattern.CreateWithInvariantCulture("H:mm");
    private static readonly LocalTimePattern LongPattern = LocalTimePattern.CreateWithInvariantCulture("H:mm:ss.FFFFFFF");

    internal static string FormatTick(long tick)
    {
        if (tick == Ticks.PerDay)
        {
            return "24:00";
        }

        var time = LocalTime.FromTicksSinceMidnight(tick);
        return time.TickOfSecond == 0 && time.Second == 0
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture)
            : time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
    }
}
