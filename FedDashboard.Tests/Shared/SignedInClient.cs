using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using FedDashboard.Security;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// An HTTP client that signed in through the sign-in form, as a browser does, and keeps the cookie; like any legitimate
/// script it sends the header that shows its requests are not a cross-site form.
/// </summary>
public static partial class SignedInClient
{
    /// <param name="from">A loopback address of the 127.0.0.0/8 block to connect from, so the dashboard sees another client.</param>
    public static HttpClient Anonymous(Uri baseAddress, CookieContainer? cookies = null, IPAddress? from = null)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = cookies ?? new CookieContainer(),
            AllowAutoRedirect = false,
            ConnectCallback = from is null ? null : (context, ct) => ConnectFromAsync(from, context, ct),
        }) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add(CrossSiteRequestGuard.HeaderName, "1");
        return client;
    }

    public static async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(Uri baseAddress, string userName, IPAddress? from = null)
    {
        var cookies = new CookieContainer();
        var client = Anonymous(baseAddress, cookies, from);
        var response = await SubmitAsync(client, userName, DashboardAccounts.PasswordOf(userName));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}, not a redirect.");
        return (client, cookies);
    }

    /// <summary>Fills in and posts the sign-in form as the client, and returns the answer.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("account/login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        return await client.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The message the sign-in page shows after a refused attempt, or null.</summary>
    public static async Task<string?> RefusalOfAsync(HttpResponseMessage response) =>
        SignInError().Match(await response.Content.ReadAsStringAsync()) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress from, SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("data-testid=\"sign-in-error\">([^<]*)</p>")]
    private static partial Regex SignInError();
}
