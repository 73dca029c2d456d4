using System.Net;
using System.Text.RegularExpressions;
using FedDashboard.Security;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// An HTTP client that signed in through the sign-in form, as a browser does, and keeps the cookie; like any legitimate
/// script it sends the header that shows its requests are not a cross-site form.
/// </summary>
public static partial class SignedInClient
{
    public static HttpClient Anonymous(Uri baseAddress, CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add(CrossSiteRequestGuard.HeaderName, "1");
        return client;
    }

    public static async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(Uri baseAddress, string userName)
    {
        var cookies = new CookieContainer();
        var client = Anonymous(baseAddress, cookies);
        var form = await client.GetStringAsync("account/login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var response = await client.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = DashboardAccounts.PasswordOf(userName),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}, not a redirect.");
        return (client, cookies);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
