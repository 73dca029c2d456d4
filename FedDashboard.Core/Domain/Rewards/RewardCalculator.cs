using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Training;
using System.Globalization;

namespace FedDashboard.Core.Domain.Rewards;

/// <summary>
/// The rewards of one round's accepted results by a policy: base × size × recency × frequency, rounded to 4 places;
/// then each terminal's cap for the job; then, when the round's total exceeds what the round or job budget has left,
/// the policy's budget rule. Pure: the same claims and policy always give the same amounts.
/// </summary>
public static class RewardCalculator
{
    public const int Decimals = 4;

    /// <param name="claims">In the order the results reported: <see cref="BudgetRule.StopPaying"/> pays the earliest first.</param>
    /// <param name="spentInJob">What the job's rewards have added up to before this round, in the policy's currency.</param>
    public static IReadOnlyList<RewardQuote> Quote(RewardPolicy policy, IReadOnlyList<RewardClaim> claims, decimal spentInJob)
    {
        var quotes = claims.Select(claim => Capped(policy, Computed(policy, claim))).ToList();
        var total = quotes.Sum(q => q.Amount);
        var (available, budget) = Available(policy, spentInJob);
        if (total <= available) return quotes;
        return policy.BudgetRule == BudgetRule.ProRata ? ProRata(policy, quotes, total, available, budget) : StopPaying(policy, quotes, available, budget);
    }

    private static RewardQuote Computed(RewardPolicy policy, RewardClaim claim)
    {
        var size = policy.Size.Multiplier(claim.Samples);
        var recency = policy.Recency.Multiplier(claim.DataAge);
        var frequency = policy.Frequency.Multiplier(claim.AcceptedInWindow);
        var amount = Round(policy.BaseAmount * (decimal)(size * recency * frequency));
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{claim.Samples} samples, data {claim.DataAge.TotalDays:0.#} days old, accepted in {claim.AcceptedInWindow} of the last {policy.Frequency.WindowRounds} rounds.");
        return new(claim, amount, size, recency, frequency, amount, RewardAdjustment.None, note);
    }

    private static RewardQuote Capped(RewardPolicy policy, RewardQuote quote)
    {
        if (policy.CapPerTerminal is not { } cap) return quote;
        var left = Math.Max(0, cap - quote.Claim.EarnedInJob);
        if (quote.Amount <= left) return quote;
        return quote with
        {
            Amount = left,
            Adjustment = RewardAdjustment.Capped,
            Note = $"{quote.Note} Capped at the {Money(cap, policy)} per terminal and job: {Money(quote.Claim.EarnedInJob, policy)} earned before.",
        };
    }

    private static (decimal Available, string Budget) Available(RewardPolicy policy, decimal spentInJob)
    {
        var job = policy.JobBudget is { } jobBudget ? Math.Max(0, jobBudget - spentInJob) : decimal.MaxValue;
        var round = policy.RoundBudget ?? decimal.MaxValue;
        return round <= job
            ? (round, $"the round budget of {Money(round, policy)}")
            : (job, $"the {Money(job, policy)} left of the job budget of {Money(policy.JobBudget!.Value, policy)}");
    }

    private static List<RewardQuote> ProRata(RewardPolicy policy, List<RewardQuote> quotes, decimal total, decimal available, string budget)
    {
        var factor = available / total;
        var note = string.Create(CultureInfo.InvariantCulture, $"Scaled to {factor:P2} pro rata: the round's rewards of {Money(total, policy)} exceeded {budget}.");
        // Rounded down, so the scaled amounts never add up to more than the budget.
        return [.. quotes.Select(q => q with
        {
            Amount = Math.Round(q.Amount * factor, Decimals, MidpointRounding.ToZero),
            Adjustment = RewardAdjustment.ScaledProRata,
            Note = $"{q.Note} {note}",
        })];
    }

    private static List<RewardQuote> StopPaying(RewardPolicy policy, List<RewardQuote> quotes, decimal available, string budget)
    {
        var left = available;
        var paid = new List<RewardQuote>(quotes.Count);
        foreach (var quote in quotes)
        {
            var amount = Math.Min(quote.Amount, left);
            left -= amount;
            paid.Add(amount == quote.Amount ? quote : quote with
            {
                Amount = amount,
                Adjustment = RewardAdjustment.BudgetExhausted,
                Note = $"{quote.Note} Paid {Money(amount, policy)} of {Money(quote.Amount, policy)}: {budget} ran out.",
            });
        }
        return paid;
    }

    private static decimal Round(decimal amount) => Math.Round(amount, Decimals, MidpointRounding.AwayFromZero);

    private static string Money(decimal amount, RewardPolicy policy) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount:0.0000} {policy.Currency}");
}
