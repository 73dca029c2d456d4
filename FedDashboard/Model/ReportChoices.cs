using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

/// <summary>An edge or a job to choose in a filter or form, by id and name.</summary>
public sealed record ReportChoice(int Id, string Name);

/// <summary>The jobs (newest first) and edges (by name) the rewards filter and the payout form choose from.</summary>
internal static class ReportChoices
{
    public static async Task<(IReadOnlyList<ReportChoice> Jobs, IReadOnlyList<ReportChoice> Edges)> LoadAsync(FedDbContext db, CancellationToken ct)
    {
        var jobs = await db.TrainingJobs.OrderByDescending(j => j.Id).Select(j => new ReportChoice(j.Id, j.Name)).ToListAsync(ct);
        var edges = await db.EdgeServers.OrderBy(e => e.Name).Select(e => new ReportChoice(e.Id, e.Name)).ToListAsync(ct);
        return (jobs, edges);
    }
}
