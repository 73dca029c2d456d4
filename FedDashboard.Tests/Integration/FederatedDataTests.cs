using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;

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

        var shards = Enumerable.Range(0, job.FleetSize).Select(o => data.ShardOf(job, o)).ToList();

        // 59,000 images split 20 ways leave no remainder, so together the shards hold every image but the validation ones.
        var held = shards.SelectMany(s => s).ToHashSet();
        Assert.Equal(shards.Sum(s => s.Length), held.Count);
        Assert.Equal(60_000 - FederatedData.ValidationImages, held.Count);
        Assert.Equal(FederatedData.ValidationImages, data.Validation.Count);
    }
}
