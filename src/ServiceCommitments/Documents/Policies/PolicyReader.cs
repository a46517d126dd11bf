using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ServiceCommitments.Faults;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>Reads the policy document of docs/policies.md into a <see cref="ServicePolicyBuilder"/>, one property at a time.</summary>
/// <remarks>The reader checks what is the document's own business; the rules between rows are the builder's, reported at the rows' paths.</remarks>
internal static class PolicyReader
{
    internal const string What = "a policy object with \"targets\"";

    /// <summary>Reads a policy whose calendars are already in <paramref name="context"/>; null (with problems recorded) when it cannot be built.</summary>
    internal static ServicePolicy? Read(DocNode node, DocumentContext context)
    {
        var policy = context.Object(node, What);
        if (policy is null)
        {
            return null;
        }

        int errorsBefore = context.ErrorCount;
        var builder = new ServicePolicyBuilder();
        foreach (var (name, calendar) in context.Calendars)
        {
            builder.AddNamedCalendar(name, calendar, FieldRef.Named($"calendars.{name}"));
        }

        var levels = ReadLevels(policy, context);
        builder.SetLevels(levels);
        if (policy.Optional("calendar") is { } defaultNode && context.TryString(defaultNode, "a calendar name", out string defaultName))
        {
            builder.SetDefaultCalendar(defaultName, FieldRef.At(defaultNode));
        }

        if (policy.Optional("milestones") is { } declared)
        {
            foreach (var item in context.Array(declared, "an array of milestone names that have events but no target"))
            {
                if (ReadMilestone(item, context) is { } name)
                {
                    builder.DeclareMilestone(name);
                }
            }
        }

        if (policy.Required("targets", "an array of targets, one per milestone, level and region") is { } targets)
        {
            foreach (var item in context.Array(targets, "an array of targets"))
            {
                foreach (var row in ReadTarget(item, levels, context))
                {
                    builder.AddRow(row);
                }
            }
        }

        if (policy.Optional("confirmedEventsOnly") is { } confirmed && context.TryBool(confirmed, out bool only))
        {
            builder.ConfirmedEventsOnly = only;
        }

        if (policy.Optional("levelChange") is { } change && context.TryString(change, "\"retroactive\" or \"fromChange\"", out string rule))
        {
            switch (rule)
            {
                case "retroactive":
                    builder.LevelChange = LevelChangeRule.Retroactive;
                    break;
                case "fromChange":
                    builder.LevelChange = LevelChangeRule.FromChange;
                    break;
                default:
                    context.Invalid(change, "expected a level-change rule, \"retroactive\" or \"fromChange\"");
                    break;
            }
        }

        policy.Finish("policy property");

        // Rows that could not be read would make the rules between rows report what is not there.
        return context.ErrorCount > errorsBefore ? null : builder.TryBuild(context.Problems);
    }

    private static FaultLevels ReadLevels(ObjectReader policy, DocumentContext context)
    {
        if (policy.Optional("levels") is not { } node)
        {
            return FaultLevels.Standard;
        }

        var items = context.Array(node, "an array of levels, such as [{ \"level\": 1, \"names\": [\"一级\", \"A\", \"P1\"] }]");
        var levels = new List<FaultLevel>();
        var fields = new List<FieldRef>();
        foreach (var item in items)
        {
            if (context.Object(item, "a level object with \"level\"") is not { } level)
            {
                continue;
            }

            int number = 0;
            if (level.Required("level", "the level's number, 1 for the most severe") is { } numberNode &&
                context.TryInt(numberNode, "a level number", out number) && (number < 1 || number > FaultLevels.MaxLevel))
            {
                context.Invalid(numberNode, $"expected a level from 1 to {FaultLevels.MaxLevel}");
                number = 0;
            }

            var names = new List<string>();
            if (level.Optional("names") is { } namesNode)
            {
                foreach (var name in context.Array(namesNode, "an array of names"))
                {
                    if (context.TryString(name, "a level name", out string text))
                    {
                        if (string.IsNullOrWhiteSpace(text))
                        {
                            context.Invalid(name, "expected a name that is not blank");
                        }
                        else
                        {
                            names.Add(text);
                        }
                    }
                }
            }

            string description = level.Optional("description") is { } d && context.TryString(d, "a description", out string text2) ? text2 : "";
            level.Finish("level property");
            if (number > 0)
            {
                levels.Add(new FaultLevel(number, names, description));
                fields.Add(FieldRef.At(item));
            }
        }

        if (items.Count > 0 && levels.Count == items.Count)
        {
            if (FaultLevels.TryCreate(levels, i => fields[i], context.Problems) is { } set)
            {
                return set;
            }
        }
        else if (node.Kind == JsonValueKind.Array && items.Count == 0)
        {
            context.Error(node, "a policy needs at least one level");
        }

        return FaultLevels.Standard;
    }

    /// <summary>Reads one target object: one row, or one row per region when its <c>within</c> differs by region.</summary>
    private static IEnumerable<PolicyRow> ReadTarget(DocNode item, FaultLevels levels, DocumentContext context)
    {
        var properties = context.Object(item, "a target object with \"milestone\" and an amount");
        if (properties is null)
        {
            return [];
        }

        int errorsBefore = context.ErrorCount;
        string? milestone = ReadMilestone(properties.Required("milestone", "the milestone the target is for, such as onSite"), context);
        var target = TargetReader.Read(properties, context, out string? calendarName, out var calendar, out var regions, allowRegions: true);
        var levelNumbers = ReadLevelList(properties.Optional("levels"), levels, context);
        var where = ReadWhere(properties.Optional("where"), context);
        string? from = null;
        bool fromDue = false;
        if (properties.Optional("from") is { } fromNode && context.TryString(fromNode, "\"reported\", a milestone or milestone.due", out string fromText))
        {
            fromDue = fromText.EndsWith(".due", System.StringComparison.Ordinal);
            string name = fromDue ? fromText[..^4] : fromText;
            from = name == Milestones.Reported && !fromDue ? null : ReadMilestone(fromNode, context, name);
        }

        string? ifBreached = properties.Optional("ifBreached") is { } ifNode ? ReadMilestone(ifNode, context) : null;
        bool ignorePauses = properties.Optional("ignorePauses") is { } ignoreNode && context.TryBool(ignoreNode, out bool ignore) && ignore;
        var warnings = ReadWarnings(properties.Optional("warnings"), context);
        properties.Finish("target property");
        if (context.ErrorCount > errorsBefore || milestone is null || target is null)
        {
            return [];
        }

        if (regions is not null && where.Exists(w => w.Name == "region"))
        {
            context.Error(item, "the target differs by region in \"within\" and also names a region in \"where\"; give the region once");
            return [];
        }

        var rows = new List<PolicyRow>();
        foreach (var (region, amount) in regions ?? [(null, target.Value)])
        {
            var row = PolicyRow.For(milestone, amount).ForLevels(levelNumbers).IgnoringPauses(ignorePauses).WithWarnings(warnings);
            foreach (var (name, values) in where)
            {
                row = row.WhereAttribute(name, values);
            }

            if (region is not null)
            {
                row = row.WhereAttribute("region", region);
            }

            row = calendar is not null ? row.OnCalendar(calendar) : calendarName is not null ? row.OnCalendar(calendarName) : row;
            if (from is not null)
            {
                row = fromDue ? row.CountingFromDueOf(from) : row.CountingFrom(from);
            }

            if (ifBreached is not null)
            {
                row = row.OnlyIfBreached(ifBreached);
            }

            rows.Add(row.WithOrigin(FieldRef.At(item)));
        }

        return rows;
    }

    private static string? ReadMilestone(DocNode? node, DocumentContext context, string? text = null)
    {
        if (node is null || (text is null && !context.TryString(node, "a milestone name", out text)))
        {
            return null;
        }

        if (text.Length == 0 || text == Milestones.Reported || text.Contains('.', System.StringComparison.Ordinal))
        {
            context.Invalid(node, "expected a milestone name: not empty, not \"reported\", without '.'");
            return null;
        }

        return text;
    }

    private static int[] ReadLevelList(DocNode? node, FaultLevels levels, DocumentContext context)
    {
        if (node is null)
        {
            return [];
        }

        var numbers = new List<int>();
        foreach (var item in context.Array(node, "an array of levels (numbers or names)"))
        {
            if (item.Kind == JsonValueKind.Number)
            {
                if (!context.TryInt(item, "a level number", out int number))
                {
                    continue;
                }

                if (levels.Contains(number))
                {
                    numbers.Add(number);
                }
                else
                {
                    context.Invalid(item, $"expected a level of the policy, 1 to {levels.Count}");
                }
            }
            else if (context.TryString(item, "a level number or name", out string name))
            {
                if (levels.TryResolve(name, out int resolved))
                {
                    numbers.Add(resolved);
                }
                else
                {
                    context.Invalid(item, $"expected a level of the policy: 1 to {levels.Count} or one of {ProblemSink.List(levels.Levels.SelectMany(l => l.Names))}");
                }
            }
        }

        if (node.Kind == JsonValueKind.Array && node.Items!.Count == 0)
        {
            context.Error(node, "an empty list of levels matches no ticket; leave \"levels\" out for every level");
        }

        return numbers.ToArray();
    }

    private static List<(string Name, string[] Values)> ReadWhere(DocNode? node, DocumentContext context)
    {
        var where = new List<(string, string[])>();
        if (node is null || context.Object(node, "an object mapping attribute names to a value or an array of values") is not { } attributes)
        {
            return where;
        }

        foreach (var property in node.Properties!)
        {
            attributes.Accept(property.Name);
            var values = new List<string>();
            if (property.Value.Kind == JsonValueKind.Array)
            {
                foreach (var value in property.Value.Items!)
                {
                    if (context.TryString(value, "an attribute value", out string text))
                    {
                        values.Add(text);
                    }
                }

                if (property.Value.Items!.Count == 0)
                {
                    context.Error(property.Value, "an empty array matches no ticket; give at least one value");
                }
            }
            else if (context.TryString(property.Value, "an attribute value, or an array of values", out string text))
            {
                values.Add(text);
            }

            if (property.Name.Length == 0)
            {
                context.Error(property.Value, "an attribute needs a name");
            }
            else if (values.Count > 0)
            {
                where.Add((property.Name, values.ToArray()));
            }
        }

        return where;
    }

    private static TargetWarning[] ReadWarnings(DocNode? node, DocumentContext context)
    {
        if (node is null)
        {
            return [];
        }

        var warnings = new List<TargetWarning>();
        foreach (var item in context.Array(node, "an array of warnings, { \"share\": 0.75 } or { \"before\": \"PT2H\" }"))
        {
            if (context.Object(item, "a warning, { \"share\": 0.75 } or { \"before\": \"PT2H\" }") is not { } warning)
            {
                continue;
            }

            var share = warning.Optional("share");
            var before = warning.Optional("before");
            warning.Finish("warning property");
            if ((share is null) == (before is null))
            {
                context.Error(item, "a warning has exactly one of \"share\" and \"before\"");
            }
            else if (share is not null && context.Expect(share, JsonValueKind.Number, "a share as a number"))
            {
                // The rule is checked on the double the warning keeps: the nearest to what is written.
                if (TargetWarning.TryParseShare(share.Text!, 0, out double s, out bool rounded))
                {
                    warnings.Add(TargetWarning.AtShare(s));
                }
                else
                {
                    context.Invalid(share, "expected " + TargetWarning.ShareRule + (rounded ? "; as a double it is " + s.ToString(CultureInfo.InvariantCulture) : ""));
                }
            }
            else if (before is not null && context.TryDuration(before, out var lead))
            {
                if (lead > NodaTime.Duration.Zero && lead <= Internal.Ticks.MaxDuration && NodaTime.Duration.FromTicks(lead.BclCompatibleTicks) == lead)
                {
                    warnings.Add(TargetWarning.Before(lead));
                }
                else
                {
                    context.Invalid(before, "expected a lead of more than zero, to the tick");
                }
            }
        }

        return warnings.ToArray();
    }
}
