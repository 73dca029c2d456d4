using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Core.Orchestration.Rewards.Reports;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace FedDashboard.Tests.Shared;

/// <summary>What the ledger export should say about stored entries, and the exported files read back with libraries.</summary>
public static class LedgerExpectation
{
    /// <summary>The rows for the entries, their names and batches looked up here rather than by the export's own query.</summary>
    public static async Task<List<LedgerRow>> RowsAsync(FedDbContext db, IEnumerable<RewardEntry> entries)
    {
        var jobs = await db.TrainingJobs.ToDictionaryAsync(j => j.Id, j => j.Name);
        var rounds = await db.Rounds.ToDictionaryAsync(r => r.Id, r => r.Number);
        var terminals = await db.Terminals.ToDictionaryAsync(t => t.Id);
        var edges = await db.EdgeServers.ToDictionaryAsync(e => e.Id, e => e.Name);
        var batches = await db.PayoutBatches.ToDictionaryAsync(b => b.Id, b => b.Status);
        var held = await db.PayoutBatchItems.Where(i => !i.Released).ToDictionaryAsync(i => i.EntryId, i => i.BatchId);
        return [.. entries.OrderBy(e => e.Id).Select(e =>
        {
            var terminal = terminals[e.TerminalId];
            int? batch = held.TryGetValue(e.Id, out var id) ? id : null;
            return LedgerRow.Of(e, jobs[e.JobId], rounds[e.RoundId], terminal.Name, terminal.Tier, edges[e.EdgeId], batch, batch is { } b ? batches[b] : null);
        })];
    }

    public static List<LedgerRow> FromCsv(Stream file)
    {
        using var csv = CsvReader.Create(file, CsvReaderOptions.Default);
        return [.. csv.GetRecords<LedgerRow>()];
    }

    /// <summary>Checks the file against the Office Open XML schema first (what Excel would offer to "repair"), then reads it with MiniExcel.</summary>
    public static List<LedgerRow> FromXlsx(Stream file)
    {
        Assert.Empty(SchemaErrors(file));
        file.Position = 0;
        return [.. file.Query<LedgerRow>(sheetName: "Ledger")];
    }

    /// <summary>What the Open XML SDK's validator finds wrong with a spreadsheet, one line per error with where it is.</summary>
    public static IEnumerable<string> SchemaErrors(Stream file)
    {
        using var document = SpreadsheetDocument.Open(file, isEditable: false);
        return [.. new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>The row as a spreadsheet holds it: Excel keeps a date as a fraction of a day, which readers round to the millisecond.</summary>
    public static LedgerRow InExcel(LedgerRow row) => row with { CreatedAtUtc = DateTime.FromOADate(row.CreatedAtUtc.ToOADate()) };
}
