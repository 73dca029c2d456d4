using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Domain.Topology;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Model;

/// <summary>What a batch holds for one terminal: its entries (rewards and corrections) and their sum.</summary>
public sealed record PayoutTerminalSum(int TerminalId, string Terminal, int Entries, decimal Total);

/// <summary>The choices of the create form: edges and jobs, and the currencies the ledger has, most used first.</summary>
public sealed record PayoutFormOptions(IReadOnlyList<ReportChoice> Edges, IReadOnlyList<ReportChoice> Jobs, IReadOnlyList<string> Currencies);

public sealed class PayoutQueries(IDbContextFactory<FedDbContext> dbFactory)
{
    /// <summary>The newest batches first.</summary>
    public async Task<IReadOnlyList<PayoutBatch>> ListAsync(int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PayoutBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>The entries the batch took, summed per terminal; a rejected batch shows what it held before it released them.</summary>
    public async Task<IReadOnlyList<PayoutTerminalSum>> TerminalsAsync(int batchId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
                from i in db.PayoutBatchItems
                where i.BatchId == batchId
                join e in db.RewardEntries on i.EntryId equals e.Id
                join t in db.Terminals on e.TerminalId equals t.Id
                group e by new { t.Id, t.Name } into terminal
                orderby terminal.Key.Name
                select new PayoutTerminalSum(terminal.Key.Id, terminal.Key.Name, terminal.Count(), terminal.Sum(e => e.Amount)))
            .ToListAsync(ct);
    }

    public async Task<PayoutFormOptions> OptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (jobs, edges) = await ReportChoices.LoadAsync(db, ct);
        var currencies = await db.RewardEntries.GroupBy(e => e.Currency).OrderByDescending(g => g.Count()).Select(g => g.Key).ToListAsync(ct);
        return new(edges, jobs, currencies);
    }
}
