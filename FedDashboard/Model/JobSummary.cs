using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Model;

public sealed record JobSummary(int Id, string Name, JobStatus Status, string? EndReason, TrainingSettings Settings, JobPolicy Policy,
    string CreatedBy, DateTimeOffset CreatedAt, JobEndCondition? EndCondition, DateTimeOffset? EndedAt, int? PublishedVersionId)
{
    public string SettingsText =>
        $"{Settings.Model}, {Settings.Partition}, C={Settings.ClientFraction:0.###}, E={Settings.LocalEpochs}, B={Settings.BatchSize}, η={Settings.LearningRate:0.####}, κ={Settings.EdgeRoundsPerCombination}";
}
