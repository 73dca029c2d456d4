using CsvHelper;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using System.Globalization;

namespace FedDashboard.Tests.Browser;

/// <summary>
/// Two people at the payouts page in the machine's Chromium: an operator batches the rewards the running job earned,
/// an approver approves the batch in a browser of their own and downloads its CSV, whose lines are the batch's ledger lines.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PayoutsBrowserTests(DashboardProcess dashboard) : OperatorAndApproverBrowserTest(dashboard)
{
    /// <summary>The currency the running job rewards in, once its first reward is on the ledger.</summary>
    private async Task<string> RewardCurrencyAsync() =>
        await Eventually.WaitForAsync(async () =>
        {
            await using var db = Dashboard.Db();
            return await db.RewardEntries.Where(e => e.CreatedBy == "system").Select(e => e.Currency).FirstOrDefaultAsync();
        }, TimeSpan.FromMinutes(3), "the running job's first reward");

    private async Task<Dictionary<long, decimal>> BatchLinesAsync(int batchId)
    {
        await using var db = Dashboard.Db();
        return await (from i in db.PayoutBatchItems
                      where i.BatchId == batchId
                      join e in db.RewardEntries on i.EntryId equals e.Id
                      select new { e.Id, e.Amount }).ToDictionaryAsync(e => e.Id, e => e.Amount);
    }

    /// <summary>The export's lines as entry id → amount, read by their column names with CsvHelper.</summary>
    private static async Task<Dictionary<long, decimal>> CsvLinesAsync(byte[] body)
    {
        await using var csv = CsvReader.Create(new MemoryStream(body), CsvReaderOptions.Default with { FormatProvider = CultureInfo.InvariantCulture });
        using var reader = new CsvDataReader(csv, false);
        var (id, amount) = (reader.GetOrdinal("Id"), reader.GetOrdinal("Amount"));
        var lines = new Dictionary<long, decimal>();
        while (reader.Read()) lines.Add(long.Parse(reader.GetString(id), CultureInfo.InvariantCulture), decimal.Parse(reader.GetString(amount), CultureInfo.InvariantCulture));
        return lines;
    }

    [Fact]
    public async Task OperatorCreatesApproverApproves_BatchApprovedAndItsCsvHoldsItsLedgerLines()
    {
        var currency = await RewardCurrencyAsync();
        var operatorPage = await SignedInAsync("olga");
        await operatorPage.OpenAsync(new Uri(Dashboard.BaseAddress, "payouts").ToString());
        var currencyField = operatorPage.Locator("[data-field='Currency'] input");
        await currencyField.FillAsync(currency);
        await currencyField.PressAsync("Tab");
        await Assertions.Expect(operatorPage.Locator("[data-testid='preview']")).ToContainTextAsync($"unpaid");
        await ScreenshotAsync(operatorPage, "payouts-preview");

        await operatorPage.Locator("[data-action='create-batch']").ClickAsync();
        var detail = operatorPage.Locator("[data-testid='batch-detail']");
        await Assertions.Expect(detail).ToBeVisibleAsync();
        var batchId = int.Parse((await detail.GetAttributeAsync("data-batch"))!, CultureInfo.InvariantCulture);
        await Assertions.Expect(operatorPage.Locator($"[data-hint='{batchId}']")).ToHaveCountAsync(1);
        await ScreenshotAsync(operatorPage, "payouts-created");

        var approverPage = await SignedInAsync("april");
        await approverPage.OpenAsync(new Uri(Dashboard.BaseAddress, "payouts").ToString());
        await approverPage.Locator($"[data-action='approve-{batchId}']").ClickAsync();
        await approverPage.Locator("[data-field='dialog-text'] input").FillAsync("matches the ledger");
        await approverPage.Locator("[data-action='dialog-confirm']").ClickAsync();
        await Assertions.Expect(approverPage.Locator($"[data-decision='{batchId}']")).ToContainTextAsync("april: matches the ledger");
        await Assertions.Expect(approverPage.Locator($"[data-action='paid-{batchId}']")).ToBeVisibleAsync();

        await approverPage.Locator("[data-testid='batches'] tr", new() { HasText = $"#{batchId}" }).First.ClickAsync();
        var csvLink = approverPage.Locator($"[data-batch='{batchId}'] [data-action='download-csv']");
        await ScreenshotAsync(approverPage, "payouts-approved");
        var download = await approverPage.Context.APIRequest.GetAsync(new Uri(Dashboard.BaseAddress, (await csvLink.GetAttributeAsync("href"))!).ToString());

        Assert.Equal(200, download.Status);
        var lines = await CsvLinesAsync(await download.BodyAsync());
        var expected = await BatchLinesAsync(batchId);
        Assert.Equal(expected.OrderBy(e => e.Key), lines.OrderBy(e => e.Key));
        await using var db = Dashboard.Db();
        Assert.Equal(PayoutBatchStatus.Approved, await db.PayoutBatches.Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync());
    }
}
