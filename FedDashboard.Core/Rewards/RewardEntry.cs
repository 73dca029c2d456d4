namespace FedDashboard.Core.Rewards;

/// <summary>One reward in the ledger for one accepted result; the database keeps it unique per round and terminal.</summary>
public sealed class RewardEntry
{
    private RewardEntry() => Currency = Reason = "";

    public RewardEntry(int jobId, int roundId, int terminalId, decimal amount, string currency, string reason, DateTimeOffset createdAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper)) throw new ArgumentException($"Currency must be a three-letter ISO code such as EUR (was '{currency}').", nameof(currency));
        JobId = jobId;
        RoundId = roundId;
        TerminalId = terminalId;
        Amount = amount;
        Currency = currency;
        Reason = reason;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public int JobId { get; private set; }
    public int RoundId { get; private set; }
    public int TerminalId { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
