using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Shared;

/// <summary>Ledger lines on a running dashboard's database, in a currency of the test's own so its batches take only them.</summary>
public static class DashboardLedger
{
    public static FedDbContext Db(this DashboardProcess dashboard) =>
        new(new DbContextOptionsBuilder<FedDbContext>().UseNpgsql(dashboard.ConnectionString).Options);

    /// <summary>The dashboard's first ledger entry, once its default job has rewarded a round.</summary>
    public static Task<RewardEntry> FirstRewardAsync(this DashboardProcess dashboard) =>
        Eventually.WaitForAsync(async () =>
        {
            await using var db = dashboard.Db();
            return await db.RewardEntries.OrderBy(e => e.Id).FirstOrDefaultAsync();
        }, TimeSpan.FromMinutes(3), "the default job's first reward");

    /// <summary>
    /// A reward of 1.50 for each of <paramref name="count"/> terminals in coverage that earned nothing in the dashboard's first
    /// round and took no part in it, so the round's own rewarding never meets them.
    /// </summary>
    public static async Task<IReadOnlyList<RewardEntry>> AddRewardsAsync(this DashboardProcess dashboard, string currency, int count)
    {
        var round = await Eventually.WaitForAsync(async () =>
        {
            await using var db = dashboard.Db();
            return await db.Rounds.OrderBy(r => r.Id).FirstOrDefaultAsync();
        }, TimeSpan.FromMinutes(2), "the dashboard's first round");
        await using var db = dashboard.Db();
        var terminals = await db.Terminals
            .Where(t => t.EdgeId != null
                && !db.RoundParticipants.Any(p => p.RoundId == round.Id && p.TerminalId == t.Id)
                && !db.RewardEntries.Any(e => e.RoundId == round.Id && e.TerminalId == t.Id && e.Kind == RewardKind.Reward))
            .OrderBy(t => t.Id).Take(count).ToListAsync();
        List<RewardEntry> entries = [];
        foreach (var terminal in terminals)
            entries.Add(await db.AddRewardAsync(round.JobId, round.Id, terminal.Id, terminal.EdgeId!.Value, 1.5m, DateTimeOffset.UtcNow, currency));
        return entries;
    }
}
