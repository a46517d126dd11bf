using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>The rules every period of a warranty follows (a term, a share, an extension, a presumption), checked once when a policy is built.</summary>
internal static class WarrantyPeriods
{
    /// <summary>Records a problem unless <paramref name="period"/> is years, months, weeks and days only, none negative, at least one day, at most 10,000 years.</summary>
    internal static bool Validate(Period period, FieldRef field, string what, ProblemSink sink)
    {
        string text = period.ToString();
        if (period.HasTimeComponent)
        {
            sink.Add(field, text, $"{what} counts years, months, weeks and days only; it has a time part");
            return false;
        }

        if (period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0)
        {
            sink.Add(field, text, $"{what} must not have a negative part");
            return false;
        }

        if (period.Years == 0 && period.Months == 0 && period.Weeks == 0 && period.Days == 0)
        {
            sink.Add(field, text, $"{what} must be at least one day long");
            return false;
        }

        if (!Targets.PeriodRules.IsWithinMaxLength(period))
        {
            sink.Add(field, text, $"{what} must be at most 10,000 years long");
            return false;
        }

        return true;
    }

    /// <summary>A valid period as the years, months and days <see cref="DayNumbers.Plus(long, int, int, long)"/> adds.</summary>
    internal static (int Years, int Months, long Days) Parts(Period period) =>
        (period.Years, period.Months, (period.Weeks * 7L) + period.Days);

    /// <summary>Describes a period in words: <c>12 months</c>, <c>1 year 6 months</c>, <c>lifetime</c> for null.</summary>
    internal static string Describe(Period? period)
    {
        if (period is null)
        {
            return "lifetime";
        }

        var parts = new System.Collections.Generic.List<string>();
        Add(period.Years, "year");
        Add(period.Months, "month");
        Add(period.Weeks, "week");
        Add(period.Days, "day");
        return parts.Count == 0 ? "no time" : string.Join(" ", parts);

        void Add(long n, string noun)
        {
            if (n != 0)
            {
                parts.Add(n == 1 ? $"1 {noun}" : $"{n.ToString(System.Globalization.CultureInfo.InvariantCulture)} {noun}s");
            }
        }
    }
}
