using FedDashboard.Api;
using FedDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace FedDashboard.Tests.Browser;

/// <summary>The API reference in the machine's Chromium: it shows the client API's and the terminal protocol's operations, and loads nothing from elsewhere.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ApiReferenceBrowserTests(DashboardProcess dashboard) : IAsyncLifetime
{
    private ChromiumSession _chromium = null!;
    private IPage _page = null!;
    private readonly List<string> _requested = [];

    public async Task InitializeAsync()
    {
        _chromium = await ChromiumSession.LaunchAsync();
        _page = await _chromium.SignedInAsync(dashboard.BaseAddress, DashboardAccounts.AdminName);
        _page.Request += (_, request) => _requested.Add(request.Url);
    }

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    private ILocator OperationPaths => _page.Locator(".opblock-summary-path");

    [Fact]
    public async Task ApiReference_SignedIn_ShowsBothDocumentsOperationsFromTheAppAlone()
    {
        await _page.GotoAsync(new Uri(dashboard.BaseAddress, ApiReference.Path.TrimStart('/')).ToString());

        await Assertions.Expect(OperationPaths.First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var clientPaths = await OperationPaths.AllInnerTextsAsync();
        Assert.Contains(clientPaths, p => p.Contains("/api/v1/training-requests/{id}/cancel"));
        await ChromiumSession.ScreenshotAsync(_page, "api-reference-client");

        await _page.Locator(".download-url-wrapper select").SelectOptionAsync(new SelectOptionValue { Label = "Terminal protocol v1" });
        await Assertions.Expect(_page.Locator(".info .title")).ToContainTextAsync("FedDashboard terminal protocol");
        await Assertions.Expect(OperationPaths.First).ToBeVisibleAsync();
        Assert.DoesNotContain(await OperationPaths.AllInnerTextsAsync(), p => p.Contains("training-requests"));

        Assert.All(_requested, url => Assert.StartsWith(dashboard.BaseAddress.GetLeftPart(UriPartial.Authority), url));
    }
}
