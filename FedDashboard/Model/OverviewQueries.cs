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
        var fleet = new FleetCounts(
            await db.Terminals.CountAsync(ct),
            await db.Terminals.CountAsync(t => t.Online, ct),
            await db.Terminals.CountAsync(t => t.Online && t.EdgeId != null, ct),
            await db.RoundParticipants.CountAsync(p => p.Status == ParticipantStatus.Training, ct));
        if (job is null) return new OverviewState(null, null, null, fleet, []);

        var round = await db.LatestRoundSummaryAsync(job.Id, ct);
        var accuracy = await db.AccuracyByRoundAsync(job.Id, ct);
        return new OverviewState(job, round?.Number, round?.Phase, fleet, accuracy);
    }
}
