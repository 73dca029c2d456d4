using AngleSharp.Dom;
using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Tests.Components;

/// <summary>The reward policy's form on the Policies page, saved to the real database.</summary>
public sealed class RewardPolicyTabTests : DashboardComponentTest
{
    protected override Task ArrangeAsync()
    {
        Services.AddSingleton(Host.Get<PolicyChanges>());
        SignIn(TestData.Operator);
        return Task.CompletedTask;
    }

    private const string Form = "[data-policy='rewards']";

    private async Task<IRenderedComponent<Policies>> RenderRewardTabAsync()
    {
        var cut = Render<Policies>();
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-tab"), t => t.TextContent.Contains("Rewards")));
        // Found and clicked in one dispatch: the tabs re-render as the page's other forms load.
        await cut.InvokeAsync(() => cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Rewards")).Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"{Form} [data-action='save']")));
        return cut;
    }

    private static IElement Field(IRenderedComponent<Policies> cut, string name) => cut.Find($"{Form} [data-field='{name}']");

    private async Task<RewardProgram> StoredAsync()
    {
        await using var db = Host.Db();
        return await db.RewardPrograms.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task Save_CapBelowTheBase_ShowsErrorAtTheCapAndStoresNothing()
    {
        var cut = await RenderRewardTabAsync();

        Field(cut, "BaseAmount").QuerySelector("input")!.Change("2");
        Field(cut, "CapPerTerminal").QuerySelector("input")!.Change("1");
        cut.Find($"{Form} [data-action='save']").Click();

        cut.WaitForAssertion(() => Assert.Contains("The cap per terminal is at least the base amount (2)", Field(cut, "CapPerTerminal").TextContent));
        var stored = await StoredAsync();
        Assert.Equal((0, RewardPolicy.Default.BaseAmount, (decimal?)null), (stored.PolicyRevision, stored.Policy.BaseAmount, stored.Policy.CapPerTerminal));
    }

    [Fact]
    public async Task Save_NegativeBaseAndBadCurrency_BothErrorsAtTheirFields()
    {
        var cut = await RenderRewardTabAsync();

        Field(cut, "BaseAmount").QuerySelector("input")!.Change("-1");
        Field(cut, "Currency").QuerySelector("input")!.Change("euro");
        cut.Find($"{Form} [data-action='save']").Click();

        cut.WaitForAssertion(() => Assert.Contains("The base amount is from 0", Field(cut, "BaseAmount").TextContent));
        Assert.Contains("three-letter ISO 4217 code", Field(cut, "Currency").TextContent);
        Assert.Equal(0, (await StoredAsync()).PolicyRevision);
    }

    [Fact]
    public async Task Save_ValidChange_StoresTheNextRevisionAndAuditsIt()
    {
        var cut = await RenderRewardTabAsync();

        Field(cut, "JobBudget").QuerySelector("input")!.Change("250");
        cut.Find($"{Form} [data-action='save']").Click();

        cut.WaitForAssertion(() => Assert.Contains("revision 1", cut.Find($"{Form} [data-testid='revision']").TextContent));
        var stored = await StoredAsync();
        Assert.Equal((1, (decimal?)250m), (stored.PolicyRevision, stored.Policy.JobBudget));
        await using var db = Host.Db();
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.PolicyChanged && e.Subject == AuditSubject.RewardPolicy);
        Assert.Equal((TestData.Operator.Name, AuditOutcome.Done), (audit.Actor, audit.Outcome));
    }
}
