using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// The model an edge hands its terminals in a round: within a combination period (κ edge rounds) its own latest
/// aggregate; the first round of a period, or an edge without one yet, the central model the round started from.
/// </summary>
internal static class EdgeStartModel
{
    public static async Task<string> OfAsync(FedDbContext db, TrainingJob job, Round round, int edgeId, CancellationToken ct)
    {
        var periodStart = round.Number - (round.Number - 1) % job.Settings.EdgeRoundsPerCombination;
        var latest = await db.EdgeAggregates
            .Join(db.Rounds, a => a.RoundId, r => r.Id, (a, r) => new { a.EdgeId, a.ModelHash, r.JobId, r.Number })
            .Where(x => x.JobId == job.Id && x.EdgeId == edgeId && x.Number >= periodStart && x.Number < round.Number)
            .OrderByDescending(x => x.Number)
            .Select(x => x.ModelHash)
            .FirstOrDefaultAsync(ct);
        return latest ?? await db.ModelVersions.Where(v => v.Id == round.BaseModelVersionId).Select(v => v.ModelHash).SingleAsync(ct);
    }
}
