using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using ServiceCommitments.Calendars;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads a target ("within N") from the properties of an object: exactly one amount (<c>elapsed</c>,
/// <c>workingTime</c>, <c>workingDays</c>, <c>calendarDays</c>, <c>period</c>, or <c>within</c>: a phrase as
/// commitments write it, "2个工作日内", "within 4 business hours") and the options <c>holidayRule</c>,
/// <c>cutOff</c> and <c>calendar</c>. Policies, warranty remedies and schedules read their targets here.
/// </summary>
internal static class TargetReader
{
    internal static readonly string[] Amounts = ["elapsed", "workingTime", "workingDays", "calendarDays", "period", "within"];

    private static readonly LocalTimePattern CutOffPattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The target and the name of the calendar it counts on (given in <c>calendar</c>, or null), or null (with problems recorded).</summary>
    /// <remarks>The name is not resolved here: the builder of the part resolves it, once (a schedule, whose builder takes calendars, resolves it in its declaration).</remarks>
    internal static ServiceTarget? Read(ObjectReader properties, DocumentContext context, out string? calendarName) =>
        Read(properties, context, out calendarName, out _, allowRegions: false);

    /// <summary>
    /// As <see cref="Read(ObjectReader, DocumentContext, out string?)"/>; with <paramref name="allowRegions"/>, a
    /// <c>within</c> phrase may also differ by region (<c>市内4小时,市外8小时</c>): <paramref name="regions"/> then holds
    /// each region's target (null for every other region), and the result is the first of them.
    /// </summary>
    internal static ServiceTarget? Read(
        ObjectReader properties, DocumentContext context, out string? calendarName,
        out List<(string? Region, ServiceTarget Target)>? regions, bool allowRegions)
    {
        calendarName = null;
        regions = null;
        var target = ReadAmount(properties, context, allowRegions, ref regions);
        if (properties.Optional("holidayRule") is { } ruleNode && context.TryString(ruleNode, "a holiday rule", out string rule))
        {
            switch (rule)
            {
                case "none":
                    break;
                case "nextWorkingDay" when target is { } t:
                    target = t.CheckNextWorkingDay(Internal.FieldRef.At(ruleNode), ruleNode, context.Problems) ?? t;
                    break;
                case "nextWorkingDay":
                    break;
                default:
                    context.Invalid(ruleNode, "expected a holiday rule, \"none\" or \"nextWorkingDay\"");
                    break;
            }
        }

        if (properties.Optional("cutOff") is { } cutOffNode && context.TryString(cutOffNode, "a time of day HH:mm", out string cutOffText))
        {
            var parsed = CutOffPattern.Parse(cutOffText);
            if (!parsed.Success)
            {
                context.Invalid(cutOffNode, "expected a time of day HH:mm, for example 16:00");
            }
            else if (target is not null)
            {
                target = target.Value.WithCutOff(parsed.Value);
            }
        }

        if (properties.Optional("calendar") is { } calendarNode && context.TryString(calendarNode, "a calendar name", out string name))
        {
            calendarName = name;
        }

        return target;
    }

    /// <summary>Adds to an object's schema that its target has exactly one amount.</summary>
    internal static void OneAmount(System.Text.Json.Nodes.JsonObject schema) =>
        schema["oneOf"] = new System.Text.Json.Nodes.JsonArray(Amounts.Select(a => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["required"] = SchemaBuilder.Strings([a]) }).ToArray());

    /// <summary>The schema of the properties a target is read from: its amounts and options, beside the object's own.</summary>
    internal static IEnumerable<(string Name, System.Text.Json.Nodes.JsonObject Schema, bool Required)> SchemaProperties(SchemaBuilder schema)
    {
        const string One = " Give exactly one amount.";
        yield return ("elapsed", SchemaBuilder.Described("The amount: wall-clock time from the start, an ISO 8601 duration (PT4H, PT30M, P1DT2H; a day is 24 hours)." + One, Forms.Duration.Schema(schema)), false);
        yield return ("workingTime", SchemaBuilder.Described("The amount: working time on the calendar, an ISO 8601 duration (PT8H is eight working hours)." + One, Forms.Duration.Schema(schema)), false);
        yield return ("workingDays", SchemaBuilder.Described(
            "The amount: the close of business of the Nth working day after the start's date (the start's date is not counted)." + One,
            Forms.Int("", 0, ServiceTarget.MaxDays).Schema(schema)), false);
        yield return ("calendarDays", SchemaBuilder.Described(
            "The amount: 24:00 of the Nth calendar day after the start's date, in the calendar's zone." + One, Forms.Int("", 0, ServiceTarget.MaxDays).Schema(schema)), false);
        yield return ("period", SchemaBuilder.Described(
            "The amount: an ISO 8601 period added to the start (P15D, P1M, P1Y), ending at 24:00 of its last day." + One, Forms.Period.Schema(schema)), false);
        yield return ("within", schema.Reference("phrase", () => new System.Text.Json.Nodes.JsonObject
        {
            ["description"] = "The amount as a commitment writes it, in English or Chinese, or ISO 8601: \"2小时内\", \"30分钟\", \"2个工作日内\", \"3个日历天\", \"七个自然日\", \"第二个工作日内\", \"半个月\", \"7×24×4\", \"within 2 working days\", \"4 business hours\", \"3 calendar days\", \"PT4H\". A phrase the library does not understand is an error that quotes it. Give exactly one amount.",
            ["type"] = "string",
            ["minLength"] = 1,
            ["examples"] = SchemaBuilder.Strings(["30分钟内", "2小时内", "24小时内", "8个工作小时内", "2个工作日内", "3个日历天", "半个月", "within 2 hours", "within 4 business hours", "within 2 working days", "3 calendar days"]),
        }), false);
        yield return ("holidayRule", SchemaBuilder.Described(
            "For calendarDays and period targets: nextWorkingDay moves a deadline that falls on a non-working day to the close of the next working day; none (default) leaves it.",
            Forms.Choice("a holiday rule", ("none", 0), ("nextWorkingDay", 1)).Schema(schema)), false);
        yield return ("cutOff", new System.Text.Json.Nodes.JsonObject
        {
            ["description"] = "A time of day HH:mm: a start at or after it counts from the next working day.",
            ["type"] = "string",
            ["pattern"] = "^[0-9]{2}:[0-9]{2}$",
            ["examples"] = SchemaBuilder.Strings(["16:00", "17:30"]),
        }, false);
        yield return ("calendar", SchemaBuilder.Described("The name of the calendar (in \"calendars\") the target counts on.", CalendarShapes.CalendarName.Schema(schema)), false);
    }

    private static ServiceTarget? ReadAmount(ObjectReader properties, DocumentContext context, bool allowRegions, ref List<(string? Region, ServiceTarget Target)>? regions)
    {
        var given = Amounts.Select(name => (Name: name, Node: properties.Optional(name))).Where(p => p.Node is not null).ToList();
        if (given.Count != 1)
        {
            context.Error(
                given.Count == 0 ? properties.Node : given[1].Node!,
                given.Count == 0
                    ? $"missing the amount: exactly one of {string.Join(", ", Amounts)}"
                    : $"a target has exactly one amount, and this one has {string.Join(" and ", given.Select(g => g.Name))}");
            return null;
        }

        var (kind, node) = given[0];
        switch (kind)
        {
            case "elapsed" or "workingTime":
                if (!context.TryDuration(node!, out var duration))
                {
                    return null;
                }

                if (!ServiceTarget.CheckAmount(duration, Internal.FieldRef.At(node!), node, context.Problems))
                {
                    return null;
                }

                return kind == "elapsed" ? ServiceTarget.Elapsed(duration) : ServiceTarget.WorkingTime(duration);
            case "within":
                if (!context.TryString(node!, "a target phrase such as \"2个工作日内\" or \"within 4 business hours\"", out string phrase))
                {
                    return null;
                }

                if (Phrases.TargetPhrases.TryParse(phrase, out var parsed, out string? problem))
                {
                    return parsed;
                }

                if (allowRegions && Phrases.TargetPhrases.TryParseRegional(phrase, out var parts))
                {
                    regions = parts;
                    return parts[0].Target;
                }

                context.Invalid(node!, $"expected a target phrase in English or Chinese, or ISO 8601 ({problem})");
                return null;
            case "workingDays" or "calendarDays":
                if (!context.TryInt(node!, "a number of days", out int days))
                {
                    return null;
                }

                if (!ServiceTarget.CheckDays(days, Internal.FieldRef.At(node!), node, context.Problems))
                {
                    return null;
                }

                return kind == "workingDays" ? ServiceTarget.WorkingDays(days) : ServiceTarget.CalendarDays(days);
            default:
                if (!context.TryPeriod(node!, out var period))
                {
                    return null;
                }

                if (!PeriodRules.CheckMaxLength(period, Internal.FieldRef.At(node!), node, context.Problems))
                {
                    return null;
                }

                return ServiceTarget.OfPeriod(period);
        }
    }
}
