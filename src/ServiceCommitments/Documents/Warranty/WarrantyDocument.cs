using System;
using System.Text.Json;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads a <see cref="WarrantyPolicy"/> from its JSON document, and writes one back (<see cref="Write"/>) (docs/warranty.md): <c>zone</c>, <c>calendars</c>,
/// <c>terms</c>, <c>exclusions</c>, <c>builtInExclusions</c>, <c>repeatFailure</c>, <c>repairTime</c>, the return and
/// exchange windows, <c>remedyDeadlines</c> (or <c>repairTurnaround</c>), <c>paidService</c> and the policy's flags;
/// and the assets and claims it decides on.
/// </summary>
/// <remarks>
/// Every problem in a document is collected and reported at once in a <see cref="DocumentException"/>, each with its
/// JSON path, line and the value found; the policy's rules are the builder's own (see
/// <see cref="WarrantyPolicyBuilder"/>), checked once. Unknown properties and names given twice are errors. Documents
/// are bounded in size, depth and counts (docs/documents.md, "Limits"). The methods are thread-safe.
/// </remarks>
public static class WarrantyDocument
{
    /// <summary>Reads a warranty policy from JSON text.</summary>
    /// <param name="json">The warranty document.</param>
    /// <param name="holidaySets">Where to look up the holiday set ids of its calendars; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentException">The text is not JSON, breaks a limit, or the document has errors; all are listed.</exception>
    public static WarrantyPolicy Parse(string json, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        return Read(DocumentParser.Parse(json, null), holidaySets, WarrantyReader.Read);
    }

    /// <summary>Reads a warranty policy from a parsed JSON element.</summary>
    /// <param name="element">The warranty document's root object.</param>
    /// <param name="holidaySets">Where to look up the holiday set ids of its calendars; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="DocumentException">The element is undefined, breaks a limit, or the document has errors; all are listed.</exception>
    public static WarrantyPolicy Read(JsonElement element, HolidaySetRegistry? holidaySets = null)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw new DocumentException(null, [new DocumentError("$", "found nothing (an undefined JsonElement); expected " + WarrantyReader.What)]);
        }

        return Read(DocumentParser.Parse(element.GetRawText(), null), holidaySets, WarrantyReader.Read);
    }

    /// <summary>
    /// Writes a warranty policy as a warranty document, with the calendars it counts on inside it; <see cref="Parse"/>
    /// reads it back to a policy with the same rules and the same decisions.
    /// </summary>
    /// <remarks>
    /// Every rule is written in full, also for a policy loaded from a shipped rule set (a warranty document has no place
    /// for a rule set's id; a commitment document does, and <see cref="CommitmentDocument.Write"/> writes an unchanged
    /// rule set as its id). Defaults are left out, a repair deadline is written in <c>remedyDeadlines</c>, and notes for
    /// people (<c>source</c>, <c>note</c>) are not kept by a policy, so they are not written. A calendar that windows or
    /// deadlines hold without a name is written as <c>calendar1</c>, <c>calendar2</c>, ...
    /// </remarks>
    /// <param name="warranty">The policy.</param>
    /// <param name="holidaySets">The registry its calendars' holiday sets are named in; null for <see cref="HolidaySetRegistry.Default"/>.</param>
    /// <returns>The document, indented JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="warranty"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The policy's zone is not a tzdb zone; a calendar cannot be written as a document (see <see cref="CalendarDocument.Write"/>);
    /// or a window or deadline has a cut-off with seconds or a period beyond 10,000 years.
    /// </exception>
    public static string Write(WarrantyPolicy warranty, HolidaySetRegistry? holidaySets = null)
    {
        Preconditions.CheckNotNull(warranty, nameof(warranty));
        return DocumentWriter.Write(json => WarrantyWriter.WriteDocument(json, warranty, holidaySets ?? HolidaySetRegistry.Default));
    }

    /// <summary>Reads an asset from its JSON object (docs/warranty.md, "Assets and claims").</summary>
    /// <param name="json">The asset object.</param>
    /// <returns>The asset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentException">The text is not JSON, breaks a limit, or the asset has errors; all are listed.</exception>
    public static Asset ParseAsset(string json)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        return Read(DocumentParser.Parse(json, null), null, AssetClaimReader.ReadAsset);
    }

    /// <summary>Reads a claim from its JSON object (docs/warranty.md, "Assets and claims").</summary>
    /// <param name="json">The claim object.</param>
    /// <returns>The claim.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentException">The text is not JSON, breaks a limit, or the claim has errors; all are listed.</exception>
    public static Claim ParseClaim(string json)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        return Read(DocumentParser.Parse(json, null), null, AssetClaimReader.ReadClaim);
    }

    private static T Read<T>(DocNode root, HolidaySetRegistry? holidaySets, Func<DocNode, DocumentContext, T?> reader)
        where T : class
    {
        var context = new DocumentContext(null, holidaySets);
        var result = reader(root, context);
        context.ThrowIfProblems();
        return result!;
    }
}
