using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

/// <summary>A job's candidate or version as the versions page lists it.</summary>
public sealed record VersionRow(int Id, int? Number, int? ParentId, int? ParentNumber, int? RoundNumber, double? TestAccuracy, double? TestLoss,
    ModelVersionStatus Status, string? NotPromotedReason, DateTimeOffset CreatedAt, string? DecidedBy, string? DecisionComment)
{
    public string Label => Number is { } number ? $"v{number}" : $"candidate of round {RoundNumber}";
    public string Lineage => ParentNumber is { } parent ? $"v{parent} → {Label}" : "root";
}

public sealed class VersionQueries(IDbContextFactory<FedDbContext> dbFactory)
{
    /// <summary>The job's candidates and versions, newest first: by id, since candidates not promoted have no number.</summary>
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
                orderby v.Id descending
                select new VersionRow(v.Id, v.Number, v.ParentId, p == null ? null : p.Number, r == null ? null : r.Number,
                    v.TestAccuracy, v.TestLoss, v.Status, v.NotPromotedReason, v.CreatedAt, v.DecidedBy, v.DecisionComment))
            .Take(take)
            .ToListAsync(ct);
    }
}
