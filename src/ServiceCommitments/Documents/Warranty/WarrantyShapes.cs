using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Documents;

/// <summary>
/// The warranty document of docs/warranty.md, declared once: every object, every property, its form, its default and
/// its description. <see cref="WarrantyReader"/>, <see cref="WarrantyWriter"/> and the JSON Schema come from these
/// declarations; the rules of the policy are the domain's (<see cref="WarrantyPolicyBuilder"/>), checked once.
/// </summary>
internal static class WarrantyShapes
{
    private static readonly Form<WarrantyStart> Start = new StartForm();

    private static readonly Form<UsageLimit?> Usage = new UsageForm();

    private static readonly Form<Remedy> BetterRemedy = Forms.Choice("a remedy", ("replacement", Remedy.Replacement), ("exchange", Remedy.Exchange));

    private static readonly Form<IReadOnlyList<string>> StringList = Forms.ArrayOf(Forms.String("a date name"), "an array of asset date names");

    internal static readonly Shape<CostShare, CostShare> Share = new Shape<CostShare, CostShare>(
            "share", "a share object such as { \"share\": 1, \"period\": \"P1Y\" }", "share property", "The supplier's share of a cost and how long it lasts.",
            () => default, (share, _, _) => share)
        .Field("share", Forms.Decimal("a share", 0, 1), "The supplier's share, from 0 (the customer pays all) to 1 (free).",
            (s, v) => s with { Share = v }, s => s.Share, required: "the supplier's share, from 0 to 1", always: true)
        .Field("period", Forms.PeriodOrLifetime.Map(v => new ShareLength(v, v is null), v => v.Lifetime ? null : v.Period),
            "How long the share lasts, from the term's start: an ISO 8601 period or \"lifetime\"; absent, as long as the term.",
            (s, v) => s with { Period = v.Period, IsLifetime = v.Lifetime }, s => new ShareLength(s.IsLifetime ? null : s.Period, s.IsLifetime));

    private static readonly Shape<Dictionary<CostType, CostShare>, IReadOnlyDictionary<CostType, CostShare>> Shares = CostShares();

    private static readonly Shape<Extension, Extension> RepairExtension =
        new Shape<Extension, Extension>(
                null, "a repair extension object such as { \"period\": \"P12M\", \"mode\": \"extendOnce\" }", "repair extension property",
                "A repair extends the period.",
                () => new Extension(null, RepairExtensionMode.ExtendOnce), (e, _, _) => e)
            .Field("period", Forms.Period, "The extension.", (e, v) => e with { Period = v }, e => e.Period!, required: "the extension, an ISO 8601 period such as P12M")
            .Field("mode", Forms.Choice("an extension mode", ("extendOnce", RepairExtensionMode.ExtendOnce), ("fromEachRepair", RepairExtensionMode.FromEachRepair)),
                "extendOnce (default): the first repair extends the period once; fromEachRepair: each repair extends it from its date.", (e, v) => e with { Mode = v }, e => e.Mode, omitted: RepairExtensionMode.ExtendOnce);

    internal static readonly Shape<WarrantyTerm, WarrantyTerm> Term = new Shape<WarrantyTerm, WarrantyTerm>(
            "term", "a term object with \"id\", \"period\" and \"from\"", "term property", "A warranty term: what it covers, for how long, from when (docs/warranty.md).",
            () => WarrantyTerm.ForLifetime(""), (term, fields, _) => term.WithFields(fields))
        .Field("id", Forms.String("a term id"), "The term's id, unique in the policy.", (t, v) => t.WithId(v), t => t.Id, required: "the term's id, unique in the policy", always: true)
        .Field("period", Forms.PeriodOrLifetime, "How long: an ISO 8601 period (at least one day, at most 10,000 years) or \"lifetime\".",
            (t, v) => v is null ? t.AsLifetime() : t.WithPeriod(v), t => t.Period, required: "an ISO 8601 period such as P12M, or \"lifetime\"", always: true)
        .Field("kind", Forms.Choice("a term kind", ("coverage", WarrantyTermKind.Coverage), ("sparePartsSupply", WarrantyTermKind.SparePartsSupply), ("technicalSupport", WarrantyTermKind.TechnicalSupport), ("upgrades", WarrantyTermKind.Upgrades)),
            "coverage (default: free repair and its remedies), sparePartsSupply, technicalSupport or upgrades.", (t, v) => t.OfKind(v), t => t.Kind, omitted: WarrantyTermKind.Coverage)
        .Field("covers", Forms.ArrayOf(Forms.String("a component class", "hardware", "software", "wholeDelivery"), "an array of component classes such as [\"hardware\", \"software\"]"),
            "The component classes covered; absent, or containing wholeDelivery: every component.",
            (t, v) => t.Covering([.. v.Select(ComponentClass.Unchecked)]), t => t.Covers.Count == 0 ? null! : [.. t.Covers.Select(c => c.Name)])
        .Field("from", Start, "The start event.", (t, v) => t.From(v), t => t.Start!,
            required: "the start: an asset date name, or { \"earliest\": [...] } or { \"latest\": [...] }")
        .Field("fromTheDayOf", Forms.Bool, "true: the start event's own day is the first covered day (验收之日起); default false: the next day is.",
            (t, v) => t.CountingTheStartDay(v), t => t.CountsStartDay)
        .Field("usage", Usage, "The term also ends when usage passes this much.", (t, v) => t.WithUsageLimit(v!.Value.Quantity, v.Value.Limit), t => t.UsageLimit)
        .Field("shares", Shares, "Labour, parts and travel: the supplier's share of each and for how long; a cost not named is free for the term's period.",
            (t, v) => v.Aggregate(t, (term, share) => term.WithShare(share.Key, share.Value)), t => t.Shares.Count == 0 ? null! : t.Shares)
        .Field("addRepairTime", Forms.Bool, "true: time in repair is added back to the period.", (t, v) => t.AddingRepairTime(v), t => t.AddsRepairTime)
        .Field("repairExtension", RepairExtension, "A repair extends the period.",
            (t, v) => t.ExtendedAfterRepair(v.Period!, v.Mode), t => new Extension(t.RepairExtension, t.RepairExtensionMode), omitted: new Extension(null, RepairExtensionMode.ExtendOnce))
        .Field("restartOnReplacement", Forms.Bool, "Default true: a replacement restarts the period.",
            (t, v) => t.RestartingOnReplacement(v), t => t.RestartsOnReplacement, omitted: true)
        .Field("transferable", Forms.Bool, "Default true: the term follows the asset to a new owner; false: it ends when the owner changes.", (t, v) => t.Transferable(v), t => t.IsTransferable, omitted: true)
        .Field("presumption", Forms.Period, "Within this period of the start, a lack of conformity is presumed to have existed at delivery (EU 2019/771 art. 11).",
            (t, v) => t.WithPresumption(v), t => t.Presumption!);

    internal static readonly Shape<ExclusionDraft, Exclusion> Exclusion = new Shape<ExclusionDraft, Exclusion>(
            "exclusion", "an exclusion object with \"id\", \"causes\" and \"consequence\"", "exclusion property", "A clause that takes a failure out of the warranty.",
            () => new ExclusionDraft(), (e, fields, _) => Warranty.Exclusion.Define(e.Id, e.Consequence, e.Clause, [.. e.Causes]).WithFields(fields))
        .Field("id", Forms.String("an exclusion id"), "The exclusion's id, unique.", (e, v) => e.Id = v, e => e.Id, required: "the exclusion's id", always: true)
        .Field("causes", Forms.ArrayOf(Forms.String("a cause"), "an array of causes"), "The claim causes that trigger it; a cause belongs to one exclusion only.",
            (e, v) => e.Causes = v, e => e.Causes, required: "the causes that trigger it", always: true)
        .Field("consequence", Forms.Choice("a consequence", ("notCovered", ExclusionConsequence.NotCovered), ("outOfScope", ExclusionConsequence.OutOfScope)),
            "notCovered (default: chargeable) or outOfScope (chargeable, only with the customer's prior consent).", (e, v) => e.Consequence = v, e => e.Consequence, always: true)
        .Field("clause", Forms.String("the clause's words"), "The clause's words.", (e, v) => e.Clause = v, e => e.Clause, omitted: "");

    internal static readonly Shape<RepeatFailureRule, RepeatFailureRule> RepeatFailure = Escalation(
        new Shape<RepeatFailureRule, RepeatFailureRule>(
                "repeatFailure", "a repeat-failure rule object, or an array of them", "repeat-failure property", "A repeat-failure rule: after so many repairs, a better remedy.",
                () => RepeatFailureRule.AfterRepairs(2), (r, fields, _) => r.WithFields(fields))
            .Field("repairs", Forms.Int("a number of repairs", RepeatFailureRule.MinRepairs, RepeatFailureRule.MaxRepairs), "How many repairs come before the better remedy (default 2).",
                (r, v) => r.WithRepairs(v), r => r.Repairs, always: true)
            .Field("consecutive", Forms.Bool, "Default true: the last repairs in a row must match.", (r, v) => r.InARow(v), r => r.Consecutive, omitted: true)
            .Field("sameProblem", Forms.Bool, "Default true: only repairs of the claim's problem count.", (r, v) => r.OfSameProblem(v), r => r.SameProblem, omitted: true)
            .Field("safetyOnly", Forms.Bool, "true: only serious safety faults count.", (r, v) => r.OfSafetyFaultsOnly(v), r => r.SafetyOnly)
            .Field("remedy", BetterRemedy, "replacement (default) or exchange.", (r, v) => r.Giving(v), r => r.Remedy, omitted: Remedy.Replacement),
        (r, v) => r.AllowingReturn(v), r => r.AllowsReturn, (r, v) => r.Within(v), r => r.WithinTerm);

    internal static readonly Shape<RepairTimeRule, RepairTimeRule> RepairTime = Escalation(
        new Shape<RepairTimeRule, RepairTimeRule>(
                "repairTime", "a repair-time rule object, or an array of them", "repair-time property", "A repair-time rule: more than so many days in repair, a better remedy.",
                () => RepairTimeRule.MoreThanDays(0), (r, fields, _) => r.WithFields(fields))
            .Field("days", Forms.Int("a number of days", RepairTimeRule.MinDays, RepairTimeRule.MaxDays), "The most days in repair.", (r, v) => r.WithDays(v), r => r.Days,
                required: "the most days in repair", always: true)
            .Field("cumulative", Forms.Bool, "Default true: days in repair add up.", (r, v) => r.AddingUp(v), r => r.Cumulative, omitted: true)
            .Field("remedy", BetterRemedy, "exchange (default) or replacement.", (r, v) => r.Giving(v), r => r.Remedy, omitted: Remedy.Exchange),
        (r, v) => r.AllowingReturn(v), r => r.AllowsReturn, (r, v) => r.Within(v), r => r.WithinTerm);

    /// <summary>What the two remedy rules share: <c>allowReturn</c> and <c>within</c>.</summary>
    private static Shape<T, T> Escalation<T>(Shape<T, T> rule, Func<T, bool, T> allowReturn, Func<T, bool> allowsReturn, Func<T, string, T> within, Func<T, string?> withinTerm) => rule
        .Field("allowReturn", Forms.Bool, "true: a return request gets a return.", allowReturn, allowsReturn)
        .Field("within", Forms.String("a term id"), "The id of the coverage term within which the repairs count; default the deciding term.", within, r => withinTerm(r)!);

    /// <summary>A window's kind, its name in a document and its schema description.</summary>
    private static readonly (WindowKind Kind, string Name, string Description)[] WindowKinds =
    [
        (WindowKind.ReturnWithoutReason, "returnWithoutReason", "Windows in which a return needs no reason (CRPL art. 25): one object or an array."),
        (WindowKind.ReturnOnFailure, "returnOnFailure", "Windows in which a failure gives a return or exchange (三包 art. 9): one object or an array."),
        (WindowKind.ExchangeOnFailure, "exchangeOnFailure", "Windows in which a failure gives an exchange (三包 art. 10): one object or an array."),
    ];

    private static Shape<WindowDraft, RemedyWindow> Window(WindowKind kind) => new Shape<WindowDraft, RemedyWindow>(
            "window", "a window object such as { \"period\": \"P7D\", \"from\": \"purchase\" }, or an array of them", "window property",
            "A return or exchange window: a target (exactly one amount) counted from an asset date.",
            () => new WindowDraft(), (w, fields, _) => w.Build(kind, fields))
        .Group(
            (properties, context, w, fields) =>
            {
                w.Target = TargetReader.Read(properties, context, out w.CalendarName);
                if (properties.Has("calendar"))
                {
                    fields["calendar"] = FieldRef.At(properties.Optional("calendar")!);
                }

                return w;
            },
            (json, w, context) => TargetWriter.Write(json, w.Target, context.NameOf(w.CalendarName, w.Calendar)),
            TargetReader.SchemaProperties)
        .Schema(TargetReader.OneAmount)
        .Field("from", Start, "The asset date the window counts from, at 00:00 of that day.", (w, v) => w.From = v, w => w.From,
            required: "the asset date the window counts from, such as \"purchase\"")
        .Field("problems", Forms.ArrayOf(Forms.String("a problem code"), "an array of problem codes"), "Only claims of these problem codes count.",
            (w, v) => w.Problems = v, w => w.Problems.Count == 0 ? null! : w.Problems)
        .Field("usage", Usage, "The window also ends when usage passes this much.", (w, v) => w.Usage = v, w => w.UsageLimit);

    private static Shape<WarrantyPolicyBuilder, WarrantyPolicy> Declare()
    {
        var shape = new Shape<WarrantyPolicyBuilder, WarrantyPolicy>(
                "warrantyDocument", WarrantyReader.What, "warranty property",
                "Warranty terms (docs/warranty.md): terms, exclusions, escalations, windows, deadlines and paid service.",
                () => new WarrantyPolicyBuilder(DateTimeZone.Utc), (b, fields, context) => b.WithFields(fields).TryBuild(context.Problems))
            .Field("zone", Forms.Zone, "The IANA time zone id in which warranty dates are local dates.", (b, v) => b.Zone = v, p => p.Zone,
                required: "the IANA time zone id in which warranty dates are local dates, such as Asia/Shanghai", always: true)
            .Group(ReadCalendars, (json, _, context) => context.WriteCalendars(json), CalendarsSchema)
            .Field("terms", Forms.ArrayOf(Term, "an array of terms"), "The terms. A policy needs at least one term or window.",
                (b, v) => Each(b, v, b.AddTerm), p => p.Terms.Count == 0 ? null! : p.Terms)
            .Field("builtInExclusions", new BuiltInForm(), "The built-in exclusions kept: \"all\" (default), \"none\" or an array of their ids.",
                (b, v) => b.SetBuiltInExclusions(v.Ids), p => new BuiltIn(p.BuiltInExclusionIds), omitted: new BuiltIn(null))
            .Field("exclusions", Forms.ArrayOf(Exclusion, "an array of exclusion objects"), "The contract's own exclusions.",
                (b, v) => Each(b, v, b.AddExclusion), p => p.CustomExclusions.Count == 0 ? null! : p.CustomExclusions)
            .Field("repeatFailure", Forms.OneOrMany(RepeatFailure), "Repeat-failure rules: one object or an array.",
                (b, v) => Each(b, v, b.AddRepeatFailureRule), p => p.RepeatFailureRules.Count == 0 ? null! : p.RepeatFailureRules)
            .Field("repairTime", Forms.OneOrMany(RepairTime), "Repair-time rules: one object or an array.",
                (b, v) => Each(b, v, b.AddRepairTimeRule), p => p.RepairTimeRules.Count == 0 ? null! : p.RepairTimeRules);
        foreach (var (kind, name, description) in WindowKinds)
        {
            shape.Field(name, Forms.OneOrMany(Window(kind)), description,
                (b, v) => Each(b, v, b.AddWindow), p => p.Windows.Where(w => w.Kind == kind).ToList() is { Count: > 0 } windows ? windows : null!);
        }

        return shape
            .Field("replacementOnRequest", Forms.Bool, "true: a replacement request while a term is in force is granted (EU 2019/771 art. 13(2)).",
                (b, v) => b.ReplacementOnRequest = v, p => p.ReplacementOnRequest)
            .Field("exchangeWhenUnrepairable", Forms.Bool, "Default true: an unrepairable product is exchanged.",
                (b, v) => b.ExchangeWhenUnrepairable = v, p => p.ExchangeWhenUnrepairable, omitted: true)
            .Field("newPartsOnly", Forms.Bool, "true: repairs use new parts unless the customer agrees otherwise in writing.", (b, v) => b.NewPartsOnly = v, p => p.NewPartsOnly)
            .Field("magneticMediaOnSite", Forms.Bool, "true: a product with magnetic media is repaired on site, never taken away.", (b, v) => b.MagneticMediaOnSite = v, p => p.MagneticMediaOnSite)
            .Group(RemedyDeadlines.Read, RemedyDeadlines.Write, RemedyDeadlines.Schema)
            .Field("paidService", PaidService, "Service after the warranty, or not covered by it.", (b, v) => b.PaidService = v, p => p.PaidService)
            .Schema(schema => schema["dependentSchemas"] = new JsonObject
            {
                ["repairTurnaround"] = new JsonObject
                {
                    ["properties"] = new JsonObject
                    {
                        ["remedyDeadlines"] = new JsonObject
                        {
                            ["description"] = "With repairTurnaround, remedyDeadlines gives no repair: the repair's deadline is given once.",
                            ["not"] = new JsonObject { ["required"] = SchemaBuilder.Strings(["repair"]) },
                        },
                    },
                },
            });
    }

    private static readonly Shape<PaidServiceTerms, PaidServiceTerms> PaidService = new Shape<PaidServiceTerms, PaidServiceTerms>(
            null, "a paid-service object such as { \"visitFee\": 300, \"partsAtCost\": true, \"notAboveBidPrice\": true }", "paid-service property",
            "Service after the warranty, or not covered by it.", () => default, (p, _, _) => p)
        .Field("visitFee", Forms.Decimal("a visit fee", 0).Map<decimal?>(v => v, v => v!.Value), "The fee per visit, 0 or more.", (p, v) => p with { VisitFee = v }, p => p.VisitFee)
        .Field("partsAtCost", Forms.Bool, "true: parts at cost.", (p, v) => p with { PartsAtCost = v }, p => p.PartsAtCost)
        .Field("notAboveBidPrice", Forms.Bool, "true: never above the bid price.", (p, v) => p with { NotAboveBidPrice = v }, p => p.NotAboveBidPrice);

    // Declared last: static fields are initialised in order, and the policy is made of every shape above.
    /// <summary>The warranty object, inside a commitment or as a document of its own.</summary>
    internal static readonly Shape<WarrantyPolicyBuilder, WarrantyPolicy> Policy = Declare();

    private static WarrantyPolicyBuilder Each<T>(WarrantyPolicyBuilder builder, IReadOnlyList<T> items, Func<T, WarrantyPolicyBuilder> add)
    {
        foreach (var item in items)
        {
            add(item);
        }

        return builder;
    }

    private static Shape<Dictionary<CostType, CostShare>, IReadOnlyDictionary<CostType, CostShare>> CostShares()
    {
        var shape = new Shape<Dictionary<CostType, CostShare>, IReadOnlyDictionary<CostType, CostShare>>(
            null, "an object of labour, parts and travel shares", "cost type",
            "Labour, parts and travel: the supplier's share of each and for how long; a cost not named is free for the term's period.",
            () => [], (shares, _, _) => shares);
        foreach (var cost in new[] { CostType.Labour, CostType.Parts, CostType.Travel })
        {
            string name = WarrantyTerm.Name(cost);
            shape.Field(name, Share, $"The share of {name}.", (s, v) => s[cost] = v, s => s.TryGetValue(cost, out var share) ? share : default);
        }

        return shape;
    }

    /// <summary>Reads a document's own <c>calendars</c>; a name the file already gave is an error.</summary>
    private static WarrantyPolicyBuilder ReadCalendars(ObjectReader warranty, DocumentContext context, WarrantyPolicyBuilder builder, Dictionary<string, FieldRef> fields)
    {
        var node = warranty.Optional("calendars");
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
        foreach (var (name, calendar) in context.Calendars)
        {
            builder.AddCalendar(name, calendar);
        }

        return builder;
    }

    private static IEnumerable<(string, JsonObject, bool)> CalendarsSchema(SchemaBuilder schema)
    {
        yield return ("calendars", new JsonObject
        {
            ["description"] = "Calendars for remedy deadlines and windows that count on a business calendar; a name may not also be given beside the warranty.",
            ["$ref"] = "#/$defs/calendars",
        }, false);
    }

    /// <summary>
    /// A remedy's deadline: <c>remedyDeadlines</c> maps repair, replacement, exchange and return to targets;
    /// <c>repairTurnaround</c> is the repair's, given in its place (written back under <c>remedyDeadlines</c>).
    /// </summary>
    private static class RemedyDeadlines
    {
        private const string DeadlineWhat = "a target object such as { \"elapsed\": \"PT72H\" }";

        internal static WarrantyPolicyBuilder Read(ObjectReader warranty, DocumentContext context, WarrantyPolicyBuilder builder, Dictionary<string, FieldRef> fields)
        {
            if (warranty.Optional("repairTurnaround") is { } turnaround)
            {
                ReadOne(Remedy.Repair, turnaround, context, builder);
            }

            if (warranty.Optional("remedyDeadlines") is not { } deadlinesNode ||
                context.Object(deadlinesNode, "an object mapping remedies (repair, replacement, exchange, return) to targets") is not { } deadlines)
            {
                return builder;
            }

            foreach (var remedy in Remedies.WithDeadlines)
            {
                if (deadlines.Optional(Remedies.Name(remedy)) is not { } target)
                {
                    continue;
                }

                if (remedy == Remedy.Repair && warranty.Has("repairTurnaround"))
                {
                    context.Error(target, "the repair's deadline is given twice: as \"repairTurnaround\" and in \"remedyDeadlines\"; give it once");
                    continue;
                }

                ReadOne(remedy, target, context, builder);
            }

            deadlines.Finish("remedy");
            return builder;
        }

        private static void ReadOne(Remedy remedy, DocNode node, DocumentContext context, WarrantyPolicyBuilder builder)
        {
            if (context.Object(node, DeadlineWhat) is not { } properties)
            {
                return;
            }

            var target = TargetReader.Read(properties, context, out string? name);
            var at = properties.Optional("calendar") is { } calendarNode ? FieldRef.At(calendarNode) : FieldRef.At(node);
            properties.Finish("target property");
            if (target is { } t)
            {
                // The builder resolves the calendar's name, once.
                builder.SetDeadline(remedy, t, null, name, at);
            }
        }

        internal static void Write(Utf8JsonWriter json, WarrantyPolicy warranty, WriteContext context)
        {
            if (warranty.DeadlineEntries.Count == 0)
            {
                return;
            }

            json.WriteStartObject("remedyDeadlines");
            foreach (var remedy in Remedies.WithDeadlines)
            {
                if (warranty.DeadlineEntries.TryGetValue(remedy, out var entry))
                {
                    json.WriteStartObject(Remedies.Name(remedy));
                    TargetWriter.Write(json, entry.Target, context.NameOf(entry.CalendarName, entry.Calendar));
                    json.WriteEndObject();
                }
            }

            json.WriteEndObject();
        }

        internal static IEnumerable<(string, JsonObject, bool)> Schema(SchemaBuilder schema)
        {
            var deadline = Forms.Described<int>(schema.Reference("deadline", () => new Shape<int, int>(
                    null, "", "", "A remedy's deadline: a target (exactly one amount), counted from the claim's received.", () => 0, (x, _, _) => x)
                .Group((_, _, x, _) => x, (_, _, _) => { }, TargetReader.SchemaProperties)
                .Schema(TargetReader.OneAmount)
                .Schema(schema)));
            yield return ("repairTurnaround", SchemaBuilder.Described("The repair's deadline, from the product's receipt (the same as remedyDeadlines.repair).", deadline.Schema(schema)), false);
            var remedies = new Shape<int, int>(null, "", "", "Deadlines of remedies, each from the product's receipt.", () => 0, (x, _, _) => x);
            foreach (var remedy in Remedies.WithDeadlines)
            {
                remedies.Field(Remedies.Name(remedy), deadline, $"The {Remedies.Name(remedy)}'s deadline.", (x, _) => x, null);
            }

            yield return ("remedyDeadlines", remedies.Schema(schema), false);
        }
    }

    /// <summary>A start: a date name, <c>{ "earliest": [...] }</c> or <c>{ "latest": [...] }</c>.</summary>
    private sealed class StartForm : Form<WarrantyStart>
    {
        internal override DocNode Locate(DocNode node) => node.Kind == JsonValueKind.Object && node.Properties!.Count == 1 ? node.Properties[0].Value : node;

        internal override bool TryRead(DocNode node, DocumentContext context, out WarrantyStart value)
        {
            value = null!;
            if (node.Kind == JsonValueKind.String)
            {
                value = WarrantyStart.Create(StartRule.On, [node.Text!]);
                return true;
            }

            var start = context.Object(node, "a start: an asset date name such as \"acceptance\", or { \"earliest\": [names] } or { \"latest\": [names] }");
            if (start is null)
            {
                return false;
            }

            var earliest = start.Optional("earliest");
            var latest = start.Optional("latest");
            start.Finish("start property");
            if ((earliest is null) == (latest is null))
            {
                context.Error(node, "a start has exactly one of \"earliest\" and \"latest\"");
                return false;
            }

            if (!StringList.TryRead(earliest ?? latest!, context, out var names))
            {
                return false;
            }

            value = WarrantyStart.Create(earliest is not null ? StartRule.EarliestOf : StartRule.LatestOf, [.. names]);
            return true;
        }

        internal override void Write(Utf8JsonWriter json, WarrantyStart value, WriteContext context)
        {
            if (value.Rule == StartRule.On)
            {
                json.WriteStringValue(value.Names[0]);
                return;
            }

            json.WriteStartObject();
            json.WritePropertyName(value.Rule == StartRule.EarliestOf ? "earliest" : "latest");
            StringList.Write(json, value.Names, context);
            json.WriteEndObject();
        }

        internal override JsonObject Schema(SchemaBuilder schema) => schema.Reference("start", () => new JsonObject
        {
            ["description"] = "Where a period starts: an asset date name, { \"earliest\": [names] } (the earliest the asset has) or { \"latest\": [names] } (the latest; needs all).",
            ["oneOf"] = new JsonArray(
                StartName(schema),
                Names(schema, "earliest", "The earliest of the named dates the asset has."),
                Names(schema, "latest", "The latest of the named dates; the asset needs all of them.")),
        });

        private static JsonObject StartName(SchemaBuilder schema) => schema.Reference("startName", () => new JsonObject
        {
            ["description"] = "An asset date name: purchase, invoice, delivery, installation, acceptance, acceptanceSigned, firstUse, received, or the asset's own.",
            ["type"] = "string",
            ["examples"] = SchemaBuilder.Strings(["purchase", "invoice", "delivery", "installation", "acceptance", "acceptanceSigned", "firstUse", "received"]),
        });

        private static JsonObject Names(SchemaBuilder schema, string rule, string description) =>
            new Shape<int, int>(null, "", "", description, () => 0, (x, _, _) => x)
                .Field(rule, Forms.ArrayOf(Forms.Described<string>(StartName(schema)), ""), "Asset date names.", (x, _) => x, null, required: "")
                .Schema(schema);
    }

    /// <summary>"Whichever comes first": one quantity and its limit, such as <c>{ "km": 50000 }</c>.</summary>
    private sealed class UsageForm : Form<UsageLimit?>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out UsageLimit? value)
        {
            value = null;
            var usage = context.Object(node, "a usage limit object with one quantity, such as { \"km\": 50000 }");
            if (usage is null)
            {
                return false;
            }

            var properties = node.Properties!;
            foreach (var property in properties)
            {
                usage.Accept(property.Name);
            }

            if (properties.Count != 1)
            {
                context.Invalid(node, "expected exactly one quantity and its limit, such as { \"km\": 50000 }");
                return false;
            }

            if (!context.TryDecimal(properties[0].Value, "a usage limit", out decimal limit))
            {
                return false;
            }

            value = new UsageLimit(properties[0].Name, limit);
            return true;
        }

        internal override void Write(Utf8JsonWriter json, UsageLimit? value, WriteContext context)
        {
            json.WriteStartObject();
            json.WriteNumber(value!.Value.Quantity, value.Value.Limit);
            json.WriteEndObject();
        }

        internal override JsonObject Schema(SchemaBuilder schema) => schema.Reference("usage", () => new JsonObject
        {
            ["description"] = "\"Whichever comes first\": one quantity and its limit, such as { \"km\": 50000 }.",
            ["type"] = "object",
            ["minProperties"] = 1,
            ["maxProperties"] = 1,
            ["additionalProperties"] = new JsonObject { ["type"] = "number" },
            ["examples"] = new JsonArray(new JsonObject { ["km"] = 50000 }),
        });
    }

    /// <summary>The built-in exclusions kept: all (null), none (empty) or these ids.</summary>
    internal readonly record struct BuiltIn(IReadOnlyList<string>? Ids)
    {
        public bool Equals(BuiltIn other) => Ids is null ? other.Ids is null : other.Ids is not null && Ids.SequenceEqual(other.Ids);

        public override int GetHashCode() => Ids?.Count ?? -1;
    }

    private sealed class BuiltInForm : Form<BuiltIn>
    {
        private static readonly Form<IReadOnlyList<string>> Ids = Forms.ArrayOf(Forms.String("an exclusion id"), "\"all\", \"none\" or an array of built-in exclusion ids");

        internal override bool TryRead(DocNode node, DocumentContext context, out BuiltIn value)
        {
            value = default;
            if (node.Kind == JsonValueKind.String)
            {
                switch (node.Text)
                {
                    case "all":
                        return true;
                    case "none":
                        value = new BuiltIn([]);
                        return true;
                    default:
                        context.Invalid(node, "expected \"all\", \"none\" or an array of built-in exclusion ids");
                        return false;
                }
            }

            bool read = Ids.TryRead(node, context, out var ids);
            value = new BuiltIn(ids);
            return read;
        }

        internal override void Write(Utf8JsonWriter json, BuiltIn value, WriteContext context)
        {
            if (value.Ids is null or { Count: 0 })
            {
                json.WriteStringValue(value.Ids is null ? "all" : "none");
                return;
            }

            Ids.Write(json, value.Ids, context);
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["oneOf"] = new JsonArray(
                new JsonObject { ["enum"] = SchemaBuilder.Strings(["all", "none"]) },
                new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["enum"] = SchemaBuilder.Strings(Exclusions.BuiltIn.Select(e => e.Id)) } }),
        };
    }

    internal readonly record struct ShareLength(Period? Period, bool Lifetime);

    internal readonly record struct Extension(Period? Period, RepairExtensionMode Mode);

    internal sealed class ExclusionDraft
    {
        internal string Id { get; set; } = "";

        internal IReadOnlyList<string> Causes { get; set; } = [];

        internal ExclusionConsequence Consequence { get; set; }

        internal string Clause { get; set; } = "";
    }

    internal sealed class WindowDraft
    {
        internal ServiceTarget? Target;
        internal string? CalendarName;

        internal WarrantyStart? From { get; set; }

        internal IReadOnlyList<string> Problems { get; set; } = [];

        internal UsageLimit? Usage { get; set; }

        internal RemedyWindow? Build(WindowKind kind, FieldMap fields)
        {
            if (Target is not { } target || From is null)
            {
                return null;
            }

            var window = kind switch
            {
                WindowKind.ReturnWithoutReason => RemedyWindow.ReturnWithoutReason(target, From),
                WindowKind.ReturnOnFailure => RemedyWindow.ReturnOnFailure(target, From),
                _ => RemedyWindow.ExchangeOnFailure(target, From),
            };
            window = window.ForProblems([.. Problems]);
            if (Usage is { } usage)
            {
                window = window.WithUsageLimit(usage.Quantity, usage.Limit);
            }

            if (CalendarName is not null)
            {
                window = window.OnCalendar(CalendarName);
            }

            return window.WithFields(fields);
        }
    }
}
