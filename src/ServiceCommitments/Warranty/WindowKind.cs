namespace ServiceCommitments.Warranty;

/// <summary>Which right a remedy window grants.</summary>
public enum WindowKind
{
    /// <summary>A return without a reason and without a failure (七日无理由退货). This is the default value.</summary>
    ReturnWithoutReason = 0,

    /// <summary>A return (or an exchange) of a product that failed within the window.</summary>
    ReturnOnFailure = 1,

    /// <summary>An exchange of a product that failed within the window.</summary>
    ExchangeOnFailure = 2,
}
