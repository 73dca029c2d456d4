using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Requests.Allocation;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.Requests.Allocation;

/// <summary>
/// What a round of a request's job respects: the request's status brought up to date first (a request failed on its
/// deadline or budget has its job aborted, so no round starts), then the master's allocation, decided again now, and the
/// request's terminal group when it names one.
/// </summary>
public sealed class RequestRounds(
    IDbContextFactory<FedDbContext> dbFactory, RequestStatusSync sync, RequestAllocator allocator, RoundStrategies strategies, IOptions<FleetOptions> fleet)
{
    /// <returns>The request the job runs for; null for a job an operator launched.</returns>
    public async Task<int?> BeforeRoundAsync(FedDbContext db, int jobId, CancellationToken ct)
    {
        var requestId = await db.TrainingRequests.Where(r => r.JobId == jobId).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        if (requestId is { } id) await sync.SyncAsync(id, ct);
        return requestId;
    }

    /// <summary>The idle terminals the request's job may choose from: in its terminal group, on its allocated edges, at most its quota on each.</summary>
    /// <returns>Empty when the request is no longer open, so the round waits for its status to settle.</returns>
    public async Task<IReadOnlyList<Terminal>> CandidatesAsync(int requestId, IReadOnlyList<Terminal> idle, IReadOnlyList<EdgeServer> edges, CancellationToken ct)
    {
        var decision = (await allocator.DecideAsync(ct)).SingleOrDefault(d => d.RequestId == requestId);
        if (decision is null) return [];
        var availability = edges.ToDictionary(e => e.Id, strategies.AvailabilityFor);
        return QuotaCandidates.Restrict(await InGroupAsync(requestId, idle, edges, ct), decision,
            t => availability[t.EdgeId!.Value] is var edge && edge.IsCandidate(t) && edge.DeclineReason(t) is null);
    }

    private async Task<IReadOnlyList<Terminal>> InGroupAsync(int requestId, IReadOnlyList<Terminal> idle, IReadOnlyList<EdgeServer> edges, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.TrainingRequests.Where(r => r.Id == requestId).Select(r => r.Data.TerminalGroup).SingleAsync(ct);
        if (group is null) return idle;
        var rules = edges.ToDictionary(e => e.Id, e => e.Policy.Groups);
        return [.. idle.Where(t => t.EdgeId is { } edge && rules.TryGetValue(edge, out var groups) && TerminalGroups.IsIn(group, groups, t, fleet.Value.MapSize))];
    }
}
