using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// A TCP proxy between a terminal and the dashboard that cuts the connection once, in the middle of the first request
/// whose start contains <c>marker</c> (e.g. the upload's "PUT /terminal/v1/assignments/"), after passing on
/// <c>bytesBeforeCut</c> bytes of it. Everything else passes untouched, both ways.
/// </summary>
public sealed class FlakyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly byte[] _marker;
    private readonly int _bytesBeforeCut;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _cuts;

    public FlakyProxy(Uri target, string marker, int bytesBeforeCut)
    {
        (_target, _marker, _bytesBeforeCut) = (target, Encoding.ASCII.GetBytes(marker), bytesBeforeCut);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>How many connections it cut (at most one).</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
                using var cut = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var upstream = PumpAsync(client.Client, server.Client, watch: true, cut);
                var downstream = PumpAsync(server.Client, client.Client, watch: false, cut);
                await Task.WhenAny(upstream, downstream);
                await cut.CancelAsync();
            }
            catch (Exception failure) when (failure is IOException or SocketException or OperationCanceledException)
            {
                // A side closed: so does the relay.
            }
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool watch, CancellationTokenSource cut)
    {
        var buffer = new byte[16 * 1024];
        var window = new List<byte>();
        long? sinceMarker = null;
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, cut.Token)) > 0)
            {
                var chunk = buffer.AsMemory(0, read);
                if (watch && Cuts == 0)
                {
                    if (sinceMarker is null)
                    {
                        window.AddRange(chunk.Span);
                        var at = IndexOf(window, _marker);
                        if (at >= 0) sinceMarker = window.Count - at;
                        else if (window.Count > _marker.Length) window.RemoveRange(0, window.Count - _marker.Length);
                    }
                    else
                    {
                        sinceMarker += read;
                    }
                    if (sinceMarker >= _bytesBeforeCut && Interlocked.CompareExchange(ref _cuts, 1, 0) == 0)
                    {
                        await SendAllAsync(to, chunk[..Math.Max(read - (int)(sinceMarker.Value - _bytesBeforeCut), 0)], cut.Token);
                        // Both sides lose the connection mid-request with a reset, as when a network drops.
                        from.LingerState = new LingerOption(true, 0);
                        to.LingerState = new LingerOption(true, 0);
                        from.Close();
                        to.Close();
                        return;
                    }
                }
                await SendAllAsync(to, chunk, cut.Token);
            }
        }
        catch (Exception failure) when (failure is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static async Task SendAllAsync(Socket to, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        while (!bytes.IsEmpty) bytes = bytes[await to.SendAsync(bytes, ct)..];
    }

    private static int IndexOf(List<byte> haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Count; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
