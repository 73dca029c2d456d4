using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FedDashboard.Core.Orchestration.Delivery;

/// <summary>
/// The callbacks of a request's end: one delivery per request and event, added in the commit that ends the request
/// (its unique event key keeps a second pass or node from adding another), sent once committed; re-sends by operators;
/// the deliveries and their attempts for the request's page.
/// </summary>
public sealed class RequestCallbacks(IDbContextFactory<FedDbContext> dbFactory, ICallbackScheduler scheduler, IOptions<CallbackOptions> options,
    TimeProvider clock)
{
    /// <summary>Adds the delivery of the request's end to <paramref name="db"/>, unsaved; null when it has no callback URL.</summary>
    /// <remarks>Download links start with the first of <see cref="CallbackOptions.OwnUrls"/>, the app's public address, when one is set.</remarks>
    public async Task<CallbackDeliveryRecord?> AddEndedAsync(FedDbContext db, TrainingRequest request, DateTimeOffset now, CancellationToken ct)
    {
        if (request.CallbackUrl is null || request.Status is not (TrainingRequestStatus.Met or TrainingRequestStatus.Failed)) return null;
        var version = await RequestVersions.DeliveredAsync(db, request, ct);
        var progress = await RequestProgress.OfAsync(db, request, ct);
        var delivery = new CallbackDeliveryRecord(request.Id, request.ClientId, RequestEndedBody.EventOf(request), new Uri(request.CallbackUrl),
            RequestEndedBody.Of(request, version, progress, options.Value.OwnUrls.Select(u => new Uri(u)).FirstOrDefault()), Actor.System.Name, now);
        db.CallbackDeliveries.Add(delivery);
        return delivery;
    }

    /// <summary>Its first attempt now; call once the delivery is committed.</summary>
    public void Send(CallbackDeliveryRecord delivery) => scheduler.Attempt(delivery.Id, 1, retriesUsed: 0, TimeSpan.Zero);

    /// <summary>A new delivery of the same body to the same URL, signed afresh at each attempt; audited.</summary>
    /// <exception cref="AccessDeniedException">Not an operator; the refusal is recorded.</exception>
    /// <exception cref="NotFoundException">No such delivery.</exception>
    public async Task<Guid> ResendAsync(Actor actor, Guid deliveryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanOperate, $"re-send callback {deliveryId} without the operator role", AuditAction.CallbackResent,
            AuditSubject.TrainingRequest, deliveryId, now, ct);
        var original = await db.CallbackDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, ct)
            ?? throw new NotFoundException($"There is no callback delivery {deliveryId}.");
        var again = new CallbackDeliveryRecord(original.RequestId, original.ClientId, original.Event, new Uri(original.Url), original.Body, actor.Name, now,
            resendOf: original.ResendOf ?? original.Id);
        db.CallbackDeliveries.Add(again);
        db.Audit(actor, AuditAction.CallbackResent, AuditSubject.TrainingRequest, original.RequestId, new { delivery = original.Id }, new { delivery = again.Id }, now,
            $"{original.Event} to {new Uri(original.Url).Host}");
        await db.SaveChangesAsync(ct);
        Send(again);
        return again.Id;
    }

    /// <summary>The request's deliveries, newest first, each with its attempts.</summary>
    public async Task<IReadOnlyList<CallbackDeliveryView>> ListAsync(int requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deliveries = await db.CallbackDeliveries.AsNoTracking().Where(d => d.RequestId == requestId).OrderByDescending(d => d.CreatedAt).ToListAsync(ct);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.CallbackAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Number).ToListAsync(ct))
            .ToLookup(a => a.DeliveryId, a => a.ToAttempt());
        return [.. deliveries.Select(d => new CallbackDeliveryView(d.Id, d.Event, d.Url, d.CreatedAt, d.CreatedBy, d.ResendOf, [.. attempts[d.Id]],
            NextRetryAt(attempts[d.Id].LastOrDefault())))];
    }

    /// <summary>Each delivery's attempt n follows n - 1 waits of the retry schedule, the first right after it was made.</summary>
    private DateTimeOffset? NextRetryAt(CallbackAttempt? last)
    {
        var delays = options.Value.RetryDelays;
        if (last is null || last.Outcome != CallbackOutcome.Failed || last.Number - 1 >= delays.Count) return null;
        return last.EndedAt + delays[last.Number - 1];
    }
}
