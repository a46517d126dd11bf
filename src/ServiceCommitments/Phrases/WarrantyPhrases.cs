using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Phrases;

/// <summary>
/// Renders warranty terms and whole warranty policies as the sentences a contract prints, in Chinese or English, and
/// reads such sentences back, so that the people who wrote the bid can check what the software enforces. Parsing the
/// rendered text gives the same terms and rules.
/// </summary>
/// <remarks>
/// <para>A term is one line: <c>terminal(硬件):安装调试合格证书签署后第二日起12个月</c>,
/// <c>terminal (hardware): 12 months from the day after acceptanceSigned</c>. A policy is its terms, one a line, then
/// one line per rule: the exclusions, repeat failure, repair time, unrepairable products, replacement on request, the
/// return and exchange windows, the remedy deadlines, new parts, magnetic media and paid service. docs/warranty.md
/// ("The terms as sentences") gives the grammar.</para>
/// <para>What a sentence does not carry: the policy's zone (a contract does not name one: <see cref="Parse"/> takes it)
/// and the calendars themselves (a sentence names a calendar, <c>(按“office”日历)</c>; <see cref="Parse"/> takes the
/// calendars to resolve the names). A target that needs a calendar and names none counts on the only calendar given.
/// Names that are not identifiers (ASCII letters, digits, '_' and '-') are written in quotes.</para>
/// <para>A sentence the reader does not understand is a <see cref="FormatException"/> quoting it as written (whole, up
/// to 1,000 characters) and the part not understood; it is never guessed. So is a line that says again what a policy
/// says once, and a problem only the whole text shows (a term id twice, a rule within a term that is not a coverage
/// term) names the sentences it is about. What a sentence cannot say — a calendar the policy holds without a name, a
/// line break in a name, a target no phrase reads back to — is an <see cref="ArgumentException"/> from
/// <c>Render</c> naming the part, never a text that reads back as another policy. The class is thread-safe.</para>
/// </remarks>
public static class WarrantyPhrases
{
    private const string ZhBuiltIn = "除外责任:";
    private const string ZhOwnExclusion = "另行除外:";
    private const string ZhRepeat = "重复故障:";
    private const string ZhRepairTime = "修理时间:";
    private const string ZhPaid = "有偿服务:";
    private const string ZhPaidBody = "保修期外终身提供有偿服务";
    private const string ZhUnrepairable = "保修期内无法修复的,调换同型号或同等价值的产品";
    private const string ZhNotExchanged = "无法修复的不予调换";
    private const string ZhReplacementOnRequest = "保修期内客户可要求以更换代替修理";
    private const string ZhNewParts = "更换的零部件均为全新未使用的,客户书面同意的除外";
    private const string ZhMagneticMedia = "磁介质在客户现场维修,不带离现场";
    private const string ZhReplacement = "更换同品牌同型号的新设备";
    private const string ZhExchange = "调换同型号或同等价值的产品";
    private const string ZhAddRepairTime = "扣除修理占用和无零配件待修的时间";
    private const string ZhEarliest = "以先到者为准";
    private const string ZhLatest = "以后到者为准";

    private const string EnBuiltIn = "Built-in exclusions: ";
    private const string EnOwnExclusion = "Own exclusion ";
    private const string EnRepeat = "Repeat failure: ";
    private const string EnRepairTime = "Repair time: ";
    private const string EnDeadline = "Deadline for ";
    private const string EnPaid = "Paid service: ";
    private const string EnPaidBody = "for life after the warranty";
    private const string EnUnrepairable = "A product that cannot be repaired within the warranty is exchanged for the same model or one of equal value";
    private const string EnNotExchanged = "A product that cannot be repaired is not exchanged";
    private const string EnReplacementOnRequest = "While the warranty is in force, the customer may choose a replacement instead of a repair";
    private const string EnNewParts = "Replacement parts are new and unused unless the customer agreed in writing";
    private const string EnMagneticMedia = "Magnetic media are repaired on the customer's site and never taken away";
    private const string EnOutOfScope = "out of scope, paid with the customer's consent";
    private const string ZhOutOfScope = "超出合同范围,经客户同意后有偿服务";

    /// <summary>How contracts name the built-in start events in Chinese: the word written first, then the other words read.</summary>
    private static readonly (string Event, string[] Words)[] ChineseEvents =
    [
        (StartEvents.AcceptanceSigned, ["安装调试合格证书签署", "验收合格证书签署", "验收证书签署"]),
        (StartEvents.Acceptance, ["验收", "工程验收", "竣工验收", "验收合格"]),
        (StartEvents.Purchase, ["购买", "购机", "售出", "销售"]),
        (StartEvents.Invoice, ["开具发票", "开票", "发票开具"]),
        (StartEvents.Delivery, ["交付", "交货", "到货"]),
        (StartEvents.Installation, ["安装", "安装完成"]),
        (StartEvents.FirstUse, ["开始投入使用", "投入使用", "首次使用", "开始使用"]),
        (StartEvents.Received, ["收到商品", "收货", "收到货物", "签收"]),
    ];

    private static readonly (WindowKind Kind, string Chinese, string English)[] WindowWords =
    [
        (WindowKind.ReturnWithoutReason, "无理由退货:", "Return without reason, counted from "),
        (WindowKind.ReturnOnFailure, "故障退换:", "Return on failure, counted from "),
        (WindowKind.ExchangeOnFailure, "故障换货:", "Exchange on failure, counted from "),
    ];

    private static readonly (Remedy Remedy, string Chinese, string English)[] DeadlineWords =
    [
        (Remedy.Repair, "修理时限:", "repair"),
        (Remedy.Replacement, "更换时限:", "replacement"),
        (Remedy.Exchange, "换货时限:", "exchange"),
        (Remedy.Return, "退货时限:", "return"),
    ];

    private static readonly (CostType Cost, string Chinese, string English)[] CostWords =
    [
        (CostType.Labour, "人工费", "labour"),
        (CostType.Parts, "备件费", "parts"),
        (CostType.Travel, "差旅费", "travel"),
    ];

    // ------------------------------------------------------------------ the public surface

    /// <summary>Renders one term as the line a contract prints.</summary>
    /// <param name="term">The term; it must have a start and keep its rules (those a policy checks when it is built).</param>
    /// <param name="language">The language.</param>
    /// <returns>The line, for example <c>delivery(整体交付):验收之日起3年</c> or <c>delivery (whole delivery): 3 years from the day of acceptance</c>;
    /// <see cref="ParseTerm"/> reads it back to the same term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="term"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The term cannot be written as a sentence that reads back to it: it has no start, breaks a rule of its own (a period
    /// of no time, a share above 1, ...), or has a line break in a name. The message
    /// says which and why.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    public static string Render(WarrantyTerm term, Language language)
    {
        Preconditions.CheckNotNull(term, nameof(term));
        CheckLanguage(language);
        try
        {
            return TermLine(term, language);
        }
        catch (UnwritableException e)
        {
            throw new ArgumentException($"The term {ProblemSink.Quote(term.Id)} cannot be written as a sentence: {e.Message}.", nameof(term));
        }
    }

    /// <summary>Renders a policy: its terms one a line, then one line per rule.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="language">The language.</param>
    /// <returns>
    /// The lines, separated by <c>\n</c>. <see cref="Parse"/>, given the policy's zone and calendars, reads them back to
    /// a policy with the same terms, rules and decisions.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A part of the policy cannot be written as a sentence that reads back to it: a term with no start; a name or
    /// clause with a line break; a window or deadline counting on a calendar that
    /// is not among the policy's named calendars (a sentence names its calendar); a target that has no phrase reading
    /// back to it. The message names the part and says why.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    public static string Render(WarrantyPolicy policy, Language language)
    {
        Preconditions.CheckNotNull(policy, nameof(policy));
        CheckLanguage(language);
        bool zh = language == Language.Chinese;
        var lines = new List<string>();
        foreach (var term in policy.Terms)
        {
            lines.Add(Part(policy, $"the term {ProblemSink.Quote(term.Id)}", () => TermLine(term, language)));
        }

        string builtIn = policy.BuiltInExclusionIds is not { } ids
            ? zh ? "全部内置条款" : "all"
            : ids.Count == 0 ? zh ? "无" : "none" : string.Join(zh ? "、" : ", ", ids.Select(i => PhraseText.Name(i, language)));
        lines.Add((zh ? ZhBuiltIn : EnBuiltIn) + builtIn);
        foreach (var exclusion in policy.CustomExclusions)
        {
            lines.Add(Part(policy, $"the exclusion {ProblemSink.Quote(exclusion.Id)}", () =>
            {
                string causes = string.Join(zh ? "、" : ", ", exclusion.Causes.Select(c => PhraseText.Name(c, language)));
                string consequence = exclusion.Consequence == ExclusionConsequence.OutOfScope ? zh ? ZhOutOfScope : EnOutOfScope : zh ? "不予保修" : "not covered";
                string clause = exclusion.Clause.Length == 0 ? "" : (zh ? ":" : ": ") + PhraseText.Quote(exclusion.Clause, language);
                return zh
                    ? $"{ZhOwnExclusion}{PhraseText.Name(exclusion.Id, language)}({causes}):{consequence}{clause}"
                    : $"{EnOwnExclusion}{PhraseText.Name(exclusion.Id, language)} ({causes}): {consequence}{clause}";
            }));
        }

        for (int i = 0; i < policy.RepeatFailureRules.Count; i++)
        {
            var rule = policy.RepeatFailureRules[i];
            lines.Add(Part(policy, $"repeat-failure rule {i + 1} ({rule})", () => zh
                ? $"{ZhRepeat}{ChineseWithin(rule.WithinTerm)}因{(rule.SameProblem ? "同一" : "")}{(rule.SafetyOnly ? "严重安全性能故障" : "质量问题")}" +
                  $"{(rule.Consecutive ? "连续" : "累计")}修理{PhraseText.Number(rule.Repairs)}次后再次出现故障的,{ChineseRemedy(rule.Remedy)}{(rule.AllowsReturn ? ",或退货" : "")}"
                : $"{EnRepeat}after {PhraseText.Plural(rule.Repairs, "repair")}{(rule.Consecutive ? " in a row" : "")}{(rule.SameProblem ? " of the same problem" : "")}" +
                  $"{(rule.SafetyOnly ? " of safety faults" : "")}{EnglishWithin(rule.WithinTerm)}: {EnglishRemedy(rule.Remedy)}{(rule.AllowsReturn ? " or return" : "")}"));
        }

        for (int i = 0; i < policy.RepairTimeRules.Count; i++)
        {
            var rule = policy.RepairTimeRules[i];
            lines.Add(Part(policy, $"repair-time rule {i + 1} ({rule})", () => zh
                ? $"{ZhRepairTime}{ChineseWithin(rule.WithinTerm)}{(rule.Cumulative ? "累计" : "单次")}修理时间超过{PhraseText.Number(rule.Days)}日的,{ChineseRemedy(rule.Remedy)}{(rule.AllowsReturn ? ",或退货" : "")}"
                : $"{EnRepairTime}more than {PhraseText.Plural(rule.Days, "day")} in repair{(rule.Cumulative ? " in total" : " in one repair")}{EnglishWithin(rule.WithinTerm)}: " +
                  $"{EnglishRemedy(rule.Remedy)}{(rule.AllowsReturn ? " or return" : "")}"));
        }

        if (!policy.ExchangeWhenUnrepairable)
        {
            lines.Add(zh ? ZhNotExchanged : EnNotExchanged);
        }
        else if (policy.Terms.Any(t => t.Kind == WarrantyTermKind.Coverage))
        {
            lines.Add(zh ? ZhUnrepairable : EnUnrepairable);
        }

        if (policy.ReplacementOnRequest)
        {
            lines.Add(zh ? ZhReplacementOnRequest : EnReplacementOnRequest);
        }

        for (int i = 0; i < policy.Windows.Count; i++)
        {
            var window = policy.Windows[i];
            lines.Add(Part(policy, $"window {i + 1} ({window.KindName})", () =>
            {
                var words = Array.Find(WindowWords, w => w.Kind == window.Kind);
                string? calendar = CalendarName(policy, window.CalendarName, window.Calendar);
                string target = TargetText(window.Target, language);
                string problems = string.Join(zh ? "、" : " or ", window.Problems.Select(p => PhraseText.Name(p, language)));
                if (zh)
                {
                    string notes = (window.UsageLimit is { } u ? $"(或{PhraseText.Number(u.Limit)}{PhraseText.Name(u.Quantity, language)}内,{ZhEarliest})" : "") +
                        (window.Problems.Count > 0 ? $"(限问题{problems})" : "") + ChineseCalendar(calendar);
                    return $"{words.Chinese}{ChineseWindowStart(window.From)}{target}{notes}";
                }

                string qualifiers = (window.Problems.Count > 0 ? $", for problems {problems}" : "") +
                    (window.UsageLimit is { } usage ? $", up to {PhraseText.Number(usage.Limit)} {PhraseText.Name(usage.Quantity, language)}" : "") + EnglishCalendar(calendar);
                return $"{words.English}{EnglishStart(window.From)}{qualifiers}: {target}";
            }));
        }

        foreach (var (remedy, chinese, english) in DeadlineWords)
        {
            if (policy.DeadlineEntries.TryGetValue(remedy, out var entry))
            {
                lines.Add(Part(policy, $"the {english} deadline", () =>
                {
                    string? calendar = CalendarName(policy, entry.CalendarName, entry.Calendar);
                    string target = TargetText(entry.Target, language);
                    return zh
                        ? $"{chinese}收到产品后{target}{ChineseCalendar(calendar)}"
                        : $"{EnDeadline}{english}, counted from receipt{EnglishCalendar(calendar)}: {target}";
                }));
            }
        }

        if (policy.NewPartsOnly)
        {
            lines.Add(zh ? ZhNewParts : EnNewParts);
        }

        if (policy.MagneticMediaOnSite)
        {
            lines.Add(zh ? ZhMagneticMedia : EnMagneticMedia);
        }

        if (policy.PaidService != default)
        {
            var paid = policy.PaidService;
            lines.Add(zh
                ? ZhPaid + ZhPaidBody + (paid.PartsAtCost ? ",备件按成本价收费" : "") + (paid.NotAboveBidPrice ? ",价格不高于投标价" : "") +
                  (paid.VisitFee is { } fee ? ",每次上门服务费" + PhraseText.Number(fee) : "")
                : EnPaid + EnPaidBody + (paid.PartsAtCost ? ", parts at cost" : "") + (paid.NotAboveBidPrice ? ", never above the bid price" : "") +
                  (paid.VisitFee is { } fee2 ? ", a visit fee of " + PhraseText.Number(fee2) : ""));
        }

        return string.Join("\n", lines);
    }

    // ------------------------------------------------------------------ what cannot be written

    /// <summary>Why a part cannot be written as a sentence that reads back to it; the caller names the part.</summary>
    private sealed class UnwritableException(string reason) : Exception(reason);

    /// <summary>Renders one part of a policy as one line; a part that cannot be written is an ArgumentException naming it.</summary>
    private static string Part(WarrantyPolicy policy, string part, Func<string> render)
    {
        try
        {
            return OneLine(render());
        }
        catch (UnwritableException e)
        {
            throw new ArgumentException($"The warranty cannot be written as sentences: {part}: {e.Message}.", nameof(policy));
        }
    }

    /// <summary>A sentence is one line: a name or clause with a line break would make two.</summary>
    private static string OneLine(string line)
    {
        int at = line.IndexOfAny(['\n', '\r']);
        if (at >= 0)
        {
            int from = Math.Max(0, at - 30);
            string around = line[from..Math.Min(line.Length, at + 30)].Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
            throw new UnwritableException($"a name or clause in it has a line break (\"{around}\"), and each sentence is one line");
        }

        return line;
    }

    private static string TermLine(WarrantyTerm term, Language language)
    {
        if (term.Start is null)
        {
            throw new UnwritableException("it has no start, and a sentence says where a term starts");
        }

        var sink = new ProblemSink();
        term.Validate(sink);
        if (sink.Count > 0)
        {
            throw new UnwritableException("it breaks a rule, and a sentence that says it would not be read: " + string.Join("; ", sink.Problems.Select(p => p.Message)));
        }

        return OneLine(language == Language.Chinese ? ChineseTerm(term) : EnglishTerm(term));
    }

    /// <summary>The phrase of a target; <see cref="TargetPhrases.Render"/> refuses a target no phrase reads back to.</summary>
    private static string TargetText(ServiceTarget target, Language language)
    {
        try
        {
            return TargetPhrases.Render(target, language);
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
        {
            throw new UnwritableException($"its target {target} has no phrase that reads back to it ({e.Message.Split(" (Parameter", 2)[0].TrimEnd('.')})");
        }
    }

    /// <summary>The name of the calendar a window or deadline counts on; a calendar the policy does not name cannot be named in a sentence.</summary>
    private static string? CalendarName(WarrantyPolicy policy, string? name, BusinessCalendar? calendar)
    {
        if (name is not null || calendar is null)
        {
            return name;
        }

        return NameOf(policy.Calendars, calendar)
            ?? throw new UnwritableException(
                "it counts on a calendar that is not among the policy's named calendars, and a sentence names its calendar; " +
                "add it with WarrantyPolicyBuilder.AddCalendar and count on it by that name");
    }

    /// <summary>Reads one term line rendered by <see cref="Render(WarrantyTerm, Language)"/>, in either language.</summary>
    /// <param name="text">The line, for example <c>terminal(硬件):安装调试合格证书签署后第二日起12个月</c>; without its label (<c>安装调试合格证书签署后第二日起的12个月</c>) when <paramref name="id"/> is given.</param>
    /// <param name="id">The term's id when the line has no label of its own; null to require one.</param>
    /// <returns>The term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">
    /// The line is not understood, or describes a term that breaks a rule (a period of no time, a share above 100%, ...);
    /// the message quotes the line as written, whole, and the part not understood.
    /// </exception>
    public static WarrantyTerm ParseTerm(string text, string? id = null)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        string written = text.Trim();
        bool zh = PhraseText.IsChinese(written);
        string line = zh ? PhraseText.NormaliseChinese(written) : written.TrimEnd('.');
        try
        {
            return ReadValidTerm(line, zh, id);
        }
        catch (FormatException e)
        {
            throw PhraseText.AsWritten(e, written);
        }
    }

    /// <summary>Reads lines rendered by <see cref="Render(WarrantyPolicy, Language)"/> (in either language, even mixed) into a policy.</summary>
    /// <param name="text">The lines, separated by <c>\n</c> (or <c>\r\n</c>); blank lines are skipped.</param>
    /// <param name="zone">The zone of the policy's dates, which a sentence does not name.</param>
    /// <param name="calendars">The calendars the sentences name (<c>(按“office”日历)</c>); they become the policy's calendars. Null for none.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="zone"/> is null, or a calendar given is null.</exception>
    /// <exception cref="FormatException">
    /// A line is not understood, breaks a rule of what it states, names a calendar not given, or says again what a policy
    /// says once (a deadline, the built-in exclusions, paid service, a setting); or the lines make no valid policy (no
    /// term and no window, two terms with one id, a rule within a term that is not a coverage term of the policy, a
    /// cause in two exclusions). The message quotes the line as written.
    /// </exception>
    public static WarrantyPolicy Parse(string text, DateTimeZone zone, IReadOnlyDictionary<string, BusinessCalendar>? calendars = null)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        Preconditions.CheckNotNull(zone, nameof(zone));
        var builder = new WarrantyPolicyBuilder(zone);
        foreach (var (name, calendar) in calendars ?? new Dictionary<string, BusinessCalendar>())
        {
            builder.AddCalendar(name, calendar);
        }

        var reading = new Reading(builder, calendars);
        bool anyLine = false;
        foreach (string raw in text.Split('\n'))
        {
            string written = raw.Trim();
            if (written.Length == 0)
            {
                continue;
            }

            anyLine = true;
            bool zh = PhraseText.IsChinese(written);
            string line = zh ? PhraseText.NormaliseChinese(written) : written.TrimEnd('.');
            reading.Written = written;
            try
            {
                if (!(zh ? ReadChineseRule(line, reading) : ReadEnglishRule(line, reading)))
                {
                    reading.Term(ReadValidTerm(line, zh, null));
                }
            }
            catch (FormatException e)
            {
                throw PhraseText.AsWritten(e, written);
            }
        }

        if (!anyLine)
        {
            throw PhraseText.Fail(text, "there are no sentences");
        }

        if (!reading.HasTermOrWindow)
        {
            throw new FormatException(
                $"The sentences {PhraseText.QuoteSentence(text.Trim())} do not make a warranty policy: they give no term and no return or exchange window, and a policy needs one at least.");
        }

        // What one line cannot show wrong: a term id given twice, a rule within a term that is not a coverage term of
        // the policy, a cause of two exclusions. Each problem names the sentences it is about.
        var sink = new ProblemSink();
        return builder.TryBuild(sink) ?? throw new FormatException(
            $"The sentences do not make a valid warranty policy: {string.Join("; ", sink.Problems.Select(p => p.ToString()))}.");
    }

    // ------------------------------------------------------------------ terms, Chinese

    private static string ChineseTerm(WarrantyTerm term)
    {
        var text = new System.Text.StringBuilder(PhraseText.Name(term.Id, Language.Chinese));
        if (term.Covers.Count > 0)
        {
            text.Append('(').Append(string.Join("、", term.Covers.Select(c => ChineseComponent(c.Name)))).Append(')');
        }

        text.Append(':').Append(ChineseStart(term.Start!, term.CountsStartDay, term.Kind));
        text.Append(term.Period is { } period ? PhraseText.Period(period, Language.Chinese) : "终身");
        if (term.UsageLimit is { } usage)
        {
            text.Append('或').Append(PhraseText.Number(usage.Limit)).Append(PhraseText.Name(usage.Quantity, Language.Chinese)).Append('(').Append(ZhEarliest).Append(')');
        }

        text.Append(term.Kind switch
        {
            WarrantyTermKind.SparePartsSupply => term.IsLifetime ? "供应" : "内供应",
            WarrantyTermKind.TechnicalSupport => term.IsLifetime ? "免费技术支持" : "内免费技术支持",
            WarrantyTermKind.Upgrades => term.IsLifetime ? "免费软件升级" : "内免费软件升级",
            _ => term.IsLifetime ? "保修" : "",
        });

        foreach (var (cost, chinese, _) in CostWords)
        {
            if (term.Shares.TryGetValue(cost, out var share))
            {
                text.Append('(').Append(chinese).Append("由供方承担").Append(PhraseText.Percent(share.Share)).Append('%')
                    .Append(share.IsLifetime ? ",终身" : share.Period is { } p ? ",期限" + PhraseText.Period(p, Language.Chinese) : "").Append(')');
            }
        }

        if (term.AddsRepairTime)
        {
            text.Append('(').Append(ZhAddRepairTime).Append(')');
        }

        if (term.RepairExtension is { } extension)
        {
            text.Append(term.RepairExtensionMode == RepairExtensionMode.FromEachRepair
                ? $"(每次修理后至少保修{PhraseText.Period(extension, Language.Chinese)})"
                : $"(修理后延长{PhraseText.Period(extension, Language.Chinese)},仅一次)");
        }

        if (!term.RestartsOnReplacement)
        {
            text.Append("(更换后不重新计算)");
        }

        if (!term.IsTransferable)
        {
            text.Append("(所有权转让后终止)");
        }

        if (term.Presumption is { } presumption)
        {
            text.Append('(').Append(PhraseText.Period(presumption, Language.Chinese)).Append("内推定交付时已存在质量问题)");
        }

        return text.ToString();
    }

    private static string ChineseComponent(string name)
    {
        if (name == ComponentClass.Hardware.Name)
        {
            return "硬件";
        }

        if (name == ComponentClass.Software.Name)
        {
            return "软件";
        }

        return name == ComponentClass.WholeDelivery.Name ? "整体交付" : PhraseText.Name(name, Language.Chinese);
    }

    private static string ChineseEvent(string name) =>
        Array.Find(ChineseEvents, e => e.Event == name) is { Words: { } words } ? words[0] : PhraseText.Quote(name, Language.Chinese);

    /// <summary><c>验收之日起</c>, <c>安装调试合格证书签署后第二日起</c>, <c>购买之日后</c>, <c>验收或开始投入使用时起(以先到者为准)</c>.</summary>
    private static string ChineseStart(WarrantyStart start, bool counted, WarrantyTermKind kind)
    {
        string events = string.Join("或", start.Names.Select(ChineseEvent));
        string qualifier = start.Rule switch { StartRule.EarliestOf => $"({ZhEarliest})", StartRule.LatestOf => $"({ZhLatest})", _ => "" };
        bool single = start.Rule == StartRule.On && start.Names.Count == 1;
        string connector = counted ? "之日起" : kind != WarrantyTermKind.Coverage ? "之日后" : single ? "后第二日起" : "时起";
        return events + connector + qualifier;
    }

    private static string ChineseWindowStart(WarrantyStart start)
    {
        string qualifier = start.Rule switch { StartRule.EarliestOf => $"({ZhEarliest})", StartRule.LatestOf => $"({ZhLatest})", _ => "" };
        return string.Join("或", start.Names.Select(ChineseEvent)) + "之日起" + qualifier;
    }

    private static WarrantyTerm ReadTerm(string line, bool zh, string? id)
    {
        var c = new PhraseCursor(line);
        var covers = new List<ComponentClass>();
        if (ReadLabel(c, zh, covers) is { } label)
        {
            id = label;
        }
        else if (id is null)
        {
            throw PhraseText.Fail(line, zh
                ? "a term line starts with the term's id, such as terminal(硬件):"
                : "a term line starts with the term's id, such as \"terminal (hardware): \"");
        }
        else
        {
            c.Position = 0;
            covers.Clear();
        }

        return zh ? ReadChineseTermBody(c, line, id) : ReadEnglishTermBody(c, line, id, covers);

        WarrantyTerm ReadChineseTermBody(PhraseCursor cursor, string text, string termId)
        {
            cursor.EatAny("自", "从");
            var (start, counted) = ReadChineseStart(cursor, text, window: false);
            bool lifetime = cursor.Eat("终身");
            var period = NodaTime.Period.Zero;
            if (!lifetime && !cursor.Period(Language.Chinese, out period))
            {
                throw PhraseText.Fail(text, $"expected how long the term lasts (12个月, 3年, 终身) at \"{ProblemSink.Cut(cursor.Rest)}\"");
            }

            UsageLimit? usage = null;
            if (cursor.Eat("或"))
            {
                if (!cursor.Decimal(out decimal limit) || !ReadQuantity(cursor, out string quantity))
                {
                    throw PhraseText.Fail(text, $"expected a usage limit such as 或60000km at \"{ProblemSink.Cut(cursor.Rest)}\"");
                }

                cursor.Eat($"({ZhEarliest})");
                usage = new UsageLimit(quantity, limit);
            }

            cursor.Eat("内");
            var kind = cursor.EatAny("供应备件", "供应", "免费技术支持", "技术支持", "免费软件升级", "软件升级", "免费升级", "保修", "免费保修", "质保") switch
            {
                0 or 1 => WarrantyTermKind.SparePartsSupply,
                2 or 3 => WarrantyTermKind.TechnicalSupport,
                4 or 5 or 6 => WarrantyTermKind.Upgrades,
                _ => WarrantyTermKind.Coverage,
            };
            var term = (lifetime ? WarrantyTerm.ForLifetime(termId) : WarrantyTerm.For(termId, period))
                .OfKind(kind).Covering([.. covers]).From(start).CountingTheStartDay(counted);
            if (usage is { } u)
            {
                term = term.WithUsageLimit(u.Quantity, u.Limit);
            }

            var said = new HashSet<string>(StringComparer.Ordinal);
            while (cursor.Eat("("))
            {
                string note = ReadGroup(cursor, text);
                term = ChineseNote(term, note, text, out string what);
                OnceInATerm(said, what, note, text);
            }

            if (!cursor.AtEnd)
            {
                throw PhraseText.Fail(text, $"\"{ProblemSink.Cut(cursor.Rest)}\" is not understood; a term ends with its notes in parentheses");
            }

            return term;
        }
    }

    /// <summary>Reads <c>id(covers):</c> or <c>id (covers): </c>; null (cursor unmoved) when the line has no label.</summary>
    private static string? ReadLabel(PhraseCursor c, bool zh, List<ComponentClass> covers)
    {
        string line = c.Rest;
        string? label = null;
        if (c.Name(out string name) && (c.Peek(zh ? "(" : " (") || c.Peek(zh ? ":" : ": ")))
        {
            label = name;
        }
        else
        {
            // An unquoted label that is not an identifier: the text before the first parenthesis or colon.
            c.Position = 0;
            int end = line.IndexOfAny(zh ? ['(', ':'] : [':']);
            if (!zh && line.IndexOf(" (", StringComparison.Ordinal) is int paren and > 0 && (end < 0 || paren < end))
            {
                end = paren;
            }

            if (end <= 0 || line[..end].Trim().Length == 0 || line[..end].IndexOfAny(['“', '"', '”']) >= 0)
            {
                return null;
            }

            label = line[..end].Trim();
            c.Position = end;
        }

        if (c.Eat(zh ? "(" : " ("))
        {
            do
            {
                if (!zh && c.Eat("whole delivery"))
                {
                    covers.Add(ComponentClass.WholeDelivery);
                }
                else if (zh && c.EatAny("硬件", "软件", "整体交付", "整体") is int word and >= 0)
                {
                    covers.Add(word switch { 0 => ComponentClass.Hardware, 1 => ComponentClass.Software, _ => ComponentClass.WholeDelivery });
                }
                else if (c.Name(out string component) && ComponentClass.IsValidName(component))
                {
                    covers.Add(ComponentClass.Of(component));
                }
                else
                {
                    c.Position = 0;
                    covers.Clear();
                    return null;
                }
            }
            while (c.Eat(zh ? "、" : ", "));

            if (!c.Eat(")"))
            {
                c.Position = 0;
                covers.Clear();
                return null;
            }
        }

        if (!c.Eat(zh ? ":" : ": "))
        {
            c.Position = 0;
            covers.Clear();
            return null;
        }

        return label;
    }

    /// <summary>Reads a start: events joined by 或 (和, 、), a connector, and the rule (以先到者为准 / 以后到者为准).</summary>
    private static (WarrantyStart Start, bool Counted) ReadChineseStart(PhraseCursor c, string line, bool window)
    {
        var names = new List<string>();
        string? and = null;
        while (true)
        {
            if (!ReadChineseEvent(c, out string name))
            {
                throw PhraseText.Fail(line, $"expected the event the {(window ? "window" : "term")} counts from (验收, 购买, 交付, 安装调试合格证书签署, “name”, ...) at \"{ProblemSink.Cut(c.Rest)}\"");
            }

            names.Add(name);
            int at = c.Position;
            c.EatAny("之日", "日", "时");
            string[] joins = ["或", "和", "、", "及", "与"];
            int join = c.EatAny(joins);
            if (join >= 0)
            {
                and = join > 0 ? joins[join] : and;
                continue;
            }

            c.Position = at;
            break;
        }

        bool counted;
        int connector = c.EatAny("之日起", "当日起", "之日当天起", "后第二日起", "之次日起", "次日起", "后次日起", "之日后", "时起", "日起", "起", "后");
        if (connector < 0 || (window && connector is >= 3 and not (8 or 9 or 10)))
        {
            throw PhraseText.Fail(line, window
                ? $"expected 之日起 after the event a window counts from, at \"{ProblemSink.Cut(c.Rest)}\""
                : $"expected 之日起 (the day itself counts), 后第二日起 or 之日后 (it does not) at \"{ProblemSink.Cut(c.Rest)}\"");
        }

        counted = connector <= 2;
        c.Eat("的");
        var rule = names.Count > 1 ? StartRule.EarliestOf : StartRule.On;
        if (c.Eat($"({ZhEarliest})"))
        {
            rule = StartRule.EarliestOf;
        }
        else if (c.Eat($"({ZhLatest})"))
        {
            rule = StartRule.LatestOf;
        }
        else if (and is not null)
        {
            // "A或B" is whichever comes first (D3.4); "A和B" does not say which of the two counts.
            throw PhraseText.Fail(line, $"the events are joined by {and}, which does not say which counts: write ({ZhEarliest}) or ({ZhLatest}) after them, or join them by 或 for the earliest");
        }

        c.Eat("的");
        return (WarrantyStart.Create(rule, [.. names]), counted);
    }

    private static bool ReadChineseEvent(PhraseCursor c, out string name)
    {
        int best = -1, bestLength = 0;
        for (int i = 0; i < ChineseEvents.Length; i++)
        {
            foreach (string word in ChineseEvents[i].Words)
            {
                if (word.Length > bestLength && c.Peek(word))
                {
                    best = i;
                    bestLength = word.Length;
                }
            }
        }

        if (best >= 0)
        {
            c.Position += bestLength;
            name = ChineseEvents[best].Event;
            return true;
        }

        return c.Name(out name) && name.Length > 0;
    }

    /// <summary>A quantity: a name (bare or quoted), or unquoted words up to a parenthesis or 内.</summary>
    private static bool ReadQuantity(PhraseCursor c, out string quantity)
    {
        if (c.Name(out quantity))
        {
            return quantity.Length > 0;
        }

        string rest = c.Rest;
        int end = rest.IndexOfAny(['(', '内', ',']);
        quantity = end < 0 ? rest : rest[..end];
        c.Position += quantity.Length;
        return ComponentClass.IsValidName(quantity);
    }

    /// <summary>Reads a group's content after its '(' to the matching ')', quotes respected.</summary>
    private static string ReadGroup(PhraseCursor c, string line)
    {
        string rest = c.Rest;
        int depth = 1;
        char closing = '\0';
        for (int i = 0; i < rest.Length; i++)
        {
            char ch = rest[i];
            if (PhraseText.SkipQuoted(rest, ref i, ref closing))
            {
                continue;
            }

            if (ch == '(')
            {
                depth++;
            }
            else if (ch == ')' && --depth == 0)
            {
                c.Position += i + 1;
                return rest[..i];
            }
        }

        throw PhraseText.Fail(line, "a parenthesis is not closed");
    }

    private static WarrantyTerm ChineseNote(WarrantyTerm term, string note, string line, out string what)
    {
        var n = new PhraseCursor(note);
        int cost = n.EatAny("人工费", "备件费", "材料费", "配件费", "差旅费");
        if (cost >= 0)
        {
            n.EatAny("由供方承担", "供方承担");
            if (!n.Decimal(out decimal percent) || !n.Eat("%"))
            {
                throw PhraseText.Fail(line, $"the note \"{note}\" is not understood; a share is written (人工费由供方承担50%,期限1年)");
            }

            var type = cost switch { 0 => CostType.Labour, 1 or 2 or 3 => CostType.Parts, _ => CostType.Travel };
            var share = new CostShare(percent / 100, null, false);
            if (n.Eat(",终身"))
            {
                share = share with { IsLifetime = true };
            }
            else if (n.Eat(",期限"))
            {
                if (!n.Period(Language.Chinese, out var period))
                {
                    throw PhraseText.Fail(line, $"the note \"{note}\" is not understood: expected a period after 期限");
                }

                share = share with { Period = period };
            }

            what = $"the share of {WarrantyTerm.Name(type)}";
            return n.AtEnd ? term.WithShare(type, share) : throw PhraseText.Fail(line, $"the note \"{note}\" is not understood");
        }

        switch (note)
        {
            case ZhAddRepairTime:
                what = "whether time in repair is added back";
                return term.AddingRepairTime();
            case "更换后不重新计算":
                what = "whether a replacement restarts the term";
                return term.RestartingOnReplacement(false);
            case "更换后重新计算":
                what = "whether a replacement restarts the term";
                return term.RestartingOnReplacement(true);
            case "所有权转让后终止":
                what = "whether the term follows the asset to a new owner";
                return term.Transferable(false);
            case "可随所有权转让":
                what = "whether the term follows the asset to a new owner";
                return term.Transferable(true);
        }

        if (n.Eat("修理后延长") && n.Period(Language.Chinese, out var extension) && n.Eat(",仅一次") && n.AtEnd)
        {
            what = "the extension after a repair";
            return term.ExtendedAfterRepair(extension, RepairExtensionMode.ExtendOnce);
        }

        n.Position = 0;
        if (n.Eat("每次修理后至少保修") && n.Period(Language.Chinese, out var each) && n.AtEnd)
        {
            what = "the extension after a repair";
            return term.ExtendedAfterRepair(each, RepairExtensionMode.FromEachRepair);
        }

        n.Position = 0;
        if (n.Period(Language.Chinese, out var presumption) && n.Eat("内推定交付时已存在质量问题") && n.AtEnd)
        {
            what = "the presumption of a lack of conformity";
            return term.WithPresumption(presumption);
        }

        throw PhraseText.Fail(line, $"the note \"{note}\" is not understood; the notes are shares (人工费由供方承担50%,期限1年), ({ZhAddRepairTime}), " +
            "(修理后延长12个月,仅一次), (每次修理后至少保修90日), (更换后不重新计算), (所有权转让后终止) and (1年内推定交付时已存在质量问题)");
    }

    /// <summary>A term's notes say each thing once: a second note on the same thing (人工费 twice, restarts and does not restart) is an error, not a silent replacement.</summary>
    private static void OnceInATerm(HashSet<string> said, string what, string note, string line)
    {
        if (!said.Add(what))
        {
            throw PhraseText.Fail(line, $"the note \"{note}\" gives {what} a second time; a term gives it once");
        }
    }

    // ------------------------------------------------------------------ terms, English

    private static string EnglishTerm(WarrantyTerm term)
    {
        var text = new System.Text.StringBuilder(PhraseText.Name(term.Id, Language.English));
        if (term.Covers.Count > 0)
        {
            text.Append(" (").Append(string.Join(", ", term.Covers.Select(c => c == ComponentClass.WholeDelivery ? "whole delivery" : PhraseText.Name(c.Name, Language.English)))).Append(')');
        }

        text.Append(": ");
        string amount = term.Period is { } period ? PhraseText.Period(period, Language.English) : "life";
        text.Append(term.Kind switch
        {
            WarrantyTermKind.SparePartsSupply => "spare parts supplied for " + amount,
            WarrantyTermKind.TechnicalSupport => "free technical support for " + amount,
            WarrantyTermKind.Upgrades => "free software upgrades for " + amount,
            _ => term.IsLifetime ? "for life" : amount,
        });
        if (term.UsageLimit is { } usage)
        {
            text.Append(" or ").Append(PhraseText.Number(usage.Limit)).Append(' ').Append(PhraseText.Name(usage.Quantity, Language.English)).Append(", whichever comes first");
        }

        text.Append(term.CountsStartDay ? " from the day of " : " from the day after ").Append(EnglishStart(term.Start!));
        var notes = new List<string>();
        foreach (var (cost, _, english) in CostWords)
        {
            if (term.Shares.TryGetValue(cost, out var share))
            {
                notes.Add($"supplier pays {PhraseText.Percent(share.Share)}% of {english}" +
                    (share.IsLifetime ? " for life" : share.Period is { } p ? " for " + PhraseText.Period(p, Language.English) : ""));
            }
        }

        if (term.AddsRepairTime)
        {
            notes.Add("time in repair is added back");
        }

        if (term.RepairExtension is { } extension)
        {
            notes.Add(term.RepairExtensionMode == RepairExtensionMode.FromEachRepair
                ? $"each repair is covered for {PhraseText.Period(extension, Language.English)} from its date"
                : $"a repair extends it once by {PhraseText.Period(extension, Language.English)}");
        }

        if (!term.RestartsOnReplacement)
        {
            notes.Add("a replacement does not restart it");
        }

        if (!term.IsTransferable)
        {
            notes.Add("ends when the owner changes");
        }

        if (term.Presumption is { } presumption)
        {
            notes.Add($"a lack of conformity within {PhraseText.Period(presumption, Language.English)} is presumed to have existed at delivery");
        }

        if (notes.Count > 0)
        {
            text.Append(" (").Append(string.Join("; ", notes)).Append(')');
        }

        return text.ToString();
    }

    private static string EnglishStart(WarrantyStart start)
    {
        string names = PhraseText.JoinAnd(start.Names.Select(n => PhraseText.Name(n, Language.English)));
        return start.Rule switch
        {
            StartRule.EarliestOf => "the earliest of " + names,
            StartRule.LatestOf => "the latest of " + names,
            _ => names,
        };
    }

    private static WarrantyStart ReadEnglishStart(PhraseCursor c, string line)
    {
        var rule = c.Eat("the earliest of ") ? StartRule.EarliestOf : c.Eat("the latest of ") ? StartRule.LatestOf : StartRule.On;
        var names = new List<string>();
        do
        {
            if (!c.Name(out string name) || name.Length == 0)
            {
                throw PhraseText.Fail(line, $"expected the event it counts from (acceptance, purchase, \"name\", \"the earliest of a and b\") at \"{ProblemSink.Cut(c.Rest)}\"");
            }

            names.Add(name);
        }
        while (rule != StartRule.On && c.Eat(" and "));

        return WarrantyStart.Create(rule, [.. names]);
    }

    private static WarrantyTerm ReadEnglishTermBody(PhraseCursor c, string line, string id, List<ComponentClass> covers)
    {
        var kind = c.EatAny("spare parts supplied for ", "free technical support for ", "free software upgrades for ") switch
        {
            0 => WarrantyTermKind.SparePartsSupply,
            1 => WarrantyTermKind.TechnicalSupport,
            2 => WarrantyTermKind.Upgrades,
            _ => WarrantyTermKind.Coverage,
        };
        bool lifetime = kind == WarrantyTermKind.Coverage ? c.Eat("for life") || c.Eat("lifetime") : c.Eat("life");
        var period = NodaTime.Period.Zero;
        if (!lifetime && !c.Period(Language.English, out period))
        {
            throw PhraseText.Fail(line, $"expected how long the term lasts (\"12 months\", \"3 years\", \"for life\") at \"{ProblemSink.Cut(c.Rest)}\"");
        }

        UsageLimit? usage = null;
        if (c.Eat(" or "))
        {
            if (!c.Decimal(out decimal limit) || !c.Eat(" ") || !c.Name(out string quantity) || quantity.Length == 0 || !c.Eat(", whichever comes first"))
            {
                throw PhraseText.Fail(line, $"expected a usage limit such as \"or 50000 km, whichever comes first\" at \"{ProblemSink.Cut(c.Rest)}\"");
            }

            usage = new UsageLimit(quantity, limit);
        }

        bool counted;
        if (c.Eat(" from the day of "))
        {
            counted = true;
        }
        else if (c.Eat(" from the day after ") || c.Eat(" from "))
        {
            counted = false;
        }
        else
        {
            throw PhraseText.Fail(line, $"expected \"from the day of\" or \"from the day after\" the start at \"{ProblemSink.Cut(c.Rest)}\"");
        }

        var start = ReadEnglishStart(c, line);
        var term = (lifetime ? WarrantyTerm.ForLifetime(id) : WarrantyTerm.For(id, period)).OfKind(kind).Covering([.. covers]).From(start).CountingTheStartDay(counted);
        if (usage is { } u)
        {
            term = term.WithUsageLimit(u.Quantity, u.Limit);
        }

        if (c.Eat(" ("))
        {
            string notes = ReadGroup(c, line);
            var said = new HashSet<string>(StringComparer.Ordinal);
            foreach (string note in PhraseText.SplitTop(notes, "; "))
            {
                term = EnglishNote(term, note, line, out string what);
                OnceInATerm(said, what, note, line);
            }
        }

        if (!c.AtEnd)
        {
            throw PhraseText.Fail(line, $"\"{ProblemSink.Cut(c.Rest)}\" is not understood; a term ends with its start and then its notes in parentheses");
        }

        return term;
    }

    private static WarrantyTerm EnglishNote(WarrantyTerm term, string note, string line, out string what)
    {
        var n = new PhraseCursor(note);
        if (n.Eat("supplier pays "))
        {
            if (!n.Decimal(out decimal percent) || !n.Eat("% of ") || n.EatAny("labour", "parts", "travel") is not (>= 0 and var cost))
            {
                throw PhraseText.Fail(line, $"the note \"{note}\" is not understood; a share is written \"supplier pays 50% of travel for 6 months\"");
            }

            var share = new CostShare(percent / 100, null, false);
            if (n.Eat(" for life"))
            {
                share = share with { IsLifetime = true };
            }
            else if (n.Eat(" for "))
            {
                if (!n.Period(Language.English, out var period))
                {
                    throw PhraseText.Fail(line, $"the note \"{note}\" is not understood: expected a period after \"for\"");
                }

                share = share with { Period = period };
            }

            what = $"the share of {CostWords[cost].English}";
            return n.AtEnd ? term.WithShare(CostWords[cost].Cost, share) : throw PhraseText.Fail(line, $"the note \"{note}\" is not understood");
        }

        switch (note)
        {
            case "time in repair is added back":
                what = "whether time in repair is added back";
                return term.AddingRepairTime();
            case "a replacement does not restart it":
                what = "whether a replacement restarts the term";
                return term.RestartingOnReplacement(false);
            case "a replacement restarts it":
                what = "whether a replacement restarts the term";
                return term.RestartingOnReplacement(true);
            case "ends when the owner changes":
                what = "whether the term follows the asset to a new owner";
                return term.Transferable(false);
            case "follows the asset to a new owner":
                what = "whether the term follows the asset to a new owner";
                return term.Transferable(true);
        }

        if (n.Eat("a repair extends it once by ") && n.Period(Language.English, out var extension) && n.AtEnd)
        {
            what = "the extension after a repair";
            return term.ExtendedAfterRepair(extension, RepairExtensionMode.ExtendOnce);
        }

        n.Position = 0;
        if (n.Eat("each repair is covered for ") && n.Period(Language.English, out var each) && n.Eat(" from its date") && n.AtEnd)
        {
            what = "the extension after a repair";
            return term.ExtendedAfterRepair(each, RepairExtensionMode.FromEachRepair);
        }

        n.Position = 0;
        if (n.Eat("a lack of conformity within ") && n.Period(Language.English, out var presumption) && n.Eat(" is presumed to have existed at delivery") && n.AtEnd)
        {
            what = "the presumption of a lack of conformity";
            return term.WithPresumption(presumption);
        }

        throw PhraseText.Fail(line, $"the note \"{note}\" is not understood; the notes are \"supplier pays 50% of travel for 6 months\", \"time in repair is added back\", " +
            "\"a repair extends it once by 12 months\", \"each repair is covered for 90 days from its date\", \"a replacement does not restart it\", " +
            "\"ends when the owner changes\" and \"a lack of conformity within 1 year is presumed to have existed at delivery\"");
    }

    // ------------------------------------------------------------------ the policy's rules

    private static bool ReadChineseRule(string line, Reading r)
    {
        var c = new PhraseCursor(line);
        switch (line)
        {
            case ZhUnrepairable:
                r.Flag(Said.Unrepairable, b => b.ExchangeWhenUnrepairable = true, line);
                return true;
            case ZhNotExchanged:
                r.Flag(Said.Unrepairable, b => b.ExchangeWhenUnrepairable = false, line);
                return true;
            case ZhReplacementOnRequest:
                r.Flag(Said.ReplacementOnRequest, b => b.ReplacementOnRequest = true, line);
                return true;
            case ZhNewParts:
                r.Flag(Said.NewParts, b => b.NewPartsOnly = true, line);
                return true;
            case ZhMagneticMedia:
                r.Flag(Said.MagneticMedia, b => b.MagneticMediaOnSite = true, line);
                return true;
        }

        if (c.Eat(ZhBuiltIn))
        {
            r.BuiltIn(BuiltInIds(c, line, "全部内置条款", "无", "、", "the ids of built-in exclusions, such as disaster、misuse, or 全部内置条款, or 无"), line);
            return true;
        }

        if (c.Eat(ZhOwnExclusion))
        {
            if (!c.Name(out string id) || !c.Eat("("))
            {
                throw PhraseText.Fail(line, "an exclusion is written 另行除外:id(原因、原因):不予保修");
            }

            var causes = Names(c, line, "、", "the causes of the exclusion");
            if (!c.Eat("):"))
            {
                throw PhraseText.Fail(line, "an exclusion is written 另行除外:id(原因、原因):不予保修");
            }

            int consequence = c.EatAny("不予保修", ZhOutOfScope);
            string clause = "";
            if (consequence < 0 || (c.Eat(":") && !c.Name(out clause, out bool quoted) && !quoted) || !c.AtEnd)
            {
                throw PhraseText.Fail(line, $"an exclusion is 不予保修 or {ZhOutOfScope}, then perhaps :“what the clause says”");
            }

            r.Exclusion(Exclusion.Define(id, consequence == 0 ? ExclusionConsequence.NotCovered : ExclusionConsequence.OutOfScope, clause, [.. causes]), line);
            return true;
        }

        if (c.Eat(ZhRepeat))
        {
            string? within = ChineseWithinTerm(c, line);
            c.Eat("因");
            bool same = c.Eat("同一");
            int problem = c.EatAny("质量问题", "严重安全性能故障");
            int run = c.EatAny("连续", "累计");
            if (problem < 0 || run < 0 || !c.Eat("修理") || !c.Int(out int repairs, 1_000_000) || !c.Eat("次") || c.EatAny("后再次出现故障的", "后仍无法正常使用的", "仍无法正常使用的", "后仍不能正常使用的", "仍不能正常使用的") < 0 || !c.Eat(","))
            {
                throw PhraseText.Fail(line, "a repeat-failure rule is written 重复故障:因同一质量问题连续修理2次后再次出现故障的,更换同品牌同型号的新设备");
            }

            var (remedy, allowsReturn) = ChineseRuleRemedy(c, line);
            var rule = RepeatFailureRule.AfterRepairs(repairs).InARow(run == 0).OfSameProblem(same).OfSafetyFaultsOnly(problem == 1).Giving(remedy).AllowingReturn(allowsReturn);
            r.Repeat(within is null ? rule : rule.Within(within), line);
            return true;
        }

        if (c.Eat(ZhRepairTime))
        {
            string? within = ChineseWithinTerm(c, line);
            int run = c.EatAny("累计", "单次");
            if (run < 0 || !c.Eat("修理时间超过") || !c.Int(out int days, 1_000_000) || c.EatAny("日", "天") < 0 || !c.Eat("的,"))
            {
                throw PhraseText.Fail(line, "a repair-time rule is written 修理时间:累计修理时间超过30日的,调换同型号或同等价值的产品");
            }

            var (remedy, allowsReturn) = ChineseRuleRemedy(c, line);
            var rule = RepairTimeRule.MoreThanDays(days).AddingUp(run == 0).Giving(remedy).AllowingReturn(allowsReturn);
            r.RepairTime(within is null ? rule : rule.Within(within), line);
            return true;
        }

        foreach (var (kind, chinese, _) in WindowWords)
        {
            if (c.Eat(chinese))
            {
                c.EatAny("自", "从");
                var (from, _) = ReadChineseStart(c, line, window: true);
                var (targetText, notes) = SplitNotes(c.Rest, note => note.StartsWith('或') || note.StartsWith("限问题", StringComparison.Ordinal) || note.StartsWith('按'));
                string? calendar = null;
                UsageLimit? usage = null;
                string[]? problems = null;
                foreach (string note in notes)
                {
                    var n = new PhraseCursor(note);
                    if (n.Eat("或"))
                    {
                        if (usage is not null || !n.Decimal(out decimal limit) || !ReadQuantity(n, out string quantity) || !n.Eat($"内,{ZhEarliest}") || !n.AtEnd)
                        {
                            throw PhraseText.Fail(line, $"the note \"{note}\" is not understood; a window has at most one usage limit, written (或3000km内,{ZhEarliest})");
                        }

                        usage = new UsageLimit(quantity, limit);
                    }
                    else if (n.Eat("限问题"))
                    {
                        var codes = Names(n, line, "、", "problem codes");
                        problems = problems is null && n.AtEnd
                            ? [.. codes]
                            : throw PhraseText.Fail(line, $"the note \"{note}\" is not understood; a window names its problem codes once, written (限问题engine、“制动”)");
                    }
                    else
                    {
                        calendar = calendar is null
                            ? ChineseCalendarNote(note, line)
                            : throw PhraseText.Fail(line, $"the note \"{note}\" names a second calendar; a window counts on one");
                    }
                }

                var target = Target(targetText, line);
                var window = kind switch
                {
                    WindowKind.ReturnWithoutReason => RemedyWindow.ReturnWithoutReason(target, from),
                    WindowKind.ReturnOnFailure => RemedyWindow.ReturnOnFailure(target, from),
                    _ => RemedyWindow.ExchangeOnFailure(target, from),
                };
                window = window.ForProblems(problems ?? []);
                if (usage is { } u)
                {
                    window = window.WithUsageLimit(u.Quantity, u.Limit);
                }

                calendar = ResolveCalendar(calendar, target, r.Calendars, line);
                r.Window(calendar is null ? window : window.OnCalendar(calendar), line);
                return true;
            }
        }

        foreach (var (remedy, chinese, _) in DeadlineWords)
        {
            if (c.Eat(chinese))
            {
                if (!c.Eat("收到产品后"))
                {
                    throw PhraseText.Fail(line, $"a deadline is written {chinese}收到产品后72小时内");
                }

                var (targetText, notes) = SplitNotes(c.Rest, note => note.StartsWith('按'));
                string? calendar = notes.Count switch
                {
                    0 => null,
                    1 => ChineseCalendarNote(notes[0], line),
                    _ => throw PhraseText.Fail(line, $"the note \"{notes[1]}\" names a second calendar; a deadline counts on one"),
                };
                var target = Target(targetText, line);
                calendar = ResolveCalendar(calendar, target, r.Calendars, line);
                r.Deadline(remedy, target, calendar, line);

                return true;
            }
        }

        if (c.Eat(ZhPaid))
        {
            if (!c.Eat(ZhPaidBody))
            {
                throw PhraseText.Fail(line, $"paid service is written {ZhPaid}{ZhPaidBody}[,备件按成本价收费][,价格不高于投标价][,每次上门服务费300]");
            }

            bool atCost = c.Eat(",备件按成本价收费");
            bool bidPrice = c.Eat(",价格不高于投标价");
            decimal? fee = null;
            if (c.Eat(",每次上门服务费"))
            {
                fee = c.Decimal(out decimal value) ? value : throw PhraseText.Fail(line, "expected the visit fee, a number, after 每次上门服务费");
            }

            if (!c.AtEnd)
            {
                throw PhraseText.Fail(line, $"\"{ProblemSink.Cut(c.Rest)}\" is not understood; paid service is written {ZhPaid}{ZhPaidBody}[,备件按成本价收费][,价格不高于投标价][,每次上门服务费300]");
            }

            r.Paid(new PaidServiceTerms(fee, atCost, bidPrice), line);
            return true;
        }

        return false;
    }

    private static bool ReadEnglishRule(string line, Reading r)
    {
        var c = new PhraseCursor(line);
        switch (line)
        {
            case EnUnrepairable:
                r.Flag(Said.Unrepairable, b => b.ExchangeWhenUnrepairable = true, line);
                return true;
            case EnNotExchanged:
                r.Flag(Said.Unrepairable, b => b.ExchangeWhenUnrepairable = false, line);
                return true;
            case EnReplacementOnRequest:
                r.Flag(Said.ReplacementOnRequest, b => b.ReplacementOnRequest = true, line);
                return true;
            case EnNewParts:
                r.Flag(Said.NewParts, b => b.NewPartsOnly = true, line);
                return true;
            case EnMagneticMedia:
                r.Flag(Said.MagneticMedia, b => b.MagneticMediaOnSite = true, line);
                return true;
        }

        if (c.Eat(EnBuiltIn))
        {
            r.BuiltIn(BuiltInIds(c, line, "all", "none", ", ", "the ids of built-in exclusions, such as \"disaster, misuse\", or \"all\", or \"none\""), line);
            return true;
        }

        if (c.Eat(EnOwnExclusion))
        {
            if (!c.Name(out string id) || !c.Eat(" ("))
            {
                throw PhraseText.Fail(line, "an exclusion is written \"Own exclusion id (cause, cause): not covered\"");
            }

            var causes = Names(c, line, ", ", "the causes of the exclusion");
            if (!c.Eat("): "))
            {
                throw PhraseText.Fail(line, "an exclusion is written \"Own exclusion id (cause, cause): not covered\"");
            }

            int consequence = c.EatAny("not covered", EnOutOfScope);
            string clause = "";
            if (consequence < 0 || (c.Eat(": ") && !c.Name(out clause, out bool quoted) && !quoted) || !c.AtEnd)
            {
                throw PhraseText.Fail(line, $"an exclusion is \"not covered\" or \"{EnOutOfScope}\", then perhaps \": \"what the clause says\"\"");
            }

            r.Exclusion(Exclusion.Define(id, consequence == 0 ? ExclusionConsequence.NotCovered : ExclusionConsequence.OutOfScope, clause, [.. causes]), line);
            return true;
        }

        if (c.Eat(EnRepeat))
        {
            if (!c.Eat("after ") || !c.Int(out int repairs, 1_000_000) || !(c.Eat(" repairs") || c.Eat(" repair")))
            {
                throw PhraseText.Fail(line, "a repeat-failure rule is written \"Repeat failure: after 2 repairs in a row of the same problem: replacement\"");
            }

            bool inARow = c.Eat(" in a row");
            bool same = c.Eat(" of the same problem");
            bool safety = c.Eat(" of safety faults");
            string? within = EnglishWithinTerm(c, line);
            var (remedy, allowsReturn) = EnglishRuleRemedy(c, line);
            var rule = RepeatFailureRule.AfterRepairs(repairs).InARow(inARow).OfSameProblem(same).OfSafetyFaultsOnly(safety).Giving(remedy).AllowingReturn(allowsReturn);
            r.Repeat(within is null ? rule : rule.Within(within), line);
            return true;
        }

        if (c.Eat(EnRepairTime))
        {
            if (!c.Eat("more than ") || !c.Int(out int days, 1_000_000) || !(c.Eat(" days in repair") || c.Eat(" day in repair")) || c.EatAny(" in total", " in one repair") is not (>= 0 and var run))
            {
                throw PhraseText.Fail(line, "a repair-time rule is written \"Repair time: more than 30 days in repair in total: exchange\"");
            }

            string? within = EnglishWithinTerm(c, line);
            var (remedy, allowsReturn) = EnglishRuleRemedy(c, line);
            var rule = RepairTimeRule.MoreThanDays(days).AddingUp(run == 0).Giving(remedy).AllowingReturn(allowsReturn);
            r.RepairTime(within is null ? rule : rule.Within(within), line);
            return true;
        }

        foreach (var (kind, _, english) in WindowWords)
        {
            if (c.Eat(english))
            {
                var from = ReadEnglishStart(c, line);
                string[] problems = [];
                UsageLimit? usage = null;
                if (c.Eat(", for problems ") || c.Eat(", for problem "))
                {
                    problems = [.. Names(c, line, " or ", "problem codes")];
                }

                if (c.Eat(", up to "))
                {
                    if (!c.Decimal(out decimal limit) || !c.Eat(" ") || !c.Name(out string quantity) || quantity.Length == 0)
                    {
                        throw PhraseText.Fail(line, "a usage limit is written \", up to 3000 km\"");
                    }

                    usage = new UsageLimit(quantity, limit);
                }

                string? calendar = EnglishCalendarQualifier(c, line);
                if (!c.Eat(": "))
                {
                    throw PhraseText.Fail(line, $"expected \": \" and the window's length at \"{ProblemSink.Cut(c.Rest)}\"");
                }

                var target = Target(c.Rest, line);
                var window = kind switch
                {
                    WindowKind.ReturnWithoutReason => RemedyWindow.ReturnWithoutReason(target, from),
                    WindowKind.ReturnOnFailure => RemedyWindow.ReturnOnFailure(target, from),
                    _ => RemedyWindow.ExchangeOnFailure(target, from),
                };
                window = window.ForProblems(problems);
                if (usage is { } u)
                {
                    window = window.WithUsageLimit(u.Quantity, u.Limit);
                }

                calendar = ResolveCalendar(calendar, target, r.Calendars, line);
                r.Window(calendar is null ? window : window.OnCalendar(calendar), line);
                return true;
            }
        }

        if (c.Eat(EnDeadline))
        {
            int which = c.EatAny(DeadlineWords.Select(w => w.English + ", counted from receipt").ToArray());
            if (which < 0)
            {
                throw PhraseText.Fail(line, "a deadline is written \"Deadline for repair, counted from receipt: within 72 hours\" (repair, replacement, exchange or return)");
            }

            string? calendar = EnglishCalendarQualifier(c, line);
            if (!c.Eat(": "))
            {
                throw PhraseText.Fail(line, $"expected \": \" and the deadline at \"{ProblemSink.Cut(c.Rest)}\"");
            }

            var target = Target(c.Rest, line);
            calendar = ResolveCalendar(calendar, target, r.Calendars, line);
            var remedy = DeadlineWords[which].Remedy;
            r.Deadline(remedy, target, calendar, line);

            return true;
        }

        if (c.Eat(EnPaid))
        {
            if (!c.Eat(EnPaidBody))
            {
                throw PhraseText.Fail(line, $"paid service is written \"{EnPaid}{EnPaidBody}[, parts at cost][, never above the bid price][, a visit fee of 300]\"");
            }

            bool atCost = c.Eat(", parts at cost");
            bool bidPrice = c.Eat(", never above the bid price");
            decimal? fee = null;
            if (c.Eat(", a visit fee of "))
            {
                fee = c.Decimal(out decimal value) ? value : throw PhraseText.Fail(line, "expected the visit fee, a number");
            }

            if (!c.AtEnd)
            {
                throw PhraseText.Fail(line, $"\"{ProblemSink.Cut(c.Rest)}\" is not understood; paid service is written \"{EnPaid}{EnPaidBody}[, parts at cost][, never above the bid price][, a visit fee of 300]\"");
            }

            r.Paid(new PaidServiceTerms(fee, atCost, bidPrice), line);
            return true;
        }

        return false;
    }

    // ------------------------------------------------------------------ shared

    /// <summary>Reads a term line and checks the term's own rules, so that a term that breaks one is an error quoting its line.</summary>
    private static WarrantyTerm ReadValidTerm(string line, bool zh, string? id)
    {
        var term = ReadTerm(line, zh, id);
        CheckRules(term.Validate, line, "the term");
        return term;
    }

    /// <summary>Fails quoting <paramref name="line"/> when what it states breaks a rule of its own.</summary>
    private static void CheckRules(Action<ProblemSink> validate, string line, string what)
    {
        var sink = new ProblemSink();
        validate(sink);
        if (sink.Count > 0)
        {
            throw PhraseText.Fail(line, $"{what} is not valid: {string.Join("; ", sink.Problems.Select(p => p.Message))}");
        }
    }

    /// <summary>What a policy says once: a second line saying it is an error, not a silent replacement of the first.</summary>
    private enum Said
    {
        Unrepairable,
        ReplacementOnRequest,
        NewParts,
        MagneticMedia,
        BuiltIn,
        PaidService,
        RepairDeadline,
        ReplacementDeadline,
        ExchangeDeadline,
        ReturnDeadline,
    }

    /// <summary>
    /// The policy being read: the builder, the calendars given, and the line being read as its author wrote it. What a
    /// line states is checked against its own rules here, and carries the line, so that a problem only the whole
    /// policy shows (a term id given twice, a rule within a term of another kind) names the sentences it is about.
    /// </summary>
    private sealed class Reading(WarrantyPolicyBuilder builder, IReadOnlyDictionary<string, BusinessCalendar>? calendars)
    {
        private readonly Dictionary<Said, string> said = [];

        internal IReadOnlyDictionary<string, BusinessCalendar>? Calendars => calendars;

        /// <summary>The line being read, as written.</summary>
        internal string Written { get; set; } = "";

        internal bool HasTermOrWindow { get; private set; }

        private FieldRef Field => FieldRef.Named("the sentence " + PhraseText.QuoteSentence(Written));

        internal void Term(WarrantyTerm term)
        {
            builder.AddTerm(term.WithFields(new FieldMap(Field)));
            HasTermOrWindow = true;
        }

        internal void Flag(Said what, Action<WarrantyPolicyBuilder> set, string line)
        {
            Once(what, line);
            set(builder);
        }

        internal void BuiltIn(List<string>? ids, string line)
        {
            Once(Said.BuiltIn, line);
            if (ids is null)
            {
                builder.UseAllBuiltInExclusions();
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string id in ids)
            {
                if (Exclusions.Find(id) is null)
                {
                    throw PhraseText.Fail(line, $"\"{ProblemSink.Cut(id)}\" is not a built-in exclusion; they are {string.Join(", ", Exclusions.BuiltIn.Select(e => e.Id))}");
                }

                if (!seen.Add(id))
                {
                    throw PhraseText.Fail(line, $"the built-in exclusion {id} is named twice");
                }
            }

            builder.UseBuiltInExclusions([.. ids]);
        }

        internal void Exclusion(Exclusion exclusion, string line)
        {
            CheckRules(exclusion.Validate, line, "the exclusion");
            builder.AddExclusion(exclusion.WithFields(new FieldMap(Field)));
        }

        internal void Repeat(RepeatFailureRule rule, string line)
        {
            CheckRules(rule.Validate, line, "the repeat-failure rule");
            builder.AddRepeatFailureRule(rule.WithFields(new FieldMap(Field)));
        }

        internal void RepairTime(RepairTimeRule rule, string line)
        {
            CheckRules(rule.Validate, line, "the repair-time rule");
            builder.AddRepairTimeRule(rule.WithFields(new FieldMap(Field)));
        }

        internal void Window(RemedyWindow window, string line)
        {
            CheckRules(window.Validate, line, "the window");
            builder.AddWindow(window.WithFields(new FieldMap(Field)));
            HasTermOrWindow = true;
        }

        internal void Deadline(Remedy remedy, ServiceTarget target, string? calendar, string line)
        {
            Once(remedy switch { Remedy.Repair => Said.RepairDeadline, Remedy.Replacement => Said.ReplacementDeadline, Remedy.Exchange => Said.ExchangeDeadline, _ => Said.ReturnDeadline }, line);
            builder.SetDeadline(remedy, target, null, calendar, Field);
        }

        internal void Paid(PaidServiceTerms terms, string line)
        {
            Once(Said.PaidService, line);
            builder.PaidService = terms;
            builder.WithField("paidService", Field);
        }

        private void Once(Said what, string line)
        {
            if (said.TryGetValue(what, out string? earlier))
            {
                string thing = what switch
                {
                    Said.Unrepairable => "whether a product that cannot be repaired is exchanged",
                    Said.ReplacementOnRequest => "replacement on request",
                    Said.NewParts => "that parts are new",
                    Said.MagneticMedia => "where magnetic media are repaired",
                    Said.BuiltIn => "which built-in exclusions apply",
                    Said.PaidService => "the terms of paid service",
                    Said.RepairDeadline => "the repair deadline",
                    Said.ReplacementDeadline => "the replacement deadline",
                    Said.ExchangeDeadline => "the exchange deadline",
                    _ => "the return deadline",
                };
                throw PhraseText.Fail(line, $"the sentence {PhraseText.QuoteSentence(earlier)} already gives {thing}, which a policy gives once");
            }

            said[what] = Written;
        }
    }

    private static void CheckLanguage(Language language)
    {
        if (language is not (Language.English or Language.Chinese))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "Expected English or Chinese.");
        }
    }

    private static string? NameOf(IReadOnlyDictionary<string, BusinessCalendar> calendars, BusinessCalendar? calendar) =>
        calendar is null ? null : calendars.Where(p => ReferenceEquals(p.Value, calendar)).Select(p => p.Key).Order(StringComparer.Ordinal).FirstOrDefault();

    private static string ChineseCalendar(string? name) => name is null ? "" : $"(按{PhraseText.Quote(name, Language.Chinese)}日历)";

    private static string EnglishCalendar(string? name) => name is null ? "" : $", on the {PhraseText.Quote(name, Language.English)} calendar";

    private static string ChineseCalendarNote(string note, string line)
    {
        var n = new PhraseCursor(note);
        return n.Eat("按") && n.Name(out string name) && n.Eat("日历") && n.AtEnd
            ? name
            : throw PhraseText.Fail(line, $"the note \"{note}\" is not understood; a calendar is named (按“office”日历)");
    }

    private static string? EnglishCalendarQualifier(PhraseCursor c, string line)
    {
        if (!c.Eat(", on the "))
        {
            return null;
        }

        return c.Name(out string name) && c.Eat(" calendar") ? name : throw PhraseText.Fail(line, "a calendar is named \", on the \"office\" calendar\"");
    }

    /// <summary>The calendar a target counts on: the one named (which must be given), or the only one given when the target needs one.</summary>
    internal static string? ResolveCalendar(string? named, ServiceTarget target, IReadOnlyDictionary<string, BusinessCalendar>? calendars, string line)
    {
        if (named is not null)
        {
            return calendars is not null && calendars.ContainsKey(named)
                ? named
                : throw PhraseText.Fail(line, PhraseText.CalendarNotGiven(named, calendars));
        }

        if (!target.NeedsWorkingDays)
        {
            return null;
        }

        return calendars is { Count: 1 }
            ? calendars.Keys.First()
            : throw PhraseText.Fail(line, $"{target} counts on a business calendar and the sentence names none; name it, or give exactly one calendar");
    }

    private static ServiceTarget Target(string text, string line) =>
        TargetPhrases.TryParse(text, out var target, out string? problem) ? target : throw PhraseText.Fail(line, $"the target \"{ProblemSink.Cut(text)}\" is not understood: {problem}");

    /// <summary>Splits the notes this class writes off the end of a target (the target's own notes stay with it).</summary>
    private static (string Target, List<string> Notes) SplitNotes(string text, Func<string, bool> isNote)
    {
        var (head, groups) = PhraseText.TrailingGroups(text);
        int first = groups.Count;
        while (first > 0 && isNote(groups[first - 1]))
        {
            first--;
        }

        return (head + string.Concat(groups.Take(first).Select(g => "(" + g + ")")), groups.Skip(first).ToList());
    }

    private static List<string> Names(PhraseCursor c, string line, string separator, string what)
    {
        var names = new List<string>();
        do
        {
            if (!c.Name(out string name))
            {
                throw PhraseText.Fail(line, $"expected {what} at \"{ProblemSink.Cut(c.Rest)}\"");
            }

            names.Add(name);
        }
        while (c.Eat(separator));

        return names;
    }

    /// <summary>Reads the rest of a built-in exclusions line: the word for all (null), the word for none (empty), or ids; nothing may follow.</summary>
    private static List<string>? BuiltInIds(PhraseCursor c, string line, string all, string none, string separator, string what)
    {
        int start = c.Position;
        if (c.Eat(all) && c.AtEnd)
        {
            return null;
        }

        c.Position = start;
        if (c.Eat(none) && c.AtEnd)
        {
            return [];
        }

        c.Position = start;
        var ids = Names(c, line, separator, what);
        return c.AtEnd ? ids : throw PhraseText.Fail(line, $"\"{ProblemSink.Cut(c.Rest)}\" is not understood; expected {what}");
    }

    private static string ChineseWithin(string? term) => term is null ? "" : $"在{PhraseText.Name(term, Language.Chinese)}有效期内,";

    private static string EnglishWithin(string? term) => term is null ? "" : $" within {PhraseText.Name(term, Language.English)}";

    private static string? ChineseWithinTerm(PhraseCursor c, string line)
    {
        if (!c.Eat("在"))
        {
            return null;
        }

        return c.Name(out string term) && c.Eat("有效期内,") ? term : throw PhraseText.Fail(line, "a rule within a term is written 在terminal有效期内,");
    }

    private static string? EnglishWithinTerm(PhraseCursor c, string line)
    {
        if (!c.Eat(" within "))
        {
            return null;
        }

        return c.Name(out string term) ? term : throw PhraseText.Fail(line, "a rule within a term is written \"within terminal\"");
    }

    private static string ChineseRemedy(Remedy remedy) => remedy == Remedy.Exchange ? ZhExchange : ZhReplacement;

    private static string EnglishRemedy(Remedy remedy) => remedy == Remedy.Exchange ? "exchange" : "replacement";

    private static (Remedy Remedy, bool AllowsReturn) ChineseRuleRemedy(PhraseCursor c, string line)
    {
        int remedy = c.EatAny(ZhReplacement, ZhExchange);
        bool allowsReturn = c.Eat(",或退货");
        return remedy >= 0 && c.AtEnd
            ? (remedy == 0 ? Remedy.Replacement : Remedy.Exchange, allowsReturn)
            : throw PhraseText.Fail(line, $"a rule ends with what it gives: {ZhReplacement} or {ZhExchange}, then perhaps ,或退货");
    }

    private static (Remedy Remedy, bool AllowsReturn) EnglishRuleRemedy(PhraseCursor c, string line)
    {
        int remedy = c.Eat(": ") ? c.EatAny("replacement", "exchange") : -1;
        bool allowsReturn = c.Eat(" or return");
        return remedy >= 0 && c.AtEnd
            ? (remedy == 0 ? Remedy.Replacement : Remedy.Exchange, allowsReturn)
            : throw PhraseText.Fail(line, "a rule ends with what it gives: \": replacement\" or \": exchange\", then perhaps \" or return\"");
    }
}
