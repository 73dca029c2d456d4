using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FedDashboard.Bench;

/// <summary>The Redis the nodes share: ConnectionStrings__Redis when ./fed gives one, else a private redis-server on a free port.</summary>
internal sealed class BenchRedis : IAsyncDisposable
{
    private readonly Process? _process;

    private BenchRedis(string connectionString, Process? process) => (ConnectionString, _process) = (connectionString, process);

    public string ConnectionString { get; }

    public static async Task<BenchRedis> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("ConnectionStrings__Redis") is { Length: > 0 } configured) return new BenchRedis(configured, null);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var process = Process.Start(new ProcessStartInfo("redis-server", ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("redis-server did not start.");
        for (var tries = 0; tries < 100; tries++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new BenchRedis($"127.0.0.1:{port}", process);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        process.Kill();
        throw new TimeoutException($"redis-server did not listen on port {port} within 10 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
