using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FedDashboard.Tests.Components;

/// <summary>The job page of a job <see cref="TestData.Operator"/> started, with its first round collecting.</summary>
public sealed class JobPageTests : DashboardComponentTest
{
    private TrainingJob _job = null!;

    protected override async Task ArrangeAsync()
    {
        _job = await Host.Get<JobLauncher>().LaunchAsync("job page test", TestData.Settings(), TestData.Policy(maxRounds: 5, autoApprove: false));
        await Host.Get<RoundStarter>().StartNextRoundAsync(_job.Id);
    }

    private IRenderedComponent<JobPage> RenderJob()
    {
        var cut = Render<JobPage>(p => p.Add(x => x.Id, _job.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='job-name']")));
        return cut;
    }

    private async Task<TrainingJob> StoredJobAsync()
    {
        await using var db = Host.Db();
        return await db.TrainingJobs.SingleAsync(j => j.Id == _job.Id);
    }

    [Fact]
    public void Render_RunningJobAsOperator_ShowsStatusPolicyRoundAndPauseAbort()
    {
        SignIn(TestData.Operator);

        var cut = RenderJob();

        Assert.Equal("Running", cut.Find("[data-job-status]").TextContent.Trim());
        Assert.Equal("1 (Collecting)", cut.Find("[data-testid='round']").TextContent.Trim());
        Assert.Contains("The job ends after 5 rounds.", cut.Markup);
        Assert.Contains("An approver approves and publishes each version.", cut.Markup);
        Assert.False(cut.Find("[data-action='pause']").HasAttribute("disabled"));
        Assert.False(cut.Find("[data-action='abort']").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-action='resume']"));
    }

    [Fact]
    public void Render_NoJobId_ShowsTheNewestJob()
    {
        SignIn(TestData.Viewer);

        var cut = Render<JobPage>();

        cut.WaitForAssertion(() => Assert.Contains("job page test", cut.Find("[data-testid='job-name']").TextContent));
    }

    [Fact]
    public void Render_AsViewer_ControlsDisabledWithReason()
    {
        SignIn(TestData.Viewer);

        var cut = RenderJob();

        Assert.True(cut.Find("[data-action='pause']").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-action='abort']").HasAttribute("disabled"));
        Assert.Equal("Only operators pause, resume or abort jobs.", cut.Find("[data-testid='permission-hint']").TextContent.Trim());
    }

    [Fact]
    public async Task ClickPause_AsOperator_PausesAndOffersResume()
    {
        SignIn(TestData.Operator);
        var cut = RenderJob();

        await cut.Find("[data-action='pause']").ClickAsync(new());

        Assert.Equal(JobStatus.Paused, (await StoredJobAsync()).Status);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-action='resume']")));
        Assert.Empty(cut.FindAll("[data-action='pause']"));
        Assert.Equal(Severity.Success, Assert.Single(Snackbars).Severity);
    }

    [Fact]
    public async Task ClickResume_PausedJob_RunsAgain()
    {
        await Host.Get<JobControls>().PauseAsync(_job.Id, TestData.Operator);
        SignIn(TestData.Operator);
        var cut = RenderJob();

        await cut.Find("[data-action='resume']").ClickAsync(new());

        Assert.Equal(JobStatus.Running, (await StoredJobAsync()).Status);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-action='pause']")));
    }

    [Fact]
    public async Task ClickAbort_AsOperator_ShowsWhoAbortedAndNoControls()
    {
        SignIn(TestData.Operator);
        var cut = RenderJob();

        await cut.Find("[data-action='abort']").ClickAsync(new());

        Assert.Equal(JobStatus.Aborted, (await StoredJobAsync()).Status);
        cut.WaitForAssertion(() => Assert.Equal("Aborted by olivia.", cut.Find("[data-testid='end-reason']").TextContent.Trim()));
        Assert.Equal("Aborted", cut.Find("[data-testid='end-reason']").GetAttribute("data-condition"));
        Assert.Empty(cut.FindAll("[data-action]"));
    }

    [Fact]
    public async Task ClickPause_RoleRevokedAfterRender_ShowsRefusalAndKeepsRunning()
    {
        SignIn(TestData.Operator);
        var cut = RenderJob();
        RevokeRoles(TestData.Operator);

        await cut.Find("[data-action='pause']").ClickAsync(new());

        var message = Assert.Single(Snackbars);
        Assert.Equal(("olivia may not pause job \"job page test\" without the operator role.", Severity.Error), (message.Message, message.Severity));
        Assert.Equal(JobStatus.Running, (await StoredJobAsync()).Status);
        Assert.Equal(AuditAction.JobPaused, Assert.Single(await Host.AuditAsync(AuditOutcome.Refused)).Action);
    }
}
