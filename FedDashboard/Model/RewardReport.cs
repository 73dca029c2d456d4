using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Model;

/// <summary>What entries of one currency add up to: rewards, corrections (signed) and their sum.</summary>
public abstract record LedgerSums(string Currency, int Entries, decimal Rewarded, decimal Corrections)
{
    public decimal Total => Rewarded + Corrections;
}

/// <param name="TerminalsPaid">Terminals with a reward above zero.</param>
/// <param name="NotInBatch">What entries add up to that no payout batch holds (a rejected batch released its entries).</param>
public sealed record CurrencyTotals(string Currency, int Entries, decimal Rewarded, decimal Corrections, int TerminalsPaid, decimal NotInBatch)
    : LedgerSums(Currency, Entries, Rewarded, Corrections);

public sealed record TerminalTotal(int TerminalId, string Terminal, HardwareTier Tier, string Currency, int Entries, decimal Rewarded, decimal Corrections)
    : LedgerSums(Currency, Entries, Rewarded, Corrections);

public sealed record EdgeTotal(int EdgeId, string Edge, string Currency, int Entries, decimal Rewarded, decimal Corrections)
    : LedgerSums(Currency, Entries, Rewarded, Corrections);

public sealed record TierTotal(HardwareTier Tier, string Currency, int Entries, decimal Rewarded, decimal Corrections)
    : LedgerSums(Currency, Entries, Rewarded, Corrections);

public sealed record RoundTotal(int RoundId, string Job, int Round, string Currency, int Entries, decimal Rewarded, decimal Corrections)
    : LedgerSums(Currency, Entries, Rewarded, Corrections);

/// <param name="Start">The first day of the period (UTC).</param>
public sealed record PeriodTotal(DateOnly Start, string Currency, int Entries, decimal Rewarded, decimal Corrections)
    : LedgerSums(Currency, Entries, Rewarded, Corrections);

/// <summary>What a job's rewards spent against the reward policy's job budget, and what the cap and the budget rule did.</summary>
/// <param name="Spent">In the policy's currency, the job's whole ledger.</param>
public sealed record JobBudgetStatus(int JobId, string Job, decimal Spent, int Rewards, int Capped, int ScaledProRata, int BudgetExhausted)
{
    public decimal? Share(RewardPolicy policy) => policy.JobBudget is > 0 and var budget ? Spent / budget : null;
}

public sealed record ReportPage<T>(IReadOnlyList<T> Items, int Total);

/// <summary>The page's report except the paged tables, which it reads a page at a time.</summary>
public sealed record RewardReport(
    IReadOnlyList<CurrencyTotals> Totals,
    IReadOnlyList<EdgeTotal> Edges,
    IReadOnlyList<TierTotal> Tiers,
    IReadOnlyList<PeriodTotal> Periods,
    RewardPolicy Policy,
    IReadOnlyList<JobBudgetStatus> Budgets);
