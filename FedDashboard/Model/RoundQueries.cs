using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Terminals;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

public sealed record RoundRow(int Id, int Number, RoundPhase Phase, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, RoundEndReason? EndReason,
    int Selected, int Reported, int Filtered, int? VersionNumber, double? TestAccuracy)
{
    public TimeSpan? Duration => EndedAt - StartedAt;
}

public sealed record ParticipantLink(int TerminalId, string Terminal);

public sealed record ParticipantRow(int Id, int TerminalId, string Terminal, string Edge, ParticipantStatus Status, int Samples,
    double? TrainLoss, double? TrainAccuracy, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? FailureReason,
    double AssignedWidth, double Width, DateTimeOffset? SwappedAt, string? SwapReason, string? Group, string? Segment,
    string? ReportedThrough, int? PlannedSteps, int? StepsDone, DataSource DataSource, int SharedSamples, string? FilterReason, double? ValidationAccuracy)
{
    /// <summary>Why it was filtered, declined, departed, failed or replaced.</summary>
    public string? Reason => FilterReason ?? FailureReason;

    /// <summary>The participant this standby terminal took over from.</summary>
    public ParticipantLink? Replaces { get; init; }

    /// <summary>The standby terminal that took over from this one.</summary>
    public ParticipantLink? ReplacedBy { get; init; }

    /// <summary>What the accepted result earned; null until the round is rewarded and for results not accepted.</summary>
    public ParticipantReward? Reward { get; init; }

    /// <summary>Steps done of those planned and how long it took, e.g. "59 / 59 steps in 7.25 s"; "–" before it began.</summary>
    public string Training => PlannedSteps is not { } planned ? "–"
        : $"{StepsDone ?? 0} / {planned} steps" + (StartedAt is { } started && EndedAt is { } ended ? $" in {(ended - started).TotalSeconds:0.00} s" : "");

    /// <summary>What it trained on, e.g. "590 samples, local data + 50 shared"; without a count until it reported one.</summary>
    public string TrainingData => (Samples > 0 ? $"{Samples} samples, " : "") + $"{DataSource.ToString().ToLowerInvariant()} data"
        + (SharedSamples > 0 ? $" + {SharedSamples} shared" : "");
}

/// <summary>A result's reward line: amount, currency, and what the cap or a budget did to it.</summary>
public sealed record ParticipantReward(decimal Amount, string Currency, RewardAdjustment Adjustment, string Note);

public sealed record RoundDetail(RoundRow Round, string JobName, IReadOnlyList<ParticipantRow> Participants)
{
    /// <summary>When the round's results were rewarded; null while that is pending.</summary>
    public DateTimeOffset? RewardedAt { get; init; }

    /// <summary>The rule the round aggregated by; null until it aggregates.</summary>
    public AggregationPolicy? Aggregation { get; init; }

    /// <summary>Why and on how much the central server trained on its own data in the round; null when it did not.</summary>
    public string? CentralTraining { get; init; }

    /// <summary>Where the round's time went, step by step in order; empty until a step is recorded.</summary>
    public IReadOnlyList<StepTimeRow> StepTimes { get; init; } = [];
}

/// <summary>A step's time in a round: summed over its <paramref name="Count"/> runs, and the longest run.</summary>
public sealed record StepTimeRow(RoundStep Step, int Count, double TotalSeconds, double LongestSeconds)
{
    public string Label => RoundStepTexts.Describe(Step);
    public bool SideBySide => RoundStepTexts.RunsSideBySide(Step);
}

public sealed class RoundQueries(IDbContextFactory<FedDbContext> dbFactory)
{
    public async Task<IReadOnlyList<RoundRow>> ListAsync(int jobId, int take = 500, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Rows(db, db.Rounds.Where(r => r.JobId == jobId).OrderByDescending(r => r.Number).Take(take)).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Number)];
    }

    public async Task<RoundDetail?> DetailAsync(int roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await Rows(db, db.Rounds.Where(r => r.Id == roundId)).SingleOrDefaultAsync(ct);
        if (round is null) return null;
        var jobName = await db.Rounds.Where(r => r.Id == roundId).Join(db.TrainingJobs, r => r.JobId, j => j.Id, (_, j) => j.Name).SingleAsync(ct);
        var stored = await db.Rounds.Where(r => r.Id == roundId).Select(r => new { r.Aggregation, r.RewardedAt }).SingleAsync(ct);
        var rewards = await db.RewardEntries.Where(e => e.RoundId == roundId && e.Kind == RewardKind.Reward)
            .ToDictionaryAsync(e => e.TerminalId, e => new ParticipantReward(e.Amount, e.Currency, e.Adjustment, e.Note), ct);
        var edges = await db.EdgeServers.ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var participants = await db.RoundParticipants.AsNoTracking()
            .Where(p => p.RoundId == roundId)
            .Join(db.Terminals, p => p.TerminalId, t => t.Id, (p, t) => new { Participant = p, Terminal = t.Name })
            .OrderBy(x => x.Terminal).ThenBy(x => x.Participant.Id)
            .ToListAsync(ct);
        var byId = participants.ToDictionary(x => x.Participant.Id);
        var standbys = participants.Where(x => x.Participant.ReplacesParticipantId is not null)
            .ToDictionary(x => x.Participant.ReplacesParticipantId!.Value, x => new ParticipantLink(x.Participant.TerminalId, x.Terminal));
        string EdgeName(int id) => edges.GetValueOrDefault(id, $"edge #{id}");
        var rows = participants.Select(x =>
        {
            var p = x.Participant;
            return new ParticipantRow(p.Id, p.TerminalId, x.Terminal, EdgeName(p.EdgeId), p.Status, p.Result.Samples, p.Result.TrainLoss, p.Result.TrainAccuracy,
                p.StartedAt, p.EndedAt, p.FailureReason, p.Assignment.Width, p.Work.Width, p.Work.SwappedAt, p.Work.SwapReason, p.Assignment.Group, p.Assignment.Segment,
                p.ReportedThroughEdgeId is { } through ? EdgeName(through) : null, p.Work.PlannedSteps, p.Work.StepsDone, p.Assignment.DataSource, p.Assignment.SharedSamples,
                p.FilterReason, p.Result.ValidationAccuracy)
            {
                Replaces = p.ReplacesParticipantId is { } replaced && byId.TryGetValue(replaced, out var old) ? new ParticipantLink(old.Participant.TerminalId, old.Terminal) : null,
                ReplacedBy = standbys.GetValueOrDefault(p.Id),
                Reward = p.Status == ParticipantStatus.Reported ? rewards.GetValueOrDefault(p.TerminalId) : null,
            };
        }).ToList();
        var central = await db.CentralContributions.AsNoTracking().SingleOrDefaultAsync(c => c.RoundId == roundId, ct);
        var steps = (await db.RoundStepTimes.AsNoTracking().Where(t => t.RoundId == roundId).ToListAsync(ct))
            .OrderBy(t => t.Step).Select(t => new StepTimeRow(t.Step, t.Count, t.TotalSeconds, t.LongestSeconds)).ToList();
        return new RoundDetail(round, jobName, rows) { Aggregation = stored.Aggregation, RewardedAt = stored.RewardedAt, CentralTraining = central?.Note, StepTimes = steps };
    }

    /// <summary>Rounds already filtered and ordered, with their counts and the version they produced.</summary>
    private static IQueryable<RoundRow> Rows(FedDbContext db, IQueryable<Round> rounds) =>
        from r in rounds
        join v in db.ModelVersions on r.ModelVersionId equals v.Id into versions
        from v in versions.DefaultIfEmpty()
        select new RoundRow(r.Id, r.Number, r.Phase, r.StartedAt, r.EndedAt, r.EndReason,
            r.Participants.Count, r.Participants.Count(p => p.Status == ParticipantStatus.Reported), r.Participants.Count(p => p.Status == ParticipantStatus.Filtered),
            v == null ? null : v.Number, v == null ? null : v.TestAccuracy);
}
