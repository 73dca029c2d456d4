using CsvHelper;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Orchestration.Reports.Spreadsheets;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace FedDashboard.Core.Orchestration.Rewards.Reports;

/// <summary>Ledger entries, oldest first, streamed row by row from the database into CSV or XLSX (the dashboard's exports, the ledger benchmark).</summary>
public static class LedgerExport
{
    /// <param name="entries">Which entries, from <paramref name="db"/>.</param>
    public static IAsyncEnumerable<LedgerRow> Rows(FedDbContext db, IQueryable<RewardEntry> entries) =>
        (from e in entries
         join round in db.Rounds on e.RoundId equals round.Id
         join job in db.TrainingJobs on e.JobId equals job.Id
         join terminal in db.Terminals on e.TerminalId equals terminal.Id
         join edge in db.EdgeServers on e.EdgeId equals edge.Id
         // The database keeps an entry in at most one batch that has not released it, so this adds no rows.
         join item in db.PayoutBatchItems.Where(i => !i.Released) on e.Id equals item.EntryId into held
         from item in held.DefaultIfEmpty()
         join batch in db.PayoutBatches on item.BatchId equals batch.Id into batches
         from batch in batches.DefaultIfEmpty()
         orderby e.Id
         // Shaped on this side (EF calls Of per row as it reads), so the time keeps its exact UTC value.
         select LedgerRow.Of(e, job.Name, round.Number, terminal.Name, terminal.Tier, edge.Name, (int?)batch.Id, (PayoutBatchStatus?)batch.Status)).AsAsyncEnumerable();

    public static async Task WriteCsvAsync(IAsyncEnumerable<LedgerRow> rows, Stream target, CancellationToken ct)
    {
        // Correction reasons and user names are typed by people: a leading "=" must not run as a formula when finance opens the file.
        await using var csv = CsvWriter.Create(target, CsvWriterOptions.Default with
        {
            FormatProvider = CultureInfo.InvariantCulture,
            Injection = CsvInjection.Escape,
        }, leaveOpen: true);
        await csv.WriteRecordsAsync(rows, ct);
    }

    public static Task WriteXlsxAsync(IAsyncEnumerable<LedgerRow> rows, Stream target, CancellationToken ct) =>
        XlsxWriter.WriteAsync(rows, "Ledger", target, ct);
}
