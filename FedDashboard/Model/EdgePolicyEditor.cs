using FedDashboard.Core.Persistence;
using FedDashboard.Core.Topology;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

public enum PolicySaveOutcome
{
    Saved,

    /// <summary>The policy breaks a rule; the form shows the errors at their fields and nothing was stored.</summary>
    Invalid,

    /// <summary>Someone else saved this edge's policy since the form was loaded; nothing was stored.</summary>
    Conflict,

    /// <summary>The edge no longer exists.</summary>
    Missing,
}

public sealed record PolicySaveResult(PolicySaveOutcome Outcome, string Message);

/// <summary>Loads every edge's policy into forms and saves one form as the edge's next policy revision.</summary>
public sealed class EdgePolicyEditor(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<EdgePolicyForm>> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var edges = await db.EdgeServers.AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct);
        return [.. edges.Select(EdgePolicyForm.From)];
    }

    public async Task<PolicySaveResult> SaveAsync(EdgePolicyForm form, CancellationToken ct = default)
    {
        var policy = form.ToPolicy();
        var errors = policy.Validate();
        form.ShowErrors(errors);
        if (errors.Count > 0)
            return new(PolicySaveOutcome.Invalid, $"{form.EdgeName}: the policy was not saved; correct the {(errors.Count == 1 ? "field" : "fields")} marked in red.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var edge = await db.EdgeServers.SingleOrDefaultAsync(e => e.Id == form.EdgeId, ct);
        if (edge is null) return new(PolicySaveOutcome.Missing, $"{form.EdgeName} no longer exists.");
        // Compare against the row the operator started from, not the one just read.
        db.Entry(edge).Property(e => e.Version).OriginalValue = form.Version;
        edge.ChangePolicy(policy, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(PolicySaveOutcome.Conflict,
                $"{form.EdgeName}'s policy was changed by someone else while you edited it; nothing was saved. Reload to see their version, then apply your change again.");
        }
        form.Reset(edge.Policy, edge.PolicyRevision, edge.PolicyChangedAt, edge.Version);
        return new(PolicySaveOutcome.Saved, $"{form.EdgeName}: policy revision {edge.PolicyRevision} saved; it takes effect from the next round.");
    }

    /// <summary>The edge's stored policy back into the form, dropping unsaved edits.</summary>
    public async Task<bool> ReloadAsync(EdgePolicyForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.EdgeServers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == form.EdgeId, ct) is not { } edge) return false;
        form.Reset(edge.Policy, edge.PolicyRevision, edge.PolicyChangedAt, edge.Version);
        return true;
    }
}
