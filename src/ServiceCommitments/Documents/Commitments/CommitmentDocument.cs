using System;
using System.IO;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads and writes a whole commitment as one JSON document: the <c>calendars</c> its parts count on, a
/// <c>policy</c>, a <c>warranty</c> (a document or the id of a shipped statutory rule set), a <c>schedule</c> and
/// named <c>schedules</c>, each in its capability's format (docs/documents.md, the JSON Schema in
/// docs/schema/commitment.schema.json).
/// </summary>
/// <remarks>
/// Loading never crashes, hangs or guesses: every problem is reported at once in a <see cref="DocumentException"/>,
/// each with its JSON path and line, and documents are bounded in size, depth and counts. A loaded document writes back
/// (<see cref="Write"/>) to an equivalent document. The methods are thread-safe.
/// </remarks>
public static class CommitmentDocument
{
    /// <summary>Reads a commitment from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="holidaySets">Where to look up the calendars' holiday set ids; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <param name="documentName">Where the text came from (a file name), for messages; may be null.</param>
    /// <returns>The commitment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentException">The text is not JSON, breaks a limit, or the document has errors; all are listed with their paths and lines.</exception>
    public static Commitment Parse(string json, HolidaySetRegistry? holidaySets = null, string? documentName = null)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        var root = DocumentParser.Parse(json, documentName);
        var context = new DocumentContext(documentName, holidaySets);
        var commitment = CommitmentReader.Read(root, context);
        context.ThrowIfProblems();
        return commitment!;
    }

    /// <summary>Reads a commitment from a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="holidaySets">Where to look up the calendars' holiday set ids; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The commitment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="DocumentException">The document has errors; all are listed with their paths and lines.</exception>
    public static Commitment Load(string path, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        return Parse(File.ReadAllText(path), holidaySets, path);
    }

    /// <summary>Writes a commitment as a commitment document; <see cref="Parse"/> reads it back to a commitment with the same rules.</summary>
    /// <remarks>
    /// Every calendar is written once in <c>calendars</c>, under the first of its names (a calendar a part holds without
    /// a name as <c>calendar1</c>, <c>calendar2</c>, ...), and each part names it there. The warranty is written in full,
    /// except a shipped rule set loaded unchanged (the very policy <see cref="WarrantyRuleSets.Load"/> gave), which is
    /// written as its id. A single schedule named <c>schedule</c> is written as <c>schedule</c>, any other schedules under
    /// <c>schedules</c>.
    /// </remarks>
    /// <param name="commitment">The commitment.</param>
    /// <param name="holidaySets">The registry its calendars' holiday sets are named in; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The document, indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="commitment"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A part cannot be written as a document: a calendar (see <see cref="CalendarDocument.Write"/>), the warranty's zone
    /// (see <see cref="WarrantyDocument.Write"/>), or a target with a cut-off in seconds or a period beyond 10,000 years.
    /// </exception>
    public static string Write(Commitment commitment, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(commitment, nameof(commitment));
        return DocumentWriter.Write(json => CommitmentWriter.Write(json, commitment, holidaySets ?? HolidaySetRegistry.Default));
    }
}
