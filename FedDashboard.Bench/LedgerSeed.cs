using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Bench;

/// <summary>
/// What the ledger benchmark rewards and exports, seeded in bulk (not measured): a job whose rounds completed with every
/// terminal's result accepted and are not rewarded yet, and ledger lines written straight into the table to grow it further.
/// </summary>
internal sealed class LedgerSeed(IDbContextFactory<FedDbContext> dbFactory, JobLauncher launcher)
{
    private const int RoundsPerSave = 10;

    public async Task<int> LaunchJobAsync() =>
        (await launcher.LaunchAsync("ledger benchmark", new TrainingSettings(), Core.Domain.Policies.Job.JobPolicy.Default, Actor.System)).Id;

    /// <summary>Rounds <paramref name="first"/> onwards, each with every terminal reported; returns their ids in order.</summary>
    public async Task<List<int>> CompletedRoundsAsync(int jobId, int first, int count)
    {
        int baseVersion, fallbackEdge;
        List<(int Id, int? EdgeId, int DataSamples)> terminals;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            baseVersion = await db.ModelVersions.Where(v => v.JobId == jobId && v.Number == 0).Select(v => v.Id).SingleAsync();
            fallbackEdge = await db.EdgeServers.MinAsync(e => e.Id);
            terminals = [.. (await db.Terminals.Select(t => new { t.Id, t.EdgeId, t.DataSamples }).ToListAsync()).Select(t => (t.Id, t.EdgeId, t.DataSamples))];
        }

        var ids = new List<int>(count);
        for (var start = first; start < first + count; start += RoundsPerSave)
        {
            // A context per batch of rounds: one context tracking 100,000 participants would slow every save.
            await using var db = await dbFactory.CreateDbContextAsync();
            var rounds = Enumerable.Range(start, Math.Min(RoundsPerSave, first + count - start)).Select(number =>
            {
                var startedAt = DateTimeOffset.UtcNow;
                var round = new Round(jobId, number, baseVersion, startedAt, startedAt.AddMinutes(2));
                foreach (var terminal in terminals)
                {
                    var participant = new RoundParticipant(terminal.Id, terminal.EdgeId ?? fallbackEdge, "bench-model", "full", startedAt);
                    participant.Report("bench-update", Math.Max(terminal.DataSamples, 1), 0.3, 0.9, startedAt.AddSeconds(terminal.Id % 60));
                    round.Participants.Add(participant);
                }
                round.BeginAggregation(RoundEndReason.AllReported);
                round.Complete(null, startedAt.AddMinutes(1));
                return round;
            }).ToList();
            db.Rounds.AddRange(rounds);
            await db.SaveChangesAsync();
            ids.AddRange(rounds.Select(r => r.Id));
        }
        return ids;
    }

    /// <summary>
    /// Grows the ledger to <paramref name="total"/> lines with rewards of further rounds (rewarded, without participants),
    /// one line per round and terminal, as the rewarding would write them.
    /// </summary>
    public async Task GrowLedgerAsync(int jobId, int total)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var terminals = await db.Terminals.CountAsync();
        var missing = total - await db.RewardEntries.CountAsync();
        var lastRound = await db.Rounds.Where(r => r.JobId == jobId).MaxAsync(r => r.Number);
        var rounds = (missing + terminals - 1) / terminals;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Rounds" ("JobId", "Number", "Phase", "BaseModelVersionId", "StartedAt", "Deadline", "EndedAt", "EndReason", "RewardedAt")
            SELECT {jobId}, {lastRound} + n, 'Completed', v."Id", now(), now() + interval '2 minutes', now(), 'AllReported', now()
            FROM generate_series(1, {rounds}) AS n, "ModelVersions" v WHERE v."JobId" = {jobId} AND v."Number" = 0
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "RewardEntries" ("Kind", "JobId", "RoundId", "TerminalId", "EdgeId", "Amount", "Currency", "ComputedAmount",
                "SizeMultiplier", "RecencyMultiplier", "FrequencyMultiplier", "Adjustment", "PolicyRevision", "Note", "CreatedBy", "CreatedAt")
            SELECT 'Reward', {jobId}, r."Id", t."Id", coalesce(t."EdgeId", e."FirstEdge"), 0.1234, 'EUR', 0.1234, 1.0, 1.0, 1.0, 'None', 0,
                '500 samples, data 1 day old, accepted in 10 of the last 10 rounds.', 'system', now()
            FROM "Rounds" r CROSS JOIN "Terminals" t CROSS JOIN (SELECT min("Id") AS "FirstEdge" FROM "EdgeServers") e
            WHERE r."JobId" = {jobId} AND r."Number" > {lastRound}
            ORDER BY r."Number", t."Id"
            LIMIT {missing}
            """);
    }
}
