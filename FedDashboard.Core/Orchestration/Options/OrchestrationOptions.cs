namespace FedDashboard.Core.Orchestration.Options;

public sealed class OrchestrationOptions : IValidatedOptions
{
    public static string Section => "Fed:Orchestration";

    /// <summary>Local trainings run at once on this node (each uses one libtorch thread).</summary>
    public int TrainingWorkers { get; set; } = Math.Max(Environment.ProcessorCount, 1);

    /// <summary>
    /// Workers on the training and edge queues. A training waits there for one of the <see cref="TrainingWorkers"/>
    /// slots without taking a core, so the six more carry the edges' selections and aggregations, downloads and uploads.
    /// </summary>
    public int QueueWorkers => TrainingWorkers + 6;

    /// <summary>A breather between rounds so a person can follow the dashboard; 0 for benchmarks.</summary>
    public double SecondsBetweenRounds { get; set; } = 2;

    public IEnumerable<string> Validate()
    {
        if (TrainingWorkers is < 1 or > 64) yield return $"TrainingWorkers must be from 1 to 64 (was {TrainingWorkers}).";
        if (!(SecondsBetweenRounds is >= 0 and <= 3600)) yield return $"SecondsBetweenRounds must be from 0 to 3600 (was {SecondsBetweenRounds}).";
    }
}
