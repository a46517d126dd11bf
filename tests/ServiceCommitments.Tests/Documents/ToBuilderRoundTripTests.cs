using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using ServiceCommitments.Inspections;
using ServiceCommitments.Targets;
using ServiceCommitments.Tests.Faults;
using ServiceCommitments.Warranty;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;

namespace ServiceCommitments.Tests.Documents;

/// <summary>
/// Issue 14: every built value gives a builder back, and <c>x.ToBuilder().Build()</c> answers every question as
/// <c>x</c> does. Each value is rich (the templates, and values using every option of the builder); the rebuilt value
/// must write the same document (the writers write every setting) and give the same answers.
/// </summary>
public sealed class ToBuilderRoundTripTests
{
    private static readonly string[] Templates =
        ["d2-1-3-fault-response", "d2-4-5-onsite-by-region", "d2-6-9-fault-levels", "d3-warranty", "d4-inspections", "terminal-after-sales"];

    public static TheoryData<string> TemplateNames() => new(Templates);

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_EveryPart_RoundTripsThroughToBuilder(string template)
    {
        var commitment = CommitmentTemplates.Load(template);
        foreach (var calendar in commitment.Calendars.Values)
        {
            AssertSameCalendar(calendar, calendar.ToBuilder().Build());
        }

        if (commitment.Policy is { } policy)
        {
            var again = policy.ToBuilder().Build();
            Assert.NotSame(policy, again);
            Assert.Equal(PolicyDocument.Write(policy), PolicyDocument.Write(again));
            Assert.Equal(policy.Milestones, again.Milestones);
        }

        if (commitment.Warranty is { } warranty)
        {
            AssertSameWarranty(warranty, warranty.ToBuilder().Build());
        }

        foreach (var schedule in commitment.Schedules.Values)
        {
            AssertSameSchedule(schedule, schedule.ToBuilder().Build());
        }
    }

    [Theory]
    [InlineData(LevelChangeRule.Retroactive, false)]
    [InlineData(LevelChangeRule.FromChange, true)]
    public void ServicePolicy_WithEveryFeature_EvaluatesTicketsAlikeAfterToBuilder(LevelChangeRule rule, bool confirmedOnly)
    {
        var policy = RandomTickets.Policy(rule, confirmedOnly).ToBuilder().DeclareMilestone("eventOnly").Build();
        var again = policy.ToBuilder().Build();

        Assert.Equal(PolicyDocument.Write(policy), PolicyDocument.Write(again));
        Assert.Equal(policy.Milestones, again.Milestones);
        Assert.Equal(policy.Levels.Count, again.Levels.Count);
        Assert.Equal(policy.DefaultCalendar, again.DefaultCalendar);
        Assert.Equal(policy.Calendars.OrderBy(p => p.Key, StringComparer.Ordinal), again.Calendars.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(policy.Rows, again.Rows);
        Assert.Equal(rule, again.LevelChange);
        Assert.Equal(confirmedOnly, again.ConfirmedEventsOnly);
        for (int seed = 0; seed < 300; seed++)
        {
            var (ticket, asOf) = RandomTickets.Make(seed);
            Assert.Equal(Describe(policy.Evaluate(ticket, asOf)), Describe(again.Evaluate(ticket, asOf)));
        }
    }

    [Fact]
    public void ServicePolicy_ToBuilder_IsIndependentOfTheOriginal()
    {
        var policy = RandomTickets.Policy();
        var builder = policy.ToBuilder();
        builder.ConfirmedEventsOnly = true;
        builder.DeclareMilestone("another");
        var changed = builder.Build();
        Assert.False(policy.ConfirmedEventsOnly);
        Assert.DoesNotContain("another", policy.Milestones);
        Assert.Contains("another", changed.Milestones);
    }

    [Fact]
    public void WarrantyPolicy_FromStatutoryRuleSet_DecidesClaimsAlikeAfterToBuilder()
    {
        var policy = WarrantyRuleSets.Load("cn-sanbao-1995");
        AssertSameWarranty(policy, policy.ToBuilder().Build());
    }

    public static TheoryData<int> ScheduleShapes() => new([0, 1, 2]);

    [Theory]
    [MemberData(nameof(ScheduleShapes))]
    public void InspectionSchedule_WithEveryOption_PlansAlikeAfterToBuilder(int shape)
    {
        var schedule = RichSchedule(shape);
        var again = schedule.ToBuilder().Build();
        Assert.NotSame(schedule, again);
        AssertSameSchedule(schedule, again);
    }

    [Fact]
    public void InspectionSchedule_ToBuilder_IsIndependentOfTheOriginal()
    {
        var schedule = RichSchedule(0);
        var builder = schedule.ToBuilder();
        builder.AddQuota(1, PeriodGrid.CalendarYears);
        builder.IncludeAnchor = false;
        var changed = builder.Build();
        Assert.Equal(2, schedule.Quotas.Count);
        Assert.Equal(3, changed.Quotas.Count);
        Assert.True(schedule.IncludesAnchor);
    }

    private static InspectionSchedule RichSchedule(int shape)
    {
        var builder = new InspectionScheduleBuilder("acceptance")
        {
            MonthEnd = MonthEndRule.Forward,
            IncludeAnchor = shape == 0,
            OnTimeRule = shape == 1 ? OnTimeRule.TenPercentOfInterval : new OnTimeRule(Allowance.CalendarDays(7), Allowance.WorkingDays(3)),
            ShiftFactors = shape == 2 ? ShiftFactors.Floating : new ShiftFactors(0.5m, 0.25m),
            Notice = NoticeLeadTime.WorkingDays(3),
        };
        if (shape == 2)
        {
            builder.Once(Period.FromWeeks(2));
        }
        else
        {
            builder.AddPhase(ScheduleStep.Months(1), Period.FromMonths(3)).AddPhase(ScheduleStep.Months(3));
        }

        if (shape == 0)
        {
            builder.Until(Period.FromYears(2)).LimitCount(9);
        }
        else if (shape == 1)
        {
            builder.UntilDate(new LocalDate(2026, 12, 31));
        }

        return builder
            .AlignTo(Office, shape == 1 ? AlignMove.NearestWorkingDayInPeriod : AlignMove.NextWorkingDay, shape == 1 ? PeriodGrid.ContractMonths : null)
            .AddFollowUp("report", ServiceTarget.WorkingDays(5))
            .AddFollowUp("invoice", ServiceTarget.CalendarDays(10), BusinessCalendar.AlwaysOpen(Shanghai))
            .AddQuota(1, PeriodGrid.ContractMonths, length: Period.FromMonths(3))
            .AddQuota(4, PeriodGrid.CalendarYears, from: Period.FromMonths(3))
            .Build();
    }

    private static void AssertSameCalendar(BusinessCalendar calendar, BusinessCalendar again)
    {
        Assert.NotSame(calendar, again);
        Assert.Equal(CalendarDocument.Write(calendar), CalendarDocument.Write(again));
        var start = Instant.FromUtc(2024, 1, 1, 0, 0);
        for (int hour = 0; hour < 24 * 400; hour += 7)
        {
            var instant = start + Duration.FromHours(hour);
            var date = instant.InUtc().Date;
            Assert.Equal(calendar.IsWorkingDay(date), again.IsWorkingDay(date));
            Assert.Equal(calendar.IsWorkingTime(instant), again.IsWorkingTime(instant));
            Assert.Equal(calendar.AddWorkingTime(instant, Duration.FromHours(13)), again.AddWorkingTime(instant, Duration.FromHours(13)));
            Assert.Equal(calendar.AddWorkingDays(instant, 3), again.AddWorkingDays(instant, 3));
        }
    }

    private static void AssertSameWarranty(WarrantyPolicy warranty, WarrantyPolicy again)
    {
        Assert.NotSame(warranty, again);
        Assert.Equal(WarrantyDocument.Write(warranty), WarrantyDocument.Write(again));
        string[] events = ["acceptanceSigned", "acceptance", "delivery", "purchase", "received", "invoice"];
        foreach (var component in new[] { ComponentClass.Hardware, ComponentClass.Software, ComponentClass.WholeDelivery, ComponentClass.Of("tv") })
        {
            var start = new LocalDate(2024, 3, 1);
            var asset = new Asset(component, events.Select(e => new KeyValuePair<string, LocalDate>(e, start)))
                .WithRepair(new RepairRecord(start.PlusMonths(2), "screen"))
                .WithRepair(new RepairRecord(start.PlusMonths(4), "screen"));
            foreach (var request in Enum.GetValues<ClaimRequest>())
            {
                for (int days = 0; days < 4000; days += 37)
                {
                    var claim = new Claim(Instant.FromUtc(2024, 3, 1, 2, 0) + Duration.FromDays(days), request, "screen");
                    Assert.Equal(warranty.Decide(asset, claim).ToString(), again.Decide(asset, claim).ToString());
                }
            }
        }
    }

    private static void AssertSameSchedule(InspectionSchedule schedule, InspectionSchedule again)
    {
        Assert.Equal(ScheduleDocument.Write(schedule), ScheduleDocument.Write(again));
        var anchor = new LocalDate(2024, 1, 31);
        var plan = schedule.Anchor(anchor);
        var planAgain = again.Anchor(anchor);
        var to = anchor.PlusMonths(20);
        Assert.Equal(plan.Occurrences(anchor, to), planAgain.Occurrences(anchor, to));
        var visits = plan.Occurrences(anchor, to).Select(o => o.Due.PlusDays(1)).Where(d => d <= to).ToList();
        var report = plan.Evaluate(visits, to);
        var reportAgain = planAgain.Evaluate(visits, to);
        Assert.Equal(report.Entries.Select(e => $"{e} {string.Join(",", e.FollowUps)}"), reportAgain.Entries.Select(e => $"{e} {string.Join(",", e.FollowUps)}"));
        Assert.Equal(report.Extras.Select(e => e.ToString()), reportAgain.Extras.Select(e => e.ToString()));
        Assert.Equal(report.NextDue, reportAgain.NextDue);
        Assert.Equal(
            plan.EvaluateQuotas(visits, to).Select(q => q.ToString()),
            planAgain.EvaluateQuotas(visits, to).Select(q => q.ToString()));
        foreach (var (duty, dutyAgain) in schedule.FollowUps.Zip(again.FollowUps))
        {
            Assert.Equal(plan.GetFollowUpDue(duty, anchor.PlusDays(40)), planAgain.GetFollowUpDue(dutyAgain, anchor.PlusDays(40)));
        }
    }

    private static string Describe(TicketEvaluation evaluation) => string.Join("\n", evaluation.Milestones.Select(m =>
        $"{m.Milestone} {m.Status} {m.Row} {m.Start} {m.Due} {m.Event} {m.Remaining} {string.Join(",", m.Warnings)}"));
}
