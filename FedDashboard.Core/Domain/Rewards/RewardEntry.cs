using FedDashboard.Core.Domain.Policies.Reward;


namespace FedDashboard.Core.Domain.Rewards;

/// <summary>
/// One line of the append-only ledger: the reward an accepted result earned, or a correction of an earlier line.
/// The database keeps one reward per job, round and terminal and refuses to change or delete a line.
/// </summary>
public sealed class RewardEntry
{
    private RewardEntry() => Currency = Note = CreatedBy = "";

    private RewardEntry(RewardKind kind, int jobId, int roundId, int terminalId, int edgeId, decimal amount, string currency,
        string note, string createdBy, DateTimeOffset createdAt)
    {
        if (Policies.Reward.RewardPolicy.CurrencyProblem(currency) is { } problem) throw new ArgumentException(problem, nameof(currency));
        Kind = kind;
        JobId = jobId;
        RoundId = roundId;
        TerminalId = terminalId;
        EdgeId = edgeId;
        Amount = amount;
        Currency = currency;
        Note = note;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public static RewardEntry ForResult(RewardQuote quote, int jobId, int roundId, string currency, int policyRevision, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quote.Amount);
        return new(RewardKind.Reward, jobId, roundId, quote.Claim.TerminalId, quote.Claim.EdgeId, quote.Amount, currency, quote.Note, "system", at)
        {
            ComputedAmount = quote.Computed,
            SizeMultiplier = quote.SizeMultiplier,
            RecencyMultiplier = quote.RecencyMultiplier,
            FrequencyMultiplier = quote.FrequencyMultiplier,
            Adjustment = quote.Adjustment,
            PolicyRevision = policyRevision,
        };
    }

    /// <summary>A new line that adds <paramref name="amount"/> (negative to take back) to what <paramref name="corrected"/> paid.</summary>
    /// <param name="needsAcceptance">The line counts only once an approver other than its author accepts it.</param>
    public static RewardEntry CorrectionOf(RewardEntry corrected, decimal amount, string reason, string createdBy, DateTimeOffset at, bool needsAcceptance = false)
    {
        if (amount == 0) throw new ArgumentException("A correction changes the amount; 0 corrects nothing.", nameof(amount));
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(RewardKind.Correction, corrected.JobId, corrected.RoundId, corrected.TerminalId, corrected.EdgeId, amount, corrected.Currency,
            reason, createdBy, at) { CorrectsEntryId = corrected.Id, NeedsAcceptance = needsAcceptance };
    }

    /// <summary>The longest note a line keeps (the column's size); a correction's reason is its note.</summary>
    public const int MaxNoteLength = 1000;

    public long Id { get; private set; }
    public RewardKind Kind { get; private set; }
    public int JobId { get; private set; }
    public int RoundId { get; private set; }
    public int TerminalId { get; private set; }

    /// <summary>The edge that assigned the result, which reports group rewards by.</summary>
    public int EdgeId { get; private set; }

    /// <summary>What is owed; a correction's amount may be negative.</summary>
    public decimal Amount { get; private set; }

    public string Currency { get; private set; }

    /// <summary>What the policy's factors computed before the cap and budgets; null for a correction.</summary>
    public decimal? ComputedAmount { get; private set; }

    public double? SizeMultiplier { get; private set; }
    public double? RecencyMultiplier { get; private set; }
    public double? FrequencyMultiplier { get; private set; }
    public RewardAdjustment Adjustment { get; private set; }

    /// <summary>The reward policy revision the amount was computed by; null for a correction.</summary>
    public int? PolicyRevision { get; private set; }

    public long? CorrectsEntryId { get; private set; }

    /// <summary>
    /// A correction above the acceptance threshold: it counts (in totals, budgets, payouts, exports) only once a
    /// <see cref="CorrectionDecision"/> accepts it. Fixed when the line is written, so a later threshold changes nothing.
    /// </summary>
    public bool NeedsAcceptance { get; private set; }

    /// <summary>How the amount came about (a cap, a budget), or a correction's reason.</summary>
    public string Note { get; private set; }

    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
