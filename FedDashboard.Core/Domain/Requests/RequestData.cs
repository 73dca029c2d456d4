using FedDashboard.Core.Domain.Training;

namespace FedDashboard.Core.Domain.Requests;

/// <summary>What a request trains on: for now the demo data set (MNIST) under one of its partitions over the fleet, optionally only on one group of terminals.</summary>
public sealed record RequestData
{
    public DataPartition Partition { get; init; } = DataPartition.Iid;

    /// <summary>The name of a terminal group an edge's policy defines; its rounds train only terminals in a group of that name. Null for any terminal.</summary>
    public string? TerminalGroup { get; init; }
}
