using FedDashboard.Core.Orchestration.Terminals;


namespace FedDashboard.Core.Domain.Training;

/// <summary>What the edge gave a participant to train: the start model and the variant of it, and the data it trains on.</summary>
/// <param name="BaseModelHash">The model the terminal starts from (content hash in the blob store).</param>
/// <param name="Width">The model width the edge assigned (1 = the full model; HeteroFL tier).</param>
/// <param name="Group">The group rule the terminal fell under when assigned, if any.</param>
/// <param name="Segment">The layer the terminal trains with the rest frozen, in a segmented job.</param>
/// <param name="SharedSamples">Samples of other terminals' data it trains on (see <see cref="SharedDataGrant"/>).</param>
public sealed record ParticipantAssignment(
    string BaseModelHash, string ModelVariant, double Width, string? Group, string? Segment, DataSource DataSource, int SharedSamples);
