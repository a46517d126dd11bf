namespace ServiceCommitments.Documents;

/// <summary>
/// The limits every document reader enforces, so that no document, however large or strange, can make loading hang,
/// exhaust memory or build a message of megabytes. Each is documented in docs/documents.md; breaking one is a
/// <see cref="DocumentException"/> naming the JSON path.
/// </summary>
internal static class DocumentLimits
{
    /// <summary>The largest document, in UTF-8 bytes (8 MiB).</summary>
    internal const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>The deepest nesting of objects and arrays.</summary>
    internal const int MaxDepth = 64;

    /// <summary>The most JSON values (objects, arrays, strings, numbers, literals) in one document.</summary>
    internal const int MaxValues = 500_000;

    /// <summary>The longest string value or property name, in characters.</summary>
    internal const int MaxStringLength = 65_536;

    /// <summary>The most dates a calendar document may list in closures, workingDays and specialHours together.</summary>
    internal const int MaxCalendarDates = 100_000;

    /// <summary>The most years one holidaySets entry may add to a set.</summary>
    internal const int MaxAddedYears = 100;
}
