namespace FedDashboard.Core.Domain.Policies.Job;

/// <summary>The job's <see cref="AggregationRule"/> and its settings; each setting is read only by the rule it names.</summary>
public sealed record AggregationPolicy
{
    public AggregationRule Rule { get; init; } = AggregationRule.FedAvg;

    /// <summary>For <see cref="AggregationRule.TrimmedMean"/>: the fraction of values dropped at each end, per parameter.</summary>
    public double TrimFraction { get; init; } = 0.2;

    /// <summary>For <see cref="AggregationRule.NormClipping"/>: updates are shrunk to this multiple of the median update norm.</summary>
    public double ClipFactor { get; init; } = 1.0;

    /// <summary>For <see cref="AggregationRule.FedAvgM"/>: η, the server's step on its momentum (1 with β = 0 is FedAvg).</summary>
    public double ServerLearningRate { get; init; } = 1.0;

    /// <summary>For <see cref="AggregationRule.FedAvgM"/>: β, the share of last round's momentum kept.</summary>
    public double ServerMomentum { get; init; } = 0.9;

    /// <summary>For <see cref="AggregationRule.FedAdam"/>: η, the server's Adam step size.</summary>
    public double AdamLearningRate { get; init; } = 0.01;

    /// <summary>For <see cref="AggregationRule.FedAdam"/>: β₁, the decay of the first moment.</summary>
    public double AdamBeta1 { get; init; } = 0.9;

    /// <summary>For <see cref="AggregationRule.FedAdam"/>: β₂, the decay of the second moment.</summary>
    public double AdamBeta2 { get; init; } = 0.99;

    /// <summary>For <see cref="AggregationRule.FedAdam"/>: τ, the adaptivity bound added to √v.</summary>
    public double AdamTau { get; init; } = 1e-3;

    /// <summary>For <see cref="AggregationRule.FedProx"/>: μ of the proximal term μ∕2·‖w − w_global‖² in local training.</summary>
    public double ProximalMu { get; init; } = 0.01;

    /// <summary>For <see cref="AggregationRule.Krum"/>: f, the attackers tolerated per aggregation.</summary>
    public int KrumByzantine { get; init; } = 1;

    /// <summary>For <see cref="AggregationRule.Krum"/>: m, how many best-scored results are averaged (1: Krum, more: Multi-Krum).</summary>
    public int KrumSelected { get; init; } = 1;

    /// <summary>The μ the terminals train with: the job's under <see cref="AggregationRule.FedProx"/>, else 0.</summary>
    public double TerminalProximalMu => Rule == AggregationRule.FedProx ? ProximalMu : 0;

    public IEnumerable<PolicyError> Problems(string prefix)
    {
        if (!Enum.IsDefined(Rule)) yield return new($"{prefix}{nameof(Rule)}", $"Must be one of {string.Join(", ", Enum.GetNames<AggregationRule>())}.");
        if (!(TrimFraction is >= 0 and < 0.5)) yield return new($"{prefix}{nameof(TrimFraction)}", $"The trimmed fraction at each end is from 0 to below 0.5 (was {TrimFraction}).");
        if (!(ClipFactor > 0 && double.IsFinite(ClipFactor))) yield return new($"{prefix}{nameof(ClipFactor)}", $"The clipping factor is a finite number above 0 (was {ClipFactor}).");
        if (!(ServerLearningRate > 0 && ServerLearningRate <= 10)) yield return new($"{prefix}{nameof(ServerLearningRate)}", $"The server learning rate is above 0 and at most 10 (was {ServerLearningRate}).");
        if (!(ServerMomentum is >= 0 and < 1)) yield return new($"{prefix}{nameof(ServerMomentum)}", $"The server momentum is from 0 to below 1 (was {ServerMomentum}).");
        if (!(AdamLearningRate > 0 && AdamLearningRate <= 10)) yield return new($"{prefix}{nameof(AdamLearningRate)}", $"The Adam step size is above 0 and at most 10 (was {AdamLearningRate}).");
        if (!(AdamBeta1 is >= 0 and < 1)) yield return new($"{prefix}{nameof(AdamBeta1)}", $"β₁ is from 0 to below 1 (was {AdamBeta1}).");
        if (!(AdamBeta2 is >= 0 and < 1)) yield return new($"{prefix}{nameof(AdamBeta2)}", $"β₂ is from 0 to below 1 (was {AdamBeta2}).");
        if (!(AdamTau > 0 && AdamTau <= 1)) yield return new($"{prefix}{nameof(AdamTau)}", $"τ is above 0 and at most 1 (was {AdamTau}).");
        if (!(ProximalMu is >= 0 and <= 100)) yield return new($"{prefix}{nameof(ProximalMu)}", $"μ is from 0 to 100 (was {ProximalMu}).");
        if (KrumByzantine is < 0 or > 100) yield return new($"{prefix}{nameof(KrumByzantine)}", $"The attackers tolerated are from 0 to 100 (was {KrumByzantine}).");
        if (KrumSelected is < 1 or > 1000) yield return new($"{prefix}{nameof(KrumSelected)}", $"Krum averages from 1 to 1000 results (was {KrumSelected}).");
    }
}
