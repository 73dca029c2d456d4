using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

internal static class IdleTerminals
{
    /// <summary>
    /// Terminals online in some edge's coverage that can train for the job: an agent on its own data, a simulated
    /// terminal only if the job's split of the data set gives it a shard (<see cref="TrainingJob.DataShards"/>).
    /// </summary>
    public static IQueryable<Terminal> TerminalsInCoverageFor(this FedDbContext db, TrainingJob job) =>
        db.Terminals.Where(t => t.Online && t.EdgeId != null && (t.Origin == TerminalOrigin.Agent || t.DataOrdinal < job.DataShards));

    /// <summary>
    /// K, the job's clients: the terminals there were at its launch (its data set is split among them) and the agents
    /// enrolled since that hold a credential.
    /// </summary>
    public static async Task<int> FleetOfAsync(this FedDbContext db, TrainingJob job, CancellationToken ct) =>
        job.FleetSize + await db.Terminals.CountAsync(t => t.Origin == TerminalOrigin.Agent && t.DataOrdinal >= job.FleetSize
            && db.TerminalCredentials.Any(c => c.TerminalId == t.Id && c.RevokedAt == null), ct);

    /// <summary>Of <see cref="TerminalsInCoverageFor"/>, those in no open round participation.</summary>
    public static IQueryable<Terminal> IdleTerminalsFor(this FedDbContext db, TrainingJob job) =>
        db.TerminalsInCoverageFor(job)
            .Where(t => !db.RoundParticipants.Where(OpenParticipations.Predicate).Any(p => p.TerminalId == t.Id));

    /// <summary>
    /// The job's idle terminals by id (of one edge when <paramref name="edgeId"/> is given), read in the caller's
    /// transaction, or in one of their own when there is none, with two settings that hold to its end:
    /// <list type="bullet">
    /// <item>A sort in memory: 80,000 of a fleet of 100,000 are ~12 MB, which PostgreSQL's default work_mem (4 MB) sorts
    /// on disk (the round start at 100,000: 532–552 ms, 478–497 ms with this). 32 MB here, not for every session of the pool.</item>
    /// <item>No bitmap scan of the open participations: every participation that ended leaves a dead entry in their
    /// partial index until a vacuum, and a bitmap scan visits each at every start without marking it (840,000 entries
    /// and 19,000 heap pages, 78 ms, after 84 starts at 100,000). An index scan marks the dead entries it meets, so a
    /// start visits only those of the rounds ended since the last one.</item>
    /// </list>
    /// </summary>
    public static async Task<List<Terminal>> ReadIdleTerminalsAsync(this FedDbContext db, TrainingJob job, int? edgeId, CancellationToken ct)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '32MB'; SET LOCAL enable_bitmapscan = off", ct);
        var idle = db.IdleTerminalsFor(job);
        if (edgeId is { } edge) idle = idle.Where(t => t.EdgeId == edge);
        var terminals = await idle.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return terminals;
    }
}
