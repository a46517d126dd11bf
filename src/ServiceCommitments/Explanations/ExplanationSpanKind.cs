namespace ServiceCommitments.Explanations;

/// <summary>What a span of an explanation is.</summary>
public enum ExplanationSpanKind
{
    /// <summary>The clock ran: this time counts toward the target. This is the default value.</summary>
    Counted = 0,

    /// <summary>The calendar was closed (outside working hours, a rest day, a holiday): skipped by a working-time clock.</summary>
    Closed = 1,

    /// <summary>The clock was paused (waiting for the customer): removed from the target's clock.</summary>
    Paused = 2,

    /// <summary>After the cut-off time of the start's day: the clock starts on the next working day.</summary>
    AfterCutOff = 3,

    /// <summary>The last day was not a working day, so the holiday rule moved the deadline to the next working day's close.</summary>
    HolidayRule = 4,
}
