namespace FedDashboard.Core.Orchestration;

/// <summary>A terminal selected for a round: what it was given and what it sent back.</summary>
public sealed class RoundParticipant
{
    private RoundParticipant() => BaseModelHash = ModelVariant = "";

    public RoundParticipant(int terminalId, int edgeId, string baseModelHash, string modelVariant, DateTimeOffset assignedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseModelHash);
        TerminalId = terminalId;
        EdgeId = edgeId;
        BaseModelHash = baseModelHash;
        ModelVariant = modelVariant;
        AssignedAt = assignedAt;
        Status = ParticipantStatus.Assigned;
    }

    /// <summary>How much of a failure's message is kept; a native exception's message can run to pages.</summary>
    public const int FailureReasonMaxLength = 1000;

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int TerminalId { get; private set; }

    /// <summary>The edge that selected the terminal and aggregates its result.</summary>
    public int EdgeId { get; private set; }

    /// <summary>The model the terminal starts from (content hash in the blob store).</summary>
    public string BaseModelHash { get; private set; }

    public string ModelVariant { get; private set; }
    public ParticipantStatus Status { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public int Samples { get; private set; }
    public double? TrainLoss { get; private set; }
    public double? TrainAccuracy { get; private set; }
    public string? UpdateHash { get; private set; }
    public string? FailureReason { get; private set; }
    public uint Version { get; private set; }

    public bool IsOpen => Status is ParticipantStatus.Assigned or ParticipantStatus.Training;

    public void Start(DateTimeOffset at)
    {
        if (Status != ParticipantStatus.Assigned) throw new InvalidOperationException($"Participant {Id} is {Status}; only an assigned participant can start training.");
        Status = ParticipantStatus.Training;
        StartedAt = at;
    }

    public void Report(string updateHash, int samples, double trainLoss, double trainAccuracy, DateTimeOffset at)
    {
        if (!IsOpen) throw new InvalidOperationException($"Participant {Id} is {Status}; it cannot report.");
        ArgumentException.ThrowIfNullOrWhiteSpace(updateHash);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        Status = ParticipantStatus.Reported;
        UpdateHash = updateHash;
        Samples = samples;
        TrainLoss = trainLoss;
        TrainAccuracy = trainAccuracy;
        EndedAt = at;
    }

    public void TimeOut(DateTimeOffset at)
    {
        if (!IsOpen) throw new InvalidOperationException($"Participant {Id} is {Status}; it cannot time out.");
        Status = ParticipantStatus.TimedOut;
        EndedAt = at;
    }

    public void Fail(string reason, DateTimeOffset at)
    {
        if (!IsOpen) throw new InvalidOperationException($"Participant {Id} is {Status}; it cannot fail.");
        Status = ParticipantStatus.Failed;
        FailureReason = reason.Length <= FailureReasonMaxLength ? reason : reason[..(FailureReasonMaxLength - 1)] + "…";
        EndedAt = at;
    }
}
