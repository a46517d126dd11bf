using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ServiceCommitments.Calendars;

/// <summary>
/// The names by which calendars are referred to, in documents and in sentences alike: each calendar once, by the first
/// name it was given, and a calendar that has no name (one a part holds directly), or whose name an other calendar was
/// given first, as <c>calendar1</c>, <c>calendar2</c>, ... Kept beside the calendars so that documents and phrases
/// share it without depending on each other.
/// </summary>
internal sealed class CalendarNames
{
    private readonly Dictionary<BusinessCalendar, string> names = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> used = [];

    /// <summary>Names the calendars: named ones first, by name (the first name of a calendar wins), then, in order, the rest.</summary>
    internal CalendarNames(IEnumerable<KeyValuePair<string?, BusinessCalendar>> calendars)
    {
        var list = calendars.ToList();
        foreach (var (name, calendar) in list.Where(p => p.Key is not null).OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            if (!names.ContainsKey(calendar) && used.Add(name!))
            {
                names.Add(calendar, name!);
            }
        }

        int next = 1;
        foreach (var (_, calendar) in list)
        {
            if (names.ContainsKey(calendar))
            {
                continue;
            }

            string name;
            do
            {
                name = "calendar" + (next++).ToString(CultureInfo.InvariantCulture);
            }
            while (!used.Add(name));

            names.Add(calendar, name);
        }
    }

    /// <summary>The name of a calendar that was named.</summary>
    internal string NameOf(BusinessCalendar calendar) => names[calendar];

    /// <summary>How many calendars were named.</summary>
    internal int Count => names.Count;

    /// <summary>Every calendar and its name, ordered by name.</summary>
    internal IEnumerable<KeyValuePair<BusinessCalendar, string>> ByName => names.OrderBy(p => p.Value, System.StringComparer.Ordinal);
}
