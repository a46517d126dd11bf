using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceCommitments.Calendars;
using ServiceCommitments.Faults;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Documents;

/// <summary>
/// The policy document of docs/policies.md, declared once: its levels, its rows (<c>targets</c>), their warnings and
/// options. <see cref="PolicyReader"/>, <see cref="PolicyWriter"/> and the JSON Schema come from these declarations;
/// the rules of names, numbers and shares are the domain's (<see cref="Milestones.CheckName"/>,
/// <see cref="FaultLevels.CheckNumber"/>, <see cref="TargetWarning.CheckShare"/>, ...), and the rules between rows the
/// builder's.
/// </summary>
internal static class PolicyShapes
{
    private static readonly Form<string> Milestone = new MilestoneForm();

    private static readonly Shape<LevelDraft, FaultLevel> Level = new Shape<LevelDraft, FaultLevel>(
            "level", "a level object with \"level\"", "level property", "A fault level, 1 the most severe, with the names documents may use for it.",
            () => new LevelDraft(), (l, fields, _) => l.Number is { } number ? new FaultLevel(number, l.Names, l.Description) : null)
        .Field("level", Forms.Int("a level number", 1, FaultLevels.MaxLevel).Checked(FaultLevels.CheckNumber),
            "The level's number, 1 for the most severe; levels are numbered 1 to N without gaps.", (l, v) => l.Number = v, l => l.Number, required: "the level's number, 1 for the most severe", always: true)
        .Field("names", Forms.ArrayOf(Forms.String("a level name").Checked(FaultLevels.CheckName).Describing(_ => new JsonObject { ["type"] = "string", ["pattern"] = "\\S" }), "an array of names"),
            "Names documents may write for the level (一级, A, P1), not blank.", (l, v) => l.Names = v, l => l.Names.Count == 0 ? null! : l.Names)
        .Field("description", Forms.String("a description"), "What the level means (\"system down\").", (l, v) => l.Description = v, l => l.Description, omitted: "");

    private static readonly Shape<WarningDraft, TargetWarning?> Warning = new Shape<WarningDraft, TargetWarning?>(
            "warning", "a warning, { \"share\": 0.75 } or { \"before\": \"PT2H\" }", "warning property", "A warning before a deadline: exactly one of share and before.",
            () => new WarningDraft(), (w, fields, context) => w.Build(fields, context), buildAfterProblems: false)
        .Field("share", new ShareForm(), "The share of the target consumed, more than 0 and less than 1 (0.75: at 75 %).",
            (w, v) => w.Share = v, w => w!.Value.Share)
        .Field("before", Forms.Duration.Checked(TargetWarning.CheckLead),
            "A lead before the deadline on the target's own clock (PT2H: two working hours before, for a working-time target); more than zero.",
            (w, v) => w.Lead = v, w => w!.Value.Lead ?? default, omitted: default)
        .Schema(schema => schema["oneOf"] = new JsonArray(
            new JsonObject { ["required"] = SchemaBuilder.Strings(["share"]) }, new JsonObject { ["required"] = SchemaBuilder.Strings(["before"]) }));

    private static readonly Shape<RowDraft, RowGroup> Row = new Shape<RowDraft, RowGroup>(
            "policyTarget", "a target object with \"milestone\" and an amount", "target property",
            "A row of the fault-level table: a milestone, exactly one amount (elapsed, workingTime, workingDays, calendarDays, period or within), and the levels, attributes and start it applies to.",
            () => new RowDraft(), (r, fields, context) => r.Build(fields, context), buildAfterProblems: false)
        .Field("milestone", Milestone, "The milestone the target is for.", (r, v) => r.Milestone = v, g => g.Row.Milestone,
            required: "the milestone the target is for, such as onSite", always: true)
        .Group(
            (properties, context, r, fields) =>
            {
                r.Target = TargetReader.Read(properties, context, out r.CalendarName, out r.Regions, allowRegions: true);
                if (properties.Has("calendar"))
                {
                    fields["calendar"] = FieldRef.At(properties.Optional("calendar")!);
                }

                return r;
            },
            (json, g, context) => TargetWriter.Write(json, g.Row.Target, context.NameOf(g.Row.CalendarName, g.Calendar)),
            TargetReader.SchemaProperties)
        .Schema(TargetReader.OneAmount)
        .Field("levels", new LevelListForm(), "The levels the target applies to, as numbers or level names; absent for every level.",
            (r, v) => r.Levels = v, g => g.Row.Levels.Count == 0 ? null! : [.. g.Row.Levels])
        .Field("where", new WhereForm(),
            "Ticket attributes the target applies to (\"region\": \"北京市\"); a value may be an array, any of which matches. The target naming the most attributes wins; one without \"where\" is \"all other regions\".",
            (r, v) => r.Where = v, g => g.Row.Where.Count == 0 ? null! : [.. g.Row.Where.Select(w => (w.Key, w.Value.ToArray()))])
        .Field("from", new FromForm(), "Where the clock starts: \"reported\" (default), a milestone's event (\"onSite\"), or a milestone's deadline (\"resolved.due\").",
            (r, v) => r.From = v, g => g.Row.FromMilestone is null ? null! : g.Row.From)
        .Field("ifBreached", Milestone,
            "Makes the target conditional: it applies only when this milestone is breached (D2.10: not solved in time, a replacement is due).",
            (r, v) => r.IfBreached = v, g => g.Row.IfBreached!)
        .Field("ignorePauses", Forms.Bool, "true: the clock does not stop for the ticket's pauses.", (r, v) => r.IgnorePauses = v, g => g.Row.IgnorePauses)
        .Field("warnings", Forms.ArrayOf(Warning, "an array of warnings, { \"share\": 0.75 } or { \"before\": \"PT2H\" }"), "Warnings before the deadline.",
            (r, v) => r.Warnings = [.. v.Select(w => w!.Value)], g => g.Row.Warnings.Count == 0 ? null! : [.. g.Row.Warnings.Select(w => (TargetWarning?)w)]);

    /// <summary>The policy object of a commitment; its calendars are the commitment's.</summary>
    internal static readonly Shape<PolicyDraft, ServicePolicy> Policy = new Shape<PolicyDraft, ServicePolicy>(
            "policy", PolicyReader.What, "policy property", "A fault-level service policy (docs/policies.md): targets per milestone, level and region.",
            () => new PolicyDraft(), (p, fields, context) => p.Build(fields, context), buildAfterProblems: false)
        .Field("levels", new LevelsForm(), "The fault levels; default 1-4 named 一级/A/P1 to 四级/D/P4. Explicit levels replace the standard ones.",
            (p, v) => p.Builder.SetLevels(v), p => ReferenceEquals(p.Levels, FaultLevels.Standard) ? null! : p.Levels)
        .Group(
            (properties, context, p, fields) =>
            {
                if (properties.Optional("calendar") is { } node && context.TryString(node, "a calendar name", out string name))
                {
                    p.DefaultCalendar = name;
                    fields["calendar"] = FieldRef.At(node);
                }

                return p;
            },
            (json, policy, context) =>
            {
                if (policy.DefaultCalendar is { } name)
                {
                    json.WriteString("calendar", context.NameOf(name, policy.Calendars[name]));
                }
            },
            _ => [("calendar", new JsonObject { ["description"] = "The calendar for targets that need one and name none.", ["$ref"] = "#/$defs/calendarName" }, false)])
        .Field("milestones", Forms.ArrayOf(Milestone, "an array of milestone names that have events but no target"),
            "Milestones with events but no target of their own, that targets may count from (\"hardwareConfirmed\").",
            (p, v) => p.Declared = v, p => p.Milestones.Where(m => !p.Rows.Any(r => r.Milestone == m)).ToList() is { Count: > 0 } only ? only : null!)
        .Field("targets", Forms.ArrayOf(Row, "an array of targets"), "The rows: one per milestone, level and region.",
            (p, v) => p.Rows = v, p => [.. p.Rows.Select(r => new RowGroup([r], r.Calendar ?? (r.CalendarName is { } n ? p.Calendars[n] : null)))],
            required: "an array of targets, one per milestone, level and region", always: true)
        .Field("confirmedEventsOnly", Forms.Bool, "true: events with \"confirmed\": false are ignored (default false).",
            (p, v) => p.Builder.ConfirmedEventsOnly = v, p => p.ConfirmedEventsOnly)
        .Field("levelChange", new LevelChangeForm(),
            "When a ticket's level changes: retroactive (default) counts the new level's targets from the report; fromChange counts them from the change.",
            (p, v) => p.Builder.LevelChange = v, p => p.LevelChange, omitted: LevelChangeRule.Retroactive);

    /// <summary>The rows one target object gives: one, or one per region when its <c>within</c> differs by region.</summary>
    internal sealed record RowGroup(PolicyRow[] Rows, BusinessCalendar? Calendar = null)
    {
        internal PolicyRow Row => Rows[0];
    }

    internal sealed class LevelDraft
    {
        internal int? Number { get; set; }

        internal IReadOnlyList<string> Names { get; set; } = [];

        internal string Description { get; set; } = "";
    }

    internal sealed class WarningDraft
    {
        internal double? Share { get; set; }

        internal NodaTime.Duration? Lead { get; set; }

        internal TargetWarning? Build(FieldMap fields, DocumentContext context)
        {
            if ((Share is null) == (Lead is null))
            {
                context.Problems.Add(fields.Origin, null, "a warning has exactly one of \"share\" and \"before\"");
                return null;
            }

            return Share is { } share ? TargetWarning.AtShare(share) : TargetWarning.Before(Lead!.Value);
        }
    }

    internal sealed class RowDraft
    {
        internal ServiceTarget? Target;
        internal string? CalendarName;
        internal List<(string? Region, ServiceTarget Target)>? Regions;

        internal string? Milestone { get; set; }

        internal int[] Levels { get; set; } = [];

        internal IReadOnlyList<(string Name, string[] Values)> Where { get; set; } = [];

        internal string? From { get; set; }

        internal string? IfBreached { get; set; }

        internal bool IgnorePauses { get; set; }

        internal TargetWarning[] Warnings { get; set; } = [];

        internal RowGroup? Build(FieldMap fields, DocumentContext context)
        {
            if (Milestone is null || Target is not { } target)
            {
                return null;
            }

            if (Regions is not null && Where.Any(w => w.Name == "region"))
            {
                context.Problems.Add(fields.Origin, null, "the target differs by region in \"within\" and also names a region in \"where\"; give the region once");
                return null;
            }

            var rows = new List<PolicyRow>();
            foreach (var (region, amount) in Regions ?? [(null, target)])
            {
                var row = PolicyRow.For(Milestone, amount).ForLevels(Levels).IgnoringPauses(IgnorePauses).WithWarnings(Warnings);
                foreach (var (name, values) in Where)
                {
                    row = row.WhereAttribute(name, values);
                }

                if (region is not null)
                {
                    row = row.WhereAttribute("region", region);
                }

                // The builder resolves the name, once; the row keeps it, and the writer writes it.
                row = CalendarName is not null ? row.OnCalendarNamed(CalendarName) : row;
                if (From is { } from)
                {
                    row = from.EndsWith(".due", System.StringComparison.Ordinal) ? row.CountingFromDueOf(from[..^4]) : row.CountingFrom(from);
                }

                if (IfBreached is not null)
                {
                    row = row.OnlyIfBreached(IfBreached);
                }

                rows.Add(row.WithFields(fields));
            }

            return new RowGroup([.. rows]);
        }
    }

    internal sealed class PolicyDraft
    {
        internal ServicePolicyBuilder Builder { get; } = new();

        internal string? DefaultCalendar { get; set; }

        internal IReadOnlyList<string> Declared { get; set; } = [];

        internal IReadOnlyList<RowGroup> Rows { get; set; } = [];

        internal ServicePolicy? Build(FieldMap fields, DocumentContext context)
        {
            foreach (var (name, calendar) in context.Calendars)
            {
                Builder.AddNamedCalendar(name, calendar, FieldRef.Named($"calendars.{name}"));
            }

            if (DefaultCalendar is not null)
            {
                Builder.SetDefaultCalendar(DefaultCalendar, fields.Get("calendar"));
            }

            foreach (string milestone in Declared)
            {
                Builder.DeclareMilestone(milestone);
            }

            foreach (var group in Rows)
            {
                foreach (var row in group.Rows)
                {
                    Builder.AddRow(row);
                }
            }

            return Builder.TryBuild(context.Problems);
        }
    }

    /// <summary>A milestone name, checked by the domain's rule.</summary>
    private sealed class MilestoneForm : Form<string>
    {
        private static readonly Form<string> Name = Forms.String("a milestone name").Checked(Milestones.CheckName);

        internal override bool TryRead(DocNode node, DocumentContext context, out string value) => Name.TryRead(node, context, out value);

        internal override void Write(Utf8JsonWriter json, string value, WriteContext context) => json.WriteStringValue(value);

        internal override JsonObject Schema(SchemaBuilder schema) => schema.Reference("milestone", () => new JsonObject
        {
            ["description"] = "A milestone name: any name but \"reported\", not empty, without '.'. Built in: firstResponse, onSite, restored, recovered, resolved, repairPlan, incidentReport, replacement, and any other name.",
            ["type"] = "string",
            ["minLength"] = 1,
            ["pattern"] = "^[^.]+$",
            ["not"] = new JsonObject { ["const"] = Milestones.Reported },
            ["examples"] = SchemaBuilder.Strings(["firstResponse", "onSite", "restored", "recovered", "resolved", "repairPlan", "incidentReport", "replacement"]),
        });
    }

    /// <summary>Where a row's clock starts: <c>reported</c>, a milestone, or <c>milestone.due</c>; <c>reported</c> reads as null.</summary>
    private sealed class FromForm : Form<string>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out string value)
        {
            value = null!;
            if (!context.TryString(node, "\"reported\", a milestone or milestone.due", out string text))
            {
                return false;
            }

            bool due = text.EndsWith(".due", System.StringComparison.Ordinal);
            string name = due ? text[..^4] : text;
            if (name == Milestones.Reported && !due)
            {
                return true;
            }

            value = text;
            return Milestones.CheckName(name, FieldRef.At(node), node, context.Problems);
        }

        internal override void Write(Utf8JsonWriter json, string value, WriteContext context) => json.WriteStringValue(value);

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["type"] = "string",
            ["pattern"] = "^[^.]+(\\.due)?$",
            ["not"] = new JsonObject { ["const"] = "reported.due" },
            ["examples"] = SchemaBuilder.Strings(["reported", "onSite", "restored", "resolved.due"]),
        };
    }

    /// <summary>The levels of a policy: each level read, then the set checked by the domain.</summary>
    private sealed class LevelsForm : Form<FaultLevels>
    {
        private static readonly Form<IReadOnlyList<FaultLevel>> Items =
            Forms.ArrayOf(Level, "an array of levels, such as [{ \"level\": 1, \"names\": [\"一级\", \"A\", \"P1\"] }]");

        internal override bool TryRead(DocNode node, DocumentContext context, out FaultLevels value)
        {
            value = FaultLevels.Standard;
            if (!Items.TryRead(node, context, out var levels))
            {
                return false;
            }

            if (levels.Count == 0)
            {
                context.Error(node, "a policy needs at least one level");
                return false;
            }

            var at = FieldRef.At(node);
            if (FaultLevels.TryCreate(levels, i => at.Item(i), context.Problems) is not { } set)
            {
                return false;
            }

            // The rows after this read their levels against these.
            context.Levels = value = set;
            return true;
        }

        internal override void Write(Utf8JsonWriter json, FaultLevels value, WriteContext context) => Items.Write(json, value.Levels, context);

        internal override JsonObject Schema(SchemaBuilder schema)
        {
            var array = Items.Schema(schema);
            array["minItems"] = 1;
            return array;
        }
    }

    /// <summary>A row's levels, as numbers or names, resolved against the policy's levels.</summary>
    private sealed class LevelListForm : Form<int[]>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out int[] value)
        {
            var levels = context.Levels;
            var numbers = new List<int>();
            bool complete = node.Kind == JsonValueKind.Array;
            foreach (var item in context.Array(node, "an array of levels (numbers or names)"))
            {
                if (item.Kind == JsonValueKind.Number)
                {
                    if (context.TryInt(item, "a level number", out int number))
                    {
                        if (levels.Contains(number))
                        {
                            numbers.Add(number);
                            continue;
                        }

                        context.Invalid(item, $"expected a level of the policy, 1 to {levels.Count}");
                    }
                }
                else if (context.TryString(item, "a level number or name", out string name))
                {
                    if (levels.TryResolve(name, out int resolved))
                    {
                        numbers.Add(resolved);
                        continue;
                    }

                    context.Invalid(item, $"expected a level of the policy: 1 to {levels.Count} or one of {ProblemSink.List(levels.Levels.SelectMany(l => l.Names))}");
                }

                complete = false;
            }

            if (node.Kind == JsonValueKind.Array && node.Items!.Count == 0)
            {
                context.Error(node, "an empty list of levels matches no ticket; leave \"levels\" out for every level");
                complete = false;
            }

            value = [.. numbers];
            return complete;
        }

        internal override void Write(Utf8JsonWriter json, int[] value, WriteContext context)
        {
            json.WriteStartArray();
            foreach (int level in value)
            {
                json.WriteNumberValue(level);
            }

            json.WriteEndArray();
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["type"] = "array",
            ["minItems"] = 1,
            ["items"] = new JsonObject
            {
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = FaultLevels.MaxLevel },
                    new JsonObject { ["type"] = "string", ["minLength"] = 1 }),
            },
        };
    }

    /// <summary>The ticket attributes a row applies to: a name and a value, or an array of values any of which matches.</summary>
    private sealed class WhereForm : Form<IReadOnlyList<(string Name, string[] Values)>>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out IReadOnlyList<(string Name, string[] Values)> value)
        {
            var where = new List<(string, string[])>();
            value = where;
            if (context.Object(node, "an object mapping attribute names to a value or an array of values") is not { } attributes)
            {
                return false;
            }

            int before = context.ErrorCount;
            foreach (var property in node.Properties!)
            {
                attributes.Accept(property.Name);
                var values = new List<string>();
                if (property.Value.Kind == JsonValueKind.Array)
                {
                    foreach (var item in property.Value.Items!)
                    {
                        if (context.TryString(item, "an attribute value", out string text))
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

            return context.ErrorCount == before;
        }

        internal override void Write(Utf8JsonWriter json, IReadOnlyList<(string Name, string[] Values)> value, WriteContext context)
        {
            json.WriteStartObject();
            foreach (var (name, values) in value)
            {
                if (values.Length == 1)
                {
                    json.WriteString(name, values[0]);
                    continue;
                }

                json.WriteStartArray(name);
                foreach (string one in values)
                {
                    json.WriteStringValue(one);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        internal override JsonObject Schema(SchemaBuilder schema) => new()
        {
            ["type"] = "object",
            ["propertyNames"] = new JsonObject { ["minLength"] = 1 },
            ["additionalProperties"] = new JsonObject
            {
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["type"] = "string" },
                    new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["type"] = "string" } }),
            },
        };
    }

    /// <summary>A warning's share, checked by the domain on the double it keeps, as written.</summary>
    private sealed class ShareForm : Form<double?>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out double? value)
        {
            value = null;
            if (!context.Expect(node, JsonValueKind.Number, "a share as a number") ||
                !TargetWarning.CheckShare(node.Text!, FieldRef.At(node), node, context.Problems, out double share))
            {
                return false;
            }

            value = share;
            return true;
        }

        internal override void Write(Utf8JsonWriter json, double? value, WriteContext context) => json.WriteNumberValue(value!.Value);

        internal override JsonObject Schema(SchemaBuilder schema) => new() { ["type"] = "number", ["exclusiveMinimum"] = 0, ["exclusiveMaximum"] = 1 };
    }

    /// <summary>The level-change rule: <c>retroactive</c> (default) or <c>fromChange</c>.</summary>
    private sealed class LevelChangeForm : Form<LevelChangeRule>
    {
        internal override bool TryRead(DocNode node, DocumentContext context, out LevelChangeRule value)
        {
            value = LevelChangeRule.Retroactive;
            if (!context.TryString(node, "\"retroactive\" or \"fromChange\"", out string text))
            {
                return false;
            }

            switch (text)
            {
                case "retroactive":
                    return true;
                case "fromChange":
                    value = LevelChangeRule.FromChange;
                    return true;
                default:
                    context.Invalid(node, "expected a level-change rule, \"retroactive\" or \"fromChange\"");
                    return false;
            }
        }

        internal override void Write(Utf8JsonWriter json, LevelChangeRule value, WriteContext context) =>
            json.WriteStringValue(value == LevelChangeRule.FromChange ? "fromChange" : "retroactive");

        internal override JsonObject Schema(SchemaBuilder schema) => new() { ["enum"] = SchemaBuilder.Strings(["retroactive", "fromChange"]) };
    }
}
