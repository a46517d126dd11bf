using System;
using System.Globalization;

namespace ServiceCommitments.Phrases;

/// <summary>Reads numbers as contracts write them: Arabic digits (全角 too) or Chinese numerals up to 万 (二十四, 两, 十五, 一百二十).</summary>
internal static class ChineseNumbers
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>Reads a number at the start of <paramref name="text"/>; returns the characters read (0 when none).</summary>
    internal static int Read(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        int i = 0;
        while (i < text.Length && Arabic(text[i]) >= 0)
        {
            value = checked((value * 10) + Arabic(text[i]));
            i++;
            if (value > 1_000_000_000)
            {
                return 0;
            }
        }

        if (i > 0)
        {
            return i;
        }

        long total = 0, section = 0, digit = -1;
        while (i < text.Length)
        {
            char c = text[i];
            int d = c == '两' ? 2 : Digits.IndexOf(c, StringComparison.Ordinal);
            if (d >= 0)
            {
                digit = d;
            }
            else if (c is '十' or '百' or '千')
            {
                long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                section += (digit < 0 ? 1 : digit) * unit;
                digit = -1;
            }
            else if (c == '万')
            {
                total += (section + Math.Max(digit, 0)) * 10_000;
                section = 0;
                digit = -1;
            }
            else
            {
                break;
            }

            i++;
        }

        value = total + section + Math.Max(digit, 0);
        return i;
    }

    private static int Arabic(char c) => c is >= '0' and <= '9' ? c - '0' : c is >= '０' and <= '９' ? c - '０' : -1;

    /// <summary>Writes a number as contracts print it next to Chinese units: Arabic digits.</summary>
    internal static string Write(long value) => value.ToString(CultureInfo.InvariantCulture);
}
