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
        // Asked of the database: a round's participants run to the tens of thousands, and each edge's selection asks again.
        var round = await db.Rounds
            .Where(r => r.Id == roundId)
            .Select(r => new
            {
                r.Phase,
                r.Deadline,
                AllIn = r.Edges.All(e => e.SelectedAt != null) && !db.RoundParticipants.Where(OpenParticipations.Predicate).Any(p => p.RoundId == r.Id),
            })
            .SingleAsync(ct);
        if (round.Phase != RoundPhase.Collecting || Round.EndReasonOf(round.AllIn, round.Deadline, now) is not null) scheduler.AggregateNow(roundId);
        else scheduler.AggregateWhenDue(roundId, round.Deadline);
    }
}
