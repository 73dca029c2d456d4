using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// The selection lock on a node alone, whose pooled connections go back without a reset: it never stays
/// with a connection in the pool, or every later round start would wait for it forever.
/// </summary>
public sealed class SelectionLockTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 4, settings: new Dictionary<string, string?> { ["Fed:Node:Alone"] = "true" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private FedDbContext Db() => _host.Get<IDbContextFactory<FedDbContext>>().CreateDbContext();

    private async Task<int> HoldersAsync()
    {
        await using var db = _host.Db();
        return await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = {0x524E4453}").SingleAsync();
    }

    [Fact]
    public async Task TakeAsync_CancelledWhileAnotherHoldsIt_LeavesNoLockBehindOnceTheOtherReleases()
    {
        await using var holder = Db();
        var held = await SelectionLock.TakeAsync(holder, CancellationToken.None);
        await using var waiter = Db();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SelectionLock.TakeAsync(waiter, cancel.Token));
        await held.DisposeAsync();

        Assert.Equal(0, await HoldersAsync());
        await using var next = Db();
        using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using (await SelectionLock.TakeAsync(next, soon.Token)) Assert.Equal(1, await HoldersAsync());
        Assert.Equal(0, await HoldersAsync());
    }
}
