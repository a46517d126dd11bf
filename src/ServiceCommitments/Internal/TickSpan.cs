using System;
using NodaTime;

namespace ServiceCommitments.Internal;

/// <summary>A half-open span of time in ticks since the Unix epoch, [Start, End).</summary>
internal readonly record struct TickSpan(long Start, long End)
{
    /// <summary>Sorts and merges intervals that each have a start and an end; an empty interval is dropped.</summary>
    internal static TickSpan[] Normalise(ReadOnlySpan<Interval> intervals, string paramName)
    {
        if (intervals.IsEmpty)
        {
            return [];
        }

        var spans = new TickSpan[intervals.Length];
        for (int i = 0; i < intervals.Length; i++)
        {
            var interval = intervals[i];
            if (!interval.HasStart || !interval.HasEnd)
            {
                Preconditions.ThrowArgument(paramName, $"{paramName}[{i}] ({interval}) has no start or no end; a pause must have both (end an open pause at the instant the evaluation is as of).");
            }

            spans[i] = new TickSpan(Ticks.FromInstant(interval.Start, paramName), Ticks.FromInstant(interval.End, paramName));
        }

        return Merge(spans);
    }

    /// <summary>Sorts <paramref name="spans"/> in place and merges overlapping or touching ones; returns the merged prefix.</summary>
    internal static TickSpan[] Merge(TickSpan[] spans)
    {
        Array.Sort(spans, (a, b) => a.Start.CompareTo(b.Start));
        int n = 0;
        foreach (var span in spans)
        {
            if (span.End <= span.Start)
            {
                continue;
            }

            if (n > 0 && span.Start <= spans[n - 1].End)
            {
                spans[n - 1] = spans[n - 1] with { End = Math.Max(spans[n - 1].End, span.End) };
            }
            else
            {
                spans[n++] = span;
            }
        }

        return n == spans.Length ? spans : spans[..n];
    }
}
