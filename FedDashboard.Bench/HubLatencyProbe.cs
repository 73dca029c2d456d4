using System.Net;
using System.Text.RegularExpressions;
using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Hubs;
using FedDashboard.Security;
using Microsoft.AspNetCore.SignalR.Client;

namespace FedDashboard.Bench;

/// <summary>
/// A signed-in hub client on one node (as a page's circuit is): for each fleet tick it receives, the time from the tick's
/// publication (its <c>At</c>, on the same machine's clock) to its arrival. Ticks come from the leader only, so on
/// another node every one has crossed nodes.
/// </summary>
internal sealed partial class HubLatencyProbe : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<double> _milliseconds = [];

    private HubLatencyProbe(HubConnection connection)
    {
        _connection = connection;
        _connection.On<FleetTick>(nameof(FleetTick), tick =>
        {
            var delay = (DateTimeOffset.UtcNow - tick.At).TotalMilliseconds;
            lock (_milliseconds) _milliseconds.Add(delay);
        });
    }

    public IReadOnlyList<double> Milliseconds
    {
        get { lock (_milliseconds) return [.. _milliseconds]; }
    }

    public static async Task<HubLatencyProbe> ConnectAsync(Uri node, string userName, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = node };
        client.DefaultRequestHeaders.Add(CrossSiteRequestGuard.HeaderName, "1");
        var form = await client.GetStringAsync("account/login");
        var answer = await client.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
        if (answer.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in at {node} answered {(int)answer.StatusCode}.");
        var probe = new HubLatencyProbe(new HubConnectionBuilder().WithUrl(new Uri(node, LiveHub.Path), o => o.Cookies = cookies).Build());
        await probe._connection.StartAsync();
        return probe;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
