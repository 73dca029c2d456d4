using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Core.Orchestration.Rewards.Reports;
using FedDashboard.Model;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using System.IO.Compression;
using System.Xml;

namespace FedDashboard.Tests.Integration;

/// <summary>The export's query and writers on a hand-written ledger (three rounds, a correction, a payout batch), read back with a library.</summary>
public sealed class LedgerExportTests : LedgerTest
{
    private async Task<MemoryStream> ExportAsync(LedgerFilter filter, Func<IAsyncEnumerable<LedgerRow>, Stream, CancellationToken, Task> write)
    {
        await using var db = Host.Db();
        var file = new MemoryStream();
        await write(LedgerExport.Rows(db, filter.Apply(db)), file, CancellationToken.None);
        file.Position = 0;
        return file;
    }

    private async Task<List<LedgerRow>> ExpectedAsync()
    {
        await using var db = Host.Db();
        return await LedgerExpectation.RowsAsync(db, Ledger.Entries);
    }

    [Fact]
    public async Task WriteCsv_LedgerWithCorrectionAndBatch_ReadBackEqualsTheEntries()
    {
        var file = await ExportAsync(new LedgerFilter { JobId = Ledger.Job.Id }, LedgerExport.WriteCsvAsync);

        var exported = LedgerExpectation.FromCsv(file);

        var expected = await ExpectedAsync();
        Assert.Equal(expected, exported);
        Assert.Contains(exported, r => r.Amount == -0.0500m && r.CorrectsEntryId == Ledger.Entries[1].Id);
        Assert.Equal(12345.6789m, exported.Single(r => r.Amount > 10_000).Amount);
    }

    [Fact]
    public async Task WriteXlsx_LedgerWithCorrectionAndBatch_OpensAndRowsEqualTheEntries()
    {
        var file = await ExportAsync(new LedgerFilter { JobId = Ledger.Job.Id }, LedgerExport.WriteXlsxAsync);

        var exported = LedgerExpectation.FromXlsx(file);

        var expected = (await ExpectedAsync()).Select(LedgerExpectation.InExcel).ToList();
        Assert.Equal(expected, exported);
    }

    [Fact]
    public async Task WriteXlsx_NoteWithControlCharacters_ValidFileWithoutThem()
    {
        // Written as an older version of the app could have stored it, before reasons were checked.
        var correction = RewardEntry.CorrectionOf(Ledger.Entries[0], 0.25m, "Paid late\u0001\u001b; see ticket 7 \U0001F600", TestData.Operator.Name, Ledger.Entries[0].CreatedAt);
        await using (var db = Host.Db())
        {
            db.RewardEntries.Add(correction);
            await db.SaveChangesAsync();
        }
        var file = await ExportAsync(new LedgerFilter { JobId = Ledger.Job.Id }, LedgerExport.WriteXlsxAsync);

        var exported = LedgerExpectation.FromXlsx(file);

        Assert.Equal("Paid late; see ticket 7 \U0001F600", exported.Single(r => r.Id == correction.Id).Note);
    }

    [Fact]
    public async Task WriteXlsx_Parts_SpreadsheetNamespaceWithoutPrefix()
    {
        var file = await ExportAsync(new LedgerFilter { JobId = Ledger.Job.Id }, LedgerExport.WriteXlsxAsync);

        // Readers that match element names (ExcelJS) find nothing in <x:workbook>, valid as it is.
        using var package = new ZipArchive(file);
        foreach (var (part, root) in new[] { ("xl/workbook.xml", "workbook"), ("xl/styles.xml", "styleSheet"), ("xl/worksheets/sheet1.xml", "worksheet") })
        {
            using var reader = XmlReader.Create(package.GetEntry(part)!.Open());
            reader.MoveToContent();
            Assert.Equal((root, "", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"), (reader.LocalName, reader.Prefix, reader.NamespaceURI));
        }
    }

    [Fact]
    public async Task WriteXlsx_CreationTime_ShownWithItsTimeNotJustTheDay()
    {
        var file = await ExportAsync(new LedgerFilter { JobId = Ledger.Job.Id }, LedgerExport.WriteXlsxAsync);

        using var package = new ZipArchive(file);
        using var styles = new StreamReader(package.GetEntry("xl/styles.xml")!.Open());
        Assert.Contains("formatCode=\"yyyy-mm-dd hh:mm:ss.000\"", await styles.ReadToEndAsync());
    }

    [Fact]
    public async Task Rows_BatchRejected_StillTheBatchsEntriesNowHeldByNone()
    {
        await Host.Get<PayoutBatches>().RejectAsync(TestData.Approver, Ledger.Batch.Id, "Wrong period.");

        var exported = LedgerExpectation.FromCsv(await ExportAsync(new LedgerFilter { BatchId = Ledger.Batch.Id }, LedgerExport.WriteCsvAsync));

        Assert.Equal(Ledger.BatchEntryIds.Order(), exported.Select(r => r.Id));
        Assert.All(exported, r => Assert.Null(r.PayoutBatchId));
    }

    [Fact]
    public async Task Rows_PeriodFromOneEntryToAnother_TakesTheFirstNotTheLast()
    {
        var first = Ledger.Entries[0];
        var last = Ledger.Entries[4];
        var filter = new LedgerFilter { JobId = Ledger.Job.Id, From = first.CreatedAt, To = last.CreatedAt };

        var exported = LedgerExpectation.FromCsv(await ExportAsync(filter, LedgerExport.WriteCsvAsync));

        Assert.Equal(Ledger.Entries.Take(4).Select(e => e.Id), exported.Select(r => r.Id));
    }

    [Fact]
    public async Task UnknownAsync_JobEdgeTerminalAndBatchThatDoNotExist_NamesEach()
    {
        await using var db = Host.Db();

        var unknown = await new LedgerFilter { JobId = 9901, EdgeId = 9902, TerminalId = 9903, BatchId = 9904 }.UnknownAsync(db, CancellationToken.None);

        Assert.Equal("There is no job 9901. There is no edge 9902. There is no terminal 9903. There is no payout batch 9904.", unknown);
    }
}
