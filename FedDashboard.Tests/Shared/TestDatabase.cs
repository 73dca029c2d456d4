using FedDashboard.Core.Domain.Security;
using Npgsql;
using System.Security.Cryptography;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// A database of its own on the real PostgreSQL server for one test, dropped afterwards. With roles it is set up as
/// ./fed run sets up its database: owned by a role of its own, used by an app role that owns nothing.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly IReadOnlyList<string> _roles;

    private TestDatabase(string name, string connectionString, string appConnectionString, IReadOnlyList<string> roles)
    {
        Name = name;
        ConnectionString = connectionString;
        AppConnectionString = appConnectionString;
        _roles = roles;
    }

    public string Name { get; }

    /// <summary>Every right on the database: the admin's, or with roles the owner's.</summary>
    public string ConnectionString { get; }

    /// <summary>What the app connects as (ConnectionStrings:Fed): the app role's, or without roles <see cref="ConnectionString"/>.</summary>
    public string AppConnectionString { get; }

    /// <summary>ConnectionStrings:FedOwner: the owner's connection when the database has roles.</summary>
    public string? OwnerConnectionString => _roles.Count > 0 ? ConnectionString : null;

    /// <summary>An empty database.</summary>
    public static Task<TestDatabase> CreateAsync() => CreateAsync(template: null);

    /// <summary>A database as the start leaves it before seeding (migrated, Hangfire's schema installed), copied from <see cref="MigratedTemplate"/>.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync() => await CreateAsync(await MigratedTemplate.NameAsync());

    private static async Task<TestDatabase> CreateAsync(string? template)
    {
        var name = $"fedtest_{Guid.NewGuid():N}";
        await AsAdminAsync(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        var connectionString = On(name);
        return new TestDatabase(name, connectionString, connectionString, []);
    }

    /// <summary>Roles are cluster-wide: theirs carry the database's unique suffix, and both go with the database.</summary>
    public static async Task<TestDatabase> CreateWithRolesAsync()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var (name, owner, app) = ($"fedtest_{suffix}", $"fedtest_owner_{suffix}", $"fedtest_app_{suffix}");
        var (ownerPassword, appPassword) = (RandomNumberGenerator.GetHexString(32), RandomNumberGenerator.GetHexString(32));
        await AsAdminAsync($"CREATE ROLE \"{owner}\" LOGIN PASSWORD '{ownerPassword}'");
        await AsAdminAsync($"CREATE ROLE \"{app}\" LOGIN PASSWORD '{appPassword}'");
        await AsAdminAsync($"CREATE DATABASE \"{name}\" OWNER \"{owner}\"");
        return new TestDatabase(name, On(name, owner, ownerPassword), On(name, app, appPassword), [app, owner]);
    }

    private static string On(string database, string? role = null, string? password = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.AdminConnectionString) { Database = database };
        if (role is not null) (builder.Username, builder.Password) = (role, password);
        return builder.ConnectionString;
    }

    internal static async Task AsAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row of a query on the cluster's maintenance database, with its one parameter as @name.</summary>
    internal static async Task<List<string>> AdminQueryAsync(string sql, string name)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("name", name) } };
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AsAdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        foreach (var role in _roles) await AsAdminAsync($"DROP ROLE IF EXISTS \"{role}\"");
    }
}
