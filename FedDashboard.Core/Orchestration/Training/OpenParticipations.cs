using System.Linq.Expressions;
using FedDashboard.Core.Domain.Training;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// <see cref="RoundParticipant.IsOpen"/> as SQL. The statuses stay literals in the query, so PostgreSQL uses the partial
/// index on open participations, which a parameter would keep it from.
/// </summary>
internal static class OpenParticipations
{
    public static readonly Expression<Func<RoundParticipant, bool>> Predicate =
        p => p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training;
}
