using ServiceCommitments.Warranty;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads the asset and claim objects of docs/warranty.md, as <see cref="AssetClaimShapes"/> declares them, into an
/// <see cref="Asset"/> and a <see cref="Claim"/>; their rules are the types' own, reported at the document's paths.
/// </summary>
internal static class AssetClaimReader
{
    internal static Asset? ReadAsset(DocNode node, DocumentContext context) => AssetClaimShapes.Asset.TryRead(node, context, out var asset) ? asset : null;

    internal static Claim? ReadClaim(DocNode node, DocumentContext context) => AssetClaimShapes.Claim.TryRead(node, context, out var claim) ? claim : null;
}
