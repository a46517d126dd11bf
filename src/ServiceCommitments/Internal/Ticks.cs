using System;
using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace ServiceCommitments.Internal;

/// <summary>
/// Conversion of NodaTime values to ticks (100 ns), the unit the calendars compute in. A value with a finer part is
/// rejected rather than rounded.
/// </summary>
internal static class Ticks
{
    internal const long PerDay = NodaConstants.TicksPerDay;

    /// <summary>About 10,000 years: beyond it no instant the calendars support can be reached.</summary>
    internal static readonly Duration MaxDuration = Duration.FromDays(3_652_500);

    /// <summary>Ticks of a duration that must be at most <see cref="MaxDuration"/> either way and a whole number of ticks.</summary>
    internal static long FromDuration(Duration duration, string paramName)
    {
        if (duration > MaxDuration || duration < -MaxDuration)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, duration.ToString(), $"an amount of at most {MaxDuration.TotalDays:F0} days either way");
        }

        long ticks = duration.BclCompatibleTicks;
        if (Duration.FromTicks(ticks) != duration)
        {
            ThrowSubTick(paramName, duration.ToString());
        }

        return ticks;
    }

    /// <summary>Ticks since the Unix epoch of an instant that must be a whole number of ticks (any instant NodaTime holds fits).</summary>
    internal static long FromInstant(Instant instant, string paramName)
    {
        long ticks = instant.ToUnixTimeTicks();
        if (Instant.FromUnixTimeTicks(ticks) != instant)
        {
            ThrowSubTick(paramName, instant.ToString());
        }

        return ticks;
    }

    [DoesNotReturn]
    internal static void ThrowSubTick(string paramName, string value) =>
        throw new ArgumentException(
            $"{paramName} was {value}, which is not a whole number of ticks; business calendars compute to the tick (100 ns) and never round silently.",
            paramName);
}
