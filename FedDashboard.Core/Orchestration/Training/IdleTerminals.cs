using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;

namespace FedDashboard.Core.Orchestration.Training;

internal static class IdleTerminals
{
    /// <summary>
    /// Terminals online in some edge's coverage that can train for the job: an agent on its own data, a simulated
    /// terminal only if the job's split of the data set gives it a shard.
    /// </summary>
    public static IQueryable<Terminal> TerminalsInCoverageFor(this FedDbContext db, TrainingJob job) =>
        db.Terminals.Where(t => t.Online && t.EdgeId != null && (t.Origin == TerminalOrigin.Agent || t.DataOrdinal < job.FleetSize));

    /// <summary>Of <see cref="TerminalsInCoverageFor"/>, those in no open round participation.</summary>
    public static IQueryable<Terminal> IdleTerminalsFor(this FedDbContext db, TrainingJob job) =>
        db.TerminalsInCoverageFor(job)
            .Where(t => !db.RoundParticipants.Any(p => p.TerminalId == t.Id
                && (p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training)));
}
