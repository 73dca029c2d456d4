using FedDashboard.Core.Governance;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

public sealed record VersionRow(int Id, int Number, int? ParentNumber, int? RoundNumber, double? TestAccuracy, double? TestLoss,
    ModelVersionStatus Status, DateTimeOffset CreatedAt, string? DecidedBy, string? DecisionComment)
{
    public string Label => $"v{Number}";
    public string Lineage => ParentNumber is { } parent ? $"v{parent} → v{Number}" : "root";
    public bool AwaitsDecision => Status == ModelVersionStatus.PendingApproval;
}

public sealed class VersionQueries(IDbContextFactory<FedDbContext> dbFactory)
{
    public async Task<IReadOnlyList<VersionRow>> ListAsync(int jobId, int take = 500, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
                from v in db.ModelVersions
                where v.JobId == jobId
                join p in db.ModelVersions on v.ParentId equals p.Id into parents
                from p in parents.DefaultIfEmpty()
                join r in db.Rounds on v.RoundId equals r.Id into rounds
                from r in rounds.DefaultIfEmpty()
                orderby v.Number descending
                select new VersionRow(v.Id, v.Number, p == null ? null : p.Number, r == null ? null : r.Number,
                    v.TestAccuracy, v.TestLoss, v.Status, v.CreatedAt, v.DecidedBy, v.DecisionComment))
            .Take(take)
            .ToListAsync(ct);
    }
}
