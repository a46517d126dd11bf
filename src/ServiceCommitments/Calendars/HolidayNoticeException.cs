using System;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars;

/// <summary>
/// Thrown when the text of a State Council holiday notice cannot be read, or disagrees with itself: a weekday in
/// brackets that is not the date's weekday, a 共N天 that does not match the range, a date outside the notice's year.
/// </summary>
/// <remarks>
/// The message quotes the item as written (cut to 80 characters) and says what was expected there. Nothing in a notice
/// is guessed: a sentence that names dates without saying what happens on them is an error, not skipped.
/// </remarks>
[Immutable]
public sealed class HolidayNoticeException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The whole message.</param>
    /// <param name="item">The item (or sentence) the problem is in, as written; empty when the problem is the whole text's.</param>
    /// <param name="year">The notice's year, when it was found; otherwise null.</param>
    public HolidayNoticeException(string message, string item, int? year)
        : base(message)
    {
        Item = item ?? string.Empty;
        Year = year;
    }

    /// <summary>The item or sentence of the notice the problem is in, as written; empty when it concerns the whole text.</summary>
    public string Item { get; }

    /// <summary>The year of the notice, when it could be read; otherwise null.</summary>
    public int? Year { get; }
}
