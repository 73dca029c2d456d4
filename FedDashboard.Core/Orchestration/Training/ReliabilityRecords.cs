using FedDashboard.Core.Domain.Training;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

public static class ReliabilityRecords
{
    /// <summary>Each terminal's record over the given participations; a terminal without any is absent.</summary>
    public static async Task<Dictionary<int, Reliability>> ByTerminalAsync(IQueryable<RoundParticipant> participants, CancellationToken ct)
    {
        var abandoned = Reliability.AbandonedStatuses.ToList();
        var counts = await participants
            .GroupBy(p => p.TerminalId)
            .Select(g => new
            {
                TerminalId = g.Key,
                Completed = g.Count(p => p.Status == ParticipantStatus.Reported),
                Abandoned = g.Count(p => abandoned.Contains(p.Status)),
            })
            .ToListAsync(ct);
        return counts.ToDictionary(c => c.TerminalId, c => new Reliability(c.Completed, c.Abandoned));
    }
}
