namespace ServiceCommitments.Warranty;

/// <summary>
/// The built-in names of the dates an asset records and a term may start from. An asset may carry any other name as
/// well, and a term may start from it; names are case-sensitive.
/// </summary>
public static class StartEvents
{
    /// <summary>The day the asset was bought (售出之日, 购买日).</summary>
    public const string Purchase = "purchase";

    /// <summary>The day the invoice was issued (开具发票之日).</summary>
    public const string Invoice = "invoice";

    /// <summary>The day the asset was delivered (交付, 到货).</summary>
    public const string Delivery = "delivery";

    /// <summary>The day installation was completed (安装).</summary>
    public const string Installation = "installation";

    /// <summary>The day of acceptance (验收).</summary>
    public const string Acceptance = "acceptance";

    /// <summary>The day the installation-acceptance certificate was signed (安装调试合格证书签署).</summary>
    public const string AcceptanceSigned = "acceptanceSigned";

    /// <summary>The day the asset was first put to use (开始投入使用).</summary>
    public const string FirstUse = "firstUse";

    /// <summary>The day the customer received the goods (收到商品之日).</summary>
    public const string Received = "received";
}
