using System.Text.Json;
using NodaTime;
using ServiceCommitments.Internal;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads the asset and claim objects of docs/warranty.md into an <see cref="Asset"/> and a <see cref="Claim"/>; their
/// rules are the types' own, reported at the document's paths.
/// </summary>
internal static class AssetClaimReader
{
    private static readonly string[] Requests = ["repair", "replacement", "exchange", "return", "technicalSupport", "upgrade", "spareParts"];

    internal static Asset? ReadAsset(DocNode node, DocumentContext context)
    {
        var asset = context.Object(node, "an asset object with \"component\"");
        if (asset is null)
        {
            return null;
        }

        int before = context.ErrorCount;
        var input = new AssetInput { ComponentField = FieldRef.At(node), BidPriceField = FieldRef.At(node) };
        if (asset.Required("component", "the asset's component class, such as hardware") is { } componentNode && context.TryString(componentNode, "a component class", out string component))
        {
            input.Component = ComponentClass.Unchecked(component);
            input.ComponentField = FieldRef.At(componentNode);
        }

        if (asset.Optional("id") is { } idNode && context.TryString(idNode, "an asset id", out string id))
        {
            input.Id = id;
        }

        if (asset.Optional("dates") is { } datesNode && context.Object(datesNode, "an object mapping date names to dates, such as { \"acceptance\": \"2024-05-20\" }") is { } dates)
        {
            foreach (var property in datesNode.Properties!)
            {
                dates.Accept(property.Name);
                if (context.TryDate(property.Value, out var date))
                {
                    input.Dates.Add((property.Name, date, FieldRef.At(property.Value)));
                }
            }
        }

        if (asset.Optional("repairs") is { } repairsNode)
        {
            foreach (var item in context.Array(repairsNode, "an array of repairs"))
            {
                if (ReadRepair(item, context) is { } repair)
                {
                    input.Repairs.Add((repair, FieldRef.At(item)));
                }
            }
        }

        ReadDates(asset.Optional("replacements"), "an array of replacement dates, or of { \"date\": ... }", input.Replacements, context);
        ReadDates(asset.Optional("transfers"), "an array of the dates the asset changed owner", input.Transfers, context);
        if (asset.Optional("readings") is { } readingsNode)
        {
            foreach (var item in context.Array(readingsNode, "an array of readings"))
            {
                var reading = context.Object(item, "a reading object with \"date\", \"quantity\" and \"value\"");
                if (reading is null)
                {
                    continue;
                }

                int itemBefore = context.ErrorCount;
                var date = reading.Required("date", "the reading's date") is { } d && context.TryDate(d, out var dv) ? dv : default;
                string quantity = reading.Required("quantity", "what it measures, such as km") is { } q && context.TryString(q, "a quantity", out string qv) ? qv : "";
                decimal value = reading.Required("value", "the running total read") is { } v && context.TryDecimal(v, "a reading", out decimal vv) ? vv : 0;
                reading.Finish("reading property");
                if (context.ErrorCount == itemBefore)
                {
                    input.Readings.Add((new UsageReading(date, quantity, value), FieldRef.At(item)));
                }
            }
        }

        if (asset.Optional("maintenanceContracts") is { } contractsNode)
        {
            foreach (var item in context.Array(contractsNode, "an array of maintenance contracts"))
            {
                var contract = context.Object(item, "a maintenance contract object with \"from\" and \"to\"");
                if (contract is null)
                {
                    continue;
                }

                int itemBefore = context.ErrorCount;
                var from = contract.Required("from", "the first day covered") is { } f && context.TryDate(f, out var fv) ? fv : default;
                var to = contract.Required("to", "the last day covered") is { } t && context.TryDate(t, out var tv) ? tv : default;
                contract.Finish("maintenance contract property");
                if (context.ErrorCount == itemBefore)
                {
                    input.Contracts.Add((new MaintenanceContract(from, to), FieldRef.At(item)));
                }
            }
        }

        if (asset.Optional("bidPrice") is { } bidNode && context.TryDecimal(bidNode, "a bid price", out decimal bid))
        {
            input.BidPrice = bid;
            input.BidPriceField = FieldRef.At(bidNode);
        }

        asset.Finish("asset property");
        if (context.ErrorCount > before)
        {
            return null;
        }

        return Asset.TryCreate(input, context.Problems);
    }

    private static RepairRecord? ReadRepair(DocNode node, DocumentContext context)
    {
        var repair = context.Object(node, "a repair object with \"date\" and \"problem\"");
        if (repair is null)
        {
            return null;
        }

        int before = context.ErrorCount;
        var date = repair.Required("date", "the repair's date") is { } d && context.TryDate(d, out var dv) ? dv : default;
        string problem = repair.Required("problem", "the problem's code") is { } p && context.TryString(p, "a problem code", out string pv) ? pv : "";
        LocalDate? returned = repair.Optional("returned") is { } r && context.TryDate(r, out var rv) ? rv : null;
        var outcome = RepairOutcome.Fixed;
        if (repair.Optional("outcome") is { } o && WarrantyReader.Choice(o, ["fixed", "notFixed", "impossible"], "a repair outcome", context) is { } ov)
        {
            outcome = (RepairOutcome)ov;
        }

        bool safety = WarrantyReader.Bool(repair, "safety", context) ?? false;
        repair.Finish("repair property");
        return context.ErrorCount > before ? null : new RepairRecord(date, problem, outcome, returned, safety);
    }

    private static void ReadDates(DocNode? node, string what, System.Collections.Generic.List<(LocalDate Date, FieldRef Field)> into, DocumentContext context)
    {
        if (node is null)
        {
            return;
        }

        foreach (var item in context.Array(node, what))
        {
            var dateNode = item;
            if (item.Kind == JsonValueKind.Object)
            {
                var obj = new ObjectReader(item, context);
                dateNode = obj.Required("date", "the date") ?? item;
                obj.Finish("property");
                if (dateNode == item)
                {
                    continue;
                }
            }

            if (context.TryDate(dateNode, out var date))
            {
                into.Add((date, FieldRef.At(dateNode)));
            }
        }
    }

    internal static Claim? ReadClaim(DocNode node, DocumentContext context)
    {
        var claim = context.Object(node, "a claim object with \"at\"");
        if (claim is null)
        {
            return null;
        }

        int before = context.ErrorCount;
        var input = new ClaimInput();
        if (claim.Required("at", "when the failure was reported, an instant with offset") is { } atNode && context.TryInstant(atNode, out var at))
        {
            input.At = at;
            input.AtField = FieldRef.At(atNode);
        }

        if (claim.Optional("request") is { } requestNode && WarrantyReader.Choice(requestNode, Requests, "a request", context) is { } request)
        {
            input.Request = (ClaimRequest)request;
            input.RequestField = FieldRef.At(requestNode);
        }

        if (claim.Optional("problem") is { } problemNode && context.TryString(problemNode, "a problem code", out string problem))
        {
            input.Problem = problem;
            input.ProblemField = FieldRef.At(problemNode);
        }

        if (claim.Optional("causes") is { } causesNode)
        {
            foreach (var item in context.Array(causesNode, "an array of causes"))
            {
                if (context.TryString(item, "a cause", out string cause))
                {
                    input.Causes.Add((cause, FieldRef.At(item)));
                }
            }
        }

        if (claim.Optional("received") is { } receivedNode && context.TryInstant(receivedNode, out var received))
        {
            input.Received = received;
            input.ReceivedField = FieldRef.At(receivedNode);
        }

        input.Repairable = WarrantyReader.Bool(claim, "repairable", context) ?? true;
        input.Safety = WarrantyReader.Bool(claim, "safety", context) ?? false;
        input.MagneticMedia = WarrantyReader.Bool(claim, "magneticMedia", context) ?? false;
        input.UsedPartsAgreed = WarrantyReader.Bool(claim, "usedPartsAgreed", context) ?? false;
        if (claim.Optional("usage") is { } usageNode && context.Object(usageNode, "an object mapping quantities to readings, such as { \"km\": 23000 }") is { } usage)
        {
            foreach (var property in usageNode.Properties!)
            {
                usage.Accept(property.Name);
                if (context.TryDecimal(property.Value, "a reading", out decimal value))
                {
                    input.Usage.Add((property.Name, value, FieldRef.At(property.Value)));
                }
            }
        }

        if (claim.Optional("id") is { } idNode && context.TryString(idNode, "a claim id", out string id))
        {
            input.Id = id;
        }

        claim.Finish("claim property");
        return context.ErrorCount > before ? null : Claim.TryCreate(input, context.Problems);
    }
}
