using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using ServiceCommitments.Calendars;
using ServiceCommitments.Faults;
using ServiceCommitments.Inspections;
using ServiceCommitments.Internal;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.DependencyInjection;

/// <summary>
/// What an app injects to find its registered commitments and their parts by name, with the clock it evaluates by.
/// </summary>
/// <remarks>
/// <para>A policy, warranty, schedule or calendar resolves first among the ones registered by themselves, then among
/// the registered commitments: <c>GetPolicy("contract-17")</c> is the policy of the commitment <c>contract-17</c>;
/// <c>GetSchedule("contract-17/routineVisits")</c> and <c>GetCalendar("contract-17/office")</c> name a commitment's
/// schedules and calendars.</para>
/// <para>The resolver reads the clock only through <see cref="Clock"/> (NodaTime's <see cref="IClock"/>, registered as
/// <see cref="SystemClock.Instance"/> unless the app registered its own). Instances are immutable and thread-safe.</para>
/// </remarks>
[Immutable]
public sealed class CommitmentResolver
{
    private readonly Dictionary<string, BusinessCalendar> calendars;
    private readonly Dictionary<string, ServicePolicy> policies;
    private readonly Dictionary<string, WarrantyPolicy> warranties;
    private readonly Dictionary<string, InspectionSchedule> schedules;
    private readonly Dictionary<string, Commitment> commitments;

    internal CommitmentResolver(CommitmentRegistrations registrations, IClock clock)
    {
        calendars = new(registrations.Calendars, StringComparer.Ordinal);
        policies = new(registrations.Policies, StringComparer.Ordinal);
        warranties = new(registrations.Warranties, StringComparer.Ordinal);
        schedules = new(registrations.Schedules, StringComparer.Ordinal);
        commitments = new(registrations.Commitments, StringComparer.Ordinal);
        Clock = clock;
    }

    /// <summary>The clock the app evaluates by.</summary>
    public IClock Clock { get; }

    /// <summary>The current instant on <see cref="Clock"/>: the usual <c>asOf</c> of an evaluation.</summary>
    public Instant Now => Clock.GetCurrentInstant();

    /// <summary>The names of the registered commitments.</summary>
    public IReadOnlyCollection<string> CommitmentNames => commitments.Keys;

    /// <summary>The commitment registered as <paramref name="name"/>.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The commitment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No commitment has that name; the message lists the names there are.</exception>
    public Commitment GetCommitment(string name) => Get<Commitment>(name, TryGetCommitment, "commitment", commitments.Keys);

    /// <summary>Looks up a commitment.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="commitment">The commitment, when found.</param>
    /// <returns>Whether it was found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetCommitment(string name, out Commitment commitment) =>
        commitments.TryGetValue(Preconditions.CheckNotNull(name, nameof(name)), out commitment!);

    /// <summary>The policy registered as <paramref name="name"/>, or the policy of the commitment of that name.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No policy has that name; the message lists the names there are.</exception>
    public ServicePolicy GetPolicy(string name) =>
        Get<ServicePolicy>(name, TryGetPolicy, "policy", policies.Keys.Concat(commitments.Where(c => c.Value.Policy is not null).Select(c => c.Key)));

    /// <summary>Looks up a policy (see <see cref="GetPolicy"/>).</summary>
    /// <param name="name">Its name.</param>
    /// <param name="policy">The policy, when found.</param>
    /// <returns>Whether it was found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetPolicy(string name, out ServicePolicy policy)
    {
        Preconditions.CheckNotNull(name, nameof(name));
        policy = policies.TryGetValue(name, out var p) ? p : commitments.TryGetValue(name, out var c) && c.Policy is { } cp ? cp : null!;
        return policy is not null;
    }

    /// <summary>The warranty registered as <paramref name="name"/>, or the warranty of the commitment of that name.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The warranty policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No warranty has that name; the message lists the names there are.</exception>
    public WarrantyPolicy GetWarranty(string name) =>
        Get<WarrantyPolicy>(name, TryGetWarranty, "warranty", warranties.Keys.Concat(commitments.Where(c => c.Value.Warranty is not null).Select(c => c.Key)));

    /// <summary>Looks up a warranty (see <see cref="GetWarranty"/>).</summary>
    /// <param name="name">Its name.</param>
    /// <param name="warranty">The warranty policy, when found.</param>
    /// <returns>Whether it was found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetWarranty(string name, out WarrantyPolicy warranty)
    {
        Preconditions.CheckNotNull(name, nameof(name));
        warranty = warranties.TryGetValue(name, out var w) ? w : commitments.TryGetValue(name, out var c) && c.Warranty is { } cw ? cw : null!;
        return warranty is not null;
    }

    /// <summary>The schedule registered as <paramref name="name"/>, or <c>commitment/schedule</c> of a commitment.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No schedule has that name; the message lists the names there are.</exception>
    public InspectionSchedule GetSchedule(string name) =>
        Get<InspectionSchedule>(name, TryGetSchedule, "schedule", schedules.Keys.Concat(commitments.SelectMany(c => c.Value.Schedules.Keys.Select(s => $"{c.Key}/{s}"))));

    /// <summary>Looks up a schedule (see <see cref="GetSchedule"/>).</summary>
    /// <param name="name">Its name.</param>
    /// <param name="schedule">The schedule, when found.</param>
    /// <returns>Whether it was found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetSchedule(string name, out InspectionSchedule schedule) =>
        TryGetPart(name, schedules, c => c.Schedules, out schedule);

    /// <summary>The calendar registered as <paramref name="name"/>, or <c>commitment/calendar</c> of a commitment.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No calendar has that name; the message lists the names there are.</exception>
    public BusinessCalendar GetCalendar(string name) =>
        Get<BusinessCalendar>(name, TryGetCalendar, "calendar", calendars.Keys.Concat(commitments.SelectMany(c => c.Value.Calendars.Keys.Select(s => $"{c.Key}/{s}"))));

    /// <summary>Looks up a calendar (see <see cref="GetCalendar"/>).</summary>
    /// <param name="name">Its name.</param>
    /// <param name="calendar">The calendar, when found.</param>
    /// <returns>Whether it was found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetCalendar(string name, out BusinessCalendar calendar) =>
        TryGetPart(name, calendars, c => c.Calendars, out calendar);

    private bool TryGetPart<T>(string name, Dictionary<string, T> own, Func<Commitment, IReadOnlyDictionary<string, T>> parts, out T value)
        where T : class
    {
        Preconditions.CheckNotNull(name, nameof(name));
        if (own.TryGetValue(name, out value!))
        {
            return true;
        }

        int slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && commitments.TryGetValue(name[..slash], out var commitment) && parts(commitment).TryGetValue(name[(slash + 1)..], out value!);
    }

    private delegate bool TryGet<T>(string name, out T value);

    private static T Get<T>(string name, TryGet<T> tryGet, string kind, IEnumerable<string> known)
    {
        if (tryGet(name, out var value))
        {
            return value;
        }

        var names = known.Order(StringComparer.Ordinal).ToList();
        throw new KeyNotFoundException($"No {kind} is registered as \"{ProblemSink.Cut(name)}\"; registered: {(names.Count == 0 ? "none" : string.Join(", ", names))}.");
    }
}
