using FedDashboard.Core.Domain.Requests.Allocation;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Diagnostics;

namespace FedDashboard.Core.Orchestration.Requests.Allocation;

/// <summary>
/// Decides again how the fleet is split among all open requests (<see cref="FleetAllocation"/>) and keeps each request's
/// decision when it allocates differently from its latest. Run when a request is submitted and before each round of a
/// request's job, so a change in the open requests or the fleet takes effect at the next round.
/// </summary>
public sealed class RequestAllocator(IDbContextFactory<FedDbContext> dbFactory, IOptions<FleetOptions> fleet, TimeProvider clock)
{
    /// <summary>The advisory lock that takes decisions one at a time ("ALLC"), so two round starts never keep the same change twice.</summary>
    private const int AllocationLock = 0x414C4C43;

    /// <returns>Every open request's decision, oldest request first.</returns>
    public async Task<IReadOnlyList<AllocationDecision>> DecideAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AllocationLock})", ct);
        var watch = Stopwatch.StartNew();
        var (edges, claims) = await FleetResources.ReadAsync(db, fleet.Value.Decline, fleet.Value.MapSize, ct);
        var decisions = FleetAllocation.Decide(edges, claims);
        var ms = watch.Elapsed.TotalMilliseconds;

        var ids = claims.Select(c => c.RequestId).ToList();
        var latest = await db.RequestAllocations.AsNoTracking()
            .Where(a => ids.Contains(a.RequestId) && !db.RequestAllocations.Any(b => b.RequestId == a.RequestId && b.Id > a.Id))
            .ToDictionaryAsync(a => a.RequestId, ct);
        var now = clock.GetUtcNow();
        db.RequestAllocations.AddRange(decisions
            .Where(d => !latest.TryGetValue(d.RequestId, out var kept) || !kept.SameAs(d))
            .Select(d => new RequestAllocation(d, now, ms)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return decisions;
    }
}
