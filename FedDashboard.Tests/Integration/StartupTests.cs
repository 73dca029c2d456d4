using FedDashboard.Core;
using FedDashboard.Tests.Shared;
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
        Assert.Contains("set ConnectionStrings:FedOwner", error.Message);
    }

    [Fact]
    public async Task Prepare_AppRoleLackingAPrivilege_StopsNamingTheTableAndPrivilege()
    {
        await using var database = await TestDatabase.CreateWithRolesAsync();
        await (await StartAsync(database.AppConnectionString, database.OwnerConnectionString)).DisposeAsync();
        var appRole = new NpgsqlConnectionStringBuilder(database.AppConnectionString).Username;
        await using (var owner = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await new NpgsqlCommand($"""REVOKE UPDATE ON "Rounds" FROM "{appRole}" """, owner).ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StartupException>(() => StartAsync(database.AppConnectionString, owner: null));

        Assert.Contains("ConnectionStrings:Fed (", error.Message);
        Assert.Contains("lacks privileges the app needs: \"public\".\"Rounds\": UPDATE", error.Message);
    }

    /// <summary>The real start on a database of the test's (the host's own spare database goes unused).</summary>
    private static Task<FedTestHost> StartAsync(string app, string? owner) =>
        FedTestHost.StartAsync(runWorkers: false, settings: new Dictionary<string, string?> { ["ConnectionStrings:Fed"] = app, ["ConnectionStrings:FedOwner"] = owner });
}
