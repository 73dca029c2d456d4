using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Bench;

internal sealed record ByzantineRun(DataPartition Partition, ByzantineAttack Attack, AggregationRule Rule, JobOutcome Outcome, TimeSpan Wall)
{
    /// <summary>The last version's test accuracy; 0 when the job produced none.</summary>
    public double Final => Outcome.Accuracies.Count == 0 ? 0 : Outcome.Accuracies[^1].Accuracy;

    public double Best => Outcome.Accuracies.Count == 0 ? 0 : Outcome.Accuracies.Max(a => a.Accuracy);
}
