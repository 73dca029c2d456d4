using FedDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace FedDashboard.Tests.Browser;

/// <summary>
/// The machine's Chromium for one test class, with a browser context for each person so their sign-in cookies stay
/// apart; screenshots land in TestResults/artifacts.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ChromiumSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<ChromiumSession> LaunchAsync()
    {
        // A page's answer to a click is the dashboard's round trip, and in CI the dashboard shares two cores with its own
        // training and the other test classes: a save on the Policies page once took longer than Playwright's default 5 s
        // to show its proposal. An assertion that holds returns as soon as it does, so only a failure waits longer.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new ChromiumSession(playwright, browser);
    }

    /// <summary>A page of a browser context of its own, signed in as the user through the real sign-in form.</summary>
    public async Task<IPage> SignedInAsync(Uri baseAddress, string userName)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseAddress, userName);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsPath, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
