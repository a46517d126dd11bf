using ServiceCommitments.Faults;

namespace ServiceCommitments.Documents;

/// <summary>Reads the policy document of docs/policies.md, as <see cref="PolicyShapes"/> declares it, into a policy.</summary>
/// <remarks>The rules of names and numbers are the domain's; the rules between rows are the builder's, reported at the rows' paths.</remarks>
internal static class PolicyReader
{
    internal const string What = "a policy object with \"targets\"";

    /// <summary>Reads a policy whose calendars are already in <paramref name="context"/>; null (with problems recorded) when it cannot be built.</summary>
    internal static ServicePolicy? Read(DocNode node, DocumentContext context)
    {
        context.Levels = FaultLevels.Standard;
        return PolicyShapes.Policy.TryRead(node, context, out var policy) ? policy : null;
    }
}
