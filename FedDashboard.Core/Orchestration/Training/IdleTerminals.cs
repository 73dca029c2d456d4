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
}
