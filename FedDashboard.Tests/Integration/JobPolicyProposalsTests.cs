using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Policies;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Integration;

/// <summary>
/// Relaxing a job's policy through the real services on PostgreSQL: <see cref="TestData.Operator"/> started the job and
/// proposes; <see cref="Proposer"/> (operator and approver) proposes too; <see cref="TestData.Approver"/> decides.
/// </summary>
public sealed class JobPolicyProposalsTests : IAsyncLifetime
{
    private static readonly Actor Proposer = Actor.User("penny", Roles.Operator, Roles.Approver);
    private FedTestHost _host = null!;
    private TrainingJob _job = null!;

    private PolicyChanges Changes => _host.Get<PolicyChanges>();
    private JobPolicyProposals Proposals => _host.Get<JobPolicyProposals>();

    public async Task InitializeAsync()
    {
        _host = await FedTestHost.StartAsync(runWorkers: false, terminals: 8);
        _job = await _host.Get<JobLauncher>().LaunchAsync("proposals", TestData.Settings(), TestData.Policy(maxRounds: 10, autoApprove: false));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<TrainingJob> StoredJobAsync()
    {
        await using var db = _host.Db();
        return await db.TrainingJobs.AsNoTracking().SingleAsync(j => j.Id == _job.Id);
    }

    private async Task<JobPolicyProposal> StoredProposalAsync(int id)
    {
        await using var db = _host.Db();
        return await db.JobPolicyProposals.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<ModelVersion> VersionOfLatestRoundAsync()
    {
        await using var db = _host.Db();
        return await db.ModelVersions.AsNoTracking().Where(v => v.JobId == _job.Id).OrderByDescending(v => v.Number).FirstAsync();
    }

    private async Task<int> ProposeAutoApproveAsync(Actor proposer)
    {
        var change = await Changes.ChangeJobPolicyAsync(proposer, _job.Id, _job.Policy with { AutoApprove = true }, _job.PolicyRevision);
        Assert.Equal(PolicyChangeOutcome.Proposed, change.Outcome);
        return change.ProposalId!.Value;
    }

    [Fact]
    public async Task ChangeJobPolicyAsync_OperatorTurnsAutoApproveOn_PolicyUnchangedAndThePromotedVersionWaits()
    {
        var proposalId = await ProposeAutoApproveAsync(TestData.Operator);

        await _host.RunRoundByHandAsync(_job.Id);

        var job = await StoredJobAsync();
        Assert.Equal((false, 0), (job.Policy.AutoApprove, job.PolicyRevision));
        Assert.Equal(ModelVersionStatus.PendingApproval, (await VersionOfLatestRoundAsync()).Status);
        var proposal = await StoredProposalAsync(proposalId);
        Assert.Equal((ProposalStatus.Pending, TestData.Operator.Name, 0), (proposal.Status, proposal.ProposedBy, proposal.BaseRevision));
        var audited = Assert.Single(await _host.AuditAsync(AuditOutcome.Done), e => e.Action == AuditAction.PolicyProposed);
        Assert.Contains($"waits for an approver other than {TestData.Operator.Name}", audited.Detail);
    }

    [Fact]
    public async Task AcceptAsync_AnotherApprover_NextRevisionAndTheNextVersionIsApprovedAutomatically()
    {
        var proposalId = await ProposeAutoApproveAsync(Proposer);

        var accepted = await Proposals.AcceptAsync(TestData.Approver, proposalId, "Unattended overnight");
        await _host.RunRoundByHandAsync(_job.Id);

        Assert.Equal((ProposalStatus.Accepted, TestData.Approver.Name), (accepted.Status, accepted.DecidedBy));
        var job = await StoredJobAsync();
        Assert.Equal((true, 1), (job.Policy.AutoApprove, job.PolicyRevision));
        Assert.Equal(ModelVersionStatus.Approved, (await VersionOfLatestRoundAsync()).Status);
        await using var db = _host.Db();
        var history = await db.PolicyHistoryAsync(AuditSubject.Job, _job.Id);
        Assert.Equal(TestData.Approver.Name, Assert.Single(history).Actor);
    }

    [Fact]
    public async Task AcceptAsync_ByItsProposer_RefusedAuditedAndNothingChanged()
    {
        var proposalId = await ProposeAutoApproveAsync(Proposer);

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() => Proposals.AcceptAsync(Proposer, proposalId, null));

        Assert.Equal("penny may not accept the proposed policy change of job \"proposals\", which they proposed themselves.", refusal.Message);
        Assert.Equal(ProposalStatus.Pending, (await StoredProposalAsync(proposalId)).Status);
        Assert.False((await StoredJobAsync()).Policy.AutoApprove);
        var refused = Assert.Single(await _host.AuditAsync(AuditOutcome.Refused));
        Assert.Equal(("penny", AuditAction.PolicyProposalAccepted, _job.Id.ToString()), (refused.Actor, refused.Action, refused.SubjectId));
    }

    [Fact]
    public async Task AcceptAsync_ByWhoStartedTheJob_Refused()
    {
        var proposalId = await ProposeAutoApproveAsync(Proposer);

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() => Proposals.AcceptAsync(TestData.OperatorWhoApproves, proposalId, null));

        Assert.Contains("a job they started themselves", refusal.Message);
        Assert.False((await StoredJobAsync()).Policy.AutoApprove);
    }

    [Fact]
    public async Task AcceptAsync_ByAnOperator_RefusedForTheRole()
    {
        var proposalId = await ProposeAutoApproveAsync(Proposer);

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() => Proposals.AcceptAsync(TestData.Operator, proposalId, null));

        Assert.Contains("without the approver role", refusal.Message);
    }

    [Theory]
    [InlineData(PromotionRule.AtLeastReference, 0.9, 0, PromotionRule.AtLeastReference, 0.8, 0)]
    [InlineData(PromotionRule.BetterThanParent, 0.9, 0.02, PromotionRule.BetterThanParent, 0.9, 0.01)]
    [InlineData(PromotionRule.BetterThanParent, 0.9, 0.02, PromotionRule.Always, 0.9, 0.02)]
    [InlineData(PromotionRule.AtLeastReference, 0.9, 0, PromotionRule.BetterThanParent, 0.9, 0)]
    public async Task ChangeJobPolicyAsync_RelaxedPromotion_StoredAsAProposal(PromotionRule rule, double reference, double margin,
        PromotionRule relaxedRule, double relaxedReference, double relaxedMargin)
    {
        var strict = await Changes.ChangeJobPolicyAsync(TestData.Operator, _job.Id,
            _job.Policy with { Promotion = new() { Rule = rule, ReferenceAccuracy = reference, Margin = margin } }, _job.PolicyRevision);
        Assert.Equal(PolicyChangeOutcome.Saved, strict.Outcome);

        var relaxed = await Changes.ChangeJobPolicyAsync(TestData.Operator, _job.Id,
            _job.Policy with { Promotion = new() { Rule = relaxedRule, ReferenceAccuracy = relaxedReference, Margin = relaxedMargin } }, strict.Revision);

        Assert.Equal(PolicyChangeOutcome.Proposed, relaxed.Outcome);
        Assert.Equal((rule, 1), ((await StoredJobAsync()).Policy.Promotion.Rule, (await StoredJobAsync()).PolicyRevision));
    }

    [Theory]
    [InlineData(PromotionRule.AtLeastReference, 0.95, 0)]
    [InlineData(PromotionRule.BetterThanParent, 0.9, 0.01)]
    public async Task ChangeJobPolicyAsync_TightenedPromotion_TakesEffectAtOnce(PromotionRule rule, double reference, double margin)
    {
        var tightened = _job.Policy with { Promotion = new() { Rule = rule, ReferenceAccuracy = reference, Margin = margin } };

        var change = await Changes.ChangeJobPolicyAsync(TestData.Operator, _job.Id, tightened, _job.PolicyRevision);

        Assert.Equal((PolicyChangeOutcome.Saved, 1), (change.Outcome, change.Revision));
        Assert.Equal(tightened, (await StoredJobAsync()).Policy);
    }

    [Fact]
    public async Task ChangeJobPolicyAsync_WhileAProposalWaits_SupersedesItAndItCanNoLongerBeAccepted()
    {
        var proposalId = await ProposeAutoApproveAsync(Proposer);
        await Changes.ChangeJobPolicyAsync(TestData.Operator, _job.Id, _job.Policy with { Termination = new() { MaxRounds = 7 } }, _job.PolicyRevision);

        var refusal = await Assert.ThrowsAsync<ConflictException>(() => Proposals.AcceptAsync(TestData.Approver, proposalId, null));

        Assert.Contains("superseded", refusal.Message);
        Assert.Equal(ProposalStatus.Superseded, (await StoredProposalAsync(proposalId)).Status);
        Assert.False((await StoredJobAsync()).Policy.AutoApprove);
    }

    [Fact]
    public async Task RejectAsync_WithAReason_RejectedAndThePolicyStays()
    {
        var proposalId = await ProposeAutoApproveAsync(Proposer);
        await Assert.ThrowsAsync<InvalidInputException>(() => Proposals.RejectAsync(TestData.Approver, proposalId, " "));

        var rejected = await Proposals.RejectAsync(TestData.Approver, proposalId, "Not before the audit");

        Assert.Equal((ProposalStatus.Rejected, "Not before the audit"), (rejected.Status, rejected.DecisionComment));
        Assert.Equal((false, 0), ((await StoredJobAsync()).Policy.AutoApprove, (await StoredJobAsync()).PolicyRevision));
        Assert.Contains((await _host.AuditAsync(AuditOutcome.Done)), e => e.Action == AuditAction.PolicyProposalRejected && e.Actor == TestData.Approver.Name);
    }

    [Fact]
    public async Task LaunchAsync_OperatorAsksForAutoApprove_StartsWithoutItAndProposesIt()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("asks", TestData.Settings(), TestData.Policy(), TestData.Operator);

        Assert.False(job.Policy.AutoApprove);
        await using var db = _host.Db();
        var proposal = await db.JobPolicyProposals.AsNoTracking().SingleAsync(p => p.JobId == job.Id);
        Assert.Equal((ProposalStatus.Pending, true, TestData.Operator.Name), (proposal.Status, proposal.Policy.AutoApprove, proposal.ProposedBy));
    }

    [Fact]
    public async Task LaunchAsync_ByTheSystemFromConfiguration_StartsWithAutoApproveAuditedAsConfiguration()
    {
        var job = await _host.Get<JobLauncher>().LaunchAsync("configured", TestData.Settings(), TestData.Policy(), Actor.System);

        Assert.True(job.Policy.AutoApprove);
        var started = (await _host.AuditAsync(AuditOutcome.Done)).Single(e => e.Action == AuditAction.JobStarted && e.SubjectId == job.Id.ToString());
        Assert.Equal(("system", "Auto-approve is on by configuration (the job's configured policy), not by an approver's acceptance."), (started.Actor, started.Detail));
    }
}
