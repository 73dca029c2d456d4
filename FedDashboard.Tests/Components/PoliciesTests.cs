using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Tests.Components;

public sealed class PoliciesTests : DashboardComponentTest
{
    protected override Task ArrangeAsync()
    {
        Services.AddSingleton(Host.Get<PolicyChanges>());
        SignIn(TestData.Operator);
        return Task.CompletedTask;
    }

    private const string Form = "[data-edge='edge-1']";

    private async Task<EdgeServer> StoredEdgeAsync()
    {
        await using var db = Host.Db();
        return await db.EdgeServers.AsNoTracking().SingleAsync(e => e.Name == "edge-1");
    }

    private IRenderedComponent<Policies> RenderPolicies()
    {
        var cut = Render<Policies>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"{Form} [data-action='save']")));
        return cut;
    }

    private static void Save(IRenderedComponent<Policies> cut) => cut.Find($"{Form} [data-action='save']").Click();

    [Fact]
    public async Task Save_NegativeLoadLimit_ShowsErrorAtFieldAndStoresNothing()
    {
        var cut = RenderPolicies();

        cut.Find($"{Form} [data-field='MaxCpuLoad'] input").Change("-0.5");
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("maximum CPU load is a fraction from 0 to 1", cut.Find($"{Form} [data-field='MaxCpuLoad']").TextContent));
        var stored = await StoredEdgeAsync();
        Assert.Equal(0, stored.PolicyRevision);
        Assert.Null(stored.Policy.MaxCpuLoad);
    }

    [Fact]
    public async Task Save_TierWidthsThatDoNotNest_ShowsErrorAtTiersAndStoresNothing()
    {
        var cut = RenderPolicies();

        // Tier 1 as wide as tier 0: the narrower model would not nest in the wider one.
        cut.Find($"{Form} [data-tier='1'] td:nth-child(2) input").Change("1");
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("must be narrower than tier 0", cut.Find($"{Form} [data-error='Tiers']").TextContent));
        var stored = await StoredEdgeAsync();
        Assert.Equal(0, stored.PolicyRevision);
        Assert.Equal(0.5, stored.Policy.Tiers[1].Width);
    }

    [Fact]
    public async Task Save_EmptyGroupRule_ShowsErrorAtTheGroupAndStoresNothing()
    {
        var cut = RenderPolicies();

        cut.Find($"{Form} [data-action='add-group']").Click();
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("A group needs a name.", cut.Find($"{Form} [data-error='Groups[0]']").TextContent));
        Assert.Contains("needs a value to match", cut.Find($"{Form} [data-error='Groups[0]']").TextContent);
        var stored = await StoredEdgeAsync();
        Assert.Equal(0, stored.PolicyRevision);
        Assert.Empty(stored.Policy.Groups);
    }

    [Fact]
    public async Task Save_ValidChange_StoresPolicyAndBumpsRevision()
    {
        var cut = RenderPolicies();

        cut.Find($"{Form} [data-field='MaxCpuLoad'] input").Change("0.7");
        cut.Find($"{Form} [data-field='ReplaceBelowSpeed'] input").Change("150");
        Save(cut);

        cut.WaitForAssertion(() => Assert.StartsWith("revision 1, changed", cut.Find($"{Form} [data-testid='revision']").TextContent.Trim()));
        var stored = await StoredEdgeAsync();
        Assert.Equal(1, stored.PolicyRevision);
        Assert.Equal(0.7, stored.Policy.MaxCpuLoad);
        Assert.Equal(150, stored.Policy.ReplaceBelowSpeed);
        Assert.NotNull(stored.PolicyChangedAt);
        Assert.Empty(cut.FindAll($"{Form} .mud-input-error"));
    }

    [Fact]
    public async Task Save_ValidationAccuracyAboveOne_ShowsErrorAtFieldAndStoresNothing()
    {
        var cut = RenderPolicies();

        cut.Find($"{Form} [data-field='Evaluation.MinValidationAccuracy'] input").Change("1.5");
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("minimum validation accuracy is a fraction from 0 to 1", cut.Find($"{Form} [data-field='Evaluation.MinValidationAccuracy']").TextContent));
        Assert.Empty(cut.FindAll($"{Form} [data-field='Evaluation.MaxNormRatio'] .mud-input-error"));
        var stored = await StoredEdgeAsync();
        Assert.Equal(0, stored.PolicyRevision);
        Assert.Null(stored.Policy.Evaluation.MinValidationAccuracy);
    }

    [Fact]
    public async Task Save_NormRatioBelowOne_ShowsErrorAtFieldAndStoresNothing()
    {
        var cut = RenderPolicies();

        cut.Find($"{Form} [data-field='Evaluation.MaxNormRatio'] input").Change("0.5");
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("at least 1", cut.Find($"{Form} [data-field='Evaluation.MaxNormRatio']").TextContent));
        Assert.Equal(0, (await StoredEdgeAsync()).PolicyRevision);
    }

    [Fact]
    public async Task Save_EvaluationBounds_StoresThemForTheNextRound()
    {
        var cut = RenderPolicies();

        cut.Find($"{Form} [data-field='Evaluation.MinValidationAccuracy'] input").Change("0.6");
        cut.Find($"{Form} [data-field='Evaluation.AllowedApps'] input").Change("camera, health");
        cut.Find($"{Form} [data-field='Evaluation.AllowedTypes'] input[data-type='Tablet']").Change(true);
        Save(cut);

        cut.WaitForAssertion(() => Assert.StartsWith("revision 1, changed", cut.Find($"{Form} [data-testid='revision']").TextContent.Trim()));
        var evaluation = (await StoredEdgeAsync()).Policy.Evaluation;
        Assert.Equal(0.6, evaluation.MinValidationAccuracy);
        Assert.Equal(["camera", "health"], evaluation.AllowedApps);
        Assert.Equal([TerminalType.Tablet], evaluation.AllowedTypes);
    }
}
