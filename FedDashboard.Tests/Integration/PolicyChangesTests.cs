using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Aggregation;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using System.Text.Json;

namespace FedDashboard.Tests.Integration;

public sealed class PolicyChangesTests : IAsyncLifetime
{
    private static readonly Actor Viewer = Actor.User("vera", Roles.Viewer);
    private FedTestHost _host = null!;
    private TrainingJob _job = null!;

    private PolicyChanges Changes => _host.Get<PolicyChanges>();

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 8);
        _job = await _host.Get<JobLauncher>().LaunchAsync("policy test", TestData.Settings(), TestData.Policy(maxRounds: 5));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<List<AuditEntry>> AuditAsync(AuditAction action)
    {
        await using var db = _host.Db();
        return await db.AuditEntries.Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task ChangeJobPolicyAsync_Operator_StoresNextRevisionAndAuditsBeforeAndAfter()
    {
        var changed = _job.Policy with { Aggregation = new() { Rule = AggregationRule.CoordinateMedian } };

        var result = await Changes.ChangeJobPolicyAsync(TestData.Operator, _job.Id, changed, _job.PolicyRevision);

        Assert.Equal(PolicyChangeOutcome.Saved, result.Outcome);
        Assert.Equal(1, result.Revision);
        var entry = Assert.Single(await AuditAsync(AuditAction.PolicyChanged));
        Assert.Equal((TestData.Operator.Name, AuditSubject.Job, _job.Id.ToString(), AuditOutcome.Done), (entry.Actor, entry.Subject, entry.SubjectId, entry.Outcome));
        Assert.Equal(_job.Policy, JsonSerializer.Deserialize<JobPolicy>(entry.Before!, JsonColumns.Options));
        Assert.Equal(changed, JsonSerializer.Deserialize<JobPolicy>(entry.After!, JsonColumns.Options));
    }

    [Fact]
    public async Task ChangeEdgePolicyAsync_Viewer_RefusedAuditedAndNothingChanged()
    {
        await using var read = _host.Db();
        var edge = await read.EdgeServers.AsNoTracking().OrderBy(e => e.Id).FirstAsync();

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Changes.ChangeEdgePolicyAsync(Viewer, edge.Id, EdgePolicy.Default with { MinBattery = 0.5 }, edge.PolicyRevision));

        Assert.Contains("vera may not change the policy of edge", refusal.Message);
        var entry = Assert.Single(await AuditAsync(AuditAction.PolicyChanged));
        Assert.Equal((AuditOutcome.Refused, "vera"), (entry.Outcome, entry.Actor));
        await using var db = _host.Db();
        Assert.Equal(0, (await db.EdgeServers.SingleAsync(e => e.Id == edge.Id)).PolicyRevision);
    }

    [Fact]
    public async Task PolicyHistoryAsync_TwoChanges_ListsBothNewestFirstWithWhatChanged()
    {
        var first = await Changes.ChangeJobPolicyAsync(TestData.Operator, _job.Id, _job.Policy with { AutoApprove = false }, _job.PolicyRevision);
        await Changes.ChangeJobPolicyAsync(TestData.Operator, _job.Id, _job.Policy with { AutoApprove = false, Termination = new() { MaxRounds = 9 } }, first.Revision);

        await using var db = _host.Db();
        var history = await db.PolicyHistoryAsync(AuditSubject.Job, _job.Id);

        Assert.Equal(["Revision 2", "Revision 1"], history.Select(h => h.Revision));
        var change = Assert.Single(PolicyDiff.Between(history[0].Before, history[0].After));
        Assert.Equal(new PolicyFieldChange("termination.maxRounds", "5", "9"), change);
    }

    [Fact]
    public async Task JobPolicyEditor_NegativeTrimFraction_ErrorAtFieldAndNothingStored()
    {
        var editor = new JobPolicyEditor(_host.Get<IDbContextFactory<FedDbContext>>(), Changes, _host.Get<JobPolicyProposals>());
        var form = Assert.Single(await editor.LoadAsync());
        form.Field(p => p.Aggregation.TrimFraction).Value = -0.1;

        var result = await editor.SaveAsync(form, TestData.Operator);

        Assert.Equal(PolicySaveOutcome.Invalid, result.Outcome);
        Assert.Contains("from 0 to below 0.5 (was -0.1)", form.ErrorFor("Aggregation.TrimFraction"));
        Assert.Empty(await AuditAsync(AuditAction.PolicyChanged));
    }

    [Fact]
    public async Task ChangeJobPolicyAsync_MaxRoundsLowered_TakesEffectAtTheNextRound()
    {
        await _host.RunRoundByHandAsync(_job.Id);
        await using (var read = _host.Db())
        {
            var job = await read.TrainingJobs.AsNoTracking().SingleAsync(j => j.Id == _job.Id);
            await Changes.ChangeJobPolicyAsync(TestData.Operator, _job.Id, job.Policy with { Termination = new() { MaxRounds = 1 } }, job.PolicyRevision);
        }

        await _host.Get<RoundStarter>().StartNextRoundAsync(_job.Id);

        await using var db = _host.Db();
        var stored = await db.TrainingJobs.SingleAsync(j => j.Id == _job.Id);
        Assert.Equal(JobStatus.Completed, stored.Status);
        Assert.Equal(1, await db.Rounds.CountAsync(r => r.JobId == _job.Id));
    }

    [Fact]
    public async Task ChangeJobPolicyAsync_RoundsRanSinceTheOperatorLoaded_StillSaved()
    {
        await _host.RunRoundByHandAsync(_job.Id);

        var result = await Changes.ChangeJobPolicyAsync(TestData.Operator, _job.Id, _job.Policy with { AutoApprove = false }, _job.PolicyRevision);

        Assert.Equal(PolicyChangeOutcome.Saved, result.Outcome);
    }

    [Fact]
    public async Task ChangeJobPolicyAsync_AnotherOperatorSavedFirst_Conflict()
    {
        await Changes.ChangeJobPolicyAsync(TestData.Operator, _job.Id, _job.Policy with { AutoApprove = false }, _job.PolicyRevision);

        var result = await Changes.ChangeJobPolicyAsync(TestData.Operator, _job.Id, _job.Policy with { Termination = new() { MaxRounds = 9 } }, _job.PolicyRevision);

        Assert.Equal(PolicyChangeOutcome.Conflict, result.Outcome);
    }

    [Fact]
    public async Task AuditEntries_UpdateOrDelete_RefusedByTheDatabase()
    {
        await Changes.ChangeJobPolicyAsync(TestData.Operator, _job.Id, _job.Policy with { AutoApprove = false }, _job.PolicyRevision);
        await using var db = _host.Db();

        var update = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'someone else'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
        Assert.Equal("olivia", (await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.PolicyChanged)).Actor);
    }
}
