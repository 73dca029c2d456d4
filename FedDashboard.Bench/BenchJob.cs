using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;


namespace FedDashboard.Bench;

/// <summary>What a benchmark trains and the policy it runs under; jobs are launched by the system, unattended.</summary>
internal sealed record BenchJob(TrainingSettings Settings, JobPolicy Policy)
{
    public double? Target => Policy.Termination.TargetAccuracy;

    public string Describe() =>
        $"{Settings.Model}, {Settings.Partition}, C={Settings.ClientFraction}, E={Settings.LocalEpochs}, B={Settings.BatchSize}, η={Settings.LearningRate}, " +
        $"κ={Settings.EdgeRoundsPerCombination}, aggregation {Policy.Aggregation.Rule}, target {Target:P0}, at most {Policy.Termination.MaxRounds} rounds";

    public Task<TrainingJob> LaunchAsync(JobLauncher launcher, string name) => launcher.LaunchAsync(name, Settings, Policy, Actor.System);
}
