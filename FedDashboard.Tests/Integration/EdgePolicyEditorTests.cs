using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

public sealed class EdgePolicyEditorTests : IAsyncLifetime
{
    private FedTestHost _host = null!;
    private EdgePolicyEditor Editor => new(_host.Get<IDbContextFactory<FedDbContext>>(), _host.Get<PolicyChanges>());

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 5);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SaveAsync_SomeoneSavedSinceLoad_ReturnsConflictAndKeepsTheirPolicy()
    {
        var mine = (await Editor.LoadAsync())[0];
        var theirs = (await Editor.LoadAsync())[0];
        theirs.Field(p => p.Availability).Value = AvailabilityMode.TerminalsAsk;
        Assert.Equal(PolicySaveOutcome.Saved, (await Editor.SaveAsync(theirs, TestData.Operator)).Outcome);

        mine.Field(p => p.OnDeparture).Value = DepartureRule.FinishThroughNewEdge;
        var result = await Editor.SaveAsync(mine, TestData.Operator);

        Assert.Equal(PolicySaveOutcome.Conflict, result.Outcome);
        Assert.Contains("changed by someone else", result.Message);
        await using var db = _host.Db();
        var stored = await db.EdgeServers.SingleAsync(e => e.Id == mine.EdgeId);
        Assert.Equal(1, stored.PolicyRevision);
        Assert.Equal(AvailabilityMode.TerminalsAsk, stored.Policy.Availability);
        Assert.Equal(DepartureRule.Discard, stored.Policy.OnDeparture);
    }

    [Fact]
    public async Task SaveAsync_TwiceFromOneForm_BumpsRevisionEachTime()
    {
        var form = (await Editor.LoadAsync())[0];
        form.Field(p => p.MinBattery).Value = 0.3;
        await Editor.SaveAsync(form, TestData.Operator);
        form.Field(p => p.MinBattery).Value = 0.4;

        var result = await Editor.SaveAsync(form, TestData.Operator);

        Assert.Equal(PolicySaveOutcome.Saved, result.Outcome);
        Assert.Equal(2, form.Revision);
        Assert.Contains("takes effect from the next round", result.Message);
    }
}
