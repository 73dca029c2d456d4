namespace FedDashboard.Core.Orchestration;

/// <summary>A federated training run: a model trained over rounds under fixed settings.</summary>
public sealed class TrainingJob
{
    private TrainingJob()
    {
        Name = "";
        Settings = new TrainingSettings();
    }

    public TrainingJob(string name, TrainingSettings settings, int fleetSize, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var errors = settings.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fleetSize);
        Name = name;
        Settings = settings;
        FleetSize = fleetSize;
        CreatedAt = createdAt;
        Status = JobStatus.Running;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public TrainingSettings Settings { get; private set; }

    /// <summary>The number of terminals the training data was partitioned for.</summary>
    public int FleetSize { get; private set; }

    public JobStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? EndReason { get; private set; }
    public uint Version { get; private set; }

    public void Complete(string reason, DateTimeOffset at) => End(JobStatus.Completed, reason, at);

    public void Abort(string reason, DateTimeOffset at) => End(JobStatus.Aborted, reason, at);

    private void End(JobStatus status, string reason, DateTimeOffset at)
    {
        if (Status != JobStatus.Running) throw new InvalidOperationException($"Job {Id} has already ended ({Status}).");
        Status = status;
        EndReason = reason;
        EndedAt = at;
    }
}
