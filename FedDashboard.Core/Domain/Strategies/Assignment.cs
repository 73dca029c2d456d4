using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>
/// A terminal an edge selected, the model width it trains and the group rule it fell under, if any; once configured,
/// also the layer it trains in a segmented job and the data other terminals share with it.
/// </summary>
public sealed record Assignment(Terminal Terminal, double Width, string? Group)
{
    /// <summary>The layer it trains with the rest frozen; null when the job does not segment.</summary>
    public string? Segment { get; init; }

    public IReadOnlyList<Grant> Grants { get; init; } = [];

    public string ModelVariant => ModelVariantName.Of(Width, Group);
}
