using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>What <see cref="AggregationStart.TryBeginAsync"/> found or did.</summary>
public enum AggregationBegin
{
    /// <summary>Still collecting and not due, or already completed: nothing to do.</summary>
    NotDue,

    /// <summary>This call moved the round to aggregating.</summary>
    Begun,

    /// <summary>Another call moved it first, or a run before a crash did.</summary>
    Aggregating,
}

/// <summary>
/// Moves a due round from collecting to aggregating (see <see cref="Round.EndReasonAt"/>), timing out whoever has not
/// reported. Of the calls that race to do it — the last outcomes, the deadline step — the round's row version lets
/// exactly one through, so the one that gets <see cref="AggregationBegin.Begun"/> can hand the round on alone.
/// </summary>
public sealed class AggregationStart(IDbContextFactory<FedDbContext> dbFactory, ILivePublisher live, TimeProvider clock)
{
    public async Task<AggregationBegin> TryBeginAsync(int roundId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Waits for an edge's selection under way (it holds the row in share mode), so its participants are read and timed out too.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Rounds\" WHERE \"Id\" = {roundId} FOR UPDATE", ct);
        var round = await db.Rounds.Include(r => r.Participants).Include(r => r.Edges).AsSplitQuery().SingleAsync(r => r.Id == roundId, ct);
        if (round.Phase == RoundPhase.Aggregating) return AggregationBegin.Aggregating;
        if (round.Phase == RoundPhase.Completed) return AggregationBegin.NotDue;

        var now = clock.GetUtcNow();
        if (round.EndReasonAt(now) is not { } reason) return AggregationBegin.NotDue;
        foreach (var late in round.Participants.Where(p => p.IsOpen)) late.TimeOut(now);
        round.BeginAggregation(reason);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await IsAggregatingAsync(roundId, ct) ? AggregationBegin.Aggregating : AggregationBegin.NotDue;
        }
        await live.PublishAsync(new RoundPhaseChanged(round.JobId, round.Id, round.Number, round.Phase, now));
        return AggregationBegin.Begun;
    }

    /// <summary>
    /// Whether the round, before its deadline, still waits for a participant's outcome or an edge's selection (it is not
    /// due, see <see cref="Round.EndReasonAt"/>), read without the round's lock: every outcome but the last finds so, and
    /// the last to commit (or the last edge's selection) reads all the others'.
    /// </summary>
    public async Task<bool> AwaitsMoreAsync(int roundId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Rounds.Where(r => r.Id == roundId)
            .Select(r => r.Deadline > now
                && (r.Participants.Any(p => p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training)
                    || r.Edges.Any(e => e.SelectedAt == null)))
            .SingleAsync(ct);
    }

    private async Task<bool> IsAggregatingAsync(int roundId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Rounds.AnyAsync(r => r.Id == roundId && r.Phase == RoundPhase.Aggregating, ct);
    }
}
