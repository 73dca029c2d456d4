using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Bench;

/// <param name="EndedAt">When the job ended, as it recorded it: the watcher sees the end up to a poll later.</param>
internal sealed record JobOutcome(IReadOnlyList<RoundAccuracy> Accuracies, string? EndReason, DateTimeOffset? EndedAt)
{
    public RoundAccuracy? FirstReaching(double? target) => target is { } t ? Accuracies.FirstOrDefault(a => a.Accuracy >= t) : null;
}

internal static class JobWatcher
{
    /// <summary>Polls the job until it ends, printing the test accuracy of round 1 and every tenth round unless <paramref name="quiet"/>.</summary>
    public static async Task<JobOutcome> WaitForEndAsync(IServiceProvider services, int jobId, bool quiet = false)
    {
        var factory = services.GetRequiredService<IDbContextFactory<FedDbContext>>();
        var printed = 0;
        while (true)
        {
            await Task.Delay(500);
            await using var db = await factory.CreateDbContextAsync();
            var accuracies = await db.AccuracyByRoundAsync(jobId);
            foreach (var a in accuracies.Skip(quiet ? accuracies.Count : printed).Where(a => a.Round % 10 == 0 || a.Round == 1)) Console.WriteLine($"  round {a.Round,4}: test accuracy {a.Accuracy:P2}");
            printed = accuracies.Count;
            var job = await db.TrainingJobs.SingleAsync(j => j.Id == jobId);
            if (job.Status != JobStatus.Running) return new JobOutcome(accuracies, job.EndReason, job.EndedAt);
        }
    }
}
