using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars.Notices;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>Holiday sets read from the State Council's notices: the yearly routine of adding next year as published.</summary>
public sealed partial class HolidaySet
{
    /// <summary>
    /// Returns a set with the same id that also knows the year of <paramref name="notice"/>, read from the notice's text as
    /// published (国务院办公厅关于2027年部分节假日安排的通知): how a user adds next year the day the notice comes out.
    /// </summary>
    /// <remarks>
    /// The notice's year must follow <see cref="LastYear"/> (or precede <see cref="FirstYear"/>), so that the known years
    /// stay contiguous. Its December dates of the year before (a 元旦 arrangement) are added to that year, as long as
    /// this set has no other entry for them. With <paramref name="replace"/>, a notice for a year the set knows replaces
    /// that year: every entry dated in the year, and the New Year's Day entries of the December before it, give way to
    /// the notice's.
    /// </remarks>
    /// <param name="notice">The notice's text, whole or its items alone, as <see cref="HolidayNotice.Parse(string)"/> reads it.</param>
    /// <param name="replace">Whether a notice for a year this set already knows replaces that year; otherwise that is an error.</param>
    /// <returns>A new set; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notice"/> is null.</exception>
    /// <exception cref="HolidayNoticeException">The text cannot be read or disagrees with itself; the message quotes the item.</exception>
    /// <exception cref="ValidationException">
    /// The set already knows the year and <paramref name="replace"/> is false; the year is not next to the known years; or
    /// a December date the notice names already has another entry.
    /// </exception>
    public HolidaySet WithNotice(string notice, bool replace = false)
    {
        Preconditions.CheckNotNull(notice, nameof(notice));
        return WithNotice(HolidayNotice.Parse(notice), replace);
    }

    /// <summary>Returns a set with the same id that also knows the year of a notice already read (see <see cref="WithNotice(string, bool)"/>).</summary>
    /// <param name="notice">The notice.</param>
    /// <param name="replace">Whether a notice for a year this set already knows replaces that year; otherwise that is an error.</param>
    /// <returns>A new set; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notice"/> is null.</exception>
    /// <exception cref="ValidationException">
    /// The set already knows the year and <paramref name="replace"/> is false; the year is not next to the known years; or
    /// a December date the notice names already has another entry.
    /// </exception>
    public HolidaySet WithNotice(HolidayNotice notice, bool replace = false)
    {
        Preconditions.CheckNotNull(notice, nameof(notice));
        var problems = new ProblemSink();
        return AddNotice(notice, replace, FieldRef.Named(nameof(notice)), problems) ?? throw Invalid(problems, nameof(notice));
    }

    /// <summary>
    /// Returns a set with the same id in which a later notice changes a year already known, as the State Council has
    /// done three times: 2015's 70th-anniversary days (国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知),
    /// 2019's Labour Day (国务院办公厅关于调整2019年劳动节假期安排的通知) and 2020's longer Spring Festival
    /// (国务院办公厅关于延长2020年春节假期的通知).
    /// </summary>
    /// <remarks>
    /// Each item of the supplement that names dates re-arranges its festival: the festival's entries of that year give
    /// way to the item's days off and working days (a festival the year did not have, such as 2015's anniversary, is
    /// added). An item that extends a festival (延长...至2月2日) adds every day from the day after the festival's block
    /// to the date named as days off, in place of any working day there. Items that name no date (instructions to
    /// schools, pay) change nothing.
    /// </remarks>
    /// <param name="supplement">The supplementary notice's text, as published.</param>
    /// <returns>A new set; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="supplement"/> is null.</exception>
    /// <exception cref="HolidayNoticeException">The text cannot be read or disagrees with itself; the message quotes the item.</exception>
    /// <exception cref="ValidationException">The set does not know the supplement's year, or an extension names a festival the year has no days off for, or a date not after them.</exception>
    public HolidaySet WithSupplement(string supplement)
    {
        Preconditions.CheckNotNull(supplement, nameof(supplement));
        var problems = new ProblemSink();
        return AddSupplement(HolidayNotice.Parse(supplement), supplement, FieldRef.Named(nameof(supplement)), problems)
            ?? throw Invalid(problems, nameof(supplement));
    }

    /// <summary>
    /// Makes a set from notices alone: the years of <paramref name="notices"/>, read as published, with
    /// <paramref name="supplements"/> applied after them. The set fills unknown years from mainland China's statutory
    /// rule for calendars that ask for provisional years, as <see cref="HolidaySets.ChinaMainland"/> does.
    /// </summary>
    /// <remarks>
    /// The notices may come in any order; their years must be distinct and contiguous. The set knows the years from the
    /// first notice's to the last's. The December dates of the year before the first that the first notice names (a
    /// 元旦 block starting on 30 December) are entries of the set too: <see cref="TryGetEntry"/> finds them, and a calendar
    /// that counts that year as ordinary or provisional uses them; a calendar strict about unknown years still refuses
    /// that year as unknown.
    /// </remarks>
    /// <param name="id">The set's id: letters, digits, '-', '_' or '.'.</param>
    /// <param name="notices">The yearly notices' texts; at least one.</param>
    /// <param name="supplements">Later notices that change a year the notices give; null or empty for none.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="notices"/> is null, or a text is null.</exception>
    /// <exception cref="HolidayNoticeException">A text cannot be read or disagrees with itself; the message quotes the item.</exception>
    /// <exception cref="ArgumentException">The id is empty or has other characters.</exception>
    /// <exception cref="ValidationException">
    /// No notice is given; two notices are for one year; a year between two notices has none; two notices give one date
    /// different meanings; or a supplement does not fit (see <see cref="WithSupplement"/>).
    /// </exception>
    public static HolidaySet FromNotices(string id, IEnumerable<string> notices, IEnumerable<string>? supplements = null)
    {
        Preconditions.CheckNotNull(id, nameof(id));
        Preconditions.CheckNotNull(notices, nameof(notices));
        CheckId(id);
        var problems = new ProblemSink();
        var read = notices.Select((text, i) => (HolidayNotice.Parse(Preconditions.CheckNotNull(text, nameof(notices))), FieldRef.Named(nameof(notices)).Item(i))).ToList();
        var set = FromNotices(id, read, problems);
        int index = 0;
        foreach (string text in supplements ?? [])
        {
            Preconditions.CheckNotNull(text, nameof(supplements));
            set = set?.AddSupplement(HolidayNotice.Parse(text), text, FieldRef.Named(nameof(supplements)).Item(index++), problems);
        }

        return set ?? throw Invalid(id, problems, nameof(notices));
    }

    /// <summary>A set of notices alone; null when a problem was recorded.</summary>
    internal static HolidaySet? FromNotices(string id, IReadOnlyList<(HolidayNotice Notice, FieldRef Field)> notices, ProblemSink problems)
    {
        int before = problems.Count;
        if (notices.Count == 0)
        {
            problems.Add(FieldRef.Named(nameof(notices)), null, "expected at least one notice");
            return null;
        }

        var ordered = notices.OrderBy(n => n.Notice.Year).ToList();
        for (int i = 1; i < ordered.Count; i++)
        {
            int year = ordered[i].Notice.Year, previous = ordered[i - 1].Notice.Year;
            if (year == previous)
            {
                problems.Add(ordered[i].Field, Year(year), $"a notice for {Year(year)} is given already; expected one notice a year (a later change is a supplement)");
            }
            else if (year > previous + 1)
            {
                problems.Add(ordered[i].Field, Year(year), $"no notice is given for {Years(previous + 1, year - 1)}; expected the notices of contiguous years, so that no year between them is unknown");
            }
        }

        var byDate = new Dictionary<LocalDate, HolidaySetEntry>();
        foreach (var (notice, field) in ordered)
        {
            foreach (var entry in notice.Entries)
            {
                if (byDate.TryGetValue(entry.Date, out var other) && other.Kind != entry.Kind)
                {
                    problems.Add(field, Format(entry.Date), $"the notice for {Year(notice.Year)} makes this date {Kind(entry.Kind)}, the notice for {Year(other.Date.Year + 1)} {Kind(other.Kind)}; expected one meaning");
                }

                byDate.TryAdd(entry.Date, entry);
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var sources = new NoticeSources(null, [.. notices.Select(n => n.Notice.Text)], []);
        return Build(id, ordered[0].Notice.Year, ordered[^1].Notice.Year, byDate, StatutoryRules.ChinaMainland, sources);
    }

    /// <summary>The set with a notice's year added (or, with <paramref name="replace"/>, replaced); null when a problem was recorded.</summary>
    internal HolidaySet? AddNotice(HolidayNotice notice, bool replace, FieldRef field, ProblemSink problems)
    {
        int year = notice.Year;
        var sources = (Sources ?? new NoticeSources(this, [], [])).AddNotice(notice.Text);
        if (!KnowsYear(year))
        {
            // December dates of a year before the notice's that the set will not know (a notice for the year before
            // FirstYear) are kept as FromNotices keeps the first notice's, outside the known years.
            var outside = notice.Entries.Where(e => e.Date.Year < year && !KnowsYear(e.Date.Year)).ToList();
            var added = Extend([(year, field)], notice.Entries.Except(outside).Select(e => (e, field)).ToList(), problems);
            if (added is null)
            {
                return null;
            }

            if (outside.Count == 0)
            {
                return new HolidaySet(added.Id, added.FirstYear, added.LastYear, added.sorted, added.byDate, Statute, sources);
            }

            var withOutside = new Dictionary<LocalDate, HolidaySetEntry>(added.byDate);
            foreach (var entry in outside)
            {
                if (withOutside.TryGetValue(entry.Date, out var other) && other != entry)
                {
                    problems.Add(field, Format(entry.Date), $"holiday set '{Id}' has {other} for this date; expected no other entry for a December date the notice names");
                    return null;
                }

                withOutside[entry.Date] = entry;
            }

            return Build(added.Id, added.FirstYear, added.LastYear, withOutside, Statute, sources);
        }

        if (!replace)
        {
            problems.Add(field, Year(year), $"holiday set '{Id}' already knows {Year(year)}; expected a notice for a year it does not know, or say to replace the year (WithNotice(text, replace: true))");
            return null;
        }

        var byDate = new Dictionary<LocalDate, HolidaySetEntry>(this.byDate);
        foreach (var entry in sorted)
        {
            if (entry.Date.Year == year || (entry.Date.Year == year - 1 && entry.Date.Month == 12 && entry.Name == Festivals.NewYear))
            {
                byDate.Remove(entry.Date);
            }
        }

        foreach (var entry in notice.Entries)
        {
            byDate[entry.Date] = entry;
        }

        // A document cannot say "replace", so a replaced year is not written back as a notice (it would not read).
        return Build(Id, FirstYear, LastYear, byDate, Statute, null);
    }

    /// <summary>The set with a supplement applied; null when a problem was recorded.</summary>
    internal HolidaySet? AddSupplement(HolidayNotice supplement, string text, FieldRef field, ProblemSink problems)
    {
        int year = supplement.Year;
        if (!KnowsYear(year))
        {
            problems.Add(field, Year(year), $"holiday set '{Id}' does not know {Year(year)}, so a supplement cannot change it; expected a supplement for {Years(FirstYear, LastYear)}, or the year's notice first");
            return null;
        }

        var byDate = new Dictionary<LocalDate, HolidaySetEntry>(this.byDate);
        foreach (var item in supplement.Items)
        {
            if (item.ExtendedTo is { } end && !Extend(byDate, item, end, year, field, problems))
            {
                return null;
            }

            if (item.Holidays.Count + item.WorkingDays.Count > 0 && item.Name.Length > 0)
            {
                foreach (var entry in sorted.Where(e => e.Date.Year == year && e.Name == item.Name))
                {
                    byDate.Remove(entry.Date);
                }
            }
        }

        foreach (var entry in supplement.Entries)
        {
            byDate[entry.Date] = entry;
        }

        var sources = (Sources ?? new NoticeSources(this, [], [])).AddSupplement(text);
        return Build(Id, FirstYear, LastYear, byDate, Statute, sources);
    }

    /// <summary>Extends the block of <paramref name="item"/>'s festival to <paramref name="end"/> (延长2020年春节假期至2月2日).</summary>
    private bool Extend(Dictionary<LocalDate, HolidaySetEntry> byDate, HolidayNoticeItem item, LocalDate end, int year, FieldRef field, ProblemSink problems)
    {
        var block = sorted.Where(e => e.Kind == HolidayKind.Holiday && e.Name == item.Name && e.Name.Length > 0 && e.Date.Year == year && e.Date <= end).ToList();
        if (block.Count == 0)
        {
            problems.Add(field, ProblemSink.Quote(item.Text), $"the item extends {(item.Name.Length == 0 ? "a festival it does not name" : item.Name)}, but holiday set '{Id}' has no days off for it in {Year(year)} up to {Format(end)}; expected an extension of a block the year has");
            return false;
        }

        var last = block[^1].Date;
        if (end <= last)
        {
            problems.Add(field, ProblemSink.Quote(item.Text), $"the block of {item.Name} already runs to {Format(last)}; expected an extension to a later date");
            return false;
        }

        for (var date = last.PlusDays(1); date <= end; date = date.PlusDays(1))
        {
            byDate[date] = new HolidaySetEntry(date, HolidayKind.Holiday, item.Name);
        }

        return true;
    }

    private static HolidaySet Build(string id, int first, int last, Dictionary<LocalDate, HolidaySetEntry> byDate, StatutoryRule? statute, NoticeSources? sources)
    {
        var entries = byDate.Values.ToArray();
        Array.Sort(entries, static (a, b) => a.Date.CompareTo(b.Date));
        return new HolidaySet(id, first, last, entries, byDate, statute, sources);
    }

    private ValidationException Invalid(ProblemSink problems, string paramName) => Invalid(Id, problems, paramName);

    private static ValidationException Invalid(string id, ProblemSink problems, string paramName) =>
        new($"holiday set '{id}'", problems, paramName);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Kind(HolidayKind kind) => kind == HolidayKind.Holiday ? "a day off" : "a working day";
}
