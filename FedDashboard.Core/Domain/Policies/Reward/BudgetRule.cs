namespace FedDashboard.Core.Domain.Policies.Reward;

/// <summary>What happens to a round's rewards when they would spend more than a budget has left.</summary>
public enum BudgetRule
{
    /// <summary>Every accepted result is paid, all scaled down by the same factor so the total fits.</summary>
    ProRata,

    /// <summary>Results are paid in the order they reported until the budget is spent; the rest earn nothing.</summary>
    StopPaying,
}
