using System.Collections.Generic;
using NodaTime;

namespace ServiceCommitments.Calendars;

/// <summary>A built calendar's own dated overrides (closures, extra working days, special hours), as the user gave them.</summary>
internal sealed class CalendarOverrides
{
    private readonly Dictionary<LocalDate, (CalendarOverrideKind Kind, WorkingInterval[]? Hours)> entries;

    /// <summary>Takes validated overrides: no date twice, every date supported.</summary>
    internal CalendarOverrides(IReadOnlyList<CalendarOverride> overrides, WorkingInterval[]? explicitAdjustedHours)
    {
        entries = new(overrides.Count);
        foreach (var entry in overrides)
        {
            entries.Add(entry.Date, (entry.Kind, entry.Hours));
        }

        ExplicitAdjustedHours = explicitAdjustedHours;
    }

    /// <summary>The adjusted-working-day hours the user set, or null for the default.</summary>
    internal WorkingInterval[]? ExplicitAdjustedHours { get; }

    internal IReadOnlyDictionary<LocalDate, (CalendarOverrideKind Kind, WorkingInterval[]? Hours)> Entries => entries;

    internal Dictionary<LocalDate, long[]> ToHours(long[] adjustedHours)
    {
        var result = new Dictionary<LocalDate, long[]>(entries.Count);
        foreach (var (date, (kind, hours)) in entries)
        {
            result.Add(date, kind switch
            {
                CalendarOverrideKind.Closure => [],
                CalendarOverrideKind.WorkingDay => adjustedHours,
                _ => BusinessCalendarBuilder.ToTicks(hours!),
            });
        }

        return result;
    }
}
