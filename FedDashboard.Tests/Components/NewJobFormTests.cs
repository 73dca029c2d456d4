using Bunit;
using Bunit.TestDoubles;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Governance.Proposals;
using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Governance.Proposals;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FedDashboard.Tests.Components;

public sealed class NewJobFormTests : DashboardComponentTest
{
    protected override Task ArrangeAsync()
    {
        Services.AddSingleton(Host.Get<JobLauncher>());
        SignIn(TestData.Operator);
        return Task.CompletedTask;
    }

    private async Task<List<TrainingJob>> StoredJobsAsync()
    {
        await using var db = Host.Db();
        return await db.TrainingJobs.AsNoTracking().ToListAsync();
    }

    private static void Launch(IRenderedComponent<NewJob> cut) => cut.Find("[data-action='launch']").Click();

    private static void TypeName(IRenderedComponent<NewJob> cut, string name) => cut.Find("[data-field='Name'] input").Change(name);

    // MudBlazor marks several elements of one input with the error class; each must sit inside the named field.
    private static void AssertErrorsOnlyAt(IRenderedComponent<NewJob> cut, string field) =>
        Assert.All(cut.FindAll(".mud-input-error"), e => Assert.NotNull(e.Closest($"[data-field='{field}']")));

    // Choosing from a MudSelect's popover needs a rendered popover provider; the bound callback is what a click ends in.
    private static void Choose<T>(IRenderedComponent<NewJob> cut, T value) =>
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<T>>().Instance.ValueChanged.InvokeAsync(value));

    [Fact]
    public async Task Launch_ShareMaxSamplesZero_ShowsErrorAtFieldAndStoresNothing()
    {
        var cut = Render<NewJob>();
        TypeName(cut, "sharing test");
        cut.Find("[data-field='ShareData'] input").Change(true);

        cut.Find("[data-field='ShareMaxSamples'] input").Change("0");
        Launch(cut);

        cut.WaitForAssertion(() => Assert.Contains("ShareMaxSamples must be from 1 to 60000 (was 0).", cut.Find("[data-field='ShareMaxSamples']").TextContent));
        AssertErrorsOnlyAt(cut, "ShareMaxSamples");
        Assert.Empty(await StoredJobsAsync());
    }

    [Fact]
    public async Task Launch_CentralDataSamplesNegative_ShowsErrorAtFieldAndStoresNothing()
    {
        var cut = Render<NewJob>();
        TypeName(cut, "central test");

        cut.Find("[data-field='CentralDataSamples'] input").Change("-5");
        Launch(cut);

        cut.WaitForAssertion(() => Assert.Contains("CentralDataSamples must be from 0 (the central server does not train) to 59000, the training images outside the validation sample (was -5).",
            cut.Find("[data-field='CentralDataSamples']").TextContent));
        AssertErrorsOnlyAt(cut, "CentralDataSamples");
        Assert.Empty(await StoredJobsAsync());
    }

    [Fact]
    public async Task Launch_CentralDataSamplesGiven_StoresThemInTheJobsSettings()
    {
        var cut = Render<NewJob>();
        TypeName(cut, "central test");
        cut.Find("[data-field='CentralDataSamples'] input").Change("800");

        Launch(cut);

        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        cut.WaitForAssertion(() => Assert.Single(navigation.History));
        Assert.Equal(800, Assert.Single(await StoredJobsAsync()).Settings.CentralDataSamples);
    }

    [Fact]
    public async Task Launch_EmptyName_ShowsErrorAtNameAndStoresNothing()
    {
        var cut = Render<NewJob>();

        TypeName(cut, "   ");
        Launch(cut);

        cut.WaitForAssertion(() => Assert.Contains("Name is required.", cut.Find("[data-field='Name']").TextContent));
        AssertErrorsOnlyAt(cut, "Name");
        Assert.Empty(await StoredJobsAsync());
    }

    [Fact]
    public async Task Launch_EdgeDataSharedAndSegmentedPerTerminal_StoresOneJobWithTheFormsSettings()
    {
        var cut = Render<NewJob>();
        TypeName(cut, "edge data job");
        Choose(cut, DataSource.Edge);
        Choose(cut, Segmentation.PerTerminal);
        cut.Find("[data-field='ShareData'] input").Change(true);
        cut.Find("[data-field='ShareMaxSamples'] input").Change("250");
        cut.Find("[data-field='ShareMaxUses'] input").Change("3");

        Launch(cut);

        // The page is already at the base address, so wait for the navigation itself, not for an address.
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        cut.WaitForAssertion(() => Assert.Equal("", Assert.Single(navigation.History).Uri));
        var job = Assert.Single(await StoredJobsAsync());
        Assert.Equal("edge data job", job.Name);
        var expected = new TrainingSettings
        {
            DataSource = DataSource.Edge,
            ShareData = true,
            ShareMaxSamples = 250,
            ShareMaxUses = 3,
            Segmentation = Segmentation.PerTerminal,
        };
        Assert.Equal(expected, job.Settings);
        Assert.False(job.Policy.AutoApprove);
        Assert.Equal(TestData.Operator.Name, job.CreatedBy);
    }

    [Fact]
    public async Task Launch_AutoApproveTicked_JobStartsWithoutItAndAProposalWaitsForAnApprover()
    {
        var cut = Render<NewJob>();
        TypeName(cut, "unattended job");
        cut.Find("[data-field='AutoApprove'] input").Change(true);

        Launch(cut);

        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        cut.WaitForAssertion(() => Assert.Single(navigation.History));
        var job = Assert.Single(await StoredJobsAsync());
        Assert.False(job.Policy.AutoApprove);
        await using var db = Host.Db();
        var proposal = await db.JobPolicyProposals.AsNoTracking().SingleAsync();
        Assert.Equal((job.Id, ProposalStatus.Pending, TestData.Operator.Name, true), (proposal.JobId, proposal.Status, proposal.ProposedBy, proposal.Policy.AutoApprove));
    }

    private IRenderedComponent<NewJob> RenderNamedWith(AggregationRule rule)
    {
        var cut = Render<NewJob>();
        TypeName(cut, $"{rule} job");
        Choose(cut, rule);
        return cut;
    }

    private async Task<AggregationPolicy> LaunchedAggregationAsync(IRenderedComponent<NewJob> cut)
    {
        Launch(cut);
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        cut.WaitForAssertion(() => Assert.Single(navigation.History));
        return Assert.Single(await StoredJobsAsync()).Policy.Aggregation;
    }

    [Fact]
    public async Task Launch_NothingChosen_JobAggregatesByFedAvg()
    {
        var cut = Render<NewJob>();
        TypeName(cut, "default strategy");

        var aggregation = await LaunchedAggregationAsync(cut);

        Assert.Equal(new AggregationPolicy(), aggregation);
    }

    [Fact]
    public async Task Launch_FedAdamWithItsSettings_JobStartsWithThemInItsPolicy()
    {
        var cut = RenderNamedWith(AggregationRule.FedAdam);
        cut.WaitForElement("[data-field='Aggregation.AdamLearningRate'] input").Change("0.03");
        cut.Find("[data-field='Aggregation.AdamTau'] input").Change("0.01");

        var aggregation = await LaunchedAggregationAsync(cut);

        Assert.Equal(new AggregationPolicy { Rule = AggregationRule.FedAdam, AdamLearningRate = 0.03, AdamTau = 0.01 }, aggregation);
    }

    [Fact]
    public async Task Launch_FedAvgMMomentumOne_ShowsThePoliciesPageMessageAtFieldAndStoresNothing()
    {
        var cut = RenderNamedWith(AggregationRule.FedAvgM);

        cut.WaitForElement("[data-field='Aggregation.ServerMomentum'] input").Change("1");
        Launch(cut);

        cut.WaitForAssertion(() => Assert.Equal("The server momentum is from 0 to below 1 (was 1).", cut.Find("[data-field='Aggregation.ServerMomentum'] .mud-input-helper-text").TextContent.Trim()));
        AssertErrorsOnlyAt(cut, "Aggregation.ServerMomentum");
        Assert.Empty(await StoredJobsAsync());
    }

    [Fact]
    public void Choose_FedProx_ShowsOnlyTheSettingItReads()
    {
        var cut = Render<NewJob>();

        Choose(cut, AggregationRule.FedProx);

        cut.WaitForAssertion(() => Assert.Equal(["Aggregation.Rule", "Aggregation.ProximalMu"],
            cut.FindAll("[data-field^='Aggregation.']").Select(e => e.GetAttribute("data-field")).Distinct()));
    }
}
