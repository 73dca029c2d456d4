using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Requests.Allocation;

/// <summary>Reads the master's allocation decisions of a request.</summary>
public sealed class RequestAllocations(IDbContextFactory<FedDbContext> dbFactory)
{
    /// <returns>Null when nothing has been decided for the request (or there is no such request).</returns>
    public async Task<RequestAllocationView?> LatestAsync(int requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kept = db.RequestAllocations.AsNoTracking().Where(a => a.RequestId == requestId);
        var latest = await kept.OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        return latest is null
            ? null
            : new(latest.DecidedAt, latest.DecisionMs, latest.Edges, latest.Reasons, latest.CentralTrainsOwnData, await kept.CountAsync(ct));
    }
}
