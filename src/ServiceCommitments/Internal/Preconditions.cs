using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ServiceCommitments.Internal;

/// <summary>Argument checks whose throw sites stay out of the hot path.</summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>(T? value, string paramName)
        where T : class
    {
        if (value is null)
        {
            ThrowArgumentNull(paramName);
        }

        return value;
    }

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
    internal static void ThrowLengthMismatch(string paramName, int actual, int expected) =>
        throw new ArgumentException(
            string.Format(CultureInfo.InvariantCulture, "{0} has length {1}; expected length {2} (one result per input).", paramName, actual, expected),
            paramName);
}
