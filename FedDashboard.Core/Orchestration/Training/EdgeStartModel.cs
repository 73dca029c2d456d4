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
    /// <returns>Each edge's model hash, by edge id.</returns>
    public static async Task<IReadOnlyDictionary<int, string>> OfAsync(FedDbContext db, TrainingJob job, Round round, IReadOnlyList<int> edgeIds, CancellationToken ct)
    {
        var periodStart = round.Number - (round.Number - 1) % job.Settings.EdgeRoundsPerCombination;
        // The period's first round has no edge aggregate of its own yet (always so at κ = 1).
        var own = periodStart == round.Number
            ? new Dictionary<int, string>()
            : await db.EdgeAggregates
                .Join(db.Rounds, a => a.RoundId, r => r.Id, (a, r) => new { a.EdgeId, a.ModelHash, r.JobId, r.Number })
                .Where(x => x.JobId == job.Id && edgeIds.Contains(x.EdgeId) && x.Number >= periodStart && x.Number < round.Number)
                .GroupBy(x => x.EdgeId)
                .Select(g => g.OrderByDescending(x => x.Number).Select(x => new { x.EdgeId, x.ModelHash }).First())
                .ToDictionaryAsync(x => x.EdgeId, x => x.ModelHash, ct);
        if (edgeIds.All(own.ContainsKey)) return own;
        var central = await db.ModelVersions.Where(v => v.Id == round.BaseModelVersionId).Select(v => v.ModelHash).SingleAsync(ct);
        return edgeIds.ToDictionary(id => id, id => own.GetValueOrDefault(id, central));
    }
}
