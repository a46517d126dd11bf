using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Documents;

/// <summary>
/// Writes a warranty policy as the warranty document of docs/warranty.md, every property that
/// <see cref="WarrantyReader"/> reads: reading it back gives a policy with the same rules and the same decisions.
/// </summary>
/// <remarks>
/// What is written is what <see cref="WarrantyShapes"/> declares. Defaults are left out (a term that restarts on replacement, every built-in exclusion, no paid-service terms), a
/// repair deadline is written under <c>remedyDeadlines</c> (never as <c>repairTurnaround</c>), and a rule or window of
/// which there is one is written as an object rather than an array. A share that lasts for life is written
/// <c>"lifetime"</c>, which is how the policy counts it whatever period it also holds.
/// </remarks>
internal static class WarrantyWriter
{
    /// <summary>The calendars the policy counts on: its named ones, and any a window or deadline holds directly.</summary>
    internal static IEnumerable<KeyValuePair<string?, BusinessCalendar>> CalendarsOf(WarrantyPolicy warranty) =>
        warranty.Calendars.Select(p => new KeyValuePair<string?, BusinessCalendar>(p.Key, p.Value))
            .Concat(warranty.WindowCalendars.Where(c => c is not null).Select(c => new KeyValuePair<string?, BusinessCalendar>(null, c!)))
            .Concat(Remedies.WithDeadlines
                .Where(r => warranty.DeadlineEntries.TryGetValue(r, out var entry) && entry.Calendar is not null)
                .Select(r => new KeyValuePair<string?, BusinessCalendar>(null, warranty.DeadlineEntries[r].Calendar!)));

    /// <summary>
    /// Writes <c>"warranty"</c> into the object being written, naming calendars by <paramref name="names"/> (which the
    /// caller writes beside it); a policy loaded from a shipped rule set and unchanged is written as the rule set's id.
    /// </summary>
    internal static void WriteWarranty(Utf8JsonWriter json, WarrantyPolicy warranty, CalendarNaming names)
    {
        if (WarrantyRuleSets.TryGetId(warranty, out string? id))
        {
            json.WriteString("warranty", id);
            return;
        }

        json.WritePropertyName("warranty");
        WriteObject(json, warranty, names, null);
    }

    /// <summary>Writes the warranty document itself, its calendars inside it.</summary>
    internal static void WriteDocument(Utf8JsonWriter json, WarrantyPolicy warranty, HolidaySetRegistry registry) =>
        WriteObject(json, warranty, new CalendarNaming(CalendarsOf(warranty)), registry);

    private static void WriteObject(Utf8JsonWriter json, WarrantyPolicy warranty, CalendarNaming names, HolidaySetRegistry? calendarsInside)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(warranty.Zone.Id) is null)
        {
            Preconditions.ThrowArgument(nameof(warranty), $"The warranty's zone \"{warranty.Zone.Id}\" is not a tzdb zone, which a warranty document needs.");
        }

        WarrantyShapes.Policy.Write(json, warranty, new WriteContext(names, calendarsInside));
    }
}
