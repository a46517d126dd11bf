namespace ServiceCommitments.Warranty;

/// <summary>A cost of a repair that a term may share between supplier and customer.</summary>
public enum CostType
{
    /// <summary>The engineer's time (工时). This is the default value.</summary>
    Labour = 0,

    /// <summary>Parts and materials (材料, 备件).</summary>
    Parts = 1,

    /// <summary>Travel to the customer's site (差旅).</summary>
    Travel = 2,
}
