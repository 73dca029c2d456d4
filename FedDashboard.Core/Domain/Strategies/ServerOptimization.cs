using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Learning.ServerOptimizers;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>
/// The step the centre takes after combining its edges, as a job's policy chooses; null when the combination is the
/// next model. Only the centre steps: an edge's model is a waypoint within a combination period, and a second optimizer
/// there would compound with the first.
/// </summary>
public static class ServerOptimization
{
    public static IServerOptimizer? For(AggregationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Rule switch
        {
            AggregationRule.FedAvgM => new ServerMomentum(policy.ServerLearningRate, policy.ServerMomentum),
            AggregationRule.FedAdam => new ServerAdam(policy.AdamLearningRate, policy.AdamBeta1, policy.AdamBeta2, policy.AdamTau),
            _ => null,
        };
    }
}
