using FedDashboard.Core.Live;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Governance;

/// <summary>An operator's approval or rejection of a model version pending approval.</summary>
public sealed class VersionDecisions(IDbContextFactory<FedDbContext> dbFactory, ILivePublisher live, TimeProvider clock)
{
    public Task<ModelVersion> ApproveAsync(int versionId, string by, string? comment, CancellationToken ct = default) =>
        DecideAsync(versionId, v => v.Approve(by, comment, clock.GetUtcNow()), ct);

    public Task<ModelVersion> RejectAsync(int versionId, string by, string? comment, CancellationToken ct = default) =>
        DecideAsync(versionId, v => v.Reject(by, comment, clock.GetUtcNow()), ct);

    /// <exception cref="InvalidOperationException">The version does not exist, was already decided, or changed meanwhile.</exception>
    private async Task<ModelVersion> DecideAsync(int versionId, Action<ModelVersion> decide, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.ModelVersions.SingleOrDefaultAsync(v => v.Id == versionId, ct)
            ?? throw new InvalidOperationException($"Model version {versionId} does not exist.");
        decide(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new InvalidOperationException($"{version.Label} was decided by someone else meanwhile; reload to see its status.");
        }
        var round = version.RoundId is { } roundId ? await db.Rounds.Where(r => r.Id == roundId).Select(r => (int?)r.Number).SingleAsync(ct) : null;
        await live.PublishAsync(new ModelVersionChanged(version.JobId, version.Id, version.Number, round, version.TestAccuracy, version.TestLoss, version.Status, clock.GetUtcNow()));
        return version;
    }
}
