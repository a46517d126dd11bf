using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Tests.Warranty;

/// <summary>Short ways to write dates, instants, assets and policies in the warranty tests.</summary>
internal static class W
{
    internal static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>A date from <c>yyyy-MM-dd</c>.</summary>
    internal static LocalDate D(string text) => LocalDatePattern.Iso.Parse(text).Value;

    /// <summary>An instant from <c>yyyy-MM-ddTHH:mm</c> in Shanghai (+08:00).</summary>
    internal static Instant At(string text) =>
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(text).Value.InZoneStrictly(Shanghai).ToInstant();

    /// <summary>A claim at noon (Shanghai) of <paramref name="date"/>.</summary>
    internal static Claim ClaimOn(string date, ClaimRequest request = ClaimRequest.Repair, string? problem = "E-1", IEnumerable<string>? causes = null,
        Instant? received = null, bool repairable = true, bool safety = false, IEnumerable<KeyValuePair<string, decimal>>? usage = null,
        bool magneticMedia = false, bool usedPartsAgreed = false) =>
        new(At(date + "T12:00"), request, problem, causes, received, repairable, safety, magneticMedia, usedPartsAgreed, usage);

    internal static Asset Asset(string component = "hardware", params (string Name, string Date)[] dates) =>
        new(ComponentClass.Of(component), dates.Select(d => new KeyValuePair<string, LocalDate>(d.Name, D(d.Date))));

    internal static RepairRecord Repair(string date, string problem = "E-1", string? returned = null, RepairOutcome outcome = RepairOutcome.Fixed, bool safety = false) =>
        new(D(date), problem, outcome, returned is null ? null : D(returned), safety);

    internal static WarrantyPolicy Policy(params WarrantyTerm[] terms)
    {
        var builder = new WarrantyPolicyBuilder(Shanghai);
        foreach (var term in terms)
        {
            builder.AddTerm(term);
        }

        return builder.Build();
    }

    internal static WarrantyTerm Term(string id, string period, string from, bool fromTheDayOf = false) =>
        (period == "lifetime" ? WarrantyTerm.ForLifetime(id) : WarrantyTerm.For(id, PeriodPattern.Roundtrip.Parse(period).Value))
            .From(WarrantyStart.On(from))
            .CountingTheStartDay(fromTheDayOf);

    internal static Period P(string text) => PeriodPattern.Roundtrip.Parse(text).Value;
}
