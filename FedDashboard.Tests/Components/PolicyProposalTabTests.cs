using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Tests.Components;

/// <summary>The Policies page's job tab with a proposal to turn auto-approve on, made by <see cref="Proposer"/>.</summary>
public sealed class PolicyProposalTabTests : DashboardComponentTest
{
    private static readonly Actor Proposer = Actor.User("penny", Roles.Operator, Roles.Approver);
    private TrainingJob _job = null!;

    protected override async Task ArrangeAsync()
    {
        Services.AddSingleton(Host.Get<PolicyChanges>());
        _job = await Host.Get<JobLauncher>().LaunchAsync("proposal tab", TestData.Settings(), TestData.Policy(autoApprove: false));
        await Host.Get<PolicyChanges>().ChangeJobPolicyAsync(Proposer, _job.Id, _job.Policy with { AutoApprove = true }, _job.PolicyRevision);
    }

    private async Task<IRenderedComponent<Policies>> RenderJobTabAsync()
    {
        var cut = Render<Policies>();
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-tab"), t => t.TextContent.Contains("Jobs")));
        // Found and clicked in one dispatch: the tabs re-render as the page's other forms load.
        await cut.InvokeAsync(() => cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Jobs")).Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='policy-proposal']")));
        return cut;
    }

    [Fact]
    public async Task Render_AsTheProposer_ShowsTheChangeWithDecisionsOffAndWhy()
    {
        SignIn(Proposer);

        var cut = await RenderJobTabAsync();

        var panel = cut.Find("[data-testid='policy-proposal']");
        Assert.Contains("waiting for an approver other than penny", panel.TextContent);
        Assert.Contains("autoApprove", cut.Find("[data-testid='proposal-changes']").TextContent);
        Assert.True(cut.Find("[data-action='accept-proposal']").HasAttribute("disabled"));
        Assert.Equal("You proposed this change; an approver other than you decides on it.", cut.Find("[data-testid='why-not-decider']").TextContent.Trim());
    }

    [Fact]
    public async Task Accept_AsAnotherApprover_PolicyChangedAndTheProposalGone()
    {
        SignIn(TestData.Approver);
        var cut = await RenderJobTabAsync();

        await cut.InvokeAsync(() => cut.Find("[data-action='accept-proposal']").Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid='policy-proposal']")));
        await using var db = Host.Db();
        var job = await db.TrainingJobs.AsNoTracking().SingleAsync(j => j.Id == _job.Id);
        Assert.Equal((true, 1), (job.Policy.AutoApprove, job.PolicyRevision));
        Assert.Equal(ProposalStatus.Accepted, (await db.JobPolicyProposals.SingleAsync()).Status);
    }
}
