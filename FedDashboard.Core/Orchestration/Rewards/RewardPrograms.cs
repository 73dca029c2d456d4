using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Text.Json;

namespace FedDashboard.Core.Orchestration.Rewards;

/// <summary>Creates the reward program on a fresh database, with the base amount and currency from the settings.</summary>
public sealed class RewardPrograms(IDbContextFactory<FedDbContext> dbFactory, IOptions<RewardOptions> options)
{
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var initial = new RewardPolicy { BaseAmount = options.Value.BaseAmount, Currency = options.Value.Currency };
        var json = JsonSerializer.Serialize(initial, JsonColumns.Options);
        // Two nodes starting on one database may both get here; the first insert wins.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "RewardPrograms" ("Id", "Policy", "PolicyRevision") VALUES ({RewardProgram.TheId}, {json}::jsonb, 0) ON CONFLICT ("Id") DO NOTHING""", ct);
    }
}
