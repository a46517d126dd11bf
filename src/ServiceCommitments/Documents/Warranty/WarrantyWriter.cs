using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Documents;

/// <summary>
/// Writes a warranty policy as the warranty document of docs/warranty.md, every property that
/// <see cref="WarrantyReader"/> reads: reading it back gives a policy with the same rules and the same decisions.
/// </summary>
/// <remarks>
/// Defaults are left out (a term that restarts on replacement, every built-in exclusion, no paid-service terms), a
/// repair deadline is written under <c>remedyDeadlines</c> (never as <c>repairTurnaround</c>), and a rule or window of
/// which there is one is written as an object rather than an array. A share that lasts for life is written
/// <c>"lifetime"</c>, which is how the policy counts it whatever period it also holds.
/// </remarks>
internal static class WarrantyWriter
{
    private static readonly string[] KindNames = ["coverage", "sparePartsSupply", "technicalSupport", "upgrades"];

    /// <summary>The calendars the policy counts on: its named ones, and any a window or deadline holds directly.</summary>
    internal static IEnumerable<KeyValuePair<string?, BusinessCalendar>> CalendarsOf(WarrantyPolicy warranty) =>
        warranty.Calendars.Select(p => new KeyValuePair<string?, BusinessCalendar>(p.Key, p.Value))
            .Concat(warranty.WindowCalendars.Where(c => c is not null).Select(c => new KeyValuePair<string?, BusinessCalendar>(null, c!)))
            .Concat(Remedies.WithDeadlines
                .Where(r => warranty.DeadlineEntries.TryGetValue(r, out var entry) && entry.Calendar is not null)
                .Select(r => new KeyValuePair<string?, BusinessCalendar>(null, warranty.DeadlineEntries[r].Calendar!)));

    /// <summary>
    /// Writes <c>"warranty"</c> into the object being written, naming calendars by <paramref name="names"/> (which the
    /// caller writes beside it); a policy loaded from a shipped rule set and unchanged is written as the rule set's id.
    /// </summary>
    internal static void WriteWarranty(Utf8JsonWriter json, WarrantyPolicy warranty, CalendarNaming names)
    {
        if (WarrantyRuleSets.TryGetId(warranty, out string? id))
        {
            json.WriteString("warranty", id);
            return;
        }

        json.WritePropertyName("warranty");
        WriteObject(json, warranty, names, null);
    }

    /// <summary>Writes the warranty document itself, its calendars inside it.</summary>
    internal static void WriteDocument(Utf8JsonWriter json, WarrantyPolicy warranty, HolidaySetRegistry registry) =>
        WriteObject(json, warranty, new CalendarNaming(CalendarsOf(warranty)), registry);

    private static void WriteObject(Utf8JsonWriter json, WarrantyPolicy warranty, CalendarNaming names, HolidaySetRegistry? calendarsInside)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(warranty.Zone.Id) is null)
        {
            Preconditions.ThrowArgument(nameof(warranty), $"The warranty's zone \"{warranty.Zone.Id}\" is not a tzdb zone, which a warranty document needs.");
        }

        json.WriteStartObject();
        json.WriteString("zone", warranty.Zone.Id);
        if (calendarsInside is not null)
        {
            names.WriteCalendars(json, calendarsInside);
        }

        if (warranty.Terms.Count > 0)
        {
            json.WriteStartArray("terms");
            foreach (var term in warranty.Terms)
            {
                WriteTerm(json, term);
            }

            json.WriteEndArray();
        }

        WriteExclusions(json, warranty);
        WriteOneOrMany(json, "repeatFailure", warranty.RepeatFailureRules, WriteRepeatFailure);
        WriteOneOrMany(json, "repairTime", warranty.RepairTimeRules, WriteRepairTime);
        foreach (var kind in new[] { WindowKind.ReturnWithoutReason, WindowKind.ReturnOnFailure, WindowKind.ExchangeOnFailure })
        {
            var windows = Enumerable.Range(0, warranty.Windows.Count).Where(i => warranty.Windows[i].Kind == kind).ToList();
            string name = warranty.Windows.FirstOrDefault(w => w.Kind == kind)?.KindName ?? "";
            WriteOneOrMany(json, name, windows, (json, i) => WriteWindow(json, warranty.Windows[i], warranty.WindowCalendars[i], names));
        }

        if (warranty.ReplacementOnRequest)
        {
            json.WriteBoolean("replacementOnRequest", true);
        }

        if (!warranty.ExchangeWhenUnrepairable)
        {
            json.WriteBoolean("exchangeWhenUnrepairable", false);
        }

        if (warranty.NewPartsOnly)
        {
            json.WriteBoolean("newPartsOnly", true);
        }

        if (warranty.MagneticMediaOnSite)
        {
            json.WriteBoolean("magneticMediaOnSite", true);
        }

        WriteDeadlines(json, warranty, names);
        if (warranty.PaidService != default)
        {
            var paid = warranty.PaidService;
            json.WriteStartObject("paidService");
            if (paid.VisitFee is { } fee)
            {
                json.WriteNumber("visitFee", fee);
            }

            if (paid.PartsAtCost)
            {
                json.WriteBoolean("partsAtCost", true);
            }

            if (paid.NotAboveBidPrice)
            {
                json.WriteBoolean("notAboveBidPrice", true);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteTerm(Utf8JsonWriter json, WarrantyTerm term)
    {
        json.WriteStartObject();
        json.WriteString("id", term.Id);
        if (term.Kind != WarrantyTermKind.Coverage)
        {
            json.WriteString("kind", KindNames[(int)term.Kind]);
        }

        if (term.Covers.Count > 0)
        {
            WriteStrings(json, "covers", term.Covers.Select(c => c.Name));
        }

        json.WriteString("period", term.Period is { } period ? IsoText.FormatPeriod(period) : "lifetime");
        json.WritePropertyName("from");
        WriteStart(json, term.Start!);
        if (term.CountsStartDay)
        {
            json.WriteBoolean("fromTheDayOf", true);
        }

        if (term.UsageLimit is { } usage)
        {
            WriteUsage(json, usage);
        }

        if (term.Shares.Count > 0)
        {
            json.WriteStartObject("shares");
            foreach (var cost in new[] { CostType.Labour, CostType.Parts, CostType.Travel })
            {
                if (term.Shares.TryGetValue(cost, out var share))
                {
                    json.WriteStartObject(WarrantyTerm.Name(cost));
                    json.WriteNumber("share", share.Share);
                    if (share.IsLifetime)
                    {
                        json.WriteString("period", "lifetime");
                    }
                    else if (share.Period is { } sharePeriod)
                    {
                        json.WriteString("period", IsoText.FormatPeriod(sharePeriod));
                    }

                    json.WriteEndObject();
                }
            }

            json.WriteEndObject();
        }

        if (term.AddsRepairTime)
        {
            json.WriteBoolean("addRepairTime", true);
        }

        if (term.RepairExtension is { } extension)
        {
            json.WriteStartObject("repairExtension");
            json.WriteString("period", IsoText.FormatPeriod(extension));
            if (term.RepairExtensionMode == RepairExtensionMode.FromEachRepair)
            {
                json.WriteString("mode", "fromEachRepair");
            }

            json.WriteEndObject();
        }

        if (!term.RestartsOnReplacement)
        {
            json.WriteBoolean("restartOnReplacement", false);
        }

        if (!term.IsTransferable)
        {
            json.WriteBoolean("transferable", false);
        }

        if (term.Presumption is { } presumption)
        {
            json.WriteString("presumption", IsoText.FormatPeriod(presumption));
        }

        json.WriteEndObject();
    }

    /// <summary>A start: a date name, or <c>{ "earliest": [...] }</c> or <c>{ "latest": [...] }</c>.</summary>
    private static void WriteStart(Utf8JsonWriter json, WarrantyStart start)
    {
        if (start.Rule == StartRule.On)
        {
            json.WriteStringValue(start.Names[0]);
            return;
        }

        json.WriteStartObject();
        WriteStrings(json, start.Rule == StartRule.EarliestOf ? "earliest" : "latest", start.Names);
        json.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter json, UsageLimit usage)
    {
        json.WriteStartObject("usage");
        json.WriteNumber(usage.Quantity, usage.Limit);
        json.WriteEndObject();
    }

    private static void WriteExclusions(Utf8JsonWriter json, WarrantyPolicy warranty)
    {
        if (warranty.BuiltInExclusionIds is { } ids)
        {
            if (ids.Count == 0)
            {
                json.WriteString("builtInExclusions", "none");
            }
            else
            {
                WriteStrings(json, "builtInExclusions", ids);
            }
        }

        if (warranty.CustomExclusions.Count == 0)
        {
            return;
        }

        json.WriteStartArray("exclusions");
        foreach (var exclusion in warranty.CustomExclusions)
        {
            json.WriteStartObject();
            json.WriteString("id", exclusion.Id);
            WriteStrings(json, "causes", exclusion.Causes);
            json.WriteString("consequence", exclusion.Consequence == ExclusionConsequence.OutOfScope ? "outOfScope" : "notCovered");
            if (exclusion.Clause.Length > 0)
            {
                json.WriteString("clause", exclusion.Clause);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteRepeatFailure(Utf8JsonWriter json, RepeatFailureRule rule)
    {
        json.WriteStartObject();
        json.WriteNumber("repairs", rule.Repairs);
        if (!rule.Consecutive)
        {
            json.WriteBoolean("consecutive", false);
        }

        if (!rule.SameProblem)
        {
            json.WriteBoolean("sameProblem", false);
        }

        if (rule.SafetyOnly)
        {
            json.WriteBoolean("safetyOnly", true);
        }

        if (rule.Remedy != Remedy.Replacement)
        {
            json.WriteString("remedy", Remedies.Name(rule.Remedy));
        }

        WriteEscalation(json, rule.AllowsReturn, rule.WithinTerm);
        json.WriteEndObject();
    }

    private static void WriteRepairTime(Utf8JsonWriter json, RepairTimeRule rule)
    {
        json.WriteStartObject();
        json.WriteNumber("days", rule.Days);
        if (!rule.Cumulative)
        {
            json.WriteBoolean("cumulative", false);
        }

        if (rule.Remedy != Remedy.Exchange)
        {
            json.WriteString("remedy", Remedies.Name(rule.Remedy));
        }

        WriteEscalation(json, rule.AllowsReturn, rule.WithinTerm);
        json.WriteEndObject();
    }

    private static void WriteEscalation(Utf8JsonWriter json, bool allowsReturn, string? within)
    {
        if (allowsReturn)
        {
            json.WriteBoolean("allowReturn", true);
        }

        if (within is not null)
        {
            json.WriteString("within", within);
        }
    }

    private static void WriteWindow(Utf8JsonWriter json, RemedyWindow window, BusinessCalendar? calendar, CalendarNaming names)
    {
        json.WriteStartObject();
        TargetWriter.Write(json, window.Target, calendar is null ? null : names.NameOf(calendar));
        json.WritePropertyName("from");
        WriteStart(json, window.From);
        if (window.Problems.Count > 0)
        {
            WriteStrings(json, "problems", window.Problems);
        }

        if (window.UsageLimit is { } usage)
        {
            WriteUsage(json, usage);
        }

        json.WriteEndObject();
    }

    private static void WriteDeadlines(Utf8JsonWriter json, WarrantyPolicy warranty, CalendarNaming names)
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
                TargetWriter.Write(json, entry.Target, entry.Calendar is { } calendar ? names.NameOf(calendar) : null);
                json.WriteEndObject();
            }
        }

        json.WriteEndObject();
    }

    /// <summary>Writes one item as an object and several as an array; none, nothing.</summary>
    private static void WriteOneOrMany<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items, System.Action<Utf8JsonWriter, T> write)
    {
        if (items.Count == 0)
        {
            return;
        }

        json.WritePropertyName(name);
        if (items.Count == 1)
        {
            write(json, items[0]);
            return;
        }

        json.WriteStartArray();
        foreach (var item in items)
        {
            write(json, item);
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
