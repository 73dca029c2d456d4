using FedDashboard.Core.Orchestration;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

public sealed record RoundRow(int Id, int Number, RoundPhase Phase, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, RoundEndReason? EndReason,
    int Selected, int Reported, int? VersionNumber, double? TestAccuracy)
{
    public TimeSpan? Duration => EndedAt - StartedAt;
}

public sealed record ParticipantRow(string Terminal, string Edge, string Variant, ParticipantStatus Status, int Samples,
    double? TrainLoss, double? TrainAccuracy, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? FailureReason);

public sealed record RoundDetail(RoundRow Round, string JobName, IReadOnlyList<ParticipantRow> Participants);

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
        var participants = await db.RoundParticipants
            .Where(p => p.RoundId == roundId)
            .Join(db.Terminals, p => p.TerminalId, t => t.Id, (p, t) => new { p, Terminal = t.Name })
            .Join(db.EdgeServers, x => x.p.EdgeId, e => e.Id, (x, e) => new { x.p, x.Terminal, Edge = e.Name })
            .OrderBy(x => x.Terminal)
            .Select(x => new ParticipantRow(x.Terminal, x.Edge, x.p.ModelVariant, x.p.Status, x.p.Samples, x.p.TrainLoss, x.p.TrainAccuracy, x.p.StartedAt, x.p.EndedAt, x.p.FailureReason))
            .ToListAsync(ct);
        return new RoundDetail(round, jobName, participants);
    }

    /// <summary>Rounds already filtered and ordered, with their counts and the version they produced.</summary>
    private static IQueryable<RoundRow> Rows(FedDbContext db, IQueryable<Round> rounds) =>
        from r in rounds
        join v in db.ModelVersions on r.ModelVersionId equals v.Id into versions
        from v in versions.DefaultIfEmpty()
        select new RoundRow(r.Id, r.Number, r.Phase, r.StartedAt, r.EndedAt, r.EndReason,
            r.Participants.Count, r.Participants.Count(p => p.Status == ParticipantStatus.Reported),
            v == null ? null : v.Number, v == null ? null : v.TestAccuracy);
}
