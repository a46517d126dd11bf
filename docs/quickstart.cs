#:project ../src/ServiceCommitments/ServiceCommitments.csproj
#:property PublishAot=false
// A whole after-sales commitment, run end to end from the template shipped in the package
// (src/ServiceCommitments/Templates/terminal-after-sales.json): fault response by severity and region, warranty terms,
// and inspections, on the mainland China calendar with its statutory holidays and adjusted working days (调休).
// Run it from the repository root:  dotnet run docs/quickstart.cs
// File-based apps default to PublishAot=true, which makes even `dotnet run` restore the NativeAOT compiler and runtime
// packs (about 93 MB to download); this sample is only ever run, never published natively, so it turns that off.
using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using ServiceCommitments.Phrases;
using ServiceCommitments.Warranty;

var shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
var pattern = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd ddd HH:mm", DateTimeZoneProviders.Tzdb);
string Show(Instant? instant) => instant is { } i ? pattern.Format(i.InZone(shanghai)) : "-";
Instant At(int month, int day, int hour, int minute) => new LocalDateTime(2025, month, day, hour, minute).InZoneStrictly(shanghai).ToInstant();

var commitment = CommitmentTemplates.Load("terminal-after-sales");
Console.WriteLine(commitment.Name);
Console.WriteLine("All times are Shanghai local time (Asia/Shanghai, UTC+8).");
Console.WriteLine();
Console.WriteLine("What the bid promises, as the software reads it:");
foreach (string line in PolicyPhrases.Render(commitment.Policy!, Language.Chinese).Split('\n').Take(2)
    .Concat(WarrantyPhrases.Render(commitment.Warranty!, Language.Chinese).Split('\n').Take(1))
    .Append(SchedulePhrases.Render(commitment.Schedules["routineVisits"], Language.Chinese)))
{
    Console.WriteLine("  " + line);
}

// A level-1 fault in Beijing, reported on the Monday afternoon before the 2025 Spring Festival (28 January - 4 February).
// The first response came at 16:45 and the engineer arrived at 17:50.
var reported = At(1, 27, 16, 30);
var ticket = new Ticket(reported, level: 1, attributes: [new("region", "北京市")], events:
[
    new MilestoneEvent(Milestones.FirstResponse, At(1, 27, 16, 45)),
    new MilestoneEvent(Milestones.OnSite, At(1, 27, 17, 50)),
]);
var asOf = At(1, 27, 19, 0);
var evaluation = commitment.Policy!.Evaluate(ticket, asOf);
Console.WriteLine();
Console.WriteLine($"Level-1 fault in 北京市, reported {Show(reported)}; as of {Show(asOf)}:");
foreach (var m in evaluation.Milestones)
{
    Console.WriteLine($"  {m.Milestone,-15} {m.Status,-14} due {Show(m.Due),-20} {(m.Event is { } e ? "reached " + Show(e) : "")}");
}

Console.WriteLine($"  next alert: {Show(evaluation.NextAlert)} (75% of the 2 hours to restore service after arrival)");

// The same fault at level 3 must be resolved within 2 working days: the holiday pushes it past the Spring Festival.
var minor = commitment.Policy.Evaluate(new Ticket(reported, level: 3, attributes: [new("region", "北京市")]), asOf);
Console.WriteLine();
Console.WriteLine($"At level 3, resolved is due {Show(minor[Milestones.Resolved].Due)}. Why:");
Console.WriteLine(minor[Milestones.Resolved].Explain());

// The terminal's warranty: hardware covered 12 months from the day after the acceptance certificate was signed.
var terminal = new Asset(ComponentClass.Hardware, dates: new Dictionary<string, LocalDate>
{
    [StartEvents.AcceptanceSigned] = new(2024, 10, 28),
    [StartEvents.Acceptance] = new(2024, 10, 28),
    [StartEvents.Purchase] = new(2024, 9, 2),
});
var decision = commitment.Warranty!.Decide(terminal, new Claim(reported, ClaimRequest.Repair, "E-42", received: At(1, 28, 10, 0)));
Console.WriteLine();
Console.WriteLine("Warranty decision for the terminal (accepted 2024-10-28), failure E-42, received by the repairer 2025-01-28 10:00:");
Console.WriteLine("  " + decision.ToString().Replace("\n", "\n  ", StringComparison.Ordinal));

// Inspections: monthly for three months after acceptance, then quarterly, moved off holidays.
var plan = commitment.Schedules["routineVisits"].Anchor(new LocalDate(2024, 10, 28));
Console.WriteLine();
Console.WriteLine("Routine visits (monthly for 3 months after acceptance, then quarterly; a holiday moves a visit to the next working day):");
foreach (var o in plan.Occurrences(new LocalDate(2024, 10, 28), new LocalDate(2025, 12, 31)))
{
    Console.WriteLine($"  #{o.Number} due {o.Due:uuuu-MM-dd ddd}{(o.Due != o.Nominal ? $" (nominal {o.Nominal:uuuu-MM-dd ddd})" : ""), -26} announce by {o.NoticeBy:uuuu-MM-dd}");
}

Console.WriteLine($"  next due after {Show(asOf)}: {plan.NextDue(asOf, shanghai)?.Due:uuuu-MM-dd ddd}");
