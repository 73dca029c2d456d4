using FedDashboard.Core.Rewards;
using FedDashboard.Core.Policies.Reward;

namespace FedDashboard.Model;

/// <summary>The reward policy as the form edits it; errors sit at fields named as the policy names them ("Size.Weight").</summary>
public sealed class RewardPolicyForm : PolicyForm
{
    public decimal BaseAmount { get; set; }
    public string Currency { get; set; } = "";
    public double SizeWeight { get; set; }
    public int ReferenceSamples { get; set; }
    public double RecencyWeight { get; set; }
    public double FreshDays { get; set; }
    public double StaleDays { get; set; }
    public double FrequencyWeight { get; set; }
    public int WindowRounds { get; set; }
    public decimal? CapPerTerminal { get; set; }
    public decimal? RoundBudget { get; set; }
    public decimal? JobBudget { get; set; }
    public BudgetRule BudgetRule { get; set; }

    public const string Name = "Rewards";

    public static RewardPolicyForm From(RewardProgram program)
    {
        var form = new RewardPolicyForm();
        form.Reset(program.Policy, program.PolicyRevision, program.PolicyChangedAt);
        return form;
    }

    public RewardPolicy ToPolicy() => new()
    {
        BaseAmount = BaseAmount,
        Currency = Currency.Trim().ToUpperInvariant(),
        Size = new() { Weight = SizeWeight, ReferenceSamples = ReferenceSamples },
        Recency = new() { Weight = RecencyWeight, FreshDays = FreshDays, StaleDays = StaleDays },
        Frequency = new() { Weight = FrequencyWeight, WindowRounds = WindowRounds },
        CapPerTerminal = CapPerTerminal,
        RoundBudget = RoundBudget,
        JobBudget = JobBudget,
        BudgetRule = BudgetRule,
    };

    public void Reset(RewardPolicy policy, int revision, DateTimeOffset? changedAt)
    {
        (BaseAmount, Currency) = (policy.BaseAmount, policy.Currency);
        (SizeWeight, ReferenceSamples) = (policy.Size.Weight, policy.Size.ReferenceSamples);
        (RecencyWeight, FreshDays, StaleDays) = (policy.Recency.Weight, policy.Recency.FreshDays, policy.Recency.StaleDays);
        (FrequencyWeight, WindowRounds) = (policy.Frequency.Weight, policy.Frequency.WindowRounds);
        (CapPerTerminal, RoundBudget, JobBudget, BudgetRule) = (policy.CapPerTerminal, policy.RoundBudget, policy.JobBudget, policy.BudgetRule);
        ResetStored(revision, changedAt);
    }
}
