using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using ServiceCommitments.Calendars;
using ServiceCommitments.Faults;
using ServiceCommitments.Inspections;
using ServiceCommitments.Internal;
using ServiceCommitments.Warranty;

namespace ServiceCommitments;

/// <summary>
/// One after-sales commitment, as a bid or contract states it: the calendars it counts on, its fault-level service
/// policy, its warranty terms and its inspection schedules. Each part is optional. Read one from a single JSON
/// document with <see cref="Documents.CommitmentDocument"/>, or assemble one in code.
/// </summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
[Immutable]
public sealed class Commitment
{
    private static readonly IReadOnlyDictionary<string, BusinessCalendar> NoCalendars = new ReadOnlyDictionary<string, BusinessCalendar>(new Dictionary<string, BusinessCalendar>());
    private static readonly IReadOnlyDictionary<string, InspectionSchedule> NoSchedules = new ReadOnlyDictionary<string, InspectionSchedule>(new Dictionary<string, InspectionSchedule>());

    /// <summary>Creates a commitment from its parts.</summary>
    /// <param name="name">A name for people, or null.</param>
    /// <param name="calendars">The named calendars its parts count on; null for none.</param>
    /// <param name="policy">The fault-level service policy, or null.</param>
    /// <param name="warranty">The warranty terms, or null.</param>
    /// <param name="schedules">The inspection schedules by name; null for none.</param>
    /// <exception cref="ArgumentException">A calendar or schedule name is empty, or a value is null.</exception>
    public Commitment(
        string? name = null,
        IEnumerable<KeyValuePair<string, BusinessCalendar>>? calendars = null,
        ServicePolicy? policy = null,
        WarrantyPolicy? warranty = null,
        IEnumerable<KeyValuePair<string, InspectionSchedule>>? schedules = null)
    {
        Name = name;
        Calendars = Copy(calendars, nameof(calendars)) ?? NoCalendars;
        Policy = policy;
        Warranty = warranty;
        Schedules = Copy(schedules, nameof(schedules)) ?? NoSchedules;
    }

    /// <summary>The commitment's name, or null.</summary>
    public string? Name { get; }

    /// <summary>The named calendars (a document's <c>calendars</c>).</summary>
    public IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; }

    /// <summary>The fault-level service policy, or null.</summary>
    public ServicePolicy? Policy { get; }

    /// <summary>The warranty terms, or null.</summary>
    public WarrantyPolicy? Warranty { get; }

    /// <summary>The inspection schedules by name (a document's <c>schedule</c> is named <c>schedule</c>).</summary>
    public IReadOnlyDictionary<string, InspectionSchedule> Schedules { get; }

    /// <summary>Describes the commitment: its name and the parts it has.</summary>
    /// <returns>For example <c>D2.1-D2.3 fault response: 2 calendars, a policy of 8 rows, no warranty, no schedule</c>.</returns>
    public override string ToString() =>
        $"{Name ?? "commitment"}: {Calendars.Count} calendar{(Calendars.Count == 1 ? "" : "s")}, " +
        (Policy is null ? "no policy" : $"a policy of {Policy.Rows.Count} rows") + ", " +
        (Warranty is null ? "no warranty" : "warranty terms") + ", " +
        (Schedules.Count == 0 ? "no schedule" : $"{Schedules.Count} schedule{(Schedules.Count == 1 ? "" : "s")}");

    private static ReadOnlyDictionary<string, T>? Copy<T>(IEnumerable<KeyValuePair<string, T>>? items, string paramName)
        where T : class
    {
        if (items is null)
        {
            return null;
        }

        var copy = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (key, value) in items)
        {
            if (string.IsNullOrEmpty(key) || value is null)
            {
                Preconditions.ThrowArgument(paramName, $"{paramName} holds an entry with an empty name or a null value.");
            }

            if (!copy.TryAdd(key, value))
            {
                Preconditions.ThrowArgument(paramName, $"{paramName} names \"{key}\" twice.");
            }
        }

        return new ReadOnlyDictionary<string, T>(copy);
    }
}
