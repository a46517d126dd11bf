namespace ServiceCommitments.Calendars;

/// <summary>What a calendar does with a year one of its holiday sets does not know.</summary>
public enum UnknownYears
{
    /// <summary>
    /// Refuse: a computation that needs the year throws <see cref="HolidayDataUnavailableException"/>. The default,
    /// because counting a Spring Festival week as an ordinary one gives silently wrong deadlines.
    /// </summary>
    Error = 0,

    /// <summary>Count the year as ordinary weeks: no holidays, no adjusted working days.</summary>
    Ordinary = 1,

    /// <summary>
    /// Fill the year from the set's statutory rule (<see cref="HolidaySet.TryGetProvisionalYear"/>): the statutory
    /// holidays alone, marked provisional in explanations. A year the rule cannot fill (a set without a rule, or for
    /// mainland China a year outside 1901-2100) is refused as under <see cref="Error"/>.
    /// </summary>
    Provisional = 2,
}
