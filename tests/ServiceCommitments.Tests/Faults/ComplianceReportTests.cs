using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Faults;
using Xunit;
using static ServiceCommitments.Tests.Calendars.CalendarTestSupport;
using static ServiceCommitments.Tests.Faults.PolicyTestSupport;

namespace ServiceCommitments.Tests.Faults;

/// <summary>
/// docs/policies.md, Compliance (D2.22): groups by the level in force at asOf, milestone and the period of the report's
/// local date; counts, shareMet, and nearest-rank median and p90 of the time from the clock's start to the event.
/// </summary>
public sealed class ComplianceReportTests
{
    // First response within 30 minutes; restored within 2 hours of the first response; on site within 4 hours at level 1.
    private static readonly ServicePolicy Policy = PolicyTestSupport.Policy(
        Elapsed(Milestones.FirstResponse, "PT30M"),
        Elapsed(Milestones.Restored, "PT2H").CountingFrom(Milestones.FirstResponse),
        Elapsed(Milestones.OnSite, "PT4H").ForLevels(1));

    private static readonly Instant AsOf = At("2024-07-15 00:00");

    private static Ticket T(string reported, int level, int? firstResponseAfter, int? restoredAfter)
    {
        var ticket = NewTicket(reported, level);
        if (firstResponseAfter is { } fr)
        {
            var responded = At(reported) + Duration.FromMinutes(fr);
            ticket = ticket.WithEvent(Milestones.FirstResponse, responded);
            if (restoredAfter is { } r)
            {
                ticket = ticket.WithEvent(Milestones.Restored, responded + Duration.FromMinutes(r));
            }
        }

        return ticket;
    }

    private static readonly Ticket[] Tickets =
    [
        // June, level 1: first responses after 10, 20, 30 (met), 40 and 50 minutes (breached).
        T("2024-06-03 09:00", 1, 10, 60), // restored after 1 h: met
        T("2024-06-05 09:00", 1, 20, 180), // 3 h: breached
        T("2024-06-10 09:00", 1, 30, null), // never: breached without an event
        T("2024-06-12 09:00", 1, 40, 90), // 1.5 h: met
        T("2024-06-30 23:50", 1, 50, null), // the last ten minutes of June in Shanghai (15:50 UTC)
        // July, level 2: after 5, 15, 25 (met) and 35 minutes (breached), and one still pending at asOf.
        T("2024-07-01 09:00", 2, 5, 60),
        T("2024-07-02 09:00", 2, 15, 60),
        T("2024-07-03 09:00", 2, 25, 60),
        T("2024-07-10 09:00", 2, 35, 60),
        T("2024-07-14 23:50", 2, null, null),
    ];

    [Fact]
    public void Month_CountsSharesAndNearestRankPercentiles()
    {
        var report = ComplianceReport.Create(Policy, Tickets, AsOf, CompliancePeriod.Month, Shanghai);
        Assert.Equal(AsOf, report.AsOf);
        Assert.Equal(CompliancePeriod.Month, report.Period);
        Assert.Equal(Shanghai, report.Zone);

        // Five times, odd: the median is the 3rd smallest (⌈2.5⌉), p90 the 5th (⌈4.5⌉).
        var june = report.Find(1, Milestones.FirstResponse, "2024-06")!;
        Assert.Equal((5, 3, 2, 0, 0), (june.Count, june.Met, june.Breached, june.Pending, june.Waiting));
        Assert.Equal(0.6, june.ShareMet);
        Assert.Equal(Duration.FromMinutes(30), june.Median);
        Assert.Equal(Duration.FromMinutes(50), june.Percentile90);
        Assert.Equal(new LocalDate(2024, 6, 1), june.PeriodStart);

        // Restored counts from the first response; two breaches had no event, so three times: 1 h, 1.5 h, 3 h.
        var restored = report.Find(1, Milestones.Restored, "2024-06")!;
        Assert.Equal((5, 2, 3), (restored.Count, restored.Met, restored.Breached));
        Assert.Equal(0.4, restored.ShareMet);
        Assert.Equal(Duration.FromMinutes(90), restored.Median);
        Assert.Equal(Duration.FromHours(3), restored.Percentile90);

        // Four times, even: the median is the 2nd smallest (⌈2⌉), p90 the 4th (⌈3.6⌉); pending counts but has no time.
        var july = report.Find(2, Milestones.FirstResponse, "2024-07")!;
        Assert.Equal((5, 3, 1, 1, 0), (july.Count, july.Met, july.Breached, july.Pending, july.Waiting));
        Assert.Equal(0.75, july.ShareMet);
        Assert.Equal(Duration.FromMinutes(15), july.Median);
        Assert.Equal(Duration.FromMinutes(35), july.Percentile90);

        var julyRestored = report.Find(2, Milestones.Restored, "2024-07")!;
        Assert.Equal((5, 4, 0, 0, 1), (julyRestored.Count, julyRestored.Met, julyRestored.Breached, julyRestored.Pending, julyRestored.Waiting));
        Assert.Equal(Duration.FromHours(1), julyRestored.Median);

        // onSite applies only at level 1: no row for level 2; level 1's five are all breached, none with an event.
        Assert.Null(report.Find(2, Milestones.OnSite, "2024-07"));
        var onSite = report.Find(1, Milestones.OnSite, "2024-06")!;
        Assert.Equal((5, 0, 5), (onSite.Count, onSite.Met, onSite.Breached));
        Assert.Equal(0.0, onSite.ShareMet);
        Assert.Null(onSite.Median);
        Assert.Null(onSite.Percentile90);

        // Ordered by period, level and the policy's milestone order.
        Assert.Equal(
            ["2024-06 1 firstResponse", "2024-06 1 restored", "2024-06 1 onSite", "2024-07 2 firstResponse", "2024-07 2 restored"],
            report.Rows.Select(r => $"{r.Period} {r.Level} {r.Milestone}"));
    }

    [Fact]
    public void Quarter_GroupsThreeMonths_AndTheZoneDecidesTheReportsDate()
    {
        var quarters = ComplianceReport.Create(Policy, Tickets, AsOf, CompliancePeriod.Quarter, Shanghai);
        Assert.Equal(5, quarters.Find(1, Milestones.FirstResponse, "2024-Q2")!.Count);
        Assert.Equal(5, quarters.Find(2, Milestones.FirstResponse, "2024-Q3")!.Count);
        Assert.Equal(new LocalDate(2024, 4, 1), quarters.Find(1, Milestones.FirstResponse, "2024-Q2")!.PeriodStart);

        // In UTC the report of 30 June 23:50 in Shanghai is still June; so is 14 July 23:50 (15:50 UTC).
        var utc = ComplianceReport.Create(Policy, Tickets, AsOf, CompliancePeriod.Month, DateTimeZone.Utc);
        Assert.Equal(5, utc.Find(1, Milestones.FirstResponse, "2024-06")!.Count);

        // 1 October 00:30 in Shanghai is 30 September in UTC: Q4 in Shanghai, Q3 in UTC.
        var boundary = new[] { T("2024-09-30 23:30", 3, 10, 10), T("2024-10-01 00:30", 3, 10, 10) };
        var shanghai = ComplianceReport.Create(Policy, boundary, At("2024-10-02 00:00"), CompliancePeriod.Quarter, Shanghai);
        Assert.Equal(1, shanghai.Find(3, Milestones.FirstResponse, "2024-Q3")!.Count);
        Assert.Equal(1, shanghai.Find(3, Milestones.FirstResponse, "2024-Q4")!.Count);
        var inUtc = ComplianceReport.Create(Policy, boundary, At("2024-10-02 00:00"), CompliancePeriod.Quarter, DateTimeZone.Utc);
        Assert.Equal(2, inUtc.Find(3, Milestones.FirstResponse, "2024-Q3")!.Count);
        Assert.Null(inUtc.Find(3, Milestones.FirstResponse, "2024-Q4"));
    }

    [Fact]
    public void ATicketCountsAtTheLevelInForceAtAsOf()
    {
        // Reported at level 2, upgraded to 1 before asOf; another upgraded only after asOf.
        var upgraded = T("2024-06-03 09:00", 2, 10, 10).WithLevelChange(At("2024-06-03 09:05"), 1);
        var later = T("2024-06-04 09:00", 2, 10, 10).WithLevelChange(At("2024-07-20 00:00"), 1);
        var report = ComplianceReport.Create(Policy, [upgraded, later], AsOf, CompliancePeriod.Month, Shanghai);

        Assert.Equal(1, report.Find(1, Milestones.FirstResponse, "2024-06")!.Count);
        Assert.Equal(1, report.Find(1, Milestones.OnSite, "2024-06")!.Count); // level 1 has onSite
        Assert.Equal(1, report.Find(2, Milestones.FirstResponse, "2024-06")!.Count);
        Assert.Null(report.Find(2, Milestones.OnSite, "2024-06"));
    }

    [Theory]
    // Nearest rank: the ⌈p/100 · n⌉-th smallest of 1..n minutes.
    [InlineData(1, 1, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(3, 2, 3)]
    [InlineData(9, 5, 9)]
    [InlineData(10, 5, 9)]
    [InlineData(11, 6, 10)]
    [InlineData(20, 10, 18)]
    [InlineData(100, 50, 90)]
    public void Percentiles_AreByNearestRank(int n, int median, int p90)
    {
        var tickets = Enumerable.Range(1, n).Select(i => T("2024-06-03 09:00", 3, i, null)).Reverse().ToList();
        var row = ComplianceReport.Create(Policy, tickets, AsOf, CompliancePeriod.Month, Shanghai).Find(3, Milestones.FirstResponse, "2024-06")!;
        Assert.Equal(Duration.FromMinutes(median), row.Median);
        Assert.Equal(Duration.FromMinutes(p90), row.Percentile90);
    }

    [Fact]
    public void NothingDecided_HasNoShareAndNoTimes()
    {
        var report = ComplianceReport.Create(Policy, [T("2024-07-14 23:50", 4, null, null)], AsOf, CompliancePeriod.Month, Shanghai);
        var row = report.Find(4, Milestones.FirstResponse, "2024-07")!;
        Assert.Equal((1, 1), (row.Count, row.Pending));
        Assert.Null(row.ShareMet);
        Assert.Null(row.Median);
        Assert.Empty(ComplianceReport.Create(Policy, [], AsOf, CompliancePeriod.Month, Shanghai).Rows);
        Assert.Equal("2024-07 level 4 firstResponse: 1 (0 met, 0 breached, 1 pending, 0 waiting)", row.ToString());
    }

    [Fact]
    public void BadArguments_AreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => ComplianceReport.Create(null!, Tickets, AsOf, CompliancePeriod.Month, Shanghai));
        Assert.Throws<ArgumentNullException>(() => ComplianceReport.Create(Policy, null!, AsOf, CompliancePeriod.Month, Shanghai));
        Assert.Throws<ArgumentNullException>(() => ComplianceReport.Create(Policy, Tickets, AsOf, CompliancePeriod.Month, null!));
        Assert.Throws<ArgumentException>(() => ComplianceReport.Create(Policy, Tickets, AsOf, (CompliancePeriod)7, Shanghai));
        Assert.Throws<ArgumentException>(() => ComplianceReport.Create(Policy, new List<Ticket> { NewTicket("2024-06-03 09:00", 5) }, AsOf, CompliancePeriod.Month, Shanghai));
    }
}
