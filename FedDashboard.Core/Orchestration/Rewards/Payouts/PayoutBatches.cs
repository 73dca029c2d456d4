using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using System.Data;

namespace FedDashboard.Core.Orchestration.Rewards.Payouts;

/// <summary>
/// Payout batches: an operator groups the unpaid entries of a period, edge or job; an approver who did not make the
/// batch, nor any correction it holds, approves or rejects it (a rejection releases its entries); an operator or approver marks an approved batch paid
/// with the payment's reference, after which it never changes. Each step, and each refusal, is audited in the commit
/// that makes it.
/// </summary>
/// <exception cref="AccessDeniedException">The actor may not take the step; the refusal is recorded and nothing else changes.</exception>
/// <exception cref="ArgumentException">Bad input (a period, edge, job, currency, comment or reference), or no entries to batch; nothing changes.</exception>
/// <exception cref="InvalidOperationException">The step is illegal from the batch's state, or the batch or its entries changed meanwhile; nothing changes.</exception>
/// <exception cref="KeyNotFoundException">No such batch.</exception>
public sealed class PayoutBatches(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The subject id of a refused creation, which has no batch to name.</summary>
    public const string NewBatch = "new";

    /// <summary>What a batch of this scope would take now, or why it cannot be made; changes nothing.</summary>
    public async Task<PayoutPreview> PreviewAsync(PayoutScope scope, string? currency, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PreviewAsync(db, InUtc(scope), currency, ct);
    }

    /// <summary>Batches every unpaid entry of the scope in the currency, set-based however many there are.</summary>
    public async Task<PayoutBatch> CreateAsync(Actor actor, PayoutScope scope, string? currency, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanOperate, "create a payout batch without the operator role", AuditAction.PayoutBatchCreated,
            AuditSubject.PayoutBatch, NewBatch, now, ct);
        scope = InUtc(scope);

        // One snapshot for the count, the total and the items, so the batch records exactly the rows it took.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var preview = await PreviewAsync(db, scope, currency, ct);
        if (!preview.CanCreate) throw new InvalidInputException(preview.Reason);
        var batch = new PayoutBatch(scope, currency!, preview.Count, preview.Total, actor.Name, now);
        db.PayoutBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        try
        {
            await new UnpaidEntries(scope, currency!).InsertItemsAsync(db, batch.Id, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The unique index on live items is the guard: another batch took some of these entries since the snapshot.
            throw new ConflictException("Some of these entries were batched meanwhile by someone else; nothing was stored. Check the preview and try again.");
        }
        db.Audit(actor, AuditAction.PayoutBatchCreated, AuditSubject.PayoutBatch, batch.Id, null, PayoutBatchState.Of(batch), now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return batch;
    }

    public Task<PayoutBatch> ApproveAsync(Actor actor, int id, string? comment, CancellationToken ct = default) =>
        DecideAsync(actor, id, AuditAction.PayoutBatchApproved, "approve", (batch, at) => batch.Approve(actor.Name, comment, at), ct);

    /// <summary>Rejects the batch with a reason and releases its entries: they are unpaid again and can be batched anew.</summary>
    public Task<PayoutBatch> RejectAsync(Actor actor, int id, string? reason, CancellationToken ct = default) =>
        DecideAsync(actor, id, AuditAction.PayoutBatchRejected, "reject", (batch, at) => batch.Reject(actor.Name, reason, at), ct);

    public Task<PayoutBatch> MarkPaidAsync(Actor actor, int id, string? reference, CancellationToken ct = default) =>
        StepAsync(actor, id, AuditAction.PayoutBatchPaid, async (db, batch, now) =>
            await db.DemandAsync(actor, actor.CanOperate || actor.CanApprove, $"mark payout batch {id} paid without the operator or approver role",
                AuditAction.PayoutBatchPaid, AuditSubject.PayoutBatch, id, now, ct),
            (batch, at) =>
            {
                batch.MarkPaid(actor.Name, reference, at);
                return batch.PaymentReference;
            }, ct);

    private Task<PayoutBatch> DecideAsync(Actor actor, int id, AuditAction action, string verb, Action<PayoutBatch, DateTimeOffset> decide, CancellationToken ct) =>
        StepAsync(actor, id, action, async (db, batch, now) =>
        {
            await db.DemandAsync(actor, actor.CanApprove, $"{verb} payout batch {id} without the approver role", action, AuditSubject.PayoutBatch, id, now, ct);
            // Nobody decides on what they asked for.
            await db.DemandAsync(actor, actor.CanApproveFor(batch.CreatedBy), $"{verb} payout batch {id}, which they made themselves", action,
                AuditSubject.PayoutBatch, id, now, ct);
            // Nor on money they moved themselves: a correction's author does not release it for payment.
            var correctionAuthors = await db.PayoutBatchItems.Where(i => i.BatchId == id && !i.Released)
                .Join(db.RewardEntries.Where(e => e.Kind == RewardKind.Correction), i => i.EntryId, e => e.Id, (i, e) => e.CreatedBy)
                .Distinct()
                .ToListAsync(ct);
            await db.DemandAsync(actor, correctionAuthors.All(actor.CanApproveFor), $"{verb} payout batch {id}, which holds a correction they made", action,
                AuditSubject.PayoutBatch, id, now, ct);
        }, (batch, at) =>
        {
            decide(batch, at);
            return batch.DecisionComment;
        }, ct);

    /// <param name="step">Moves the batch and returns the audit row's detail (the comment or the reference).</param>
    private async Task<PayoutBatch> StepAsync(Actor actor, int id, AuditAction action, Func<FedDbContext, PayoutBatch, DateTimeOffset, Task> demand,
        Func<PayoutBatch, DateTimeOffset, string?> step, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.PayoutBatches.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException($"There is no payout batch {id}.");
        var now = clock.GetUtcNow();
        await demand(db, batch, now);

        var before = PayoutBatchState.Of(batch);
        var detail = step(batch, now);
        db.Audit(actor, action, AuditSubject.PayoutBatch, id, before, PayoutBatchState.Of(batch), now, detail);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"Payout batch {id} changed meanwhile; reload to see where it stands.");
        }
        if (batch.Status == PayoutBatchStatus.Rejected)
            await db.PayoutBatchItems.Where(i => i.BatchId == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Released, true), ct);
        await transaction.CommitAsync(ct);
        return batch;
    }

    private static async Task<PayoutPreview> PreviewAsync(FedDbContext db, PayoutScope scope, string? currency, CancellationToken ct)
    {
        List<PolicyError> errors = [.. InputErrors(scope, currency)];
        if (scope.EdgeId is { } edge && !await db.EdgeServers.AnyAsync(e => e.Id == edge, ct))
            errors.Add(new(nameof(PayoutScope.EdgeId), $"There is no edge {edge}."));
        if (scope.JobId is { } job && !await db.TrainingJobs.AnyAsync(j => j.Id == job, ct))
            errors.Add(new(nameof(PayoutScope.JobId), $"There is no job {job}."));
        if (errors.Count > 0) return new(errors, 0, 0);

        var (count, total) = await new UnpaidEntries(scope, currency!).SummarizeAsync(db, ct);
        return PayoutBatch.SelectionProblem(count, total, currency!) is { } problem
            ? new([new(PayoutPreview.SelectionField, problem)], count, total)
            : new([], count, total);
    }

    private static IEnumerable<PolicyError> InputErrors(PayoutScope scope, string? currency)
    {
        if (RewardPolicy.CurrencyProblem(currency) is { } problem) yield return new("Currency", problem);
        if (scope is { From: { } from, To: { } to } && to <= from)
            yield return new(nameof(PayoutScope.To), to == from
                ? $"The period is empty: it ends where it starts ({from:yyyy-MM-dd HH:mm} UTC), and its end is not included."
                : $"The period ends ({to:yyyy-MM-dd HH:mm} UTC) before it starts ({from:yyyy-MM-dd HH:mm} UTC).");
    }

    // PostgreSQL stores instants; Npgsql takes them only as UTC.
    private static PayoutScope InUtc(PayoutScope scope) => scope with { From = scope.From?.ToUniversalTime(), To = scope.To?.ToUniversalTime() };
}
