using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Simulation;


namespace FedDashboard.Core.Domain.Training;

/// <summary>A federated training run: a model trained over rounds under fixed settings.</summary>
/// <remarks>Its policy says how it aggregates, promotes, approves and ends; operators change it while the job runs, from the next round on.</remarks>
public sealed class TrainingJob : PolicyHolder<JobPolicy>
{
    /// <summary>The longest name a job keeps (the column's size).</summary>
    public const int MaxNameLength = 200;

    /// <summary>The name's input in requests and on pages, for a refusal shown at its field.</summary>
    public const string NameField = "name";

    private TrainingJob()
    {
        Name = "";
        CreatedBy = "";
        Settings = new TrainingSettings();
    }

    /// <param name="dataShards">How many of the fleet the training images are split among; the whole fleet if not given.</param>
    public TrainingJob(string name, TrainingSettings settings, JobPolicy policy, int fleetSize, string createdBy, DateTimeOffset createdAt, int? dataShards = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        var jobName = TextInput.Required(name, MaxNameLength, NameField, "A job's name", "A job needs a name.");
        var errors = settings.Validate();
        if (errors.Count > 0) throw new InvalidInputException(string.Join(" ", errors));
        StartWith(policy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fleetSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dataShards ?? fleetSize, nameof(dataShards));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dataShards ?? fleetSize, fleetSize, nameof(dataShards));
        Name = jobName;
        Settings = settings;
        CreatedBy = createdBy;
        FleetSize = fleetSize;
        DataShards = dataShards ?? fleetSize;
        CreatedAt = createdAt;
        Status = JobStatus.Running;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public TrainingSettings Settings { get; private set; }

    /// <summary>The operator who started the job; they may not approve what it produces.</summary>
    public string CreatedBy { get; private set; }

    /// <summary>K: the terminals there were at the job's launch.</summary>
    public int FleetSize { get; private set; }

    /// <summary>
    /// How many terminals the training images were split among: the first this many by data ordinal hold a shard. The
    /// whole fleet unless the images cannot be split among so many (100,000 simulated terminals share 59,000 images).
    /// </summary>
    public int DataShards { get; private set; }

    public JobStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? EndReason { get; private set; }
    public JobEndCondition? EndCondition { get; private set; }

    /// <summary>The approved version edges hand out from the next round on; rounds train from it.</summary>
    public int? PublishedVersionId { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Hands out the job's untrained model until an approver publishes a version.</summary>
    public void PublishInitial(ModelVersion initial)
    {
        if (PublishedVersionId is not null) throw new InvalidOperationException($"Job {Id} already hands out a version.");
        if (initial.JobId != Id || initial.Number != 0) throw new ArgumentException("Only the job's own v0 is its initial model.", nameof(initial));
        PublishedVersionId = initial.Id;
    }

    /// <summary>Hands out a newer approved version from the next round on.</summary>
    /// <param name="published">The version the job hands out now.</param>
    public void Publish(ModelVersion version, ModelVersion published) => Replace(version, published, rollBack: false);

    /// <summary>Hands out an earlier approved version again from the next round on.</summary>
    /// <param name="published">The version the job hands out now.</param>
    public void RollBackTo(ModelVersion version, ModelVersion published) => Replace(version, published, rollBack: true);

    private void Replace(ModelVersion version, ModelVersion published, bool rollBack)
    {
        if (version.JobId != Id) throw new ArgumentException($"{version.Label} belongs to job {version.JobId}, not job {Id}.", nameof(version));
        if (published.Id != PublishedVersionId) throw new ArgumentException($"{published.Label} is not the version job {Id} hands out.", nameof(published));
        if (version.Status != ModelVersionStatus.Approved) throw new ConflictException($"Only an approved version can be handed out; {version.Standing}.");
        if (version.Id == published.Id) throw new ConflictException($"{version.Label} is already the published version.");
        // Numbers order the versions: publishing moves forward, a rollback back, so the audit log says which it was.
        if (!rollBack && version.Number < published.Number)
            throw new ConflictException($"{version.Label} is older than the published {published.Label}; roll back to it instead.");
        if (rollBack && version.Number > published.Number)
            throw new ConflictException($"{version.Label} is newer than the published {published.Label}; publish it instead.");
        PublishedVersionId = version.Id;
    }

    /// <summary>No new round starts until the job is resumed; a round already started finishes.</summary>
    public void Pause()
    {
        if (Status != JobStatus.Running) throw new ConflictException($"Only a running job can be paused; job {Id} is {Status}.");
        Status = JobStatus.Paused;
    }

    public void Resume()
    {
        if (Status != JobStatus.Paused) throw new ConflictException($"Only a paused job can be resumed; job {Id} is {Status}.");
        Status = JobStatus.Running;
    }

    /// <summary>Ends a running job because one of its termination conditions is met.</summary>
    public void Complete(JobEnd end, DateTimeOffset at)
    {
        if (Status != JobStatus.Running) throw new ConflictException($"Only a running job can complete; job {Id} is {Status}.");
        End(JobStatus.Completed, end, at);
    }

    /// <summary>An operator ends a running or paused job now.</summary>
    public void Abort(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (Status is not (JobStatus.Running or JobStatus.Paused)) throw new ConflictException($"Job {Id} has already ended ({Status}).");
        End(JobStatus.Aborted, new JobEnd(JobEndCondition.Aborted, $"Aborted by {by}."), at);
    }

    private void End(JobStatus status, JobEnd end, DateTimeOffset at)
    {
        Status = status;
        EndCondition = end.Condition;
        EndReason = end.Reason;
        EndedAt = at;
    }
}
