using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Orchestration.Governance.Policies;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Components;

/// <summary>A real round aggregated under a round budget of 0.25 EUR that stops paying; the page shows what each result earned.</summary>
public sealed class RoundRewardColumnTests : DashboardComponentTest
{
    private Round _round = null!;

    protected override async Task ArrangeAsync()
    {
        await using (var db = Host.Db())
        {
            var program = await db.RewardPrograms.SingleAsync();
            await Host.Get<PolicyChanges>().ChangeRewardPolicyAsync(TestData.Operator, program.Policy with
            {
                BaseAmount = 0.10m,
                Size = new() { Weight = 0 },
                Recency = new() { Weight = 0 },
                Frequency = new() { Weight = 0 },
                RoundBudget = 0.25m,
                BudgetRule = BudgetRule.StopPaying,
            }, program.PolicyRevision);
        }
        var job = await Host.Get<JobLauncher>().LaunchAsync("reward column", TestData.Settings(clientFraction: 0.25));
        _round = await Host.StartRoundByHandAsync(job.Id);
        await Host.TrainAllAsync(_round);
        await Host.Get<RoundAggregator>().AggregateAsync(_round.Id);
    }

    [Fact]
    public async Task Render_RoundRewardedWhileOpen_ShowsEachRewardAndWhoTheBudgetCut()
    {
        var cut = Render<RoundDetailPage>(parameters => parameters.Add(page => page.RoundId, _round.Id));
        cut.WaitForAssertion(() => Assert.Contains("rewards pending", cut.Find("[data-testid='rewarded']").TextContent));

        await Host.Get<RoundRewarding>().RewardAsync(_round.Id);

        cut.WaitForAssertion(() => Assert.Contains("rewarded", cut.Find("[data-testid='rewarded']").TextContent));
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-reward]").Count(c => c.TextContent.Contains("EUR"))));
        var amounts = cut.FindAll("[data-reward]").Select(c => c.TextContent).ToList();
        Assert.Equal(2, amounts.Count(a => a.Contains("0.1000 EUR") && !a.Contains("budget ran out")));
        Assert.Equal(3, cut.FindAll("[data-adjustment='BudgetExhausted']").Count);
    }
}
