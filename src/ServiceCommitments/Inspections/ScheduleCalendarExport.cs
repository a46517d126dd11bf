using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Inspections;

/// <summary>
/// Writes occurrences as an iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple Calendar import: one
/// all-day event per occurrence spanning its window, with the due date, the window and the notice day in the
/// description.
/// </summary>
/// <remarks>
/// <para>One event per occurrence rather than one recurrence rule: a rule cannot express phases, month-end rules or
/// due dates moved around holidays. Each event's <c>DTSTART</c> is the window's first day and its <c>DTEND</c> the day
/// after its last day (all-day ends are exclusive in RFC 5545); its <c>UID</c> is
/// <c>{uidPrefix}-{number}</c>, so a later export of the same plan updates the same events.</para>
/// <para>The library reads no clock: the caller gives the <c>DTSTAMP</c>. The methods are thread-safe. Written with
/// Ical.Net (MIT).</para>
/// </remarks>
public static class ScheduleCalendarExport
{
    /// <summary>Writes <paramref name="occurrences"/> as iCalendar text.</summary>
    /// <param name="occurrences">The occurrences, for example <c>plan.Occurrences(from, to)</c>.</param>
    /// <param name="summary">The events' title, for example <c>Quarterly inspection, site A</c>; the occurrence number is appended.</param>
    /// <param name="uidPrefix">What makes the events' UIDs unique to this plan, for example <c>contract-2024-017-inspection@example.com</c>.</param>
    /// <param name="stamp">The instant the file is written (each event's <c>DTSTAMP</c>), from the caller's clock.</param>
    /// <returns>The iCalendar text, lines ended by CRLF.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="summary"/> or <paramref name="uidPrefix"/> is empty.</exception>
    public static string ToICalendar(IEnumerable<Occurrence> occurrences, string summary, string uidPrefix, Instant stamp)
    {
        Preconditions.CheckNotNull(occurrences, nameof(occurrences));
        Preconditions.CheckNotNull(summary, nameof(summary));
        Preconditions.CheckNotNull(uidPrefix, nameof(uidPrefix));
        if (summary.Length == 0)
        {
            Preconditions.ThrowArgument(nameof(summary), "The events need a title; summary is empty.");
        }

        if (uidPrefix.Length == 0)
        {
            Preconditions.ThrowArgument(nameof(uidPrefix), "The events need unique ids; uidPrefix is empty.");
        }

        var utc = stamp.InUtc();
        var dtStamp = new CalDateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, "UTC");
        var calendar = new Ical.Net.Calendar { ProductId = "-//ServiceCommitments//Inspection schedules//EN" };
        foreach (var o in occurrences)
        {
            string number = o.Number.ToString(CultureInfo.InvariantCulture);
            var description = new StringBuilder()
                .Append("Due ").Append(Occurrence.Format(o.Due))
                .Append(o.IsMoved ? $" (nominal {Occurrence.Format(o.Nominal)})" : "")
                .Append(". On time from ").Append(Occurrence.Format(o.Earliest)).Append(" to ").Append(Occurrence.Format(o.Latest))
                .Append(o.NoticeBy != o.Due ? $". Notify the customer by {Occurrence.Format(o.NoticeBy)}." : ".");
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{uidPrefix}-{number}",
                DtStamp = dtStamp,
                Summary = $"{summary} #{number} (due {Occurrence.Format(o.Due)})",
                Description = description.ToString(),
                DtStart = Date(o.Earliest),
                DtEnd = Date(o.Latest.PlusDays(1)),
                Transparency = "TRANSPARENT",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Date(LocalDate date) => new(date.Year, date.Month, date.Day);
}
