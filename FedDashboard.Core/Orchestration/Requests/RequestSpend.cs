using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>What a request's job has spent on rewards so far, by the ledger's rule of what counts (in the reward program's currency, the client's).</summary>
public static class RequestSpend
{
    public static Task<decimal> OfJobAsync(FedDbContext db, int jobId, CancellationToken ct) =>
        db.RewardEntries.Where(e => e.JobId == jobId).ThatCount(db).SumAsync(e => e.Amount, ct);
}
