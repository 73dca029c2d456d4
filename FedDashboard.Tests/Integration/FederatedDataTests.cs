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
    public async Task LaunchAsync_MoreTerminalsThanTheImagesGiveABatchEach_SplitsAmongAsManyAsTheyDoAndSelectsOnlyThose()
    {
        // 59,000 images in batches of 5,000 serve 11 of the 20 terminals.
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings() with { BatchSize = 5_000 });
        await _host.Get<RoundStarter>().StartNextRoundAsync(job.Id);

        Assert.Equal(20, job.FleetSize);
        Assert.Equal(11, job.DataShards);
        Assert.All(Enumerable.Range(0, job.DataShards), o => Assert.True(_host.Get<FederatedData>().ShardOf(job, o).Length >= 5_000));
        await using var db = _host.Db();
        var ordinals = await db.RoundParticipants.Join(db.Terminals, p => p.TerminalId, t => t.Id, (p, t) => t.DataOrdinal).ToListAsync();
        Assert.NotEmpty(ordinals);
        Assert.All(ordinals, o => Assert.InRange(o, 0, 10));
    }
}
