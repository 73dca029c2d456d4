using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

/// <summary>Loads the reward policy into a form and saves it as the next revision.</summary>
public sealed class RewardPolicyEditor(IDbContextFactory<FedDbContext> dbFactory, PolicyChanges changes)
{
    public async Task<RewardPolicyForm> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return RewardPolicyForm.From(await db.RewardPrograms.AsNoTracking().SingleAsync(ct));
    }

    public Task<PolicySaveResult> SaveAsync(RewardPolicyForm form, Actor actor, CancellationToken ct = default) =>
        PolicySaving.SaveAsync(form, RewardPolicyForm.Name, (policy, revision) => changes.ChangeRewardPolicyAsync(actor, policy, revision, ct));

    public async Task ReloadAsync(RewardPolicyForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        form.Load(await db.RewardPrograms.AsNoTracking().SingleAsync(ct));
    }
}
