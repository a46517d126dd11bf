using System.Text.Json;
using NodaTime;
using NodaTime.TimeZones;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// Writes a calendar as the calendar document of docs/documents.md, as <see cref="CalendarShapes"/> declares it;
/// reading it back gives a calendar with the same rules.
/// </summary>
internal static class CalendarWriter
{
    internal static void Write(Utf8JsonWriter json, BusinessCalendar calendar, HolidaySetRegistry registry)
    {
        if (!ReferenceEquals(calendar.Resolver, Resolvers.LenientResolver))
        {
            Preconditions.ThrowArgument(nameof(calendar), "The calendar maps local times with a resolver other than NodaTime's lenient one, which a calendar document cannot express.");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(calendar.Zone.Id) is null)
        {
            Preconditions.ThrowArgument(nameof(calendar), $"The calendar's zone \"{calendar.Zone.Id}\" is not a tzdb zone, which a calendar document needs.");
        }

        CalendarShapes.Calendar.Write(json, calendar, new WriteContext(null, registry));
    }
}
