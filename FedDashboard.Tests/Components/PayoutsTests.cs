using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Core.Orchestration.Training;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FedDashboard.Tests.Components;

/// <summary>
/// The payouts page over three unpaid EUR entries of today, on two terminals: a reward of 1.00 for the first, and for
/// the second a reward of 1.50 and a correction adding 2.00.
/// </summary>
public sealed class PayoutsTests : DashboardComponentTest
{
    private int _first, _second;

    private PayoutBatches Batches => Host.Get<PayoutBatches>();

    protected override async Task ArrangeAsync()
    {
        Services.AddSingleton(Batches);
        var round = await Host.StartRoundByHandAsync((await Host.Get<JobLauncher>().LaunchAsync("payouts page", TestData.Settings())).Id);
        await using var db = Host.Db();
        var terminals = await db.Terminals.OrderBy(t => t.Id).Take(2).Select(t => t.Id).ToListAsync();
        (_first, _second) = (terminals[0], terminals[1]);
        var edge = await db.EdgeServers.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        await db.AddRewardAsync(round.JobId, round.Id, _first, edge, 1m, now);
        await db.AddCorrectionAsync(await db.AddRewardAsync(round.JobId, round.Id, _second, edge, 1.5m, now), 2m, now);
    }

    private IRenderedComponent<Payouts> RenderPage()
    {
        var cut = Render<Payouts>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='batches']")));
        return cut;
    }

    private async Task<PayoutBatch> StoredAsync()
    {
        await using var db = Host.Db();
        return await db.PayoutBatches.AsNoTracking().SingleAsync();
    }

    [Fact]
    public void Render_AsOperator_PreviewsTheUnpaidEntriesOfThisMonth()
    {
        SignIn(TestData.Operator);

        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Contains("Takes 3 unpaid entries, total 4.50 EUR.", cut.Find("[data-testid='preview']").TextContent));
        Assert.False(cut.Find("[data-action='create-batch']").HasAttribute("disabled"));
    }

    [Fact]
    public void ChangeCurrency_NotACurrencyCode_ErrorAtTheFieldAndNoCreate()
    {
        SignIn(TestData.Operator);
        var cut = RenderPage();

        cut.Find("[data-field='Currency'] input").Change("eu");

        cut.WaitForAssertion(() => Assert.Contains("The currency is a three-letter ISO 4217 code such as EUR (was 'eu').", cut.Find("[data-field='Currency']").TextContent));
        Assert.True(cut.Find("[data-action='create-batch']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ClickCreate_AsOperator_StoresTheBatchAndShowsItsTerminalsAndDownloads()
    {
        SignIn(TestData.Operator);
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-action='create-batch']").HasAttribute("disabled")));

        await cut.Find("[data-action='create-batch']").ClickAsync(new());

        var stored = await StoredAsync();
        Assert.Equal((PayoutBatchStatus.Pending, 3, 4.5m), (stored.Status, stored.EntryCount, stored.Total));
        cut.WaitForAssertion(() => Assert.Equal(stored.Id.ToString(), cut.Find("[data-testid='batch-detail']").GetAttribute("data-batch")));
        Assert.Equal([("1", "1.00 EUR"), ("2", "3.50 EUR")], [.. new[] { _first, _second }.Select(t =>
        {
            var cells = cut.FindAll($"[data-terminal='{t}'] td");
            return (cells[1].TextContent.Trim(), cells[2].TextContent.Trim());
        })]);
        Assert.Equal($"rewards/ledger.csv?batch={stored.Id}", cut.Find("[data-action='download-csv']").GetAttribute("href"));
        Assert.Equal($"rewards/ledger.xlsx?batch={stored.Id}", cut.Find("[data-action='download-xlsx']").GetAttribute("href"));
        Assert.Contains("No unpaid entries match", cut.Find("[data-testid='preview']").TextContent);
    }

    [Fact]
    public async Task Render_AsItsCreatorWithApproverRole_DecisionButtonsDisabledSayingWhy()
    {
        var batch = await Batches.CreateAsync(TestData.Operator, new(null, null, null, null), "EUR");
        SignIn(TestData.OperatorWhoApproves);

        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.True(cut.Find($"[data-action='approve-{batch.Id}']").HasAttribute("disabled")));
        Assert.True(cut.Find($"[data-action='reject-{batch.Id}']").HasAttribute("disabled"));
        Assert.Equal("You made this batch; another approver decides on it.", cut.Find($"[data-hint='{batch.Id}']").TextContent.Trim());
    }

    [Fact]
    public async Task ClickReject_AsApproverWithAReason_RejectsAndReleasesTheEntries()
    {
        var batch = await Batches.CreateAsync(TestData.Operator, new(null, null, null, null), "EUR");
        SignIn(TestData.Approver);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage();

        // The click's handler waits for the dialog, so it completes only once the dialog is confirmed.
        var clicked = cut.Find($"[data-action='reject-{batch.Id}']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.True(dialogs.Find("[data-action='dialog-confirm']").HasAttribute("disabled")));
        dialogs.Find("[data-field='dialog-text'] input").Input("split by edge");
        await dialogs.Find("[data-action='dialog-confirm']").ClickAsync(new());
        await clicked;

        cut.WaitForAssertion(() => Assert.Contains("arthur", cut.Find($"[data-decision='{batch.Id}']").TextContent));
        Assert.Equal((PayoutBatchStatus.Rejected, "split by edge"), ((await StoredAsync()).Status, (await StoredAsync()).DecisionComment));
        Assert.Equal(3, (await Batches.PreviewAsync(new(null, null, null, null), "EUR")).Count);
    }

    [Fact]
    public async Task Render_PaidBatchAsApprover_NoStepOffered()
    {
        var batch = await Batches.CreateAsync(TestData.Operator, new(null, null, null, null), "EUR");
        await Batches.ApproveAsync(TestData.Approver, batch.Id, null);
        await Batches.MarkPaidAsync(TestData.Operator, batch.Id, "SEPA-7");
        SignIn(TestData.Approver);

        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Contains("SEPA-7", cut.Find($"[data-payment='{batch.Id}']").TextContent));
        Assert.Empty(cut.FindAll($"[data-action$='-{batch.Id}']"));
        Assert.Equal("Paid", cut.Find("[data-status='Paid']").TextContent.Trim());
    }

    [Fact]
    public void Render_AsViewer_NoCreateFormButWhy()
    {
        SignIn(TestData.Viewer);

        var cut = RenderPage();

        Assert.Empty(cut.FindAll("[data-testid='create-batch']"));
        Assert.Equal("Operators make payout batches; your roles let you follow them.", cut.Find("[data-testid='permission-hint']").TextContent.Trim());
    }
}
