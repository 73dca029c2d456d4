using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

/// <summary>Loads every edge's policy into forms and saves one form as the edge's next policy revision.</summary>
public sealed class EdgePolicyEditor(IDbContextFactory<FedDbContext> dbFactory, PolicyChanges changes)
{
    public async Task<IReadOnlyList<EdgePolicyForm>> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var edges = await db.EdgeServers.AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct);
        return [.. edges.Select(EdgePolicyForm.From)];
    }

    public Task<PolicySaveResult> SaveAsync(EdgePolicyForm form, Actor actor, CancellationToken ct = default) =>
        PolicySaving.SaveAsync(form, form.EdgeName, (policy, revision) => changes.ChangeEdgePolicyAsync(actor, form.EdgeId, policy, revision, ct));

    /// <summary>The edge's stored policy back into the form, dropping unsaved edits.</summary>
    public async Task<bool> ReloadAsync(EdgePolicyForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.EdgeServers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == form.EdgeId, ct) is not { } edge) return false;
        form.Load(edge);
        return true;
    }
}
