using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>One edge's part of a round: the terminals it assigned, in the order it asked them, and those that declined.</summary>
public sealed record EdgeSelection(EdgeServer Edge, IReadOnlyList<Assignment> Assigned, IReadOnlyList<Decline> Declined)
{
    /// <summary>Its candidates that met its standard, whether it asked them or not.</summary>
    public required int Eligible { get; init; }
}
