using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace ServiceCommitments.Documents;

/// <summary>The text forms of documents: ISO 8601 instants with offset, dates, durations and periods, read and written.</summary>
internal static class IsoText
{
    private static readonly OffsetDateTimePattern InstantPattern = OffsetDateTimePattern.ExtendedIso;
    private static readonly OffsetDateTimePattern InstantPatternNoSeconds =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>");

    private static readonly BigInteger NanosPerHour = new(NodaConstants.NanosecondsPerHour);
    private static readonly BigInteger NanosPerMinute = new(NodaConstants.NanosecondsPerMinute);

    internal const string InstantExample = "2024-02-09T16:00:00+08:00";

    internal static bool TryParseInstant(string text, out Instant value)
    {
        var result = Parse(InstantPattern, text);
        if (!result.Success)
        {
            result = Parse(InstantPatternNoSeconds, text);
        }

        value = result.Success ? result.Value.ToInstant() : default;
        return result.Success;
    }

    /// <summary>
    /// Parses with a NodaTime pattern, treating an exception from inside the pattern as a failed parse: NodaTime 3.3
    /// throws <see cref="ArgumentOutOfRangeException"/> for an offset such as <c>+208:00</c> instead of failing.
    /// </summary>
    private static ParseResult<T> Parse<T>(IPattern<T> pattern, string text)
    {
        try
        {
            return pattern.Parse(text);
        }
        catch (ArgumentOutOfRangeException e)
        {
            return ParseResult<T>.ForException(() => e);
        }
    }

    internal static bool TryParseDate(string text, out LocalDate value)
    {
        var result = Parse(LocalDatePattern.Iso, text);
        value = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary>Parses ISO 8601 durations such as <c>PT4H</c>, <c>P1DT30M</c> or <c>-PT4H</c>; a day is 24 hours; no years or months.</summary>
    internal static bool TryParseDuration(string text, out Duration value)
    {
        value = default;
        bool negative = text.StartsWith('-');
        var result = Parse(PeriodPattern.NormalizingIso, negative ? text[1..] : text);
        if (!result.Success || result.Value.Years != 0 || result.Value.Months != 0)
        {
            return false;
        }

        try
        {
            value = result.Value.ToDuration();
        }
        catch (OverflowException)
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>Parses an ISO 8601 period of years, months, weeks and days (<c>P12M</c>, <c>P3Y</c>, <c>P15D</c>): no time part, nothing negative.</summary>
    internal static bool TryParsePeriod(string text, out Period value)
    {
        var result = Parse(PeriodPattern.Roundtrip, text);
        if (!result.Success)
        {
            result = Parse(PeriodPattern.NormalizingIso, text);
        }

        value = result.Success ? result.Value : Period.Zero;
        return result.Success && !value.HasTimeComponent && !HasNegativePart(value);
    }

    private static bool HasNegativePart(Period p) =>
        p.Years < 0 || p.Months < 0 || p.Weeks < 0 || p.Days < 0 || p.Hours < 0 || p.Minutes < 0 || p.Seconds < 0 ||
        p.Milliseconds < 0 || p.Ticks < 0 || p.Nanoseconds < 0;

    /// <summary>Formats an instant with the offset of <paramref name="zone"/>; within a day of the ends of time, in UTC, where every zone would overflow.</summary>
    internal static string FormatInstant(Instant instant, DateTimeZone zone)
    {
        bool nearEnds = instant < Instant.MinValue + Duration.FromDays(1) || instant > Instant.MaxValue - Duration.FromDays(1);
        return InstantPattern.Format(instant.InZone(nearEnds ? DateTimeZone.Utc : zone).ToOffsetDateTime());
    }

    internal static string FormatDate(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    internal static string FormatPeriod(Period period) => PeriodPattern.Roundtrip.Format(period);

    /// <summary>Formats a duration in ISO 8601 hours, minutes and seconds: <c>PT16H</c>, <c>-PT1H30M</c>, <c>PT0S</c>.</summary>
    internal static string FormatDuration(Duration duration)
    {
        if (duration == Duration.Zero)
        {
            return "PT0S";
        }

        var builder = new StringBuilder(duration < Duration.Zero ? "-PT" : "PT");
        var nanos = BigInteger.Abs(duration.ToBigIntegerNanoseconds());
        var hours = BigInteger.DivRem(nanos, NanosPerHour, out var rest);
        long minutes = (long)(rest / NanosPerMinute);
        long subMinute = (long)(rest % NanosPerMinute);
        if (!hours.IsZero)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
        }

        if (minutes > 0)
        {
            builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
        }

        if (subMinute > 0)
        {
            builder.Append((subMinute / 1e9m).ToString("0.#########", CultureInfo.InvariantCulture)).Append('S');
        }

        return builder.ToString();
    }
}
