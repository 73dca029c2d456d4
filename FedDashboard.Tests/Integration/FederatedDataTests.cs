using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

public sealed class FederatedDataTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(DataPartition.Iid)]
    [InlineData(DataPartition.PathologicalNonIid)]
    public async Task ShardOf_EveryTerminal_ShardsShareNoImageAndLeaveTheValidationSampleOut(DataPartition partition)
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(partition: partition));
        var data = _host.Get<FederatedData>();

        var shards = Enumerable.Range(0, job.DataShards).Select(o => data.ShardOf(job, o)).ToList();

        // 59,000 images split 20 ways leave no remainder, so together the shards hold every image but the validation ones.
        var held = shards.SelectMany(s => s).ToHashSet();
        Assert.Equal(shards.Sum(s => s.Length), held.Count);
        Assert.Equal(60_000 - FederatedData.ValidationImages, held.Count);
        Assert.Equal(FederatedData.ValidationImages, data.Validation.Count);
    }

    [Fact]
    public async Task LaunchAsync_FleetBiggerThanTheImages_SplitsAmongAsManyAsTheyServeAndSelectsOnlyThose()
    {
        // 10 images beside the validation sample stand for MNIST's 59,000 among 100,000 simulated terminals.
        var mnist = Directory.CreateTempSubdirectory("fed-mnist-small");
        IdxSubset.Write(mnist.FullName, FederatedData.ValidationImages + 10);
        foreach (var file in new[] { "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
            File.Copy(Path.Combine(TestEnvironment.MnistPath, file), Path.Combine(mnist.FullName, file));
        try
        {
            await using var host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20, settings: new Dictionary<string, string?> { ["Fed:Data:MnistPath"] = mnist.FullName });
            var job = await host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings());
            await host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

            Assert.Equal(20, job.FleetSize);
            Assert.Equal(10, job.DataShards);
            Assert.All(Enumerable.Range(0, job.DataShards), o => Assert.Single(host.Get<FederatedData>().ShardOf(job, o)));
            await using var db = host.Db();
            var ordinals = await db.RoundParticipants.Join(db.Terminals, p => p.TerminalId, t => t.Id, (p, t) => t.DataOrdinal).ToListAsync();
            Assert.NotEmpty(ordinals);
            Assert.All(ordinals, o => Assert.InRange(o, 0, 9));
        }
        finally
        {
            mnist.Delete(recursive: true);
        }
    }
}
