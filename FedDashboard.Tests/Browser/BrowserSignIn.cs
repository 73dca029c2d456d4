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
        var answer = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/account/login"), new() { Timeout = 60_000 });
        await page.ClickAsync("button[type=submit]");
        try
        {
            await page.WaitForAddressAsync(url => !url.Contains("/account/login"), "the browser to leave the sign-in form");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"Signing in as {userName} did not leave the sign-in form: {await WhatHappenedAsync(page, answer)}", timeout);
        }
    }

    /// <summary>The form's answer and what the page shows, so a failed sign-in says why.</summary>
    private static async Task<string> WhatHappenedAsync(IPage page, Task<IResponse> answer)
    {
        var status = answer.IsCompletedSuccessfully ? $"the form's POST answered {(await answer).Status}" : "the form's POST had no answer";
        var shown = (await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 })).ReplaceLineEndings(" ");
        return $"{status}; the page is {page.Url} and shows: {shown[..Math.Min(shown.Length, 400)]}";
    }
}
