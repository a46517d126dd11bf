using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Targets;
using ServiceCommitments.Warranty;
using Xunit;
using static ServiceCommitments.Tests.Warranty.W;

namespace ServiceCommitments.Tests.Warranty;

/// <summary>Every bad input is a clear exception naming the field, the value and the rule; nothing is clamped.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void Build_ListsEveryProblemOfTheTerms_InOneException()
    {
        var builder = new WarrantyPolicyBuilder(Shanghai)
            .AddTerm(WarrantyTerm.For("a", Period.FromHours(3)).From(WarrantyStart.On("purchase")))
            .AddTerm(WarrantyTerm.For("b", Period.Zero).From(WarrantyStart.On("purchase")))
            .AddTerm(WarrantyTerm.For("c", Period.FromMonths(-1)).From(WarrantyStart.On("purchase")))
            .AddTerm(WarrantyTerm.For("d", Period.FromYears(10_001)).From(WarrantyStart.On("purchase")))
            .AddTerm(WarrantyTerm.For("e", Period.FromYears(1)))
            .AddTerm(WarrantyTerm.For("f", Period.FromYears(1)).From(WarrantyStart.EarliestOf("acceptance", "acceptance", "")))
            .AddTerm(WarrantyTerm.For("a", Period.FromYears(1)).From(WarrantyStart.On("purchase")))
            .AddTerm(WarrantyTerm.For(" g", Period.FromYears(1)).From(WarrantyStart.On("purchase")))
            .AddTerm(WarrantyTerm.For("h", Period.FromYears(1)).From(WarrantyStart.On("purchase"))
                .WithUsageLimit("km", 0).WithShare(CostType.Travel, 1.5m).WithShare(CostType.Parts, 1, Period.Zero)
                .ExtendedAfterRepair(Period.FromDays(-1)).WithPresumption(Period.FromHours(1))
                .Covering(ComponentClass.Hardware, ComponentClass.Hardware));

        var error = Assert.Throws<ValidationException>(() => builder.Build());

        Assert.Equal("warranty policy", error.Subject);
        Assert.Equal(
            [
                "term 'a': found PT3H; a term's period counts years, months, weeks and days only; it has a time part",
                "term 'b': found P0D; a term's period must be at least one day long",
                "term 'c': found P-1M; a term's period must not have a negative part",
                "term 'd': found P10001Y; a term's period must be at most 10,000 years long",
                "term 'e': term 'e' needs a start: the asset date it counts from, such as acceptance",
                "term 'f'[1]: found \"acceptance\"; a date may be named once in a start",
                "term 'f'[2]: found \"\"; a date name is not empty",
                "term 'a': found \"a\"; a term id is unique in a policy; term 'a' has it too",
                "term ' g': found \" g\"; a term id is not empty and has no leading or trailing white space",
                "term 'h'[1]: found \"hardware\"; a component class may be named once in a term",
                "term 'h': found 0; a usage limit is above 0",
                "term 'h': found 1.5; a share is the supplier's part of a cost, from 0 (the customer pays all) to 1 (free)",
                "term 'h': found P0D; a share's period must be at least one day long",
                "term 'h': found P-1D; a repair extension must not have a negative part",
                "term 'h': found PT1H; a presumption period counts years, months, weeks and days only; it has a time part",
            ],
            error.Problems.Select(p => p.ToString()));
        Assert.Equal(15, error.ProblemCount);
        Assert.StartsWith("The warranty policy is not valid (15 problems):\n  - term 'a': found PT3H;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ReportsRulesWindowsAndDeadlines()
    {
        var builder = new WarrantyPolicyBuilder(Shanghai)
            .AddTerm(Term("sanbao", "P1Y", "invoice"))
            .AddTerm(Term("support", "P1Y", "invoice").OfKind(WarrantyTermKind.TechnicalSupport))
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(0).Giving(Remedy.Return).Within("sanbo"))
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(2).Within("support"))
            .AddRepairTimeRule(RepairTimeRule.MoreThanDays(0).Giving(Remedy.Repair))
            .AddWindow(RemedyWindow.ReturnOnFailure(ServiceTarget.WorkingDays(7), WarrantyStart.On("purchase")))
            .AddWindow(RemedyWindow.ReturnOnFailure(ServiceTarget.OfPeriod(Period.FromDays(7)), WarrantyStart.On("purchase")).OnCalendar("office").ForProblems("a", "a"))
            .SetRemedyDeadline(Remedy.PaidService, ServiceTarget.Elapsed(Duration.FromHours(1)))
            .SetRemedyDeadline(Remedy.Repair, ServiceTarget.WorkingTime(Duration.FromHours(8)));
        builder.PaidService = new PaidServiceTerms(-1, false, false);

        var error = Assert.Throws<ValidationException>(() => builder.Build());

        Assert.Equal(
            [
                "repeat-failure rule: found 0; a repeat-failure rule counts 1 to 1,000 repairs",
                "repeat-failure rule: found Return; a repeat-failure rule gives a replacement or an exchange",
                "repeat-failure rule: found \"sanbo\"; expected the id of a term of the policy: sanbao, support",
                "repeat-failure rule: found \"support\"; a rule applies within a coverage term; this one is of another kind",
                "repair-time rule: found 0; a repair-time rule allows 1 to 36,500 days",
                "repair-time rule: found Repair; a repair-time rule gives a replacement or an exchange",
                "returnOnFailure window: found within 7 working days; this target counts on a business calendar (working time, working days, the holiday rule or a cut-off); name one",
                "returnOnFailure window[1]: found \"a\"; a problem code may be named once in a window",
                "returnOnFailure window: found \"office\"; expected the name of a calendar of the policy: (the policy has none)",
                "deadline of paidService: found paidService; a deadline belongs to the remedy repair, replacement, exchange or return",
                "deadline of repair: found within 8 working hours; this target counts on a business calendar (working time, working days, the holiday rule or a cut-off); name one",
                "paid service: found -1; a visit fee is 0 or more",
            ],
            error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Build_RejectsAPolicyWithNeitherTermNorWindow()
    {
        var error = Assert.Throws<ValidationException>(() => new WarrantyPolicyBuilder(Shanghai).Build());
        Assert.Equal("terms: a warranty policy needs at least one term or one return or exchange window", error.Problems.Single().ToString());
    }

    [Fact]
    public void Builder_ReplacesAndRemovesTerms_AndRejectsUnknownOnes()
    {
        var builder = new WarrantyPolicyBuilder(Shanghai).AddTerm(Term("a", "P1Y", "purchase")).AddTerm(Term("b", "P1Y", "purchase"));
        builder.ReplaceTerm(Term("a", "P2Y", "purchase")).RemoveTerm("b");
        Assert.Equal(Period.FromYears(2), builder.Build().GetTerm("a").Period);
        Assert.Throws<ArgumentException>(() => builder.ReplaceTerm(Term("z", "P1Y", "purchase")));
        Assert.Throws<ArgumentException>(() => builder.RemoveTerm("b"));
        Assert.Throws<ArgumentNullException>(() => builder.AddTerm(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddCalendar("x", null!));
        Assert.Throws<ArgumentNullException>(() => builder.UseBuiltInExclusions(null!));
        Assert.Throws<ArgumentNullException>(() => new WarrantyPolicyBuilder((DateTimeZone)null!));
    }

    [Fact]
    public void ToBuilder_BuildsAnEqualPolicy_ThatCanBeChanged()
    {
        var office = BusinessCalendar.FiveByEight(Shanghai, HolidaySets.ChinaMainland);
        var policy = new WarrantyPolicyBuilder(Shanghai) { ReplacementOnRequest = true, NewPartsOnly = true, PaidService = new PaidServiceTerms(100, true, true) }
            .AddTerm(Term("a", "P1Y", "purchase"))
            .AddCalendar("office", office)
            .SetRemedyDeadline(Remedy.Repair, ServiceTarget.WorkingDays(2), "office")
            .UseBuiltInExclusions("disaster")
            .AddExclusion(Exclusion.Define("water", ExclusionConsequence.NotCovered, "", "liquid"))
            .AddRepeatFailureRule(RepeatFailureRule.AfterRepairs(3))
            .Build();

        var copy = policy.ToBuilder().Build();
        var changed = policy.ToBuilder().ReplaceTerm(policy.GetTerm("a").WithPeriod(Period.FromYears(3))).Build();

        Assert.Equal(policy.ToString(), copy.ToString());
        Assert.Equal(policy.Exclusions.Select(e => e.Id), copy.Exclusions.Select(e => e.Id));
        Assert.Equal(policy.RemedyDeadlines, copy.RemedyDeadlines);
        Assert.True(copy.ReplacementOnRequest);
        Assert.Equal(policy.PaidService, copy.PaidService);
        Assert.Equal(Period.FromYears(3), changed.GetTerm("a").Period);
        Assert.Equal(Period.FromYears(1), policy.GetTerm("a").Period);
    }

    [Fact]
    public void Asset_ListsEveryProblem_InOneException()
    {
        var error = Assert.Throws<ValidationException>(() => new Asset(
            ComponentClass.Of("hardware"),
            dates: [new(" x", D("2024-01-01")), new("acceptance", new LocalDate(9999, 1, 1)), new("y", new LocalDate(2024, 1, 1, CalendarSystem.Julian))],
            repairs: [new RepairRecord(D("2024-02-01"), "", Returned: D("2024-01-31")), new RepairRecord(D("2024-02-01"), "E", (RepairOutcome)7)],
            readings: [new UsageReading(D("2024-03-01"), "km", 100), new UsageReading(D("2024-04-01"), "km", 90), new UsageReading(D("2024-04-01"), " ", -1)],
            maintenanceContracts: [new MaintenanceContract(D("2024-05-01"), D("2024-04-30"))],
            bidPrice: -5));

        Assert.Equal("asset", error.Subject);
        Assert.Equal(
            [
                "dates[' x']: found \" x\"; a date name is not empty and has no leading or trailing white space",
                "dates['acceptance']: found 9999-01-01; a date lies in the years 1-9998",
                "dates['y']: found 2024-01-01 (Julian); a date is in the ISO calendar",
                "repairs[0]: a repair names its problem code",
                "repairs[0]: found 2024-02-01 returned 2024-01-31; a repair is returned on or after its date",
                "repairs[1]: found 7; expected the outcome fixed, notFixed or impossible",
                "readings[2]: found \" \"; a reading names its quantity, such as km or hours",
                "readings[2]: found -1; a reading is 0 or more",
                "readings[1]: found 90 km on 2024-04-01; readings never go back: 100 km was read on 2024-03-01",
                "maintenanceContracts[0]: found 2024-05-01 to 2024-04-30; a maintenance contract ends on or after the day it starts",
                "bidPrice: found -5; a bid price is 0 or more",
            ],
            error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Asset_RejectsADefaultComponentAndANameGivenTwice()
    {
        var error = Assert.Throws<ValidationException>(() => new Asset(default, [new("a", D("2024-01-01")), new("a", D("2024-01-02"))]));
        Assert.Equal(
            ["component: found \"\"; an asset needs a component class: a name such as hardware, not empty, without leading or trailing white space", "dates['a']: found \"a\"; a date may be given once"],
            error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Asset_KeepsItsHistoryByDate_AndWithMethodsLeaveItUnchanged()
    {
        var asset = new Asset(ComponentClass.Hardware, repairs: [Repair("2024-05-01", "B"), Repair("2024-03-01", "A"), Repair("2024-05-01", "C")], replacements: [D("2025-01-01"), D("2024-06-01")]);
        var more = asset.WithRepair(Repair("2024-01-01", "Z")).WithDate("purchase", D("2023-12-01")).WithDate("purchase", D("2023-12-02"));

        Assert.Equal(["A", "B", "C"], asset.Repairs.Select(r => r.Problem));
        Assert.Equal([D("2024-06-01"), D("2025-01-01")], asset.Replacements.AsEnumerable());
        Assert.Equal(["Z", "A", "B", "C"], more.Repairs.Select(r => r.Problem));
        Assert.Empty(asset.Dates);
        Assert.Equal(D("2023-12-02"), more.Dates["purchase"]);
        Assert.Throws<ValidationException>(() => asset.WithReading(new UsageReading(D("2024-01-01"), "km", -1)));
        Assert.Throws<ArgumentException>(() => ComponentClass.Of(""));
        Assert.Throws<ArgumentNullException>(() => ComponentClass.Of(null!));
    }

    [Fact]
    public void Claim_ListsEveryProblem_InOneException()
    {
        var error = Assert.Throws<ValidationException>(() => new Claim(
            Instant.FromUnixTimeTicks(0) + Duration.FromNanoseconds(1),
            (ClaimRequest)9,
            problem: "",
            causes: ["fire", "fire", ""],
            received: Instant.FromUnixTimeTicks(-10),
            usage: [new("km", -1), new("km", 5)]));

        Assert.Equal("claim", error.Subject);
        Assert.Equal(
            [
                "at: found 1970-01-01T00:00:00Z; an instant is a whole number of ticks (100 ns)",
                "request: found 9; expected the request repair, replacement, exchange, return, technicalSupport, upgrade or spareParts",
                "problem: found \"\"; a problem code is not empty; give none for a claim without a problem",
                "causes[1]: found \"fire\"; a cause may be stated once",
                "causes[2]: found \"\"; a cause is not empty",
                "received: found 1969-12-31T23:59:59Z; the product is received at or after the claim (1970-01-01T00:00:00Z)",
                "usage['km']: found -1; a reading is 0 or more",
                "usage['km']: found \"km\"; a quantity may be read once in a claim",
            ],
            error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Term_And_Rules_RejectNullArguments()
    {
        var term = WarrantyTerm.For("t", Period.FromYears(1));
        Assert.Throws<ArgumentNullException>(() => WarrantyTerm.For(null!, Period.FromYears(1)));
        Assert.Throws<ArgumentNullException>(() => WarrantyTerm.For("t", null!));
        Assert.Throws<ArgumentNullException>(() => term.From(null!));
        Assert.Throws<ArgumentNullException>(() => term.Covering(null!));
        Assert.Throws<ArgumentNullException>(() => term.WithUsageLimit(null!, 1));
        Assert.Throws<ArgumentNullException>(() => term.ExtendedAfterRepair(null!));
        Assert.Throws<ArgumentNullException>(() => WarrantyStart.On(null!));
        Assert.Throws<ArgumentNullException>(() => WarrantyStart.EarliestOf("a", null!));
        Assert.Throws<ArgumentNullException>(() => RepeatFailureRule.AfterRepairs(2).Within(null!));
        Assert.Throws<ArgumentNullException>(() => RemedyWindow.ReturnOnFailure(default, null!));
        Assert.Throws<ArgumentNullException>(() => RemedyWindow.ReturnOnFailure(default, WarrantyStart.On("a")).ForProblems(null!));
    }

    [Fact]
    public void Term_DescribesItself()
    {
        Assert.Equal(
            "car: coverage of vehicle, 2 years or 50000 km (whichever comes first), from the day after the latest of invoice and delivery",
            WarrantyTerm.For("car", Period.FromYears(2)).Covering(ComponentClass.Of("vehicle")).WithUsageLimit("km", 50000)
                .From(WarrantyStart.LatestOf("invoice", "delivery")).ToString());
        Assert.Equal(
            "platform: coverage of every component, lifetime, from the day of acceptance",
            WarrantyTerm.ForLifetime("platform").From(WarrantyStart.On("acceptance")).CountingTheStartDay().ToString());
    }

    [Fact]
    public void Asset_RejectsMoreHistoryThanItMayRecord()
    {
        var error = Assert.Throws<ValidationException>(() => new Asset(
            ComponentClass.Hardware,
            repairs: Enumerable.Range(0, 10_001).Select(i => new RepairRecord(D("2024-01-01").PlusDays(i % 300), "E")),
            replacements: Enumerable.Range(0, 1_001).Select(i => D("2024-01-01").PlusDays(i))));
        Assert.Equal(
            [
                "repairs[10000]: found 10001 repairs; an asset records at most 10,000 repairs; the one at this place is the first beyond",
                "replacements[1000]: found 1001 replacements; an asset records at most 1,000 replacements; the one at this place is the first beyond",
            ],
            error.Problems.Select(p => p.ToString()));
    }
}
