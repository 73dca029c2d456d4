using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Hosting;
using FedDashboard.Tests.Shared;
using Npgsql;
using System.Net;
using System.Net.Sockets;

namespace FedDashboard.Tests.Integration;

public sealed class RedisStartupTests
{
    [Fact]
    public async Task Start_RedisConfiguredButUnreachable_RefusesNamingItBeforeTouchingTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        var endpoint = $"127.0.0.1:{PortNobodyListensOn()}";
        var settings = EmbeddedHost.SettledFleet(database.ConnectionString, TestEnvironment.MnistPath, Path.GetTempPath(), terminals: 10);
        settings["ConnectionStrings:Redis"] = endpoint;

        var refusal = await Assert.ThrowsAsync<StartupException>(() => EmbeddedHost.StartAsync(settings, runWorkers: false));

        Assert.Contains("ConnectionStrings:Redis", refusal.Message);
        Assert.Contains(endpoint, refusal.Message);
        Assert.Contains("Start that Redis server", refusal.Message);
        Assert.Equal(0, await TableCountAsync(database.ConnectionString));
    }

    private static int PortNobodyListensOn()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<long> TableCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
