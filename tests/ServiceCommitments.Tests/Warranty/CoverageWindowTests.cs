using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Warranty;
using Xunit;
using static ServiceCommitments.Tests.Warranty.W;

namespace ServiceCommitments.Tests.Warranty;

/// <summary>Where a term's window starts and ends (rule 5), and how repairs, replacements, owners and usage move it.</summary>
public sealed class CoverageWindowTests
{
    [Theory]
    // period, start date, from the day of, first covered day, last covered day
    // The catalogue's terms
    [InlineData("P12M", "2024-05-20", false, "2024-05-21", "2025-05-20")] // 12 months from the day after the certificate is signed
    [InlineData("P1Y", "2023-02-28", false, "2023-03-01", "2024-02-28")] // back-end software: 1 year
    [InlineData("P3Y", "2024-02-29", true, "2024-02-29", "2027-02-27")] // 3 years from (the day of) acceptance: 2027 has no 29 February
    [InlineData("P1Y", "2024-01-31", false, "2024-02-01", "2025-01-31")] // 1 year from purchase
    [InlineData("P3Y", "2023-12-31", false, "2024-01-01", "2026-12-31")] // support for 3 years from delivery
    [InlineData("P10Y", "2016-02-29", false, "2016-03-01", "2026-02-28")] // spare parts for 10 years from a leap day
    // Month ends: a day the month lacks becomes its last day
    [InlineData("P1M", "2024-01-31", false, "2024-02-01", "2024-02-29")]
    [InlineData("P1M", "2023-01-31", false, "2023-02-01", "2023-02-28")]
    [InlineData("P1M", "2024-03-31", false, "2024-04-01", "2024-04-30")]
    [InlineData("P1M", "2024-01-31", true, "2024-01-31", "2024-02-28")]
    [InlineData("P1M", "2024-03-01", true, "2024-03-01", "2024-03-31")]
    [InlineData("P6M", "2024-08-31", false, "2024-09-01", "2025-02-28")]
    [InlineData("P12M", "2024-02-29", false, "2024-03-01", "2025-02-28")]
    // Years, then months, then days: NodaTime's order
    [InlineData("P1Y", "2024-02-29", false, "2024-03-01", "2025-02-28")]
    [InlineData("P4Y", "2024-02-29", false, "2024-03-01", "2028-02-29")]
    [InlineData("P1Y1M", "2024-02-29", false, "2024-03-01", "2025-03-29")] // 13 months in one step: the corresponding day
    [InlineData("P13M", "2024-02-29", false, "2024-03-01", "2025-03-29")]
    [InlineData("P1M1D", "2024-01-31", false, "2024-02-01", "2024-03-01")]
    // Days and weeks
    [InlineData("P7D", "2024-06-01", false, "2024-06-02", "2024-06-08")]
    [InlineData("P15D", "2024-12-25", false, "2024-12-26", "2025-01-09")]
    [InlineData("P2W", "2024-02-20", false, "2024-02-21", "2024-03-05")]
    [InlineData("P1D", "2024-12-31", false, "2025-01-01", "2025-01-01")]
    [InlineData("P1D", "2024-12-31", true, "2024-12-31", "2024-12-31")]
    // Year ends and centuries
    [InlineData("P1Y", "2099-12-31", false, "2100-01-01", "2100-12-31")]
    [InlineData("P1Y", "2100-02-28", true, "2100-02-28", "2101-02-27")]
    [InlineData("P100Y", "1900-02-28", false, "1900-03-01", "2000-02-28")]
    public void GetCoverage_FollowsRule5_ForPeriods(string period, string start, bool fromTheDayOf, string first, string last)
    {
        var policy = Policy(Term("t", period, "acceptance", fromTheDayOf));
        var asset = Asset("hardware", ("acceptance", start));

        var coverage = policy.GetCoverage("t", asset, D(first));

        Assert.Equal(CoverageStatus.InForce, coverage.Status);
        Assert.Equal(D(first), coverage.From);
        Assert.Equal(D(last), coverage.Until);
        Assert.True(policy.IsInForce("t", asset, D(last)));
        Assert.False(policy.IsInForce("t", asset, D(last).PlusDays(1)));
        Assert.False(policy.IsInForce("t", asset, D(first).PlusDays(-1)));
    }

    [Theory]
    // on, status
    [InlineData("2024-05-19", CoverageStatus.NotStarted)]
    [InlineData("2024-05-20", CoverageStatus.NotStarted)] // the certificate's own day is not counted
    [InlineData("2024-05-21", CoverageStatus.InForce)]
    [InlineData("2025-05-20", CoverageStatus.InForce)]
    [InlineData("2025-05-21", CoverageStatus.Ended)]
    [InlineData("2030-01-01", CoverageStatus.Ended)]
    public void GetCoverage_HasStatus_ByDate(string on, CoverageStatus status)
    {
        var policy = Policy(Term("terminal", "P12M", StartEvents.AcceptanceSigned));
        var coverage = policy.GetCoverage("terminal", Asset("hardware", ("acceptanceSigned", "2024-05-20")), D(on));
        Assert.Equal(status, coverage.Status);
        Assert.Equal(D("2025-05-20"), coverage.Until);
    }

    [Fact]
    public void GetCoverage_IsNotStartedWithoutWindow_WhenTheAssetLacksTheStartDate()
    {
        var coverage = Policy(Term("t", "P1Y", "acceptance")).GetCoverage("t", Asset("hardware", ("delivery", "2024-01-01")), D("2024-06-01"));
        Assert.Equal(CoverageStatus.NotStarted, coverage.Status);
        Assert.Null(coverage.From);
        Assert.Null(coverage.Until);
    }

    [Theory]
    // dates the asset has (name=date;...), rule, expected first covered day (null: not started)
    [InlineData("acceptance=2024-06-30;firstUse=2024-06-15", "earliest", "2024-06-16")]
    [InlineData("acceptance=2024-06-30", "earliest", "2024-07-01")] // accepted, not yet used
    [InlineData("firstUse=2024-06-15", "earliest", "2024-06-16")]
    [InlineData("delivery=2024-01-01", "earliest", null)]
    [InlineData("acceptance=2024-06-30;firstUse=2024-06-15", "latest", "2024-07-01")]
    [InlineData("acceptance=2024-06-30", "latest", null)] // the later of the two has not happened
    [InlineData("acceptance=2024-06-30;firstUse=2024-06-30", "latest", "2024-07-01")]
    public void GetCoverage_StartsFromEarliestOrLatest(string dates, string rule, string? first)
    {
        var start = rule == "earliest" ? WarrantyStart.EarliestOf("acceptance", "firstUse") : WarrantyStart.LatestOf("acceptance", "firstUse");
        var policy = Policy(WarrantyTerm.For("t", Period.FromYears(1)).From(start));
        var pairs = new List<(string, string)>();
        foreach (string pair in dates.Split(';'))
        {
            pairs.Add((pair.Split('=')[0], pair.Split('=')[1]));
        }

        var coverage = policy.GetCoverage("t", Asset("hardware", [.. pairs]), D("2024-08-01"));

        Assert.Equal(first is null ? null : D(first), coverage.From);
        Assert.Equal(first is null ? CoverageStatus.NotStarted : CoverageStatus.InForce, coverage.Status);
    }

    [Fact]
    public void GetCoverage_IsLifetime_ForALifetimeTerm()
    {
        var coverage = Policy(Term("forever", "lifetime", "purchase")).GetCoverage("forever", Asset("hardware", ("purchase", "2020-01-01")), D("9998-12-31"));
        Assert.Equal(CoverageStatus.InForce, coverage.Status);
        Assert.True(coverage.IsLifetime);
        Assert.Null(coverage.Until);
        Assert.Equal(D("2020-01-02"), coverage.From);
    }

    [Theory]
    // repairs (date>returned, ...), on, expected last day. Term: 1 year from 2024-01-01 (2024-01-02 to 2025-01-01), adding repair time back.
    [InlineData("", "2024-06-01", "2025-01-01")]
    [InlineData("2024-03-01>2024-03-11", "2024-06-01", "2025-01-11")] // 10 days added
    [InlineData("2024-03-01>2024-03-11;2024-05-01>2024-05-06", "2024-06-01", "2025-01-16")]
    [InlineData("2024-03-01>2024-03-11;2024-07-01>2024-07-06", "2024-06-01", "2025-01-11")] // a repair after the date does not count yet
    [InlineData("2024-03-01", "2024-06-01", "2025-01-01")] // a repair without a return date adds nothing
    [InlineData("2023-12-01>2023-12-20", "2024-06-01", "2025-01-01")] // before the first covered day
    [InlineData("2025-01-05>2025-01-20", "2025-02-01", "2025-01-01")] // after the window ended: a paid repair
    [InlineData("2024-12-31>2025-01-04;2025-01-03>2025-01-13", "2025-02-01", "2025-01-15")] // the first repair moves the end past the second
    [InlineData("2025-01-01>2025-01-10", "2025-02-01", "2025-01-10")] // a repair on the last day counts
    public void GetCoverage_AddsRepairTimeBack_WhenTheTermSaysSo(string repairs, string on, string last)
    {
        var policy = Policy(Term("sanbao", "P1Y", "invoice").AddingRepairTime());
        var asset = Asset("hardware", ("invoice", "2024-01-01"));
        foreach (string repair in repairs.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = repair.Split('>');
            asset = asset.WithRepair(Repair(parts[0], returned: parts.Length > 1 ? parts[1] : null));
        }

        Assert.Equal(D(last), policy.GetCoverage("sanbao", asset, D(on)).Until);
    }

    [Theory]
    // mode, repairs, on, expected last day. Term: 2 years from delivery 2024-03-10 (2024-03-11 to 2026-03-10), extension 12 months.
    [InlineData(RepairExtensionMode.ExtendOnce, "", "2025-01-01", "2026-03-10")]
    [InlineData(RepairExtensionMode.ExtendOnce, "2025-06-01", "2025-07-01", "2027-03-10")]
    [InlineData(RepairExtensionMode.ExtendOnce, "2025-06-01;2026-12-01", "2027-01-01", "2027-03-10")] // once only
    [InlineData(RepairExtensionMode.ExtendOnce, "2026-03-10", "2026-03-11", "2027-03-10")] // a repair on the last day extends it
    [InlineData(RepairExtensionMode.ExtendOnce, "2026-03-11", "2026-03-12", "2026-03-10")] // a day too late
    [InlineData(RepairExtensionMode.FromEachRepair, "2025-06-01", "2025-07-01", "2026-06-01")]
    [InlineData(RepairExtensionMode.FromEachRepair, "2024-06-01", "2025-07-01", "2026-03-10")] // 12 months from it end before the term
    [InlineData(RepairExtensionMode.FromEachRepair, "2025-06-01;2026-05-20", "2026-05-21", "2027-05-20")]
    public void GetCoverage_IsExtendedAfterRepair(RepairExtensionMode mode, string repairs, string on, string last)
    {
        var policy = Policy(Term("legal", "P2Y", "delivery").ExtendedAfterRepair(Period.FromMonths(12), mode));
        var asset = Asset("hardware", ("delivery", "2024-03-10"));
        foreach (string repair in repairs.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            asset = asset.WithRepair(Repair(repair));
        }

        Assert.Equal(D(last), policy.GetCoverage("legal", asset, D(on)).Until);
    }

    [Theory]
    // replacements, on, status, first, last. Term: 12 months from the day after 2024-05-20.
    [InlineData("", "2025-06-01", CoverageStatus.Ended, "2024-05-21", "2025-05-20")]
    [InlineData("2025-03-01", "2025-06-01", CoverageStatus.InForce, "2025-03-02", "2026-03-01")] // restarted
    [InlineData("2025-03-01", "2025-02-01", CoverageStatus.InForce, "2024-05-21", "2025-05-20")] // not yet replaced on that date
    [InlineData("2024-05-01", "2025-06-01", CoverageStatus.Ended, "2024-05-21", "2025-05-20")] // replaced before the warranty started: no restart
    [InlineData("2025-03-01;2025-12-01", "2026-06-01", CoverageStatus.InForce, "2025-12-02", "2026-12-01")]
    [InlineData("2025-08-01", "2025-09-01", CoverageStatus.InForce, "2025-08-02", "2026-08-01")] // a replacement after expiry (bought) restarts too
    [InlineData("2025-08-01", "2025-08-01", CoverageStatus.NotStarted, "2025-08-02", "2026-08-01")] // on the replacement's own day
    public void GetCoverage_RestartsOnReplacement(string replacements, string on, CoverageStatus status, string first, string last)
    {
        var policy = Policy(Term("terminal", "P12M", "acceptanceSigned"));
        var asset = Asset("hardware", ("acceptanceSigned", "2024-05-20"));
        foreach (string r in replacements.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            asset = asset.WithReplacement(D(r));
        }

        var coverage = policy.GetCoverage("terminal", asset, D(on));

        Assert.Equal(status, coverage.Status);
        Assert.Equal(D(first), coverage.From);
        Assert.Equal(D(last), coverage.Until);
    }

    [Fact]
    public void GetCoverage_KeepsTheLongerWindow_WhenARestartWouldEndSooner()
    {
        // 60 days in repair move the end to 2025-03-02; a replacement on 2024-02-01 alone would end on 2025-02-01.
        var policy = Policy(Term("sanbao", "P1Y", "invoice").AddingRepairTime());
        var asset = Asset("hardware", ("invoice", "2024-01-01"))
            .WithRepair(Repair("2024-01-10", returned: "2024-03-10"))
            .WithReplacement(D("2024-02-01"));

        var coverage = policy.GetCoverage("sanbao", asset, D("2025-02-15"));

        Assert.Equal(CoverageStatus.InForce, coverage.Status);
        Assert.Equal(D("2025-03-02"), coverage.Until);
        Assert.Equal(D("2024-01-02"), coverage.From);
    }

    [Fact]
    public void GetCoverage_DoesNotRestart_WhenTheTermSaysSo()
    {
        var policy = Policy(Term("t", "P1Y", "purchase").RestartingOnReplacement(false));
        var asset = Asset("hardware", ("purchase", "2024-01-01")).WithReplacement(D("2024-12-01"));
        Assert.Equal(CoverageStatus.Ended, policy.GetCoverage("t", asset, D("2025-01-02")).Status);
    }

    [Theory]
    // transferable, transfer, on, status, last
    [InlineData(true, "2024-09-01", "2024-10-01", CoverageStatus.InForce, "2025-01-01")]
    [InlineData(false, "2024-09-01", "2024-08-31", CoverageStatus.InForce, "2025-01-01")] // not transferred yet on that date
    [InlineData(false, "2024-09-01", "2024-09-01", CoverageStatus.Transferred, "2024-08-31")]
    [InlineData(false, "2024-09-01", "2026-01-01", CoverageStatus.Transferred, "2024-08-31")]
    public void GetCoverage_EndsOnTransfer_WhenNotTransferable(bool transferable, string transfer, string on, CoverageStatus status, string last)
    {
        var policy = Policy(Term("t", "P1Y", "purchase").Transferable(transferable));
        var asset = Asset("hardware", ("purchase", "2024-01-01")).WithTransfer(D(transfer));
        var coverage = policy.GetCoverage("t", asset, D(on));
        Assert.Equal(status, coverage.Status);
        Assert.Equal(D(last), coverage.Until);
    }

    [Fact]
    public void GetCoverage_HasNoWindow_WhenTheAssetChangedOwnerBeforeTheTermStarted()
    {
        var policy = Policy(Term("t", "P1Y", "acceptance").Transferable(false));
        var asset = Asset("hardware", ("acceptance", "2024-06-01")).WithTransfer(D("2024-05-01"));
        var coverage = policy.GetCoverage("t", asset, D("2024-07-01"));
        Assert.Equal(CoverageStatus.Transferred, coverage.Status);
        Assert.Null(coverage.From);
        Assert.Null(coverage.Until);
    }

    [Theory]
    // readings (date=value;...), on, status
    [InlineData("", "2025-01-01", CoverageStatus.InForce)]
    [InlineData("2024-12-01=49999", "2025-01-01", CoverageStatus.InForce)]
    [InlineData("2024-12-01=50000", "2025-01-01", CoverageStatus.InForce)] // 50,000 km is still within
    [InlineData("2024-12-01=50001", "2025-01-01", CoverageStatus.UsageLimitReached)]
    [InlineData("2024-12-01=50001", "2024-11-30", CoverageStatus.InForce)] // read after the date
    [InlineData("2024-12-01=60000", "2026-06-01", CoverageStatus.Ended)] // the years passed too: ended
    public void GetCoverage_EndsAtTheUsageLimit_WhicheverComesFirst(string readings, string on, CoverageStatus status)
    {
        var policy = Policy(Term("car", "P2Y", "invoice").WithUsageLimit("km", 50000));
        var asset = Asset("vehicle", ("invoice", "2024-01-01"));
        foreach (string reading in readings.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = reading.Split('=');
            asset = asset.WithReading(new UsageReading(D(parts[0]), "km", decimal.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(status, policy.GetCoverage("car", asset, D(on)).Status);
    }

    [Fact]
    public void GetCoverage_CountsUsageFromTheReplacement_WhenTheTermRestarted()
    {
        var policy = Policy(Term("car", "P2Y", "invoice").WithUsageLimit("km", 50000));
        var asset = Asset("vehicle", ("invoice", "2024-01-01"))
            .WithReading(new UsageReading(D("2024-06-01"), "km", 20000))
            .WithReplacement(D("2024-06-01"))
            .WithReading(new UsageReading(D("2025-06-01"), "km", 65000));

        // 65,000 from new, but 45,000 since the replacement: in force under the restarted period.
        var coverage = policy.GetCoverage("car", asset, D("2025-06-02"));

        Assert.Equal(CoverageStatus.InForce, coverage.Status);
        Assert.Equal(D("2024-06-02"), coverage.From);
        Assert.Equal(D("2026-06-01"), coverage.Until);
    }

    [Fact]
    public void GetCoverage_IsNoTerm_WhenTheTermDoesNotCoverTheComponent()
    {
        var policy = Policy(Term("sw", "P1Y", "acceptance").Covering(ComponentClass.Software));
        var asset = Asset("hardware", ("acceptance", "2024-01-01"));
        Assert.Equal(CoverageStatus.NoTerm, policy.GetCoverage("sw", asset, D("2024-06-01")).Status);
        Assert.Equal(CoverageStatus.NoTerm, policy.GetCoverage(asset, D("2024-06-01")).Status);
        Assert.False(policy.IsInForce("sw", asset, D("2024-06-01")));
    }

    [Fact]
    public void GetCoverage_ChoosesTheTermInForceWithTheLatestEnd()
    {
        var policy = Policy(
            Term("terminal", "P12M", "acceptanceSigned").Covering(ComponentClass.Hardware),
            Term("platform", "P3Y", "acceptance", fromTheDayOf: true).Covering(ComponentClass.WholeDelivery),
            Term("software", "P5Y", "acceptance").Covering(ComponentClass.Software));
        var asset = Asset("hardware", ("acceptanceSigned", "2024-05-20"), ("acceptance", "2024-05-20"));

        Assert.Equal("platform", policy.GetCoverage(asset, D("2025-01-01")).Term!.Id);
        Assert.Equal("platform", policy.GetCoverage(asset, D("2027-05-19")).Term!.Id);
        var after = policy.GetCoverage(asset, D("2027-05-20"));
        Assert.Equal(CoverageStatus.Ended, after.Status);
        Assert.Equal("platform", after.Term!.Id);
    }

    [Fact]
    public void GetCoverage_Throws_WhenTheWindowWouldEndAfterTheLastDateNodaTimeHolds()
    {
        var policy = Policy(Term("t", "P10Y", "purchase"));
        var asset = Asset("hardware", ("purchase", "9995-01-01"));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => policy.GetCoverage("t", asset, D("9996-01-01")));
        Assert.Contains("9999-12-31", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000-12-31")]
    [InlineData("9999-01-01")]
    public void GetCoverage_Throws_ForADateOutsideTheSupportedYears(string date)
    {
        var policy = Policy(Term("t", "P1Y", "purchase"));
        var asset = Asset("hardware", ("purchase", "2024-01-01"));
        var on = new LocalDate(int.Parse(date[..4], System.Globalization.CultureInfo.InvariantCulture), 12, 31);
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.GetCoverage(asset, on));
    }

    [Fact]
    public void GetCoverage_Throws_ForAnUnknownTerm()
    {
        var policy = Policy(Term("t", "P1Y", "purchase"));
        var error = Assert.Throws<ArgumentException>(() => policy.IsInForce("T", Asset("hardware"), D("2024-01-01")));
        Assert.Contains("\"T\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("its terms are: t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetCoverage_OfManyAssets_WritesOneResultPerAsset()
    {
        var policy = Policy(Term("hw", "P1Y", "purchase").Covering(ComponentClass.Hardware));
        Asset[] assets = [Asset("hardware", ("purchase", "2024-01-01")), Asset("software", ("purchase", "2024-01-01")), Asset("hardware", ("purchase", "2022-01-01"))];
        var results = new AssetCoverage[4];

        policy.GetCoverage(assets, D("2024-06-01"), results);

        Assert.Equal([CoverageStatus.InForce, CoverageStatus.NoTerm, CoverageStatus.Ended, CoverageStatus.NoTerm], results.Select(r => r.Status));
        Assert.Equal(D("2025-01-01"), results[0].Until);
        Assert.Equal("inForce under hw, 2024-01-02 to 2025-01-01", results[0].ToString());
        Assert.Equal("noTerm", results[1].ToString());
    }

    [Fact]
    public void GetCoverage_OfManyAssets_RejectsShortResultsAndNullAssets()
    {
        var policy = Policy(Term("hw", "P1Y", "purchase"));
        Asset[] assets = [Asset("hardware", ("purchase", "2024-01-01")), null!];
        var short1 = new AssetCoverage[1];
        Assert.Throws<ArgumentException>(() => policy.GetCoverage(assets, D("2024-06-01"), short1));
        var results = new AssetCoverage[2];
        Assert.Throws<ArgumentNullException>(() => policy.GetCoverage(assets, D("2024-06-01"), results));
        Assert.Equal(CoverageStatus.InForce, results[0].Status); // written before the null
    }
}
