using FedDashboard.Core.Strategies;

namespace FedDashboard.Core.Orchestration;

/// <summary>A terminal selected for a round: what it was given and what it sent back.</summary>
public sealed class RoundParticipant
{
    private RoundParticipant() => BaseModelHash = ModelVariant = "";

    public RoundParticipant(
        int terminalId, int edgeId, string baseModelHash, string modelVariant, DateTimeOffset assignedAt,
        double width = 1, string? group = null, string? segment = null, int? replacesParticipantId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseModelHash);
        if (!(width is > 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(width), width, "A model width is above 0 and at most 1.");
        TerminalId = terminalId;
        EdgeId = edgeId;
        BaseModelHash = baseModelHash;
        ModelVariant = modelVariant;
        AssignedAt = assignedAt;
        Width = AssignedWidth = width;
        Group = group;
        Segment = segment;
        ReplacesParticipantId = replacesParticipantId;
        Status = ParticipantStatus.Assigned;
    }

    /// <summary>A terminal the edge asked that declined to train; it is kept so the round shows who was asked.</summary>
    public static RoundParticipant Declined(int terminalId, int edgeId, string baseModelHash, string reason, DateTimeOffset at)
    {
        var participant = new RoundParticipant(terminalId, edgeId, baseModelHash, "declined", at);
        participant.End(ParticipantStatus.Declined, reason, at);
        return participant;
    }

    /// <summary>How much of a failure's or filter's reason is kept; a native exception's message can run to pages.</summary>
    public const int ReasonMaxLength = 1000;

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

    /// <summary>Why the edge filtered the result: every bound it broke.</summary>
    public string? FilterReason { get; private set; }

    /// <summary>The result's model on the edge's validation data, from 0 to 1; measured when the edge evaluates results.</summary>
    public double? ValidationAccuracy { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The model width the edge assigned (1 = the full model; HeteroFL tier).</summary>
    public double AssignedWidth { get; private set; }

    /// <summary>The width the terminal trains now: narrower than assigned after a swap.</summary>
    public double Width { get; private set; }

    public DateTimeOffset? SwappedAt { get; private set; }
    public string? SwapReason { get; private set; }

    /// <summary>The group rule the terminal fell under when assigned, if any.</summary>
    public string? Group { get; private set; }

    /// <summary>The layer the terminal trains with the rest frozen, in a segmented job.</summary>
    public string? Segment { get; private set; }

    /// <summary>Set on a standby terminal: the participant it replaced.</summary>
    public int? ReplacesParticipantId { get; private set; }

    /// <summary>Set when the terminal finished after moving and reported through this other edge.</summary>
    public int? ReportedThroughEdgeId { get; private set; }

    /// <summary>Local SGD steps the full work would take, and the steps the terminal took after adapting to its load.</summary>
    public int? PlannedSteps { get; private set; }

    public int? StepsDone { get; private set; }

    public DataSource DataSource { get; private set; }

    /// <summary>Samples of other terminals' data this terminal trained on (see <see cref="SharedDataGrant"/>).</summary>
    public int SharedSamples { get; private set; }

    /// <summary>The part of the global model the terminal trains: its width now, on its segment.</summary>
    public TrainedPart TrainedPart => TrainedPart.Of(Width, Segment);

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

    /// <summary>The edge measured the reported result's model on its validation data.</summary>
    public void RecordValidation(double accuracy)
    {
        if (Status != ParticipantStatus.Reported) throw new InvalidOperationException($"Participant {Id} is {Status}; only a reported result is evaluated.");
        ValidationAccuracy = accuracy;
    }

    /// <summary>
    /// The edge refuses the result: an unusable upload (NaN, wrong shape) to an open assignment, or a reported result
    /// that fails its evaluation. It is neither aggregated nor rewarded.
    /// </summary>
    public void Filter(string reason, DateTimeOffset at)
    {
        if (!IsOpen && Status != ParticipantStatus.Reported) throw new InvalidOperationException($"Participant {Id} is {Status}; only an open or reported result can be filtered.");
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Status = ParticipantStatus.Filtered;
        FilterReason = Shortened(reason);
        EndedAt ??= at;
    }

    public void TimeOut(DateTimeOffset at) => End(ParticipantStatus.TimedOut, null, at);

    public void Fail(string reason, DateTimeOffset at) => End(ParticipantStatus.Failed, reason, at);

    public void Depart(string reason, DateTimeOffset at) => End(ParticipantStatus.Departed, reason, at);

    public void Replace(string reason, DateTimeOffset at) => End(ParticipantStatus.Replaced, reason, at);

    public void Cancel(string reason, DateTimeOffset at) => End(ParticipantStatus.Cancelled, reason, at);

    /// <summary>Mid-training, the terminal continues on a narrower nested model.</summary>
    public void SwapTo(double width, string reason, DateTimeOffset at)
    {
        if (Status != ParticipantStatus.Training) throw new InvalidOperationException($"Participant {Id} is {Status}; only a training participant can swap its model.");
        if (!(width > 0 && width < Width)) throw new ArgumentOutOfRangeException(nameof(width), width, $"A swap goes to a narrower model than the current width {Width}.");
        Width = width;
        SwapReason = reason;
        SwappedAt = at;
    }

    public void ReportThrough(int edgeId) => ReportedThroughEdgeId = edgeId == EdgeId ? null : edgeId;

    public void RecordLocalWork(int plannedSteps, int stepsDone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stepsDone);
        ArgumentOutOfRangeException.ThrowIfLessThan(plannedSteps, stepsDone);
        PlannedSteps = plannedSteps;
        StepsDone = stepsDone;
    }

    public void UseData(DataSource source, int sharedSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sharedSamples);
        DataSource = source;
        SharedSamples = sharedSamples;
    }

    private void End(ParticipantStatus status, string? reason, DateTimeOffset at)
    {
        if (!IsOpen) throw new InvalidOperationException($"Participant {Id} is {Status}; it cannot become {status}.");
        Status = status;
        if (reason is not null) FailureReason = Shortened(reason);
        EndedAt = at;
    }

    private static string Shortened(string reason) => reason.Length <= ReasonMaxLength ? reason : reason[..(ReasonMaxLength - 1)] + "…";
}
