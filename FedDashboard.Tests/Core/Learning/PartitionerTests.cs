using FedDashboard.Core.Learning.Data;
using FedDashboard.Tests.Shared;

namespace FedDashboard.Tests.Core.Learning;

[Collection(MnistCollection.Name)]
public sealed class PartitionerTests(MnistFixture mnist)
{
    [Fact]
    public void Iid_60000SamplesFor100Clients_Gives600Each()
    {
        var parts = Partitioner.Iid(60000, 100, seed: 1);

        Assert.Equal(100, parts.Length);
        Assert.All(parts, part => Assert.Equal(600, part.Length));
    }

    [Fact]
    public void Iid_60000SamplesFor100Clients_IsDisjointAndCoversAll()
    {
        var parts = Partitioner.Iid(60000, 100, seed: 1);

        Assert.Equal(Enumerable.Range(0, 60000), parts.SelectMany(part => part).Order());
    }

    [Fact]
    public void Iid_SameSeed_GivesSamePartition()
    {
        Assert.Equal(Partitioner.Iid(1000, 10, seed: 7), Partitioner.Iid(1000, 10, seed: 7));
    }

    [Fact]
    public void Iid_AnyClient_IsShuffledNotAContiguousRange()
    {
        var first = Partitioner.Iid(60000, 100, seed: 1)[0];

        Assert.NotEqual(Enumerable.Range(first.Min(), first.Length), first.Order());
    }

    [Fact]
    public void Iid_MoreClientsThanSamples_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => Partitioner.Iid(5, 6, seed: 1));

        Assert.Contains("6 clients", error.Message);
    }

    [Fact]
    public void PathologicalNonIid_LabelsInMultiplesOfShardSize_GivesEachClientAtMostTwoDigits()
    {
        var labels = Enumerable.Range(0, 60000).Select(i => (byte)(i * 7919 % 10)).ToArray();

        var parts = Partitioner.PathologicalNonIid(labels, clients: 100, shardsPerClient: 2, seed: 3);

        Assert.All(parts, part => Assert.InRange(part.Select(i => labels[i]).Distinct().Count(), 1, 2));
    }

    [Fact]
    public void PathologicalNonIid_RealMnist100Clients_Gives600DisjointSamplesEach()
    {
        var labels = mnist.Data.Train.Labels;

        var parts = Partitioner.PathologicalNonIid(labels, clients: 100, shardsPerClient: 2, seed: 3);

        Assert.All(parts, part => Assert.Equal(600, part.Length));
        Assert.Equal(60000, parts.SelectMany(part => part).Distinct().Count());
    }

    [Fact]
    public void PathologicalNonIid_RealMnist_MostClientsSeeAtMostTwoDigits()
    {
        // Real label counts are not multiples of 300: each of the nine label boundaries can fall
        // inside one shard, so at most nine clients see a third (or fourth) digit, as in the paper.
        var labels = mnist.Data.Train.Labels;

        var parts = Partitioner.PathologicalNonIid(labels, clients: 100, shardsPerClient: 2, seed: 3);
        var digits = parts.Select(part => part.Select(i => labels[i]).Distinct().Count()).ToArray();

        Assert.True(digits.Count(d => d <= 2) >= 91, $"clients with <= 2 digits: {digits.Count(d => d <= 2)}");
        Assert.All(digits, d => Assert.InRange(d, 1, 4));
    }

    [Fact]
    public void PathologicalNonIid_TooManyShards_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Partitioner.PathologicalNonIid(new byte[10], clients: 6, shardsPerClient: 2, seed: 1));

        Assert.Contains("12 shards", error.Message);
    }

    [Fact]
    public void PathologicalNonIid_ZeroShardsPerClient_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Partitioner.PathologicalNonIid(new byte[10], clients: 2, shardsPerClient: 0, seed: 1));
    }
}
