namespace FedDashboard.Core.Domain.Requests;

/// <summary>What a request may use: at most this many rounds, and at most this much reward spend in its client's currency.</summary>
public sealed record RequestBudget
{
    public int MaxRounds { get; init; }
    public decimal MaxSpend { get; init; }
}
