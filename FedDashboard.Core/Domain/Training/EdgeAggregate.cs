namespace FedDashboard.Core.Domain.Training;

/// <summary>An edge's aggregate of its terminals' results in one round.</summary>
public sealed class EdgeAggregate
{
    private EdgeAggregate() => ModelHash = "";

    /// <param name="samples">The sum of the results' samples, 64-bit: many terminals' claims overflow 32 bits.</param>
    /// <param name="controlDeltaHash">Under SCAFFOLD, the sample-weighted mean of the results' Δc_i at the global width.</param>
    public EdgeAggregate(int roundId, int edgeId, string modelHash, long samples, int contributors, string? controlDeltaHash = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        RoundId = roundId;
        EdgeId = edgeId;
        ModelHash = modelHash;
        Samples = samples;
        Contributors = contributors;
        ControlDeltaHash = controlDeltaHash;
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int EdgeId { get; private set; }
    public string ModelHash { get; private set; }
    public long Samples { get; private set; }
    public int Contributors { get; private set; }
    public string? ControlDeltaHash { get; private set; }
}
