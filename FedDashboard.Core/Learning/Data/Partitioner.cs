using FedDashboard.Core.Learning.Aggregation;


namespace FedDashboard.Core.Learning.Data;

/// <summary>Splits a data set's sample indices among clients, as in the FedAvg paper (McMahan et al. 2017).</summary>
public static class Partitioner
{
    /// <summary>
    /// Shuffles the indices and deals each client <c>sampleCount / clients</c> of them; the
    /// remainder is left out so that every client holds the same amount of data.
    /// </summary>
    public static int[][] Iid(int sampleCount, int clients, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clients);
        if (clients > sampleCount)
        {
            throw new ArgumentException($"Cannot give {clients} clients at least one sample each from {sampleCount} samples.", nameof(clients));
        }
        var order = Enumerable.Range(0, sampleCount).ToArray();
        new Random(seed).Shuffle(order);
        var size = sampleCount / clients;
        return [.. Enumerable.Range(0, clients).Select(client => order[(client * size)..((client + 1) * size)])];
    }

    /// <summary>
    /// The paper's pathological non-IID split: sort by label, cut into <c>clients * shardsPerClient</c>
    /// equal shards (leftover samples are unused) and give each client <paramref name="shardsPerClient"/>
    /// random shards. A shard may straddle two labels where a label's count is not a multiple of the
    /// shard size, so a client usually, not always, sees only <paramref name="shardsPerClient"/> digits.
    /// </summary>
    public static int[][] PathologicalNonIid(byte[] labels, int clients, int shardsPerClient, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clients);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shardsPerClient);
        var shards = (long)clients * shardsPerClient;
        if (shards > labels.Length)
        {
            throw new ArgumentException(
                $"{clients} clients x {shardsPerClient} shards = {shards} shards, more than the {labels.Length} samples.", nameof(clients));
        }
        var sorted = SortByLabel(labels);
        var shardSize = labels.Length / (int)shards;
        var shardOrder = Enumerable.Range(0, (int)shards).ToArray();
        new Random(seed).Shuffle(shardOrder);

        var result = new int[clients][];
        for (var client = 0; client < clients; client++)
        {
            var indices = new int[shardsPerClient * shardSize];
            for (var s = 0; s < shardsPerClient; s++)
            {
                var shard = shardOrder[client * shardsPerClient + s];
                Array.Copy(sorted, shard * shardSize, indices, s * shardSize, shardSize);
            }
            result[client] = indices;
        }
        return result;
    }

    // A counting sort: stable, so equal labels keep index order and the split depends only on the seed.
    private static int[] SortByLabel(byte[] labels)
    {
        var starts = new int[byte.MaxValue + 2];
        foreach (var label in labels)
        {
            starts[label + 1]++;
        }
        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] += starts[i - 1];
        }
        var sorted = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            sorted[starts[labels[i]]++] = i;
        }
        return sorted;
    }
}
