using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FedDashboard.Tests.Components;

/// <summary>The versions page of a job <see cref="TestData.Operator"/> started, after one round made v1, pending approval.</summary>
public sealed class ModelVersionsTests : DashboardComponentTest
{
    private TrainingJob _job = null!;

    protected override async Task ArrangeAsync()
    {
        _job = await Host.Get<JobLauncher>().LaunchAsync("versions test", TestData.Settings(), TestData.Policy(autoApprove: false));
        await Host.RunRoundByHandAsync(_job.Id);
    }

    private async Task<ModelVersion> StoredAsync(int number)
    {
        await using var db = Host.Db();
        return await db.ModelVersions.SingleAsync(v => v.JobId == _job.Id && v.Number == number);
    }

    private IRenderedComponent<ModelVersions> RenderWithV1()
    {
        var cut = Render<ModelVersions>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-action='approve-v1']")));
        return cut;
    }

    private static bool IsDisabled(IRenderedComponent<ModelVersions> cut, string action) => cut.Find($"[data-action='{action}']").HasAttribute("disabled");

    [Fact]
    public void Render_PendingVersion_ShowsLineageStatusAndPublishedV0()
    {
        SignIn(TestData.Approver);

        var cut = RenderWithV1();

        Assert.Contains("v0 → v1", cut.Markup);
        Assert.Equal("Pending approval", cut.Find("[data-status='PendingApproval']").TextContent.Trim());
        Assert.NotNull(cut.Find("[data-published='v0']"));
        Assert.Contains("v0", cut.Find("[data-testid='published-lineage']").TextContent);
    }

    [Fact]
    public async Task Render_CandidateNotPromoted_ShowsItsRoundAndReasonWithoutButtons()
    {
        await Host.ChangeJobPolicyAsync(_job.Id, p => p with { Promotion = new() { Rule = PromotionRule.AtLeastReference, ReferenceAccuracy = 0.999 } });
        await Host.RunRoundByHandAsync(_job.Id);
        SignIn(TestData.Approver);

        var cut = RenderWithV1();

        Assert.Contains("v0 → candidate of round 2", cut.Markup);
        Assert.Contains("is below the reference accuracy 99.90 %.", cut.Find("[data-decision='candidate of round 2']").TextContent);
        Assert.Equal("Not promoted", cut.Find("[data-status='NotPromoted']").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-action$='candidate of round 2']"));
    }

    [Fact]
    public void Render_AsApprover_DecisionButtonsEnabled()
    {
        SignIn(TestData.Approver);

        var cut = RenderWithV1();

        Assert.False(IsDisabled(cut, "approve-v1"));
        Assert.False(IsDisabled(cut, "reject-v1"));
        Assert.Empty(cut.FindAll("[data-testid='permission-hint']"));
    }

    [Fact]
    public void Render_AsJobStarterWithApproverRole_DecisionButtonsDisabledWithReason()
    {
        SignIn(TestData.OperatorWhoApproves);

        var cut = RenderWithV1();

        Assert.True(IsDisabled(cut, "approve-v1"));
        Assert.True(IsDisabled(cut, "reject-v1"));
        Assert.Equal("You started job \"versions test\"; another approver decides on its versions.", cut.Find("[data-testid='permission-hint']").TextContent.Trim());
    }

    [Fact]
    public void Render_AsViewer_EveryMoveDisabledWithReasons()
    {
        SignIn(TestData.Viewer);

        var cut = RenderWithV1();

        Assert.True(IsDisabled(cut, "approve-v1"));
        Assert.Equal(["Only approvers approve or reject versions.", "Only approvers publish versions or roll back."],
            cut.FindAll("[data-testid='permission-hint']").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task ClickApprove_AsApprover_StoresApprovalAndOffersPublish()
    {
        SignIn(TestData.Approver);
        var cut = RenderWithV1();

        await cut.Find("[data-action='approve-v1']").ClickAsync(new());

        Assert.Equal(ModelVersionStatus.Approved, (await StoredAsync(1)).Status);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-action='publish-v1']")));
        Assert.Empty(cut.FindAll("[data-action='approve-v1']"));
        Assert.Contains("arthur", cut.Find("[data-decision='v1']").TextContent);
    }

    [Fact]
    public async Task ClickPublish_ApprovedVersion_MarksItPublishedAndOffersRollBackToV0()
    {
        await Host.Get<VersionDecisions>().ApproveAsync((await StoredAsync(1)).Id, TestData.Approver, null);
        SignIn(TestData.Approver);
        var cut = Render<ModelVersions>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-action='publish-v1']")));

        await cut.Find("[data-action='publish-v1']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-published='v1']")));
        Assert.NotNull(cut.Find("[data-action='rollback-v0']"));
        Assert.Matches(@"v0\s*→\s*v1", cut.Find("[data-testid='published-lineage']").TextContent);
    }

    [Fact]
    public async Task ClickApprove_RoleRevokedAfterRender_ShowsRefusalAndStaysPending()
    {
        SignIn(TestData.Approver);
        var cut = RenderWithV1();
        RevokeRoles(TestData.Approver);

        await cut.Find("[data-action='approve-v1']").ClickAsync(new());

        var message = Assert.Single(Snackbars);
        Assert.Equal(("arthur may not approve v1 of job \"versions test\" without the approver role.", Severity.Error), (message.Message, message.Severity));
        Assert.Equal(ModelVersionStatus.PendingApproval, (await StoredAsync(1)).Status);
        Assert.Equal(AuditAction.VersionApproved, Assert.Single(await Host.AuditAsync(AuditOutcome.Refused)).Action);
    }
}
