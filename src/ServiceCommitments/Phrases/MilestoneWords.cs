using System;
using System.Collections.Generic;
using System.Linq;
using ServiceCommitments.Faults;

namespace ServiceCommitments.Phrases;

/// <summary>How contracts name the built-in milestones, in Chinese (as a verb phrase) and in English (as a noun phrase).</summary>
internal static class MilestoneWords
{
    private static readonly (string Milestone, string Chinese, string English)[] Words =
    [
        (Milestones.Answered, "接听电话", "call answered"),
        (Milestones.Accepted, "受理", "request accepted"),
        (Milestones.FirstResponse, "响应", "first response"),
        (Milestones.RemoteSupport, "远程支持", "remote support"),
        (Milestones.OnSite, "到达现场", "on site"),
        (Milestones.RepairPlan, "提供维修方案", "repair plan"),
        (Milestones.Restored, "恢复服务", "service restored"),
        (Milestones.Recovered, "全部指标恢复正常", "all indicators normal"),
        (Milestones.Resolved, "解决故障", "fault resolved"),
        (Milestones.FaultReport, "提交故障检测报告", "fault detection report"),
        (Milestones.IncidentReport, "提交事故报告", "incident report"),
        (Milestones.Replacement, "提供备机", "replacement provided"),
    ];

    internal static string Chinese(string milestone) =>
        Array.Find(Words, w => w.Milestone == milestone) is { Chinese: { } word } ? word : $"完成“{milestone}”";

    internal static string English(string milestone) =>
        Array.Find(Words, w => w.Milestone == milestone) is { English: { } word } ? word : $"\"{milestone}\"";

    /// <summary>The milestone a Chinese verb phrase at the start of <paramref name="text"/> names, and its length.</summary>
    internal static (string? Milestone, int Length) ReadChinese(string text)
    {
        if (text.StartsWith("完成“", StringComparison.Ordinal) && text.IndexOf('”', 3) is int close and > 3)
        {
            return (text[3..close], close + 1);
        }

        foreach (var w in Words.OrderByDescending(w => w.Chinese.Length))
        {
            if (text.StartsWith(w.Chinese, StringComparison.Ordinal))
            {
                return (w.Milestone, w.Chinese.Length);
            }
        }

        return (null, 0);
    }

    /// <summary>The milestone an English noun phrase at the start of <paramref name="text"/> names, and its length.</summary>
    internal static (string? Milestone, int Length) ReadEnglish(string text)
    {
        if (text.StartsWith('"') && text.IndexOf('"', 1) is int close and > 1)
        {
            return (text[1..close], close + 1);
        }

        foreach (var w in Words.OrderByDescending(w => w.English.Length))
        {
            if (text.StartsWith(w.English, StringComparison.OrdinalIgnoreCase))
            {
                return (w.Milestone, w.English.Length);
            }
        }

        return (null, 0);
    }

    internal static IEnumerable<string> Known => Words.Select(w => w.Milestone);
}
