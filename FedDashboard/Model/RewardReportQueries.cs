using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

/// <summary>
/// The rewards report: every figure is added up by the database (GROUP BY), so the ledger never comes to the page;
/// the tables that may run to thousands of rows (terminals, rounds) are read a page at a time.
/// </summary>
public sealed class RewardReportQueries(IDbContextFactory<FedDbContext> dbFactory)
{
    public async Task<RewardReport> LoadAsync(LedgerFilter filter, ReportPeriod period, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = filter.Apply(db);
        var policy = await db.RewardPrograms.AsNoTracking().Select(p => p.Policy).SingleAsync(ct);
        var edges = await (from s in LedgerSum.By(entries.Select(e => new Keyed<int> { Key = e.EdgeId, Currency = e.Currency, Kind = e.Kind, Amount = e.Amount }))
                           join edge in db.EdgeServers on s.Key equals edge.Id
                           orderby edge.Name, s.Currency
                           select new EdgeTotal(edge.Id, edge.Name, s.Currency, s.Entries, s.Rewarded, s.Corrections)).ToListAsync(ct);
        var tiers = await (from s in LedgerSum.By(from e in entries
                                                  join terminal in db.Terminals on e.TerminalId equals terminal.Id
                                                  select new Keyed<Core.Domain.Topology.HardwareTier> { Key = terminal.Tier, Currency = e.Currency, Kind = e.Kind, Amount = e.Amount })
                           select new TierTotal(s.Key, s.Currency, s.Entries, s.Rewarded, s.Corrections)).ToListAsync(ct);
        var periods = await (from s in LedgerSum.By(LedgerPeriods.Keyed(entries, period))
                             orderby s.Key, s.Currency
                             select new PeriodTotal(s.Key, s.Currency, s.Entries, s.Rewarded, s.Corrections)).ToListAsync(ct);
        return new RewardReport(await TotalsAsync(db, entries, ct), edges, [.. tiers.OrderBy(t => t.Tier).ThenBy(t => t.Currency)], periods,
            policy, await BudgetsAsync(db, entries, policy.Currency, ct));
    }

    public async Task<ReportPage<TerminalTotal>> TerminalsAsync(LedgerFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = from s in LedgerSum.By(filter.Apply(db).Select(e => new Keyed<int> { Key = e.TerminalId, Currency = e.Currency, Kind = e.Kind, Amount = e.Amount }))
                   join terminal in db.Terminals on s.Key equals terminal.Id
                   orderby s.Rewarded + s.Corrections descending, terminal.Name, s.Currency
                   select new TerminalTotal(terminal.Id, terminal.Name, terminal.Tier, s.Currency, s.Entries, s.Rewarded, s.Corrections);
        return await PageAsync(rows, page, pageSize, ct);
    }

    public async Task<ReportPage<RoundTotal>> RoundsAsync(LedgerFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = from s in LedgerSum.By(filter.Apply(db).Select(e => new Keyed<int> { Key = e.RoundId, Currency = e.Currency, Kind = e.Kind, Amount = e.Amount }))
                   join round in db.Rounds on s.Key equals round.Id
                   join job in db.TrainingJobs on round.JobId equals job.Id
                   orderby round.JobId descending, round.Number descending, s.Currency
                   select new RoundTotal(round.Id, job.Name, round.Number, s.Currency, s.Entries, s.Rewarded, s.Corrections);
        return await PageAsync(rows, page, pageSize, ct);
    }

    /// <summary>The jobs and edges the filter can choose, newest job first.</summary>
    public async Task<(IReadOnlyList<ReportChoice> Jobs, IReadOnlyList<ReportChoice> Edges)> ChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReportChoices.LoadAsync(db, ct);
    }

    private static async Task<List<CurrencyTotals>> TotalsAsync(FedDbContext db, IQueryable<RewardEntry> entries, CancellationToken ct) =>
        await (from e in entries
               join item in db.PayoutBatchItems.Where(i => !i.Released) on e.Id equals item.EntryId into held
               from item in held.DefaultIfEmpty()
               group new { e.Kind, e.Amount, e.TerminalId, Held = item != null } by e.Currency into g
               orderby g.Key
               select new CurrencyTotals(g.Key, g.Count(),
                   g.Sum(x => x.Kind == RewardKind.Reward ? x.Amount : 0),
                   g.Sum(x => x.Kind == RewardKind.Correction ? x.Amount : 0),
                   g.Where(x => x.Kind == RewardKind.Reward && x.Amount > 0).Select(x => x.TerminalId).Distinct().Count(),
                   g.Sum(x => x.Held ? 0 : x.Amount))).ToListAsync(ct);

    /// <summary>Budgets are per job, so a job the filter touches is counted over its whole ledger, whatever the period or edge.</summary>
    private static async Task<List<JobBudgetStatus>> BudgetsAsync(FedDbContext db, IQueryable<RewardEntry> entries, string currency, CancellationToken ct)
    {
        var jobIds = entries.Select(e => e.JobId).Distinct();
        var sums = from e in db.RewardEntries.ThatCount(db).Where(e => jobIds.Contains(e.JobId))
                   group e by e.JobId into g
                   select new
                   {
                       JobId = g.Key,
                       Spent = g.Sum(e => e.Currency == currency ? e.Amount : 0),
                       Rewards = g.Count(e => e.Kind == RewardKind.Reward),
                       Capped = g.Count(e => e.Adjustment == RewardAdjustment.Capped),
                       Scaled = g.Count(e => e.Adjustment == RewardAdjustment.ScaledProRata),
                       Exhausted = g.Count(e => e.Adjustment == RewardAdjustment.BudgetExhausted),
                   };
        return await (from s in sums
                      join job in db.TrainingJobs on s.JobId equals job.Id
                      orderby job.Id descending
                      select new JobBudgetStatus(job.Id, job.Name, s.Spent, s.Rewards, s.Capped, s.Scaled, s.Exhausted)).ToListAsync(ct);
    }

    private static async Task<ReportPage<T>> PageAsync<T>(IQueryable<T> rows, int page, int pageSize, CancellationToken ct) =>
        new(await rows.Skip(page * pageSize).Take(pageSize).ToListAsync(ct), await rows.CountAsync(ct));
}
