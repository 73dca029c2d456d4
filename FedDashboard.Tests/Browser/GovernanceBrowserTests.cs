using FedDashboard.Core.Security;
using FedDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace FedDashboard.Tests.Browser;

/// <summary>
/// Two people at work in the machine's Chromium: an operator changes a job's policy (a bad value first), an approver
/// approves the version the next round produces, and the audit log shows both by name.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class GovernanceBrowserTests(DashboardProcess dashboard) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await dashboard.EnsureUserAsync("olga", Roles.Operator);
        await dashboard.EnsureUserAsync("april", Roles.Approver);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>Each person in a browser context of their own, so their sign-in cookies stay apart.</summary>
    private async Task<IPage> SignedInAsync(string userName)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync(dashboard.BaseAddress, userName);
        return page;
    }

    private Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsPath, $"{name}.png"), FullPage = true });

    private static async Task SetNumberAsync(ILocator form, string field, string value)
    {
        var input = form.Locator($"[data-field='{field}'] input");
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    [Fact]
    public async Task OperatorAndApprover_PolicyChangedAndVersionApproved_BothInTheAuditLog()
    {
        var operatorPage = await SignedInAsync("olga");
        await operatorPage.GotoAsync(new Uri(dashboard.BaseAddress, "policies").ToString());
        await operatorPage.GetByText("Jobs: aggregation, versions, termination").ClickAsync();
        var form = operatorPage.Locator("[data-job]").First;

        await SetNumberAsync(form, "Termination.MaxRounds", "0");
        await form.Locator("[data-action='save']").ClickAsync();
        await Assertions.Expect(form.Locator("[data-field='Termination.MaxRounds']")).ToContainTextAsync("The maximum number of rounds is from 1 to 100000 (was 0).");
        await ScreenshotAsync(operatorPage, "governance-policy-error");

        await SetNumberAsync(form, "Termination.MaxRounds", "400");
        await form.Locator("[data-field='AutoApprove'] input").ClickAsync();
        await form.Locator("[data-action='save']").ClickAsync();
        await Assertions.Expect(operatorPage.GetByText("policy revision 1 saved")).ToBeVisibleAsync();

        var approverPage = await SignedInAsync("april");
        await approverPage.GotoAsync(new Uri(dashboard.BaseAddress, "versions").ToString());
        var approve = approverPage.Locator("[data-action^='approve-']").First;
        // The next round after the change produces a version that waits for an approver.
        await approve.WaitForAsync(new() { Timeout = 180_000 });
        var label = (await approve.GetAttributeAsync("data-action"))!["approve-".Length..];
        await approve.ClickAsync();
        await Assertions.Expect(approverPage.Locator($"[data-decision='{label}']")).ToContainTextAsync("april");
        await ScreenshotAsync(approverPage, "governance-approved");

        await approverPage.GotoAsync(new Uri(dashboard.BaseAddress, "audit").ToString());
        var table = approverPage.Locator("[data-testid='audit-table']");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "PolicyChanged" }).Filter(new() { HasText = "olga" })).ToHaveCountAsync(1);
        await Assertions.Expect(table.Locator("tr", new() { HasText = "VersionApproved" }).Filter(new() { HasText = "april" })).ToHaveCountAsync(1);
        await ScreenshotAsync(approverPage, "governance-audit");
    }
}
