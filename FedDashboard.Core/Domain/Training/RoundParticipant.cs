using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Simulation;


namespace FedDashboard.Core.Domain.Training;

/// <summary>
/// A terminal selected for a round: where it stands (status, times, why it ended), what it was given
/// (<see cref="Assignment"/>), how its training goes (<see cref="Work"/>) and what it sent back (<see cref="Result"/>).
/// </summary>
public sealed class RoundParticipant
{
    private RoundParticipant()
    {
        Assignment = null!;
        Work = null!;
        Result = ParticipantResult.None;
    }

    public RoundParticipant(
        int terminalId, int edgeId, string baseModelHash, string modelVariant, DateTimeOffset assignedAt,
        double width = 1, string? group = null, string? segment = null, int? replacesParticipantId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseModelHash);
        if (!(width is > 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(width), width, "A model width is above 0 and at most 1.");
        TerminalId = terminalId;
        EdgeId = edgeId;
        Assignment = new(baseModelHash, modelVariant, width, group, segment, DataSource.Local, 0);
        Work = new(width, null, null, null, null);
        Result = ParticipantResult.None;
        AssignedAt = assignedAt;
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

    public ParticipantAssignment Assignment { get; private set; }
    public ParticipantWork Work { get; private set; }
    public ParticipantResult Result { get; private set; }

    public ParticipantStatus Status { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? FailureReason { get; private set; }

    /// <summary>Why the edge filtered the result: every bound it broke.</summary>
    public string? FilterReason { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The idempotency key of the accepted upload: the same key again is answered as accepted and counted once.</summary>
    public string? UploadKey { get; private set; }

    public const int UploadKeyMaxLength = 100;

    /// <summary>Set on a standby terminal: the participant it replaced.</summary>
    public int? ReplacesParticipantId { get; private set; }

    /// <summary>Set when the terminal finished after moving and reported through this other edge.</summary>
    public int? ReportedThroughEdgeId { get; private set; }

    /// <summary>The part of the global model the terminal trains: its width now, on its segment.</summary>
    public TrainedPart TrainedPart => TrainedPart.Of(Work.Width, Assignment.Segment);

    public bool IsOpen => Status is ParticipantStatus.Assigned or ParticipantStatus.Training;

    public void Start(DateTimeOffset at)
    {
        if (Status != ParticipantStatus.Assigned) throw new InvalidOperationException($"Participant {Id} is {Status}; only an assigned participant can start training.");
        Status = ParticipantStatus.Training;
        StartedAt = at;
    }

    /// <param name="uploadKey">The upload's idempotency key: the same key again is the same upload, counted once.</param>
    /// <param name="controlDeltaHash">Under SCAFFOLD, the Δc_i sent with the result.</param>
    public void Report(string updateHash, int samples, double trainLoss, double trainAccuracy, DateTimeOffset at, string? uploadKey = null, string? controlDeltaHash = null)
    {
        if (!IsOpen) throw new InvalidOperationException($"Participant {Id} is {Status}; it cannot report.");
        ArgumentException.ThrowIfNullOrWhiteSpace(updateHash);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        if (uploadKey is { Length: 0 or > UploadKeyMaxLength })
            throw new ArgumentOutOfRangeException(nameof(uploadKey), uploadKey, $"An upload key has 1 to {UploadKeyMaxLength} characters.");
        UploadKey = uploadKey;
        Status = ParticipantStatus.Reported;
        Result = new(updateHash, samples, trainLoss, trainAccuracy, null, controlDeltaHash);
        EndedAt = at;
    }

    /// <summary>The reported result's model, measured on the validation data as it arrived (or by its edge).</summary>
    public void RecordValidation(double accuracy)
    {
        if (Status != ParticipantStatus.Reported) throw new InvalidOperationException($"Participant {Id} is {Status}; only a reported result is evaluated.");
        Result = Result with { ValidationAccuracy = accuracy };
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

    /// <summary>The terminal declined the offered assignment with <paramref name="reason"/> before it started training.</summary>
    public void Decline(string reason, DateTimeOffset at)
    {
        if (Status != ParticipantStatus.Assigned) throw new InvalidOperationException($"Participant {Id} is {Status}; only an offered assignment can be declined.");
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        End(ParticipantStatus.Declined, reason, at);
    }

    /// <param name="reason">Null at the round's deadline; why otherwise (its terminal fell silent).</param>
    public void TimeOut(DateTimeOffset at, string? reason = null) => End(ParticipantStatus.TimedOut, reason, at);

    public void Fail(string reason, DateTimeOffset at) => End(ParticipantStatus.Failed, reason, at);

    public void Depart(string reason, DateTimeOffset at) => End(ParticipantStatus.Departed, reason, at);

    public void Replace(string reason, DateTimeOffset at) => End(ParticipantStatus.Replaced, reason, at);

    public void Cancel(string reason, DateTimeOffset at) => End(ParticipantStatus.Cancelled, reason, at);

    /// <summary>Mid-training, the terminal continues on a narrower nested model.</summary>
    public void SwapTo(double width, string reason, DateTimeOffset at)
    {
        if (Status != ParticipantStatus.Training) throw new InvalidOperationException($"Participant {Id} is {Status}; only a training participant can swap its model.");
        if (!(width > 0 && width < Work.Width)) throw new ArgumentOutOfRangeException(nameof(width), width, $"A swap goes to a narrower model than the current width {Work.Width}.");
        Work = Work with { Width = width, SwapReason = reason, SwappedAt = at };
    }

    public void ReportThrough(int edgeId) => ReportedThroughEdgeId = edgeId == EdgeId ? null : edgeId;

    public void RecordLocalWork(int plannedSteps, int stepsDone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stepsDone);
        ArgumentOutOfRangeException.ThrowIfLessThan(plannedSteps, stepsDone);
        Work = Work with { PlannedSteps = plannedSteps, StepsDone = stepsDone };
    }

    public void UseData(DataSource source, int sharedSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sharedSamples);
        Assignment = Assignment with { DataSource = source, SharedSamples = sharedSamples };
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
