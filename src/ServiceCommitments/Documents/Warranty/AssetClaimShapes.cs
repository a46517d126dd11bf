using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using ServiceCommitments.Internal;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Documents;

/// <summary>
/// The asset and claim objects of docs/warranty.md, declared once. <see cref="AssetClaimReader"/> reads with them; their
/// rules are the types' own (<see cref="Asset.TryCreate"/>, <see cref="Claim.TryCreate"/>), reported at the document's
/// paths. They are read, never written: the asset and the claim have no getters here.
/// </summary>
internal static class AssetClaimShapes
{
    private static readonly Shape<RepairRecord, RepairRecord> Repair = new Shape<RepairRecord, RepairRecord>(
            null, "a repair object with \"date\" and \"problem\"", "repair property", "A repair of the asset.", () => default, (r, _, _) => r)
        .Field("date", Forms.Date, "The repair's date.", (r, v) => r with { Date = v }, r => r.Date, required: "the repair's date", always: true)
        .Field("problem", Forms.String("a problem code"), "The problem's code.", (r, v) => r with { Problem = v }, r => r.Problem, required: "the problem's code", always: true)
        .Field("returned", Forms.Date.Map<LocalDate?>(d => d, d => d!.Value), "When the asset came back.", (r, v) => r with { Returned = v }, r => r.Returned)
        .Field("outcome", Forms.Choice("a repair outcome", ("fixed", RepairOutcome.Fixed), ("notFixed", RepairOutcome.NotFixed), ("impossible", RepairOutcome.Impossible)),
            "fixed (default), notFixed or impossible.", (r, v) => r with { Outcome = v }, r => r.Outcome, omitted: RepairOutcome.Fixed)
        .Field("safety", Forms.Bool, "true: a serious safety fault.", (r, v) => r with { Safety = v }, r => r.Safety);

    private static readonly Shape<UsageReading, UsageReading> Reading = new Shape<UsageReading, UsageReading>(
            null, "a reading object with \"date\", \"quantity\" and \"value\"", "reading property", "A usage reading.", () => default, (r, _, _) => r)
        .Field("date", Forms.Date, "The reading's date.", (r, v) => r with { Date = v }, r => r.Date, required: "the reading's date", always: true)
        .Field("quantity", Forms.String("a quantity"), "What it measures (km).", (r, v) => r with { Quantity = v }, r => r.Quantity, required: "what it measures, such as km", always: true)
        .Field("value", Forms.Decimal("a reading"), "The running total read.", (r, v) => r with { Value = v }, r => r.Value, required: "the running total read", always: true);

    private static readonly Shape<MaintenanceContract, MaintenanceContract> Contract = new Shape<MaintenanceContract, MaintenanceContract>(
            null, "a maintenance contract object with \"from\" and \"to\"", "maintenance contract property", "A maintenance contract.", () => default, (c, _, _) => c)
        .Field("from", Forms.Date, "The first day covered.", (c, v) => c with { From = v }, c => c.From, required: "the first day covered", always: true)
        .Field("to", Forms.Date, "The last day covered.", (c, v) => c with { To = v }, c => c.To, required: "the last day covered", always: true);

    private static readonly Form<LocalDate> DateEntry = new DateEntryForm();

    /// <summary>The asset object.</summary>
    internal static readonly Shape<AssetInput, Asset> Asset = new Shape<AssetInput, Asset>(
            null, "an asset object with \"component\"", "asset property", "An asset (docs/warranty.md, \"Assets and claims\").", () => new AssetInput(),
            (a, fields, context) =>
            {
                a.ComponentField = fields.Get("component");
                a.BidPriceField = fields.Get("bidPrice");
                return Warranty.Asset.TryCreate(a, context.Problems);
            },
            buildAfterProblems: false)
        .Field("component", Forms.String("a component class"), "The asset's component class.", (a, v) => a.Component = ComponentClass.Unchecked(v), null,
            required: "the asset's component class, such as hardware")
        .Field("id", Forms.String("an asset id"), "The asset's id.", (a, v) => a.Id = v, null)
        .Field("dates", Forms.EntriesOf(Forms.Date, "an object mapping date names to dates, such as { \"acceptance\": \"2024-05-20\" }"), "The asset's dates by name.",
            (a, v) => a.Dates.AddRange(v), null)
        .Field("repairs", Forms.EachOf(Repair, "an array of repairs"), "Its repairs.", (a, v) => a.Repairs.AddRange(v.Items), null)
        .Field("replacements", Forms.EachOf(DateEntry, "an array of replacement dates, or of { \"date\": ... }"), "The dates it was replaced.",
            (a, v) => a.Replacements.AddRange(v.Items), null)
        .Field("transfers", Forms.EachOf(DateEntry, "an array of the dates the asset changed owner"), "The dates it changed owner.", (a, v) => a.Transfers.AddRange(v.Items), null)
        .Field("readings", Forms.EachOf(Reading, "an array of readings"), "Its usage readings.", (a, v) => a.Readings.AddRange(v.Items), null)
        .Field("maintenanceContracts", Forms.EachOf(Contract, "an array of maintenance contracts"), "Its maintenance contracts.", (a, v) => a.Contracts.AddRange(v.Items), null)
        .Field("bidPrice", Forms.Decimal("a bid price"), "The price bid for it.", (a, v) => a.BidPrice = v, null);

    private static readonly (string Name, ClaimRequest Value)[] Requests =
    [
        ("repair", ClaimRequest.Repair), ("replacement", ClaimRequest.Replacement), ("exchange", ClaimRequest.Exchange), ("return", ClaimRequest.Return),
        ("technicalSupport", ClaimRequest.TechnicalSupport), ("upgrade", ClaimRequest.Upgrade), ("spareParts", ClaimRequest.SpareParts),
    ];

    /// <summary>The claim object.</summary>
    internal static readonly Shape<ClaimInput, Claim> Claim = new Shape<ClaimInput, Claim>(
            null, "a claim object with \"at\"", "claim property", "A claim (docs/warranty.md, \"Assets and claims\").", () => new ClaimInput(),
            (c, fields, context) =>
            {
                c.AtField = fields.Has("at") ? fields.Get("at") : c.AtField;
                c.RequestField = fields.Has("request") ? fields.Get("request") : c.RequestField;
                c.ProblemField = fields.Has("problem") ? fields.Get("problem") : c.ProblemField;
                c.ReceivedField = fields.Has("received") ? fields.Get("received") : c.ReceivedField;
                return Warranty.Claim.TryCreate(c, context.Problems);
            },
            buildAfterProblems: false)
        .Field("at", Forms.Instant, "When the failure was reported.", (c, v) => c.At = v, null, required: "when the failure was reported, an instant with offset")
        .Field("request", Forms.Choice("a request", Requests), "What the customer asks for (default repair).", (c, v) => c.Request = v, null)
        .Field("problem", Forms.String("a problem code"), "The problem's code.", (c, v) => c.Problem = v, null)
        .Field("causes", Forms.EachOf(Forms.String("a cause"), "an array of causes"), "The failure's causes.", (c, v) => c.Causes.AddRange(v.Items), null)
        .Field("received", Forms.Instant, "When the product was received.", (c, v) => c.Received = v, null)
        .Field("repairable", Forms.Bool, "Default true.", (c, v) => c.Repairable = v, null)
        .Field("safety", Forms.Bool, "true: a serious safety fault.", (c, v) => c.Safety = v, null)
        .Field("magneticMedia", Forms.Bool, "true: the product holds magnetic media.", (c, v) => c.MagneticMedia = v, null)
        .Field("usedPartsAgreed", Forms.Bool, "true: the customer agreed to used parts.", (c, v) => c.UsedPartsAgreed = v, null)
        .Field("usage", Forms.EntriesOf(Forms.Decimal("a reading"), "an object mapping quantities to readings, such as { \"km\": 23000 }"), "Usage at the claim.",
            (c, v) => c.Usage.AddRange(v), null)
        .Field("id", Forms.String("a claim id"), "The claim's id.", (c, v) => c.Id = v, null);

    /// <summary>A date, or <c>{ "date": ... }</c>; kept with where the date itself came from.</summary>
    private sealed class DateEntryForm : Form<LocalDate>
    {
        internal override DocNode Locate(DocNode node) =>
            node.Kind == JsonValueKind.Object && node.Properties!.FindIndex(p => p.Name == "date") is >= 0 and int i ? node.Properties[i].Value : node;

        internal override bool TryRead(DocNode node, DocumentContext context, out LocalDate value)
        {
            value = default;
            if (node.Kind == JsonValueKind.Object)
            {
                var entry = new ObjectReader(node, context);
                var date = entry.Required("date", "the date");
                entry.Finish("property");
                if (date is null)
                {
                    return false;
                }

                node = date;
            }

            return Forms.Date.TryRead(node, context, out value);
        }

        internal override void Write(Utf8JsonWriter json, LocalDate value, WriteContext context) => Forms.Date.Write(json, value, context);

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["oneOf"] = new JsonArray(Forms.Date.Schema(schema), new JsonObject { ["type"] = "object", ["required"] = SchemaBuilder.Strings(["date"]) }),
        };
    }
}
