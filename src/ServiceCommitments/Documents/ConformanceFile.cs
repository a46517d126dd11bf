using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// A conformance file: a calendar document under <c>calendar</c> and a <c>cases</c> array of operations with the
/// answers expected from them (docs/documents.md). The library's own test suite runs these files, and so can a user,
/// to check the library against their own contract.
/// </summary>
/// <remarks>Instances are immutable; <see cref="Run()"/> may be called from several threads.</remarks>
public sealed class ConformanceFile
{
    private static readonly HashSet<string> Properties = ["description", "calendar", "cases"];

    private static readonly HashSet<string> Annotations = ["name", "description", "ref", "refs", "note", "notes", "comment", "source", "tags"];

    /// <summary>
    /// Names a file or case may carry for people (a note, a source) without changing what is checked: the
    /// <see cref="Annotations"/>, and any name starting with <c>$</c>, <c>_</c> or <c>x-</c>. Other unknown names are errors.
    /// </summary>
    internal static bool IsAnnotation(string name) =>
        Annotations.Contains(name) || name.StartsWith('$') || name.StartsWith('_') || name.StartsWith("x-", StringComparison.Ordinal);

    private ConformanceFile(string? source, string? description, BusinessCalendar calendar, IReadOnlyList<ConformanceCase> cases)
    {
        Source = source;
        Description = description;
        Calendar = calendar;
        Cases = cases;
    }

    /// <summary>Where the file came from (its path), or null.</summary>
    public string? Source { get; }

    /// <summary>The file's <c>description</c>, or null.</summary>
    public string? Description { get; }

    /// <summary>The calendar the cases run against.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>The cases, in file order.</summary>
    public IReadOnlyList<ConformanceCase> Cases { get; }

    /// <summary>Reads a conformance file from disk.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="holidaySets">Where to look up holiday set ids; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The file, ready to run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="DocumentException">The file is not a valid conformance file; every error is listed with its JSON path.</exception>
    public static ConformanceFile Load(string path, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        return Parse(File.ReadAllText(path), path, holidaySets);
    }

    /// <summary>Reads a conformance file from JSON text.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">Where the text came from, used in messages; may be null.</param>
    /// <param name="holidaySets">Where to look up holiday set ids; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The file, ready to run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentException">The text is not a valid conformance file; every error is listed with its JSON path.</exception>
    public static ConformanceFile Parse(string json, string? source = null, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        using var document = CalendarDocument.ParseJson(json, source);
        var root = document.RootElement;
        var values = new DocumentValues();
        if (!values.CheckKind(root, JsonValueKind.Object, "$", "an object with \"calendar\" and \"cases\""))
        {
            throw new DocumentException(source, values.Errors);
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!Properties.Contains(property.Name) && !IsAnnotation(property.Name))
            {
                values.Error(DocumentValues.Child("$", property.Name), "unknown property; expected description, calendar or cases");
            }
        }

        string? description = null;
        if (root.TryGetProperty("description", out var descriptionElement) &&
            values.TryString(descriptionElement, "$.description", "a description", out string text))
        {
            description = text;
        }

        BusinessCalendar? calendar = null;
        if (root.TryGetProperty("calendar", out var calendarElement))
        {
            calendar = CalendarDocument.Read(calendarElement, "$.calendar", holidaySets ?? HolidaySetRegistry.Default, values);
        }
        else
        {
            values.Error("$", "missing \"calendar\": the calendar document the cases run against");
        }

        var cases = new List<ConformanceCase>();
        if (!root.TryGetProperty("cases", out var casesElement))
        {
            values.Error("$", "missing \"cases\": an array of cases");
        }
        else if (values.CheckKind(casesElement, JsonValueKind.Array, "$.cases", "an array of cases"))
        {
            int index = 0;
            foreach (var item in casesElement.EnumerateArray())
            {
                var parsed = ConformanceCase.Read(item, index, DocumentValues.Index("$.cases", index), values);
                if (parsed is not null)
                {
                    cases.Add(parsed);
                }

                index++;
            }

            if (index == 0)
            {
                values.Error("$.cases", "the file has no cases; a conformance file checks at least one answer");
            }
        }

        if (values.Errors.Count > 0 || calendar is null)
        {
            throw new DocumentException(source, values.Errors);
        }

        return new ConformanceFile(source, description, calendar, cases.AsReadOnly());
    }

    /// <summary>Runs every case.</summary>
    /// <returns>One result per case, in file order.</returns>
    public IReadOnlyList<ConformanceResult> Run()
    {
        var results = new ConformanceResult[Cases.Count];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = Cases[i].Run(Calendar);
        }

        return results;
    }
}

/// <summary>The outcome of one conformance case.</summary>
/// <param name="Case">The case that ran.</param>
/// <param name="Passed">Whether the library's answer matched the expected one.</param>
/// <param name="Expected">The expected answer, formatted (instants in the calendar's zone).</param>
/// <param name="Actual">The library's answer, formatted the same way, or the exception it threw.</param>
/// <remarks>An immutable value, thread-safe. The default value has a null case and is never produced by the library.</remarks>
public readonly record struct ConformanceResult(ConformanceCase Case, bool Passed, string Expected, string Actual)
{
    /// <summary>Describes the result: the case, then the expected and actual answers.</summary>
    /// <returns>For example <c>case #3 "Spring Festival" [D1.5] addWorkingTime: expected 2024-02-18T11:00:00+08, got 2024-02-18T10:00:00+08</c>.</returns>
    public override string ToString() =>
        $"{Case}: {(Passed ? "passed" : "failed")}; expected {Expected}, got {Actual}";
}

/// <summary>One case of a conformance file: an operation, its inputs and the expected answer.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ConformanceCase
{
    private static readonly HashSet<string> Common = ["op", "name", "ref", "expected", "expectedError"];

    private readonly Func<BusinessCalendar, object> operation;
    private readonly object? expected;

    private ConformanceCase(int index, string? name, string? reference, string op, Func<BusinessCalendar, object> operation, object? expected, string? expectedError)
    {
        Index = index;
        Name = name;
        Ref = reference;
        Op = op;
        this.operation = operation;
        this.expected = expected;
        ExpectedError = expectedError;
    }

    /// <summary>The case's index in the file's <c>cases</c> array (from 0).</summary>
    public int Index { get; }

    /// <summary>The case's <c>name</c>, or null.</summary>
    public string? Name { get; }

    /// <summary>The row of domain.md the case checks (<c>ref</c>, such as <c>D1.5</c>), or null.</summary>
    public string? Ref { get; }

    /// <summary>The operation: <c>addWorkingTime</c>, <c>addWorkingDays</c>, <c>workingTimeBetween</c>, <c>isWorkingDay</c>, <c>isWorkingTime</c> or <c>nextWorkingInstant</c>.</summary>
    public string Op { get; }

    /// <summary>The expected error (<c>unknownYear</c> or <c>argument</c>), or null when the case expects an answer.</summary>
    public string? ExpectedError { get; }

    /// <summary>Runs the case against <paramref name="calendar"/>.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public ConformanceResult Run(BusinessCalendar calendar)
    {
        Preconditions.CheckNotNull(calendar, nameof(calendar));
        string expectedText = ExpectedError is null ? Format(expected!, calendar) : "error " + ExpectedError;
        object actual;
        try
        {
            actual = operation(calendar);
        }
        catch (HolidayDataUnavailableException e)
        {
            return new ConformanceResult(this, ExpectedError == "unknownYear", expectedText, "error unknownYear: " + e.Message);
        }
        catch (ArgumentException e)
        {
            return new ConformanceResult(this, ExpectedError == "argument", expectedText, "error argument: " + e.Message);
        }

        string actualText = Format(actual, calendar);
        return new ConformanceResult(this, ExpectedError is null && actualText == expectedText, expectedText, actualText);
    }

    /// <summary>Describes the case: <c>case #3 "name" [D1.5] addWorkingTime</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"case #{Index}{(Name is null ? "" : $" \"{Name}\"")}{(Ref is null ? "" : $" [{Ref}]")} {Op}";

    private static string Format(object value, BusinessCalendar calendar) => value switch
    {
        Instant instant => DocumentValues.FormatInstant(instant, calendar.Zone),
        Duration duration => DocumentValues.FormatDuration(duration),
        LocalDate date => date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? "",
    };

    internal static ConformanceCase? Read(JsonElement element, int index, string path, DocumentValues values)
    {
        if (!values.CheckKind(element, JsonValueKind.Object, path, "a case object with \"op\""))
        {
            return null;
        }

        int errorsBefore = values.Errors.Count;
        string? name = OptionalString(element, path, "name", values);
        string? reference = OptionalString(element, path, "ref", values);
        if (!element.TryGetProperty("op", out var opElement))
        {
            values.Error(path, "missing \"op\": addWorkingTime, addWorkingDays, workingTimeBetween, isWorkingDay, isWorkingTime or nextWorkingInstant");
            return null;
        }

        if (!values.TryString(opElement, DocumentValues.Child(path, "op"), "an operation name", out string op))
        {
            return null;
        }

        var reader = new CaseReader(element, path, values);
        Func<BusinessCalendar, object>? operation;
        Func<JsonElement, string, object?> readExpected;
        switch (op)
        {
            case "addWorkingTime":
            {
                var start = reader.Instant("start");
                var amount = reader.Duration("amount");
                operation = c => c.AddWorkingTime(start, amount);
                readExpected = reader.ExpectInstant;
                break;
            }

            case "addWorkingDays":
            {
                int days = reader.Int("days");
                if (reader.IsDate("start"))
                {
                    var date = reader.Date("start");
                    operation = c => c.AddWorkingDays(date, days);
                    readExpected = reader.ExpectDate;
                }
                else
                {
                    var start = reader.Instant("start");
                    operation = c => c.AddWorkingDays(start, days);
                    readExpected = reader.ExpectInstant;
                }

                break;
            }

            case "workingTimeBetween":
            {
                var start = reader.Instant("start");
                var end = reader.Instant("end");
                operation = c => c.WorkingTimeBetween(start, end);
                readExpected = reader.ExpectDuration;
                break;
            }

            case "isWorkingDay":
            {
                var date = reader.Date("date");
                operation = c => c.IsWorkingDay(date);
                readExpected = reader.ExpectBool;
                break;
            }

            case "isWorkingTime":
            {
                var instant = reader.Instant("instant");
                operation = c => c.IsWorkingTime(instant);
                readExpected = reader.ExpectBool;
                break;
            }

            case "nextWorkingInstant":
            {
                var start = reader.Instant("start");
                operation = c => c.NextWorkingInstant(start);
                readExpected = reader.ExpectInstant;
                break;
            }

            default:
                values.Error(DocumentValues.Child(path, "op"), $"unknown operation \"{op}\"; expected addWorkingTime, addWorkingDays, workingTimeBetween, isWorkingDay, isWorkingTime or nextWorkingInstant");
                return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!Common.Contains(property.Name) && !reader.Used.Contains(property.Name) && !ConformanceFile.IsAnnotation(property.Name))
            {
                values.Error(DocumentValues.Child(path, property.Name), $"unknown property for {op}");
            }
        }

        object? expectedValue = null;
        string? expectedError = null;
        bool hasExpected = element.TryGetProperty("expected", out var expectedElement);
        bool hasError = element.TryGetProperty("expectedError", out var errorElement);
        if (hasExpected == hasError)
        {
            values.Error(path, "give exactly one of \"expected\" and \"expectedError\"");
        }
        else if (hasExpected)
        {
            expectedValue = readExpected(expectedElement, DocumentValues.Child(path, "expected"));
        }
        else if (values.TryString(errorElement, DocumentValues.Child(path, "expectedError"), "an error name", out string error))
        {
            if (error is "unknownYear" or "argument")
            {
                expectedError = error;
            }
            else
            {
                values.Error(DocumentValues.Child(path, "expectedError"), $"unknown error \"{error}\"; expected \"unknownYear\" or \"argument\"");
            }
        }

        return values.Errors.Count > errorsBefore ? null : new ConformanceCase(index, name, reference, op, operation, expectedValue, expectedError);
    }

    private static string? OptionalString(JsonElement element, string path, string property, DocumentValues values) =>
        element.TryGetProperty(property, out var value) && values.TryString(value, DocumentValues.Child(path, property), property, out string text)
            ? text
            : null;

    /// <summary>Reads a case's inputs, remembering which properties it used.</summary>
    private sealed class CaseReader(JsonElement element, string path, DocumentValues values)
    {
        internal HashSet<string> Used { get; } = [];

        internal Instant Instant(string property) =>
            Get(property, "an instant") is { } e && values.TryInstant(e, DocumentValues.Child(path, property), out var v) ? v : default;

        internal LocalDate Date(string property) =>
            Get(property, "a date") is { } e && values.TryDate(e, DocumentValues.Child(path, property), out var v) ? v : default;

        internal Duration Duration(string property) =>
            Get(property, "a duration") is { } e && values.TryDuration(e, DocumentValues.Child(path, property), out var v) ? v : default;

        internal int Int(string property) =>
            Get(property, "a whole number") is { } e && values.TryInt(e, DocumentValues.Child(path, property), property, out int v) ? v : 0;

        internal bool IsDate(string property) =>
            element.TryGetProperty(property, out var e) && e.ValueKind == JsonValueKind.String && !e.GetString()!.Contains('T', StringComparison.Ordinal);

        internal object? ExpectInstant(JsonElement e, string p) => values.TryInstant(e, p, out var v) ? v : null;

        internal object? ExpectDate(JsonElement e, string p) => values.TryDate(e, p, out var v) ? v : null;

        internal object? ExpectDuration(JsonElement e, string p) => values.TryDuration(e, p, out var v) ? v : null;

        internal object? ExpectBool(JsonElement e, string p) => values.TryBool(e, p, out bool v) ? v : null;

        private JsonElement? Get(string property, string what)
        {
            Used.Add(property);
            if (element.TryGetProperty(property, out var value))
            {
                return value;
            }

            values.Error(path, $"missing \"{property}\": {what}");
            return null;
        }
    }
}
