using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>The edge grants a training terminal's request for a lighter model.</summary>
public sealed class ModelSwap(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <returns>False when the participant is no longer training, so its work is over.</returns>
    // A concurrent harmless change (the fleet noting the edge it reports through) only costs a re-read.
    public Task<bool> TrySwapAsync(int participantId, double width, string reason, CancellationToken ct) =>
        OptimisticRetry.RunAsync(Attempts, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var participant = await db.RoundParticipants.SingleAsync(p => p.Id == participantId, ct);
            if (participant.Status != ParticipantStatus.Training) return false;
            participant.SwapTo(width, reason, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return true;
        }, exhausted: () => false);
}
