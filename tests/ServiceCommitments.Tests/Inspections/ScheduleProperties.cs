using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceCommitments.Inspections;

namespace ServiceCommitments.Tests.Inspections;

/// <summary>
/// The laws of docs/inspections.md over random schedules (one to three phases of day, month or calendar steps, each
/// month-end rule and alignment move) on the Shanghai office calendar, anchored on random dates in 2010-2020.
/// </summary>
public sealed class ScheduleProperties
{
    private const int Tests = 300;

    private static readonly AlignMove[] Moves = Enum.GetValues<AlignMove>();

    /// <summary>A generated schedule, kept as data so that a failing case prints how to rebuild it.</summary>
    public sealed record Spec(
        (int Kind, int Amount, int LengthMonths, int LengthDays)[] Phases, // Kind: 0 days, 1 months, 2 calendar months (Amount 1, 3, 6, 12)
        MonthEndRule MonthEnd,
        AlignMove Move,
        int Early,
        int Late,
        int UntilMonths,
        LocalDate Anchor)
    {
        private InspectionSchedule? built;

        public InspectionSchedule Schedule => built ??= Build(ShiftFactors.Fixed);

        public InspectionSchedule Build(ShiftFactors shift)
        {
            var builder = new InspectionScheduleBuilder("acceptance")
            {
                MonthEnd = MonthEnd,
                OnTimeRule = new OnTimeRule(Allowance.CalendarDays(Early), Allowance.CalendarDays(Late)),
                ShiftFactors = shift,
            };
            for (int i = 0; i < Phases.Length; i++)
            {
                var (kind, amount, months, days) = Phases[i];
                var step = kind switch
                {
                    0 => ScheduleStep.Days(amount),
                    1 => ScheduleStep.Months(amount),
                    _ => amount switch { 1 => ScheduleStep.CalendarMonth, 3 => ScheduleStep.CalendarQuarter, 6 => ScheduleStep.CalendarHalfYear, _ => ScheduleStep.CalendarYear },
                };
                builder.AddPhase(step, i + 1 < Phases.Length ? (months > 0 ? Period.FromMonths(months) : Period.FromDays(days)) : null);
            }

            return builder.Until(Period.FromMonths(UntilMonths)).AlignTo(InspectionScheduleTests.Office, Move).Build();
        }

        /// <summary>The shortest step in days (a month counts 28, a calendar period its shortest length).</summary>
        public int ShortestStepDays => Phases.Min(p => p.Kind == 0 ? p.Amount : 28 * p.Amount);

        public override string ToString() =>
            $"anchor {Anchor:uuuu-MM-dd}; phases [{string.Join(", ", Phases.Select(p => $"{(p.Kind == 0 ? "P" + p.Amount + "D" : p.Kind == 1 ? "P" + p.Amount + "M" : "calendar " + p.Amount + "M")} for {(p.LengthMonths > 0 ? p.LengthMonths + "M" : p.LengthDays + "D")}"))}]; " +
            $"{MonthEnd}; {Move}; early {Early} late {Late}; until P{UntilMonths}M";
    }

    private static readonly Gen<(int, int, int, int)> PhaseGen =
        from kind in Gen.Frequency((4, Gen.Constant(0)), (5, Gen.Constant(1)), (1, Gen.Constant(2)))
        from amount in kind switch
        {
            0 => Gen.Frequency((3, Gen.Choose(1, 40)), (1, Gen.Elements(7, 14, 91, 365))),
            1 => Gen.Elements(1, 1, 2, 3, 3, 6, 12),
            _ => Gen.Elements(1, 3, 6, 12),
        }
        from lengthMonths in Gen.Frequency((2, Gen.Choose(1, 12)), (1, Gen.Constant(0)))
        from lengthDays in Gen.Choose(7, 200)
        select (kind, amount, lengthMonths, lengthDays);

    private static readonly Gen<Spec> SpecGen =
        from count in Gen.Choose(1, 3)
        from phases in PhaseGen.ArrayOf(count)
        from monthEnd in Gen.Elements(MonthEndRule.Clamp, MonthEndRule.Skip, MonthEndRule.Forward)
        from move in Gen.Elements(Moves)
        from early in Gen.Choose(0, 10)
        from late in Gen.Choose(0, 10)
        from until in Gen.Choose(1, 60)
        from day in Gen.Choose(0, 11 * 365)
        from monthEndAnchor in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        let anchor = new LocalDate(2010, 1, 1).PlusDays(day)
        select new Spec(phases, monthEnd, move, early, late, until, monthEndAnchor ? anchor.With(DateAdjusters.EndOfMonth) : anchor);

    private static Arbitrary<Spec> Specs => SpecGen.ToArbitrary();

    private static List<Occurrence> All(Spec spec) => spec.Schedule.Anchor(spec.Anchor).Occurrences().ToList();

    [Property(MaxTest = Tests)]
    public Property Occurrences_Increase_Meets_Specification() => Prop.ForAll(Specs, spec =>
    {
        var all = All(spec);
        for (int i = 1; i < all.Count; i++)
        {
            if (all[i].Number <= all[i - 1].Number || all[i].Nominal < all[i - 1].Nominal || all[i].Due < all[i - 1].Due)
            {
                return false;
            }

            // Strictly increasing due dates within a phase whenever every step is longer than twice the longest non-working run
            // (10 days on this calendar). Across a phase boundary two occurrences may be a day apart (the last of a 3-month
            // phase on 30 December, the first calendar month end on the 31st) and align to the same working day.
            if (spec.ShortestStepDays >= 21 && all[i].Phase == all[i - 1].Phase && all[i].Due <= all[i - 1].Due)
            {
                return false;
            }
        }

        return all.All(o => o.Earliest <= o.Due && o.Due <= o.Latest && o.NoticeBy <= o.Due);
    });

    [Property(MaxTest = Tests)]
    public Property AlignedDates_AreWorkingDays_Meets_Specification() => Prop.ForAll(Specs, spec =>
        spec.Move == AlignMove.None || All(spec).All(o => InspectionScheduleTests.Office.IsWorkingDay(o.Due) && (o.Due == o.Nominal) == InspectionScheduleTests.Office.IsWorkingDay(o.Nominal)));

    /// <summary>No drift: occurrence n of a single-phase schedule is the anchor + n steps, whatever came before.</summary>
    [Property(MaxTest = Tests)]
    public Property NoDrift_Meets_Specification() => Prop.ForAll(Specs, spec =>
    {
        var single = spec with { Phases = [spec.Phases[0]], Move = AlignMove.None, MonthEnd = MonthEndRule.Clamp };
        var (kind, amount, _, _) = single.Phases[0];
        if (kind == 2)
        {
            return true;
        }

        return All(single).All(o => o.Nominal == (kind == 0 ? single.Anchor.PlusDays(o.Number * amount) : single.Anchor.PlusMonths(o.Number * amount)));
    });

    /// <summary>Random access agrees with the sequence: any range, the span fill and the next due date give what walking from the anchor gives.</summary>
    [Property(MaxTest = Tests)]
    public Property BulkEqualsOneByOne_Meets_Specification() => Prop.ForAll(Specs, Gen.Choose(-60, 2000).Two().ToArbitrary(), (spec, offsets) =>
    {
        var plan = spec.Schedule.Anchor(spec.Anchor);
        var all = All(spec);
        var from = spec.Anchor.PlusDays(Math.Min(offsets.Item1, offsets.Item2));
        var to = spec.Anchor.PlusDays(Math.Max(offsets.Item1, offsets.Item2));
        var expected = all.Where(o => o.Due >= from && o.Due <= to).ToList();
        var buffer = new Occurrence[expected.Count + 1];
        int written = plan.Fill(from, to, buffer);
        var next = plan.NextDue(from);
        return plan.Occurrences(from, to).SequenceEqual(expected) &&
               buffer.Take(written).SequenceEqual(expected) &&
               Equals(next, all.Where(o => o.Due >= from).Select(o => (Occurrence?)o).FirstOrDefault());
    });

    /// <summary>A floating schedule whose visits are all inside their windows gives exactly the fixed schedule's verdicts.</summary>
    [Property(MaxTest = Tests)]
    public Property FloatingWithOnTimeVisits_EqualsFixed_Meets_Specification() => Prop.ForAll(Specs, Gen.Choose(0, int.MaxValue).ToArbitrary(), (spec, seed) =>
    {
        // Windows narrower than half the shortest step never overlap, so each visit can only be its own occurrence's.
        var narrow = spec with { Early = Math.Min(spec.Early, (spec.ShortestStepDays - 1) / 4), Late = Math.Min(spec.Late, (spec.ShortestStepDays - 1) / 4) };
        var fixedPlan = narrow.Schedule.Anchor(narrow.Anchor);
        var asOf = narrow.Anchor.PlusDays(400);
        var random = new Random(seed);
        var visits = fixedPlan.Occurrences(narrow.Anchor, asOf)
            .Select(o => o.Earliest.PlusDays(random.Next(Period.DaysBetween(o.Earliest, o.Latest) + 1)))
            .Where(v => v <= asOf)
            .Distinct()
            .ToList();
        var floating = narrow.Build(ShiftFactors.Floating).Anchor(narrow.Anchor);
        static string Show(VisitComplianceReport r) =>
            string.Join(";", r.Entries.Select(e => $"{e.Occurrence!.Value.Due}/{e.Status}/{e.Visit}")) + "|" + r.Extras.Count + "|" + r.NextDue?.Due;
        return Show(fixedPlan.Evaluate(visits, asOf)) == Show(floating.Evaluate(visits, asOf));
    });
}
