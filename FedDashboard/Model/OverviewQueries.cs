using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

public sealed class OverviewQueries(IDbContextFactory<FedDbContext> dbFactory)
{
    public async Task<OverviewState> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.LatestJobSummaryAsync(ct);
        // One pass over the fleet for its three counts, not three.
        var terminals = await db.Terminals.GroupBy(t => 1)
            .Select(g => new { All = g.Count(), Online = g.Count(t => t.Online), InCoverage = g.Count(t => t.Online && t.EdgeId != null) })
            .SingleOrDefaultAsync(ct);
        var fleet = new FleetCounts(terminals?.All ?? 0, terminals?.Online ?? 0, terminals?.InCoverage ?? 0,
            await db.RoundParticipants.CountAsync(p => p.Status == ParticipantStatus.Training, ct));
        if (job is null) return new OverviewState(null, null, null, fleet, []);

        var round = await db.LatestRoundSummaryAsync(job.Id, ct);
        var accuracy = await db.AccuracyByRoundAsync(job.Id, ct);
        return new OverviewState(job, round?.Number, round?.Phase, fleet, accuracy);
    }
}
