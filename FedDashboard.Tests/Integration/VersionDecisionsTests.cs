using FedDashboard.Core.Governance;
using FedDashboard.Core.Orchestration;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

public sealed class VersionDecisionsTests : IAsyncLifetime
{
    private FedTestHost _host = null!;
    private ModelVersion _pending = null!;

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        var job = await _host.Get<JobLauncher>().LaunchAsync("test", TestData.Settings(), TestData.Policy(autoApprove: false));
        await _host.RunRoundByHandAsync(job.Id);
        await using var db = _host.Db();
        _pending = await db.ModelVersions.SingleAsync(v => v.JobId == job.Id && v.Number == 1);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ApproveAsync_PendingVersion_StoresApprovalWithDeciderAndComment()
    {
        await _host.Get<VersionDecisions>().ApproveAsync(_pending.Id, "alice", "  looks good ");

        await using var db = _host.Db();
        var stored = await db.ModelVersions.SingleAsync(v => v.Id == _pending.Id);
        Assert.Equal(ModelVersionStatus.Approved, stored.Status);
        Assert.Equal("alice", stored.DecidedBy);
        Assert.Equal("looks good", stored.DecisionComment);
    }

    [Fact]
    public async Task RejectAsync_AlreadyApproved_RefusedAndStaysApproved()
    {
        await _host.Get<VersionDecisions>().ApproveAsync(_pending.Id, "alice", null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.Get<VersionDecisions>().RejectAsync(_pending.Id, "bob", null));

        Assert.Contains("only a version pending approval", error.Message);
        await using var db = _host.Db();
        Assert.Equal(ModelVersionStatus.Approved, (await db.ModelVersions.SingleAsync(v => v.Id == _pending.Id)).Status);
    }

    [Fact]
    public async Task RejectAsync_PendingVersion_NextRoundTrainsFromItsParent()
    {
        await _host.Get<VersionDecisions>().RejectAsync(_pending.Id, "alice", "worse than expected");
        await _host.Get<RoundStarter>().StartNextRoundAsync(_pending.JobId);

        await using var db = _host.Db();
        var v0 = await db.ModelVersions.SingleAsync(v => v.JobId == _pending.JobId && v.Number == 0);
        var round2 = await db.Rounds.Include(r => r.Participants).SingleAsync(r => r.JobId == _pending.JobId && r.Number == 2);
        Assert.Equal(v0.Id, round2.BaseModelVersionId);
        Assert.All(round2.Participants, p => Assert.Equal(v0.ModelHash, p.BaseModelHash));
    }
}
