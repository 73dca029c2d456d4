using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Components;

/// <summary>A terminal's rewards on its page after one real rewarded round, and an operator's correction of one line.</summary>
public sealed class TerminalRewardsTests : DashboardComponentTest
{
    private RewardEntry _reward = null!;

    protected override async Task ArrangeAsync()
    {
        var job = await Host.Get<JobLauncher>().LaunchAsync("ledger", TestData.Settings(clientFraction: 0.25));
        var round = await Host.RunRoundByHandAsync(job.Id);
        await using var db = Host.Db();
        _reward = await db.RewardEntries.Where(e => e.RoundId == round.Id).OrderBy(e => e.Id).FirstAsync();
    }

    private IRenderedComponent<TerminalDetailPage> RenderTerminal()
    {
        var cut = Render<TerminalDetailPage>(parameters => parameters.Add(page => page.TerminalId, _reward.TerminalId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-line='{_reward.Id}']")));
        return cut;
    }

    private static async Task CorrectAsync(IRenderedComponent<TerminalDetailPage> cut, long line, string amount, string reason)
    {
        // Found and clicked in one dispatch: the page renders again as its parts finish loading.
        await cut.InvokeAsync(() => cut.Find($"[data-line='{line}']").ParentElement!.QuerySelector("[data-action='correct']")!.Click());
        cut.WaitForElement("[data-field='amount'] input").Change(amount);
        cut.Find("[data-field='reason'] input").Change(reason);
        cut.Find("[data-action='save-correction']").Click();
    }

    [Fact]
    public async Task Correct_Operator_AddsASignedLineAndTheTotalFollows()
    {
        SignIn(TestData.Operator);
        var cut = RenderTerminal();
        Assert.Contains($"Earned {_reward.Amount:0.0000} EUR over 1 ledger lines", cut.Find("[data-testid='reward-totals']").TextContent);

        await CorrectAsync(cut, _reward.Id, "-0.01", "Shard counted twice");

        cut.WaitForAssertion(() => Assert.Contains($"Earned {_reward.Amount - 0.01m:0.0000} EUR over 2 ledger lines", cut.Find("[data-testid='reward-totals']").TextContent));
        Assert.Contains($"correction of line {_reward.Id} by olivia", cut.Find("[data-testid='ledger']").TextContent);
        await using var db = Host.Db();
        Assert.Equal(-0.01m, (await db.RewardEntries.SingleAsync(e => e.CorrectsEntryId == _reward.Id)).Amount);
    }

    [Fact]
    public async Task Correct_WithoutReason_ShowsWhyAndAddsNothing()
    {
        SignIn(TestData.Operator);
        var cut = RenderTerminal();

        await CorrectAsync(cut, _reward.Id, "0.05", "");

        cut.WaitForAssertion(() => Assert.Contains("A correction needs a reason.", ReasonHelpText(cut)));
        await using var db = Host.Db();
        Assert.False(await db.RewardEntries.AnyAsync(e => e.CorrectsEntryId == _reward.Id));
    }

    [Fact]
    public async Task Correct_ReasonOverTheLimit_ShowsWhyAtTheReasonAuditsAndAddsNothing()
    {
        SignIn(TestData.Operator);
        var cut = RenderTerminal();

        await CorrectAsync(cut, _reward.Id, "0.05", new string('r', RewardEntry.MaxNoteLength + 1));

        cut.WaitForAssertion(() => Assert.Contains($"A correction's reason has at most {RewardEntry.MaxNoteLength} characters (was {RewardEntry.MaxNoteLength + 1}).", ReasonHelpText(cut)));
        await using var db = Host.Db();
        Assert.False(await db.RewardEntries.AnyAsync(e => e.CorrectsEntryId == _reward.Id));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actor == TestData.Operator.Name && e.Action == AuditAction.RequestRefused && e.Detail!.Contains("reason has at most")));
    }

    /// <summary>What the reason field says under itself: its counter, and Core's refusal when there is one.</summary>
    private static string ReasonHelpText(IRenderedComponent<TerminalDetailPage> cut) =>
        cut.Find("[data-field='reason'] .mud-input-control-helper-container").TextContent;

    [Fact]
    public void Render_Viewer_NoCorrectButton()
    {
        SignIn(TestData.Viewer);

        var cut = RenderTerminal();

        Assert.Empty(cut.FindAll("[data-action='correct']"));
    }
}
