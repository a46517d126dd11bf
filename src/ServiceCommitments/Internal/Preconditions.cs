using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace ServiceCommitments.Internal;

/// <summary>Argument checks whose throw sites stay out of the hot path.</summary>
internal static class Preconditions
{
    internal const long TicksPerDay = NodaConstants.TicksPerDay;

    internal static T CheckNotNull<T>(T? value, string paramName)
        where T : class
    {
        if (value is null)
        {
            ThrowArgumentNull(paramName);
        }

        return value;
    }

    /// <summary>Ticks of a duration that must be a whole number of ticks.</summary>
    internal static long ToTicks(Duration duration, string paramName)
    {
        if (duration > MaxDuration || duration < -MaxDuration)
        {
            ThrowArgumentOutOfRange(paramName, duration.ToString(), $"an amount of at most {MaxDuration.TotalDays:F0} days either way");
        }

        long ticks = duration.BclCompatibleTicks;
        if (Duration.FromTicks(ticks) != duration)
        {
            ThrowSubTick(paramName, duration.ToString());
        }

        return ticks;
    }

    /// <summary>About 10,000 years: beyond it no instant the calendars support can be reached.</summary>
    internal static readonly Duration MaxDuration = Duration.FromDays(3_652_500);

    [DoesNotReturn]
    internal static void ThrowArgumentNull(string paramName) => throw new ArgumentNullException(paramName);

    [DoesNotReturn]
    internal static void ThrowArgument(string paramName, string message) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    internal static void ThrowArgumentOutOfRange(string paramName, object? value, string expected) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            value,
            string.Format(CultureInfo.InvariantCulture, "{0} was {1}; expected {2}.", paramName, value, expected));

    [DoesNotReturn]
    internal static void ThrowSubTick(string paramName, string value) =>
        throw new ArgumentException(
            $"{paramName} was {value}, which is not a whole number of ticks; business calendars compute to the tick (100 ns) and never round silently.",
            paramName);

    [DoesNotReturn]
    internal static void ThrowLengthMismatch(string paramName, int actual, int expected) =>
        throw new ArgumentException(
            string.Format(CultureInfo.InvariantCulture, "{0} has length {1}; expected length {2} (one result per input).", paramName, actual, expected),
            paramName);
}
