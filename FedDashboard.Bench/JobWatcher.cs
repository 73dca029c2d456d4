using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FedDashboard.Bench;

/// <param name="EndedAt">When the job ended, as it recorded it: the watcher sees the end up to a poll later.</param>
internal sealed record JobOutcome(IReadOnlyList<RoundAccuracy> Accuracies, string? EndReason, DateTimeOffset? EndedAt)
{
    public RoundAccuracy? FirstReaching(double? target) => target is { } t ? Accuracies.FirstOrDefault(a => a.Accuracy >= t) : null;
}

/// <summary>The benchmark was asked to stop (Ctrl-C, SIGTERM) while a job ran; <see cref="SoFar"/> is what the job had done.</summary>
internal sealed class BenchInterruptedException(JobOutcome soFar) : Exception(soFar.EndReason)
{
    public JobOutcome SoFar { get; } = soFar;
}

internal static class JobWatcher
{
    /// <summary>
    /// Polls the job until it ends, printing the test accuracy of round 1 and every tenth round unless <paramref name="quiet"/>.
    /// A stop asked of the host (Ctrl-C, SIGTERM) stops its workers, so the job would never end: the wait gives up then.
    /// </summary>
    /// <exception cref="BenchInterruptedException">The host was asked to stop.</exception>
    public static async Task<JobOutcome> WaitForEndAsync(IServiceProvider services, int jobId, bool quiet = false)
    {
        var factory = services.GetRequiredService<IDbContextFactory<FedDbContext>>();
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var printed = 0;
        while (true)
        {
            var interrupted = await Task.Delay(500, stopping).ContinueWith(delay => delay.IsCanceled, TaskScheduler.Default);
            await using var db = await factory.CreateDbContextAsync();
            var accuracies = await db.AccuracyByRoundAsync(jobId);
            foreach (var a in accuracies.Skip(quiet ? accuracies.Count : printed).Where(a => a.Round % 10 == 0 || a.Round == 1)) Console.WriteLine($"  round {a.Round,4}: test accuracy {a.Accuracy:P2}");
            printed = accuracies.Count;
            var job = await db.TrainingJobs.SingleAsync(j => j.Id == jobId);
            if (job.Status != JobStatus.Running) return new JobOutcome(accuracies, job.EndReason, job.EndedAt);
            if (interrupted) throw new BenchInterruptedException(new JobOutcome(accuracies, $"Interrupted after round {accuracies.Count}: the benchmark was asked to stop.", null));
        }
    }
}
