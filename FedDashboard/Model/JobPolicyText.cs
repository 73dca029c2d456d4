using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Learning.Aggregation;


namespace FedDashboard.Model;

public sealed record PolicyLine(string Name, string Text);

/// <summary>A job's policy in words, one line per part.</summary>
public static class JobPolicyText
{
    public static IReadOnlyList<PolicyLine> Describe(JobPolicy policy) =>
    [
        new("Aggregation", Aggregation(policy.Aggregation)),
        new("Promotion", Promotion(policy.Promotion)),
        new("Approval", policy.AutoApprove ? "Unattended: promoted versions are approved and published automatically." : "An approver approves and publishes each version."),
        new("Ends", Termination(policy.Termination)),
    ];

    private static string Aggregation(AggregationPolicy policy) => policy.Rule switch
    {
        AggregationRule.TrimmedMean => $"Trimmed mean, dropping {policy.TrimFraction:P0} at each end.",
        AggregationRule.NormClipping => $"FedAvg after clipping updates to {policy.ClipFactor:0.##} × the median norm.",
        AggregationRule.CoordinateMedian => "Coordinate-wise median.",
        AggregationRule.FedAvgM => $"FedAvg at the edges; the centre steps with momentum {policy.ServerMomentum:0.##} at rate {policy.ServerLearningRate:0.###}.",
        AggregationRule.FedAdam => $"FedAvg at the edges; the centre takes Adam steps of {policy.AdamLearningRate:0.#####} (β₁ {policy.AdamBeta1:0.###}, β₂ {policy.AdamBeta2:0.####}, τ {policy.AdamTau:0.######}).",
        AggregationRule.FedProx => $"FedAvg of terminals trained with a proximal term, μ = {policy.ProximalMu:0.####}.",
        AggregationRule.Krum => policy.KrumSelected == 1
            ? $"Krum, tolerating {policy.KrumByzantine} attackers per aggregation."
            : $"Multi-Krum, averaging the best {policy.KrumSelected} results, tolerating {policy.KrumByzantine} attackers per aggregation.",
        _ => "FedAvg, weighted by samples.",
    };

    private static string Promotion(PromotionPolicy policy) => policy.Rule switch
    {
        PromotionRule.AtLeastReference => $"A candidate becomes a version at a test accuracy of at least {policy.ReferenceAccuracy:P1}.",
        PromotionRule.BetterThanParent when policy.Margin > 0 => $"A candidate becomes a version when it beats its parent's test accuracy by at least {policy.Margin * 100:0.##} points.",
        PromotionRule.BetterThanParent => "A candidate becomes a version when it at least matches its parent's test accuracy.",
        _ => "Every candidate becomes a version.",
    };

    private static string Termination(TerminationPolicy policy)
    {
        List<string> bounds = [$"after {policy.MaxRounds} rounds"];
        if (policy.TargetAccuracy is { } target) bounds.Add($"when a version reaches {target:P1} test accuracy");
        if (policy.MaxDurationMinutes is { } minutes) bounds.Add($"{minutes:0.##} minutes after its start");
        if (policy.MinEligibleTerminals is { } minimum) bounds.Add($"when fewer than {minimum} terminals are eligible for a round");
        if (policy.MaxMeanLoad is { } load) bounds.Add($"when the mean CPU load in coverage exceeds {load:P0}");
        return $"The job ends {string.Join(", or ", bounds)}.";
    }
}
