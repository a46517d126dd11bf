using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads the warranty document of docs/warranty.md into a <see cref="WarrantyPolicyBuilder"/>, one property at a time.
/// </summary>
/// <remarks>
/// The reader checks only what is the document's own business (JSON types, names, text forms, names given twice); every
/// rule of the policy itself is the builder's, checked once and reported at the document's paths.
/// </remarks>
internal static class WarrantyReader
{
    internal const string What = "a warranty object with \"zone\" and \"terms\"";

    private static readonly string[] KindNames = ["coverage", "sparePartsSupply", "technicalSupport", "upgrades"];
    private static readonly string[] CostNames = ["labour", "parts", "travel"];
    private static readonly string[] DeadlineNames = ["repair", "replacement", "exchange", "return"];

    /// <summary>Reads a warranty document, or the id of a shipped statutory rule set (<c>"cn-sanbao-1995"</c>) in its place.</summary>
    internal static WarrantyPolicy? ReadOrRuleSet(DocNode node, DocumentContext context)
    {
        if (node.Kind != System.Text.Json.JsonValueKind.String)
        {
            return Read(node, context);
        }

        if (WarrantyRuleSets.Exists(node.Text!))
        {
            return WarrantyRuleSets.Load(node.Text!);
        }

        context.Invalid(node, $"expected a warranty object, or the id of a shipped rule set: {string.Join(", ", WarrantyRuleSets.Ids)}");
        return null;
    }

    internal static WarrantyPolicy? Read(DocNode node, DocumentContext context)
    {
        var warranty = context.Object(node, What);
        if (warranty is null)
        {
            return null;
        }

        int errorsBefore = context.ErrorCount;
        var zone = warranty.Required("zone", "the IANA time zone id in which warranty dates are local dates, such as Asia/Shanghai") is { } zoneNode && context.TryZone(zoneNode, out var z)
            ? z
            : DateTimeZone.Utc;
        ReadCalendars(warranty.Optional("calendars"), context);
        var builder = new WarrantyPolicyBuilder(zone);
        foreach (var (name, calendar) in context.Calendars)
        {
            builder.AddCalendar(name, calendar);
        }

        var termsNode = warranty.Optional("terms");
        builder.SetTermsField(FieldRef.At(termsNode ?? node));
        if (termsNode is { } terms)
        {
            foreach (var item in context.Array(terms, "an array of terms"))
            {
                if (ReadTerm(item, context) is { } term)
                {
                    builder.AddTerm(term);
                }
            }
        }

        ReadExclusions(warranty, context, builder);
        foreach (var (rule, ruleNode) in Objects(warranty.Optional("repeatFailure"), "a repeat-failure rule object, or an array of them", context))
        {
            if (ReadRepeatFailure(rule, ruleNode, context) is { } read)
            {
                builder.AddRepeatFailureRule(read);
            }
        }

        foreach (var (rule, ruleNode) in Objects(warranty.Optional("repairTime"), "a repair-time rule object, or an array of them", context))
        {
            if (ReadRepairTime(rule, ruleNode, context) is { } read)
            {
                builder.AddRepairTimeRule(read);
            }
        }

        foreach (var kind in new[] { WindowKind.ReturnWithoutReason, WindowKind.ReturnOnFailure, WindowKind.ExchangeOnFailure })
        {
            string name = kind switch { WindowKind.ReturnWithoutReason => "returnWithoutReason", WindowKind.ReturnOnFailure => "returnOnFailure", _ => "exchangeOnFailure" };
            foreach (var (window, windowNode) in Objects(warranty.Optional(name), "a window object such as { \"period\": \"P7D\", \"from\": \"purchase\" }, or an array of them", context))
            {
                if (ReadWindow(kind, window, windowNode, context) is { } read)
                {
                    builder.AddWindow(read);
                }
            }
        }

        builder.ReplacementOnRequest = Bool(warranty, "replacementOnRequest", context) ?? false;
        builder.ExchangeWhenUnrepairable = Bool(warranty, "exchangeWhenUnrepairable", context) ?? true;
        builder.NewPartsOnly = Bool(warranty, "newPartsOnly", context) ?? false;
        builder.MagneticMediaOnSite = Bool(warranty, "magneticMediaOnSite", context) ?? false;
        ReadDeadlines(warranty, context, builder);
        ReadPaidService(warranty.Optional("paidService"), context, builder);
        warranty.Finish("warranty property");

        var built = builder.TryBuild(context.Problems);
        return context.ErrorCount > errorsBefore ? null : built;
    }

    /// <summary>Reads a document's own <c>calendars</c>; a name the file already gave is an error.</summary>
    private static void ReadCalendars(DocNode? node, DocumentContext context)
    {
        if (node?.Properties is { } properties)
        {
            foreach (var property in properties)
            {
                if (context.Calendars.ContainsKey(property.Name))
                {
                    context.Error(property.Value, $"the calendar \"{ProblemSink.Cut(property.Name)}\" is named twice: beside the warranty and inside it; a name may be given once");
                }
            }
        }

        NamedCalendarsReader.Read(node, context);
    }

    private static WarrantyTerm? ReadTerm(DocNode node, DocumentContext context)
    {
        var term = context.Object(node, "a term object with \"id\", \"period\" and \"from\"");
        if (term is null)
        {
            return null;
        }

        int before = context.ErrorCount;
        var fields = new Dictionary<string, FieldRef>(StringComparer.Ordinal);
        string id = term.Required("id", "the term's id, unique in the policy") is { } idNode && context.TryString(idNode, "a term id", out string text) ? Note(fields, "id", idNode, text) : "";
        Period? period = null;
        bool lifetime = false;
        if (term.Required("period", "an ISO 8601 period such as P12M, or \"lifetime\"") is { } periodNode)
        {
            fields["period"] = FieldRef.At(periodNode);
            if (periodNode is { Kind: JsonValueKind.String, Text: "lifetime" })
            {
                lifetime = true;
            }
            else if (context.TryPeriod(periodNode, out var p))
            {
                period = p;
            }
        }

        var result = lifetime || period is null ? WarrantyTerm.ForLifetime(id) : WarrantyTerm.For(id, period);
        if (term.Optional("kind") is { } kindNode && Choice(kindNode, KindNames, "a term kind", context) is { } kind)
        {
            fields["kind"] = FieldRef.At(kindNode);
            result = result.OfKind((WarrantyTermKind)kind);
        }

        if (term.Optional("covers") is { } coversNode)
        {
            fields["covers"] = FieldRef.At(coversNode);
            var covers = new List<ComponentClass>();
            foreach (var item in context.Array(coversNode, "an array of component classes such as [\"hardware\", \"software\"]"))
            {
                if (context.TryString(item, "a component class", out string name))
                {
                    covers.Add(ComponentClass.Unchecked(name));
                }
            }

            result = result.Covering([.. covers]);
        }

        if (term.Required("from", "the start: an asset date name, or { \"earliest\": [...] } or { \"latest\": [...] }") is { } fromNode)
        {
            fields["from"] = FieldRef.At(fromNode.Kind == JsonValueKind.Object && fromNode.Properties!.Count == 1 ? fromNode.Properties[0].Value : fromNode);
            if (ReadStart(fromNode, context) is { } start)
            {
                result = result.From(start);
            }
        }

        if (Bool(term, "fromTheDayOf", context) is { } countsStart)
        {
            result = result.CountingTheStartDay(countsStart);
        }

        if (term.Optional("usage") is { } usageNode && ReadUsage(usageNode, context) is { } usage)
        {
            fields["usage"] = FieldRef.At(usageNode);
            result = result.WithUsageLimit(usage.Quantity, usage.Limit);
        }

        if (term.Optional("shares") is { } sharesNode && context.Object(sharesNode, "an object of labour, parts and travel shares") is { } shares)
        {
            for (int cost = 0; cost < CostNames.Length; cost++)
            {
                if (shares.Optional(CostNames[cost]) is { } shareNode && ReadShare(shareNode, context) is { } share)
                {
                    fields["shares." + CostNames[cost]] = FieldRef.At(shareNode);
                    result = result.WithShare((CostType)cost, share);
                }
            }

            shares.Finish("cost type");
        }

        if (Bool(term, "addRepairTime", context) is { } addBack)
        {
            result = result.AddingRepairTime(addBack);
        }

        if (term.Optional("repairExtension") is { } extensionNode && context.Object(extensionNode, "a repair extension object such as { \"period\": \"P12M\", \"mode\": \"extendOnce\" }") is { } extension)
        {
            fields["repairExtension"] = FieldRef.At(extensionNode);
            var mode = RepairExtensionMode.ExtendOnce;
            if (extension.Optional("mode") is { } modeNode && Choice(modeNode, ["extendOnce", "fromEachRepair"], "an extension mode", context) is { } m)
            {
                mode = (RepairExtensionMode)m;
            }

            if (extension.Required("period", "the extension, an ISO 8601 period such as P12M") is { } extensionPeriod && context.TryPeriod(extensionPeriod, out var ep))
            {
                fields["repairExtension"] = FieldRef.At(extensionPeriod);
                result = result.ExtendedAfterRepair(ep, mode);
            }

            extension.Finish("repair extension property");
        }

        if (Bool(term, "restartOnReplacement", context) is { } restart)
        {
            result = result.RestartingOnReplacement(restart);
        }

        if (Bool(term, "transferable", context) is { } transferable)
        {
            result = result.Transferable(transferable);
        }

        if (term.Optional("presumption") is { } presumptionNode && context.TryPeriod(presumptionNode, out var presumption))
        {
            fields["presumption"] = FieldRef.At(presumptionNode);
            result = result.WithPresumption(presumption);
        }

        term.Finish("term property");
        return context.ErrorCount > before ? null : result.WithOrigin(FieldRef.At(node), fields);
    }

    /// <summary>Reads a start: a date name, <c>{ "earliest": [...] }</c> or <c>{ "latest": [...] }</c>.</summary>
    internal static WarrantyStart? ReadStart(DocNode node, DocumentContext context)
    {
        if (node.Kind == JsonValueKind.String)
        {
            return WarrantyStart.Create(StartRule.On, [node.Text!]);
        }

        var start = context.Object(node, "a start: an asset date name such as \"acceptance\", or { \"earliest\": [names] } or { \"latest\": [names] }");
        if (start is null)
        {
            return null;
        }

        var earliest = start.Optional("earliest");
        var latest = start.Optional("latest");
        start.Finish("start property");
        if ((earliest is null) == (latest is null))
        {
            context.Error(node, "a start has exactly one of \"earliest\" and \"latest\"");
            return null;
        }

        var list = earliest ?? latest!;
        var names = new List<string>();
        bool complete = true;
        foreach (var item in context.Array(list, "an array of asset date names"))
        {
            if (context.TryString(item, "a date name", out string name))
            {
                names.Add(name);
            }
            else
            {
                complete = false;
            }
        }

        return complete && list.Kind == JsonValueKind.Array
            ? WarrantyStart.Create(earliest is not null ? StartRule.EarliestOf : StartRule.LatestOf, [.. names])
            : null;
    }

    private static UsageLimit? ReadUsage(DocNode node, DocumentContext context)
    {
        var usage = context.Object(node, "a usage limit object with one quantity, such as { \"km\": 50000 }");
        if (usage is null)
        {
            return null;
        }

        var properties = node.Properties!;
        foreach (var property in properties)
        {
            usage.Accept(property.Name);
        }

        if (properties.Count != 1)
        {
            context.Invalid(node, "expected exactly one quantity and its limit, such as { \"km\": 50000 }");
            return null;
        }

        return context.TryDecimal(properties[0].Value, "a usage limit", out decimal limit) ? new UsageLimit(properties[0].Name, limit) : null;
    }

    private static CostShare? ReadShare(DocNode node, DocumentContext context)
    {
        var share = context.Object(node, "a share object such as { \"share\": 1, \"period\": \"P1Y\" }");
        if (share is null)
        {
            return null;
        }

        decimal value = share.Required("share", "the supplier's share, from 0 to 1") is { } valueNode && context.TryDecimal(valueNode, "a share", out decimal v) ? v : 0;
        Period? period = null;
        bool lifetime = false;
        if (share.Optional("period") is { } periodNode)
        {
            if (periodNode is { Kind: JsonValueKind.String, Text: "lifetime" })
            {
                lifetime = true;
            }
            else if (context.TryPeriod(periodNode, out var p))
            {
                period = p;
            }
        }

        share.Finish("share property");
        return new CostShare(value, period, lifetime);
    }

    private static void ReadExclusions(ObjectReader warranty, DocumentContext context, WarrantyPolicyBuilder builder)
    {
        if (warranty.Optional("builtInExclusions") is { } builtIn)
        {
            if (builtIn.Kind == JsonValueKind.String)
            {
                switch (builtIn.Text)
                {
                    case "all":
                        builder.SetBuiltInExclusions(null, FieldRef.At(builtIn));
                        break;
                    case "none":
                        builder.SetBuiltInExclusions([], FieldRef.At(builtIn));
                        break;
                    default:
                        context.Invalid(builtIn, "expected \"all\", \"none\" or an array of built-in exclusion ids");
                        break;
                }
            }
            else
            {
                var ids = new List<string>();
                foreach (var item in context.Array(builtIn, "\"all\", \"none\" or an array of built-in exclusion ids"))
                {
                    if (context.TryString(item, "an exclusion id", out string id))
                    {
                        ids.Add(id);
                    }
                }

                if (builtIn.Kind == JsonValueKind.Array)
                {
                    builder.SetBuiltInExclusions(ids, FieldRef.At(builtIn));
                }
            }
        }

        if (warranty.Optional("exclusions") is not { } exclusions)
        {
            return;
        }

        foreach (var item in context.Array(exclusions, "an array of exclusion objects"))
        {
            var exclusion = context.Object(item, "an exclusion object with \"id\", \"causes\" and \"consequence\"");
            if (exclusion is null)
            {
                continue;
            }

            int before = context.ErrorCount;
            string id = exclusion.Required("id", "the exclusion's id") is { } idNode && context.TryString(idNode, "an exclusion id", out string i) ? i : "";
            string clause = exclusion.Optional("clause") is { } clauseNode && context.TryString(clauseNode, "the clause's words", out string c) ? c : "";
            var consequence = ExclusionConsequence.NotCovered;
            if (exclusion.Optional("consequence") is { } consequenceNode && Choice(consequenceNode, ["notCovered", "outOfScope"], "a consequence", context) is { } k)
            {
                consequence = (ExclusionConsequence)k;
            }

            var causes = new List<string>();
            if (exclusion.Required("causes", "the causes that trigger it") is { } causesNode)
            {
                foreach (var causeNode in context.Array(causesNode, "an array of causes"))
                {
                    if (context.TryString(causeNode, "a cause", out string cause))
                    {
                        causes.Add(cause);
                    }
                }
            }

            exclusion.Finish("exclusion property");
            if (context.ErrorCount == before)
            {
                builder.AddExclusion(Exclusion.Define(id, consequence, clause, [.. causes]).WithOrigin(FieldRef.At(item)));
            }
        }
    }

    private static RepeatFailureRule? ReadRepeatFailure(ObjectReader rule, DocNode node, DocumentContext context)
    {
        int before = context.ErrorCount;
        var fields = new Dictionary<string, FieldRef>(StringComparer.Ordinal);
        int repairs = rule.Optional("repairs") is { } repairsNode && context.TryInt(repairsNode, "a number of repairs", out int n) ? Note(fields, "repairs", repairsNode, n) : 2;
        var result = RepeatFailureRule.AfterRepairs(repairs);
        if (Bool(rule, "consecutive", context) is { } consecutive)
        {
            result = result.InARow(consecutive);
        }

        if (Bool(rule, "sameProblem", context) is { } same)
        {
            result = result.OfSameProblem(same);
        }

        if (Bool(rule, "safetyOnly", context) is { } safety)
        {
            result = result.OfSafetyFaultsOnly(safety);
        }

        result = ReadRemedy(rule, fields, context, result, (x, remedy) => x.Giving(remedy), (x, allows) => x.AllowingReturn(allows), (x, term) => x.Within(term));

        rule.Finish("repeat-failure property");
        return context.ErrorCount > before ? null : result.WithFields(new FieldMap(FieldRef.At(node), fields));
    }

    private static RepairTimeRule? ReadRepairTime(ObjectReader rule, DocNode node, DocumentContext context)
    {
        int before = context.ErrorCount;
        var fields = new Dictionary<string, FieldRef>(StringComparer.Ordinal);
        int days = rule.Required("days", "the most days in repair") is { } daysNode && context.TryInt(daysNode, "a number of days", out int n) ? Note(fields, "days", daysNode, n) : 0;
        var result = RepairTimeRule.MoreThanDays(days);
        if (Bool(rule, "cumulative", context) is { } cumulative)
        {
            result = result.AddingUp(cumulative);
        }

        result = ReadRemedy(rule, fields, context, result, (x, remedy) => x.Giving(remedy), (x, allows) => x.AllowingReturn(allows), (x, term) => x.Within(term));

        rule.Finish("repair-time property");
        return context.ErrorCount > before ? null : result.WithFields(new FieldMap(FieldRef.At(node), fields));
    }

    /// <summary>Reads what the two remedy rules share: <c>remedy</c>, <c>allowReturn</c> and <c>within</c>.</summary>
    private static T ReadRemedy<T>(
        ObjectReader rule, Dictionary<string, FieldRef> fields, DocumentContext context, T result,
        Func<T, Remedy, T> giving, Func<T, bool, T> allowingReturn, Func<T, string, T> within)
    {
        if (rule.Optional("remedy") is { } remedyNode && Choice(remedyNode, ["replacement", "exchange"], "a remedy", context) is { } r)
        {
            fields["remedy"] = FieldRef.At(remedyNode);
            result = giving(result, r == 0 ? Remedy.Replacement : Remedy.Exchange);
        }

        if (Bool(rule, "allowReturn", context) is { } allows)
        {
            result = allowingReturn(result, allows);
        }

        if (rule.Optional("within") is { } withinNode && context.TryString(withinNode, "a term id", out string term))
        {
            fields["within"] = FieldRef.At(withinNode);
            result = within(result, term);
        }

        return result;
    }

    private static RemedyWindow? ReadWindow(WindowKind kind, ObjectReader window, DocNode node, DocumentContext context)
    {
        int before = context.ErrorCount;
        var fields = new Dictionary<string, FieldRef>(StringComparer.Ordinal);
        var target = TargetReader.Read(window, context, out string? calendarName, out var calendar);
        WarrantyStart? from = null;
        if (window.Required("from", "the asset date the window counts from, such as \"purchase\"") is { } fromNode)
        {
            fields["from"] = FieldRef.At(fromNode);
            from = ReadStart(fromNode, context);
        }

        var problems = new List<string>();
        if (window.Optional("problems") is { } problemsNode)
        {
            fields["problems"] = FieldRef.At(problemsNode);
            foreach (var item in context.Array(problemsNode, "an array of problem codes"))
            {
                if (context.TryString(item, "a problem code", out string problem))
                {
                    problems.Add(problem);
                }
            }
        }

        UsageLimit? usage = null;
        if (window.Optional("usage") is { } usageNode)
        {
            fields["usage"] = FieldRef.At(usageNode);
            usage = ReadUsage(usageNode, context);
        }

        if (window.Has("calendar"))
        {
            fields["calendar"] = FieldRef.At(window.Optional("calendar")!);
        }

        window.Finish("window property");
        if (context.ErrorCount > before || target is null || from is null)
        {
            return null;
        }

        var result = kind switch
        {
            WindowKind.ReturnWithoutReason => RemedyWindow.ReturnWithoutReason(target.Value, from),
            WindowKind.ReturnOnFailure => RemedyWindow.ReturnOnFailure(target.Value, from),
            _ => RemedyWindow.ExchangeOnFailure(target.Value, from),
        };
        result = result.ForProblems([.. problems]);
        if (usage is { } u)
        {
            result = result.WithUsageLimit(u.Quantity, u.Limit);
        }

        if (calendar is not null)
        {
            result = result.OnCalendar(calendar);
        }

        return result.WithFields(new FieldMap(FieldRef.At(node), fields));
    }

    private static void ReadDeadlines(ObjectReader warranty, DocumentContext context, WarrantyPolicyBuilder builder)
    {
        if (warranty.Optional("repairTurnaround") is { } turnaround)
        {
            ReadDeadline(Remedy.Repair, turnaround, context, builder);
        }

        if (warranty.Optional("remedyDeadlines") is not { } deadlinesNode || context.Object(deadlinesNode, "an object mapping remedies (repair, replacement, exchange, return) to targets") is not { } deadlines)
        {
            return;
        }

        for (int i = 0; i < DeadlineNames.Length; i++)
        {
            if (deadlines.Optional(DeadlineNames[i]) is not { } target)
            {
                continue;
            }

            if (i == 0 && warranty.Has("repairTurnaround"))
            {
                context.Error(target, "the repair's deadline is given twice: as \"repairTurnaround\" and in \"remedyDeadlines\"; give it once");
                continue;
            }

            ReadDeadline(Remedies.WithDeadlines[i], target, context, builder);
        }

        deadlines.Finish("remedy");
    }

    private static void ReadDeadline(Remedy remedy, DocNode node, DocumentContext context, WarrantyPolicyBuilder builder)
    {
        var properties = context.Object(node, "a target object such as { \"elapsed\": \"PT72H\" }");
        if (properties is null)
        {
            return;
        }

        var target = TargetReader.Read(properties, context, out string? name, out var calendar);
        properties.Finish("target property");
        if (target is { } t && (name is null || calendar is not null))
        {
            builder.SetDeadline(remedy, t, calendar, name, FieldRef.At(node));
        }
    }

    private static void ReadPaidService(DocNode? node, DocumentContext context, WarrantyPolicyBuilder builder)
    {
        if (node is null || context.Object(node, "a paid-service object such as { \"visitFee\": 300, \"partsAtCost\": true, \"notAboveBidPrice\": true }") is not { } paid)
        {
            return;
        }

        decimal? fee = null;
        var feeField = FieldRef.At(node);
        if (paid.Optional("visitFee") is { } feeNode && context.TryDecimal(feeNode, "a visit fee", out decimal f))
        {
            fee = f;
            feeField = FieldRef.At(feeNode);
        }

        bool atCost = Bool(paid, "partsAtCost", context) ?? false;
        bool ceiling = Bool(paid, "notAboveBidPrice", context) ?? false;
        paid.Finish("paid-service property");
        builder.SetPaidService(new PaidServiceTerms(fee, atCost, ceiling), feeField);
    }

    /// <summary>The objects of a property that is one object or an array of them.</summary>
    private static IEnumerable<(ObjectReader Reader, DocNode Node)> Objects(DocNode? node, string what, DocumentContext context)
    {
        if (node is null)
        {
            yield break;
        }

        var items = node.Kind == JsonValueKind.Array ? node.Items! : [node];
        foreach (var item in items)
        {
            if (context.Object(item, what) is { } reader)
            {
                yield return (reader, item);
            }
        }
    }

    internal static bool? Bool(ObjectReader properties, string name, DocumentContext context) =>
        properties.Optional(name) is { } node && context.TryBool(node, out bool value) ? value : null;

    /// <summary>The index of the name found among <paramref name="names"/>, or null (with the problem recorded).</summary>
    internal static int? Choice(DocNode node, string[] names, string what, DocumentContext context)
    {
        if (!context.TryString(node, what, out string text))
        {
            return null;
        }

        int index = Array.IndexOf(names, text);
        if (index < 0)
        {
            context.Invalid(node, $"expected {what}: {string.Join(", ", names)}");
            return null;
        }

        return index;
    }

    private static T Note<T>(Dictionary<string, FieldRef> fields, string name, DocNode node, T value)
    {
        fields[name] = FieldRef.At(node);
        return value;
    }
}
