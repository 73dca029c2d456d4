using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FedDashboard.Tests.Browser;

/// <summary>A refusal of bad input shows at the field it concerns in the machine's Chromium, and the page stays usable.</summary>
[Collection(DashboardCollection.Name)]
public sealed class FieldRefusalBrowserTests(DashboardProcess dashboard) : OperatorAndApproverBrowserTest(dashboard)
{
    [Fact]
    public async Task Correct_WithoutReason_MessageAtTheReasonFieldAndNoLine()
    {
        var entry = (await Dashboard.AddRewardsAsync("SEK", 1)).Single();
        var page = await SignedInAsync("olga");
        await page.OpenAsync(new Uri(Dashboard.BaseAddress, $"terminals/{entry.TerminalId}").ToString());

        await page.Locator($"[data-line='{entry.Id}']").Locator("xpath=..").Locator("[data-action='correct']").ClickAsync();
        await page.Locator("[data-field='amount'] input").FillAsync("0.5");
        await page.Locator("[data-action='save-correction']").ClickAsync();

        var reason = page.Locator("[data-field='reason'] .mud-input-control-helper-container");
        await Assertions.Expect(reason).ToContainTextAsync("A correction needs a reason.");
        await ScreenshotAsync(page, "correction-reason-refused-at-field");
        await using var db = Dashboard.Db();
        Assert.False(await db.RewardEntries.AnyAsync(e => e.CorrectsEntryId == entry.Id));

        await page.Locator("[data-field='reason'] input").FillAsync("Counted twice");
        await page.Locator("[data-action='save-correction']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='ledger']")).ToContainTextAsync($"correction of line {entry.Id} by olga");
    }
}
