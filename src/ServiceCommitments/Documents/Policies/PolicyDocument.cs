using System;
using ServiceCommitments.Calendars;
using ServiceCommitments.Faults;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads a <see cref="ServicePolicy"/> from its JSON document (docs/policies.md): an object with <c>policy</c> and
/// the <c>calendars</c> its targets name, the same shape as a conformance file of kind <c>policy</c> without cases.
/// </summary>
/// <remarks>
/// Every problem is reported at once in a <see cref="DocumentException"/>, each with its JSON path and line: the
/// document's own (types, names, formats) and the policy's rules (an unknown calendar or milestone, a cycle between
/// milestones, two rows matching one ticket), checked by <see cref="ServicePolicyBuilder"/>. The methods are thread-safe.
/// </remarks>
public static class PolicyDocument
{
    /// <summary>Reads a policy from JSON text.</summary>
    /// <param name="json">The document: <c>{ "calendars": { ... }, "policy": { ... } }</c>.</param>
    /// <param name="holidaySets">Where to look up the calendars' holiday set ids; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentException">The text is not JSON, breaks a limit, or the document has errors; all are listed.</exception>
    public static ServicePolicy Parse(string json, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        var root = DocumentParser.Parse(json, null);
        var context = new DocumentContext(null, holidaySets);
        var document = context.Object(root, "an object with \"policy\" and the \"calendars\" it names");
        ServicePolicy? policy = null;
        if (document is not null)
        {
            NamedCalendarsReader.Read(document.Optional("calendars"), context);
            if (document.Required("policy", PolicyReader.What) is { } node)
            {
                policy = PolicyReader.Read(node, context);
            }

            document.Finish("property of a policy document");
        }

        context.ThrowIfProblems();
        return policy!;
    }

    /// <summary>Writes a policy, with the calendars it counts on, as a policy document; <see cref="Parse"/> reads it back to a policy with the same rules.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="holidaySets">The registry its calendars' holiday sets are named in; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The document, indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">A calendar of the policy cannot be written as a document (see <see cref="CalendarDocument.Write"/>).</exception>
    public static string Write(ServicePolicy policy, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(policy, nameof(policy));
        return DocumentWriter.Write(json =>
        {
            var names = new CalendarNaming(PolicyWriter.CalendarsOf(policy));
            json.WriteStartObject();
            names.WriteCalendars(json, holidaySets ?? HolidaySetRegistry.Default);
            PolicyWriter.WritePolicy(json, policy, names);
            json.WriteEndObject();
        });
    }
}
