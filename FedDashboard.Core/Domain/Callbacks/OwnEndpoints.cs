using System.Net;

namespace FedDashboard.Core.Domain.Callbacks;

/// <summary>
/// Where this application answers: its listening URLs (a wildcard host standing for every address of the machine)
/// and its public names. A callback there would make the app call itself with a client's body.
/// </summary>
public sealed class OwnEndpoints
{
    private readonly HashSet<string> _hostNames;
    private readonly HashSet<IPEndPoint> _endpoints;

    private OwnEndpoints(HashSet<string> hostNames, HashSet<IPEndPoint> endpoints) => (_hostNames, _endpoints) = (hostNames, endpoints);

    /// <param name="urls">Listening URLs as Kestrel spells them ("http://*:5000", "http://[::]:5000", "https://fed.example.org").</param>
    /// <param name="machineAddresses">The machine's own addresses, which a wildcard host listens on.</param>
    public static OwnEndpoints Of(IEnumerable<string> urls, IEnumerable<IPAddress> machineAddresses)
    {
        var local = machineAddresses.Select(CallbackAddresses.Embedded).Append(IPAddress.Loopback).Append(IPAddress.IPv6Loopback).ToList();
        var (names, endpoints) = (new HashSet<string>(StringComparer.OrdinalIgnoreCase), new HashSet<IPEndPoint>());
        foreach (var url in urls)
        {
            var spelled = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(spelled, UriKind.Absolute, out var uri)) continue;
            if (!IPAddress.TryParse(uri.IdnHost, out var address))
            {
                names.Add(HostName(uri.IdnHost));
                if (uri.IsLoopback) endpoints.UnionWith(local.Where(IPAddress.IsLoopback).Select(a => new IPEndPoint(a, uri.Port)));
            }
            else if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) endpoints.UnionWith(local.Select(a => new IPEndPoint(a, uri.Port)));
            else endpoints.Add(new IPEndPoint(CallbackAddresses.Embedded(address), uri.Port));
        }
        return new OwnEndpoints(names, endpoints);
    }

    /// <summary>The host is one of the app's own names (any port: a neighbouring port of the app's host is its operator's, not the client's).</summary>
    public bool Includes(string host) => _hostNames.Contains(HostName(host));

    public bool Includes(IPAddress address, int port) => _endpoints.Contains(new IPEndPoint(CallbackAddresses.Embedded(address), port));

    private static string HostName(string host) => host.TrimEnd('.');
}
