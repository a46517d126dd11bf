using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace ServiceCommitments.Targets;

/// <summary>
/// The English words for a target, as a contract prints them: <c>within 2 working days</c>, <c>within 30 minutes</c>.
/// Kept in Targets so that <see cref="ServiceTarget.ToString"/> needs no phrase reader; the English phrases
/// (<c>ServiceCommitments.Phrases.TargetPhrases</c>) print and read back the same words.
/// </summary>
internal static class TargetDescription
{
    /// <summary>The clause an English phrase ends with when the deadline moves off a day that is not a working day.</summary>
    internal const string HolidaySuffix = ", moved to the close of the next working day when the last day is not a working day";

    /// <summary>The English words for any target: the phrase when there is one, else a description no parser reads back.</summary>
    internal static string English(ServiceTarget target)
    {
        string text = target.Kind switch
        {
            TargetKind.Elapsed => target.Amount == Duration.Zero ? "immediately" : "within " + EnglishDuration(target.Amount, ""),
            TargetKind.WorkingTime => target.Amount == Duration.Zero ? "within 0 working hours" : "within " + EnglishDuration(target.Amount, "working "),
            TargetKind.WorkingDays => $"within {Plural(target.Days, "working day")}",
            TargetKind.CalendarDays => $"within {Plural(target.Days, "calendar day")}",
            _ => "within " + EnglishPeriod(target.Period!),
        };
        if (target.HolidayRule == HolidayRule.NextWorkingDay)
        {
            text += HolidaySuffix;
        }

        if (target.CutOff is { } cutOff)
        {
            text += $", counted from the next working day when reported at or after {cutOff.ToString("HH:mm", CultureInfo.InvariantCulture)}";
        }

        return text;
    }

    /// <summary>A duration in English hours, minutes and seconds, each noun after <paramref name="qualifier"/> ("working ").</summary>
    internal static string EnglishDuration(Duration d, string qualifier)
    {
        var parts = new List<string>();
        long hours = d.BclCompatibleTicks / NodaConstants.TicksPerHour;
        if (hours > 0)
        {
            parts.Add(Plural(hours, qualifier + "hour"));
        }

        if (d.Minutes > 0)
        {
            parts.Add(Plural(d.Minutes, qualifier + "minute"));
        }

        if (d.Seconds > 0 || d.SubsecondTicks > 0)
        {
            parts.Add(d.SubsecondTicks > 0 ? $"{(d.Seconds + (d.SubsecondTicks / 1e7m)).ToString(CultureInfo.InvariantCulture)} {qualifier}seconds" : Plural(d.Seconds, qualifier + "second"));
        }

        return string.Join(" ", parts);
    }

    private static string EnglishPeriod(Period p)
    {
        if (p.Equals(Period.FromDays(15)))
        {
            return "half a month";
        }

        var parts = new List<string>();
        if (p.Years > 0)
        {
            parts.Add(Plural(p.Years, "year"));
        }

        if (p.Months > 0)
        {
            parts.Add(Plural(p.Months, "month"));
        }

        if (p.Days > 0 || parts.Count == 0)
        {
            return parts.Count == 0 ? "a period of " + Plural(p.Days, "day") : string.Join(" ", parts) + " " + Plural(p.Days, "day");
        }

        return string.Join(" ", parts);
    }

    private static string Plural(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";
}
