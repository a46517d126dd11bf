using System.Collections.Generic;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;

namespace ServiceCommitments.Testing;

/// <summary>
/// Conformance files of kind <c>calendar</c>: a calendar document and cases of the operations addWorkingTime,
/// addWorkingDays (from an instant or a date), workingTimeBetween, isWorkingDay, isWorkingTime and nextWorkingInstant.
/// The error <c>unknownYear</c> names <see cref="HolidayDataUnavailableException"/>.
/// </summary>
internal sealed class CalendarConformance : ConformanceKind
{
    internal static readonly CalendarConformance Instance = new();

    private static readonly IReadOnlyDictionary<string, ConformanceOperation> Table = OperationTable(
        new("addWorkingTime", AddWorkingTime, Expect.Instant),
        new("addWorkingDays", AddWorkingDays, new PickShape(c => c.IsDate("start") ? Expect.Date : Expect.Instant)),
        new("workingTimeBetween", WorkingTimeBetween, Expect.Duration),
        new("isWorkingDay", IsWorkingDay, Expect.Bool),
        new("isWorkingTime", IsWorkingTime, Expect.Bool),
        new("nextWorkingInstant", NextWorkingInstant, Expect.Instant));

    internal override string SubjectKey => "calendar";

    internal override IReadOnlyDictionary<string, ConformanceOperation> Operations => Table;

    internal override object? ReadSubject(ObjectReader file, DocNode subject, DocumentContext context) => CalendarReader.Read(subject, context);

    internal override DateTimeZone DisplayZone(object? subject, DocumentContext context) => (subject as BusinessCalendar)?.Zone ?? DateTimeZone.Utc;

    private static System.Func<object, object?> AddWorkingTime(CaseReader c)
    {
        var start = c.Instant("start");
        var amount = c.Duration("amount");
        return s => ((BusinessCalendar)s).AddWorkingTime(start, amount);
    }

    private static System.Func<object, object?> AddWorkingDays(CaseReader c)
    {
        int days = c.Int("days");
        if (c.IsDate("start"))
        {
            var date = c.Date("start");
            return s => ((BusinessCalendar)s).AddWorkingDays(date, days);
        }

        var start = c.Instant("start");
        return s => ((BusinessCalendar)s).AddWorkingDays(start, days);
    }

    private static System.Func<object, object?> WorkingTimeBetween(CaseReader c)
    {
        var start = c.Instant("start");
        var end = c.Instant("end");
        return s => ((BusinessCalendar)s).WorkingTimeBetween(start, end);
    }

    private static System.Func<object, object?> IsWorkingDay(CaseReader c)
    {
        var date = c.Date("date");
        return s => ((BusinessCalendar)s).IsWorkingDay(date);
    }

    private static System.Func<object, object?> IsWorkingTime(CaseReader c)
    {
        var instant = c.Instant("instant");
        return s => ((BusinessCalendar)s).IsWorkingTime(instant);
    }

    private static System.Func<object, object?> NextWorkingInstant(CaseReader c)
    {
        var start = c.Instant("start");
        return s => ((BusinessCalendar)s).NextWorkingInstant(start);
    }
}
