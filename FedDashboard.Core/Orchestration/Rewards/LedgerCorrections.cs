using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance.Audit;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FedDashboard.Core.Orchestration.Rewards;

/// <summary>
/// Corrects a ledger line by adding a new one: the ledger is never edited, so what was paid stays on record. A
/// correction above <see cref="RewardOptions.CorrectionApprovalThreshold"/> counts only once an approver other than its
/// author accepts it; the acceptance or rejection is a row of its own, so the ledger stays append-only.
/// </summary>
public sealed class LedgerCorrections(IDbContextFactory<FedDbContext> dbFactory, IOptions<RewardOptions> options, TimeProvider clock)
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

        var threshold = options.Value.CorrectionApprovalThreshold;
        var correction = RewardEntry.CorrectionOf(corrected, amount, why, actor.Name, now, needsAcceptance: Math.Abs(amount) > threshold);
        // The audit row names the new line's id, so the line is saved first; both commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.RewardEntries.Add(correction);
        await db.SaveChangesAsync(ct);
        db.Audit(actor, AuditAction.RewardCorrected, AuditSubject.RewardEntry, entryId, null,
            new { correction.Id, correction.Amount, correction.Currency, correction.Note, correction.NeedsAcceptance }, now,
            correction.NeedsAcceptance ? $"Above {threshold} {correction.Currency}: it counts once an approver other than {actor.Name} accepts it." : null);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return correction;
    }

    /// <summary>Lets a correction that needs acceptance count from now on.</summary>
    /// <exception cref="AccessDeniedException">Not an approver, or the correction's author (the refusal is audited).</exception>
    /// <exception cref="NotFoundException">No such correction.</exception>
    /// <exception cref="ConflictException">It needs no acceptance, or is decided already.</exception>
    public Task<CorrectionDecision> AcceptAsync(Actor actor, long correctionId, string? comment, CancellationToken ct = default) =>
        DecideAsync(actor, correctionId, accepted: true, comment, ct);

    /// <summary>Keeps a correction that needs acceptance from ever counting; the reason is required.</summary>
    public Task<CorrectionDecision> RejectAsync(Actor actor, long correctionId, string? reason, CancellationToken ct = default) =>
        DecideAsync(actor, correctionId, accepted: false, reason, ct);

    private async Task<CorrectionDecision> DecideAsync(Actor actor, long correctionId, bool accepted, string? comment, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var (action, verb) = accepted ? (AuditAction.CorrectionAccepted, "accept") : (AuditAction.CorrectionRejected, "reject");
        var correction = await db.RewardEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == correctionId && e.Kind == RewardKind.Correction, ct)
            ?? throw new NotFoundException($"There is no correction {correctionId} in the ledger.");
        await db.DemandAsync(actor, actor.CanApprove, $"{verb} correction {correctionId} without the approver role", action, AuditSubject.RewardEntry, correctionId, now, ct);
        await db.DemandAsync(actor, actor.CanApproveFor(correction.CreatedBy), $"{verb} correction {correctionId}, which they made themselves", action,
            AuditSubject.RewardEntry, correctionId, now, ct);
        if (await db.CorrectionDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.CorrectionId == correctionId, ct) is { } earlier)
            throw new ConflictException(Decided(correctionId, earlier));

        var decision = new CorrectionDecision(correction, accepted, actor.Name, comment, now);
        db.CorrectionDecisions.Add(decision);
        db.Audit(actor, action, AuditSubject.RewardEntry, correctionId, null,
            new { Correction = correctionId, correction.Amount, correction.Currency, decision.Accepted }, now, decision.Comment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException($"Correction {correctionId} was decided meanwhile by someone else; reload to see the decision.");
        }
        return decision;
    }

    private static string Decided(long correctionId, CorrectionDecision decision) =>
        $"Correction {correctionId} was already {(decision.Accepted ? "accepted" : "rejected")} by {decision.DecidedBy}; a correction is decided once.";
}
