using FedDashboard.Core.Learning.Data;
using FedDashboard.Protocol;
using System.Collections.Concurrent;

namespace FedDashboard.Agent;

/// <summary>
/// What the agent trains on, loaded once: its own IDX folder (every sample, every round), or with the demo flag MNIST's
/// training images, of which each assignment names the shard (cut as the server cuts it, <see cref="FederatedSplit"/>).
/// </summary>
internal sealed class AgentData : IDisposable
{
    private readonly int[]? _pool;
    private readonly byte[] _labels;
    private readonly ConcurrentDictionary<DemoPartition, int[][]> _partitions = new();
    private int _samples;

    private AgentData(string app, MnistSplit split, DateTimeOffset updatedAt, bool demo)
    {
        App = app;
        UpdatedAt = updatedAt;
        Anonymized = demo;
        Tensors = new MnistTensors(split);
        _labels = split.Labels;
        _pool = demo ? FederatedSplit.HoldOut(split.Count).Pool : null;
        // The demo's shard is not known before an assignment names it; until then the pool bounds it.
        _samples = _pool?.Length ?? split.Count;
    }

    public string App { get; }

    /// <summary>What the agent trains on: its whole folder, or the demo shard its latest assignment named.</summary>
    public int Samples => Volatile.Read(ref _samples);

    public DateTimeOffset UpdatedAt { get; }

    /// <summary>MNIST is public and anonymous; a terminal's own data is not assumed to be.</summary>
    public bool Anonymized { get; }

    public MnistTensors Tensors { get; }

    public static AgentData Load(AgentArguments args)
    {
        var folder = args.Data ?? args.DemoMnist!;
        var split = MnistLoader.LoadTrain(folder);
        if (split.Count == 0) throw new InvalidDataException($"{folder} holds no samples to train on.");
        // The demo stands for data a device has just collected; MNIST's files are decades old.
        return args.Data is not null
            ? new AgentData(AppOf(folder), split, File.GetLastWriteTimeUtc(Path.Combine(folder, "train-labels-idx1-ubyte")), demo: false)
            : new AgentData("mnist-demo", split, DateTimeOffset.UtcNow, demo: true);
    }

    /// <summary>The data's folder names the app that produced it, cut to the 50 characters the edge keeps.</summary>
    private static string AppOf(string folder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return name is { Length: > 0 } ? name[..Math.Min(name.Length, 50)] : "data";
    }

    /// <summary>The sample indices to train on for <paramref name="assignment"/>, or why there are none.</summary>
    public (int[]? Indices, string? Problem) For(AssignmentInfo assignment)
    {
        if (_pool is null) return (Enumerable.Range(0, Tensors.Count).ToArray(), null);
        if (assignment.Demo is not { Terminals: > 0 } demo) return (null, "the edge did not say how it splits the demo data");
        var shards = _partitions.GetOrAdd(demo, Split);
        if (shards.Length == 0) return (null, $"the demo data is split in an unknown way ('{demo.Partition}')");
        // An agent enrolled after the job split its data shares a shard with a terminal enrolled before it.
        var shard = shards[assignment.DataOrdinal % shards.Length];
        Volatile.Write(ref _samples, shard.Length);
        return (shard, null);
    }

    private int[][] Split(DemoPartition demo) => demo.Partition switch
    {
        "Iid" => FederatedSplit.Iid(_pool!, demo.Terminals, demo.Seed),
        "PathologicalNonIid" => FederatedSplit.PathologicalNonIid(_pool!, _labels, demo.Terminals, demo.Seed),
        _ => [],
    };

    public void Dispose() => Tensors.Dispose();
}
