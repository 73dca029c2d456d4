using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Refusals;
using System.Net;
using System.Net.Sockets;

namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>
/// Checks a callback URL when a client submits it. The host's name is resolved now, so a client learns at once that
/// its URL leads somewhere callbacks may not go, or nowhere; this is for the client's sake, not the guard: a name can
/// resolve elsewhere later, so every connection checks again (<see cref="CallbackConnector"/>).
/// </summary>
public sealed class CallbackUrlCheck(CallbackRules rules)
{
    /// <exception cref="InvalidInputException">The URL breaks a rule, or its host cannot be resolved; the message says which.</exception>
    public async Task<Uri> CheckAsync(string? url, CancellationToken ct = default)
    {
        var policy = rules.Current();
        var uri = CallbackUrlRules.Parse(url, policy);
        var host = uri.IdnHost;
        if (IPAddress.TryParse(host, out _)) return uri;

        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(host, ct);
        }
        catch (SocketException)
        {
            throw CallbackUrlRules.Refused($"has a host, {host}, that could not be resolved to an address.");
        }
        if (addresses.Length == 0) throw CallbackUrlRules.Refused($"has a host, {host}, that could not be resolved to an address.");
        foreach (var address in addresses)
        {
            if (CallbackUrlRules.AddressRefusal(address, uri.Port, policy) is { } refusal)
                throw CallbackUrlRules.Refused($"has a host, {host}, that resolves to {refusal}");
        }
        return uri;
    }
}
