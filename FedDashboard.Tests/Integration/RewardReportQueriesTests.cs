using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace FedDashboard.Tests.Integration;

/// <summary>The report's sums, added up by the database, against the same sums over the hand-written entries, correction included.</summary>
public sealed class RewardReportQueriesTests : LedgerTest
{
    private RewardReportQueries Queries => new(Host.Get<IDbContextFactory<FedDbContext>>());

    private LedgerFilter Job => new() { JobId = Ledger.Job.Id };

    /// <summary>(rewarded, corrections) of the entries per key and currency, as the report should have them.</summary>
    private Dictionary<(T, string), (int Entries, decimal Rewarded, decimal Corrections)> Expected<T>(Func<RewardEntry, T> key) where T : notnull =>
        Ledger.Entries.GroupBy(e => (key(e), e.Currency)).ToDictionary(g => g.Key, g => (
            g.Count(),
            g.Where(e => e.Kind == RewardKind.Reward).Sum(e => e.Amount),
            g.Where(e => e.Kind == RewardKind.Correction).Sum(e => e.Amount)));

    private static Dictionary<(T, string), (int, decimal, decimal)> Actual<T>(IEnumerable<LedgerSums> sums, Func<LedgerSums, T> key) where T : notnull =>
        sums.ToDictionary(s => (key(s), s.Currency), s => (s.Entries, s.Rewarded, s.Corrections));

    [Fact]
    public async Task LoadAsync_HandWrittenLedger_TotalsPerCurrencyEqualTheEntries()
    {
        var report = await Queries.LoadAsync(Job, ReportPeriod.Day);

        var eur = report.Totals.Single(t => t.Currency == "EUR");
        var eurEntries = Ledger.Entries.Where(e => e.Currency == "EUR").ToList();
        Assert.Equal(eurEntries.Count, eur.Entries);
        Assert.Equal(eurEntries.Where(e => e.Kind == RewardKind.Reward).Sum(e => e.Amount), eur.Rewarded);
        Assert.Equal(-0.0500m, eur.Corrections);
        Assert.Equal(eurEntries.Sum(e => e.Amount), eur.Total);
        Assert.Equal(eurEntries.Where(e => e.Kind == RewardKind.Reward && e.Amount > 0).Select(e => e.TerminalId).Distinct().Count(), eur.TerminalsPaid);
        var batched = Ledger.BatchEntryIds.ToHashSet();
        Assert.Equal(eurEntries.Where(e => !batched.Contains(e.Id)).Sum(e => e.Amount), eur.NotInBatch);
        Assert.Equal(("USD", 1, 2.5000m), (report.Totals[1].Currency, report.Totals[1].Entries, report.Totals[1].Total));
    }

    [Fact]
    public async Task TerminalsAsync_PagesOfThree_TogetherEqualTheSumsPerTerminal()
    {
        var rows = new List<TerminalTotal>();
        var first = await Queries.TerminalsAsync(Job, 0, 3);
        rows.AddRange(first.Items);
        for (var page = 1; page * 3 < first.Total; page++) rows.AddRange((await Queries.TerminalsAsync(Job, page, 3)).Items);

        Assert.Equal(Expected(e => e.TerminalId), Actual(rows, s => ((TerminalTotal)s).TerminalId));
        Assert.Equal(rows.OrderByDescending(r => r.Total).Select(r => r.Total), rows.Select(r => r.Total));
    }

    [Fact]
    public async Task RoundsAsync_HandWrittenLedger_SumsPerRoundEqualTheEntries()
    {
        var page = await Queries.RoundsAsync(Job, 0, 50);

        Assert.Equal(Expected(e => e.RoundId), Actual(page.Items, s => ((RoundTotal)s).RoundId));
        Assert.Equal([3, 3, 2, 1], page.Items.Select(r => r.Round));
    }

    [Fact]
    public async Task LoadAsync_HandWrittenLedger_SumsPerEdgeAndTierEqualTheEntries()
    {
        await using var db = Host.Db();
        var tiers = await db.Terminals.ToDictionaryAsync(t => t.Id, t => t.Tier);

        var report = await Queries.LoadAsync(Job, ReportPeriod.Day);

        Assert.Equal(Expected(e => e.EdgeId), Actual(report.Edges, s => ((EdgeTotal)s).EdgeId));
        Assert.Equal(Expected(e => tiers[e.TerminalId]), Actual(report.Tiers, s => ((TierTotal)s).Tier));
    }

    [Theory]
    [InlineData(ReportPeriod.Day, "2026-10-30,2026-11-02,2026-11-03")]
    [InlineData(ReportPeriod.Week, "2026-10-26,2026-11-02")]
    [InlineData(ReportPeriod.Month, "2026-10-01,2026-11-01")]
    public async Task LoadAsync_Period_SumsPerPeriodEqualTheEntries(ReportPeriod period, string starts)
    {
        var report = await Queries.LoadAsync(Job, period);

        var days = starts.Split(',').Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var expected = Expected(e => days.Last(d => d <= DateOnly.FromDateTime(e.CreatedAt.UtcDateTime)));
        Assert.Equal(expected, Actual(report.Periods, s => ((PeriodTotal)s).Start));
    }

    [Fact]
    public async Task LoadAsync_HandWrittenLedger_BudgetStatusCountsWhatTheCapAndBudgetsDid()
    {
        var report = await Queries.LoadAsync(new LedgerFilter { EdgeId = Ledger.Entries[0].EdgeId }, ReportPeriod.Day);

        var status = Assert.Single(report.Budgets);
        Assert.Equal(Ledger.Job.Id, status.JobId);
        Assert.Equal(Ledger.Entries.Where(e => e.Currency == report.Policy.Currency).Sum(e => e.Amount), status.Spent);
        Assert.Equal((9, 1, 1, 1), (status.Rewards, status.Capped, status.ScaledProRata, status.BudgetExhausted));
    }

    [Fact]
    public async Task LoadAsync_EdgeFilter_OnlyThatEdgesEntries()
    {
        var edge = Ledger.Entries[0].EdgeId;

        var report = await Queries.LoadAsync(Job with { EdgeId = edge }, ReportPeriod.Day);

        Assert.Equal(Ledger.Entries.Where(e => e.EdgeId == edge).Sum(e => e.Amount), report.Totals.Sum(t => t.Total));
        Assert.Equal([edge], report.Edges.Select(e => e.EdgeId).Distinct());
    }
}
