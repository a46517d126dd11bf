using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Explanations;

/// <summary>
/// How a deadline was reached, in a form a person reads (<see cref="ToString()"/>) and a program walks
/// (<see cref="Spans"/>): the start, the rule applied, and every span from the start to the deadline, counted,
/// closed, paused or moved by a rule.
/// </summary>
/// <remarks>
/// <para>The spans are in order, contiguous and cover exactly [<see cref="Start"/>, <see cref="Due"/>): their lengths
/// add up to <c>Due - Start</c>, and the counted spans add up to the time the target allows on its clock.</para>
/// <para>Explanations are built only when asked for; computing a deadline never builds one. Instances are immutable.</para>
/// </remarks>
[Immutable]
public sealed class DeadlineExplanation
{
    internal DeadlineExplanation(string rule, Instant start, Instant due, DateTimeZone zone, IReadOnlyList<ExplanationSpan> spans, IReadOnlyList<string> notes)
    {
        Rule = rule;
        Start = start;
        Due = due;
        Zone = zone;
        Spans = spans;
        Notes = notes;
    }

    /// <summary>The rule applied, in words, for example <c>within 2 working days: the close of business of the 2nd working day after the start's date</c>.</summary>
    public string Rule { get; }

    /// <summary>When the clock started (the report, or the milestone counted from).</summary>
    public Instant Start { get; }

    /// <summary>The deadline.</summary>
    public Instant Due { get; }

    /// <summary>The zone in which <see cref="ToString()"/> shows times: the target's calendar's zone, or UTC.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The spans from <see cref="Start"/> to <see cref="Due"/>, in order, contiguous; adjacent spans of one kind are merged.</summary>
    public IReadOnlyList<ExplanationSpan> Spans { get; }

    /// <summary>Further steps in words (the cut-off, the holiday rule, a provisional year), in the order they were applied.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The time the clock counted: the sum of the <see cref="ExplanationSpanKind.Counted"/> spans.</summary>
    public Duration Counted => Sum(ExplanationSpanKind.Counted);

    /// <summary>The time removed by pauses: the sum of the <see cref="ExplanationSpanKind.Paused"/> spans.</summary>
    public Duration Paused => Sum(ExplanationSpanKind.Paused);

    /// <summary>The time skipped because the calendar was closed.</summary>
    public Duration Closed => Sum(ExplanationSpanKind.Closed);

    /// <summary>Whether any span lies in a provisional year: the deadline may move when that year's notice is added.</summary>
    public bool IsProvisional
    {
        get
        {
            foreach (var span in Spans)
            {
                if (span.Provisional)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Describes the deadline in lines a person reads: the rule, the start, each span, the deadline.</summary>
    /// <returns>The explanation as text, times in <see cref="Zone"/>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Rule).Append('\n');
        text.Append("  start    ").Append(Show(Start)).Append('\n');
        foreach (string note in Notes)
        {
            text.Append("  note     ").Append(note).Append('\n');
        }

        foreach (var span in Spans)
        {
            text.Append("  ").Append(Name(span.Kind).PadRight(9)).Append(Show(span.Start)).Append(" to ").Append(Show(span.End))
                .Append(" (").Append(Format(span.Length)).Append(span.Provisional ? ", provisional" : string.Empty).Append(")\n");
        }

        text.Append("  due      ").Append(Show(Due));
        text.Append(" (counted ").Append(Format(Counted));
        if (Paused > Duration.Zero)
        {
            text.Append(", paused ").Append(Format(Paused));
        }

        if (Closed > Duration.Zero)
        {
            text.Append(", closed ").Append(Format(Closed));
        }

        return text.Append(')').ToString();
    }

    private Duration Sum(ExplanationSpanKind kind)
    {
        var total = Duration.Zero;
        foreach (var span in Spans)
        {
            if (span.Kind == kind)
            {
                total += span.Length;
            }
        }

        return total;
    }

    private static readonly ZonedDateTimePattern TimePattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd ddd HH:mm:ss.FFFFFFF o<g>", null);

    private string Show(Instant instant) => TimePattern.Format(instant.InZone(Zone));

    private static string Name(ExplanationSpanKind kind) => kind switch
    {
        ExplanationSpanKind.Counted => "counted",
        ExplanationSpanKind.Closed => "closed",
        ExplanationSpanKind.Paused => "paused",
        ExplanationSpanKind.AfterCutOff => "cut-off",
        _ => "holiday",
    };

    internal static string Format(Duration duration)
    {
        var text = new StringBuilder();
        if (duration.Days > 0)
        {
            text.Append(duration.Days.ToString(CultureInfo.InvariantCulture)).Append("d ");
        }

        text.Append(duration.Hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        if (duration.Minutes != 0 || duration.Seconds != 0 || duration.SubsecondTicks != 0)
        {
            text.Append(' ').Append(duration.Minutes.ToString("D2", CultureInfo.InvariantCulture)).Append('m');
        }

        if (duration.Seconds != 0 || duration.SubsecondTicks != 0)
        {
            text.Append(' ').Append(duration.Seconds.ToString(CultureInfo.InvariantCulture)).Append('s');
        }

        return text.ToString();
    }
}
