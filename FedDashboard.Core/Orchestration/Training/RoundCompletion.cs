using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

internal static class RoundCompletion
{
    /// <summary>
    /// The one place that decides when a round aggregates: now when it no longer collects, or nobody is still training,
    /// or its deadline has passed (see <see cref="Round.EndReasonAt"/>); otherwise at its deadline, scheduled when the
    /// round starts or resumes collecting. Called after every committed participant outcome too: the last committer
    /// always sees every outcome, so one of them schedules it.
    /// </summary>
    /// <param name="collecting">True when the round starts or resumes collecting, so its deadline is to be scheduled.</param>
    public static async Task AggregateWhenReadyAsync(
        this FedDbContext db, int roundId, IRoundScheduler scheduler, DateTimeOffset now, CancellationToken ct, bool collecting = false)
    {
        var round = await db.Rounds.AsNoTracking().Include(r => r.Participants).Include(r => r.Edges).SingleAsync(r => r.Id == roundId, ct);
        if (round.Phase != RoundPhase.Collecting || round.EndReasonAt(now) is not null) scheduler.AggregateNow(roundId);
        else if (collecting) scheduler.AggregateWhenDue(roundId, round.Deadline);
    }
}
