using FedDashboard.Core;
using FedDashboard.Tests.Shared;

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
}
