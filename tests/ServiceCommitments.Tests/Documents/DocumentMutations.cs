using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace ServiceCommitments.Tests.Documents;

/// <summary>
/// Random and mutated JSON documents made from valid seeds: truncated, with characters dropped or inserted, values
/// replaced by wrong types, huge numbers, bad dates, unknown zones, deep nesting, names removed, renamed or given twice,
/// and mutations that know the formats: cycles between milestones, calendars with no working time, array items (rows,
/// terms, dates) given twice. Every document reader's robustness property draws from here.
/// </summary>
public static class DocumentMutations
{
    private static readonly string[] Replacements =
    [
        "null", "true", "false", "0", "-1", "1e308", "-1e308", "99999999999999999999999999", "2147483648", "0.5", "\"\"",
        "[]", "{}", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]", "\"Mars/Olympus_Mons\"", "\"2024-02-30\"", "\"9999-12-31\"",
        "\"0001-01-01\"", "\"-0001-01-01\"", "\"2024-13-01T00:00:00+08:00\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00+14:00\"",
        "\"P-1M\"", "\"PT-4H\"", "\"P99999999Y\"", "\"PT99999999999H\"", "\"25:00-26:00\"", "\"22:00-06:00\"", "\"00:00-24:00\"",
        "\"5x8\"", "\"24x7\"", "\"cn-mainland\"", "\"Monday-Sunday\"", "\"\\u0000\"", "\"\\ud800\"", "\"🙂\"", "[\"09:00-12:00\",\"09:00-12:00\"]",
        "{\"2027\":{\"holidays\":[\"2027-01-01\"]}}", "{\"id\":\"cn-mainland\",\"years\":{\"2003\":{},\"2002\":{}}}",
    ];

    private static readonly string[] Zones =
    [
        "Mars/Olympus_Mons", "", " ", "Asia/shanghai", "UTC+8", "+08:00", "Etc/GMT+99", "Asia/Shanghai/", "../etc/passwd", "Asia/Shanghai\u0000",
        new string('Z', 70_000),
    ];

    private static readonly string[] NoWorkingTime =
    [
        "{}", "{\"Monday\":[]}", "{\"Monday-Sunday\":[]}", "{\"Sat,Sun\":[]}", "{\"Monday\":[\"00:00-00:00\"]}", "{\"Monday\":[\"12:00-09:00\"]}", "[]", "\"0x0\"",
    ];

    private static readonly string[] HugeNumbers =
    [
        "1e308", "-1e308", "1e-400", "4294967296", "-2147483649", "9223372036854775808", "79228162514264337593543950336", "0.0000000000000000000000000001",
        "123456789012345678901234567890123456789012345678901234567890", "-0", "1E+2", "64", "65", "0",
    ];

    private static readonly char[] Noise = "{}[]\",:0123456789-+.eETZPHMSDWYabcxyz \\/\n\t\u00e9\u4e00".ToCharArray();

    /// <summary>Documents drawn from <paramref name="seeds"/>: a third unchanged or lightly changed, the rest mutated one to four times.</summary>
    public static Gen<string> From(IReadOnlyList<string> seeds) =>
        from seed in Gen.Elements(seeds.ToArray())
        from count in Gen.Choose(0, 4)
        from steps in Gen.Choose(0, int.MaxValue).ArrayOf(count * 3)
        select Apply(seed, steps);

    private static string Apply(string text, int[] steps)
    {
        for (int i = 0; i + 2 < steps.Length; i += 3)
        {
            text = Mutate(text, steps[i] % 17, steps[i + 1], steps[i + 2]);
        }

        return text;
    }

    private static string Mutate(string text, int kind, int a, int b)
    {
        if (text.Length == 0)
        {
            return text;
        }

        int at = a % text.Length;
        switch (kind)
        {
            case 0:
                return text[..at];
            case 1:
                return text.Remove(at, 1);
            case 2:
                return text.Insert(at, Noise[b % Noise.Length].ToString());
            case 3:
                return text.Insert(at, text.Substring(at, Math.Min(text.Length - at, 1 + (b % 40))));
            default:
                string? changed;
                try
                {
                    changed = MutateTree(text, kind, a, b);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or JsonException)
                {
                    // JsonNode refuses a name given twice (an earlier mutation); change the text instead.
                    changed = null;
                }

                return changed ?? text.Insert(at, Replacements[b % Replacements.Length]);
        }
    }

    /// <summary>
    /// A structural change: replace a value, drop, rename, duplicate or add a name, bury a value deep; make milestones
    /// count from each other, take a calendar's working time away, give a zone no tzdb knows, give an array item twice,
    /// put a huge number in place of a number.
    /// </summary>
    private static string? MutateTree(string text, int kind, int a, int b)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return null;
        }

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        if (nodes.Count == 0)
        {
            return null;
        }

        var target = nodes[a % nodes.Count];
        string replacement = Replacements[b % Replacements.Length];
        switch (kind)
        {
            case 4 or 5 or 6:
                if (target.Parent is null)
                {
                    return replacement;
                }

                Replace(target, JsonNode.Parse(replacement));
                break;
            case 7 when target.Parent is JsonObject parent:
                parent.Remove(target.GetPropertyName());
                break;
            case 8 when target.Parent is JsonObject parent:
                string name = target.GetPropertyName();
                parent.Remove(name);
                parent[name + (b % 2 == 0 ? "s" : "X")] = target;
                break;
            case 9 when target is JsonObject obj && obj.Count > 0:
                // A name given twice: JsonNode cannot hold it, so write it into the text.
                var first = obj.First();
                string json = root!.ToJsonString();
                string objectText = obj.ToJsonString();
                int index = json.IndexOf(objectText, StringComparison.Ordinal);
                string property = JsonSerializer.Serialize(first.Key) + ":" + (first.Value?.ToJsonString() ?? "null") + ",";
                return index < 0 ? null : json.Insert(index + 1, property);
            case 10:
                var deep = new StringBuilder();
                int depth = 10 + (b % 120);
                deep.Append('[', depth).Append(replacement).Append(']', depth);
                if (target.Parent is null)
                {
                    return deep.ToString();
                }

                Replace(target, JsonNode.Parse(deep.ToString(), documentOptions: new JsonDocumentOptions { MaxDepth = 256 }));
                break;
            case 11:
                // A cycle between milestones: two rows (or one, with itself) counting from each other, or depending on each other's breach.
                var rows = nodes.OfType<JsonObject>().Where(n => n["milestone"] is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
                if (rows.Count == 0)
                {
                    return null;
                }

                var one = rows[a % rows.Count];
                var other = rows[b % rows.Count];
                string link = (b / 7) % 3 == 0 ? "ifBreached" : "from";
                string suffix = link == "from" && (b / 21) % 2 == 0 ? ".due" : "";
                string oneName = one["milestone"]!.GetValue<string>();
                string otherName = other["milestone"]!.GetValue<string>();
                one[link] = JsonValue.Create(otherName + suffix);
                other[link] = JsonValue.Create(oneName + suffix);
                break;
            case 12:
                var calendars = nodes.OfType<JsonObject>().Where(n => n.ContainsKey("weekly")).ToList();
                if (calendars.Count == 0)
                {
                    return null;
                }

                var calendar = calendars[a % calendars.Count];
                calendar["weekly"] = JsonNode.Parse(NoWorkingTime[b % NoWorkingTime.Length]);
                if (b % 5 == 0)
                {
                    calendar["adjustedWorkingDayHours"] = new JsonArray();
                }

                break;
            case 13:
                var zoned = nodes.OfType<JsonObject>().Where(n => n.ContainsKey("zone")).ToList();
                if (zoned.Count == 0)
                {
                    return null;
                }

                zoned[a % zoned.Count]["zone"] = JsonValue.Create(Zones[b % Zones.Length]);
                break;
            case 14:
                // An item given twice: a target row, a term, a date, a phase, a holiday set.
                var arrays = nodes.OfType<JsonArray>().Where(n => n.Count > 0).ToList();
                if (arrays.Count == 0)
                {
                    return null;
                }

                var array1 = arrays[a % arrays.Count];
                array1.Insert(b % (array1.Count + 1), array1[b % array1.Count]?.DeepClone());
                break;
            case 15:
                var numbers = nodes.OfType<JsonValue>().Where(n => n.GetValueKind() == JsonValueKind.Number).ToList();
                if (numbers.Count == 0)
                {
                    return null;
                }

                Replace(numbers[a % numbers.Count], JsonNode.Parse(HugeNumbers[b % HugeNumbers.Length]));
                break;
            case 16:
                var nested = new StringBuilder();
                int levels = 10 + (b % 120);
                for (int i = 0; i < levels; i++)
                {
                    nested.Append("{\"a\":");
                }

                nested.Append(replacement).Append('}', levels);
                if (target.Parent is null)
                {
                    return nested.ToString();
                }

                Replace(target, JsonNode.Parse(nested.ToString(), documentOptions: new JsonDocumentOptions { MaxDepth = 256 }));
                break;
            default:
                if (target is JsonObject o)
                {
                    o["unexpected" + (b % 3)] = JsonNode.Parse(replacement);
                }

                break;
        }

        return root!.ToJsonString(new JsonSerializerOptions { MaxDepth = 512 });
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null)
        {
            return;
        }

        into.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var pair in obj)
                {
                    Collect(pair.Value, into);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, into);
                }

                break;
        }
    }

    private static void Replace(JsonNode target, JsonNode? with)
    {
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = with;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = with;
                break;
        }
    }
}
