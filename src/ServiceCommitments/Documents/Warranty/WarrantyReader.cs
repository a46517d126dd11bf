using System.Text.Json;
using ServiceCommitments.Warranty;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads the warranty document of docs/warranty.md, as <see cref="WarrantyShapes"/> declares it, into a policy.
/// </summary>
/// <remarks>
/// The reader checks only what is the document's own business (JSON types, names, text forms, names given twice); every
/// rule of the policy itself is the builder's, checked once and reported at the document's paths.
/// </remarks>
internal static class WarrantyReader
{
    internal const string What = "a warranty object with \"zone\" and \"terms\"";

    /// <summary>Reads a warranty document, or the id of a shipped statutory rule set (<c>"cn-sanbao-1995"</c>) in its place.</summary>
    internal static WarrantyPolicy? ReadOrRuleSet(DocNode node, DocumentContext context)
    {
        if (node.Kind != JsonValueKind.String)
        {
            return Read(node, context);
        }

        if (WarrantyRuleSets.Exists(node.Text!))
        {
            return WarrantyRuleSets.Load(node.Text!);
        }

        context.Invalid(node, $"expected a warranty object, or the id of a shipped rule set: {string.Join(", ", WarrantyRuleSets.Ids)}");
        return null;
    }

    internal static WarrantyPolicy? Read(DocNode node, DocumentContext context) =>
        WarrantyShapes.Policy.TryRead(node, context, out var policy) ? policy : null;
}
