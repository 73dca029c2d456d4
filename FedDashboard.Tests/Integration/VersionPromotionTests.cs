using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>Each central aggregate becomes a candidate, promoted to a version only under the job's promotion policy; rounds by hand.</summary>
public sealed class VersionPromotionTests : IAsyncLifetime
{
    /// <summary>No model trained for one round reaches it, so the candidate is never promoted.</summary>
    private static readonly PromotionPolicy Unreachable = new() { Rule = PromotionRule.AtLeastReference, ReferenceAccuracy = 0.999 };

    private FedTestHost _host = null!;

    public async Task InitializeAsync() => _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 20);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<TrainingJob> LaunchAsync(PromotionPolicy promotion, bool autoApprove = true) =>
        _host.Get<JobLauncher>().LaunchAsync("promotion", TestData.Settings(), TestData.Policy(autoApprove: autoApprove) with { Promotion = promotion });

    private async Task<ModelVersion> CandidateOfAsync(Round round)
    {
        await using var db = _host.Db();
        return await db.ModelVersions.SingleAsync(v => v.RoundId == round.Id);
    }

    private async Task<TrainingJob> StoredAsync(TrainingJob job)
    {
        await using var db = _host.Db();
        return await db.TrainingJobs.SingleAsync(j => j.Id == job.Id);
    }

    [Fact]
    public async Task AggregateAsync_BelowReferenceAccuracy_KeepsCandidateNotPromotedWithReason()
    {
        var job = await LaunchAsync(Unreachable);

        var round = await _host.RunRoundByHandAsync(job.Id);

        var candidate = await CandidateOfAsync(round);
        Assert.Equal(ModelVersionStatus.NotPromoted, candidate.Status);
        Assert.Null(candidate.Number);
        Assert.Matches(@"^Test accuracy \d+\.\d\d % is below the reference accuracy 99\.90 %\.$", candidate.NotPromotedReason);
        Assert.NotNull(candidate.TestAccuracy);
        await using var db = _host.Db();
        var v0 = await db.ModelVersions.SingleAsync(v => v.JobId == job.Id && v.Number == 0);
        Assert.Equal(v0.Id, candidate.ParentId);
        Assert.Equal(candidate.Id, (await db.Rounds.SingleAsync(r => r.Id == round.Id)).ModelVersionId);
        Assert.Equal(v0.Id, (await StoredAsync(job)).PublishedVersionId);
        Assert.DoesNotContain(await _host.AuditAsync(), e => e.Subject == AuditSubject.ModelVersion);
    }

    [Fact]
    public async Task AggregateAsync_NotBetterThanParentByMargin_KeepsCandidateNotPromotedWithReason()
    {
        var job = await LaunchAsync(new PromotionPolicy());
        await _host.RunRoundByHandAsync(job.Id);
        await _host.ChangeJobPolicyAsync(job.Id, p => p with { Promotion = new() { Rule = PromotionRule.BetterThanParent, Margin = 1 } });

        var round2 = await _host.RunRoundByHandAsync(job.Id);

        var candidate = await CandidateOfAsync(round2);
        Assert.Equal(ModelVersionStatus.NotPromoted, candidate.Status);
        Assert.Matches(@"^Test accuracy \d+\.\d\d % is not above parent v1's \d+\.\d\d % by the margin 100 points\.$", candidate.NotPromotedReason);
        Assert.Equal((await StoredAsync(job)).PublishedVersionId, candidate.ParentId);
    }

    [Fact]
    public async Task AggregateAsync_AfterCandidateNotPromoted_NextPromotedTakesTheNextNumber()
    {
        var job = await LaunchAsync(Unreachable, autoApprove: false);
        await _host.RunRoundByHandAsync(job.Id);
        await _host.ChangeJobPolicyAsync(job.Id, p => p with { Promotion = new() });

        var round2 = await _host.RunRoundByHandAsync(job.Id);

        var version = await CandidateOfAsync(round2);
        Assert.Equal(1, version.Number);
        Assert.Equal(ModelVersionStatus.PendingApproval, version.Status);
    }

    [Fact]
    public async Task AggregateAsync_AutoApprove_SystemApprovesAndPublishesOnTheRecord()
    {
        var job = await LaunchAsync(new PromotionPolicy());

        var round = await _host.RunRoundByHandAsync(job.Id);

        var version = await CandidateOfAsync(round);
        Assert.Equal((ModelVersionStatus.Approved, "system"), (version.Status, version.DecidedBy));
        Assert.Equal(version.Id, (await StoredAsync(job)).PublishedVersionId);
        var entries = (await _host.AuditAsync(AuditOutcome.Done)).Where(e => e.Subject == AuditSubject.ModelVersion).ToList();
        Assert.Equal([AuditAction.VersionApproved, AuditAction.VersionPublished], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((Actor.System.Name, version.Id.ToString()), (e.Actor, e.SubjectId)));
        Assert.Equal(new PublicationState(job.Id, "v1"), AuditReading.State<PublicationState>(entries[1].After));
    }

    [Fact]
    public async Task ApproveAsync_CandidateNotPromoted_RefusedAndChangesNothing()
    {
        var job = await LaunchAsync(Unreachable, autoApprove: false);
        var round = await _host.RunRoundByHandAsync(job.Id);
        var candidate = await CandidateOfAsync(round);

        var error = await Assert.ThrowsAsync<ConflictException>(() => _host.Get<VersionDecisions>().ApproveAsync(candidate.Id, TestData.Approver, null));

        Assert.Equal($"Only a version pending approval can be approved or rejected; candidate {candidate.Id} was not promoted ({candidate.NotPromotedReason}).", error.Message);
        Assert.Equal(ModelVersionStatus.NotPromoted, (await CandidateOfAsync(round)).Status);
    }

    [Fact]
    public async Task PublishAsync_CandidateNotPromoted_RefusedAndV0StaysPublished()
    {
        var job = await LaunchAsync(Unreachable, autoApprove: false);
        var candidate = await CandidateOfAsync(await _host.RunRoundByHandAsync(job.Id));

        var error = await Assert.ThrowsAsync<ConflictException>(() => _host.Get<VersionDecisions>().PublishAsync(candidate.Id, TestData.Approver));

        Assert.StartsWith($"Only an approved version can be handed out; candidate {candidate.Id} was not promoted", error.Message);
        Assert.NotEqual(candidate.Id, (await StoredAsync(job)).PublishedVersionId);
    }
}
