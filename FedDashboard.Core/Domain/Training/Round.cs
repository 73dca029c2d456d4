using FedDashboard.Core.Domain.Policies.Job;


namespace FedDashboard.Core.Domain.Training;

/// <summary>One edge round of a job: terminals train, then each edge aggregates and, every κ rounds, the centre combines.</summary>
public sealed class Round
{
    private Round() { }

    public Round(int jobId, int number, int baseModelVersionId, DateTimeOffset startedAt, DateTimeOffset deadline)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        if (deadline <= startedAt) throw new ArgumentException("A round's deadline must come after its start.", nameof(deadline));
        JobId = jobId;
        Number = number;
        BaseModelVersionId = baseModelVersionId;
        StartedAt = startedAt;
        Deadline = deadline;
        Phase = RoundPhase.Collecting;
    }

    public int Id { get; private set; }
    public int JobId { get; private set; }
    public int Number { get; private set; }
    public RoundPhase Phase { get; private set; }

    /// <summary>The central model this round's period started from: the parent of the version it may produce.</summary>
    public int BaseModelVersionId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public RoundEndReason? EndReason { get; private set; }

    /// <summary>The central model this round produced; null when it was not a combination round or nothing was reported.</summary>
    public int? ModelVersionId { get; private set; }

    /// <summary>The rule the round aggregated by, at its edges and the centre; null until it aggregates.</summary>
    public AggregationPolicy? Aggregation { get; private set; }

    /// <summary>When the round's accepted results were rewarded; null until then, also for a round with none.</summary>
    public DateTimeOffset? RewardedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): two workers cannot both move the same round.</summary>
    public uint Version { get; private set; }

    public List<RoundParticipant> Participants { get; private set; } = [];

    /// <summary>Each edge's part, saved with the round; the edges add their participants when they select.</summary>
    public List<RoundEdge> Edges { get; private set; } = [];

    /// <summary>
    /// Why the round stops collecting at <paramref name="now"/>: every edge has selected and everyone is in, or the
    /// deadline has passed; null while it waits.
    /// </summary>
    public RoundEndReason? EndReasonAt(DateTimeOffset now) =>
        EndReasonOf(Edges.All(e => e.IsSelected) && Participants.All(p => !p.IsOpen), Deadline, now);

    /// <summary><see cref="EndReasonAt"/> from what a query counted: whether every edge has selected and nobody is open.</summary>
    public static RoundEndReason? EndReasonOf(bool allIn, DateTimeOffset deadline, DateTimeOffset now) =>
        allIn ? RoundEndReason.AllReported
        : now >= deadline ? RoundEndReason.DeadlineReached
        : null;

    public void BeginAggregation(RoundEndReason reason)
    {
        if (Phase != RoundPhase.Collecting) throw new InvalidOperationException($"Round {Number} is {Phase}, not collecting; it cannot begin aggregation.");
        Phase = RoundPhase.Aggregating;
        EndReason = reason;
    }

    /// <summary>The job was aborted while the round collected: the round ends now and aggregates nothing.</summary>
    public void Cancel(DateTimeOffset at)
    {
        if (Phase != RoundPhase.Collecting) throw new InvalidOperationException($"Round {Number} is {Phase}, not collecting; only a collecting round can be cancelled.");
        Phase = RoundPhase.Completed;
        EndReason = RoundEndReason.JobAborted;
        EndedAt = at;
    }

    /// <summary>Records the job's rule as the round aggregates; a policy changed later leaves the record as it is.</summary>
    public void AggregateBy(AggregationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Phase != RoundPhase.Aggregating) throw new InvalidOperationException($"Round {Number} is {Phase}, not aggregating; it cannot record an aggregation rule.");
        Aggregation = policy;
    }

    public void Complete(int? modelVersionId, DateTimeOffset at)
    {
        if (Phase != RoundPhase.Aggregating) throw new InvalidOperationException($"Round {Number} is {Phase}, not aggregating; it cannot complete.");
        Phase = RoundPhase.Completed;
        ModelVersionId = modelVersionId;
        EndedAt = at;
    }

    public void MarkRewarded(DateTimeOffset at)
    {
        if (Phase != RoundPhase.Completed) throw new InvalidOperationException($"Round {Number} is {Phase}; only a completed round is rewarded.");
        if (RewardedAt is not null) throw new InvalidOperationException($"Round {Number} was rewarded at {RewardedAt:u}; a round is rewarded once.");
        RewardedAt = at;
    }
}
