using FedDashboard.Core.Domain.Callbacks;
using System.Net;
using System.Net.Sockets;

namespace FedDashboard.Core.Orchestration.Callbacks;

/// <summary>
/// Opens every callback connection itself: resolves the host, refuses when any of its addresses is forbidden, and
/// connects only to the addresses it checked. Checking at connect time, not at submit time only, stops a name that
/// resolved to a public address then and resolves to an internal one now (DNS rebinding).
/// </summary>
public sealed class CallbackConnector(CallbackRules rules)
{
    /// <exception cref="ForbiddenCallbackAddressException">The host resolves to a forbidden address.</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var policy = rules.Current();
        foreach (var address in addresses)
        {
            if (CallbackUrlRules.AddressRefusal(address, port, policy) is { } refusal)
                throw new ForbiddenCallbackAddressException($"Not sent: {host} resolves to {refusal}");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
