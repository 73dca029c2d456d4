using FedDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace FedDashboard.Tests.Browser;

public static class BrowserSignIn
{
    /// <summary>Signs in through the real sign-in form and waits until the app has left it.</summary>
    public static async Task SignInAsync(this IPage page, Uri baseAddress, string userName)
    {
        await page.GotoAsync(new Uri(baseAddress, "account/login").ToString());
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", DashboardAccounts.PasswordOf(userName));
        await page.ClickAsync("button[type=submit]");
        // Leaving the form is the sign-in; the next page's own loading is the caller's business, and on a busy machine
        // its load event can come long after.
        await page.WaitForURLAsync(url => !url.Contains("/account/login"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
    }
}
