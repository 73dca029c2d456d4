using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

public sealed class EdgePolicyPersistenceTests : IAsyncLifetime
{
    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 10);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ChangePolicy_Saved_ReloadsEveryFieldAndBumpsRevision()
    {
        var policy = EdgePolicy.Default with
        {
            Availability = AvailabilityMode.TerminalsAsk,
            Selection = SelectionMode.Tiered,
            MaxCpuLoad = 0.7,
            Tiers = [new(0.5, 1.0), new(0, 0.5)],
            OnDeparture = DepartureRule.FinishThroughNewEdge,
            ReplaceBelowSpeed = 50,
            Groups = [new("tablets", GroupField.Type, "Tablet", Width: 0.5)],
        };
        await using (var db = _host.Db())
        {
            var edge = await db.EdgeServers.OrderBy(e => e.Id).FirstAsync();
            edge.ChangePolicy(policy, TestData.Now);
            await db.SaveChangesAsync();
        }

        await using var read = _host.Db();
        var stored = await read.EdgeServers.OrderBy(e => e.Id).FirstAsync();
        Assert.Equal(1, stored.PolicyRevision);
        Assert.Equal(policy.Selection, stored.Policy.Selection);
        Assert.Equal(policy.Availability, stored.Policy.Availability);
        Assert.Equal(policy.MaxCpuLoad, stored.Policy.MaxCpuLoad);
        Assert.Equal(policy.Tiers, stored.Policy.Tiers);
        Assert.Equal(policy.OnDeparture, stored.Policy.OnDeparture);
        Assert.Equal(policy.ReplaceBelowSpeed, stored.Policy.ReplaceBelowSpeed);
        Assert.Equal(policy.Groups, stored.Policy.Groups);
    }

    [Fact]
    public async Task ChangePolicy_Invalid_ThrowsAndLeavesTheStoredPolicy()
    {
        await using var db = _host.Db();
        var edge = await db.EdgeServers.OrderBy(e => e.Id).FirstAsync();

        Assert.Throws<InvalidInputException>(() => edge.ChangePolicy(EdgePolicy.Default with { MaxCpuLoad = -1 }, TestData.Now));

        Assert.Equal(0, edge.PolicyRevision);
        Assert.Equal(EdgePolicy.Default.MaxCpuLoad, edge.Policy.MaxCpuLoad);
    }

    [Fact]
    public async Task ChangePolicy_ConcurrentEdits_SecondSaveRefused()
    {
        await using var first = _host.Db();
        await using var second = _host.Db();
        var a = await first.EdgeServers.OrderBy(e => e.Id).FirstAsync();
        var b = await second.EdgeServers.OrderBy(e => e.Id).FirstAsync();

        a.ChangePolicy(EdgePolicy.Default with { MaxCpuLoad = 0.5 }, TestData.Now);
        await first.SaveChangesAsync();
        b.ChangePolicy(EdgePolicy.Default with { MaxCpuLoad = 0.9 }, TestData.Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Policy_RowWithEmptyJson_LoadsTheDefaultPolicy()
    {
        await using (var db = _host.Db())
            await db.Database.ExecuteSqlRawAsync("UPDATE \"EdgeServers\" SET \"Policy\" = '{{}}'");

        await using var read = _host.Db();
        var edge = await read.EdgeServers.OrderBy(e => e.Id).FirstAsync();

        Assert.Equal(EdgePolicy.Default.Tiers, edge.Policy.Tiers);
        Assert.Equal(EdgePolicy.Default.Selection, edge.Policy.Selection);
    }
}
