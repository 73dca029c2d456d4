using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

internal static class RoundCompletion
{
    /// <summary>
    /// When a round starts or resumes collecting: it aggregates now when it no longer collects, or nobody is still
    /// training, or its deadline has passed (see <see cref="Round.EndReasonAt"/>); otherwise at its deadline. Once it
    /// collects, each participant's outcome moves it on (see <see cref="RoundContinuation"/>).
    /// </summary>
    public static async Task AggregateWhenReadyAsync(this FedDbContext db, int roundId, IRoundScheduler scheduler, DateTimeOffset now, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().Include(r => r.Participants).Include(r => r.Edges).AsSplitQuery().SingleAsync(r => r.Id == roundId, ct);
        if (round.Phase != RoundPhase.Collecting || round.EndReasonAt(now) is not null) scheduler.AggregateNow(roundId);
        else scheduler.AggregateWhenDue(roundId, round.Deadline);
    }
}
