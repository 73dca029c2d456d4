extern alias bench;
using bench::FedDashboard.Bench;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.Extensions.Hosting;

namespace FedDashboard.Tests.Bench;

/// <summary>The benchmarks' wait for a job: a stop asked of the host (Ctrl-C, SIGTERM) ends it with what the job did so far.</summary>
public sealed class JobWatcherTests
{
    [Fact]
    public async Task WaitForEndAsync_HostAskedToStop_GivesUpWithTheRoundsSoFar()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        var job = await host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(clientFraction: 0.05));
        var waiting = JobWatcher.WaitForEndAsync(host.Services, job.Id, quiet: true);
        await Task.Delay(700);
        Assert.False(waiting.IsCompleted, "The wait ended while the job still ran.");

        host.Get<IHostApplicationLifetime>().StopApplication();

        var interrupted = await Assert.ThrowsAsync<BenchInterruptedException>(() => waiting);
        Assert.Empty(interrupted.SoFar.Accuracies);
        Assert.Equal("Interrupted after round 0: the benchmark was asked to stop.", interrupted.SoFar.EndReason);
        Assert.Null(interrupted.SoFar.EndedAt);
    }
}
