using System.Diagnostics;

namespace FedDashboard.Tests.Shared;

/// <summary>A private Redis (Debian's redis-server) on a free loopback port, without persistence, for one test class.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port) => (_process, ConnectionString) = (process, $"127.0.0.1:{port}");

    /// <summary>ConnectionStrings:Redis.</summary>
    public string ConnectionString { get; }

    public static async Task<RedisServer> StartAsync()
    {
        var port = FreePort.Next();
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("redis-server", ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            {
                RedirectStandardOutput = true,
            })!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("redis-server is not installed (apt-get install redis-server; ./fed cluster installs it).", exception);
        }
        var server = new RedisServer(process, port);
        while (!await FreePort.IsListeningAsync(port))
        {
            if (process.HasExited) throw new InvalidOperationException($"redis-server exited with {process.ExitCode}: {await process.StandardOutput.ReadToEndAsync()}");
            await Task.Delay(100);
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
