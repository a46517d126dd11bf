using System;
using System.Linq;
using NodaTime;
using ServiceCommitments.Explanations;
using ServiceCommitments.Faults;
using ServiceCommitments.Targets;
using Xunit;
using static ServiceCommitments.Explanations.ExplanationSpanKind;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;
using static ServiceCommitments.Tests.Faults.PolicyTestSupport;

namespace ServiceCommitments.Tests.Explanations;

/// <summary>
/// Every explanation adds up: its spans are contiguous from the start to the deadline, adjacent spans differ in kind,
/// and the counted spans add up to what the target's clock counts. One case per kind of target, with pauses, closed
/// time, the cut-off and the holiday rule.
/// </summary>
public sealed class DeadlineExplanationTests
{
    private static Interval Pause(string from, string to) => new(At(from), At(to));

    /// <summary>The laws every explanation keeps; returns it for further checks.</summary>
    internal static DeadlineExplanation AssertAddsUp(DeadlineExplanation explanation, Duration counted)
    {
        var spans = explanation.Spans;
        if (spans.Count == 0)
        {
            Assert.Equal(explanation.Start, explanation.Due);
        }
        else
        {
            Assert.Equal(explanation.Start, spans[0].Start);
            Assert.Equal(explanation.Due, spans[^1].End);
        }

        for (int i = 0; i < spans.Count; i++)
        {
            Assert.True(spans[i].End > spans[i].Start, $"span {i} is empty: {spans[i]}");
            if (i > 0)
            {
                Assert.Equal(spans[i - 1].End, spans[i].Start);
                Assert.NotEqual(spans[i - 1].Kind, spans[i].Kind);
            }
        }

        var total = spans.Aggregate(Duration.Zero, (sum, s) => sum + s.Length);
        Assert.Equal(explanation.Due - explanation.Start, total);
        Assert.Equal(counted, explanation.Counted);
        return explanation;
    }

    private static (ExplanationSpanKind Kind, Instant Start, Instant End)[] Spans(DeadlineExplanation e) => e.Spans.Select(s => (s.Kind, s.Start, s.End)).ToArray();

    [Fact]
    public void Elapsed_CountsWallClockTime_LessThePauses()
    {
        var e = AssertAddsUp(ServiceTarget.Elapsed(Duration.FromHours(4)).Explain(At("2024-10-01 08:00"), null, [Pause("2024-10-01 09:00", "2024-10-01 09:30")]), Duration.FromHours(4));
        Assert.Equal(
            [(Counted, At("2024-10-01 08:00"), At("2024-10-01 09:00")), (Paused, At("2024-10-01 09:00"), At("2024-10-01 09:30")), (Counted, At("2024-10-01 09:30"), At("2024-10-01 12:30"))],
            Spans(e));
        Assert.Equal(Duration.FromMinutes(30), e.Paused);
        Assert.Equal(Duration.Zero, e.Closed);
        Assert.Equal(DateTimeZone.Utc, e.Zone);
        Assert.Empty(e.Notes);
    }

    [Fact]
    public void WorkingTime_SkipsLunchAndRestDays()
    {
        var lunch = AssertAddsUp(ServiceTarget.WorkingTime(Duration.FromHours(1)).Explain(At("2024-03-04 11:30"), Office), Duration.FromHours(1));
        Assert.Equal(
            [(Counted, At("2024-03-04 11:30"), At("2024-03-04 12:00")), (Closed, At("2024-03-04 12:00"), At("2024-03-04 13:00")), (Counted, At("2024-03-04 13:00"), At("2024-03-04 13:30"))],
            Spans(lunch));
        Assert.Equal(Shanghai, lunch.Zone);

        // From a Saturday: closed until Monday's opening.
        var weekend = AssertAddsUp(ServiceTarget.WorkingTime(Duration.FromHours(1)).Explain(At("2024-03-09 10:00"), Office), Duration.FromHours(1));
        Assert.Equal([(Closed, At("2024-03-09 10:00"), At("2024-03-11 09:00")), (Counted, At("2024-03-11 09:00"), At("2024-03-11 10:00"))], Spans(weekend));

        // A pause over lunch and into the afternoon: the lunch stays closed, the afternoon part is paused.
        var paused = AssertAddsUp(ServiceTarget.WorkingTime(Duration.FromHours(2)).Explain(At("2024-03-04 11:00"), Office, [Pause("2024-03-04 11:30", "2024-03-04 13:30")]), Duration.FromHours(2));
        Assert.Equal(
            [
                (Counted, At("2024-03-04 11:00"), At("2024-03-04 11:30")), (Paused, At("2024-03-04 11:30"), At("2024-03-04 12:00")),
                (Closed, At("2024-03-04 12:00"), At("2024-03-04 13:00")), (Paused, At("2024-03-04 13:00"), At("2024-03-04 13:30")),
                (Counted, At("2024-03-04 13:30"), At("2024-03-04 15:00")),
            ],
            Spans(paused));
        Assert.Equal(Duration.FromHours(1), paused.Paused);
    }

    [Fact]
    public void WorkingDays_CountsTheWorkingTimeUpToTheClose()
    {
        // From the adjusted working Sunday 29 September 2024 10:00: due 8 October 18:00, 23 working hours counted.
        var e = AssertAddsUp(ServiceTarget.WorkingDays(2).Explain(At("2024-09-29 10:00"), Office), Duration.FromHours(23));
        Assert.Equal(At("2024-10-08 18:00"), e.Due);
        Assert.Contains((Closed, At("2024-09-30 18:00"), At("2024-10-08 09:00")), Spans(e));
        Assert.Equal(At("2024-10-08 18:00") - At("2024-09-29 10:00") - Duration.FromHours(23), e.Closed);

        // 3 working hours paused on 30 September: 3 working hours past the close, 9 October 12:00.
        var paused = AssertAddsUp(ServiceTarget.WorkingDays(2).Explain(At("2024-09-29 10:00"), Office, [Pause("2024-09-30 09:00", "2024-09-30 12:00")]), Duration.FromHours(23));
        Assert.Equal(At("2024-10-09 12:00"), paused.Due);
        Assert.Equal(Duration.FromHours(3), paused.Paused);
    }

    [Fact]
    public void CalendarDaysAndPeriods_CountTo2400()
    {
        var days = AssertAddsUp(ServiceTarget.CalendarDays(3).Explain(At("2024-10-01 10:00"), Office), Duration.FromHours(86));
        Assert.Equal([(Counted, At("2024-10-01 10:00"), At("2024-10-04 24:00"))], Spans(days));

        var month = AssertAddsUp(ServiceTarget.Months(1).Explain(At("2024-01-31 10:00"), Office), At("2024-02-29 24:00") - At("2024-01-31 10:00"));
        Assert.Equal(At("2024-03-01 00:00"), month.Due);

        var half = AssertAddsUp(ServiceTarget.HalfMonth.Explain(At("2024-09-20 10:00"), Office, [Pause("2024-09-21 10:00", "2024-09-21 12:00")]), At("2024-10-05 24:00") - At("2024-09-20 10:00"));
        Assert.Equal(At("2024-10-06 02:00"), half.Due);
        Assert.Contains("within half a month", half.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHolidayRule_IsASpanOfItsOwnAfter2400()
    {
        // 3 calendar days from 28 September 2024: the last day, 1 October, is a holiday; 8 October 18:00. A 2-hour pause
        // on the 29th moves it to 20:00, and the holiday span stays the last.
        var target = ServiceTarget.CalendarDays(3).WithHolidayRule(ServiceCommitments.Targets.HolidayRule.NextWorkingDay);
        var e = AssertAddsUp(target.Explain(At("2024-09-28 10:00"), Office, [Pause("2024-09-29 10:00", "2024-09-29 12:00")]), At("2024-10-01 24:00") - At("2024-09-28 10:00"));
        Assert.Equal(At("2024-10-08 20:00"), e.Due);
        Assert.Equal(ExplanationSpanKind.HolidayRule, e.Spans[^1].Kind);
        Assert.Equal(At("2024-10-08 18:00") - At("2024-10-02 00:00"), e.Spans.Where(s => s.Kind == ExplanationSpanKind.HolidayRule).Aggregate(Duration.Zero, (a, s) => a + s.Length));
        Assert.Equal(["the last day, 2024-10-01, is not a working day, so the period ends at the close of business of the next working day"], e.Notes);

        // A last day that is a working day (the adjusted Sunday 29 September): no holiday span, no note.
        var plain = AssertAddsUp(target.Explain(At("2024-09-26 10:00"), Office), At("2024-09-29 24:00") - At("2024-09-26 10:00"));
        Assert.DoesNotContain(plain.Spans, s => s.Kind == ExplanationSpanKind.HolidayRule);
        Assert.Empty(plain.Notes);
    }

    [Fact]
    public void TheCutOff_IsASpanBeforeTheClockStarts()
    {
        var e = AssertAddsUp(ServiceTarget.WorkingDays(1).WithCutOff(new LocalTime(16, 0)).Explain(At("2024-03-04 17:00"), Office), Duration.FromHours(16));
        Assert.Equal((AfterCutOff, At("2024-03-04 17:00"), At("2024-03-05 09:00")), Spans(e)[0]);
        Assert.Equal(At("2024-03-06 18:00"), e.Due);
        Assert.Equal(["the start is at or after the cut-off 16:00, so the clock starts at the next working day's opening"], e.Notes);

        // An elapsed target with a cut-off, after 16:00 before National Day: from 8 October 09:00.
        var elapsed = AssertAddsUp(ServiceTarget.Elapsed(Duration.FromHours(2)).WithCutOff(new LocalTime(16, 0)).Explain(At("2024-09-30 16:00"), Office), Duration.FromHours(2));
        Assert.Equal([(AfterCutOff, At("2024-09-30 16:00"), At("2024-10-08 09:00")), (Counted, At("2024-10-08 09:00"), At("2024-10-08 11:00"))], Spans(elapsed));

        // Before the cut-off nothing changes.
        Assert.DoesNotContain(ServiceTarget.WorkingDays(1).WithCutOff(new LocalTime(16, 0)).Explain(At("2024-03-04 15:59"), Office).Spans, s => s.Kind == AfterCutOff);
    }

    [Fact]
    public void TheRule_SaysWhatTheTargetCounts()
    {
        Assert.Equal(
            "within 1 working day: the close of business of the 1st working day after the start's date (the start's date is not counted)",
            ServiceTarget.WorkingDays(1).Explain(At("2024-03-04 10:00"), Office).Rule);

        // docs/policies.md: "0 means the close of business of the start's date if it is a working day, else of the next".
        var zero = ServiceTarget.WorkingDays(0).Explain(At("2024-03-04 10:00"), Office);
        Assert.Equal(At("2024-03-04 18:00"), zero.Due);
        Assert.Equal("within 0 working days: the close of business of the start's date if it is a working day, else of the next working day", zero.Rule);

        Assert.Equal("within 3 calendar days: 24:00 of the 3rd day after the start's date (the start's date is not counted)", ServiceTarget.CalendarDays(3).Explain(At("2024-03-04 10:00"), Office).Rule);
        Assert.Equal("within 30 minutes: wall-clock time from the start", ServiceTarget.Elapsed(Duration.FromMinutes(30)).Explain(At("2024-03-04 10:00"), null).Rule);
    }

    [Fact]
    public void NoTime_HasNoSpans()
    {
        var e = AssertAddsUp(ServiceTarget.Elapsed(Duration.Zero).Explain(At("2024-03-04 10:00"), null), Duration.Zero);
        Assert.Empty(e.Spans);
        Assert.Equal(e.Start, e.Due);
    }

    [Fact]
    public void ToString_ReadsAsAPersonWouldExplainIt()
    {
        var e = ServiceTarget.WorkingTime(Duration.FromHours(2)).Explain(At("2024-03-04 11:00"), Office, [Pause("2024-03-04 11:30", "2024-03-04 13:30")]);
        Assert.Equal(
            "within 2 working hours: only time inside working hours counts; a deadline on a closing time stays there\n" +
            "  start    2024-03-04 Mon 11:00:00 +08\n" +
            "  counted  2024-03-04 Mon 11:00:00 +08 to 2024-03-04 Mon 11:30:00 +08 (0h 30m)\n" +
            "  paused   2024-03-04 Mon 11:30:00 +08 to 2024-03-04 Mon 12:00:00 +08 (0h 30m)\n" +
            "  closed   2024-03-04 Mon 12:00:00 +08 to 2024-03-04 Mon 13:00:00 +08 (1h)\n" +
            "  paused   2024-03-04 Mon 13:00:00 +08 to 2024-03-04 Mon 13:30:00 +08 (0h 30m)\n" +
            "  counted  2024-03-04 Mon 13:30:00 +08 to 2024-03-04 Mon 15:00:00 +08 (1h 30m)\n" +
            "  due      2024-03-04 Mon 15:00:00 +08 (counted 2h, paused 1h, closed 1h)",
            e.ToString());
    }

    [Fact]
    public void AMilestonesExplanation_IsThatOfItsDeadline_WithItsOwnPauses()
    {
        // D2.3 repaired within 2 working days, with a pause that the repair's event cuts.
        var policy = Policy(PolicyRow.For("repaired", ServiceTarget.WorkingDays(2)).OnCalendar("office"));
        var ticket = NewTicket("2024-09-29 10:00", events: ["repaired@2024-09-30 11:00"], pauses: ["2024-09-30 10:00..2024-09-30 15:00"]);
        var evaluation = policy.EvaluateOne(ticket, "2024-10-01 10:00", "repaired");
        var e = AssertAddsUp(evaluation.Explain()!, Duration.FromHours(23));

        Assert.Equal(evaluation.Due, e.Due);
        Assert.Equal(evaluation.Start, e.Start);
        Assert.Equal(Duration.FromHours(1), e.Paused); // 10:00 to 11:00, cut at the event
        Assert.Equal(At("2024-10-09 10:00"), e.Due);
    }
}
