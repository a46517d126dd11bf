using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Benchmarks;

/// <summary>
/// Which of a million assets are covered on a date, and until when: the span operation
/// <see cref="WarrantyPolicy.GetCoverage(ReadOnlySpan{Asset}, LocalDate, Span{AssetCoverage})"/> against the policy's
/// one-by-one call and a naive implementation (LINQ, dictionaries and NodaTime period arithmetic per asset).
/// </summary>
/// <remarks>
/// The policy: Asia/Shanghai; terminal hardware 12 months from the day after the acceptance certificate, time in
/// repair added back; the whole delivery 3 years from the day of acceptance; software 1 year from acceptance; vehicles
/// 2 years or 50,000 km from the later of invoice and delivery. 1,000,000 seeded assets (<see cref="BenchmarkData.Seed"/>)
/// with acceptance dates in 2022-2025, a third of them with one to three repairs (0-20 days each), one in twenty
/// replaced, vehicles with two readings; the date asked about is 2025-06-01. The span and one-by-one methods run over
/// all assets; the naive baseline over the first <see cref="NaiveCount"/>, with <c>OperationsPerInvoke</c> set so that
/// every figure is per asset. <see cref="Setup"/> checks that the three agree on every asset the baseline runs over.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class WarrantyBenchmarks
{
    /// <summary>The number of assets the span and one-by-one methods run over.</summary>
    public const int AssetCount = 1_000_000;

    /// <summary>The number of assets (the first ones) the naive baseline runs over.</summary>
    public const int NaiveCount = 100_000;

    private static readonly LocalDate On = new(2025, 6, 1);

    private WarrantyPolicy policy = null!;
    private NaiveWarranty naive = null!;
    private Asset[] assets = null!;
    private AssetCoverage[] results = null!;

    /// <summary>Accumulates every result so the JIT cannot drop the calls.</summary>
    public long Checksum;

    [GlobalSetup]
    public void Setup()
    {
        policy = new WarrantyPolicyBuilder(BenchmarkData.Shanghai)
            .AddTerm(WarrantyTerm.For("terminal", Period.FromMonths(12)).Covering(ComponentClass.Hardware)
                .From(WarrantyStart.On(StartEvents.AcceptanceSigned)).AddingRepairTime())
            .AddTerm(WarrantyTerm.For("platform", Period.FromYears(3)).Covering(ComponentClass.WholeDelivery)
                .From(WarrantyStart.On(StartEvents.Acceptance)).CountingTheStartDay())
            .AddTerm(WarrantyTerm.For("software", Period.FromYears(1)).Covering(ComponentClass.Software)
                .From(WarrantyStart.On(StartEvents.Acceptance)))
            .AddTerm(WarrantyTerm.For("vehicle", Period.FromYears(2)).Covering(ComponentClass.Of("vehicle"))
                .From(WarrantyStart.LatestOf(StartEvents.Invoice, StartEvents.Delivery)).WithUsageLimit("km", 50_000))
            .Build();
        naive = new NaiveWarranty(policy);
        assets = MakeAssets(AssetCount);
        results = new AssetCoverage[AssetCount];

        policy.GetCoverage(assets, On, results);
        for (int i = 0; i < NaiveCount; i++)
        {
            var single = policy.GetCoverage(assets[i], On);
            var (status, termId, until) = naive.Coverage(assets[i], On);
            if (results[i] != single || status != single.Status || termId != single.Term?.Id || until != single.Until)
            {
                throw new InvalidOperationException($"asset {i}: span {results[i]}, one by one {single}, naive {status} {termId} {until}");
            }
        }
    }

    [Benchmark(OperationsPerInvoke = AssetCount)]
    [BenchmarkCategory("Coverage")]
    public long CoverageMany()
    {
        policy.GetCoverage(assets, On, results);
        long sum = (long)results[0].Status + (long)results[^1].Status;
        Checksum += sum;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = AssetCount)]
    [BenchmarkCategory("Coverage")]
    public long CoverageOneByOne()
    {
        var local = policy;
        var a = assets;
        long sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += (long)local.GetCoverage(a[i], On).Status;
        }

        Checksum += sum;
        return sum;
    }

    /// <summary>Baseline: the naive implementation over the first 100,000 assets only (<c>OperationsPerInvoke = 100_000</c>).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = NaiveCount)]
    [BenchmarkCategory("Coverage")]
    public long NaiveCoverage()
    {
        var local = naive;
        var a = assets;
        long sum = 0;
        for (int i = 0; i < NaiveCount; i++)
        {
            sum += (long)local.Coverage(a[i], On).Status;
        }

        Checksum += sum;
        return sum;
    }

    internal static Asset[] MakeAssets(int count)
    {
        var random = new Random(BenchmarkData.Seed);
        var first = new LocalDate(2022, 1, 1);
        var assets = new Asset[count];
        string[] problems = ["E-17", "E-42", "E-99"];
        for (int i = 0; i < count; i++)
        {
            int kind = random.Next(10);
            var accepted = first.PlusDays(random.Next(0, 4 * 365));
            var dates = new List<KeyValuePair<string, LocalDate>>(3);
            ComponentClass component;
            UsageReading[]? readings = null;
            if (kind < 6)
            {
                component = ComponentClass.Hardware;
                dates.Add(new(StartEvents.AcceptanceSigned, accepted));
                dates.Add(new(StartEvents.Acceptance, accepted.PlusDays(random.Next(0, 3))));
            }
            else if (kind < 9)
            {
                component = ComponentClass.Software;
                dates.Add(new(StartEvents.Acceptance, accepted));
            }
            else
            {
                component = ComponentClass.Of("vehicle");
                dates.Add(new(StartEvents.Invoice, accepted));
                dates.Add(new(StartEvents.Delivery, accepted.PlusDays(random.Next(0, 10))));
                int km = random.Next(0, 30_000);
                readings = [new UsageReading(accepted.PlusDays(200), "km", km), new UsageReading(accepted.PlusDays(400), "km", km + random.Next(0, 40_000))];
            }

            RepairRecord[]? repairs = null;
            if (random.Next(3) == 0)
            {
                repairs = new RepairRecord[random.Next(1, 4)];
                for (int r = 0; r < repairs.Length; r++)
                {
                    var day = accepted.PlusDays(random.Next(1, 700));
                    repairs[r] = new RepairRecord(day, problems[random.Next(problems.Length)], Returned: day.PlusDays(random.Next(0, 21)));
                }
            }

            LocalDate[]? replacements = random.Next(20) == 0 ? [accepted.PlusDays(random.Next(30, 600))] : null;
            assets[i] = new Asset(component, dates, repairs, replacements, readings, id: null);
        }

        return assets;
    }
}

/// <summary>
/// The coverage of docs/warranty.md computed the obvious way for the benchmark's baseline: a LINQ query over the
/// policy's terms, the asset's dates looked up by name, NodaTime's <see cref="LocalDate.Plus(Period)"/>, and every
/// candidate period and repair walked with new lists each time. It supports what the benchmark's policy uses.
/// </summary>
internal sealed class NaiveWarranty(WarrantyPolicy policy)
{
    public (CoverageStatus Status, string? TermId, LocalDate? Until) Coverage(Asset asset, LocalDate on)
    {
        var evaluated = policy.Terms
            .Where(t => t.Kind == WarrantyTermKind.Coverage)
            .Where(t => t.Covers.Count == 0 || t.Covers.Contains(ComponentClass.WholeDelivery) || t.Covers.Contains(asset.Component))
            .Select(t => (Term: t, Window: Window(t, asset, on)))
            .ToList();
        if (evaluated.Count == 0)
        {
            return (CoverageStatus.NoTerm, null, null);
        }

        var best = evaluated
            .OrderBy(e => Rank(e.Window.Status))
            .ThenByDescending(e => e.Window.Last ?? LocalDate.MinIsoValue)
            .First();
        return (best.Window.Status, best.Term.Id, best.Window.Last);
    }

    private static int Rank(CoverageStatus status) => status switch
    {
        CoverageStatus.InForce => 0,
        CoverageStatus.UsageLimitReached => 1,
        CoverageStatus.Ended => 2,
        CoverageStatus.Transferred => 3,
        _ => 4,
    };

    private static (CoverageStatus Status, LocalDate? Last) Window(WarrantyTerm term, Asset asset, LocalDate on)
    {
        var named = term.Start!.Names.Where(asset.Dates.ContainsKey).Select(n => asset.Dates[n]).ToList();
        if (named.Count == 0 || (term.Start.Rule == StartRule.LatestOf && named.Count < term.Start.Names.Count))
        {
            return (CoverageStatus.NotStarted, null);
        }

        var start = term.Start.Rule == StartRule.EarliestOf ? named.Min() : named.Max();
        var firstCovered = term.CountsStartDay ? start : start.PlusDays(1);
        var starts = new List<(LocalDate Start, decimal Baseline)> { (start, 0m) };
        starts.AddRange(asset.Replacements.Where(r => term.RestartsOnReplacement && r >= firstCovered && r <= on)
            .Select(r => (r, Usage(term, asset, r))));
        decimal usage = Usage(term, asset, on);

        var windows = starts.Select(s =>
        {
            var first = term.CountsStartDay ? s.Start : s.Start.PlusDays(1);
            var last = s.Start.Plus(term.Period!).PlusDays(term.CountsStartDay ? -1 : 0);
            foreach (var repair in asset.Repairs.OrderBy(r => r.Date).ToList())
            {
                if (term.AddsRepairTime && repair.Date >= first && repair.Date <= on && repair.Date <= last && repair.Returned is { } back)
                {
                    last = last.PlusDays(Period.Between(repair.Date, back, PeriodUnits.Days).Days);
                }
            }

            bool withinUsage = term.UsageLimit is not { } limit || usage - s.Baseline <= limit.Limit;
            return (First: first, Last: last, WithinUsage: withinUsage);
        }).ToList();

        var containing = windows.Where(w => w.First <= on && on <= w.Last).ToList();
        var inForce = containing.Where(w => w.WithinUsage).ToList();
        if (inForce.Count > 0)
        {
            return (CoverageStatus.InForce, inForce.Max(w => w.Last));
        }

        if (containing.Count > 0)
        {
            return (CoverageStatus.UsageLimitReached, containing.Max(w => w.Last));
        }

        var latest = windows.OrderByDescending(w => w.Last).First();
        return (latest.First > on ? CoverageStatus.NotStarted : CoverageStatus.Ended, latest.Last);
    }

    private static decimal Usage(WarrantyTerm term, Asset asset, LocalDate on) =>
        term.UsageLimit is not { } limit
            ? 0
            : asset.Readings.Where(r => r.Quantity == limit.Quantity && r.Date <= on).Select(r => r.Value).LastOrDefault();
}
