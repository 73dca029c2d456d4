using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

internal static class JobEnding
{
    /// <summary>Completes a running job once; a concurrent or repeated completion, or a pause or abort meanwhile, changes nothing.</summary>
    public static async Task CompleteAsync(FedDbContext db, TrainingJob job, JobEnd end, DateTimeOffset at, ILivePublisher live, CancellationToken ct)
    {
        if (job.Status != JobStatus.Running) return;
        job.Complete(end, at);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return;
        }
        await live.PublishAsync(new JobChanged(job.Id, job.Status, end.Reason, at));
    }
}
