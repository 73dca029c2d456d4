using FedDashboard.Core.Learning.Aggregation;


namespace FedDashboard.Core.Domain.Training;

/// <summary>How the MNIST training set is split among the simulated terminals.</summary>
public enum DataPartition
{
    Iid,

    /// <summary>The FedAvg paper's split: sorted by label, 200 shards of 300, two shards per terminal.</summary>
    PathologicalNonIid,
}
