using System.Collections.Concurrent;
using FedDashboard.Core.Learning;
using FedDashboard.Core.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Partitioner = FedDashboard.Core.Learning.Partitioner;

namespace FedDashboard.Core.Orchestration;

/// <summary>
/// MNIST loaded once per process: tensors for training and testing, and each job's partition of the
/// training set among the simulated terminals (derived from the job's settings, never stored).
/// </summary>
public sealed class FederatedData : IDisposable
{
    private readonly Lazy<(MnistData Data, MnistTensors Train, MnistTensors Test)> _mnist;
    private readonly ConcurrentDictionary<(DataPartition, int, int), int[][]> _partitions = new();

    public FederatedData(IOptions<DataOptions> options, IHostEnvironment environment)
    {
        var folder = Path.GetFullPath(options.Value.MnistPath, environment.ContentRootPath);
        _mnist = new(() =>
        {
            var data = MnistLoader.Load(folder);
            return (data, new MnistTensors(data.Train), new MnistTensors(data.Test));
        });
    }

    public MnistTensors Train => _mnist.Value.Train;
    public MnistTensors Test => _mnist.Value.Test;

    /// <summary>Loads everything now, so a missing or corrupt file stops start-up rather than a round.</summary>
    public void EnsureLoaded() => _ = _mnist.Value;

    public int[] ShardOf(TrainingJob job, int dataOrdinal)
    {
        if (dataOrdinal >= job.FleetSize) throw new ArgumentOutOfRangeException(nameof(dataOrdinal), dataOrdinal, $"Job {job.Id} partitioned its data for {job.FleetSize} terminals.");
        var settings = job.Settings;
        var shards = _partitions.GetOrAdd((settings.Partition, job.FleetSize, settings.Seed), key => Partition(key.Item1, key.Item2, key.Item3));
        return shards[dataOrdinal];
    }

    private int[][] Partition(DataPartition partition, int terminals, int seed) => partition switch
    {
        DataPartition.Iid => Partitioner.Iid(_mnist.Value.Data.Train.Count, terminals, seed),
        DataPartition.PathologicalNonIid => Partitioner.PathologicalNonIid(_mnist.Value.Data.Train.Labels, terminals, 2, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(partition), partition, "Unknown partition."),
    };

    public void Dispose()
    {
        if (!_mnist.IsValueCreated) return;
        _mnist.Value.Train.Dispose();
        _mnist.Value.Test.Dispose();
    }
}
