using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>
/// A warranty claim: when the failure was reported, what the customer asks for, the problem and its stated causes,
/// when the product reached the repairer, and facts the remedy depends on.
/// </summary>
/// <remarks>
/// A claim without causes is a quality fault; each cause must be one an exclusion of the policy lists (checked when
/// the claim is decided). Instances are immutable and thread-safe.
/// </remarks>
[Immutable]
public sealed class Claim
{
    private static readonly IReadOnlyDictionary<string, decimal> NoUsage = new ReadOnlyDictionary<string, decimal>(new Dictionary<string, decimal>());

    /// <summary>Creates a claim.</summary>
    /// <param name="at">When the failure was reported (or, for a return or a request, when it was made).</param>
    /// <param name="request">What the customer asks for.</param>
    /// <param name="problem">The problem's code, or null (a return without reason, a request for support).</param>
    /// <param name="causes">The stated causes, matched against the policy's exclusions; null for none.</param>
    /// <param name="received">When the product reached the repairer (remedy deadlines count from it), or null while it has not.</param>
    /// <param name="repairable">False when the product cannot be repaired.</param>
    /// <param name="safety">Whether the problem is a serious safety fault.</param>
    /// <param name="magneticMedia">Whether the repair concerns magnetic media (to be repaired on site, never taken away).</param>
    /// <param name="usedPartsAgreed">Whether the customer agreed in writing to parts that are not new.</param>
    /// <param name="usage">Readings at the claim's date, by quantity; null for none.</param>
    /// <param name="id">An id for the caller's use; may be null.</param>
    /// <exception cref="ValidationException">A value breaks a rule: an undefined request, an empty problem or cause, a cause given twice, a receipt before the claim, an instant finer than a tick, a negative or unnamed reading; every problem is listed.</exception>
    public Claim(
        Instant at,
        ClaimRequest request = ClaimRequest.Repair,
        string? problem = null,
        IEnumerable<string>? causes = null,
        Instant? received = null,
        bool repairable = true,
        bool safety = false,
        bool magneticMedia = false,
        bool usedPartsAgreed = false,
        IEnumerable<KeyValuePair<string, decimal>>? usage = null,
        string? id = null)
        : this(Checked(ClaimInput.From(at, request, problem, causes, received, repairable, safety, magneticMedia, usedPartsAgreed, usage, id)))
    {
    }

    private Claim(ClaimInput input)
    {
        At = input.At;
        Request = input.Request;
        Problem = input.Problem;
        Causes = Array.AsReadOnly(input.Causes.Select(c => c.Cause).ToArray());
        Received = input.Received;
        Repairable = input.Repairable;
        Safety = input.Safety;
        MagneticMedia = input.MagneticMedia;
        UsedPartsAgreed = input.UsedPartsAgreed;
        Usage = input.Usage.Count == 0
            ? NoUsage
            : new ReadOnlyDictionary<string, decimal>(input.Usage.ToDictionary(u => u.Quantity, u => u.Value, StringComparer.Ordinal));
        Id = input.Id;
        CauseFields = input.Causes.Select(c => c.Field).ToArray();
    }

    /// <summary>The caller's id for the claim, or null.</summary>
    public string? Id { get; }

    /// <summary>When the failure was reported.</summary>
    public Instant At { get; }

    /// <summary>What the customer asks for.</summary>
    public ClaimRequest Request { get; }

    /// <summary>The problem's code, or null.</summary>
    public string? Problem { get; }

    /// <summary>The stated causes.</summary>
    public IReadOnlyList<string> Causes { get; }

    /// <summary>When the product reached the repairer, or null.</summary>
    public Instant? Received { get; }

    /// <summary>False when the product cannot be repaired.</summary>
    public bool Repairable { get; }

    /// <summary>Whether the problem is a serious safety fault.</summary>
    public bool Safety { get; }

    /// <summary>Whether the repair concerns magnetic media.</summary>
    public bool MagneticMedia { get; }

    /// <summary>Whether the customer agreed in writing to parts that are not new.</summary>
    public bool UsedPartsAgreed { get; }

    /// <summary>Readings at the claim's date, by quantity.</summary>
    public IReadOnlyDictionary<string, decimal> Usage { get; }

    /// <summary>Where each cause came from, for the problem an unknown cause makes.</summary>
    internal FieldRef[] CauseFields { get; }

    /// <summary>Describes the claim: <c>repair of E-42 at 2025-03-03T01:00:00Z</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{ClaimInput.RequestName(Request)}{(Problem is null ? "" : " of " + Problem)} at {At}" +
        (Causes.Count == 0 ? "" : $" (causes: {string.Join(", ", Causes)})");

    /// <summary>The claim described by <paramref name="input"/>, or null (with every problem recorded).</summary>
    internal static Claim? TryCreate(ClaimInput input, ProblemSink sink)
    {
        int before = sink.Count;
        input.Validate(sink);
        return sink.Count > before ? null : new Claim(input);
    }

    private static ClaimInput Checked(ClaimInput input)
    {
        var sink = new ProblemSink();
        input.Validate(sink);
        return sink.HasProblems ? throw new ValidationException("claim", sink) : input;
    }
}

/// <summary>What a claim is made of before it is checked: every value with where it came from.</summary>
internal sealed class ClaimInput
{
    internal Instant At { get; set; }

    internal FieldRef AtField { get; set; } = FieldRef.Named("at");

    internal ClaimRequest Request { get; set; }

    internal FieldRef RequestField { get; set; } = FieldRef.Named("request");

    internal string? Problem { get; set; }

    internal FieldRef ProblemField { get; set; } = FieldRef.Named("problem");

    internal List<(string Cause, FieldRef Field)> Causes { get; } = [];

    internal Instant? Received { get; set; }

    internal FieldRef ReceivedField { get; set; } = FieldRef.Named("received");

    internal bool Repairable { get; set; } = true;

    internal bool Safety { get; set; }

    internal bool MagneticMedia { get; set; }

    internal bool UsedPartsAgreed { get; set; }

    internal List<(string Quantity, decimal Value, FieldRef Field)> Usage { get; } = [];

    internal string? Id { get; set; }

    internal static ClaimInput From(
        Instant at, ClaimRequest request, string? problem, IEnumerable<string>? causes, Instant? received, bool repairable, bool safety,
        bool magneticMedia, bool usedPartsAgreed, IEnumerable<KeyValuePair<string, decimal>>? usage, string? id)
    {
        var input = new ClaimInput
        {
            At = at, Request = request, Problem = problem, Received = received, Repairable = repairable, Safety = safety,
            MagneticMedia = magneticMedia, UsedPartsAgreed = usedPartsAgreed, Id = id,
        };
        input.Causes.AddRange((causes ?? []).Select((c, i) => (c, FieldRef.Named($"causes[{i}]"))));
        input.Usage.AddRange((usage ?? []).Select(u => (u.Key, u.Value, FieldRef.Named(u.Key is null ? "usage" : $"usage['{ProblemSink.Cut(u.Key)}']"))));
        return input;
    }

    internal void Validate(ProblemSink sink)
    {
        CheckInstant(At, AtField, sink);
        if (!Enum.IsDefined(Request))
        {
            sink.Add(RequestField, Request.ToString(), "expected the request repair, replacement, exchange, return, technicalSupport, upgrade or spareParts");
        }

        if (Problem is { Length: 0 })
        {
            sink.Add(ProblemField, "\"\"", "a problem code is not empty; give none for a claim without a problem");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (cause, field) in Causes)
        {
            if (string.IsNullOrEmpty(cause))
            {
                sink.Add(field, cause is null ? "null" : "\"\"", "a cause is not empty");
            }
            else if (!seen.Add(cause))
            {
                sink.Add(field, ProblemSink.Quote(cause), "a cause may be stated once");
            }
        }

        if (Received is { } received && CheckInstant(received, ReceivedField, sink) && received < At)
        {
            sink.Add(ReceivedField, received.ToString(), $"the product is received at or after the claim ({At})");
        }

        var quantities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (quantity, value, field) in Usage)
        {
            if (quantity is null || !ComponentClass.IsValidName(quantity))
            {
                sink.Add(field, quantity is null ? "null" : ProblemSink.Quote(quantity), "a reading names its quantity, such as km or hours");
            }
            else if (!quantities.Add(quantity))
            {
                sink.Add(field, ProblemSink.Quote(quantity), "a quantity may be read once in a claim");
            }

            if (value < 0)
            {
                sink.Add(field, value.ToString(CultureInfo.InvariantCulture), "a reading is 0 or more");
            }
        }
    }

    private static bool CheckInstant(Instant instant, FieldRef field, ProblemSink sink)
    {
        if (Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks()) != instant)
        {
            sink.Add(field, instant.ToString(), "an instant is a whole number of ticks (100 ns)");
            return false;
        }

        return true;
    }

    internal static string RequestName(ClaimRequest request) => request switch
    {
        ClaimRequest.Repair => "repair",
        ClaimRequest.Replacement => "replacement",
        ClaimRequest.Exchange => "exchange",
        ClaimRequest.Return => "return",
        ClaimRequest.TechnicalSupport => "technicalSupport",
        ClaimRequest.Upgrade => "upgrade",
        ClaimRequest.SpareParts => "spareParts",
        _ => request.ToString(),
    };
}
