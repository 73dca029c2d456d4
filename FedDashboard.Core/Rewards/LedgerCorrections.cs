using FedDashboard.Core.Governance.Audit;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Rewards;

/// <summary>Corrects a ledger line by adding a new one: the ledger is never edited, so what was paid stays on record.</summary>
public sealed class LedgerCorrections(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    /// <param name="amount">Added to what the entry paid; negative to take some back.</param>
    /// <exception cref="AccessDeniedException">The actor is not an operator (the refusal is audited).</exception>
    /// <exception cref="KeyNotFoundException">No such entry.</exception>
    /// <exception cref="ArgumentException">A zero amount or one with more than 4 decimals, a missing reason, or a correction of a correction.</exception>
    public async Task<RewardEntry> CorrectAsync(Actor actor, long entryId, decimal amount, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanOperate, $"correct ledger entry {entryId}", AuditAction.RewardCorrected, AuditSubject.RewardEntry, entryId, now, ct);
        var corrected = await db.RewardEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, ct)
            ?? throw new KeyNotFoundException($"There is no ledger entry {entryId}.");
        // Messages without a parameter name: they are shown to the operator as they are.
        if (corrected.Kind != RewardKind.Reward) throw new ArgumentException($"Ledger entry {entryId} is itself a correction; correct the reward it corrects.");
        if (amount == 0) throw new ArgumentException("A correction adds or takes back an amount; 0 corrects nothing.");
        if (Math.Round(amount, RewardCalculator.Decimals) != amount)
            throw new ArgumentException($"Amounts have at most {RewardCalculator.Decimals} decimal places (was {amount}).");
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A correction needs a reason.");

        var correction = RewardEntry.CorrectionOf(corrected, amount, reason.Trim(), actor.Name, now);
        // The audit row names the new line's id, so the line is saved first; both commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.RewardEntries.Add(correction);
        await db.SaveChangesAsync(ct);
        db.Audit(actor, AuditAction.RewardCorrected, AuditSubject.RewardEntry, entryId, null, new { correction.Id, correction.Amount, correction.Currency, correction.Note }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return correction;
    }
}
