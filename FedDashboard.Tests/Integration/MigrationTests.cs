using FedDashboard.Core.Persistence;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FedDashboard.Tests.Integration;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesEveryTableAndLeavesNothingPending()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = new FedDbContext(new DbContextOptionsBuilder<FedDbContext>().UseNpgsql(database.ConnectionString).Options);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var tables = await TableNamesAsync(database.ConnectionString);
        Assert.Superset(new HashSet<string> { "EdgeServers", "Terminals", "TrainingJobs", "Rounds", "RoundParticipants", "EdgeAggregates", "ModelVersions", "RewardEntries" }, tables);
    }

    [Fact]
    public async Task Model_MatchesMigrations_NoChangeUnrecorded()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = new FedDbContext(new DbContextOptionsBuilder<FedDbContext>().UseNpgsql(database.ConnectionString).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration records; run dotnet ef migrations add.");
    }

    private static async Task<HashSet<string>> TableNamesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new HashSet<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
