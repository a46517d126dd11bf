using System;
using System.Collections.Generic;
using System.Globalization;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Targets;

namespace ServiceCommitments.Warranty;

/// <summary>
/// A window in which a return or an exchange is the customer's right: "return without reason within 7 natural days
/// of receipt", "exchange a product that fails within 15 days of sale".
/// </summary>
/// <remarks>
/// <para>The window is a target (<see cref="ServiceTarget"/>, for example <c>ServiceTarget.OfPeriod(Period.FromDays(7))</c>)
/// counted from 00:00 of an asset date (<see cref="From"/>); a claim is within it when its instant is at or after that
/// and before the target's deadline. A period or calendar-day target needs only the policy's zone; a target that
/// counts working time, has the holiday rule or a cut-off counts on a business calendar the window names.</para>
/// <para>An on-failure window needs a claim with a problem; <see cref="Problems"/> narrows it to some problem codes
/// and <see cref="UsageLimit"/> to usage within a limit. The methods reject only null arguments; the builder checks
/// the rest. Instances are immutable.</para>
/// </remarks>
[Immutable]
public sealed class RemedyWindow
{
    private readonly string[] problems;

    private RemedyWindow(WindowKind kind, ServiceTarget target, WarrantyStart from, string? calendarName, BusinessCalendar? calendar, string[] problems, UsageLimit? usageLimit, FieldMap fields)
    {
        Kind = kind;
        Target = target;
        From = from;
        CalendarName = calendarName;
        Calendar = calendar;
        this.problems = problems;
        Problems = Array.AsReadOnly(problems);
        UsageLimit = usageLimit;
        Fields = fields;
    }

    /// <summary>Which right the window grants.</summary>
    public WindowKind Kind { get; }

    /// <summary>How long the window lasts.</summary>
    public ServiceTarget Target { get; }

    /// <summary>The asset date the window counts from.</summary>
    public WarrantyStart From { get; }

    /// <summary>The name of the policy calendar the target counts on, or null.</summary>
    public string? CalendarName { get; }

    /// <summary>The calendar given directly, or null.</summary>
    public BusinessCalendar? Calendar { get; }

    /// <summary>The problem codes the window is for; empty for any.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The usage limit within which the window applies ("60 days or 3,000 km"), or null.</summary>
    public UsageLimit? UsageLimit { get; }

    internal string[] ProblemArray => problems;

    internal FieldMap Fields { get; }

    /// <summary>A window for returns without reason and without failure (七日无理由退货).</summary>
    /// <param name="within">How long the window lasts.</param>
    /// <param name="from">The asset date it counts from, such as <see cref="StartEvents.Received"/>.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="from"/> is null.</exception>
    public static RemedyWindow ReturnWithoutReason(ServiceTarget within, WarrantyStart from) => Create(WindowKind.ReturnWithoutReason, within, from);

    /// <summary>A window in which a product that fails may be returned (or exchanged).</summary>
    /// <param name="within">How long the window lasts.</param>
    /// <param name="from">The asset date it counts from, such as <see cref="StartEvents.Purchase"/>.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="from"/> is null.</exception>
    public static RemedyWindow ReturnOnFailure(ServiceTarget within, WarrantyStart from) => Create(WindowKind.ReturnOnFailure, within, from);

    /// <summary>A window in which a product that fails may be exchanged.</summary>
    /// <param name="within">How long the window lasts.</param>
    /// <param name="from">The asset date it counts from.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="from"/> is null.</exception>
    public static RemedyWindow ExchangeOnFailure(ServiceTarget within, WarrantyStart from) => Create(WindowKind.ExchangeOnFailure, within, from);

    /// <summary>Returns the window for claims of these problem codes only.</summary>
    /// <param name="problems">The codes; none for any problem.</param>
    /// <returns>The new window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> or a code is null.</exception>
    public RemedyWindow ForProblems(params string[] problems)
    {
        var copy = (string[])Preconditions.CheckNotNull(problems, nameof(problems)).Clone();
        foreach (string problem in copy)
        {
            Preconditions.CheckNotNull(problem, nameof(problems));
        }

        return new(Kind, Target, From, CalendarName, Calendar, copy, UsageLimit, Fields);
    }

    /// <summary>Returns the window applying only while usage of <paramref name="quantity"/> is at most <paramref name="limit"/>.</summary>
    /// <param name="quantity">What the readings measure.</param>
    /// <param name="limit">The most usage, above 0.</param>
    /// <returns>The new window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quantity"/> is null.</exception>
    public RemedyWindow WithUsageLimit(string quantity, decimal limit) =>
        new(Kind, Target, From, CalendarName, Calendar, problems, new UsageLimit(Preconditions.CheckNotNull(quantity, nameof(quantity)), limit), Fields);

    /// <summary>Returns the window counted on the policy calendar named <paramref name="name"/>.</summary>
    /// <param name="name">A name given to <see cref="WarrantyPolicyBuilder.AddCalendar"/>.</param>
    /// <returns>The new window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public RemedyWindow OnCalendar(string name) =>
        new(Kind, Target, From, Preconditions.CheckNotNull(name, nameof(name)), null, problems, UsageLimit, Fields);

    /// <summary>Returns the window counted on <paramref name="calendar"/>.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The new window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public RemedyWindow OnCalendar(BusinessCalendar calendar) =>
        new(Kind, Target, From, null, Preconditions.CheckNotNull(calendar, nameof(calendar)), problems, UsageLimit, Fields);

    internal RemedyWindow WithFields(FieldMap fields) => new(Kind, Target, From, CalendarName, Calendar, problems, UsageLimit, fields);

    internal string KindName => Kind switch
    {
        WindowKind.ReturnWithoutReason => "returnWithoutReason",
        WindowKind.ReturnOnFailure => "returnOnFailure",
        _ => "exchangeOnFailure",
    };

    internal void Validate(ProblemSink sink)
    {
        if (!Enum.IsDefined(Kind))
        {
            sink.Add(Fields.Origin, Kind.ToString(), "expected returnWithoutReason, returnOnFailure or exchangeOnFailure");
        }

        From.Validate(Fields.Get("from"), sink);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problemsField = Fields.Get("problems");
        for (int i = 0; i < problems.Length; i++)
        {
            if (problems[i].Length == 0)
            {
                sink.Add(problemsField.Item(i), "\"\"", "a problem code is not empty");
            }
            else if (!seen.Add(problems[i]))
            {
                sink.Add(problemsField.Item(i), ProblemSink.Quote(problems[i]), "a problem code may be named once in a window");
            }
        }

        if (UsageLimit is { } usage && (usage.Limit <= 0 || !ComponentClass.IsValidName(usage.Quantity)))
        {
            sink.Add(Fields.Get("usage"), $"{usage.Quantity} {usage.Limit.ToString(CultureInfo.InvariantCulture)}", "a usage limit names its quantity and is above 0");
        }
    }

    /// <summary>Describes the window: <c>returnWithoutReason within 7 days from received</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{KindName} {Target} from {From}" + (problems.Length == 0 ? "" : $" for {string.Join(", ", problems)}") +
        (UsageLimit is { } u ? $" or {u.Limit.ToString(CultureInfo.InvariantCulture)} {u.Quantity}" : "");

    private static RemedyWindow Create(WindowKind kind, ServiceTarget within, WarrantyStart from) =>
        new(kind, within, Preconditions.CheckNotNull(from, nameof(from)), null, null, [], null, new FieldMap(FieldRef.Named(KindText(kind) + " window")));

    private static string KindText(WindowKind kind) => kind switch
    {
        WindowKind.ReturnWithoutReason => "returnWithoutReason",
        WindowKind.ReturnOnFailure => "returnOnFailure",
        _ => "exchangeOnFailure",
    };
}

/// <summary>Names of remedies as documents write them.</summary>
internal static class Remedies
{
    internal static string Name(Remedy remedy) => remedy switch
    {
        Remedy.None => "none",
        Remedy.Repair => "repair",
        Remedy.Replacement => "replacement",
        Remedy.Exchange => "exchange",
        Remedy.Return => "return",
        Remedy.PaidService => "paidService",
        Remedy.TechnicalSupport => "technicalSupport",
        Remedy.Upgrade => "upgrade",
        Remedy.SparePartsSupply => "sparePartsSupply",
        _ => remedy.ToString(),
    };

    internal static readonly Remedy[] WithDeadlines = [Remedy.Repair, Remedy.Replacement, Remedy.Exchange, Remedy.Return];
}
