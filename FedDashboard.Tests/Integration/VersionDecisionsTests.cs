using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Decisions on the versions of a job <see cref="TestData.Operator"/> started, through the real service on PostgreSQL:
/// one round by hand makes v1, pending approval, while the job publishes v0.
/// </summary>
public sealed class VersionDecisionsTests : IAsyncLifetime
{
    private FedTestHost _host = null!;
    private TrainingJob _job = null!;
    private ModelVersion _v0 = null!;
    private ModelVersion _v1 = null!;

    private VersionDecisions Decisions => _host.Get<VersionDecisions>();

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);
        _job = await _host.Get<JobLauncher>().LaunchAsync("decisions", TestData.Settings(), TestData.Policy(autoApprove: false));
        await _host.RunRoundByHandAsync(_job.Id);
        await using var db = _host.Db();
        _v0 = await db.ModelVersions.SingleAsync(v => v.JobId == _job.Id && v.Number == 0);
        _v1 = await db.ModelVersions.SingleAsync(v => v.JobId == _job.Id && v.Number == 1);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<ModelVersion> StoredAsync(ModelVersion version)
    {
        await using var db = _host.Db();
        return await db.ModelVersions.SingleAsync(v => v.Id == version.Id);
    }

    private async Task<int?> PublishedIdAsync()
    {
        await using var db = _host.Db();
        return await db.TrainingJobs.Where(j => j.Id == _job.Id).Select(j => j.PublishedVersionId).SingleAsync();
    }

    private async Task<List<AuditEntry>> VersionAuditAsync(AuditOutcome outcome) =>
        [.. (await _host.AuditAsync(outcome)).Where(e => e.Subject == AuditSubject.ModelVersion)];

    private async Task ApproveAndPublishV1Async()
    {
        await Decisions.ApproveAsync(_v1.Id, TestData.Approver, null);
        await Decisions.PublishAsync(_v1.Id, TestData.Approver);
    }

    [Fact]
    public async Task ApproveAsync_ApproverOnPendingVersion_StoresDecisionAndAuditsIt()
    {
        await Decisions.ApproveAsync(_v1.Id, TestData.Approver, "  looks good ");

        var stored = await StoredAsync(_v1);
        Assert.Equal(ModelVersionStatus.Approved, stored.Status);
        Assert.Equal("arthur", stored.DecidedBy);
        Assert.Equal("looks good", stored.DecisionComment);
        var entry = Assert.Single(await VersionAuditAsync(AuditOutcome.Done));
        Assert.Equal(("arthur", AuditAction.VersionApproved, _v1.Id.ToString(), "looks good"), (entry.Actor, entry.Action, entry.SubjectId, entry.Detail));
        Assert.Equal(new VersionState("v1", ModelVersionStatus.PendingApproval, null, null), AuditReading.State<VersionState>(entry.Before));
        Assert.Equal(new VersionState("v1", ModelVersionStatus.Approved, "arthur", "looks good"), AuditReading.State<VersionState>(entry.After));
    }

    [Fact]
    public async Task RejectAsync_ApproverOnPendingVersion_StoresRejectionAndNextRoundTrainsFromPublishedV0()
    {
        await Decisions.RejectAsync(_v1.Id, TestData.Approver, "worse than expected");
        var round2 = await _host.StartRoundByHandAsync(_job.Id);

        Assert.Equal(ModelVersionStatus.Rejected, (await StoredAsync(_v1)).Status);
        Assert.Equal(_v0.Id, round2.BaseModelVersionId);
        Assert.All(round2.Participants, p => Assert.Equal(_v0.ModelHash, p.Assignment.BaseModelHash));
        Assert.Equal(AuditAction.VersionRejected, Assert.Single(await VersionAuditAsync(AuditOutcome.Done)).Action);
    }

    [Fact]
    public async Task ApproveAsync_JobStarterWithApproverRole_RefusedAuditedAndStaysPending()
    {
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Decisions.ApproveAsync(_v1.Id, TestData.OperatorWhoApproves, "mine is fine"));

        Assert.Equal("olivia may not approve v1 of job \"decisions\", which they started themselves.", error.Message);
        Assert.Equal(ModelVersionStatus.PendingApproval, (await StoredAsync(_v1)).Status);
        Assert.Empty(await VersionAuditAsync(AuditOutcome.Done));
        var refusal = Assert.Single(await VersionAuditAsync(AuditOutcome.Refused));
        Assert.Equal(("olivia", AuditAction.VersionApproved, _v1.Id.ToString(), error.Message), (refusal.Actor, refusal.Action, refusal.SubjectId, refusal.Detail));
    }

    [Fact]
    public async Task RejectAsync_JobStarterWithApproverRole_RefusedAndAudited()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Decisions.RejectAsync(_v1.Id, TestData.OperatorWhoApproves, null));

        Assert.Equal(ModelVersionStatus.PendingApproval, (await StoredAsync(_v1)).Status);
        Assert.Equal(AuditAction.VersionRejected, Assert.Single(await VersionAuditAsync(AuditOutcome.Refused)).Action);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Administrator)]
    public async Task ApproveAsync_WithoutApproverRole_RefusedAuditedAndStaysPending(string role)
    {
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Decisions.ApproveAsync(_v1.Id, Actor.User("sam", role), null));

        Assert.Equal("sam may not approve v1 of job \"decisions\" without the approver role.", error.Message);
        Assert.Equal(ModelVersionStatus.PendingApproval, (await StoredAsync(_v1)).Status);
        Assert.Empty(await VersionAuditAsync(AuditOutcome.Done));
        Assert.Equal("sam", Assert.Single(await VersionAuditAsync(AuditOutcome.Refused)).Actor);
    }

    [Fact]
    public async Task RejectAsync_AlreadyApproved_RefusedAndStaysApproved()
    {
        await Decisions.ApproveAsync(_v1.Id, TestData.Approver, null);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Decisions.RejectAsync(_v1.Id, TestData.Approver, null));

        Assert.Equal("Only a version pending approval can be approved or rejected; v1 is approved.", error.Message);
        Assert.Equal(ModelVersionStatus.Approved, (await StoredAsync(_v1)).Status);
        Assert.Equal(AuditAction.VersionApproved, Assert.Single(await VersionAuditAsync(AuditOutcome.Done)).Action);
    }

    [Fact]
    public async Task ApproveAsync_AlreadyRejected_RefusedAndStaysRejected()
    {
        await Decisions.RejectAsync(_v1.Id, TestData.Approver, null);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Decisions.ApproveAsync(_v1.Id, TestData.Approver, null));

        Assert.Equal("Only a version pending approval can be approved or rejected; v1 was rejected.", error.Message);
        Assert.Equal(ModelVersionStatus.Rejected, (await StoredAsync(_v1)).Status);
    }

    [Fact]
    public async Task PublishAsync_ApprovedVersion_NextRoundTrainsFromIt()
    {
        await ApproveAndPublishV1Async();
        var round2 = await _host.StartRoundByHandAsync(_job.Id);

        Assert.Equal(_v1.Id, await PublishedIdAsync());
        Assert.Equal(_v1.Id, round2.BaseModelVersionId);
        Assert.All(round2.Participants, p => Assert.Equal(_v1.ModelHash, p.Assignment.BaseModelHash));
    }

    [Fact]
    public async Task PublishAsync_PendingVersion_RefusedAndV0StaysPublished()
    {
        var error = await Assert.ThrowsAsync<ConflictException>(() => Decisions.PublishAsync(_v1.Id, TestData.Approver));

        Assert.Equal("Only an approved version can be handed out; v1 awaits approval.", error.Message);
        Assert.Equal(_v0.Id, await PublishedIdAsync());
        Assert.Empty(await VersionAuditAsync(AuditOutcome.Done));
    }

    [Fact]
    public async Task PublishAsync_RejectedVersion_RefusedAndV0StaysPublished()
    {
        await Decisions.RejectAsync(_v1.Id, TestData.Approver, null);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Decisions.PublishAsync(_v1.Id, TestData.Approver));

        Assert.Equal("Only an approved version can be handed out; v1 was rejected.", error.Message);
        Assert.Equal(_v0.Id, await PublishedIdAsync());
    }

    [Fact]
    public async Task PublishAsync_AlreadyPublished_Refused()
    {
        var error = await Assert.ThrowsAsync<ConflictException>(() => Decisions.PublishAsync(_v0.Id, TestData.Approver));

        Assert.Equal("v0 is already the published version.", error.Message);
        Assert.Empty(await VersionAuditAsync(AuditOutcome.Done));
    }

    [Fact]
    public async Task PublishAsync_OlderVersion_RefusedAsARollback()
    {
        await ApproveAndPublishV1Async();

        var error = await Assert.ThrowsAsync<ConflictException>(() => Decisions.PublishAsync(_v0.Id, TestData.Approver));

        Assert.Equal("v0 is older than the published v1; roll back to it instead.", error.Message);
        Assert.Equal(_v1.Id, await PublishedIdAsync());
    }

    [Fact]
    public async Task PublishAsync_WithoutApproverRole_RefusedAuditedAndV0StaysPublished()
    {
        await Decisions.ApproveAsync(_v1.Id, TestData.Approver, null);

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => Decisions.PublishAsync(_v1.Id, TestData.Operator));

        Assert.Equal("olivia may not publish v1 of job \"decisions\" without the approver role.", error.Message);
        Assert.Equal(_v0.Id, await PublishedIdAsync());
        Assert.Equal(AuditAction.VersionPublished, Assert.Single(await VersionAuditAsync(AuditOutcome.Refused)).Action);
    }

    [Fact]
    public async Task PublishAsync_JobStarterWithApproverRole_PublishesWhatAnotherApproverApproved()
    {
        await Decisions.ApproveAsync(_v1.Id, TestData.Approver, null);

        await Decisions.PublishAsync(_v1.Id, TestData.OperatorWhoApproves);

        Assert.Equal(_v1.Id, await PublishedIdAsync());
    }

    [Fact]
    public async Task RollBackAsync_EarlierApprovedVersion_PublishesItAndAuditsEveryMove()
    {
        await ApproveAndPublishV1Async();

        await Decisions.RollBackAsync(_v0.Id, TestData.Approver);

        Assert.Equal(_v0.Id, await PublishedIdAsync());
        var entries = await VersionAuditAsync(AuditOutcome.Done);
        Assert.Equal([AuditAction.VersionApproved, AuditAction.VersionPublished, AuditAction.VersionRolledBack], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("arthur", e.Actor));
        Assert.Equal([_v1.Id, _v1.Id, _v0.Id], entries.Select(e => int.Parse(e.SubjectId)));
        Assert.Equal(new PublicationState(_job.Id, "v0"), AuditReading.State<PublicationState>(entries[1].Before));
        Assert.Equal(new PublicationState(_job.Id, "v1"), AuditReading.State<PublicationState>(entries[1].After));
        Assert.Equal(new PublicationState(_job.Id, "v1"), AuditReading.State<PublicationState>(entries[2].Before));
        Assert.Equal(new PublicationState(_job.Id, "v0"), AuditReading.State<PublicationState>(entries[2].After));
    }

    [Fact]
    public async Task RollBackAsync_NewerVersion_RefusedAsAPublication()
    {
        await Decisions.ApproveAsync(_v1.Id, TestData.Approver, null);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Decisions.RollBackAsync(_v1.Id, TestData.Approver));

        Assert.Equal("v1 is newer than the published v0; publish it instead.", error.Message);
        Assert.Equal(_v0.Id, await PublishedIdAsync());
    }

    [Fact]
    public async Task RollBackAsync_WithoutApproverRole_RefusedAndAudited()
    {
        await ApproveAndPublishV1Async();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Decisions.RollBackAsync(_v0.Id, TestData.Viewer));

        Assert.Equal(_v1.Id, await PublishedIdAsync());
        Assert.Equal(AuditAction.VersionRolledBack, Assert.Single(await VersionAuditAsync(AuditOutcome.Refused)).Action);
    }
}
