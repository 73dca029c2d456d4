using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

public sealed record AuditPage(IReadOnlyList<AuditEntry> Rows, int Total);

/// <summary>The audit log, newest first, a page at a time.</summary>
public sealed class AuditQueries(IDbContextFactory<FedDbContext> dbFactory)
{
    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = filter.Apply(db.AuditEntries.AsNoTracking());
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(e => e.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new(rows, total);
    }
}
