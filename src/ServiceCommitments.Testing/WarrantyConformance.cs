using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Testing;

/// <summary>
/// Conformance files of kind <c>warranty</c>: a warranty document (or the id of a shipped rule set) and cases of the
/// operations assess (the default), inForce and coverage. The error <c>unknownYear</c> names
/// <see cref="HolidayDataUnavailableException"/>.
/// </summary>
internal sealed class WarrantyConformance : ConformanceKind
{
    internal static readonly WarrantyConformance Instance = new();

    private static readonly IReadOnlyList<ConformanceError> ErrorList =
        [new ConformanceError("unknownYear", e => e is HolidayDataUnavailableException)];

    private static readonly IReadOnlyDictionary<string, ConformanceOperation> Table = OperationTable(
        new("assess", Decide, DecisionExpectation.Read),
        new("inForce", InForce, (node, c) => c.ExpectBool(node)),
        new("coverage", Coverage, CoverageExpectation.Read));

    internal override string SubjectKey => "warranty";

    internal override IReadOnlyList<string> FileProperties => ["calendars"];

    internal override string? DefaultOperation => "assess";

    internal override IReadOnlyDictionary<string, ConformanceOperation> Operations => Table;

    internal override IReadOnlyList<ConformanceError> Errors => ErrorList;

    internal override object? ReadSubject(ObjectReader file, DocNode subject, DocumentContext context)
    {
        NamedCalendarsReader.Read(file.Optional("calendars"), context);
        return WarrantyReader.ReadOrRuleSet(subject, context);
    }

    internal override DateTimeZone DisplayZone(object? subject, DocumentContext context) => (subject as WarrantyPolicy)?.Zone ?? DateTimeZone.Utc;

    private static Func<object, object?>? Decide(CaseReader c)
    {
        var asset = c.Node("asset", "the asset object") is { } assetNode ? AssetClaimReader.ReadAsset(assetNode, c.Context) : null;
        var claim = c.Node("claim", "the claim object") is { } claimNode ? AssetClaimReader.ReadClaim(claimNode, c.Context) : null;
        return asset is null || claim is null ? null : s => ((WarrantyPolicy)s).Decide(asset, claim);
    }

    private static Func<object, object?>? InForce(CaseReader c)
    {
        string? term = c.Node("term", "a term id") is { } termNode && c.Context.TryString(termNode, "a term id", out string t) ? t : null;
        var asset = c.Node("asset", "the asset object") is { } assetNode ? AssetClaimReader.ReadAsset(assetNode, c.Context) : null;
        var on = c.Date("on");
        return term is null || asset is null ? null : s => ((WarrantyPolicy)s).IsInForce(term, asset, on);
    }

    private static Func<object, object?>? Coverage(CaseReader c)
    {
        string? term = null;
        if (c.Optional("term") is { } termNode && c.Context.TryString(termNode, "a term id", out string t))
        {
            term = t;
        }

        var asset = c.Node("asset", "the asset object") is { } assetNode ? AssetClaimReader.ReadAsset(assetNode, c.Context) : null;
        var on = c.Date("on");
        if (asset is null)
        {
            return null;
        }

        return term is null ? s => ((WarrantyPolicy)s).GetCoverage(asset, on) : s => ((WarrantyPolicy)s).GetCoverage(term, asset, on);
    }

    /// <summary>Reads an expected date, <c>"lifetime"</c> or null.</summary>
    internal static bool TryWindowEnd(DocNode node, DocumentContext context, out WindowEnd end)
    {
        end = default;
        switch (node.Kind)
        {
            case JsonValueKind.Null:
                end = new WindowEnd(WindowEndKind.None, default);
                return true;
            case JsonValueKind.String when node.Text == "lifetime":
                end = new WindowEnd(WindowEndKind.Lifetime, default);
                return true;
            default:
                if (context.TryDate(node, out var date))
                {
                    end = new WindowEnd(WindowEndKind.Date, date);
                    return true;
                }

                return false;
        }
    }

    internal enum WindowEndKind
    {
        None,
        Lifetime,
        Date,
    }

    internal readonly record struct WindowEnd(WindowEndKind Kind, LocalDate Date)
    {
        internal static WindowEnd Of(LocalDate? date, bool lifetime) =>
            lifetime ? new(WindowEndKind.Lifetime, default) : date is { } d ? new(WindowEndKind.Date, d) : new(WindowEndKind.None, default);

        public override string ToString() => Kind switch
        {
            WindowEndKind.None => "null",
            WindowEndKind.Lifetime => "lifetime",
            _ => IsoText.FormatDate(Date),
        };
    }
}

/// <summary>Expects some fields of an object result, each compared as a value; fields not given are not checked.</summary>
internal abstract class FieldsExpectation<T> : Expectation
    where T : class
{
    private readonly List<(string Name, string Expected, Func<T, (bool Equal, string Actual)> Check)> fields = [];

    protected void Add(string name, string expected, Func<T, (bool Equal, string Actual)> check) => fields.Add((name, expected, check));

    internal bool IsEmpty => fields.Count == 0;

    internal override string Describe() => "{ " + string.Join(", ", fields.Select(f => $"{f.Name}: {f.Expected}")) + " }";

    internal override bool Check(object? actual, out string actualText)
    {
        if (Unwrap(actual) is not { } value)
        {
            actualText = actual?.ToString() ?? "nothing";
            return false;
        }

        bool all = true;
        var parts = new List<string>();
        foreach (var (name, _, check) in fields)
        {
            var (equal, text) = check(value);
            all &= equal;
            parts.Add($"{name}: {text}");
        }

        actualText = "{ " + string.Join(", ", parts) + " }";
        return all;
    }

    protected abstract T? Unwrap(object? actual);

    protected static string Show(string? text) => text ?? "null";

    protected static string Number(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";
}

/// <summary>Expects some of a decision's fields: decision, remedy, exclusion, chargeable, coveredFrom, coveredUntil, term, due, reasons, conditions, shares, visitFee, priceCeiling.</summary>
internal sealed class DecisionExpectation : FieldsExpectation<ClaimDecision>
{
    private static readonly string[] Known = ["decision", "remedy", "exclusion", "chargeable", "coveredFrom", "coveredUntil", "term", "due", "reasons", "conditions", "shares", "visitFee", "priceCeiling"];
    private static readonly string[] StatusNames = ["covered", "excluded", "expired", "outOfScope"];
    private static readonly string[] RemedyNames = ["none", "repair", "replacement", "exchange", "return", "paidService", "technicalSupport", "upgrade", "sparePartsSupply"];

    internal static Expectation? Read(DocNode node, CaseReader c)
    {
        var context = c.Context;
        var expected = context.Object(node, $"an object with any of {string.Join(", ", Known)}");
        if (expected is null)
        {
            return null;
        }

        int before = context.ErrorCount;
        var result = new DecisionExpectation();
        if (expected.Optional("decision") is { } decisionNode && WarrantyReader.Choice(decisionNode, StatusNames, "a decision", context) is { } status)
        {
            result.Add("decision", StatusNames[status], d => (d.Status == (ClaimStatus)status, Names.Status(d.Status)));
        }

        if (expected.Optional("remedy") is { } remedyNode && WarrantyReader.Choice(remedyNode, RemedyNames, "a remedy", context) is { } remedy)
        {
            result.Add("remedy", RemedyNames[remedy], d => (d.Remedy == (Remedy)remedy, Remedies.Name(d.Remedy)));
        }

        if (expected.Optional("exclusion") is { } exclusionNode)
        {
            string? id = exclusionNode.Kind == JsonValueKind.Null ? null : context.TryString(exclusionNode, "an exclusion id or null", out string e) ? e : null;
            result.Add("exclusion", Show(id), d => (d.Exclusion?.Id == id, Show(d.Exclusion?.Id)));
        }

        if (expected.Optional("chargeable") is { } chargeableNode && context.TryBool(chargeableNode, out bool chargeable))
        {
            result.Add("chargeable", chargeable ? "true" : "false", d => (d.Chargeable == chargeable, d.Chargeable ? "true" : "false"));
        }

        if (expected.Optional("coveredFrom") is { } fromNode && WarrantyConformance.TryWindowEnd(fromNode, context, out var from))
        {
            result.Add("coveredFrom", from.ToString(), d =>
            {
                var actual = WarrantyConformance.WindowEnd.Of(d.CoveredFrom, false);
                return (actual == from, actual.ToString());
            });
        }

        if (expected.Optional("coveredUntil") is { } untilNode && WarrantyConformance.TryWindowEnd(untilNode, context, out var until))
        {
            result.Add("coveredUntil", until.ToString(), d =>
            {
                var actual = WarrantyConformance.WindowEnd.Of(d.CoveredUntil, d.IsLifetime);
                return (actual == until, actual.ToString());
            });
        }

        if (expected.Optional("term") is { } termNode)
        {
            string? term = termNode.Kind == JsonValueKind.Null ? null : context.TryString(termNode, "a term id or null", out string t) ? t : null;
            result.Add("term", Show(term), d => (d.Term?.Id == term, Show(d.Term?.Id)));
        }

        if (expected.Optional("due") is { } dueNode)
        {
            Instant? due = null;
            if (dueNode.Kind != JsonValueKind.Null && context.TryInstant(dueNode, out var instant))
            {
                due = instant;
            }

            result.Add("due", due is { } x ? IsoText.FormatInstant(x, c.Zone) : "null", d => (d.Due == due, d.Due is { } y ? IsoText.FormatInstant(y, c.Zone) : "null"));
        }

        if (expected.Optional("reasons") is { } reasonsNode)
        {
            var codes = ReadNames(reasonsNode, Enum.GetValues<DecisionReasonCode>().Select(Names.Reason).ToArray(), "a reason code", context)
                .Select(i => (DecisionReasonCode)i).ToList();
            result.Add("reasons", "[" + string.Join(", ", codes.Select(Names.Reason)) + ", ...]", d =>
                (codes.All(d.HasReason), "[" + string.Join(", ", d.Reasons.Select(r => Names.Reason(r.Code))) + "]"));
        }

        if (expected.Optional("conditions") is { } conditionsNode)
        {
            var conditions = ReadNames(conditionsNode, Enum.GetValues<WarrantyCondition>().Select(Names.Condition).ToArray(), "a condition", context)
                .Select(i => (WarrantyCondition)i).ToHashSet();
            result.Add("conditions", "[" + string.Join(", ", conditions.Order().Select(Names.Condition)) + "]", d =>
                (conditions.SetEquals(d.Conditions), "[" + string.Join(", ", d.Conditions.Select(Names.Condition)) + "]"));
        }

        if (expected.Optional("shares") is { } sharesNode && context.Object(sharesNode, "an object with any of labour, parts, travel") is { } shares)
        {
            string[] costs = ["labour", "parts", "travel"];
            foreach (string cost in costs)
            {
                if (shares.Optional(cost) is { } shareNode && context.TryDecimal(shareNode, "a share", out decimal share))
                {
                    Func<ClaimDecision, decimal> get = cost switch { "labour" => d => d.Shares.Labour, "parts" => d => d.Shares.Parts, _ => d => d.Shares.Travel };
                    result.Add("shares." + cost, Number(share), d => (get(d) == share, Number(get(d))));
                }
            }

            shares.Finish("cost type");
        }

        ReadAmount(expected, "visitFee", context, result, d => d.VisitFee);
        ReadAmount(expected, "priceCeiling", context, result, d => d.PriceCeiling);
        expected.Finish("expected property of assess");
        if (context.ErrorCount == before && result.IsEmpty)
        {
            context.Error(node, $"an assess case expects at least one of {string.Join(", ", Known)}");
        }

        return context.ErrorCount > before ? null : result;
    }

    protected override ClaimDecision? Unwrap(object? actual) => actual as ClaimDecision;

    private static void ReadAmount(ObjectReader expected, string name, DocumentContext context, DecisionExpectation result, Func<ClaimDecision, decimal?> get)
    {
        if (expected.Optional(name) is not { } node)
        {
            return;
        }

        decimal? amount = null;
        if (node.Kind != JsonValueKind.Null && context.TryDecimal(node, "an amount or null", out decimal value))
        {
            amount = value;
        }

        result.Add(name, Number(amount), d => (get(d) == amount, Number(get(d))));
    }

    private static List<int> ReadNames(DocNode node, string[] names, string what, DocumentContext context)
    {
        var result = new List<int>();
        foreach (var item in context.Array(node, $"an array of {what}s"))
        {
            if (WarrantyReader.Choice(item, names, what, context) is { } index)
            {
                result.Add(index);
            }
        }

        return result;
    }
}

/// <summary>Expects some of a coverage's fields: status, term, from, until.</summary>
internal sealed class CoverageExpectation : FieldsExpectation<CoverageBox>
{
    private static readonly string[] Statuses = ["noTerm", "notStarted", "inForce", "usageLimitReached", "transferred", "ended"];

    internal static Expectation? Read(DocNode node, CaseReader c)
    {
        var context = c.Context;
        var expected = context.Object(node, "an object with any of status, term, from, until");
        if (expected is null)
        {
            return null;
        }

        int before = context.ErrorCount;
        var result = new CoverageExpectation();
        if (expected.Optional("status") is { } statusNode && WarrantyReader.Choice(statusNode, Statuses, "a coverage status", context) is { } status)
        {
            result.Add("status", Statuses[status], b => (b.Value.Status == (CoverageStatus)status, Names.Status(b.Value.Status)));
        }

        if (expected.Optional("term") is { } termNode)
        {
            string? term = termNode.Kind == JsonValueKind.Null ? null : context.TryString(termNode, "a term id or null", out string t) ? t : null;
            result.Add("term", Show(term), b => (b.Value.Term?.Id == term, Show(b.Value.Term?.Id)));
        }

        if (expected.Optional("from") is { } fromNode && WarrantyConformance.TryWindowEnd(fromNode, context, out var from))
        {
            result.Add("from", from.ToString(), b =>
            {
                var actual = WarrantyConformance.WindowEnd.Of(b.Value.From, false);
                return (actual == from, actual.ToString());
            });
        }

        if (expected.Optional("until") is { } untilNode && WarrantyConformance.TryWindowEnd(untilNode, context, out var until))
        {
            result.Add("until", until.ToString(), b =>
            {
                var actual = WarrantyConformance.WindowEnd.Of(b.Value.Until, b.Value.IsLifetime);
                return (actual == until, actual.ToString());
            });
        }

        expected.Finish("expected property of coverage");
        if (context.ErrorCount == before && result.IsEmpty)
        {
            context.Error(node, "a coverage case expects at least one of status, term, from, until");
        }

        return context.ErrorCount > before ? null : result;
    }

    protected override CoverageBox? Unwrap(object? actual) => actual is AssetCoverage coverage ? new CoverageBox(coverage) : null;
}

/// <summary>A coverage boxed once, so that field checks read a class.</summary>
internal sealed record CoverageBox(AssetCoverage Value);
