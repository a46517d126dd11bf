using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using ServiceCommitments.Faults;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Phrases;

/// <summary>
/// Renders a policy's fault-level table as the sentences a contract prints, one line per level, in Chinese or English,
/// and reads such sentences back into rows, so that the people who wrote the bid can check what the software enforces.
/// </summary>
/// <remarks>
/// <para>Chinese: <c>一级故障:30分钟内响应,北京市2小时内到达现场,其他地区24小时内,到达现场后2小时内恢复服务。</c> A clause is
/// <c>[若X超时则][where][X后 | X时限届满后]target[verb][(notes)]</c>; a clause without a verb continues the milestone of
/// the one before; a region is written as its value, another attribute as <c>channel为phone时</c> (attribute names are
/// identifiers: ASCII letters, digits, '_' and '-'); the row for every
/// other region is <c>其他地区</c> (<c>其他情况下</c> for other attributes); notes are <c>(暂停不停表)</c>,
/// <c>(用去75%时预警)</c> and <c>(到期前2小时预警)</c>.</para>
/// <para>English: <c>Level 1 (一级, A, P1): first response: within 30 minutes; on site in Beijing: within 2 hours; on site
/// elsewhere: within 24 hours; service restored after on site: within 2 hours.</c></para>
/// <para>What a sentence does not say is not part of the round trip: the calendar a target counts on (a contract says
/// "working days" and means the office calendar). Rows that apply to every level are written under each level and read
/// back as one row per level. Milestones other than the built-in ones are written in quotes. The class is thread-safe.</para>
/// </remarks>
public static class PolicyPhrases
{
    private static readonly Regex ChineseShare = new(@"^用去([0-9]+(?:\.[0-9]+)?)%时预警$", RegexOptions.CultureInvariant);
    private static readonly Regex EnglishShare = new(@"^warn at ([0-9]+(?:\.[0-9]+)?)%$", RegexOptions.CultureInvariant);

    /// <summary>Renders the policy's table: one line per level that has rows.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="language">The language.</param>
    /// <returns>The sentences, one level a line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    public static string Render(ServicePolicy policy, Language language)
    {
        Preconditions.CheckNotNull(policy, nameof(policy));
        if (language is not (Language.English or Language.Chinese))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "Expected English or Chinese.");
        }

        var lines = new List<string>();
        foreach (var level in policy.Levels.Levels)
        {
            var rows = RowsOf(policy.Rows, level.Number);
            if (rows.Count > 0)
            {
                lines.Add(language == Language.Chinese ? ChineseLine(level, rows) : EnglishLine(level, rows));
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>Reads sentences rendered by <see cref="Render"/> (in either language) into rows, one per level and milestone row.</summary>
    /// <param name="text">The sentences.</param>
    /// <param name="levels">The levels the sentences name; null for <see cref="FaultLevels.Standard"/>.</param>
    /// <returns>The rows, each for one level, without calendars.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">A line or clause is not understood; the message quotes it.</exception>
    public static IReadOnlyList<PolicyRow> Parse(string text, FaultLevels? levels = null)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        levels ??= FaultLevels.Standard;
        var rows = new List<PolicyRow>();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("Level ", StringComparison.Ordinal))
            {
                ParseEnglishLine(line, levels, rows);
            }
            else
            {
                ParseChineseLine(line, levels, rows);
            }
        }

        return rows.AsReadOnly();
    }

    /// <summary>The rows that apply to <paramref name="level"/>, in table order, rows with a <c>where</c> before the catch-all row of their milestone.</summary>
    private static List<PolicyRow> RowsOf(IReadOnlyList<PolicyRow> targets, int level)
    {
        var order = targets.Select(t => t.Milestone).Distinct().ToList();
        return targets
            .Where(t => t.Levels.Count == 0 || t.Levels.Contains(level))
            .Select((t, i) => (t, i))
            .OrderBy(p => order.IndexOf(p.t.Milestone)).ThenBy(p => p.t.Where.Count == 0 ? 1 : 0).ThenBy(p => p.i)
            .Select(p => p.t)
            .ToList();
    }

    // ------------------------------------------------------------------ Chinese

    private static string ChineseLine(FaultLevel level, List<PolicyRow> rows)
    {
        string label = level.Names.FirstOrDefault(n => n.Any(c => c >= '\u4e00' && c <= '\u9fff')) ?? $"{level.Number.ToString(CultureInfo.InvariantCulture)}级";
        var clauses = new List<string>();
        PolicyRow? previous = null;
        foreach (var row in rows)
        {
            var text = new StringBuilder();
            if (row.IfBreached is { } ifBreached)
            {
                text.Append('若').Append(MilestoneWords.Chinese(ifBreached)).Append("超时则");
            }

            foreach (var (name, values) in row.Where)
            {
                text.Append(name == "region" ? string.Join("或", values) : $"{name}为{string.Join("或", values)}时");
            }

            if (row.Where.Count == 0 && rows.Any(r => r != row && r.Milestone == row.Milestone && r.Where.Count > 0))
            {
                text.Append(rows.Any(r => r.Milestone == row.Milestone && r.Where.ContainsKey("region")) ? "其他地区" : "其他情况下");
            }

            if (row.FromMilestone is { } from)
            {
                text.Append(MilestoneWords.Chinese(from)).Append(row.FromDue ? "时限届满后" : "后");
            }

            text.Append(TargetPhrases.Render(row.Target, Language.Chinese));
            bool continues = previous is not null && previous.Milestone == row.Milestone && previous.From == row.From && previous.IfBreached == row.IfBreached;
            if (!continues)
            {
                text.Append(MilestoneWords.Chinese(row.Milestone));
            }

            if (row.IgnorePauses)
            {
                text.Append("(暂停不停表)");
            }

            foreach (var warning in row.Warnings)
            {
                text.Append(warning.Lead is { } lead
                    ? $"(到期前{TargetPhrases.ChineseDuration(lead, "小时", "分钟", "秒")}预警)"
                    : $"(用去{(warning.Share!.Value * 100).ToString("0.####", CultureInfo.InvariantCulture)}%时预警)");
            }

            clauses.Add(text.ToString());
            previous = row;
        }

        return $"{label}故障:{string.Join("，", clauses)}。";
    }

    private static void ParseChineseLine(string line, FaultLevels levels, List<PolicyRow> rows)
    {
        int colon = line.IndexOfAny([':', '：']);
        if (colon < 0 || !line[..colon].EndsWith("故障", StringComparison.Ordinal))
        {
            throw Fail(line, "a line starts with the level, such as 一级故障:");
        }

        int level = Level(line[..(colon - 2)], levels, line);
        string? milestone = null, from = null, ifBreached = null;
        bool fromDue = false;
        foreach (string raw in line[(colon + 1)..].TrimEnd('。', '.').Split('，', ','))
        {
            string clause = raw.Trim();
            if (clause.Length == 0)
            {
                continue;
            }

            string rest = clause;
            string? thisIf = null;
            if (rest.StartsWith('若'))
            {
                var (m, length) = MilestoneWords.ReadChinese(rest[1..]);
                if (m is null || !rest[(1 + length)..].StartsWith("超时则", StringComparison.Ordinal))
                {
                    throw Fail(clause, "a condition is written 若解决故障超时则");
                }

                thisIf = m;
                rest = rest[(1 + length + 3)..];
            }

            var where = new List<(string Name, string[] Values)>();
            while (Regex.Match(rest, @"^([A-Za-z_][A-Za-z0-9_-]*)为(.+?)时(?!限)") is { Success: true } attribute)
            {
                where.Add((attribute.Groups[1].Value, attribute.Groups[2].Value.Split('或')));
                rest = rest[attribute.Length..];
            }

            if (rest.StartsWith("其他地区", StringComparison.Ordinal) || rest.StartsWith("其他情况下", StringComparison.Ordinal))
            {
                rest = rest[(rest[2] == '地' ? 4 : 5)..];
            }
            else
            {
                // A region is the text before the first place the rest of the clause reads.
                int at = Enumerable.Range(0, rest.Length).FirstOrDefault(p => TryChineseRest(rest[p..], clause, out _), -1);
                if (at < 0)
                {
                    throw Fail(clause, "expected [地区][X后]时限[动作], for example 北京市2小时内到达现场");
                }

                if (at > 0)
                {
                    where.Add(("region", rest[..at].Split('或')));
                }

                rest = rest[at..];
            }

            if (!TryChineseRest(rest, clause, out var part))
            {
                throw Fail(clause, "expected [X后]时限[动作], for example 到达现场后2小时内恢复服务");
            }

            if (part.Milestone is not null)
            {
                milestone = part.Milestone;
                from = part.From;
                fromDue = part.FromDue;
                ifBreached = thisIf;
            }
            else if (milestone is null)
            {
                throw Fail(clause, "the first clause of a line names what is due, for example 30分钟内响应");
            }
            else if (part.From is not null || thisIf is not null)
            {
                from = part.From;
                fromDue = part.FromDue;
                ifBreached = thisIf;
            }

            rows.Add(Row(milestone!, level, where, part.Target, from, fromDue, ifBreached, part.IgnorePauses, part.Warnings));
        }
    }

    private sealed record Rest(ServiceTarget Target, string? Milestone, string? From, bool FromDue, bool IgnorePauses, TargetWarning[] Warnings);

    /// <summary>Reads <c>[X后 | X时限届满后]target[verb][(notes)]</c> to the end of <paramref name="text"/>, part of <paramref name="clause"/>.</summary>
    /// <exception cref="FormatException">A note is a warning share that is not one (<c>用去100%时预警</c>).</exception>
    private static bool TryChineseRest(string text, string clause, out Rest rest)
    {
        rest = null!;
        string? from = null;
        bool fromDue = false;
        var (fromMilestone, fromLength) = MilestoneWords.ReadChinese(text);
        if (fromMilestone is not null)
        {
            string after = text[fromLength..];
            if (after.StartsWith("时限届满后", StringComparison.Ordinal))
            {
                (from, fromDue, text) = (fromMilestone, true, after[5..]);
            }
            else if (after.StartsWith('后'))
            {
                (from, text) = (fromMilestone, after[1..]);
            }
        }

        // The notes at the end.
        bool ignore = false;
        var warnings = new List<TargetWarning>();
        while (text.EndsWith(')') && text.LastIndexOf('(') is int open and >= 0)
        {
            string note = text[(open + 1)..^1];
            if (note == "暂停不停表")
            {
                ignore = true;
            }
            else if (ChineseShare.Match(note) is { Success: true } share)
            {
                warnings.Insert(0, ShareWarning(share.Groups[1].Value, clause, "(用去75%时预警)"));
            }
            else if (note.StartsWith("到期前", StringComparison.Ordinal) && note.EndsWith("预警", StringComparison.Ordinal) &&
                     TargetPhrases.TryParse(note[3..^2], out var lead) && lead.Kind == TargetKind.Elapsed && lead.Amount > Duration.Zero)
            {
                warnings.Insert(0, TargetWarning.Before(lead.Amount));
            }
            else
            {
                break;
            }

            text = text[..open];
        }

        // The longest target phrase, then the verb (or none: the clause continues the one before).
        for (int end = text.Length; end > 0; end--)
        {
            string tail = text[end..];
            var (verb, length) = MilestoneWords.ReadChinese(tail);
            if ((tail.Length == 0 || (verb is not null && length == tail.Length)) && TargetPhrases.TryParse(text[..end], out var target))
            {
                rest = new Rest(target, verb, from, fromDue, ignore, warnings.ToArray());
                return true;
            }
        }

        return false;
    }

    // ------------------------------------------------------------------ English

    private static string EnglishLine(FaultLevel level, List<PolicyRow> rows)
    {
        var clauses = new List<string>();
        foreach (var row in rows)
        {
            var text = new StringBuilder();
            if (row.IfBreached is { } ifBreached)
            {
                text.Append("if ").Append(MilestoneWords.English(ifBreached)).Append(" is late, ");
            }

            text.Append(MilestoneWords.English(row.Milestone));
            if (row.FromMilestone is { } from)
            {
                text.Append(row.FromDue ? " after the deadline for " : " after ").Append(MilestoneWords.English(from));
            }

            foreach (var (name, values) in row.Where)
            {
                text.Append(name == "region" ? " in " + string.Join(" or ", values) : $" where {name} is {string.Join(" or ", values)}");
            }

            if (row.Where.Count == 0 && rows.Any(r => r != row && r.Milestone == row.Milestone && r.Where.Count > 0))
            {
                text.Append(rows.Any(r => r.Milestone == row.Milestone && r.Where.ContainsKey("region")) ? " elsewhere" : " otherwise");
            }

            text.Append(": ").Append(TargetPhrases.Render(row.Target, Language.English));
            var notes = new List<string>();
            if (row.IgnorePauses)
            {
                notes.Add("the clock runs through pauses");
            }

            foreach (var warning in row.Warnings)
            {
                notes.Add(warning.Lead is { } lead
                    ? $"warn {TargetDescription.EnglishDuration(lead, "")} before"
                    : $"warn at {(warning.Share!.Value * 100).ToString("0.####", CultureInfo.InvariantCulture)}%");
            }

            if (notes.Count > 0)
            {
                text.Append(" (").Append(string.Join("; ", notes).Replace(";", ",", StringComparison.Ordinal)).Append(')');
            }

            clauses.Add(text.ToString());
        }

        string names = level.Names.Count > 0 ? $" ({string.Join(", ", level.Names)})" : "";
        return $"Level {level.Number.ToString(CultureInfo.InvariantCulture)}{names}: {string.Join("; ", clauses)}.";
    }

    private static void ParseEnglishLine(string line, FaultLevels levels, List<PolicyRow> rows)
    {
        var head = Regex.Match(line, @"^Level (\d+)(?: \([^)]*\))?: ");
        if (!head.Success)
        {
            throw Fail(line, "a line starts with the level, such as \"Level 1 (一级): \"");
        }

        int level = Level(head.Groups[1].Value, levels, line);
        foreach (string raw in line[head.Length..].TrimEnd('.').Split("; "))
        {
            string clause = raw.Trim();
            int colon = clause.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
            {
                throw Fail(clause, "a clause is \"what: within N\", for example \"on site in Beijing: within 2 hours\"");
            }

            string subject = clause[..colon];
            string rest = clause[(colon + 2)..];
            string? ifBreached = null;
            var condition = Regex.Match(subject, "^if (.+?) is late, ");
            if (condition.Success)
            {
                ifBreached = EnglishMilestone(condition.Groups[1].Value, clause);
                subject = subject[condition.Length..];
            }

            var (milestone, length) = MilestoneWords.ReadEnglish(subject);
            if (milestone is null)
            {
                throw Fail(clause, "expected what is due first, such as \"first response\", \"on site\" or a quoted name");
            }

            subject = subject[length..];
            string? from = null;
            bool fromDue = false;
            var where = new List<(string, string[])>();
            while (subject.Length > 0)
            {
                if (subject.StartsWith(" after the deadline for ", StringComparison.Ordinal) || subject.StartsWith(" after ", StringComparison.Ordinal))
                {
                    fromDue = subject.StartsWith(" after the deadline for ", StringComparison.Ordinal);
                    subject = subject[(fromDue ? 24 : 7)..];
                    var (m, l) = MilestoneWords.ReadEnglish(subject);
                    from = m ?? throw Fail(clause, "expected a milestone after \"after\"");
                    subject = subject[l..];
                }
                else if (Regex.Match(subject, @"^ where (\S+) is (.+?)(?= where | in | elsewhere$| otherwise$|$)") is { Success: true } attribute)
                {
                    where.Add((attribute.Groups[1].Value, attribute.Groups[2].Value.Split(" or ")));
                    subject = subject[attribute.Length..];
                }
                else if (Regex.Match(subject, @"^ in (.+?)(?= where |$)") is { Success: true } region)
                {
                    where.Add(("region", region.Groups[1].Value.Split(" or ")));
                    subject = subject[region.Length..];
                }
                else if (subject is " elsewhere" or " otherwise")
                {
                    subject = "";
                }
                else
                {
                    throw Fail(clause, $"\"{subject.Trim()}\" is not understood; expected \"after X\", \"in V\", \"where a is v\", \"elsewhere\"");
                }
            }

            bool ignore = false;
            var warnings = new List<TargetWarning>();
            if (rest.EndsWith(')') && rest.LastIndexOf(" (", StringComparison.Ordinal) is int open and > 0)
            {
                foreach (string note in rest[(open + 2)..^1].Split(", "))
                {
                    if (note == "the clock runs through pauses")
                    {
                        ignore = true;
                    }
                    else if (EnglishShare.Match(note) is { Success: true } share)
                    {
                        warnings.Add(ShareWarning(share.Groups[1].Value, clause, "(warn at 75%)"));
                    }
                    else if (note.StartsWith("warn ", StringComparison.Ordinal) && note.EndsWith(" before", StringComparison.Ordinal) &&
                             TargetPhrases.TryParse(note[5..^7], out var lead) && lead.Kind == TargetKind.Elapsed)
                    {
                        warnings.Add(TargetWarning.Before(lead.Amount));
                    }
                    else
                    {
                        throw Fail(clause, $"the note \"{note}\" is not understood");
                    }
                }

                rest = rest[..open];
            }

            if (!TargetPhrases.TryParse(rest, out var target, out string? problem))
            {
                throw Fail(clause, problem!);
            }

            rows.Add(Row(milestone, level, where, target, from, fromDue, ifBreached, ignore, warnings.ToArray()));
        }
    }

    private static string EnglishMilestone(string text, string clause)
    {
        var (m, l) = MilestoneWords.ReadEnglish(text);
        return m is not null && l == text.Length ? m : throw Fail(clause, $"\"{text}\" is not a milestone");
    }

    // ------------------------------------------------------------------ shared

    private static int Level(string label, FaultLevels levels, string line)
    {
        if (levels.TryResolve(label, out int number))
        {
            return number;
        }

        if (label.EndsWith('级') && ChineseNumbers.Read(label.AsSpan(), out long n) == label.Length - 1 && levels.Contains((int)n))
        {
            return (int)n;
        }

        throw Fail(line, $"\"{label}\" is not a level: expected 1 to {levels.Count} or one of {string.Join(", ", levels.Levels.SelectMany(l => l.Names))}");
    }

    private static PolicyRow Row(
        string milestone, int level, List<(string Name, string[] Values)> where, ServiceTarget target, string? from, bool fromDue, string? ifBreached, bool ignore, TargetWarning[] warnings)
    {
        var row = PolicyRow.For(milestone, target).ForLevels(level).IgnoringPauses(ignore).WithWarnings(warnings);
        foreach (var (name, values) in where)
        {
            row = row.WhereAttribute(name, values);
        }

        if (from is not null)
        {
            row = fromDue ? row.CountingFromDueOf(from) : row.CountingFrom(from);
        }

        return ifBreached is null ? row : row.OnlyIfBreached(ifBreached);
    }

    /// <summary>
    /// The warning at <paramref name="percent"/> % of the target: the double nearest to it, which is what the rule of
    /// <see cref="TargetWarning.AtShare"/> is checked on (99.99999999999999999 % is 100 % as a double), so that a share
    /// it refuses is a <see cref="FormatException"/> quoting <paramref name="clause"/>, never its own exception.
    /// </summary>
    private static TargetWarning ShareWarning(string percent, string clause, string example) =>
        TargetWarning.TryParseShare(percent, -2, out double share, out bool rounded)
            ? TargetWarning.AtShare(share)
            : throw Fail(clause, $"expected a warning share greater than 0% and less than 100%, such as {example}, not {ProblemSink.Cut(percent)}%" +
                (rounded ? $"; as a double it is {(share * 100).ToString(CultureInfo.InvariantCulture)}%" : ""));

    private static FormatException Fail(string text, string problem) =>
        new($"The sentence \"{ProblemSink.Cut(text)}\" is not understood: {problem}.");
}
