using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace ServiceCommitments.Documents;

/// <summary>Reads and writes the scalar values of documents (instants, dates, durations), collecting errors with their paths.</summary>
internal sealed class DocumentValues
{
    private static readonly OffsetDateTimePattern InstantPattern = OffsetDateTimePattern.ExtendedIso;
    private static readonly OffsetDateTimePattern InstantPatternNoSeconds =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>");

    private static readonly BigInteger NanosPerHour = new(NodaConstants.NanosecondsPerHour);
    private static readonly BigInteger NanosPerMinute = new(NodaConstants.NanosecondsPerMinute);

    internal List<DocumentError> Errors { get; } = [];

    internal void Error(string path, string message) => Errors.Add(new DocumentError(path, message));

    internal static string Child(string path, string property) =>
        IsPlainName(property) ? $"{path}.{property}" : $"{path}['{property.Replace("'", "\\'", StringComparison.Ordinal)}']";

    internal static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    internal static string Show(JsonElement element)
    {
        string raw = element.GetRawText();
        return raw.Length > 60 ? raw[..57] + "..." : raw;
    }

    internal bool TryString(JsonElement element, string path, string what, out string value)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString()!;
            return true;
        }

        Error(path, $"expected {what} as a JSON string, found {Show(element)}");
        value = "";
        return false;
    }

    internal bool TryInstant(JsonElement element, string path, out Instant value)
    {
        value = default;
        if (!TryString(element, path, "an ISO 8601 instant with offset (2024-02-09T16:00:00+08:00)", out string text))
        {
            return false;
        }

        var result = InstantPattern.Parse(text);
        if (!result.Success)
        {
            result = InstantPatternNoSeconds.Parse(text);
        }

        if (!result.Success)
        {
            Error(path, $"\"{text}\" is not an ISO 8601 instant with offset; expected for example 2024-02-09T16:00:00+08:00 or 2024-02-09T08:00:00Z");
            return false;
        }

        value = result.Value.ToInstant();
        return true;
    }

    internal bool TryDate(JsonElement element, string path, out LocalDate value)
    {
        value = default;
        if (!TryString(element, path, "a date (YYYY-MM-DD)", out string text))
        {
            return false;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        if (!result.Success)
        {
            Error(path, $"\"{text}\" is not a valid date; expected YYYY-MM-DD, for example 2024-10-01");
            return false;
        }

        value = result.Value;
        return true;
    }

    internal bool TryDuration(JsonElement element, string path, out Duration value)
    {
        value = default;
        if (!TryString(element, path, "an ISO 8601 duration (PT4H)", out string text))
        {
            return false;
        }

        if (!TryParseDuration(text, out value))
        {
            Error(path, $"\"{text}\" is not an ISO 8601 duration of fixed length; expected for example PT4H, PT30M, P1DT2H or -PT4H (no years or months)");
            return false;
        }

        return true;
    }

    internal bool TryInt(JsonElement element, string path, string what, out int value)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value))
        {
            return true;
        }

        Error(path, $"expected {what} as a whole number, found {Show(element)}");
        value = 0;
        return false;
    }

    internal bool TryBool(JsonElement element, string path, out bool value)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = element.GetBoolean();
            return true;
        }

        Error(path, $"expected true or false, found {Show(element)}");
        value = false;
        return false;
    }

    internal bool CheckKind(JsonElement element, JsonValueKind kind, string path, string what)
    {
        if (element.ValueKind == kind)
        {
            return true;
        }

        Error(path, $"expected {what}, found {Show(element)}");
        return false;
    }

    /// <summary>Parses ISO 8601 durations such as <c>PT4H</c>, <c>P1DT30M</c> or <c>-PT4H</c>; a day is 24 hours.</summary>
    internal static bool TryParseDuration(string text, out Duration value)
    {
        value = default;
        bool negative = text.StartsWith('-');
        var result = PeriodPattern.NormalizingIso.Parse(negative ? text[1..] : text);
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

    internal static string FormatInstant(Instant instant, DateTimeZone zone) =>
        InstantPattern.Format(instant.InZone(zone).ToOffsetDateTime());

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
