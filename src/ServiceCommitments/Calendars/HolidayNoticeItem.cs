using System.Collections.Generic;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>
/// One numbered item of a holiday notice, as read: the festival it arranges, the days off and the adjusted working
/// days it names (一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。).
/// </summary>
/// <remarks>Immutable. A supplement's item may also extend a festival's block (延长2020年春节假期至2月2日).</remarks>
[Immutable]
public sealed class HolidayNoticeItem
{
    internal HolidayNoticeItem(
        int number, string text, string festival, string name, IReadOnlyList<LocalDate> holidays, IReadOnlyList<LocalDate> workingDays, LocalDate? extendedTo)
    {
        Number = number;
        Text = text;
        Festival = festival;
        Name = name;
        Holidays = holidays;
        WorkingDays = workingDays;
        ExtendedTo = extendedTo;
    }

    /// <summary>The item's number (1 for 一、), or 0 for the body of a notice that does not number its items.</summary>
    public int Number { get; }

    /// <summary>The item as written in the notice.</summary>
    public string Text { get; }

    /// <summary>The festival as the notice names it (<c>元旦</c>, <c>国庆节、中秋节</c>); empty when the item names none.</summary>
    public string Festival { get; }

    /// <summary>
    /// The name given to the item's entries, in the shipped data's convention (<c>"Spring Festival 春节"</c>); for two
    /// festivals in one item, the main one (the mid-autumn day itself is named for 中秋 in <see cref="HolidayNotice.Entries"/>).
    /// </summary>
    public string Name { get; }

    /// <summary>The days off, in order: every day of each 放假 range (weekend days inside it included), each 补休 day and each day a 公休日 is moved to (调至).</summary>
    public IReadOnlyList<LocalDate> Holidays { get; }

    /// <summary>
    /// The Saturdays and Sundays worked, in order: each date named with 上班, and each 公休日 moved away (调至) that is not
    /// itself a day off. A weekday named with 上班 is an ordinary working day and is not listed.
    /// </summary>
    public IReadOnlyList<LocalDate> WorkingDays { get; }

    /// <summary>For a supplement that extends a festival (延长...至2月2日), the last day off of the extended block; otherwise null.</summary>
    public LocalDate? ExtendedTo { get; }
}
