using System;
using System.Collections.Generic;
using NodaTime;

namespace ServiceCommitments.Calendars.Notices;

/// <summary>The festivals the notices arrange, the words they are written with, and the entry names of the shipped data.</summary>
internal static class Festivals
{
    internal const string NewYear = "New Year's Day 元旦";
    internal const string SpringFestival = "Spring Festival 春节";
    internal const string TombSweeping = "Tomb-sweeping Day 清明";
    internal const string Labour = "Labour Day 劳动节";
    internal const string DragonBoat = "Dragon Boat Festival 端午";
    internal const string MidAutumn = "Mid-autumn Festival 中秋";
    internal const string National = "National Day 国庆节";
    internal const string Anniversary70 = "Anti-Fascist 70th Day 中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日";

    /// <summary>Words, longest first where one contains another, and the name each gives.</summary>
    private static readonly (string Word, string Name)[] Words =
    [
        ("反法西斯战争胜利70周年", Anniversary70),
        ("国际劳动节", Labour),
        ("元旦", NewYear),
        ("新年", NewYear),
        ("春节", SpringFestival),
        ("清明", TombSweeping),
        ("劳动节", Labour),
        ("五一", Labour),
        ("端午", DragonBoat),
        ("中秋", MidAutumn),
        ("国庆", National),
    ];

    /// <summary>The entry name of the first festival word at or after <paramref name="start"/> in <paramref name="text"/>, with its position.</summary>
    internal static (string Name, int Index)? Find(string text, int start = 0)
    {
        (string Name, int Index)? best = null;
        foreach (var (word, name) in Words)
        {
            int i = text.IndexOf(word, start, StringComparison.Ordinal);
            if (i >= 0 && (best is null || i < best.Value.Index))
            {
                best = (name, i);
            }
        }

        return best;
    }

    /// <summary>
    /// Every festival word of <paramref name="text"/>, ordered by where it starts; of words starting at one place, the
    /// first of <see cref="Words"/> last, so that the last entry ending by a position is the last word written before it.
    /// </summary>
    internal static List<(int Index, int End, string Name)> FindAll(string text)
    {
        var all = new List<(int Index, int End, string Name, int Order)>();
        for (int order = 0; order < Words.Length; order++)
        {
            var (word, name) = Words[order];
            for (int i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
            {
                all.Add((i, i + word.Length, name, order));
            }
        }

        // Among words starting at one place, FindLast keeps the first in Words order: sort it last of its group.
        all.Sort(static (a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : b.Order.CompareTo(a.Order));
        return all.ConvertAll(static w => (w.Index, w.End, w.Name));
    }

    /// <summary>
    /// Whether <paramref name="date"/> is the 15th day of the 8th lunar month (中秋), where the lunisolar calendar reaches,
    /// and not one of National Day's own days (1-3 October), which keep National Day's name as in the law.
    /// </summary>
    internal static bool IsMidAutumnDay(LocalDate date) =>
        !(date.Month == 10 && date.Day <= 3)
        && date.Year is >= ChinaMainlandStatute.FirstYear and <= ChinaMainlandStatute.LastYear
        && ChinaMainlandStatute.LunarDate(date.Year, 8, 15) == date;
}
