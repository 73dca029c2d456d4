using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Strategies;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FedDashboard.Core.Persistence.Roles;

/// <summary>
/// The database part of the start: migrations and Hangfire's schema as the owner, then the app role's grants, then a
/// check that the app's own connection can do its work. Each failure is one <see cref="StartupException"/> that names
/// the setting to fix.
/// </summary>
internal static class DatabasePreparation
{
    public const string HangfireSchema = "hangfire";

    public static async Task PrepareAsync(DatabaseConnections connections, CancellationToken ct = default)
    {
        // Unpooled: the owner's session ends with the start instead of idling in a pool for the node's lifetime.
        var migrator = new NpgsqlConnectionStringBuilder(connections.Migrator) { Pooling = false }.ConnectionString;
        await using var db = new FedDbContext(new DbContextOptionsBuilder<FedDbContext>().UseNpgsql(migrator).Options);
        var tables = AppRolePrivileges.For(db.Model);
        await AsMigrator(connections, async () =>
        {
            await db.Database.MigrateAsync(ct);
            var owner = (NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(ct);
            PostgreSqlObjectsInstaller.Install(owner, HangfireSchema);
            if (connections.Owner is not null) await AppRoleGrants.ApplyAsync(owner, connections.AppRole, tables, HangfireSchema, ct);
        });
        await CheckAppRoleAsync(connections, tables, ct);
    }

    private static async Task AsMigrator(DatabaseConnections connections, Func<Task> work)
    {
        var key = connections.MigratorKey;
        try
        {
            await work();
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new StartupException(
                $"ConnectionStrings:{key} ({DatabaseConnections.Describe(connections.Migrator)}) may not change the schema: {exception.MessageText}. " +
                (connections.Owner is null
                    ? $"Set ConnectionStrings:{DatabaseConnections.OwnerKey} to the connection of the role that owns the database (see README)."
                    : "That role must own the database's schema and tables (see README)."), exception);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException { InnerException: NpgsqlException })
        {
            throw new StartupException(Unreachable(key, connections.Migrator, exception), exception);
        }
    }

    private static async Task CheckAppRoleAsync(DatabaseConnections connections, IReadOnlyList<TablePrivileges> tables, CancellationToken ct)
    {
        const string key = DatabaseConnections.AppKey;
        string? missing, tooPowerful = null;
        try
        {
            await using var app = new NpgsqlConnection(connections.App);
            await app.OpenAsync(ct);
            missing = await AppRoleCheck.MissingPrivilegesAsync(app, tables, HangfireSchema, ct);
            if (connections.Owner is not null) tooPowerful = await AppRoleCheck.TooPowerfulAsync(app, tables, HangfireSchema, ct);
        }
        catch (NpgsqlException exception)
        {
            throw new StartupException(Unreachable(key, connections.App, exception), exception);
        }
        var role = DatabaseConnections.Describe(connections.App);
        if (missing is not null)
            throw new StartupException(
                $"ConnectionStrings:{key} ({role}) lacks privileges the app needs: {missing}. " +
                (connections.Owner is null
                    ? $"Grant them, or set ConnectionStrings:{DatabaseConnections.OwnerKey} so the app grants them at start (see README)."
                    : $"The role of ConnectionStrings:{DatabaseConnections.OwnerKey} could not grant them: it must own the tables (see README)."));
        if (tooPowerful is not null)
            throw new StartupException(
                $"ConnectionStrings:{key} ({role}) {tooPowerful}: the app's role must own nothing and not be a superuser, " +
                $"or it could disable the ledger's protections. Let the role of ConnectionStrings:{DatabaseConnections.OwnerKey} own the tables (see README).");
    }

    private static string Unreachable(string key, string connectionString, Exception exception) =>
        $"Cannot reach PostgreSQL at {DatabaseConnections.Describe(connectionString)} with ConnectionStrings:{key} ({exception.GetBaseException().Message}). " +
        $"Start the private database with ./fed run, or set ConnectionStrings__{key} to a server you run.";
}
