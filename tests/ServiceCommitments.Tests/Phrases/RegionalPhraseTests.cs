using System;
using NodaTime;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using Xunit;

namespace ServiceCommitments.Tests.Phrases;

/// <summary>A target that differs by region, written as commitments write it (市内4小时 市外8小时): one row per region.</summary>
public sealed class RegionalPhraseTests
{
    private static readonly Instant Reported = Instant.FromUtc(2024, 6, 3, 2, 0);

    private static ServicePolicy Policy(string within) =>
        PolicyDocument.Parse($$"""{ "policy": { "targets": [ { "milestone": "onSite", "within": "{{within}}" } ] } }""");

    private static Instant? Due(ServicePolicy policy, string? region) =>
        policy.Evaluate(new Ticket(Reported, 1, attributes: region is null ? null : [new("region", region)]), Reported)["onSite"].Due;

    [Theory]
    [InlineData("市内4小时,市外8小时", "市内", 4, 8)]
    [InlineData("市内4小时 市外8小时", "市内", 4, 8)]
    [InlineData("市内4小时，市外8小时", "市内", 4, 8)]
    [InlineData("北京市2小时内,其他地区24小时内", "北京市", 2, 24)]
    [InlineData("北京市2小时内 其他地区24小时内", "北京市", 2, 24)]
    [InlineData("Beijing within 2 hours, elsewhere within 24 hours", "Beijing", 2, 24)]
    public void ARegionalPhrase_IsARowPerRegion_AndOneForEveryOtherRegion(string within, string region, int inRegion, int elsewhere)
    {
        var policy = Policy(within);

        Assert.Equal(2, policy.Rows.Count);
        Assert.Equal(Reported + Duration.FromHours(inRegion), Due(policy, region));
        Assert.Equal(Reported + Duration.FromHours(elsewhere), Due(policy, "somewhere else"));
        Assert.Equal(Reported + Duration.FromHours(elsewhere), Due(policy, null));
    }

    [Fact]
    public void TwoNamedRegions_WithoutElsewhere_LeaveOtherRegionsWithoutATarget()
    {
        var policy = Policy("市内4小时,郊县6小时");

        Assert.Equal(Reported + Duration.FromHours(6), Due(policy, "郊县"));
        Assert.Null(Due(policy, "外省"));
    }

    [Theory]
    [InlineData("市内4小时,市外")]
    [InlineData("市内尽快,市外8小时")]
    [InlineData("市外4小时,其他地区8小时")]
    public void AMalformedRegionalPhrase_IsAnErrorQuotingIt(string within)
    {
        var e = Assert.Throws<DocumentException>(() => Policy(within));
        Assert.Contains(within, e.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("$.policy.targets[0].within", e.Errors[0].Path);
    }

    [Fact]
    public void ARegionInBothWithinAndWhere_IsAnError()
    {
        var e = Assert.Throws<DocumentException>(() => PolicyDocument.Parse("""
            { "policy": { "targets": [ { "milestone": "onSite", "where": { "region": "市内" }, "within": "市内4小时,市外8小时" } ] } }
            """));
        Assert.Contains("give the region once", e.Errors[0].Message, StringComparison.Ordinal);
    }
}
