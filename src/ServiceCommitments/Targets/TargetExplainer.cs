using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Explanations;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Targets;

/// <summary>Builds a <see cref="DeadlineExplanation"/>: the same computation as <see cref="ServiceTarget.DueTicks"/>, with its spans recorded.</summary>
internal static class TargetExplainer
{
    internal static DeadlineExplanation Explain(ServiceTarget target, long start, BusinessCalendar? calendar, ReadOnlySpan<TickSpan> pauses)
    {
        var zone = calendar?.Zone ?? DateTimeZone.Utc;
        var notes = new List<string>();
        long clock = target.ClockStart(start, calendar);
        if (clock != start)
        {
            notes.Add($"the start is at or after the cut-off {target.CutOff:HH:mm}, so the clock starts at the next working day's opening");
        }

        long baseDue = target.BaseDueTicks(clock, calendar);
        long due = pauses.IsEmpty ? baseDue : target.Extend(clock, baseDue, calendar, pauses);
        long holidayTicks = HolidayExtension(target, clock, calendar, baseDue, notes);

        var spans = new List<ExplanationSpan>();
        Add(spans, ExplanationSpanKind.AfterCutOff, start, clock);
        var working = target.CountsWorkingTime ? calendar!.WorkingSpans(clock, due) : [new TickSpan(clock, due)];
        long t = clock;
        int p = 0;
        foreach (var open in working)
        {
            Add(spans, ExplanationSpanKind.Closed, t, open.Start);
            Add(spans, ExplanationSpanKind.Counted, Math.Max(open.Start, t), open.End, pauses, ref p);
            t = Math.Max(t, open.End);
        }

        Add(spans, ExplanationSpanKind.Closed, t, due);
        RelabelTail(spans, holidayTicks);
        if (calendar is { UnknownYears: UnknownYears.Provisional } && target.NeedsWorkingDays)
        {
            MarkProvisional(spans, calendar, notes);
        }

        return new DeadlineExplanation(Rule(target), Instant.FromUnixTimeTicks(start), Instant.FromUnixTimeTicks(due), zone, spans.AsReadOnly(), notes.AsReadOnly());
    }

    /// <summary>How much the holiday rule added after 24:00 of the last day, noting it; zero when it did not apply.</summary>
    private static long HolidayExtension(ServiceTarget target, long clock, BusinessCalendar? calendar, long baseDue, List<string> notes)
    {
        if (target.HolidayRule != HolidayRule.NextWorkingDay)
        {
            return 0;
        }

        var date = Instant.FromUnixTimeTicks(clock).InZone(calendar!.Zone).Date;
        var last = target.Kind == TargetKind.CalendarDays ? date.PlusDays(target.Days) : PeriodRules.LastDay(date, target.PeriodOrZero, countStartDay: false);
        long midnight = PeriodRules.StartOfDay(calendar.Zone, last.PlusDays(1)).ToUnixTimeTicks();
        if (baseDue == midnight)
        {
            return 0;
        }

        notes.Add($"the last day, {last:uuuu-MM-dd}, is not a working day, so the period ends at the close of business of the next working day");
        return baseDue - midnight;
    }

    /// <summary>Adds [from, to) as <paramref name="kind"/>, cut into paused and unpaused spans by <paramref name="pauses"/>.</summary>
    private static void Add(List<ExplanationSpan> spans, ExplanationSpanKind kind, long from, long to, ReadOnlySpan<TickSpan> pauses, ref int p)
    {
        while (from < to)
        {
            while (p < pauses.Length && pauses[p].End <= from)
            {
                p++;
            }

            if (p < pauses.Length && pauses[p].Start <= from)
            {
                long end = Math.Min(to, pauses[p].End);
                Add(spans, ExplanationSpanKind.Paused, from, end);
                from = end;
                continue;
            }

            long next = p < pauses.Length ? Math.Min(to, pauses[p].Start) : to;
            Add(spans, kind, from, next);
            from = next;
        }
    }

    private static void Add(List<ExplanationSpan> spans, ExplanationSpanKind kind, long from, long to)
    {
        if (to <= from)
        {
            return;
        }

        if (spans.Count > 0 && spans[^1].Kind == kind && spans[^1].End.ToUnixTimeTicks() == from)
        {
            spans[^1] = spans[^1] with { End = Instant.FromUnixTimeTicks(to) };
            return;
        }

        spans.Add(new ExplanationSpan(kind, Instant.FromUnixTimeTicks(from), Instant.FromUnixTimeTicks(to)));
    }

    /// <summary>
    /// Splits the spans at the start of each provisional year they reach and marks the parts inside such years, with a
    /// note per year saying what the year rests on.
    /// </summary>
    private static void MarkProvisional(List<ExplanationSpan> spans, BusinessCalendar calendar, List<string> notes)
    {
        if (spans.Count == 0)
        {
            return;
        }

        var zone = calendar.Zone;
        int first = spans[0].Start.InZone(zone).Year;
        int last = spans[^1].End.InZone(zone).Year;
        var marked = new List<ExplanationSpan>(spans.Count + 2);
        foreach (var span in spans)
        {
            var start = span.Start;
            while (start < span.End)
            {
                int year = start.InZone(zone).Year;
                var next = year >= 9998 ? span.End : PeriodRules.StartOfDay(zone, new LocalDate(year + 1, 1, 1));
                var end = next < span.End ? next : span.End;
                marked.Add(span with { Start = start, End = end, Provisional = calendar.GetHolidayYearStatus(year) == HolidayYearStatus.Provisional });
                start = end;
            }
        }

        spans.Clear();
        foreach (var span in marked)
        {
            if (spans.Count > 0 && spans[^1].Kind == span.Kind && spans[^1].Provisional == span.Provisional && spans[^1].End == span.Start)
            {
                spans[^1] = spans[^1] with { End = span.End };
            }
            else
            {
                spans.Add(span);
            }
        }

        for (int year = first; year <= last; year++)
        {
            if (calendar.GetHolidayYearStatus(year) != HolidayYearStatus.Provisional)
            {
                continue;
            }

            foreach (var set in calendar.HolidaySets)
            {
                if (set.TryGetProvisionalYear(year, out _, out string law))
                {
                    notes.Add($"{year} is provisional: holiday set '{set.Id}' has no notice for it, so only the statutory holidays of {law} are closed; the bridge days and adjusted working days its notice will announce are not known, and this deadline may move when the notice is added");
                }
            }
        }
    }

    /// <summary>Labels the last <paramref name="ticks"/> of counted time as added by the holiday rule.</summary>
    private static void RelabelTail(List<ExplanationSpan> spans, long ticks)
    {
        for (int i = spans.Count - 1; i >= 0 && ticks > 0; i--)
        {
            var span = spans[i];
            if (span.Kind != ExplanationSpanKind.Counted)
            {
                continue;
            }

            long length = span.Length.BclCompatibleTicks;
            if (length <= ticks)
            {
                spans[i] = span with { Kind = ExplanationSpanKind.HolidayRule };
                ticks -= length;
                continue;
            }

            var split = span.End - Duration.FromTicks(ticks);
            spans[i] = span with { End = split };
            spans.Insert(i + 1, new ExplanationSpan(ExplanationSpanKind.HolidayRule, split, span.End));
            ticks = 0;
        }
    }

    private static string Rule(ServiceTarget target) => target.Kind switch
    {
        TargetKind.Elapsed => $"{target}: wall-clock time from the start",
        TargetKind.WorkingTime => $"{target}: only time inside working hours counts; a deadline on a closing time stays there",
        TargetKind.WorkingDays when target.Days == 0 => $"{target}: the close of business of the start's date if it is a working day, else of the next working day",
        TargetKind.WorkingDays => $"{target}: the close of business of the {Ordinal(target.Days)} working day after the start's date (the start's date is not counted)",
        TargetKind.CalendarDays => $"{target}: 24:00 of the {Ordinal(target.Days)} day after the start's date (the start's date is not counted)",
        _ => $"{target}: the start's date is not counted; the period ends at 24:00 of its corresponding day, or of the month's last day where there is none",
    };

    private static string Ordinal(int n)
    {
        string suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
