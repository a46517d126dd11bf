using System;
using System.Text.Json;
using ServiceCommitments.Calendars;
using ServiceCommitments.Internal;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads a <see cref="WarrantyPolicy"/> from its JSON document (docs/warranty.md): <c>zone</c>, <c>calendars</c>,
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
