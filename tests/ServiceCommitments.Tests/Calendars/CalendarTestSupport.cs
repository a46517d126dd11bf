using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using ServiceCommitments.Calendars;

namespace ServiceCommitments.Tests.Calendars;

/// <summary>Shared calendars and local-time helpers for the calendar tests.</summary>
internal static class CalendarTestSupport
{
    internal static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm");
    private static readonly LocalDateTimePattern Seconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss.FFFFFFF");
    private static readonly LocalDatePattern Dates = LocalDatePattern.Iso;

    /// <summary>The office calendar of docs/calendars.md: Mon-Fri 09:00-12:00, 13:00-18:00, mainland China holidays.</summary>
    internal static BusinessCalendar Office { get; } = new BusinessCalendarBuilder(Shanghai)
        .SetWeeklyHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, WorkingInterval.Parse("09:00-12:00"), WorkingInterval.Parse("13:00-18:00"))
        .AddHolidaySet(HolidaySets.ChinaMainland)
        .Build();

    /// <summary>"2024-03-04 11:00" (or with seconds) as a local date-time.</summary>
    internal static LocalDateTime Local(string text) =>
        (text.Length > 16 ? Seconds : Minutes).Parse(text).GetValueOrThrow();

    internal static LocalDate Date(string text) => Dates.Parse(text).GetValueOrThrow();

    /// <summary>A local time in Shanghai (which has no DST since 1991) as an instant.</summary>
    internal static Instant Sh(string text) => Local(text).InZoneStrictly(Shanghai).ToInstant();

    /// <summary>A local time in <paramref name="zone"/>, mapped strictly (the text must name an unambiguous local time).</summary>
    internal static Instant At(DateTimeZone zone, string text) => Local(text).InZoneStrictly(zone).ToInstant();

    /// <summary>An instant with an explicit offset: "2024-03-10T01:30:00-05:00".</summary>
    internal static Instant Offset(string text) => OffsetDateTimePattern.ExtendedIso.Parse(text).GetValueOrThrow().ToInstant();

    internal static string Show(Instant instant, DateTimeZone zone) =>
        instant.InZone(zone).ToString("uuuu-MM-dd HH:mm:ss.FFFFFFF o<g>", CultureInfo.InvariantCulture);
}
