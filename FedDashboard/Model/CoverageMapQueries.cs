using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Model;

public sealed class CoverageMapQueries(IDbContextFactory<FedDbContext> dbFactory, IOptions<FleetOptions> fleet)
{
    public async Task<CoverageMapState> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var edges = await db.EdgeServers.OrderBy(e => e.Name)
            .Select(e => new EdgeCircle(e.Id, e.Name, e.CenterX, e.CenterY, e.Radius))
            .ToListAsync(ct);
        var busy = await db.RoundParticipants
            .Where(p => p.Status == ParticipantStatus.Assigned || p.Status == ParticipantStatus.Training)
            .Select(p => p.TerminalId)
            .Distinct()
            .ToListAsync(ct);
        var training = busy.ToHashSet();
        var terminals = await db.Terminals.OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, t.PositionX, t.PositionY, t.EdgeId, t.Online, t.Origin })
            .ToListAsync(ct);
        return new CoverageMapState(
            fleet.Value.MapSize,
            edges,
            [.. terminals.Select(t => new MapTerminal(t.Id, t.Name, t.PositionX, t.PositionY, t.EdgeId,
                TerminalActivities.Of(t.Online, t.EdgeId, training.Contains(t.Id)), t.Origin == TerminalOrigin.Agent))]);
    }
}
