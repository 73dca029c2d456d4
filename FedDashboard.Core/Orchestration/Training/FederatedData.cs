using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Orchestration.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using System.Collections.Concurrent;

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
    public const int ValidationImages = FederatedSplit.ValidationImages;

    private readonly Lazy<Mnist> _mnist;
    private readonly ConcurrentDictionary<(DataPartition, int, int), int[][]> _partitions = new();
    private readonly ConcurrentDictionary<string, Lazy<MnistTensors>> _heldOut = new();

    public FederatedData(IOptions<DataOptions> options, IHostEnvironment environment)
    {
        var folder = Path.GetFullPath(options.Value.MnistPath, environment.ContentRootPath);
        _mnist = new(() => Mnist.Load(folder));
    }

    public MnistTensors Train => _mnist.Value.Train;
    public MnistTensors Validation => _mnist.Value.Validation;
    public MnistTensors Test => _mnist.Value.Test;

    /// <summary>The test images of a held-out set (<see cref="HeldOutSets"/>), built once per process.</summary>
    public MnistTensors HeldOut(HeldOutSet set) => set.Name == HeldOutSets.Default
        ? Test
        : _heldOut.GetOrAdd(set.Name, _ => new(() => new MnistTensors(_mnist.Value.Data.Test.Subset(set.Select(_mnist.Value.Data.Test.Labels))))).Value;

    /// <summary>Loads everything now, so a missing or corrupt file stops start-up rather than a round.</summary>
    public void EnsureLoaded() => _ = _mnist.Value;

    /// <summary>
    /// How many of <paramref name="terminals"/> a job's split of the training images can serve (see
    /// <see cref="FederatedSplit.MostTerminals"/>). A bigger fleet (100,000 simulated terminals share 59,000 images)
    /// trains on that many, the first by data ordinal; the others sit the job's rounds out.
    /// </summary>
    public int TerminalsToSplitAmong(TrainingSettings settings, int terminals) =>
        Math.Min(terminals, FederatedSplit.MostTerminals(_mnist.Value.TrainingPool.Length, settings.Partition == DataPartition.PathologicalNonIid));

    public int[] ShardOf(TrainingJob job, int dataOrdinal)
    {
        if (dataOrdinal >= job.DataShards) throw new ArgumentOutOfRangeException(nameof(dataOrdinal), dataOrdinal, $"Job {job.Id} partitioned its data for {job.DataShards} terminals.");
        var settings = job.Settings;
        var shards = _partitions.GetOrAdd((settings.Partition, job.DataShards, settings.Seed), key => Partition(key.Item1, key.Item2, key.Item3));
        return shards[dataOrdinal];
    }

    /// <summary>The images the central server trains on for the job (<see cref="FederatedSplit.ServerSample"/>), the same every round.</summary>
    public int[] ServerSampleOf(TrainingJob job) =>
        FederatedSplit.ServerSample(_mnist.Value.TrainingPool, job.Settings.CentralDataSamples, job.Settings.Seed);

    /// <summary>Partitions the training images outside the validation sample; shards hold indices into the whole training set.</summary>
    private int[][] Partition(DataPartition partition, int terminals, int seed)
    {
        var pool = _mnist.Value.TrainingPool;
        return partition switch
        {
            DataPartition.Iid => FederatedSplit.Iid(pool, terminals, seed),
            DataPartition.PathologicalNonIid => FederatedSplit.PathologicalNonIid(pool, _mnist.Value.Data.Train.Labels, terminals, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(partition), partition, "Unknown partition."),
        };
    }

    public void Dispose()
    {
        if (!_mnist.IsValueCreated) return;
        _mnist.Value.Train.Dispose();
        _mnist.Value.Validation.Dispose();
        _mnist.Value.Test.Dispose();
        foreach (var set in _heldOut.Values.Where(s => s.IsValueCreated)) set.Value.Dispose();
    }

    /// <param name="TrainingPool">The training images outside the validation sample, ascending.</param>
    private sealed record Mnist(MnistData Data, MnistTensors Train, MnistTensors Validation, MnistTensors Test, int[] TrainingPool)
    {
        public static Mnist Load(string folder)
        {
            var data = MnistLoader.Load(folder);
            var (validation, pool) = FederatedSplit.HoldOut(data.Train.Count);
            return new(data, new MnistTensors(data.Train), new MnistTensors(data.Train.Subset(validation)), new MnistTensors(data.Test), pool);
        }
    }
}
