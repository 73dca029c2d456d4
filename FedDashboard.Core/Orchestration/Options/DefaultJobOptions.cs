using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Simulation;


namespace FedDashboard.Core.Orchestration.Options;

/// <summary>The job started on a fresh database so the dashboard shows training out of the box.</summary>
public sealed class DefaultJobOptions : IValidatedOptions
{
    public static string Section => "Fed:DefaultJob";

    public bool StartOnFreshDatabase { get; set; } = true;
    public string Name { get; set; } = "MNIST 2NN demo";
    public TrainingSettings Settings { get; set; } = new();
    public JobPolicy Policy { get; set; } = new() { AutoApprove = true, Termination = new() { MaxRounds = 500 } };

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return "Name must not be empty.";
        foreach (var error in Settings.Validate()) yield return $"Settings:{error}";
        foreach (var error in Policy.Validate()) yield return $"Policy:{error.Field.Replace('.', ':')}: {error.Message}";
    }
}
