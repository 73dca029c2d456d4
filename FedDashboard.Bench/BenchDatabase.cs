using FedDashboard.Core.Domain.Refusals;
using Npgsql;

namespace FedDashboard.Bench;

/// <summary>
/// A throw-away database beside the dashboard's, so a run never touches the dashboard's data; made with the admin
/// connection ./fed gives tests and benchmarks (FED_TEST_CONNECTION), as the app role may not create databases.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private BenchDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string benchmark)
    {
        var configured = Environment.GetEnvironmentVariable("FED_TEST_CONNECTION")
            ?? throw new StartupException("FED_TEST_CONNECTION is not set; run benchmarks with ./fed bench, which starts the private PostgreSQL.");
        var admin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString;
        var name = $"fedbench_{benchmark}_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new BenchDatabase(admin, name, new NpgsqlConnectionStringBuilder(configured) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
