using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ServiceCommitments.DependencyInjection;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using Xunit;

namespace ServiceCommitments.Tests.DependencyInjection;

/// <summary>services.AddServiceCommitments with the real container.</summary>
public sealed class ServiceCollectionTests
{
    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    [Fact]
    public void Registrations_ResolveByName_FromCodeDocumentsAndTemplates()
    {
        var calendar = ServiceCommitments.Calendars.BusinessCalendar.AlwaysOpen(DateTimeZone.Utc);
        var services = new ServiceCollection().AddServiceCommitments(c => c
            .AddTemplate("terminals", "terminal-after-sales")
            .AddDocument("regional", CommitmentTemplates.Text("d2-4-5-onsite-by-region"))
            .AddCalendar("utc", calendar)
            .AddPolicy("own", new ServicePolicyBuilder().AddRow(PolicyRow.For("onSite", ServiceCommitments.Targets.ServiceTarget.Elapsed(Duration.FromHours(1)))).Build()));

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var resolver = provider.GetRequiredService<CommitmentResolver>();

        Assert.Same(resolver, provider.GetRequiredService<CommitmentResolver>());
        Assert.Equal(["regional", "terminals"], resolver.CommitmentNames.Order(StringComparer.Ordinal));
        Assert.NotNull(resolver.GetPolicy("terminals"));
        Assert.NotNull(resolver.GetWarranty("terminals"));
        Assert.NotNull(resolver.GetSchedule("terminals/routineVisits"));
        Assert.NotNull(resolver.GetCalendar("terminals/office"));
        Assert.Same(calendar, resolver.GetCalendar("utc"));
        Assert.NotNull(resolver.GetPolicy("own"));
        Assert.False(resolver.TryGetWarranty("regional", out _));
        var e = Assert.Throws<KeyNotFoundException>(() => resolver.GetSchedule("terminals/annual"));
        Assert.Contains("terminals/routineVisits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CalledTwice_RegistrationsAddUp_AndServicesAreRegisteredOnce()
    {
        var services = new ServiceCollection()
            .AddServiceCommitments(c => c.AddTemplate("a", "d3-warranty"))
            .AddServiceCommitments(c => c.AddTemplate("b", "d4-inspections"))
            .AddServiceCommitments();

        Assert.Single(services, d => d.ServiceType == typeof(CommitmentResolver));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(["a", "b"], provider.GetRequiredService<CommitmentResolver>().CommitmentNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheAppsClock_Wins_AndIsTheResolversNow()
    {
        var now = Instant.FromUtc(2025, 1, 27, 8, 30);
        var services = new ServiceCollection().AddSingleton<IClock>(new FixedClock(now)).AddServiceCommitments();

        using var provider = services.BuildServiceProvider();
        var resolver = provider.GetRequiredService<CommitmentResolver>();

        Assert.Equal(now, resolver.Now);
        Assert.IsType<FixedClock>(resolver.Clock);
        Assert.Same(SystemClock.Instance, new ServiceCollection().AddServiceCommitments().BuildServiceProvider().GetRequiredService<IClock>());
    }

    [Fact]
    public void BadRegistrations_FailAtStartUp()
    {
        var document = Assert.Throws<DocumentException>(() => new ServiceCollection().AddServiceCommitments(c => c.AddDocument("bad", """{ "policy": { "targets": [] }, "polcy": 1 }""")));
        Assert.Contains(document.Errors, x => x.Path == "$.polcy");

        var twice = Assert.Throws<ArgumentException>(() => new ServiceCollection()
            .AddServiceCommitments(c => c.AddTemplate("a", "d3-warranty"))
            .AddServiceCommitments(c => c.AddTemplate("a", "d4-inspections")));
        Assert.Contains("\"a\" is already registered", twice.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddServiceCommitments());
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddServiceCommitments(null!));
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddServiceCommitments(c => c.AddTemplate("x", "nope")));
    }
}
