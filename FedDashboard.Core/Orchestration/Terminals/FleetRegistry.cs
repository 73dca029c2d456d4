using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Terminals;

/// <summary>The edges of the topology and the terminals enrolled with them.</summary>
public sealed class FleetRegistry(IDbContextFactory<FedDbContext> dbFactory)
{
    public async Task<bool> HasEdgesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.EdgeServers.AnyAsync(ct);
    }

    /// <summary>Adds the edges; they come back with their ids.</summary>
    public async Task<IReadOnlyList<EdgeServer>> AddEdgesAsync(IReadOnlyList<EdgeServer> edges, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.EdgeServers.AddRange(edges);
        await db.SaveChangesAsync(ct);
        return edges;
    }

    /// <summary>Every edge, ordered by id.</summary>
    public async Task<IReadOnlyList<EdgeServer>> EdgesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.EdgeServers.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
    }

    /// <summary>The terminals of one origin, as last heard of, ordered by id.</summary>
    public async Task<IReadOnlyList<Terminal>> TerminalsAsync(TerminalOrigin origin, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Terminals.AsNoTracking().Where(t => t.Origin == origin).OrderBy(t => t.Id).ToListAsync(ct);
    }
}
