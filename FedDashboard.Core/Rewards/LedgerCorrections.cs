using FedDashboard.Core.Governance.Audit;
using FedDashboard.Core.Persistence;
using FedDashboard.Core.Refusals;
using FedDashboard.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Rewards;

/// <summary>Corrects a ledger line by adding a new one (R2): the ledger is never edited, so what was paid stays on record.</summary>
public sealed class LedgerCorrections(IDbContextFactory<FedDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The inputs' names in requests and on pages, for a refusal shown at its field.</summary>
    public const string AmountField = "amount", ReasonField = "reason";

    /// <param name="amount">Added to what the entry paid; negative to take some back.</param>
    /// <exception cref="AccessDeniedException">The actor is not an operator (the refusal is audited).</exception>
    /// <exception cref="NotFoundException">No such entry.</exception>
    /// <exception cref="InvalidInputException">A zero amount or one with more than 4 decimals, a missing or too long reason, or a correction of a correction.</exception>
    public async Task<RewardEntry> CorrectAsync(Actor actor, long entryId, decimal amount, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.DemandAsync(actor, actor.CanOperate, $"correct ledger entry {entryId}", AuditAction.RewardCorrected, AuditSubject.RewardEntry, entryId, now, ct);
        if (amount == 0) throw new InvalidInputException("A correction adds or takes back an amount; 0 corrects nothing.", AmountField);
        if (Math.Round(amount, RewardCalculator.Decimals) != amount)
            throw new InvalidInputException($"Amounts have at most {RewardCalculator.Decimals} decimal places (was {amount}).", AmountField);
        var why = TextInput.Required(reason, RewardEntry.MaxNoteLength, ReasonField, "A correction's reason", "A correction needs a reason.");
        var corrected = await db.RewardEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, ct)
            ?? throw new NotFoundException($"There is no ledger entry {entryId}.");
        if (corrected.Kind != RewardKind.Reward) throw new InvalidInputException($"Ledger entry {entryId} is itself a correction; correct the reward it corrects.");

        var correction = RewardEntry.CorrectionOf(corrected, amount, why, actor.Name, now);
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
