using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Orchestration.Telemetry;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Orchestration.Rewards;

/// <summary>
/// Rewards each accepted result of a completed round exactly once, by the reward policy in force. Runs of the same
/// job take a lock in turn, so budgets are spent once and a second run finds the round rewarded; the unique key
/// per job, round and terminal backs it up. The entries and the round's mark commit together: a crash leaves both or neither.
/// </summary>
public sealed class RoundRewarding(
    IDbContextFactory<FedDbContext> dbFactory, ILivePublisher live, RoundSteps steps, TimeProvider clock, ILogger<RoundRewarding> logger)
{
    /// <summary>The first key of the advisory lock that serializes one job's rewarding ("REWD").</summary>
    private const int LockSpace = 0x52455744;

    public async Task RewardAsync(int roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var jobId = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.JobId).SingleAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockSpace}, {jobId})", ct);

        var round = await db.Rounds.Include(r => r.Participants).SingleAsync(r => r.Id == roundId, ct);
        if (round.Phase != RoundPhase.Completed || round.RewardedAt is not null) return;
        using var step = steps.Begin(RoundStep.Rewarding, jobId, roundId);
        var program = await db.RewardPrograms.SingleAsync(ct);
        var accepted = round.EndReason == RoundEndReason.JobAborted
            ? []
            : round.Participants.Where(p => p.Status == ParticipantStatus.Reported).OrderBy(p => p.EndedAt).ThenBy(p => p.Id).ToList();

        var now = clock.GetUtcNow();
        var quotes = accepted.Count == 0 ? [] : RewardCalculator.Quote(program.Policy, await ClaimsAsync(db, round, accepted, program.Policy, ct),
            await SpentAsync(db.RewardEntries.ThatCount(db).Where(e => e.JobId == jobId), program.Policy, ct));
        db.RewardEntries.AddRange(quotes.Select(q => RewardEntry.ForResult(q, jobId, round.Id, program.Policy.Currency, program.PolicyRevision, now)));
        round.MarkRewarded(now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var total = quotes.Sum(q => q.Amount);
        logger.LogInformation("Job {JobId}: round {Round} rewarded {Count} results, {Total} {Currency}.", jobId, round.Number, quotes.Count, total, program.Policy.Currency);
        await live.PublishAsync(new RoundRewarded(jobId, round.Id, quotes.Count, total, program.Policy.Currency, now));
    }

    private async Task<List<RewardClaim>> ClaimsAsync(FedDbContext db, Round round, List<RoundParticipant> accepted, RewardPolicy policy, CancellationToken ct)
    {
        var terminalIds = accepted.Select(p => p.TerminalId).ToList();
        var dataUpdated = await db.Terminals.Where(t => terminalIds.Contains(t.Id))
            .Select(t => new { t.Id, t.DataUpdatedAt })
            .ToDictionaryAsync(t => t.Id, t => t.DataUpdatedAt, ct);
        var firstRound = round.Number - policy.Frequency.WindowRounds;
        var acceptedBefore = await db.RoundParticipants
            .Join(db.Rounds, p => p.RoundId, r => r.Id, (p, r) => new { p.TerminalId, p.Status, r.JobId, r.Number })
            .Where(x => x.JobId == round.JobId && x.Number >= firstRound && x.Number < round.Number
                && x.Status == ParticipantStatus.Reported && terminalIds.Contains(x.TerminalId))
            .GroupBy(x => x.TerminalId)
            .ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
        var earned = policy.CapPerTerminal is null
            ? []
            : await db.RewardEntries.ThatCount(db).Where(e => e.JobId == round.JobId && e.Currency == policy.Currency && terminalIds.Contains(e.TerminalId))
                .GroupBy(e => e.TerminalId)
                .ToDictionaryAsync(g => g.Key, g => g.Sum(e => e.Amount), ct);

        return [.. accepted.Select(p => new RewardClaim(p.TerminalId, p.EdgeId, p.Result.Samples,
            DataAge(p.EndedAt ?? clock.GetUtcNow(), dataUpdated[p.TerminalId]),
            acceptedBefore.GetValueOrDefault(p.TerminalId), earned.GetValueOrDefault(p.TerminalId)))];
    }

    /// <summary>What entries have added up to in the policy's currency.</summary>
    private static async Task<decimal> SpentAsync(IQueryable<RewardEntry> entries, RewardPolicy policy, CancellationToken ct) =>
        await entries.Where(e => e.Currency == policy.Currency).SumAsync(e => (decimal?)e.Amount, ct) ?? 0;

    private static TimeSpan DataAge(DateTimeOffset reportedAt, DateTimeOffset dataUpdatedAt) =>
        reportedAt > dataUpdatedAt ? reportedAt - dataUpdatedAt : TimeSpan.Zero;
}
