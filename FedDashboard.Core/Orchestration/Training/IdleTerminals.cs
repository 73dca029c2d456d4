using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;


namespace FedDashboard.Core.Orchestration.Training;

internal static class IdleTerminals
{
    /// <summary>Terminals online in some edge's coverage, holding data of the job's fleet, and in no open round participation.</summary>
    public static IQueryable<Terminal> IdleTerminalsFor(this FedDbContext db, TrainingJob job) =>
        db.Terminals
            .Where(t => t.Online && t.EdgeId != null && t.DataOrdinal < job.FleetSize)
            .Where(t => !db.RoundParticipants.Any(p => p.TerminalId == t.Id
                && (p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training)));
}
