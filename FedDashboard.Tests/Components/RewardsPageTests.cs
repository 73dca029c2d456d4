using Bunit;
using FedDashboard.Components.Pages;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Model;
using FedDashboard.Tests.Shared;
using MudBlazor;

namespace FedDashboard.Tests.Components;

/// <summary>The rewards page on the hand-written ledger (EUR and USD, a correction, a pending payout batch).</summary>
public sealed class RewardsPageTests : DashboardComponentTest
{
    private LedgerArrangement _ledger = null!;

    protected override async Task ArrangeAsync() => _ledger = await LedgerArrangement.CreateAsync(Host.ConnectionString);

    private static string Kpi(IRenderedComponent<Rewards> cut, string label) => cut.Find($"[data-kpi='{label}']").TextContent.Trim();

    private IRenderedComponent<Rewards> RenderLoaded()
    {
        var cut = Render<Rewards>();
        cut.WaitForElement("[data-kpi='Entries (EUR)']");
        return cut;
    }

    [Fact]
    public void Render_HandWrittenLedger_ShowsTheTotalsOfEachCurrency()
    {
        var cut = RenderLoaded();

        var eur = _ledger.Entries.Where(e => e.Currency == "EUR").ToList();
        Assert.Equal(MoneyText.Of(eur.Where(e => e.Kind == RewardKind.Reward).Sum(e => e.Amount), "EUR"), Kpi(cut, "Total rewarded (EUR)"));
        Assert.Equal("-0.0500 EUR", Kpi(cut, "Corrections (EUR)"));
        Assert.Equal(MoneyText.Of(eur.Sum(e => e.Amount), "EUR"), Kpi(cut, "Net total (EUR)"));
        Assert.Equal(eur.Count.ToString("N0"), Kpi(cut, "Entries (EUR)"));
        var batched = _ledger.BatchEntryIds.ToHashSet();
        Assert.Equal(MoneyText.Of(eur.Where(e => !batched.Contains(e.Id)).Sum(e => e.Amount), "EUR"), Kpi(cut, "Not in a payout batch (EUR)"));
        Assert.Equal("2.5000 USD", Kpi(cut, "Total rewarded (USD)"));
    }

    [Fact]
    public void Render_HandWrittenLedger_BudgetStatusShowsWhatTheCapAndBudgetsDid()
    {
        var cut = RenderLoaded();

        var row = cut.Find($"[data-testid='budgets'] [data-job='{_ledger.Job.Id}']");
        Assert.Equal(["1", "1", "1"], new[] { "capped", "scaled", "exhausted" }.Select(c => row.QuerySelector($"[data-{c}]")!.TextContent.Trim()));
    }

    [Fact]
    public void Render_HandWrittenLedger_PerTerminalTableMostPaidFirst()
    {
        var cut = RenderLoaded();

        var rows = _ledger.Entries.Select(e => (e.TerminalId, e.Currency)).Distinct().Count();
        cut.WaitForAssertion(() => Assert.Equal(rows, cut.FindAll("[data-testid='per-terminal'] [data-total]").Count));
        var first = cut.Find("[data-testid='per-terminal'] [data-total]").TextContent.Trim();
        var top = _ledger.Entries.Where(e => e.Currency == "EUR").GroupBy(e => e.TerminalId).Max(g => g.Sum(e => e.Amount));
        Assert.Equal(MoneyText.Of(top, "EUR"), first);
    }

    [Fact]
    public async Task PickDays_ToBeforeFrom_SaysWhyAndShowsNothingElse()
    {
        var cut = RenderLoaded();
        var pickers = cut.FindComponents<MudDatePicker>();

        await cut.InvokeAsync(() => pickers[0].Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 3)));
        await cut.InvokeAsync(() => pickers[1].Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 1)));

        var error = cut.WaitForElement("[data-testid='filter-error']");
        Assert.Contains("The period is inverted: the first day (2026-11-03) is after the last day (2026-11-01).", error.TextContent);
        Assert.Empty(cut.FindAll("[data-kpi]"));
        Assert.Empty(cut.FindAll("[data-testid='per-terminal']"));
        Assert.True(cut.Find("[data-action='export-csv']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task PickDays_NoEntriesInThem_SaysSoAndOffersNoExport()
    {
        var cut = RenderLoaded();
        var pickers = cut.FindComponents<MudDatePicker>();

        await cut.InvokeAsync(() => pickers[0].Instance.DateChanged.InvokeAsync(new DateTime(2030, 1, 1)));

        cut.WaitForElement("[data-testid='no-entries']");
        Assert.True(cut.Find("[data-action='export-csv']").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-action='export-xlsx']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task SelectJob_Exports_LinkTheFilteredLedger()
    {
        var cut = RenderLoaded();
        var job = cut.FindComponents<MudSelect<int?>>()[0];

        await cut.InvokeAsync(() => job.Instance.ValueChanged.InvokeAsync(_ledger.Job.Id));

        cut.WaitForAssertion(() => Assert.Equal($"rewards/ledger.xlsx?job={_ledger.Job.Id}", cut.Find("[data-action='export-xlsx']").GetAttribute("href")));
        Assert.Equal($"rewards/ledger.csv?job={_ledger.Job.Id}", cut.Find("[data-action='export-csv']").GetAttribute("href"));
    }

    [Fact]
    public async Task RoundRewarded_AfterTheReportLoaded_SaysHowManyAndRefreshAddsThemUp()
    {
        var cut = RenderLoaded();

        await Host.Get<ILivePublisher>().PublishAsync(new RoundRewarded(_ledger.Job.Id, _ledger.Rounds[0].Id, 3, 0.3m, "EUR", DateTimeOffset.UtcNow));

        cut.WaitForAssertion(() => Assert.StartsWith("3 new rewards since this report was added up.", cut.Find("[data-testid='new-rewards']").TextContent.Trim()));
        await cut.InvokeAsync(() => cut.Find("[data-action='refresh']").Click());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid='new-rewards']")));
    }

    [Fact]
    public async Task Dispose_RenderedRewardsPage_EndsItsFeedSubscription()
    {
        var before = Feed.SubscriberCount;
        RenderLoaded();
        Assert.Equal(before + 1, Feed.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(before, Feed.SubscriberCount);
    }
}
