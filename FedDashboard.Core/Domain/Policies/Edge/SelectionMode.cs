namespace FedDashboard.Core.Domain.Policies.Edge;

/// <summary>How an edge selects terminals and which model it gives each.</summary>
public enum SelectionMode
{
    /// <summary>Any available terminal; every one gets the full model.</summary>
    SameModel,

    /// <summary>Only terminals meeting the standard (max load, min battery, min speed); every one gets the full model.</summary>
    Standard,

    /// <summary>Terminals meeting the standard, each given a model width by its capacity (HeteroFL tiers).</summary>
    Tiered,
}
