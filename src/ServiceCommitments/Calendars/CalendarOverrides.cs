using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>A calendar's own dated overrides (closures, extra working days, special hours), as the user gave them.</summary>
internal sealed class CalendarOverrides
{
    internal enum Kind
    {
        Closure,
        WorkingDay,
        SpecialHours,
    }

    private readonly Dictionary<LocalDate, (Kind Kind, long[]? Hours)> entries = [];

    internal long[]? ExplicitAdjustedHours { get; set; }

    internal IReadOnlyDictionary<LocalDate, (Kind Kind, long[]? Hours)> Entries => entries;

    internal void Add(LocalDate date, Kind kind, long[]? hours, string paramName)
    {
        if (date.Calendar != CalendarSystem.Iso || date.Year < CalendarLimits.MinYear || date.Year > CalendarLimits.MaxYear)
        {
            Preconditions.ThrowArgument(paramName, $"{paramName} {date} must be an ISO date in years {CalendarLimits.MinYear}-{CalendarLimits.MaxYear}.");
        }

        if (entries.TryGetValue(date, out var existing))
        {
            Preconditions.ThrowArgument(
                paramName,
                $"{date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} already has {Describe(existing.Kind)}; a date takes one override.");
        }

        entries.Add(date, (kind, hours));
    }

    internal CalendarOverrides Clone()
    {
        var copy = new CalendarOverrides { ExplicitAdjustedHours = ExplicitAdjustedHours };
        foreach (var pair in entries)
        {
            copy.entries.Add(pair.Key, pair.Value);
        }

        return copy;
    }

    internal Dictionary<LocalDate, long[]> ToHours(long[] adjustedHours)
    {
        var result = new Dictionary<LocalDate, long[]>(entries.Count);
        foreach (var (date, (kind, hours)) in entries)
        {
            result.Add(date, kind switch
            {
                Kind.Closure => [],
                Kind.WorkingDay => adjustedHours,
                _ => hours!,
            });
        }

        return result;
    }

    private static string Describe(Kind kind) => kind switch
    {
        Kind.Closure => "a closure",
        Kind.WorkingDay => "an extra working day",
        _ => "special hours",
    };
}
