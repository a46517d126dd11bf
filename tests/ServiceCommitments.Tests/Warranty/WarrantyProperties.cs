using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceCommitments.Warranty;
using static ServiceCommitments.Tests.Warranty.W;

namespace ServiceCommitments.Tests.Warranty;

/// <summary>
/// The laws of docs/warranty.md over random terms (periods, start rules, every adjustment, usage limits) and random
/// asset histories (repairs, replacements, owner changes, readings) in 2020-2027.
/// </summary>
public sealed class WarrantyProperties
{
    private const int Tests = 500;
    private static readonly LocalDate Origin = new(2020, 1, 1);

    /// <summary>A generated term, kept as data so that a failing case prints how to rebuild it.</summary>
    public sealed record TermSpec(
        int Years, int Months, int Days, bool Lifetime, bool CountsStartDay, int StartRule, bool AddsRepairTime,
        int Extension, int ExtensionMonths, bool Restarts, bool Transferable, int? UsageLimit)
    {
        private WarrantyPolicy? policy;

        public WarrantyPolicy Policy => policy ??= W.Policy(Term);

        public WarrantyTerm Term => Build("t");

        public WarrantyTerm Build(string id)
        {
            {
                var term = Lifetime ? WarrantyTerm.ForLifetime(id) : WarrantyTerm.For(id, Period.FromYears(Years) + Period.FromMonths(Months) + Period.FromDays(Days));
                term = term.From(StartRule switch
                {
                    0 => WarrantyStart.On("a"),
                    1 => WarrantyStart.EarliestOf("a", "b"),
                    _ => WarrantyStart.LatestOf("a", "b"),
                })
                    .CountingTheStartDay(CountsStartDay).AddingRepairTime(AddsRepairTime).RestartingOnReplacement(Restarts).Transferable(Transferable);
                if (Extension > 0)
                {
                    term = term.ExtendedAfterRepair(Period.FromMonths(ExtensionMonths), Extension == 1 ? RepairExtensionMode.ExtendOnce : RepairExtensionMode.FromEachRepair);
                }

                return UsageLimit is { } limit ? term.WithUsageLimit("km", limit) : term;
            }
        }

        public override string ToString() => Term.ToString() +
            $" [addRepairTime {AddsRepairTime}, extension {Extension}/{ExtensionMonths}M, restarts {Restarts}, transferable {Transferable}]";
    }

    /// <summary>A generated asset history, as day offsets from 2020-01-01.</summary>
    public sealed record AssetSpec(
        int? A, int? B, (int Day, int Length, int Problem, int Outcome)[] Repairs, int[] Replacements, int[] Transfers, (int Day, int Km)[] Readings)
    {
        public Asset Build(params int[] extraReplacements)
        {
            var dates = new List<KeyValuePair<string, LocalDate>>();
            if (A is { } a)
            {
                dates.Add(new("a", Origin.PlusDays(a)));
            }

            if (B is { } b)
            {
                dates.Add(new("b", Origin.PlusDays(b)));
            }

            return new Asset(
                ComponentClass.Hardware,
                dates,
                Repairs.Select(r => new RepairRecord(Origin.PlusDays(r.Day), "P" + r.Problem, (RepairOutcome)r.Outcome, r.Length < 0 ? null : Origin.PlusDays(r.Day + r.Length))),
                Replacements.Concat(extraReplacements).Select(Origin.PlusDays),
                Readings.Select(r => new UsageReading(Origin.PlusDays(r.Day), "km", r.Km)),
                Transfers.Select(Origin.PlusDays));
        }

        public override string ToString() =>
            $"a {Show(A)}, b {Show(B)}; repairs {string.Join(", ", Repairs.Select(r => $"{Show(r.Day)}+{r.Length} P{r.Problem}/{r.Outcome}"))}; " +
            $"replacements {string.Join(", ", Replacements.Select(d => Show(d)))}; transfers {string.Join(", ", Transfers.Select(d => Show(d)))}; " +
            $"readings {string.Join(", ", Readings.Select(r => $"{Show(r.Day)}={r.Km}"))}";
    }

    public sealed record Case(TermSpec Term, AssetSpec Asset, int D1, int D2, int Replacement)
    {
        public override string ToString() => $"{Term}{Environment.NewLine}{Asset}{Environment.NewLine}d1 {Show(D1)}, d2 {Show(D2)}, replacement {Show(Replacement)}";
    }

    private static string Show(int? day) => day is { } d ? Origin.PlusDays(d).ToString("uuuu-MM-dd", null) : "-";

    private static readonly Gen<TermSpec> Terms =
        from years in Gen.Frequency((3, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Choose(2, 3)))
        from months in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Elements(1, 6, 12, 13)))
        from days in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 40)))
        from lifetime in Gen.Frequency((12, Gen.Constant(false)), (1, Gen.Constant(true)))
        from counts in Gen.Elements(true, false)
        from rule in Gen.Choose(0, 2)
        from addBack in Gen.Elements(true, false)
        from extension in Gen.Choose(0, 2)
        from extensionMonths in Gen.Elements(1, 3, 12)
        from restarts in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from transferable in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from usage in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1000, 60000).Select(n => (int?)n)))
        select new TermSpec(years, months, years == 0 && months == 0 && days == 0 ? 1 : days, lifetime, counts, rule, addBack, extension, extensionMonths, restarts, transferable, usage);

    private static Gen<int?> OptionalDay => Gen.Frequency((5, Gen.Choose(0, 1400).Select(d => (int?)d)), (1, Gen.Constant<int?>(null)));

    private static readonly Gen<AssetSpec> Assets =
        from a in OptionalDay
        from b in OptionalDay
        from repairs in (from day in Gen.Choose(0, 2500)
                         from length in Gen.Frequency((1, Gen.Constant(-1)), (4, Gen.Choose(0, 60)))
                         from problem in Gen.Choose(0, 2)
                         from outcome in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
                         select (day, length, problem, outcome)).ArrayOf().Select(r => r.Take(6).ToArray())
        from replacements in Gen.Choose(0, 2500).ArrayOf().Select(r => r.Take(2).ToArray())
        from transfers in Gen.Frequency((4, Gen.Constant(Array.Empty<int>())), (1, Gen.Choose(0, 2500).Select(d => new[] { d })))
        from readingDays in Gen.Choose(0, 2500).ArrayOf().Select(r => r.Take(4).Order().ToArray())
        from steps in Gen.Choose(0, 30000).ArrayOf(4)
        select new AssetSpec(a, b, repairs, replacements, transfers, readingDays.Select((d, i) => (d, steps.Take(i + 1).Sum())).ToArray());

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from term in Terms
        from asset in Assets
        from d1 in Gen.Choose(0, 2600)
        from d2 in Gen.Choose(0, 2600)
        from replacement in Gen.Choose(0, 2600)
        select new Case(term, asset, d1, d2, replacement));

    private static AssetCoverage Coverage(WarrantyPolicy policy, Asset asset, int day) => policy.GetCoverage("t", asset, Origin.PlusDays(day));

    [Property(MaxTest = Tests)]
    public Property Coverage_NeverEndsBeforeItStarts() =>
        Prop.ForAll(Cases, c =>
        {
            var asset = c.Asset.Build();
            foreach (int day in new[] { c.D1, c.D2 })
            {
                var coverage = Coverage(c.Term.Policy, asset, day);
                if (coverage.From is { } from && coverage.Until is { } until && until < from)
                {
                    throw new Xunit.Sdk.XunitException($"on {Show(day)}: {coverage}");
                }

                if (coverage.IsInForce && (coverage.From > Origin.PlusDays(day) || coverage.Until < Origin.PlusDays(day)))
                {
                    throw new Xunit.Sdk.XunitException($"in force on {Show(day)} outside its window: {coverage}");
                }
            }

            return true;
        });

    [Property(MaxTest = Tests)]
    public Property LaterFailure_NeverTurnsExpiredIntoCovered_WithoutAReplacement() =>
        Prop.ForAll(Cases, c =>
        {
            var (t1, t2) = c.D1 <= c.D2 ? (c.D1, c.D2) : (c.D2, c.D1);
            if (c.Asset.Replacements.Any(r => r > t1 && r <= t2))
            {
                return true;
            }

            var asset = c.Asset.Build();
            var before = Coverage(c.Term.Policy, asset, t1);
            var after = Coverage(c.Term.Policy, asset, t2);
            var early = c.Term.Policy.Decide(asset, ClaimOn(Origin.PlusDays(t1).ToString("uuuu-MM-dd", null)));
            var late = c.Term.Policy.Decide(asset, ClaimOn(Origin.PlusDays(t2).ToString("uuuu-MM-dd", null)));
            bool expired = before.Status is CoverageStatus.Ended or CoverageStatus.UsageLimitReached or CoverageStatus.Transferred;
            if (expired && after.IsInForce)
            {
                throw new Xunit.Sdk.XunitException($"{before} on {Show(t1)}, but {after} on {Show(t2)}");
            }

            if (early.Status == ClaimStatus.Expired && late.Status == ClaimStatus.Covered)
            {
                throw new Xunit.Sdk.XunitException($"expired on {Show(t1)}: {early}{Environment.NewLine}covered on {Show(t2)}: {late}");
            }

            return true;
        });

    [Property(MaxTest = Tests)]
    public Property Replacement_NeverShortensCoverage() =>
        Prop.ForAll(Cases, c =>
        {
            var without = c.Asset.Build();
            var with = c.Asset.Build(c.Replacement);
            foreach (int day in new[] { c.D1, c.D2, c.Replacement, c.Replacement + 1 })
            {
                var before = Coverage(c.Term.Policy, without, day);
                var after = Coverage(c.Term.Policy, with, day);
                if (before.IsInForce && (!after.IsInForce || End(after) < End(before)))
                {
                    throw new Xunit.Sdk.XunitException($"on {Show(day)}: {before} without the replacement, {after} with it");
                }
            }

            return true;
        });

    private static long End(AssetCoverage coverage) => coverage.IsLifetime ? long.MaxValue : Period.DaysBetween(Origin, coverage.Until!.Value);

    [Property(MaxTest = 200)]
    public Property BulkCoverage_EqualsOneByOne() =>
        Prop.ForAll(
            Arb.From(from terms in Terms.ArrayOf().Select(t => t.Take(3).ToArray())
                     from assets in Assets.ArrayOf().Select(a => a.Take(20).ToArray())
                     from components in Gen.Elements("hardware", "software", "vehicle").ArrayOf(3)
                     from day in Gen.Choose(0, 2600)
                     select (terms, assets, components, day)),
            input =>
            {
                var builder = new WarrantyPolicyBuilder(Shanghai);
                for (int i = 0; i < input.terms.Length; i++)
                {
                    builder.AddTerm(input.terms[i].Build("t" + i).Covering(ComponentClass.Of(input.components[i])));
                }

                if (input.terms.Length == 0)
                {
                    builder.AddTerm(Term("only", "P1Y", "a"));
                }

                var policy = builder.Build();
                var assets = input.assets.Select(a => a.Build()).ToArray();
                var date = Origin.PlusDays(input.day);
                var bulk = new AssetCoverage[assets.Length];
                policy.GetCoverage(assets, date, bulk);
                for (int i = 0; i < assets.Length; i++)
                {
                    var single = policy.GetCoverage(assets[i], date);
                    if (bulk[i] != single)
                    {
                        throw new Xunit.Sdk.XunitException($"asset {i}: bulk {bulk[i]}, one by one {single}");
                    }
                }

                return true;
            });

    [Property(MaxTest = 2000)]
    public Property DayNumbers_AddPeriodsAsTheTargetsDo() =>
        Prop.ForAll(
            Arb.From(from day in Gen.Choose(0, 2_900_000)
                     from years in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 100)))
                     from months in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 1300)))
                     from days in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 1000)))
                     select (day, years, months, days)),
            input =>
            {
                var date = new LocalDate(1, 1, 1).PlusDays(input.day);
                var period = Period.FromYears(input.years) + Period.FromMonths(input.months) + Period.FromDays(input.days);
                // One rule of periods for the whole library: the targets' (a year is 12 months, added with the months).
                var last = ServiceCommitments.Targets.PeriodRules.LastDay(date, period, countStartDay: false);
                long expected = DayNumbers.FromDate(last);
                long actual = DayNumbers.Plus(DayNumbers.FromDate(date), input.years, input.months, input.days);
                return expected == actual && DayNumbers.ToDate(actual) == last;
            });
}
