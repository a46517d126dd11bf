using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using NodaTime;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Warranty;

/// <summary>
/// A warranted asset: its component class, the dates of its start events, its repair history, its replacements, its
/// usage readings, its changes of owner, its maintenance contracts and its bid price.
/// </summary>
/// <remarks>
/// <para>Dates are local dates in the warranty policy's zone, in the years 1-9998. Repairs, replacements, readings and
/// transfers may be given in any order; the asset keeps them by date (entries of one date in the order given).</para>
/// <para>An asset records at most 10,000 repairs, 1,000 replacements and 100,000 owner changes, readings and
/// maintenance contracts each: a coverage walks the repairs once for every period a replacement starts.</para>
/// <para>Readings are the asset's running total of a quantity (km, operating hours) and never go back over time; when
/// a replacement unit's meter starts again at zero, record the old unit's last reading plus the new meter.</para>
/// <para>Instances are immutable and thread-safe; the <c>With...</c> methods return new assets.</para>
/// </remarks>
[Immutable]
public sealed class Asset
{
    // The hot path (coverage of a million assets) reads only dates, repairDays, repairLengths, replacementDays and
    // firstTransfer; every history array is shared and empty unless the asset has such history, so that an asset is
    // a couple of hundred bytes and a bulk query streams through memory.
    // Declared first, so that they share the object's first cache line.
    private readonly string componentName;
    private readonly DateEntry[] dates;
    private readonly long[] repairDays;
    private readonly long[] replacementDays;
    private readonly long firstTransfer;
    private readonly long[] repairLengths;
    private readonly RepairRecord[] repairs;
    private readonly LocalDate[] replacements;
    private readonly LocalDate[] transfers;
    private readonly UsageReading[] readings;
    private readonly UsageSeries[] usage;
    private readonly MaintenanceContract[] contracts;
    private readonly AssetDates dateView;

    /// <summary>Creates an asset.</summary>
    /// <param name="component">Its component class.</param>
    /// <param name="dates">The dates of its start events by name (<see cref="StartEvents"/> or the caller's own); null for none.</param>
    /// <param name="repairs">Its repairs; null for none.</param>
    /// <param name="replacements">The dates it was replaced by a new unit; null for none.</param>
    /// <param name="readings">Its usage readings; null for none.</param>
    /// <param name="transfers">The dates it changed owner; null for none.</param>
    /// <param name="maintenanceContracts">The maintenance contracts that cover it; null for none.</param>
    /// <param name="bidPrice">Its bid price (the ceiling of paid service prices), or null.</param>
    /// <param name="id">An id for the caller's use; may be null.</param>
    /// <exception cref="ValidationException">A value breaks a rule: an empty component or date name, a name given twice, a date outside years 1-9998 or not in the ISO calendar, a repair with no problem or returned before its date, a reading that is negative or goes back, a contract that ends before it starts, a negative bid price, more history than an asset may record; every problem is listed.</exception>
    public Asset(
        ComponentClass component,
        IEnumerable<KeyValuePair<string, LocalDate>>? dates = null,
        IEnumerable<RepairRecord>? repairs = null,
        IEnumerable<LocalDate>? replacements = null,
        IEnumerable<UsageReading>? readings = null,
        IEnumerable<LocalDate>? transfers = null,
        IEnumerable<MaintenanceContract>? maintenanceContracts = null,
        decimal? bidPrice = null,
        string? id = null)
        : this(Checked(AssetInput.From(component, dates, repairs, replacements, readings, transfers, maintenanceContracts, bidPrice, id)))
    {
    }

    private Asset(AssetInput input)
    {
        Id = input.Id;
        componentName = input.Component.Name;
        BidPrice = input.BidPrice;
        dates = input.Dates.Count == 0 ? [] : input.Dates.Select(d => new DateEntry(d.Name, DayNumbers.FromDate(d.Date), DayNumbers.Pack(d.Date))).ToArray();
        dateView = new AssetDates(dates);

        // Stable sorts: entries of one date keep the order given.
        repairs = Sorted(input.Repairs.Select(r => r.Repair), r => r.Date);
        repairDays = repairs.Length == 0 ? [] : repairs.Select(r => DayNumbers.FromDate(r.Date)).ToArray();
        repairLengths = repairs.Length == 0 ? [] : repairs.Select(r => r.Returned is { } back ? DayNumbers.FromDate(back) - DayNumbers.FromDate(r.Date) : 0).ToArray();
        replacements = Sorted(input.Replacements.Select(r => r.Date), d => d);
        replacementDays = replacements.Length == 0 ? [] : replacements.Select(DayNumbers.FromDate).ToArray();
        transfers = Sorted(input.Transfers.Select(t => t.Date), d => d);
        firstTransfer = transfers.Length == 0 ? long.MaxValue : DayNumbers.FromDate(transfers[0]);
        readings = Sorted(input.Readings.Select(r => r.Reading), r => r.Date);
        usage = readings.Length == 0
            ? []
            : readings
                .GroupBy(r => r.Quantity, StringComparer.Ordinal)
                .Select(g => new UsageSeries(g.Key, g.Select(r => DayNumbers.FromDate(r.Date)).ToArray(), g.Select(r => r.Value).ToArray()))
                .ToArray();
        contracts = Sorted(input.Contracts.Select(c => c.Contract), c => c.From);
    }

    /// <summary>The caller's id for the asset, or null.</summary>
    public string? Id { get; }

    /// <summary>The asset's component class.</summary>
    public ComponentClass Component => ComponentClass.Unchecked(componentName);

    /// <summary>The dates of its start events, by name.</summary>
    public IReadOnlyDictionary<string, LocalDate> Dates => dateView;

    /// <summary>Its repairs, by date (repairs of one date in the order given).</summary>
    public ImmutableArray<RepairRecord> Repairs => ImmutableCollectionsMarshal.AsImmutableArray(repairs);

    /// <summary>The dates it was replaced, in order.</summary>
    public ImmutableArray<LocalDate> Replacements => ImmutableCollectionsMarshal.AsImmutableArray(replacements);

    /// <summary>Its usage readings, by date.</summary>
    public ImmutableArray<UsageReading> Readings => ImmutableCollectionsMarshal.AsImmutableArray(readings);

    /// <summary>The dates it changed owner, in order.</summary>
    public ImmutableArray<LocalDate> Transfers => ImmutableCollectionsMarshal.AsImmutableArray(transfers);

    /// <summary>Its maintenance contracts, by start.</summary>
    public ImmutableArray<MaintenanceContract> MaintenanceContracts => ImmutableCollectionsMarshal.AsImmutableArray(contracts);

    /// <summary>Its bid price, or null.</summary>
    public decimal? BidPrice { get; }

    internal string ComponentName => componentName;

    internal int RepairCount => repairDays.Length;

    internal RepairRecord RepairAt(int index) => repairs[index];

    internal long RepairDay(int index) => repairDays[index];

    internal long RepairLength(int index) => repairLengths[index];

    internal long[] ReplacementDays => replacementDays;

    /// <summary>Returns the asset with one more repair.</summary>
    /// <param name="repair">The repair.</param>
    /// <returns>The new asset; this one is unchanged.</returns>
    /// <exception cref="ValidationException">The repair breaks a rule.</exception>
    public Asset WithRepair(RepairRecord repair) => Rebuild(input => input.Repairs.Add((repair, FieldRef.Named($"repairs[{input.Repairs.Count}]"))));

    /// <summary>Returns the asset with one more replacement.</summary>
    /// <param name="date">When it was replaced.</param>
    /// <returns>The new asset; this one is unchanged.</returns>
    /// <exception cref="ValidationException">The date breaks a rule.</exception>
    public Asset WithReplacement(LocalDate date) => Rebuild(input => input.Replacements.Add((date, FieldRef.Named($"replacements[{input.Replacements.Count}]"))));

    /// <summary>Returns the asset with one more usage reading.</summary>
    /// <param name="reading">The reading.</param>
    /// <returns>The new asset; this one is unchanged.</returns>
    /// <exception cref="ValidationException">The reading breaks a rule (it goes back, for one).</exception>
    public Asset WithReading(UsageReading reading) => Rebuild(input => input.Readings.Add((reading, FieldRef.Named($"readings[{input.Readings.Count}]"))));

    /// <summary>Returns the asset with one more change of owner.</summary>
    /// <param name="date">When it changed owner.</param>
    /// <returns>The new asset; this one is unchanged.</returns>
    /// <exception cref="ValidationException">The date breaks a rule.</exception>
    public Asset WithTransfer(LocalDate date) => Rebuild(input => input.Transfers.Add((date, FieldRef.Named($"transfers[{input.Transfers.Count}]"))));

    /// <summary>Returns the asset with the date <paramref name="name"/> set (added or replaced).</summary>
    /// <param name="name">The date's name.</param>
    /// <param name="date">The date.</param>
    /// <returns>The new asset; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ValidationException">The name or date breaks a rule.</exception>
    public Asset WithDate(string name, LocalDate date)
    {
        Preconditions.CheckNotNull(name, nameof(name));
        return Rebuild(input =>
        {
            input.Dates.RemoveAll(d => d.Name == name);
            input.Dates.Add((name, date, FieldRef.Named($"dates['{name}']")));
        });
    }

    /// <summary>Describes the asset: its id, component and dates.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{(Id is null ? "asset" : "asset " + Id)} ({Component})" +
        (dates.Length == 0 ? "" : ": " + string.Join(", ", Dates.Select(d => $"{d.Key} {AssetInput.IsoDate(d.Value)}")));

    /// <summary>The day number of the date named <paramref name="name"/>.</summary>
    internal bool TryGetDay(string name, out long day, out int packed)
    {
        foreach (var entry in dates)
        {
            if (ReferenceEquals(entry.Name, name) || string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                day = entry.Day;
                packed = entry.Packed;
                return true;
            }
        }

        day = 0;
        packed = 0;
        return false;
    }

    /// <summary>The last replacement on or before <paramref name="day"/>, or <see cref="long.MinValue"/>.</summary>
    internal long LastReplacementAtOrBefore(long day)
    {
        long last = long.MinValue;
        foreach (long r in replacementDays)
        {
            if (r > day)
            {
                break;
            }

            last = r;
        }

        return last;
    }

    /// <summary>The earliest change of owner, or <see cref="long.MaxValue"/>.</summary>
    internal long FirstTransfer => firstTransfer;

    /// <summary>The value of the latest reading of <paramref name="quantity"/> on or before <paramref name="day"/>; 0 when none.</summary>
    internal decimal UsageAtOrBefore(string quantity, long day)
    {
        foreach (var series in usage)
        {
            if (string.Equals(series.Quantity, quantity, StringComparison.Ordinal))
            {
                return series.AtOrBefore(day);
            }
        }

        return 0;
    }

    /// <summary>Whether a maintenance contract contains <paramref name="day"/>.</summary>
    internal bool HasMaintenanceContract(long day)
    {
        foreach (var contract in contracts)
        {
            if (DayNumbers.FromDate(contract.From) <= day && day <= DayNumbers.FromDate(contract.To))
            {
                return true;
            }
        }

        return false;
    }

    internal AssetInput ToInput()
    {
        var input = new AssetInput { Component = Component, ComponentField = FieldRef.Named("component"), Id = Id, BidPrice = BidPrice, BidPriceField = FieldRef.Named("bidPrice") };
        foreach (var (name, date) in Dates)
        {
            input.Dates.Add((name, date, FieldRef.Named($"dates['{name}']")));
        }

        for (int i = 0; i < repairs.Length; i++)
        {
            input.Repairs.Add((repairs[i], FieldRef.Named($"repairs[{i}]")));
        }

        input.Replacements.AddRange(replacements.Select((d, i) => (d, FieldRef.Named($"replacements[{i}]"))));
        input.Readings.AddRange(readings.Select((r, i) => (r, FieldRef.Named($"readings[{i}]"))));
        input.Transfers.AddRange(transfers.Select((d, i) => (d, FieldRef.Named($"transfers[{i}]"))));
        input.Contracts.AddRange(contracts.Select((c, i) => (c, FieldRef.Named($"maintenanceContracts[{i}]"))));
        return input;
    }

    /// <summary>The asset described by <paramref name="input"/>, or null (with every problem recorded).</summary>
    internal static Asset? TryCreate(AssetInput input, ProblemSink sink)
    {
        int before = sink.Count;
        input.Validate(sink);
        return sink.Count > before ? null : new Asset(input);
    }

    private static AssetInput Checked(AssetInput input)
    {
        var sink = new ProblemSink();
        input.Validate(sink);
        return sink.HasProblems ? throw new ValidationException("asset", sink) : input;
    }

    private Asset Rebuild(Action<AssetInput> change)
    {
        var input = ToInput();
        change(input);
        return new Asset(Checked(input));
    }

    /// <summary>A stable sort into an array; the shared empty array when there is nothing.</summary>
    private static T[] Sorted<T, TKey>(IEnumerable<T> items, Func<T, TKey> key)
    {
        var array = items.OrderBy(key).ToArray();
        return array.Length == 0 ? [] : array;
    }

    private readonly record struct DateEntry(string Name, long Day, int Packed);

    /// <summary>A read-only view of the asset's dates, by name, over its one array of dates.</summary>
    private sealed class AssetDates(DateEntry[] entries) : IReadOnlyDictionary<string, LocalDate>
    {
        public int Count => entries.Length;

        public IEnumerable<string> Keys => entries.Select(e => e.Name);

        public IEnumerable<LocalDate> Values => entries.Select(e => DayNumbers.ToDate(e.Day));

        public LocalDate this[string key] =>
            TryGetValue(key, out var date) ? date : throw new KeyNotFoundException($"The asset has no date \"{ProblemSink.Cut(key)}\".");

        public bool ContainsKey(string key) => TryGetValue(key, out _);

        public bool TryGetValue(string key, out LocalDate value)
        {
            ArgumentNullException.ThrowIfNull(key);
            foreach (var entry in entries)
            {
                if (entry.Name == key)
                {
                    value = DayNumbers.ToDate(entry.Day);
                    return true;
                }
            }

            value = default;
            return false;
        }

        public IEnumerator<KeyValuePair<string, LocalDate>> GetEnumerator() =>
            entries.Select(e => new KeyValuePair<string, LocalDate>(e.Name, DayNumbers.ToDate(e.Day))).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class UsageSeries(string quantity, long[] days, decimal[] values)
    {
        internal string Quantity { get; } = quantity;

        internal decimal AtOrBefore(long day)
        {
            int index = Array.BinarySearch(days, day);
            if (index >= 0)
            {
                // The last reading of that date.
                while (index + 1 < days.Length && days[index + 1] == day)
                {
                    index++;
                }

                return values[index];
            }

            index = ~index - 1;
            return index < 0 ? 0 : values[index];
        }
    }
}

/// <summary>What an asset is made of before it is checked: every value with where it came from.</summary>
internal sealed class AssetInput
{
    internal ComponentClass Component { get; set; }

    internal FieldRef ComponentField { get; set; }

    internal string? Id { get; set; }

    internal decimal? BidPrice { get; set; }

    internal FieldRef BidPriceField { get; set; }

    internal List<(string Name, LocalDate Date, FieldRef Field)> Dates { get; } = [];

    internal List<(RepairRecord Repair, FieldRef Field)> Repairs { get; } = [];

    internal List<(LocalDate Date, FieldRef Field)> Replacements { get; } = [];

    internal List<(UsageReading Reading, FieldRef Field)> Readings { get; } = [];

    internal List<(LocalDate Date, FieldRef Field)> Transfers { get; } = [];

    internal List<(MaintenanceContract Contract, FieldRef Field)> Contracts { get; } = [];

    internal static AssetInput From(
        ComponentClass component, IEnumerable<KeyValuePair<string, LocalDate>>? dates, IEnumerable<RepairRecord>? repairs, IEnumerable<LocalDate>? replacements,
        IEnumerable<UsageReading>? readings, IEnumerable<LocalDate>? transfers, IEnumerable<MaintenanceContract>? contracts, decimal? bidPrice, string? id)
    {
        var input = new AssetInput { Component = component, ComponentField = FieldRef.Named("component"), Id = id, BidPrice = bidPrice, BidPriceField = FieldRef.Named("bidPrice") };
        int i = 0;
        foreach (var (name, date) in dates ?? [])
        {
            input.Dates.Add((name, date, FieldRef.Named(name is null ? $"dates[{i}]" : $"dates['{ProblemSink.Cut(name)}']")));
            i++;
        }

        input.Repairs.AddRange((repairs ?? []).Select((r, n) => (r, FieldRef.Named($"repairs[{n}]"))));
        input.Replacements.AddRange((replacements ?? []).Select((d, n) => (d, FieldRef.Named($"replacements[{n}]"))));
        input.Readings.AddRange((readings ?? []).Select((r, n) => (r, FieldRef.Named($"readings[{n}]"))));
        input.Transfers.AddRange((transfers ?? []).Select((d, n) => (d, FieldRef.Named($"transfers[{n}]"))));
        input.Contracts.AddRange((contracts ?? []).Select((c, n) => (c, FieldRef.Named($"maintenanceContracts[{n}]"))));
        return input;
    }

    /// <summary>The most repairs an asset records: a coverage walks them once per candidate period.</summary>
    internal const int MaxRepairs = 10_000;

    /// <summary>The most replacements an asset records: each starts a candidate period.</summary>
    internal const int MaxReplacements = 1_000;

    /// <summary>The most owner changes, readings and maintenance contracts an asset records, each.</summary>
    internal const int MaxOtherEntries = 100_000;

    internal void Validate(ProblemSink sink)
    {
        CheckCount(Repairs.Count, MaxRepairs, "repairs", sink);
        CheckCount(Replacements.Count, MaxReplacements, "replacements", sink);
        CheckCount(Transfers.Count, MaxOtherEntries, "transfers", sink);
        CheckCount(Readings.Count, MaxOtherEntries, "readings", sink);
        CheckCount(Contracts.Count, MaxOtherEntries, "maintenanceContracts", sink);
        if (!ComponentClass.IsValidName(Component.Name))
        {
            sink.Add(ComponentField, ProblemSink.Quote(Component.Name), "an asset needs a component class: a name such as hardware, not empty, without leading or trailing white space");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, date, field) in Dates)
        {
            if (name is null || !ComponentClass.IsValidName(name))
            {
                sink.Add(field, name is null ? "null" : ProblemSink.Quote(name), "a date name is not empty and has no leading or trailing white space");
            }
            else if (!names.Add(name))
            {
                sink.Add(field, ProblemSink.Quote(name), "a date may be given once");
            }

            CheckDate(date, field, sink);
        }

        foreach (var (repair, field) in Repairs)
        {
            CheckDate(repair.Date, field, sink);
            if (string.IsNullOrEmpty(repair.Problem))
            {
                sink.Add(field, null, "a repair names its problem code");
            }

            if (!Enum.IsDefined(repair.Outcome))
            {
                sink.Add(field, repair.Outcome.ToString(), "expected the outcome fixed, notFixed or impossible");
            }

            if (repair.Returned is { } returned && CheckDate(returned, field, sink) && returned < repair.Date)
            {
                sink.Add(field, $"{IsoDate(repair.Date)} returned {IsoDate(returned)}", "a repair is returned on or after its date");
            }
        }

        foreach (var (date, field) in Replacements)
        {
            CheckDate(date, field, sink);
        }

        foreach (var (date, field) in Transfers)
        {
            CheckDate(date, field, sink);
        }

        CheckReadings(sink);
        foreach (var (contract, field) in Contracts)
        {
            if (CheckDate(contract.From, field, sink) & CheckDate(contract.To, field, sink) && contract.To < contract.From)
            {
                sink.Add(field, $"{IsoDate(contract.From)} to {IsoDate(contract.To)}", "a maintenance contract ends on or after the day it starts");
            }
        }

        if (BidPrice is < 0)
        {
            sink.Add(BidPriceField, BidPrice.Value.ToString(CultureInfo.InvariantCulture), "a bid price is 0 or more");
        }
    }

    private void CheckCount(int count, int max, string what, ProblemSink sink)
    {
        if (count > max)
        {
            sink.Add(
                what switch { "repairs" => Repairs[max].Field, "replacements" => Replacements[max].Field, "transfers" => Transfers[max].Field, "readings" => Readings[max].Field, _ => Contracts[max].Field },
                count.ToString(CultureInfo.InvariantCulture) + " " + what,
                $"an asset records at most {max.ToString("N0", CultureInfo.InvariantCulture)} {what}; the one at this place is the first beyond");
        }
    }

    private void CheckReadings(ProblemSink sink)
    {
        foreach (var (reading, field) in Readings)
        {
            CheckDate(reading.Date, field, sink);
            if (reading.Quantity is null || !ComponentClass.IsValidName(reading.Quantity))
            {
                sink.Add(field, reading.Quantity is null ? "null" : ProblemSink.Quote(reading.Quantity), "a reading names its quantity, such as km or hours");
            }

            if (reading.Value < 0)
            {
                sink.Add(field, reading.Value.ToString(CultureInfo.InvariantCulture), "a reading is 0 or more");
            }
        }

        // A running total never goes back: a reading below one of an earlier date is a mistake in the data.
        foreach (var series in Readings.Where(r => r.Reading.Quantity is not null).GroupBy(r => r.Reading.Quantity, StringComparer.Ordinal))
        {
            decimal highestBefore = decimal.MinValue;
            LocalDate? highestDate = null;
            foreach (var day in series.GroupBy(r => r.Reading.Date).OrderBy(g => g.Key))
            {
                foreach (var (reading, field) in day)
                {
                    if (reading.Value < highestBefore)
                    {
                        sink.Add(
                            field,
                            $"{reading.Value.ToString(CultureInfo.InvariantCulture)} {reading.Quantity} on {IsoDate(reading.Date)}",
                            $"readings never go back: {highestBefore.ToString(CultureInfo.InvariantCulture)} {reading.Quantity} was read on {IsoDate(highestDate!.Value)}");
                    }
                }

                decimal max = day.Max(r => r.Reading.Value);
                if (max > highestBefore)
                {
                    highestBefore = max;
                    highestDate = day.Key;
                }
            }
        }
    }

    internal static bool CheckDate(LocalDate date, FieldRef field, ProblemSink sink)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            sink.Add(field, $"{date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} ({date.Calendar.Id})", "a date is in the ISO calendar");
            return false;
        }

        if (date.Year < 1 || date.Year > 9998)
        {
            sink.Add(field, IsoDate(date), "a date lies in the years 1-9998");
            return false;
        }

        return true;
    }

    internal static string IsoDate(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
