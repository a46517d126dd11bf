using System;
using System.IO;
using ServiceCommitments.Calendars;
using ServiceCommitments.Documents;
using ServiceCommitments.Faults;
using ServiceCommitments.Inspections;
using ServiceCommitments.Internal;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.DependencyInjection;

/// <summary>
/// Registers calendars, policies, warranty terms, schedules and whole commitments by name, from code, documents or
/// the shipped templates, for <see cref="CommitmentResolver"/>. Given to the callback of
/// <c>services.AddServiceCommitments(...)</c>.
/// </summary>
/// <remarks>
/// Every registration is checked when it is made, at start-up: a document is read at once (a
/// <see cref="DocumentException"/> lists its errors), and a name registered twice for one kind is an
/// <see cref="ArgumentException"/>. A builder is mutable and not thread-safe.
/// </remarks>
[Mutable]
public sealed class ServiceCommitmentsBuilder
{
    private readonly CommitmentRegistrations registrations;
    private HolidaySetRegistry holidaySets = HolidaySetRegistry.Default;

    internal ServiceCommitmentsBuilder(CommitmentRegistrations registrations) => this.registrations = registrations;

    /// <summary>Where documents registered after this look up their holiday set ids (default <see cref="HolidaySetRegistry.Default"/>): set it to a registry with next year's notice added.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public HolidaySetRegistry HolidaySets
    {
        get => holidaySets;
        set => holidaySets = Preconditions.CheckNotNull(value, nameof(value));
    }

    /// <summary>Registers a calendar.</summary>
    /// <param name="name">The name to resolve it by.</param>
    /// <param name="calendar">The calendar.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or already registered for a calendar.</exception>
    public ServiceCommitmentsBuilder AddCalendar(string name, BusinessCalendar calendar)
    {
        CommitmentRegistrations.Add(registrations.Calendars, name, calendar, "calendar");
        return this;
    }

    /// <summary>Registers a fault-level service policy.</summary>
    /// <param name="name">The name to resolve it by.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or already registered for a policy.</exception>
    public ServiceCommitmentsBuilder AddPolicy(string name, ServicePolicy policy)
    {
        CommitmentRegistrations.Add(registrations.Policies, name, policy, "policy");
        return this;
    }

    /// <summary>Registers warranty terms.</summary>
    /// <param name="name">The name to resolve them by.</param>
    /// <param name="warranty">The warranty policy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="warranty"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or already registered for a warranty.</exception>
    public ServiceCommitmentsBuilder AddWarranty(string name, WarrantyPolicy warranty)
    {
        CommitmentRegistrations.Add(registrations.Warranties, name, warranty, "warranty");
        return this;
    }

    /// <summary>Registers an inspection schedule.</summary>
    /// <param name="name">The name to resolve it by.</param>
    /// <param name="schedule">The schedule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or already registered for a schedule.</exception>
    public ServiceCommitmentsBuilder AddSchedule(string name, InspectionSchedule schedule)
    {
        CommitmentRegistrations.Add(registrations.Schedules, name, schedule, "schedule");
        return this;
    }

    /// <summary>Registers a whole commitment; its parts resolve through it (see <see cref="CommitmentResolver"/>).</summary>
    /// <param name="name">The name to resolve it by.</param>
    /// <param name="commitment">The commitment.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="commitment"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or already registered for a commitment.</exception>
    public ServiceCommitmentsBuilder AddCommitment(string name, Commitment commitment)
    {
        CommitmentRegistrations.Add(registrations.Commitments, name, commitment, "commitment");
        return this;
    }

    /// <summary>Reads a commitment document now and registers it.</summary>
    /// <param name="name">The name to resolve it by.</param>
    /// <param name="json">The commitment document.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentException">The document has errors; all are listed with their paths and lines.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or already registered for a commitment.</exception>
    public ServiceCommitmentsBuilder AddDocument(string name, string json) =>
        AddCommitment(name, CommitmentDocument.Parse(Preconditions.CheckNotNull(json, nameof(json)), holidaySets, name));

    /// <summary>Reads a commitment document from a file now and registers it.</summary>
    /// <param name="name">The name to resolve it by.</param>
    /// <param name="path">The file.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="DocumentException">The document has errors; all are listed with their paths and lines.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or already registered for a commitment.</exception>
    public ServiceCommitmentsBuilder AddDocumentFile(string name, string path) =>
        AddCommitment(name, CommitmentDocument.Load(Preconditions.CheckNotNull(path, nameof(path)), holidaySets));

    /// <summary>Registers one of the shipped templates (<see cref="CommitmentTemplates.Names"/>).</summary>
    /// <param name="name">The name to resolve it by.</param>
    /// <param name="template">The template's name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no such template, or <paramref name="name"/> is empty or already registered for a commitment.</exception>
    public ServiceCommitmentsBuilder AddTemplate(string name, string template) =>
        AddCommitment(name, CommitmentTemplates.Load(template, holidaySets));
}
