using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

/// <summary>One ledger line of a terminal, newest first on its page.</summary>
/// <param name="Accepted">For a correction that needs acceptance: null while pending, else the decision.</param>
public sealed record TerminalLedgerLine(long Id, RewardKind Kind, DateTimeOffset CreatedAt, string Job, int RoundId, int RoundNumber,
    decimal Amount, string Currency, RewardAdjustment Adjustment, string Note, long? CorrectsEntryId, string CreatedBy,
    bool NeedsAcceptance = false, bool? Accepted = null, string? DecidedBy = null)
{
    public ParticipantReward AsReward => new(Amount, Currency, Adjustment, Note);

    public bool Pending => NeedsAcceptance && Accepted is null;

    /// <summary>Whether the line is in the totals: every line but a correction still pending or rejected.</summary>
    public bool Counts => !NeedsAcceptance || Accepted == true;
}

public sealed record CurrencyTotal(string Currency, decimal Total, int Lines);

public sealed record TerminalLedgerView(IReadOnlyList<CurrencyTotal> Totals, IReadOnlyList<TerminalLedgerLine> Lines, int AllLines);

/// <summary>
/// A terminal's rewards: its totals per currency over the lines that count, and its latest lines, a correction waiting
/// for (or refused) an approver's acceptance among them, marked as such.
/// </summary>
public sealed class TerminalLedger(IDbContextFactory<FedDbContext> dbFactory)
{
    public const int LatestLines = 200;

    public async Task<TerminalLedgerView> ReadAsync(int terminalId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.RewardEntries.Where(e => e.TerminalId == terminalId);
        var totals = await entries.ThatCount(db).GroupBy(e => e.Currency)
            .OrderBy(g => g.Key)
            .Select(g => new CurrencyTotal(g.Key, g.Sum(e => e.Amount), g.Count()))
            .ToListAsync(ct);
        var lines = await (
            from e in entries
            join r in db.Rounds on e.RoundId equals r.Id
            join j in db.TrainingJobs on e.JobId equals j.Id
            join d in db.CorrectionDecisions on e.Id equals d.CorrectionId into decisions
            from d in decisions.DefaultIfEmpty()
            orderby e.Id descending
            select new TerminalLedgerLine(e.Id, e.Kind, e.CreatedAt, j.Name, r.Id, r.Number, e.Amount, e.Currency, e.Adjustment, e.Note, e.CorrectsEntryId, e.CreatedBy,
                e.NeedsAcceptance, d == null ? null : d.Accepted, d == null ? null : d.DecidedBy))
            .Take(LatestLines)
            .ToListAsync(ct);
        return new(totals, lines, totals.Sum(t => t.Lines));
    }
}
