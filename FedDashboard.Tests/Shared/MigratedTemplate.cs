using FedDashboard.Core.Persistence;
using FedDashboard.Core.Persistence.Roles;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using System.Security.Cryptography;
using System.Text;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// A database prepared as the start prepares one (every migration, Hangfire's schema) that test databases are copied
/// from: copying takes a fraction of migrating. Its name carries a hash of the migrations' SQL and Hangfire's version,
/// so it is built once per schema and kept on the cluster for later runs; templates of other schemas are dropped.
/// </summary>
public static class MigratedTemplate
{
    private const string Prefix = "fedtpl_";
    private static readonly Lazy<Task<string>> Template = new(EnsureAsync);

    /// <summary>The template's name, built on first use.</summary>
    public static Task<string> NameAsync() => Template.Value;

    private static async Task<string> EnsureAsync()
    {
        var name = Prefix + SchemaIdentity();
        if (!await ExistsAsync(name)) await BuildAsync(name);
        await DropOthersAsync(name);
        return name;
    }

    /// <summary>Built under a name of its own and renamed when complete, so a run never copies a half-built template.</summary>
    private static async Task BuildAsync(string name)
    {
        var building = $"{name}_{Guid.NewGuid():N}";
        await TestDatabase.AsAdminAsync($"CREATE DATABASE \"{building}\"");
        var connection = new NpgsqlConnectionStringBuilder(TestEnvironment.AdminConnectionString) { Database = building, Pooling = false }.ConnectionString;
        await DatabasePreparation.PrepareAsync(new DatabaseConnections(connection, Owner: null));
        // Nobody may connect to a template while it is copied; this one is never connected to again.
        await TestDatabase.AsAdminAsync($"ALTER DATABASE \"{building}\" WITH ALLOW_CONNECTIONS false");
        try
        {
            await TestDatabase.AsAdminAsync($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another test run built the same template meanwhile.
            await TestDatabase.AsAdminAsync($"DROP DATABASE \"{building}\"");
        }
    }

    private static string SchemaIdentity()
    {
        using var db = new FedDbContext(new DbContextOptionsBuilder<FedDbContext>().UseNpgsql("Host=unused").Options);
        var script = db.GetService<IMigrator>().GenerateScript();
        var hangfire = typeof(PostgreSqlStorage).Assembly.GetName().Version;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{script}\nHangfire.PostgreSql {hangfire}")))[..16];
    }

    private static async Task<bool> ExistsAsync(string name) =>
        (await TestDatabase.AdminQueryAsync("SELECT datname FROM pg_database WHERE datname = @name", name)).Count > 0;

    /// <summary>Templates of older schemas, and any left half-built by an interrupted run of another schema.</summary>
    private static async Task DropOthersAsync(string name)
    {
        foreach (var other in await TestDatabase.AdminQueryAsync($"SELECT datname FROM pg_database WHERE starts_with(datname, '{Prefix}') AND NOT starts_with(datname, @name)", name))
        {
            try
            {
                await TestDatabase.AsAdminAsync($"DROP DATABASE \"{other}\"");
            }
            catch (PostgresException)
            {
                // In use by another run on the same cluster: that run's to keep.
            }
        }
    }
}
