using Microsoft.Playwright;

namespace FedDashboard.Tests.Browser;

public static class BrowserNavigation
{
    /// <summary>
    /// Opens a dashboard page and waits until its circuit is up: the prerendered page shows its buttons at once, and a
    /// click before the circuit is up does nothing.
    /// </summary>
    public static async Task OpenAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 60_000 });
    }
}
