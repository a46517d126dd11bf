using System.Linq;
using ServiceCommitments.Faults;
using Xunit;
using static ServiceCommitments.Faults.MilestoneStatus;
using static ServiceCommitments.Tests.Faults.PolicyTestSupport;

namespace ServiceCommitments.Tests.Faults;

/// <summary>
/// docs/policies.md, Choosing the row of a milestone: levels, <c>where</c> (a value or any of an array), the row
/// naming the most attributes wins, a row without <c>where</c> is "all other regions", no row is notApplicable.
/// </summary>
public sealed class RowChoiceTests
{
    // D2.4 and D2.5: on site, levels 1-2 in Beijing 2 h, other regions 24 h; levels 3-4 in Beijing 4 h, other regions 48 h.
    private static readonly ServicePolicy OnSiteByRegion = Policy(
        Elapsed(Milestones.OnSite, "PT2H").ForLevels(1, 2).WhereAttribute("region", "Beijing", "北京"),
        Elapsed(Milestones.OnSite, "PT24H").ForLevels(1, 2),
        Elapsed(Milestones.OnSite, "PT4H").ForLevels(3, 4).WhereAttribute("region", "Beijing", "北京"),
        Elapsed(Milestones.OnSite, "PT48H").ForLevels(3, 4));

    [Theory]
    // Reported 30 September 2024 20:00; elapsed time, so National Day counts.
    [InlineData(1, "Beijing", "2024-09-30 22:00")]
    [InlineData(2, "北京", "2024-09-30 22:00")] // any value of the array
    [InlineData(2, "Shanghai", "2024-10-01 20:00")] // all other regions (D1.13)
    [InlineData(1, null, "2024-10-01 20:00")] // no region at all: all other regions
    [InlineData(1, "beijing", "2024-10-01 20:00")] // values match exactly
    [InlineData(3, "Beijing", "2024-10-01 00:00")]
    [InlineData(4, "Guangzhou", "2024-10-02 20:00")]
    public void D2_4_D2_5_ARegionsRowBeatsAllOtherRegions(int level, string? region, string due)
    {
        var ticket = NewTicket("2024-09-30 20:00", level: level, attributes: region is null ? null : [("region", region)]);
        Assert.Equal(At(due), OnSiteByRegion.EvaluateOne(ticket, "2024-09-30 20:30", Milestones.OnSite).Due);
    }

    [Theory]
    // D1.12: within the city 4 h, outside it 8 h; an emergency 2 h wherever it is. The emergency row names two
    // attributes, so it beats the row naming the zone alone.
    [InlineData("city", null, "PT4H")]
    [InlineData("outside", null, "PT8H")]
    [InlineData("city", "emergency", "PT2H")]
    [InlineData("outside", "emergency", "PT2H")]
    [InlineData("outside", "routine", "PT8H")]
    [InlineData("island", "emergency", null)] // the emergency row names the zones it covers: none applies
    public void D1_12_TheRowNamingMoreAttributesWins(string zone, string? urgency, string? within)
    {
        var policy = Policy(
            Elapsed(Milestones.OnSite, "PT4H").WhereAttribute("zone", "city"),
            Elapsed(Milestones.OnSite, "PT2H").WhereAttribute("zone", "city", "outside").WhereAttribute("urgency", "emergency"),
            Elapsed(Milestones.OnSite, "PT8H").WhereAttribute("zone", "outside"));
        (string, string)[] attributes = urgency is null ? [("zone", zone)] : [("zone", zone), ("urgency", urgency)];
        var result = policy.EvaluateOne(NewTicket("2024-06-03 09:00", attributes: attributes), "2024-06-03 09:00", Milestones.OnSite);

        Assert.Equal(within is null ? NotApplicable : Pending, result.Status);
        Assert.Equal(within is null ? null : At("2024-06-03 09:00") + Iso(within), result.Due);
    }

    [Theory]
    // D1.14: on site by distance from the nearest office; beyond the bands the contract names, no promise.
    [InlineData("0-50km", "2024-06-03 13:00")]
    [InlineData("50-200km", "2024-06-03 17:00")]
    [InlineData("200km+", "2024-06-04 09:00")]
    [InlineData("overseas", null)]
    public void D1_14_DistanceBands(string band, string? due)
    {
        var policy = Policy(
            Elapsed(Milestones.OnSite, "PT4H").WhereAttribute("distance", "0-50km"),
            Elapsed(Milestones.OnSite, "PT8H").WhereAttribute("distance", "50-200km"),
            Elapsed(Milestones.OnSite, "PT24H").WhereAttribute("distance", "200km+"));
        var result = policy.EvaluateOne(NewTicket("2024-06-03 09:00", attributes: [("distance", band)]), "2024-06-03 09:00", Milestones.OnSite);
        Assert.Equal(ShOrNull(due), result.Due);
        Assert.Equal(due is null ? NotApplicable : Pending, result.Status);
    }

    [Theory]
    // D2.14: each support channel has its own response table per level; phone → remote → on site.
    [InlineData(1, "phone", "PT5M")]
    [InlineData(2, "phone", "PT15M")]
    [InlineData(1, "remote", "PT30M")]
    [InlineData(3, "remote", "PT2H")]
    [InlineData(1, "onSite", "PT2H")]
    [InlineData(4, "onSite", "PT8H")]
    [InlineData(2, "email", "P1D")] // a channel the table does not name: the row without where
    public void D2_14_ResponseTablesPerChannelAndLevel(int level, string channel, string within)
    {
        var policy = Policy(
            Elapsed(Milestones.FirstResponse, "PT5M").ForLevels(1).WhereAttribute("channel", "phone"),
            Elapsed(Milestones.FirstResponse, "PT15M").ForLevels(2, 3, 4).WhereAttribute("channel", "phone"),
            Elapsed(Milestones.FirstResponse, "PT30M").ForLevels(1, 2).WhereAttribute("channel", "remote"),
            Elapsed(Milestones.FirstResponse, "PT2H").ForLevels(3, 4).WhereAttribute("channel", "remote"),
            Elapsed(Milestones.FirstResponse, "PT2H").ForLevels(1, 2, 3).WhereAttribute("channel", "onSite"),
            Elapsed(Milestones.FirstResponse, "PT8H").ForLevels(4).WhereAttribute("channel", "onSite"),
            Elapsed(Milestones.FirstResponse, "P1D"));
        var result = policy.EvaluateOne(NewTicket("2024-10-07 23:00", level: level, attributes: [("channel", channel)]), "2024-10-07 23:00", Milestones.FirstResponse);
        Assert.Equal(At("2024-10-07 23:00") + Iso(within), result.Due);
    }

    [Fact]
    public void NoRowForTheLevel_IsNotApplicable_AndTheRowThatAppliedIsReported()
    {
        var result = OnSiteByRegion.Evaluate(NewTicket("2024-06-03 09:00", level: 1, attributes: [("region", "北京")]), At("2024-06-03 09:00"));
        var row = result[Milestones.OnSite].Row!;
        Assert.Same(OnSiteByRegion.Rows[0], row);
        Assert.Equal([1, 2], row.Levels);
        Assert.Equal(["Beijing", "北京"], row.Where["region"]);
        Assert.Equal("onSite, levels 1,2, where region is Beijing or 北京: within 2 hours", row.ToString());

        var onlyLevel1 = Policy(Elapsed(Milestones.OnSite, "PT2H").ForLevels(1));
        Assert.Equal(NotApplicable, onlyLevel1.EvaluateOne(NewTicket("2024-06-03 09:00", level: 2), "2024-06-03 09:00", Milestones.OnSite).Status);
        Assert.Equal(Pending, onlyLevel1.EvaluateOne(NewTicket("2024-06-03 09:00", level: 1), "2024-06-03 09:00", Milestones.OnSite).Status);
        Assert.Empty(Policy().Evaluate(NewTicket("2024-06-03 09:00"), At("2024-06-03 09:00")).Milestones);
        Assert.Equal(Milestones.OnSite, OnSiteByRegion.Milestones.Single());
    }
}
