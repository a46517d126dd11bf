namespace ServiceCommitments.Documents;

/// <summary>
/// Reads the commitment document, as <see cref="CommitmentShapes"/> declares it: <c>calendars</c>, <c>policy</c>,
/// <c>warranty</c>, <c>schedule</c> and <c>schedules</c>, each in the format of its own capability.
/// </summary>
internal static class CommitmentReader
{
    internal const string What = "a commitment object with any of \"calendars\", \"policy\", \"warranty\", \"schedule\", \"schedules\"";

    internal static Commitment? Read(DocNode node, DocumentContext context) =>
        CommitmentShapes.Commitment.TryRead(node, context, out var commitment) ? commitment : null;
}
