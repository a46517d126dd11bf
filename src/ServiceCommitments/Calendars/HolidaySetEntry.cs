using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>One dated entry of a <see cref="HolidaySet"/>: a holiday or an adjusted working day.</summary>
/// <param name="Date">The date the entry applies to.</param>
/// <param name="Kind">Whether the date is a holiday or an adjusted working day.</param>
/// <param name="Name">The name of the holiday the entry belongs to, for example <c>"Spring Festival 春节"</c>; may be empty, never null in a built set.</param>
/// <remarks>An immutable value; the default value is a nameless holiday on 0001-01-01 (ISO), which no set accepts without a name check.</remarks>
[Immutable]
public readonly record struct HolidaySetEntry(LocalDate Date, HolidayKind Kind, string Name);
