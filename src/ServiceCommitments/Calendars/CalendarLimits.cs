namespace ServiceCommitments.Calendars;

/// <summary>The years a business calendar can compute in.</summary>
/// <remarks>Year 9999 is left out so that the end of every supported year (the start of the next) is a valid NodaTime instant.</remarks>
internal static class CalendarLimits
{
    internal const int MinYear = 1;
    internal const int MaxYear = 9998;
}
