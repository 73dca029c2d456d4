namespace FedDashboard.Core.Learning.Data;

/// <summary>
/// How the dashboard splits MNIST's training images: a fixed seeded sample held out for validation, the rest (the pool)
/// dealt among the terminals. The server and a terminal agent run with the demo data cut the same shards from it.
/// </summary>
public static class FederatedSplit
{
    public const int ValidationImages = 1_000;

    /// <summary>MNIST's training images outside the validation sample.</summary>
    public const int PoolImages = 60_000 - ValidationImages;
    private const int ValidationSeed = 1_000_003;

    /// <summary>The validation sample and the pool of the remaining images, each ascending, out of <paramref name="trainingImages"/>.</summary>
    public static (int[] Validation, int[] Pool) HoldOut(int trainingImages)
    {
        var order = Enumerable.Range(0, trainingImages).ToArray();
        new Random(ValidationSeed).Shuffle(order);
        return ([.. order[..ValidationImages].Order()], [.. order[ValidationImages..].Order()]);
    }

    /// <summary>The pool dealt IID among <paramref name="terminals"/>; shards hold indices into the whole training set.</summary>
    public static int[][] Iid(int[] pool, int terminals, int seed) => InPool(pool, Partitioner.Iid(pool.Length, terminals, seed));

    /// <summary>The FedAvg paper's label-sorted split of the pool, <see cref="ShardsPerTerminal"/> shards per terminal.</summary>
    public static int[][] PathologicalNonIid(int[] pool, byte[] labels, int terminals, int seed) =>
        InPool(pool, Partitioner.PathologicalNonIid([.. pool.Select(i => labels[i])], terminals, ShardsPerTerminal, seed));

    public const int ShardsPerTerminal = 2;

    /// <summary>
    /// How many terminals a pool of <paramref name="images"/> can be split among: one image each dealt IID, one image
    /// per shard in the label-sorted split.
    /// </summary>
    public static int MostTerminals(int images, bool labelSorted) => labelSorted ? images / ShardsPerTerminal : images;

    /// <summary>
    /// The central server's own data: <paramref name="samples"/> images of the pool drawn by <paramref name="seed"/>,
    /// ascending. Never validation images, so edges judge results on data no model trained on; a server's data may
    /// resemble its clients', so the sample may overlap terminals' shards.
    /// </summary>
    public static int[] ServerSample(int[] pool, int samples, int seed)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, pool.Length);
        var order = (int[])pool.Clone();
        new Random(seed).Shuffle(order);
        return [.. order[..samples].Order()];
    }

    private static int[][] InPool(int[] pool, int[][] shards) => [.. shards.Select(shard => shard.Select(i => pool[i]).ToArray())];
}
