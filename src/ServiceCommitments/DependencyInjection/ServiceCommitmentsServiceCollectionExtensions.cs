using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using ServiceCommitments.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ServiceCommitments in a service collection.</summary>
public static class ServiceCommitmentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CommitmentResolver"/> (a singleton) and, unless the app registered its own, NodaTime's
    /// <see cref="IClock"/> as <see cref="SystemClock.Instance"/>. Safe to call more than once: registrations add up and
    /// the services are registered once (TryAdd).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddServiceCommitments(this IServiceCollection services) => AddServiceCommitments(services, static _ => { });

    /// <summary>
    /// Registers commitments, policies, warranty terms, schedules and calendars by name, read and checked now (at start-up),
    /// and the services of <see cref="AddServiceCommitments(IServiceCollection)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Registers what the app uses: <c>c =&gt; c.AddDocumentFile("contract-17", "commitments/contract-17.json")</c>.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="ServiceCommitments.Documents.DocumentException">A registered document has errors.</exception>
    /// <exception cref="ArgumentException">A name is registered twice for one kind, or a template does not exist.</exception>
    public static IServiceCollection AddServiceCommitments(this IServiceCollection services, Action<ServiceCommitmentsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var registrations = services.FirstOrDefault(d => d.ServiceType == typeof(CommitmentRegistrations))?.ImplementationInstance as CommitmentRegistrations;
        if (registrations is null)
        {
            registrations = new CommitmentRegistrations();
            services.AddSingleton(registrations);
        }

        configure(new ServiceCommitmentsBuilder(registrations));
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(static provider => new CommitmentResolver(provider.GetRequiredService<CommitmentRegistrations>(), provider.GetRequiredService<IClock>()));
        return services;
    }
}
