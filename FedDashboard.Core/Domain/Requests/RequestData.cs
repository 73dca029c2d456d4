using FedDashboard.Core.Domain.Training;

namespace FedDashboard.Core.Domain.Requests;

/// <summary>What a request trains on: for now the demo data set (MNIST) under one of its partitions over the fleet.</summary>
public sealed record RequestData
{
    public DataPartition Partition { get; init; } = DataPartition.Iid;
}
