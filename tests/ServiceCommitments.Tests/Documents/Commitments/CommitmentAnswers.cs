using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServiceCommitments.Faults;
using ServiceCommitments.Inspections;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Tests.Documents.Commitments;

/// <summary>
/// What a commitment answers to random inputs made from a seed: its policy's evaluations of random tickets, its
/// warranty's decisions on random claims and coverage of random assets, and each schedule's occurrences, compliance of
/// random visits, follow-up deadlines and quotas. Two commitments with the same rules give the same answers; an input
/// a part rejects answers with the exception's type, which the other must throw too.
/// </summary>
internal static class CommitmentAnswers
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly LocalDate First = new(2023, 1, 1);

    internal static List<string> Of(Commitment commitment, int seed, int count)
    {
        var answers = new List<string>();
        for (int i = 0; i < count; i++)
        {
            var random = new Random(HashCode.Combine(seed, i));
            if (commitment.Policy is { } policy)
            {
                answers.Add("policy: " + Answer(() => Evaluate(policy, random)));
            }

            if (commitment.Warranty is { } warranty)
            {
                answers.Add("warranty: " + Answer(() => Decide(warranty, random)));
            }

            foreach (var (name, schedule) in commitment.Schedules.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                answers.Add($"schedule {name}: " + Answer(() => Plan(schedule, random)));
            }
        }

        return answers;
    }

    private static string Answer(Func<string> answer)
    {
        try
        {
            return answer();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ServiceCommitments.Calendars.HolidayDataUnavailableException)
        {
            return "throws " + e.GetType().Name;
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static Instant At(Random random, int days) =>
        First.AtStartOfDayInZone(Shanghai).ToInstant() + Duration.FromMinutes(random.Next(days * 24 * 60));

    private static string Evaluate(ServicePolicy policy, Random random)
    {
        var reported = At(random, 3 * 365);
        Instant Later() => reported + Duration.FromMinutes(random.Next(-60, 6000));
        var attributes = policy.Rows.SelectMany(t => t.Where).GroupBy(w => w.Key)
            .Where(_ => random.Next(3) > 0)
            .Select(g => new KeyValuePair<string, string>(g.Key, random.Next(4) == 0 ? "elsewhere" : Pick(random, g.SelectMany(w => w.Value).ToList())))
            .ToList();
        var levels = policy.Levels.Levels.Select(l => l.Number).ToList();
        var events = Enumerable.Range(0, random.Next(6)).Select(_ => new MilestoneEvent(Pick(random, policy.Milestones), Later(), random.Next(4) > 0)).ToList();
        var pauses = Enumerable.Range(0, random.Next(3)).Select(_ =>
        {
            var from = Later();
            return new Pause(from, random.Next(6) == 0 ? null : from + Duration.FromMinutes(random.Next(600)));
        }).ToList();
        var changes = Enumerable.Range(0, random.Next(4) == 0 ? 1 : 0).Select(_ => new LevelChange(Later(), Pick(random, levels))).ToList();
        var ticket = new Ticket(reported, Pick(random, levels), attributes, events, pauses, changes);
        var evaluation = policy.Evaluate(ticket, Later());
        return string.Join("; ", evaluation.Milestones.Select(m =>
            $"{m.Milestone} {m.Status} start {m.Start} due {m.Due} event {m.Event} remaining {m.Remaining} overdue {m.Overdue} next {m.NextAlert} " +
            $"warnings {string.Join(",", m.Warnings.Select(w => w.At))}"));
    }

    private static string Decide(WarrantyPolicy warranty, Random random)
    {
        LocalDate Day(int within = 3 * 365) => First.PlusDays(random.Next(within));
        var startNames = warranty.Terms.SelectMany(t => t.Start!.Names).Concat(warranty.Windows.SelectMany(w => w.From.Names))
            .Concat(["purchase", "delivery", "acceptance", "received"]).Distinct().ToList();
        var components = warranty.Terms.SelectMany(t => t.Covers.Select(c => c.Name)).Concat(["hardware", "software", "other"]).Distinct().ToList();
        var problems = warranty.Windows.SelectMany(w => w.Problems).Concat(["P1", "P2"]).Distinct().ToList();
        var quantities = warranty.Terms.Where(t => t.UsageLimit is not null).Select(t => t.UsageLimit!.Value.Quantity)
            .Concat(warranty.Windows.Where(w => w.UsageLimit is not null).Select(w => w.UsageLimit!.Value.Quantity)).Distinct().ToList();
        var causes = warranty.Exclusions.SelectMany(e => e.Causes).ToList();

        var readings = quantities.SelectMany(q =>
        {
            decimal value = 0;
            return Enumerable.Range(0, random.Next(3)).Select(k => First.PlusDays(400 * k + random.Next(400)))
                .Select(date => new UsageReading(date, q, value += random.Next(40_000)));
        }).ToList();
        var asset = new Asset(
            ComponentClass.Of(Pick(random, components)),
            startNames.Where(_ => random.Next(5) > 0).Select(n => new KeyValuePair<string, LocalDate>(n, Day(2 * 365))),
            Enumerable.Range(0, random.Next(5)).Select(_ =>
            {
                var date = Day();
                return new RepairRecord(date, Pick(random, problems), (RepairOutcome)(random.Next(6) == 0 ? random.Next(1, 3) : 0),
                    random.Next(4) == 0 ? null : date.PlusDays(random.Next(40)), random.Next(5) == 0);
            }),
            Enumerable.Range(0, random.Next(4) == 0 ? 1 : 0).Select(_ => Day()),
            readings,
            Enumerable.Range(0, random.Next(6) == 0 ? 1 : 0).Select(_ => Day()),
            Enumerable.Range(0, random.Next(4) == 0 ? 1 : 0).Select(_ =>
            {
                var from = Day();
                return new MaintenanceContract(from, from.PlusDays(random.Next(400)));
            }),
            random.Next(3) == 0 ? 12_800 : null);
        var at = At(random, 4 * 365);
        var claim = new Claim(
            at,
            (ClaimRequest)random.Next(7),
            random.Next(5) == 0 ? null : Pick(random, problems),
            random.Next(5) == 0 && causes.Count > 0 ? [Pick(random, causes)] : null,
            random.Next(4) == 0 ? null : at + Duration.FromHours(random.Next(100)),
            repairable: random.Next(6) > 0,
            safety: random.Next(5) == 0,
            magneticMedia: random.Next(4) == 0,
            usedPartsAgreed: random.Next(4) == 0,
            usage: quantities.Where(_ => random.Next(2) == 0).Select(q => new KeyValuePair<string, decimal>(q, 200_000)));
        var decision = warranty.Decide(asset, claim);
        var coverage = warranty.GetCoverage(asset, Day(4 * 365));
        return $"{decision} | due {decision.Due} | chargeable {decision.Chargeable} | shares {decision.Shares} | coverage {coverage.Status} {coverage.Term?.Id} {coverage.From} {coverage.Until} {coverage.IsLifetime}";
    }

    private static string Plan(InspectionSchedule schedule, Random random)
    {
        // Every date within the years whose holidays the shipped data holds (to 2026), and no visit after asOf (which
        // Decide refuses), so that the answers compared are mostly answers rather than the same refusal.
        var anchor = First.PlusDays(random.Next(365));
        var plan = schedule.Anchor(anchor);
        var asOf = anchor.PlusDays(random.Next(2 * 365));
        var occurrences = plan.Occurrences(anchor.PlusDays(-40), anchor.PlusDays(3 * 365)).Take(50).ToList();
        var visits = occurrences.Where(_ => random.Next(4) > 0).Select(o => o.Due.PlusDays(random.Next(-12, 13)))
            .Concat(Enumerable.Range(0, random.Next(3)).Select(_ => anchor.PlusDays(random.Next(2 * 365))))
            .Where(v => v <= asOf).Order().ToList();
        var report = plan.Evaluate(visits, asOf);
        var text = new List<string>
        {
            string.Join(",", occurrences.Select(o => $"{o.Number}/{o.Phase} {o.Nominal} {o.Due} {o.Earliest}-{o.Latest} notice {o.NoticeBy}")),
            string.Join(",", report.Entries.Concat(report.Extras).Select(e => $"{e} {string.Join("/", e.FollowUps.Select(f => $"{f.Duty.Name} {f.Due}"))}")),
            string.Join(",", plan.EvaluateQuotas(visits, asOf).Select(q => $"{q.Period} {q.Visits} {q.Status} {q.IsPartial}")),
            string.Join(",", schedule.FollowUps.Select(d => $"{d.Name} {plan.GetFollowUpDue(d, asOf)}")),
            $"next {report.NextDue?.Due.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}",
        };
        return string.Join(" | ", text);
    }
}
