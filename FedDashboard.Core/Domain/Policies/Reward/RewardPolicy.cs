namespace FedDashboard.Core.Domain.Policies.Reward;

/// <summary>
/// What an accepted result earns: the base amount times the size, recency and frequency multipliers, limited by the
/// cap per terminal and the round and job budgets. A budget or cap left empty does not apply.
/// </summary>
public sealed record RewardPolicy : IPolicy<RewardPolicy>
{
    public static RewardPolicy Default { get; } = new();

    public decimal BaseAmount { get; init; } = 0.10m;

    /// <summary>ISO 4217 code; every amount the policy produces is in this currency.</summary>
    public string Currency { get; init; } = "EUR";

    public SizeFactor Size { get; init; } = new();
    public RecencyFactor Recency { get; init; } = new();
    public FrequencyFactor Frequency { get; init; } = new();

    /// <summary>The most one terminal earns in one job.</summary>
    public decimal? CapPerTerminal { get; init; }

    /// <summary>The most all rewards of one round may add up to.</summary>
    public decimal? RoundBudget { get; init; }

    /// <summary>The most all rewards of one job may add up to.</summary>
    public decimal? JobBudget { get; init; }

    public BudgetRule BudgetRule { get; init; } = BudgetRule.ProRata;

    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>Every rule the policy breaks, each naming its field ("Size.Weight"); empty when it can be saved.</summary>
    public IReadOnlyList<PolicyError> Validate() =>
    [
        .. AmountProblems(),
        .. (Size ?? new()).Problems($"{nameof(Size)}."),
        .. (Recency ?? new()).Problems($"{nameof(Recency)}."),
        .. (Frequency ?? new()).Problems($"{nameof(Frequency)}."),
    ];

    private IEnumerable<PolicyError> AmountProblems()
    {
        if (BaseAmount is < 0 or > MaxAmount) yield return new(nameof(BaseAmount), $"The base amount is from 0 to {MaxAmount:0} (was {BaseAmount}).");
        if (CurrencyProblem(Currency) is { } currency) yield return new(nameof(Currency), currency);
        if (CapPerTerminal is { } cap && !(cap >= BaseAmount && cap <= MaxAmount))
            yield return new(nameof(CapPerTerminal), $"The cap per terminal is at least the base amount ({BaseAmount}) and at most {MaxAmount:0}, or empty (was {cap}).");
        if (RoundBudget is { } round && !(round >= 0 && round <= MaxAmount))
            yield return new(nameof(RoundBudget), $"The round budget is from 0 to {MaxAmount:0}, or empty (was {round}).");
        if (JobBudget is { } job && !(job >= 0 && job <= MaxAmount))
            yield return new(nameof(JobBudget), $"The job budget is from 0 to {MaxAmount:0}, or empty (was {job}).");
        if (!Enum.IsDefined(BudgetRule)) yield return new(nameof(BudgetRule), $"Must be one of {string.Join(", ", Enum.GetNames<BudgetRule>())}.");
    }

    public static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    /// <summary>Why <paramref name="code"/> is not a currency, or null when it is one.</summary>
    public static string? CurrencyProblem(string? code) =>
        IsCurrencyCode(code) ? null : $"The currency is a three-letter ISO 4217 code such as EUR (was '{code}').";
}
