using FedDashboard.Core.Hosting;
using FedDashboard.Core.Hosting.Jobs;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Tests.Integration;

/// <summary>The minutely nudge, with Hangfire's workers off so that what it enqueues stays in the queue to be counted.</summary>
public sealed class RecoverStalledJobsTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private int RoundStartsQueued(int jobId) => _host.Get<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1000)
        .Count(j => j.Value.Job.Type == typeof(StartRoundJob) && (int)j.Value.Job.Args[0] == jobId);

    [Fact]
    public async Task RunAsync_JobLaunchedJustNow_DoesNotStartItsFirstRoundASecondTime()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("just launched", TestData.Settings());
        var queued = RoundStartsQueued(job.Id);

        await ActivatorUtilities.CreateInstance<RecoverStalledJobsJob>(_host.Services).RunAsync(default);

        Assert.Equal(1, queued);
        Assert.Equal(queued, RoundStartsQueued(job.Id));
    }
}
