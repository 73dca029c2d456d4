using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FedDashboard.Tests.Integration;

public sealed class StartupTests
{
    [Fact]
    public async Task Prepare_InvalidSetting_StopsWithMessageNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() =>
            FedTestHost.StartAsync(runWorkers: false, settings: new Dictionary<string, string?> { ["Fed:Fleet:Edges"] = "0" }));

        Assert.Contains("Fed:Fleet:Edges must be from 1 to 100 (was 0)", error.Message);
    }

    [Fact]
    public async Task Prepare_RevalidationOverAMinute_StopsWithMessageNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() =>
            FedTestHost.StartAsync(runWorkers: false, settings: new Dictionary<string, string?> { ["Fed:Access:RevalidationSeconds"] = "120" }));

        Assert.Contains("Fed:Access:RevalidationSeconds must be 1 to 60 (was 120)", error.Message);
    }

    [Fact]
    public async Task Prepare_SimulatedTicksSlowerThanTerminalsStayOnline_StopsNamingBothKeys()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => FedTestHost.StartAsync(runWorkers: false,
            settings: new Dictionary<string, string?> { ["Fed:Fleet:Simulate"] = "true", ["Fed:Fleet:TickSeconds"] = "10", ["Fed:Terminals:HeartbeatSeconds"] = "5" }));

        Assert.Contains("Fed:Fleet:TickSeconds must be below twice Fed:Terminals:HeartbeatSeconds (10)", error.Message);
    }

    [Fact]
    public async Task Prepare_UnknownNodeRole_StopsNamingTheRolesThatExist()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() =>
            FedTestHost.StartAsync(runWorkers: false, settings: new Dictionary<string, string?> { ["Fed:Node:Role"] = "central" }));

        Assert.Contains("Fed:Node:Role must be one of: all, edge (was 'central')", error.Message);
    }

    [Fact]
    public async Task Prepare_LeaseShorterThanTwoHeartbeats_StopsNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => FedTestHost.StartAsync(runWorkers: false,
            settings: new Dictionary<string, string?> { ["Fed:Node:HeartbeatSeconds"] = "5", ["Fed:Node:LeaseSeconds"] = "6" }));

        Assert.Contains("Fed:Node:LeaseSeconds must be from twice HeartbeatSeconds to 600 (was 6)", error.Message);
    }

    [Theory]
    [InlineData("Fed:Telemetry:OtlpEndpoint", "localhost:4317", "Fed:Telemetry:OtlpEndpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) must be an absolute http or https address such as http://localhost:4317 (was 'localhost:4317')")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector", "Fed:Telemetry:OtlpEndpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) must be an absolute http or https address such as http://localhost:4317 (was 'collector')")]
    [InlineData("Fed:Telemetry:OtlpProtocol", "http/json", "Fed:Telemetry:OtlpProtocol (or OTEL_EXPORTER_OTLP_PROTOCOL) must be grpc or http/protobuf (was 'http/json')")]
    public async Task Prepare_BadTelemetryExport_StopsNamingTheKey(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => FedTestHost.StartAsync(runWorkers: false, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Start_OtlpEndpointConfigured_ExportsTheRoundsThroughOpenTelemetry()
    {
        await using var off = await FedTestHost.StartAsync(runWorkers: false);
        await using var on = await FedTestHost.StartAsync(runWorkers: false, settings: new Dictionary<string, string?> { ["Fed:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317" });

        Assert.Null(off.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.NotNull(on.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.NotNull(on.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    [Fact]
    public async Task Prepare_UnreachableDatabase_StopsWithMessageSayingWhereAndWhatToDo()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() =>
            FedTestHost.StartAsync(runWorkers: false, settings: new Dictionary<string, string?> { ["ConnectionStrings:Fed"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=nowhere;Timeout=3" }));

        Assert.Contains("Cannot reach PostgreSQL at Host=127.0.0.1;Port=1", error.Message);
        Assert.Contains("./fed run", error.Message);
    }

    [Fact]
    public async Task Prepare_MissingMnist_StopsWithMessageNamingTheFile()
    {
        var empty = Directory.CreateTempSubdirectory("fed-no-mnist");

        var error = await Assert.ThrowsAsync<StartupException>(() =>
            FedTestHost.StartAsync(runWorkers: false, settings: new Dictionary<string, string?> { ["Fed:Data:MnistPath"] = empty.FullName }));

        Assert.Contains("MNIST could not be read", error.Message);
        Assert.Contains(empty.FullName, error.Message);
    }

    [Fact]
    public async Task Prepare_FreshDatabase_SeedsConfiguredFleetInCoverage()
    {
        await using var host = await FedTestHost.StartAsync(runWorkers: false, terminals: 30);
        await using var db = host.Db();

        Assert.Equal(5, db.EdgeServers.Count());
        Assert.Equal(30, db.Terminals.Count());
        Assert.All(db.Terminals.ToList(), t => Assert.NotNull(t.EdgeId));
    }

    [Fact]
    public async Task Prepare_OwnerPasswordWrong_StopsWithMessageNamingFedOwnerWithoutThePassword()
    {
        await using var database = await TestDatabase.CreateWithRolesAsync();
        var owner = new NpgsqlConnectionStringBuilder(database.OwnerConnectionString) { Password = "NotTheOwnersPassword" }.ConnectionString;

        var error = await Assert.ThrowsAsync<StartupException>(() => StartAsync(database.AppConnectionString, owner));

        Assert.Contains("with ConnectionStrings:FedOwner", error.Message);
        Assert.DoesNotContain("NotTheOwnersPassword", error.Message);
    }

    [Fact]
    public async Task Prepare_AppRoleAloneOnFreshDatabase_StopsSayingItMayNotChangeTheSchema()
    {
        await using var database = await TestDatabase.CreateWithRolesAsync();

        var error = await Assert.ThrowsAsync<StartupException>(() => StartAsync(database.AppConnectionString, owner: null));

        Assert.Contains("ConnectionStrings:Fed (", error.Message);
        Assert.Contains("may not change the schema", error.Message);
        Assert.Contains("Set ConnectionStrings:FedOwner", error.Message);
    }

    [Fact]
    public async Task Prepare_OwnerUnableToGrant_StopsNamingTheAppRolesMissingPrivilege()
    {
        await using var database = await TestDatabase.CreateWithRolesAsync();
        await (await StartAsync(database.AppConnectionString, database.OwnerConnectionString)).DisposeAsync();
        var appRole = new NpgsqlConnectionStringBuilder(database.AppConnectionString).Username;
        // The owner may read the table (and its sequence) a stranger owns but not grant on it (holding no privilege at all, its GRANT would fail outright).
        var ownerRole = new NpgsqlConnectionStringBuilder(database.OwnerConnectionString).Username;
        var stranger = $"fedtest_stranger_{Guid.NewGuid():N}";
        await AsAdminAsync(database.Name, $"""
            CREATE ROLE "{stranger}";
            ALTER TABLE "Rounds" OWNER TO "{stranger}";
            REVOKE UPDATE ON "Rounds" FROM "{appRole}";
            GRANT SELECT ON "Rounds" TO "{ownerRole}";
            GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO "{ownerRole}";
            """);
        try
        {
            var error = await Assert.ThrowsAsync<StartupException>(() => StartAsync(database.AppConnectionString, database.OwnerConnectionString));

            Assert.Contains("ConnectionStrings:Fed (", error.Message);
            Assert.Contains("lacks privileges the app needs: \"public\".\"Rounds\": UPDATE", error.Message);
            Assert.Contains("ConnectionStrings:FedOwner could not grant them", error.Message);
        }
        finally
        {
            await AsAdminAsync(database.Name, $"""ALTER TABLE "Rounds" OWNER TO CURRENT_USER; DROP OWNED BY "{stranger}"; DROP ROLE "{stranger}";""");
        }
    }

    [Fact]
    public async Task Prepare_AppRoleMemberOfTheOwner_StopsSayingItActsAsTheOwner()
    {
        await using var database = await TestDatabase.CreateWithRolesAsync();
        var appRole = new NpgsqlConnectionStringBuilder(database.AppConnectionString).Username;
        var ownerRole = new NpgsqlConnectionStringBuilder(database.OwnerConnectionString).Username;
        await AsAdminAsync(database.Name, $"""GRANT "{ownerRole}" TO "{appRole}" """);

        var error = await Assert.ThrowsAsync<StartupException>(() => StartAsync(database.AppConnectionString, database.OwnerConnectionString));

        Assert.Contains("ConnectionStrings:Fed (", error.Message);
        Assert.Contains("is a member of a role that owns", error.Message);
    }

    private static async Task AsAdminAsync(string databaseName, string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.AdminConnectionString) { Database = databaseName }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The real start on a database of the test's (the host's own spare database goes unused).</summary>
    private static Task<FedTestHost> StartAsync(string app, string? owner) =>
        FedTestHost.StartAsync(runWorkers: false, settings: new Dictionary<string, string?> { ["ConnectionStrings:Fed"] = app, ["ConnectionStrings:FedOwner"] = owner });
}
