using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using System.Collections.Concurrent;
using Partitioner = FedDashboard.Core.Learning.Data.Partitioner;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// MNIST loaded once per process: tensors for training, validation and testing, and each job's partition of the
/// training set among the simulated terminals (derived from the job's settings, never stored).
/// </summary>
/// <remarks>
/// The validation data, on which edges judge results, is a fixed seeded sample of <see cref="ValidationImages"/>
/// training images held out of every partition: no terminal trains on it, and the test set stays for measuring
/// versions alone, so filtering decisions never see it. The same images on every node and for every job.
/// </remarks>
public sealed class FederatedData : IDisposable
{
    public const int ValidationImages = 1_000;
    private const int ValidationSeed = 1_000_003;

    private readonly Lazy<Mnist> _mnist;
    private readonly ConcurrentDictionary<(DataPartition, int, int), int[][]> _partitions = new();

    public FederatedData(IOptions<DataOptions> options, IHostEnvironment environment)
    {
        var folder = Path.GetFullPath(options.Value.MnistPath, environment.ContentRootPath);
        _mnist = new(() => Mnist.Load(folder));
    }

    public MnistTensors Train => _mnist.Value.Train;
    public MnistTensors Validation => _mnist.Value.Validation;
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

    /// <summary>Partitions the training images outside the validation sample; shards hold indices into the whole training set.</summary>
    private int[][] Partition(DataPartition partition, int terminals, int seed)
    {
        var pool = _mnist.Value.TrainingPool;
        var shards = partition switch
        {
            DataPartition.Iid => Partitioner.Iid(pool.Length, terminals, seed),
            DataPartition.PathologicalNonIid => Partitioner.PathologicalNonIid([.. pool.Select(i => _mnist.Value.Data.Train.Labels[i])], terminals, 2, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(partition), partition, "Unknown partition."),
        };
        return [.. shards.Select(shard => shard.Select(i => pool[i]).ToArray())];
    }

    public void Dispose()
    {
        if (!_mnist.IsValueCreated) return;
        _mnist.Value.Train.Dispose();
        _mnist.Value.Validation.Dispose();
        _mnist.Value.Test.Dispose();
    }

    /// <param name="TrainingPool">The training images outside the validation sample, ascending.</param>
    private sealed record Mnist(MnistData Data, MnistTensors Train, MnistTensors Validation, MnistTensors Test, int[] TrainingPool)
    {
        public static Mnist Load(string folder)
        {
            var data = MnistLoader.Load(folder);
            var order = Enumerable.Range(0, data.Train.Count).ToArray();
            new Random(ValidationSeed).Shuffle(order);
            int[] validation = [.. order[..ValidationImages].Order()];
            int[] pool = [.. order[ValidationImages..].Order()];
            return new(data, new MnistTensors(data.Train), new MnistTensors(data.Train.Subset(validation)), new MnistTensors(data.Test), pool);
        }
    }
}
