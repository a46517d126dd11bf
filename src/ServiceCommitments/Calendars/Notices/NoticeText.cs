using System;
using System.Text;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Calendars.Notices;

/// <summary>
/// A notice's text folded to one form for reading: full-width letters, digits and punctuation become half-width, every
/// dash and tilde becomes '-', the traditional forms of the words a notice is read by become simplified (reprints in
/// traditional characters: 週日, 調至, 國慶節), and whitespace other than line breaks is dropped; each folded character
/// remembers where it came from, so that errors quote the text as written.
/// </summary>
internal sealed class NoticeText
{
    private readonly string original;
    private readonly int[] origin;

    private NoticeText(string original, string value, int[] origin)
    {
        this.original = original;
        Value = value;
        this.origin = origin;
    }

    internal string Value { get; }

    internal static NoticeText Fold(string text)
    {
        var value = new StringBuilder(text.Length);
        var origin = new int[text.Length + 1];
        for (int i = 0; i < text.Length; i++)
        {
            char c = Fold(text[i]);
            if (c == '\0' || (c == '-' && value.Length > 0 && value[^1] == '-'))
            {
                continue;
            }

            origin[value.Length] = i;
            value.Append(c);
        }

        origin[value.Length] = text.Length;
        return new NoticeText(text, value.ToString(), origin);
    }

    /// <summary>Traditional characters of the words the reader looks for, and their simplified forms.</summary>
    private const string Traditional = "週調補連為國慶勞動節勵關於與長農曆現將兩個號廳";
    private const string Simplified = "周调补连为国庆劳动节励关于与长农历现将两个号厅";

    private static char Fold(char c) => c switch
    {
        _ when Traditional.IndexOf(c) is int i and >= 0 => Simplified[i],
        '\n' => '\n',
        '\u3000' => '\0',
        '—' or '–' or '―' or '‐' or '‑' or '−' or '─' or '～' or '~' or '－' => '-',
        '○' => '〇',
        '．' => '.',
        '“' or '”' or '„' => '"',
        _ when char.IsWhiteSpace(c) => '\0',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    };

    /// <summary>The original text of folded positions [start, end), whitespace collapsed, cut for a message.</summary>
    internal string Quote(int start, int end)
    {
        int from = origin[Math.Clamp(start, 0, Value.Length)];
        int to = end <= start ? from : origin[Math.Clamp(end - 1, 0, Value.Length - 1)] + 1;
        var text = new StringBuilder(to - from);
        foreach (char c in original.AsSpan(from, to - from))
        {
            if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                }

                continue;
            }

            text.Append(c);
        }

        return ProblemSink.Cut(text.ToString().Trim());
    }
}
