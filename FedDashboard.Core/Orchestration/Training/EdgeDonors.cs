using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>Each edge's donors for data sharing: the terminals now in its coverage, with their uses so far in the job.</summary>
internal static class EdgeDonors
{
    public static async Task<Dictionary<int, SharedDataDonors>> ByEdgeAsync(
        FedDbContext db, TrainingJob job, IReadOnlyList<EdgeServer> edges, DateTimeOffset now, CancellationToken ct)
    {
        var edgeIds = edges.Select(e => e.Id).ToList();
        // An agent's data never leaves its device, so only simulated terminals can donate.
        var inCoverage = await db.TerminalsInCoverageFor(job)
            .Where(t => t.Origin == TerminalOrigin.Simulated && edgeIds.Contains(t.EdgeId!.Value))
            .OrderBy(t => t.Id)
            .Select(t => new { EdgeId = t.EdgeId!.Value, Donor = new Donor(t.Id, t.DataSamples, t.DataAnonymized, t.DataUpdatedAt) })
            .ToListAsync(ct);
        var uses = await db.SharedDataGrants
            .Join(db.RoundParticipants, g => g.ParticipantId, p => p.Id, (g, p) => new { g.DonorTerminalId, p.RoundId })
            .Join(db.Rounds, x => x.RoundId, r => r.Id, (x, r) => new { x.DonorTerminalId, r.JobId })
            .Where(x => x.JobId == job.Id)
            .GroupBy(x => x.DonorTerminalId)
            .Select(g => new { DonorTerminalId = g.Key, Uses = g.Count() })
            .ToDictionaryAsync(x => x.DonorTerminalId, x => x.Uses, ct);
        var byEdge = inCoverage.ToLookup(x => x.EdgeId, x => x.Donor);
        return edges.ToDictionary(e => e.Id, e => new SharedDataDonors(byEdge[e.Id], uses, job.Settings, now));
    }
}
