using FedDashboard.Tests.Shared;
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

    /// <summary>
    /// Waits until the page's address matches, within a minute. The address is polled: WaitForURLAsync, when the
    /// navigation had committed before it was called, waited for a load event that never came (CI runs on a loaded
    /// machine); the next page's own loading is the caller's business.
    /// </summary>
    public static async Task WaitForAddressAsync(this IPage page, Func<string, bool> matches, string what) =>
        await Eventually.WaitForAsync(() => Task.FromResult(matches(page.Url) ? page.Url : null), TimeSpan.FromSeconds(60), what);
}
