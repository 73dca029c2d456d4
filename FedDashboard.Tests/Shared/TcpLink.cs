using System.Net;
using System.Net.Sockets;

namespace FedDashboard.Tests.Shared;

/// <summary>A TCP forwarder to a server (e.g. the tests' Redis) that a test can sever, as a network that fails would.</summary>
public sealed class TcpLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly CancellationTokenSource _severed = new();
    private readonly Task _accepting;

    /// <param name="target">host:port</param>
    public TcpLink(string target)
    {
        var colon = target.LastIndexOf(':');
        (_host, _port) = (target[..colon], int.Parse(target[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Closes every connection through the link, and refuses new ones.</summary>
    public void Sever()
    {
        _severed.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true) _ = ForwardAsync(await _listener.AcceptTcpClientAsync(_severed.Token));
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Severed.
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_host, _port, _severed.Token);
                var (toServer, toClient) = (client.GetStream(), server.GetStream());
                await Task.WhenAny(toServer.CopyToAsync(toClient, _severed.Token), toClient.CopyToAsync(toServer, _severed.Token));
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException)
            {
                // Severed, or one side closed: so does the other.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Sever();
        await _accepting;
    }
}
