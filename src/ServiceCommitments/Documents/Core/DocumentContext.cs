using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// What a document reader needs besides the document: the holiday-set registry, the named <c>calendars</c> of the
/// document, and the problems found so far. Readers report at a node and read on, so every problem is found at once.
/// </summary>
internal sealed class DocumentContext
{
    private readonly Dictionary<string, BusinessCalendar> calendars = new(StringComparer.Ordinal);

    internal DocumentContext(string? source, HolidaySetRegistry? holidaySets)
    {
        Source = source;
        HolidaySets = holidaySets ?? HolidaySetRegistry.Default;
    }

    internal string? Source { get; }

    internal HolidaySetRegistry HolidaySets { get; }

    internal ProblemSink Problems { get; } = new();

    /// <summary>The document's named calendars (formats.md <c>calendars</c>), by name.</summary>
    internal IReadOnlyDictionary<string, BusinessCalendar> Calendars => calendars;

    internal void AddCalendar(string name, BusinessCalendar calendar) => calendars[name] = calendar;

    /// <summary>The fault levels of the policy being read, against which its rows' levels (numbers or names) resolve.</summary>
    internal Faults.FaultLevels Levels { get; set; } = Faults.FaultLevels.Standard;

    internal int ErrorCount => Problems.Count;

    /// <summary>Records a problem at <paramref name="node"/> without echoing its value (a missing or unknown name).</summary>
    internal void Error(DocNode node, string rule) => Problems.Add(FieldRef.At(node), null, rule);

    /// <summary>Records that the value at <paramref name="node"/> breaks <paramref name="rule"/>, echoing the value.</summary>
    internal void Invalid(DocNode node, string rule) => Problems.Add(FieldRef.At(node), node.Show(), rule);

    internal DocumentException ToException()
    {
        var errors = new List<DocumentError>(Problems.Problems.Count);
        foreach (var problem in Problems.Problems)
        {
            errors.Add(new DocumentError(problem.Field.Text, problem.Message) { Line = problem.Field.Line, Column = problem.Field.Column });
        }

        return new DocumentException(Source, errors.AsReadOnly(), Problems.Count);
    }

    internal void ThrowIfProblems()
    {
        if (Problems.HasProblems)
        {
            throw ToException();
        }
    }

    /// <summary>An object reader over <paramref name="node"/>, or null (with the problem recorded) when it is not an object.</summary>
    internal ObjectReader? Object(DocNode node, string what) =>
        Expect(node, JsonValueKind.Object, what) ? new ObjectReader(node, this) : null;

    /// <summary>The items of an array, or none (with the problem recorded) when <paramref name="node"/> is not an array.</summary>
    internal IReadOnlyList<DocNode> Array(DocNode node, string what) =>
        Expect(node, JsonValueKind.Array, what) ? node.Items! : [];

    internal bool Expect(DocNode node, JsonValueKind kind, string what)
    {
        if (node.Kind == kind)
        {
            return true;
        }

        Invalid(node, "expected " + what);
        return false;
    }

    internal bool TryString(DocNode node, string what, out string value)
    {
        value = node.Kind == JsonValueKind.String ? node.Text! : "";
        return Expect(node, JsonValueKind.String, what + " as a JSON string");
    }

    internal bool TryInt(DocNode node, string what, out int value)
    {
        value = 0;
        if (node.Kind == JsonValueKind.Number && int.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        Invalid(node, $"expected {what} as a whole number");
        return false;
    }

    internal bool TryDecimal(DocNode node, string what, out decimal value)
    {
        value = 0;
        if (node.Kind == JsonValueKind.Number &&
            decimal.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        Invalid(node, $"expected {what} as a number");
        return false;
    }

    internal bool TryBool(DocNode node, out bool value)
    {
        value = node.Kind == JsonValueKind.True;
        if (node.Kind is JsonValueKind.True or JsonValueKind.False)
        {
            return true;
        }

        Invalid(node, "expected true or false");
        return false;
    }

    internal bool TryInstant(DocNode node, out Instant value)
    {
        value = default;
        if (!TryString(node, $"an ISO 8601 instant with offset ({IsoText.InstantExample})", out string text))
        {
            return false;
        }

        if (IsoText.TryParseInstant(text, out value))
        {
            return true;
        }

        Invalid(node, $"expected an ISO 8601 instant with offset, for example {IsoText.InstantExample} or 2024-02-09T08:00:00Z");
        return false;
    }

    internal bool TryDate(DocNode node, out LocalDate value)
    {
        value = default;
        if (!TryString(node, "a date (YYYY-MM-DD)", out string text))
        {
            return false;
        }

        if (IsoText.TryParseDate(text, out value))
        {
            return true;
        }

        Invalid(node, "expected a valid date YYYY-MM-DD, for example 2024-10-01");
        return false;
    }

    internal bool TryDuration(DocNode node, out Duration value)
    {
        value = default;
        if (!TryString(node, "an ISO 8601 duration (PT4H)", out string text))
        {
            return false;
        }

        if (IsoText.TryParseDuration(text, out value))
        {
            return true;
        }

        Invalid(node, "expected an ISO 8601 duration of fixed length, for example PT4H, PT30M, P1DT2H or -PT4H (no years or months)");
        return false;
    }

    internal bool TryPeriod(DocNode node, out Period value)
    {
        value = Period.Zero;
        if (!TryString(node, "an ISO 8601 period (P12M)", out string text))
        {
            return false;
        }

        if (IsoText.TryParsePeriod(text, out value))
        {
            return true;
        }

        Invalid(node, "expected an ISO 8601 period of years, months, weeks or days, for example P12M, P3Y, P7D or P1Y6M");
        return false;
    }

    /// <summary>The tzdb zone <paramref name="id"/>, or null; an id NodaTime cannot even parse (<c>UTC+21474836488</c>, an offset out of range) is no zone either.</summary>
    internal static DateTimeZone? FindZone(string id)
    {
        try
        {
            return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    internal bool TryZone(DocNode node, out DateTimeZone zone)
    {
        zone = DateTimeZone.Utc;
        if (!TryString(node, "a time zone id", out string id))
        {
            return false;
        }

        if (FindZone(id) is not { } found)
        {
            Invalid(node, "expected an IANA (tzdb) time zone id such as Asia/Shanghai");
            return false;
        }

        zone = found;
        return true;
    }
}
