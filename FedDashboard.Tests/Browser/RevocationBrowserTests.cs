using FedDashboard.Components.Account;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace FedDashboard.Tests.Browser;

/// <summary>
/// Open pages in the machine's Chromium lose their sign-in once the account is disabled or its roles change: the page
/// turns to the sign-in form within the revalidation interval (a few seconds on this dashboard, at most a minute).
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class RevocationBrowserTests(AccessDashboard dashboard) : IAsyncLifetime
{
    private ChromiumSession _chromium = null!;

    public async Task InitializeAsync() => _chromium = await ChromiumSession.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    private string Url(string path) => new Uri(dashboard.BaseAddress, path).ToString();

    [Fact]
    public async Task OpenAuditPage_ApproverRoleRemoved_SentToSignIn()
    {
        await dashboard.EnsureUserAsync("aurora", Roles.Approver);
        var page = await _chromium.SignedInAsync(dashboard.BaseAddress, "aurora");
        await page.OpenAsync(Url("audit"));
        await Assertions.Expect(page.Locator("[data-testid='audit-table']")).ToBeVisibleAsync();

        await dashboard.AdministerAsync(a => a.SetRolesAsync(DashboardAccounts.Admin, "aurora", [Roles.Viewer]));

        await page.WaitForAddressAsync(url => url.Contains("/account/login"), "the page to turn to the sign-in form");
    }

    [Fact]
    public async Task DisableOnUsersPage_UsersOpenPage_SentToSignInAndRefused()
    {
        await dashboard.EnsureUserAsync("dora", Roles.Viewer);
        var doraPage = await _chromium.SignedInAsync(dashboard.BaseAddress, "dora");
        await doraPage.OpenAsync(Url("rounds"));
        var adminPage = await _chromium.SignedInAsync(dashboard.BaseAddress, DashboardAccounts.AdminName);
        await adminPage.OpenAsync(Url("users"));
        var doraRow = adminPage.Locator("tr", new() { Has = adminPage.Locator("td[data-user='dora']") });
        await Assertions.Expect(doraRow.Locator("[data-state='enabled']")).ToBeVisibleAsync();
        await ChromiumSession.ScreenshotAsync(adminPage, "users-before-disable");

        await doraRow.Locator("[data-action='disable-user']").ClickAsync();

        await Assertions.Expect(doraRow.Locator("[data-state='disabled']")).ToBeVisibleAsync();
        await Assertions.Expect(doraRow.Locator("[data-action='enable-user']")).ToBeVisibleAsync();
        await ChromiumSession.ScreenshotAsync(adminPage, "users-disabled");
        await doraPage.WaitForAddressAsync(url => url.Contains("/account/login"), "dora's page to turn to the sign-in form");
        await ChromiumSession.ScreenshotAsync(doraPage, "disabled-user-sent-to-sign-in");
        await doraPage.FillAsync("#username", "dora");
        await doraPage.FillAsync("#password", DashboardAccounts.PasswordOf("dora"));
        await doraPage.ClickAsync("button[type=submit]");
        await Assertions.Expect(doraPage.Locator("[data-testid='sign-in-error']")).ToHaveTextAsync(Login.Refusal);
        await ChromiumSession.ScreenshotAsync(doraPage, "disabled-user-sign-in-refused");
    }
}
