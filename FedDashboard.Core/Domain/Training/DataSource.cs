namespace FedDashboard.Core.Domain.Training;

/// <summary>What a terminal trains on.</summary>
public enum DataSource
{
    /// <summary>Its own shard of the data.</summary>
    Local,

    /// <summary>A data set its edge hands out (the edge's pool of the shards of the terminals it covers at seeding).</summary>
    Edge,
}
