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
        var (ready, deadline) = await ReadinessAsync(db, roundId, now, ct);
        if (ready) scheduler.AggregateNow(roundId);
        else scheduler.AggregateWhenDue(roundId, deadline);
    }

    /// <summary>
    /// After an edge's selection: the round aggregates now if that selection was the last thing it waited for. Its
    /// deadline was scheduled by the central start, so each edge does not schedule it again.
    /// </summary>
    public static async Task AggregateIfReadyAsync(this FedDbContext db, int roundId, IRoundScheduler scheduler, DateTimeOffset now, CancellationToken ct)
    {
        if ((await ReadinessAsync(db, roundId, now, ct)).Ready) scheduler.AggregateNow(roundId);
    }

    // Asked of the database: a round's participants run to the tens of thousands, and each edge's selection asks again.
    private static async Task<(bool Ready, DateTimeOffset Deadline)> ReadinessAsync(FedDbContext db, int roundId, DateTimeOffset now, CancellationToken ct)
    {
        var round = await db.Rounds
            .Where(r => r.Id == roundId)
            .Select(r => new
            {
                r.Phase,
                r.Deadline,
                AllIn = r.Edges.All(e => e.SelectedAt != null) && !db.RoundParticipants.Where(OpenParticipations.Predicate).Any(p => p.RoundId == r.Id),
            })
            .SingleAsync(ct);
        return (round.Phase != RoundPhase.Collecting || Round.EndReasonOf(round.AllIn, round.Deadline, now) is not null, round.Deadline);
    }
}
