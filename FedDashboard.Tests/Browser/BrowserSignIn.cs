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
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
    }
}
