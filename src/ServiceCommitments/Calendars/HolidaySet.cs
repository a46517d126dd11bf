using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars.Notices;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>
/// A named, immutable set of dated holidays and adjusted working days (调休) for a contiguous range of known years,
/// such as mainland China's statutory holidays (<see cref="HolidaySets.ChinaMainland"/>).
/// </summary>
/// <remarks>
/// <para>A set knows every year from <see cref="FirstYear"/> to <see cref="LastYear"/> inclusive: for those years a
/// date without an entry is an ordinary day. A calendar asked about any other year throws
/// <see cref="HolidayDataUnavailableException"/> unless it was built to treat unknown years as ordinary weeks.</para>
/// <para>Sets are shared by reference between calendars; a calendar never copies one. Instances are immutable and
/// thread-safe. <see cref="WithYear"/> and <see cref="WithYears"/> return a new set and leave this one unchanged.</para>
/// </remarks>
[Immutable]
public sealed partial class HolidaySet
{
    private readonly Dictionary<LocalDate, HolidaySetEntry> byDate;

    /// <summary>Every entry, ordered by date (what <see cref="Entries"/> wraps).</summary>
    private readonly HolidaySetEntry[] sorted;

    /// <summary>Provisional years computed so far, by year (null where the rule cannot fill the year); filled on demand, thread-safe.</summary>
    private readonly ConcurrentDictionary<int, Dictionary<LocalDate, HolidaySetEntry>?> provisional = new();

    private HolidaySet(
        string id, int firstYear, int lastYear, HolidaySetEntry[] sorted, Dictionary<LocalDate, HolidaySetEntry> byDate, StatutoryRule? statute, NoticeSources? sources = null)
    {
        Id = id;
        FirstYear = firstYear;
        LastYear = lastYear;
        this.sorted = sorted;
        Entries = Array.AsReadOnly(sorted);
        this.byDate = byDate;
        Statute = statute;
        Sources = sources;
    }

    /// <summary>The rule that fills a year the set does not know, for calendars that ask for provisional years; null for a set without one.</summary>
    internal StatutoryRule? Statute { get; }

    /// <summary>The notices this set was made of or extended with, so that a document can be written as it was given; null otherwise.</summary>
    internal NoticeSources? Sources { get; }

    /// <summary>The set's id, for example <c>"cn-mainland"</c>; documents refer to sets by it.</summary>
    public string Id { get; }

    /// <summary>The first year the set knows (inclusive).</summary>
    public int FirstYear { get; }

    /// <summary>The last year the set knows (inclusive).</summary>
    public int LastYear { get; }

    /// <summary>Every entry, ordered by date.</summary>
    public IReadOnlyList<HolidaySetEntry> Entries { get; }

    /// <summary>Whether the set has data for <paramref name="year"/>.</summary>
    /// <param name="year">The year to ask about.</param>
    /// <returns>True when <paramref name="year"/> lies within <see cref="FirstYear"/>..<see cref="LastYear"/>.</returns>
    public bool KnowsYear(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>Looks up the entry for <paramref name="date"/>.</summary>
    /// <param name="date">The date to look up.</param>
    /// <param name="entry">The entry when there is one.</param>
    /// <returns>True when the set has an entry for <paramref name="date"/>; false for an ordinary day or a date in a year the set does not know.</returns>
    public bool TryGetEntry(LocalDate date, out HolidaySetEntry entry) => byDate.TryGetValue(date, out entry);

    /// <summary>Creates a set.</summary>
    /// <param name="id">The set's id: letters, digits, '-', '_' or '.'.</param>
    /// <param name="firstYear">The first known year, 1-9998.</param>
    /// <param name="lastYear">The last known year, from <paramref name="firstYear"/> to 9998.</param>
    /// <param name="entries">The entries; every date must lie in the known years and appear once, in the ISO calendar.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or an entry's name is null.</exception>
    /// <exception cref="ArgumentException">The id is empty or has other characters; a date repeats, lies outside the known years or is not an ISO date.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1-9998 or <paramref name="lastYear"/> is before <paramref name="firstYear"/>.</exception>
    public static HolidaySet Create(string id, int firstYear, int lastYear, IEnumerable<HolidaySetEntry> entries)
    {
        Preconditions.CheckNotNull(id, nameof(id));
        Preconditions.CheckNotNull(entries, nameof(entries));
        CheckId(id);

        CheckYear(firstYear, nameof(firstYear));
        CheckYear(lastYear, nameof(lastYear));
        if (lastYear < firstYear)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(lastYear), lastYear, $"a year not before firstYear ({firstYear})");
        }

        var byDate = new Dictionary<LocalDate, HolidaySetEntry>();
        foreach (var entry in entries)
        {
            CheckEntry(entry, nameof(entries));
            if (entry.Date.Year < firstYear || entry.Date.Year > lastYear)
            {
                Preconditions.ThrowArgument(nameof(entries), $"The entry for {Format(entry.Date)} lies outside the set's known years {firstYear}-{lastYear}.");
            }

            if (!byDate.TryAdd(entry.Date, entry))
            {
                Preconditions.ThrowArgument(nameof(entries), $"The date {Format(entry.Date)} appears more than once in holiday set '{id}'.");
            }
        }

        var sorted = byDate.Values.OrderBy(e => e.Date).ToArray();
        return new HolidaySet(id, firstYear, lastYear, sorted, byDate, null);
    }

    /// <summary>The set with its statutory rule, for the sets the package ships.</summary>
    internal HolidaySet WithStatute(StatutoryRule statute) => new(Id, FirstYear, LastYear, sorted, byDate, statute, Sources);

    /// <summary>
    /// Returns a set with the same id that also knows <paramref name="year"/>, with <paramref name="entries"/> added:
    /// how a user adds next year's State Council notice without waiting for a release of this library. The same as
    /// <see cref="WithYears"/> with a range of one year.
    /// </summary>
    /// <param name="year">The year to add: the year after <see cref="LastYear"/> or before <see cref="FirstYear"/>, so that the known years stay contiguous.</param>
    /// <param name="entries">
    /// The year's entries, in any order. A notice may also reach into the neighbouring known year (a New Year block that
    /// starts on 31 December); such dates are accepted as long as this set has no entry for them yet.
    /// </param>
    /// <returns>A new set; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null, or an entry's name is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1-9998.</exception>
    /// <exception cref="ArgumentException">
    /// The year is already known or not adjacent to the known years; an entry is not an ISO date, has an undefined
    /// kind, lies outside the year and its neighbouring known year, repeats a date or names a date this set already has.
    /// </exception>
    public HolidaySet WithYear(int year, IEnumerable<HolidaySetEntry> entries) => Extend(year, year, entries, nameof(year), nameof(year));

    /// <summary>
    /// Returns a set with the same id that also knows the years <paramref name="firstYear"/> to
    /// <paramref name="lastYear"/>, with <paramref name="entries"/> added: several years of notices at once, after the
    /// known years or before them.
    /// </summary>
    /// <remarks>
    /// The result is what adding the years one by one with <see cref="WithYear"/> gives (in either direction), but the
    /// work is done once, in O(m + n log n) for m existing entries and n new ones, where a chain of <see cref="WithYear"/>
    /// calls copies the set once per year.
    /// </remarks>
    /// <param name="firstYear">The first year to add (inclusive), 1-9998.</param>
    /// <param name="lastYear">
    /// The last year to add (inclusive), 1-9998, not before <paramref name="firstYear"/>. The range must begin the year
    /// after <see cref="LastYear"/> or end the year before <see cref="FirstYear"/>, so that the known years stay
    /// contiguous.
    /// </param>
    /// <param name="entries">
    /// The entries of the added years, in any order. Dates in the known year next to the range (the year before it when
    /// adding after the known years, the year after it when adding before them) are accepted as long as this set has
    /// no entry for them yet, for a notice's holiday block that begins on 31 December or ends on 1 January.
    /// </param>
    /// <returns>A new set; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null, or an entry's name is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A year is outside 1-9998, or <paramref name="lastYear"/> is before <paramref name="firstYear"/>.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// The range overlaps the known years or is not adjacent to them; an entry is not an ISO date, has an undefined
    /// kind, lies outside the added years and their neighbouring known year, repeats a date or names a date this set
    /// already has.
    /// </exception>
    public HolidaySet WithYears(int firstYear, int lastYear, IEnumerable<HolidaySetEntry> entries) =>
        Extend(firstYear, lastYear, entries, nameof(firstYear), nameof(lastYear));

    private HolidaySet Extend(int firstYear, int lastYear, IEnumerable<HolidaySetEntry> entries, string firstYearParam, string lastYearParam)
    {
        Preconditions.CheckNotNull(entries, nameof(entries));
        CheckYear(firstYear, firstYearParam);
        CheckYear(lastYear, lastYearParam);
        if (lastYear < firstYear)
        {
            Preconditions.ThrowArgumentOutOfRange(lastYearParam, lastYear, $"a year not before {firstYearParam} ({firstYear})");
        }

        var years = new List<(int, FieldRef)>(lastYear - firstYear + 1);
        for (int year = firstYear; year <= lastYear; year++)
        {
            years.Add((year, FieldRef.Named(year < FirstYear ? lastYearParam : firstYearParam)));
        }

        var given = new List<(HolidaySetEntry, FieldRef)>();
        foreach (var entry in entries)
        {
            CheckEntry(entry, nameof(entries));
            given.Add((entry, FieldRef.Named(nameof(entries))));
        }

        var problems = new ProblemSink();
        return Extend(years, given, problems) ?? throw new ValidationException($"extension of holiday set '{Id}'", problems, problems.Problems[0].Field.Text);
    }

    /// <summary>Merges two lists ordered by date that share no date.</summary>
    private static HolidaySetEntry[] Merge(HolidaySetEntry[] a, List<HolidaySetEntry> b)
    {
        var result = new HolidaySetEntry[a.Length + b.Count];
        int i = 0, j = 0, k = 0;
        while (i < a.Length && j < b.Count)
        {
            result[k++] = a[i].Date < b[j].Date ? a[i++] : b[j++];
        }

        while (i < a.Length)
        {
            result[k++] = a[i++];
        }

        while (j < b.Count)
        {
            result[k++] = b[j++];
        }

        return result;
    }

    /// <summary>
    /// Adds whole years to the set, checking every rule once for C# callers and documents alike: the years are unknown so
    /// far and, in any order, extend the known years without a gap (at either end); each entry lies in an added year or
    /// in the known year next to them (a notice's block that starts on 31 December), appears once, and names a date the
    /// set has no entry for. Sorts only the new entries and merges, so adding n entries to m is O(m + n log n).
    /// </summary>
    /// <returns>The extended set, or null when a problem was recorded in <paramref name="problems"/>.</returns>
    internal HolidaySet? Extend(
        IReadOnlyList<(int Year, FieldRef Field)> years, IReadOnlyList<(HolidaySetEntry Entry, FieldRef Field)> entries, ProblemSink problems)
    {
        int before = problems.Count;
        var added = new Dictionary<int, FieldRef>();
        var known = new List<(int Year, FieldRef Field)>();
        foreach (var (year, field) in years)
        {
            if (year < CalendarLimits.MinYear || year > CalendarLimits.MaxYear)
            {
                problems.Add(field, year.ToString(CultureInfo.InvariantCulture), $"expected a year from {CalendarLimits.MinYear} to {CalendarLimits.MaxYear}");
            }
            else if (KnowsYear(year))
            {
                known.Add((year, field));
            }
            else
            {
                added.TryAdd(year, field);
            }
        }

        if (known.Count > 0)
        {
            problems.Add(known[0].Field, YearList(known.Select(k => k.Year)), $"holiday set '{Id}' already knows {Years(FirstYear, LastYear)}; add years right after or right before them");
        }

        int first = FirstYear, last = LastYear;
        while (added.ContainsKey(last + 1))
        {
            last++;
        }

        while (added.ContainsKey(first - 1))
        {
            first--;
        }

        ReportGap(added.Where(p => p.Key > last).OrderBy(p => p.Key).ToList(), last + 1, problems);
        ReportGap(added.Where(p => p.Key < first).OrderByDescending(p => p.Key).ToList(), first - 1, problems);

        string adding = YearList(added.Keys.Where(y => y >= first && y <= last));
        var neighbours = new List<int>(2);
        if (last > LastYear)
        {
            neighbours.Add(LastYear);
        }

        if (first < FirstYear)
        {
            neighbours.Add(FirstYear);
        }

        var merged = new Dictionary<LocalDate, HolidaySetEntry>(byDate);
        var fresh = new List<HolidaySetEntry>(entries.Count);
        foreach (var (entry, field) in entries)
        {
            string date = Format(entry.Date);
            int year = entry.Date.Year;
            if (year < first || year > last)
            {
                problems.Add(field, date, $"expected a date in the years holiday set '{Id}' will know ({Years(first, last)})");
            }
            else if (!added.ContainsKey(year) && !neighbours.Contains(year))
            {
                problems.Add(field, date, $"expected a date in the added years ({adding}) or the neighbouring known year {string.Join(" or ", neighbours)}; {year} is known already");
            }
            else if (byDate.TryGetValue(entry.Date, out var existing))
            {
                problems.Add(field, date, $"holiday set '{Id}' already has an entry for this date ({existing.Kind} \"{existing.Name}\")");
            }
            else if (!merged.TryAdd(entry.Date, entry))
            {
                problems.Add(field, date, "a date may be listed once");
            }
            else
            {
                fresh.Add(entry);
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        fresh.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        return new HolidaySet(Id, first, last, Merge(sorted, fresh), merged, Statute);
    }

    /// <summary>Reports added years cut off from the known ones by a gap, once, at the first of them.</summary>
    private void ReportGap(List<KeyValuePair<int, FieldRef>> beyond, int missing, ProblemSink problems)
    {
        if (beyond.Count == 0)
        {
            return;
        }

        int nearest = beyond[0].Key;
        string gap = missing < nearest ? Years(missing, nearest - 1) : Years(nearest + 1, missing);
        problems.Add(
            beyond[0].Value,
            YearList(beyond.Select(p => p.Key)),
            $"holiday set '{Id}' knows {Years(FirstYear, LastYear)}, so {gap} would be unknown; add {gap} too");
    }

    /// <summary>Years as text, runs compressed: <c>2002-2003, 2027</c>.</summary>
    private static string YearList(IEnumerable<int> years)
    {
        var sortedYears = years.Distinct().Order().ToList();
        var parts = new List<string>();
        for (int i = 0; i < sortedYears.Count;)
        {
            int j = i;
            while (j + 1 < sortedYears.Count && sortedYears[j + 1] == sortedYears[j] + 1)
            {
                j++;
            }

            parts.Add(Years(sortedYears[i], sortedYears[j]));
            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    /// <summary>Returns the id and the known years, for example <c>cn-mainland (2004-2026)</c>.</summary>
    /// <returns>A short description of the set.</returns>
    public override string ToString() => $"{Id} ({FirstYear}-{LastYear})";

    /// <summary>Whether <paramref name="id"/> can name a holiday set: non-empty, letters, digits, '-', '_' and '.' only. One rule for C# and documents.</summary>
    internal static bool IsValidId(string id) => id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Checks the id of a set made of notices (<see cref="IsValidId"/>); false, with the problem reported at <paramref name="field"/>, when it cannot be one.</summary>
    internal static bool CheckNewId(string id, FieldRef field, ProblemSink problems)
    {
        if (IsValidId(id))
        {
            return true;
        }

        problems.Add(field, ProblemSink.Quote(id), "expected the id of a new holiday set: letters, digits, '-', '_' and '.'");
        return false;
    }

    private static void CheckId(string id)
    {
        if (!IsValidId(id))
        {
            Preconditions.ThrowArgument(nameof(id), $"The holiday set id \"{ProblemSink.Cut(id)}\" must be non-empty and use only letters, digits, '-', '_' and '.'.");
        }
    }

    private static void CheckYear(int year, string paramName)
    {
        if (year < CalendarLimits.MinYear || year > CalendarLimits.MaxYear)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, year, $"a year from {CalendarLimits.MinYear} to {CalendarLimits.MaxYear}");
        }
    }

    private static void CheckEntry(HolidaySetEntry entry, string paramName)
    {
        if (entry.Name is null)
        {
            throw new ArgumentNullException(paramName, $"The entry for {Format(entry.Date)} has a null name; use an empty string for a nameless entry.");
        }

        if (entry.Date.Calendar != CalendarSystem.Iso)
        {
            Preconditions.ThrowArgument(paramName, $"The entry for {entry.Date} is not in the ISO calendar.");
        }

        if (entry.Kind is not (HolidayKind.Holiday or HolidayKind.AdjustedWorkingDay))
        {
            Preconditions.ThrowArgument(paramName, $"The entry for {Format(entry.Date)} has kind {(int)entry.Kind}, which is not a HolidayKind.");
        }
    }

    private static string Years(int first, int last) =>
        first == last ? first.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{first}-{last}");

    private static string Format(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
