using System;
using ServiceCommitments.Internal;
namespace ServiceCommitments.Faults;

/// <summary>
/// The built-in milestone names. A policy may use any other name as well (<c>"notifyManagement"</c>,
/// <c>"expertGroup"</c>); names are case-sensitive.
/// </summary>
public static class Milestones
{
    /// <summary>The hotline answered the call (电话接听).</summary>
    public const string Answered = "answered";

    /// <summary>The service request was accepted or declined (受理).</summary>
    public const string Accepted = "accepted";

    /// <summary>The first response to the customer (首次响应).</summary>
    public const string FirstResponse = "firstResponse";

    /// <summary>Remote support began (远程支持).</summary>
    public const string RemoteSupport = "remoteSupport";

    /// <summary>An engineer arrived on site (到达现场).</summary>
    public const string OnSite = "onSite";

    /// <summary>A repair plan was given (维修方案).</summary>
    public const string RepairPlan = "repairPlan";

    /// <summary>Service was restored (业务恢复).</summary>
    public const string Restored = "restored";

    /// <summary>Everything is back to normal, all indicators included (完全恢复).</summary>
    public const string Recovered = "recovered";

    /// <summary>The fault was resolved (故障解决).</summary>
    public const string Resolved = "resolved";

    /// <summary>A fault detection report, with the repair cost, was handed over (故障检测报告).</summary>
    public const string FaultReport = "faultReport";

    /// <summary>An incident report was handed over (事故报告).</summary>
    public const string IncidentReport = "incidentReport";

    /// <summary>A replacement or backup unit was provided (更换备机).</summary>
    public const string Replacement = "replacement";

    /// <summary>The clock start every target counts from unless it names a milestone: when the report was received.</summary>
    public const string Reported = "reported";

    /// <summary>The rule of a milestone name a document or sentence gives.</summary>
    internal const string NameRule = "expected a milestone name: not empty, not \"reported\", without '.'";

    /// <summary>Whether <paramref name="name"/> may name a milestone of a row (not empty, not <c>reported</c>, no '.'); the problem reported at <paramref name="at"/> when not.</summary>
    internal static bool CheckName(string name, FieldRef at, IShownValue? shown, ProblemSink sink)
    {
        if (name.Length > 0 && name != Reported && !name.Contains('.', StringComparison.Ordinal))
        {
            return true;
        }

        sink.Add(at, shown?.Show() ?? ProblemSink.Quote(name), NameRule);
        return false;
    }
}
