using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>
/// One round's cost, estimated up front as the reward program's base amount for each participant a round selects:
/// the product's rewards multiply the base by factors of each result's samples, data age and acceptance history
/// (<see cref="Domain.Rewards.RewardCalculator"/>), which are known only when the results come in.
/// </summary>
internal static class RequestRoundCost
{
    public static async Task<decimal> EstimateAsync(FedDbContext db, TrainingSettings settings, CancellationToken ct)
    {
        var rewards = (await db.RewardPrograms.AsNoTracking().SingleAsync(ct)).Policy;
        return rewards.BaseAmount * settings.ParticipantsPerRound(Math.Max(1, await db.Terminals.CountAsync(ct)));
    }
}
