using System.Collections.Generic;
using System.Linq;
using ServiceCommitments.Calendars.Notices;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>
/// A State Council holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知), read from its text as published: the
/// year it arranges, each numbered item, and the holiday set entries it gives.
/// </summary>
/// <remarks>
/// <para>The text may be pasted whole (heading, document number, preamble, items, closing lines and signature) or as
/// the items alone, in full-width or half-width punctuation. Every style the notices have used since 2008 reads:
/// <c>周四</c> and <c>星期四</c>; <c>放假</c>, <c>放假调休</c>, <c>放假公休</c>, <c>补休</c>, <c>与周末连休</c>; ranges written
/// <c>至</c>, <c>-</c> or <c>—</c>, across a month or a year; 元旦 arrangements that name December dates of the year before;
/// the 2008-2009 style that moves 公休日 with <c>调至</c>; headings on their own lines.</para>
/// <para>Every date named is checked against the notice itself: a weekday in brackets must be that date's weekday, a
/// <c>共N天</c> must match its range, and a date must lie in the notice's year or the last days of December before it.
/// A sentence that names dates without saying what happens on them is an error. Sentences that only encourage
/// (<c>鼓励...安排职工在除夕(2月9日)休息</c>) or describe (<c>为法定节假日</c>, <c>照常公休</c>) add nothing.</para>
/// <para>Add a notice to a set with <see cref="HolidaySet.WithNotice(string, bool)"/>, or make a set from notices alone with
/// <see cref="HolidaySet.FromNotices(string, System.Collections.Generic.IEnumerable{string}, System.Collections.Generic.IEnumerable{string})"/>. Instances are immutable.</para>
/// </remarks>
[Immutable]
public sealed class HolidayNotice
{
    internal HolidayNotice(string text, int year, IReadOnlyList<HolidayNoticeItem> items, IReadOnlyList<HolidaySetEntry> entries)
    {
        Text = text;
        Year = year;
        Items = items;
        Entries = entries;
    }

    /// <summary>The notice's text, as given.</summary>
    public string Text { get; }

    /// <summary>The year the notice arranges (the year of <c>关于2027年部分节假日安排</c>).</summary>
    public int Year { get; }

    /// <summary>The items that name dates, in the order written.</summary>
    public IReadOnlyList<HolidayNoticeItem> Items { get; }

    /// <summary>
    /// The entries the notice gives, ordered by date: every day off as <see cref="HolidayKind.Holiday"/>, every Saturday
    /// or Sunday worked as <see cref="HolidayKind.AdjustedWorkingDay"/>, named in the shipped data's convention
    /// (<c>"National Day 国庆节"</c>; in an item for 国庆节 and 中秋节, the mid-autumn day itself is <c>"Mid-autumn Festival 中秋"</c>).
    /// A supplement's extension (<see cref="HolidayNoticeItem.ExtendedTo"/>) gives no entries here: it depends on the
    /// block it extends, which <see cref="HolidaySet.WithSupplement"/> finds in the set.
    /// </summary>
    public IReadOnlyList<HolidaySetEntry> Entries { get; }

    /// <summary>Reads a notice; its year is taken from the text (<c>关于2027年部分节假日安排的通知</c>, <c>现将2027年...</c>).</summary>
    /// <param name="text">The notice as published, whole or its items alone.</param>
    /// <returns>The notice.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="HolidayNoticeException">The text names no year, names no date, or an item cannot be read or disagrees with itself; the message quotes the item.</exception>
    public static HolidayNotice Parse(string text)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        return NoticeReader.Read(text, null);
    }

    /// <summary>Reads a notice as <see cref="Parse(string)"/> does; null, with the problem reported at <paramref name="field"/>, when it cannot be read.</summary>
    internal static HolidayNotice? TryParse(string text, FieldRef field, ProblemSink problems) => NoticeReader.TryRead(text, field, problems);

    /// <summary>Reads a notice of <paramref name="year"/>: for a text that does not say its year, such as items pasted alone.</summary>
    /// <param name="text">The notice as published, whole or its items alone.</param>
    /// <param name="year">The year the notice arranges; when the text names its year too, the two must agree.</param>
    /// <returns>The notice.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="year"/> is outside 2-9998.</exception>
    /// <exception cref="HolidayNoticeException">The text names another year, names no date, or an item cannot be read or disagrees with itself.</exception>
    public static HolidayNotice Parse(string text, int year)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        if (year < CalendarLimits.MinYear + 1 || year > CalendarLimits.MaxYear)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(year), year, $"a year from {CalendarLimits.MinYear + 1} to {CalendarLimits.MaxYear}");
        }

        return NoticeReader.Read(text, year);
    }

    /// <summary>Returns the year and the number of items, for example <c>holiday notice 2027 (7 items)</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"holiday notice {Year} ({Items.Count} item{(Items.Count == 1 ? "" : "s")}, {Entries.Count(e => e.Kind == HolidayKind.Holiday)} days off, {Entries.Count(e => e.Kind == HolidayKind.AdjustedWorkingDay)} working)";
}
