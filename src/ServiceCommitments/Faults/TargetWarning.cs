using System;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

/// <summary>
/// A warning threshold on a target: a share of the target consumed (75 %), or a lead before the deadline on the
/// target's own clock (two working hours before, for a working-time target).
/// </summary>
/// <remarks>An immutable value. The default value is a warning at a share of 0, when the clock starts.</remarks>
[Immutable]
public readonly struct TargetWarning : IEquatable<TargetWarning>
{
    private readonly double share;
    private readonly long lead; // ticks; 0 when the warning is a share

    private TargetWarning(double share, long lead)
    {
        this.share = share;
        this.lead = lead;
    }

    /// <summary>The share of the target consumed at which the warning fires, or null for a lead warning.</summary>
    public double? Share => IsLead ? null : share;

    /// <summary>The lead before the deadline at which the warning fires, or null for a share warning.</summary>
    public Duration? Lead => IsLead ? Duration.FromTicks(lead) : null;

    private bool IsLead => lead > 0;

    /// <summary>A warning when <paramref name="share"/> of the target has been consumed.</summary>
    /// <param name="share">Greater than 0 and less than 1, for example 0.75.</param>
    /// <returns>The warning.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="share"/> is not between 0 and 1 (exclusive).</exception>
    public static TargetWarning AtShare(double share)
    {
        if (!IsShare(share))
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(share), share, ShareRule);
        }

        return new TargetWarning(share, 0);
    }

    /// <summary>What <see cref="AtShare"/> expects, in the words its exception and the document reader use.</summary>
    internal const string ShareRule = "a share greater than 0 and less than 1, such as 0.75";

    /// <summary>
    /// Whether the number written <paramref name="number"/> is a share (checked on the double the warning keeps: the
    /// nearest to what is written); the problem reported at <paramref name="at"/> when not.
    /// </summary>
    internal static bool CheckShare(string number, FieldRef at, IShownValue? shown, ProblemSink sink, out double share)
    {
        if (TryParseShare(number, 0, out share, out bool rounded))
        {
            return true;
        }

        sink.Add(at, shown?.Show() ?? number, "expected " + ShareRule + (rounded ? "; as a double it is " + share.ToString(CultureInfo.InvariantCulture) : ""));
        return false;
    }

    /// <summary>Whether <paramref name="lead"/> may lead a deadline (more than zero, to the tick); the problem reported at <paramref name="at"/> when not.</summary>
    internal static bool CheckLead(Duration lead, FieldRef at, IShownValue? shown, ProblemSink sink)
    {
        if (lead > Duration.Zero && lead <= Ticks.MaxDuration && Duration.FromTicks(lead.BclCompatibleTicks) == lead)
        {
            return true;
        }

        sink.Add(at, shown?.Show() ?? lead.ToString(), "expected a lead of more than zero, to the tick");
        return false;
    }

    /// <summary>The one rule for a share, which <see cref="AtShare"/> checks: greater than 0 and less than 1 (NaN is neither).</summary>
    internal static bool IsShare(double share) => share > 0 && share < 1;

    /// <summary>
    /// Reads a share written in decimal, <paramref name="number"/> × 10^<paramref name="exponent"/> (a document's
    /// <c>0.75</c>; a sentence's <c>75</c> % with <paramref name="exponent"/> −2), as the double nearest to it: the value
    /// <see cref="AtShare"/> is given, so that the readers check the rule on the value the warning keeps, not on what is
    /// written (0.999999999999999999999999995 is less than 1, and is 1 as a double).
    /// </summary>
    /// <param name="number">A number as JSON writes it: <c>[-]digits[.digits][e[+|-]digits]</c>.</param>
    /// <param name="exponent">The power of ten <paramref name="number"/> is scaled by.</param>
    /// <param name="share">The double: 0 or infinity for a number too small or too large for one; NaN when <paramref name="number"/> is not a number.</param>
    /// <param name="rounded">
    /// Whether the number written is greater than 0 and less than 1 but its double is not: the reader says so, since
    /// the number alone does not show what is wrong with it.
    /// </param>
    /// <returns>Whether <see cref="AtShare"/> accepts <paramref name="share"/>.</returns>
    internal static bool TryParseShare(string number, int exponent, out double share, out bool rounded)
    {
        // number = sign × 0.significant × 10^magnitude, exactly.
        const long Far = 1_000_000_000_000; // beyond any double, and far from overflowing a long
        bool negative = number.StartsWith('-');
        int e = number.IndexOfAny(['e', 'E']);
        string mantissa = number[(negative ? 1 : 0)..(e < 0 ? number.Length : e)];
        long scale = exponent;
        if (e >= 0)
        {
            string written = number[(e + 1)..];
            scale += long.TryParse(written, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long x)
                ? Math.Clamp(x, -Far, Far)
                : written.StartsWith('-') ? -Far : Far;
        }

        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string whole = point < 0 ? mantissa : mantissa[..point];
        string digits = point < 0 ? mantissa : whole + mantissa[(point + 1)..];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            (share, rounded) = (double.NaN, false);
            return false;
        }

        int first = digits.AsSpan().IndexOfAnyExcept('0');
        string significant = first < 0 ? "" : digits[first..].TrimEnd('0');
        long magnitude = first < 0 ? 0 : whole.Length - first + scale;
        share = significant.Length == 0 ? 0
            : magnitude > 400 ? double.PositiveInfinity
            : magnitude < -400 ? 0
            : double.Parse("0." + significant + "e" + magnitude.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        share = negative ? -share : share;
        bool accepted = IsShare(share);
        rounded = !accepted && !negative && significant.Length > 0 && magnitude <= 0;
        return accepted;
    }

    /// <summary>A warning <paramref name="lead"/> before the deadline, on the target's clock.</summary>
    /// <param name="lead">More than zero, a whole number of ticks.</param>
    /// <returns>The warning.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lead"/> is zero or negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="lead"/> is finer than a tick.</exception>
    public static TargetWarning Before(Duration lead)
    {
        if (lead <= Duration.Zero)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(lead), lead, "a lead of more than zero");
        }

        return new TargetWarning(0, Ticks.FromDuration(lead, nameof(lead)));
    }

    /// <summary>Describes the warning: <c>at 75%</c> or <c>2 hours before</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        IsLead ? Targets.ServiceTarget.DescribeDuration(Duration.FromTicks(lead)) + " before" : "at " + (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <inheritdoc/>
    public bool Equals(TargetWarning other) => lead == other.lead && share.Equals(other.share);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TargetWarning other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(share, lead);

    /// <summary>Whether two warnings are the same.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(TargetWarning left, TargetWarning right) => left.Equals(right);

    /// <summary>Whether two warnings differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(TargetWarning left, TargetWarning right) => !left.Equals(right);

    /// <summary>How much of <paramref name="total"/> (the clock's count up to the deadline) the clock has counted when the warning fires.</summary>
    /// <remarks>
    /// A share fires at the earliest tick by which at least that share has been counted, so a fraction of a tick rounds
    /// up. The share is taken as a document writes it, to 15 significant digits (0.1 is a tenth, not the double
    /// nearest it), so that a whole number of ticks stays whole.
    /// </remarks>
    internal long CountedAt(long total) =>
        IsLead ? Math.Max(0, total - lead) : (long)decimal.Ceiling((decimal)share * total);
}
