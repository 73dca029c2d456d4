using FedDashboard.Core.Domain.Security;
using FedDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace FedDashboard.Tests.Browser;

/// <summary>Chromium on the running dashboard, with an operator (olga) and an approver (april) who can each sign in a browser of their own.</summary>
public abstract class OperatorAndApproverBrowserTest(DashboardProcess dashboard) : IAsyncLifetime
{
    private ChromiumSession _chromium = null!;

    protected DashboardProcess Dashboard => dashboard;

    public async Task InitializeAsync()
    {
        _chromium = await ChromiumSession.LaunchAsync();
        await dashboard.EnsureUserAsync("olga", Roles.Operator);
        await dashboard.EnsureUserAsync("april", Roles.Approver);
    }

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    protected Task<IPage> SignedInAsync(string userName) => _chromium.SignedInAsync(dashboard.BaseAddress, userName);

    protected static Task ScreenshotAsync(IPage page, string name) => ChromiumSession.ScreenshotAsync(page, name);
}
