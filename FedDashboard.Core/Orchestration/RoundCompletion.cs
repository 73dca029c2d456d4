using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration;

internal static class RoundCompletion
{
    /// <summary>
    /// Called after a participant's outcome is committed: when nobody is still training, aggregation need not
    /// wait for the deadline. The last committer always sees every outcome, so one of them schedules it.
    /// </summary>
    public static async Task AggregateIfAllInAsync(this FedDbContext db, int roundId, IRoundScheduler scheduler, CancellationToken ct)
    {
        var stillOpen = await db.RoundParticipants.AnyAsync(p => p.RoundId == roundId
            && (p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training), ct);
        if (!stillOpen) scheduler.AggregateNow(roundId);
    }
}
