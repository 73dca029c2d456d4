using FedDashboard.Core.Domain.Policies.Job;
using static System.FormattableString;

namespace FedDashboard.Bench;

/// <summary>
/// `--strategy NAME` (fedavg, fedavgm, fedadam, fedprox, krum, coordinatemedian, trimmedmean, normclipping) and the
/// settings of the chosen one: --server-lr, --server-momentum (FedAvgM); --adam-lr, --beta1, --beta2, --tau (FedAdam);
/// --mu (FedProx); --krum-f, --krum-m (Krum). Unset settings keep the policy's defaults.
/// </summary>
internal static class BenchStrategy
{
    public static AggregationPolicy From(BenchArguments args)
    {
        var name = args.Text("strategy", nameof(AggregationRule.FedAvg));
        if (!Enum.TryParse<AggregationRule>(name, ignoreCase: true, out var rule) || !Enum.IsDefined(rule))
            throw new ArgumentException($"--strategy must be one of {string.Join(", ", Enum.GetNames<AggregationRule>().Select(n => n.ToLowerInvariant()))} (was '{name}').");
        var defaults = new AggregationPolicy();
        return defaults with
        {
            Rule = rule,
            ServerLearningRate = args.Number("server-lr", defaults.ServerLearningRate),
            ServerMomentum = args.Number("server-momentum", defaults.ServerMomentum),
            AdamLearningRate = args.Number("adam-lr", defaults.AdamLearningRate),
            AdamBeta1 = args.Number("beta1", defaults.AdamBeta1),
            AdamBeta2 = args.Number("beta2", defaults.AdamBeta2),
            AdamTau = args.Number("tau", defaults.AdamTau),
            ProximalMu = args.Number("mu", defaults.ProximalMu),
            KrumByzantine = args.Integer("krum-f", defaults.KrumByzantine),
            KrumSelected = args.Integer("krum-m", defaults.KrumSelected),
        };
    }

    /// <summary>The strategy and the settings it reads, for the bench's output.</summary>
    public static string Describe(AggregationPolicy policy) => policy.Rule switch
    {
        AggregationRule.FedAvgM => Invariant($"FedAvgM (server η={policy.ServerLearningRate}, β={policy.ServerMomentum})"),
        AggregationRule.FedAdam => Invariant($"FedAdam (server η={policy.AdamLearningRate}, β₁={policy.AdamBeta1}, β₂={policy.AdamBeta2}, τ={policy.AdamTau})"),
        AggregationRule.FedProx => Invariant($"FedProx (μ={policy.ProximalMu})"),
        AggregationRule.Krum => Invariant($"Krum (f={policy.KrumByzantine}, m={policy.KrumSelected})"),
        AggregationRule.TrimmedMean => Invariant($"TrimmedMean ({policy.TrimFraction} at each end)"),
        AggregationRule.NormClipping => Invariant($"NormClipping ({policy.ClipFactor} × median norm)"),
        var other => other.ToString(),
    };
}
