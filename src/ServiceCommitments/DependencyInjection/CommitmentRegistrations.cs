using System;
using System.Collections.Generic;
using ServiceCommitments.Calendars;
using ServiceCommitments.Faults;
using ServiceCommitments.Inspections;
using ServiceCommitments.Internal;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.DependencyInjection;

/// <summary>What every call of AddServiceCommitments on one service collection has registered, by kind and name.</summary>
internal sealed class CommitmentRegistrations
{
    internal Dictionary<string, BusinessCalendar> Calendars { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, ServicePolicy> Policies { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, WarrantyPolicy> Warranties { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, InspectionSchedule> Schedules { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Commitment> Commitments { get; } = new(StringComparer.Ordinal);

    internal static void Add<T>(Dictionary<string, T> into, string name, T value, string kind)
        where T : class
    {
        Preconditions.CheckNotNull(value, kind);
        if (string.IsNullOrWhiteSpace(name))
        {
            Preconditions.ThrowArgument(nameof(name), $"A {kind} needs a name that is not empty.");
        }

        if (!into.TryAdd(name, value))
        {
            Preconditions.ThrowArgument(nameof(name), $"A {kind} named \"{name}\" is already registered; each name may be registered once.");
        }
    }
}
