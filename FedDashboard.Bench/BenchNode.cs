using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FedDashboard.Bench;

/// <summary>
/// One dashboard node as its own process (the Release build, as ./fed cluster starts it) on a free loopback port, ready
/// once its readiness endpoint says so.
/// </summary>
internal sealed class BenchNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BenchNode(string name, Process process, Uri address) => (Name, _process, Address) = (name, process, address);

    public string Name { get; }
    public Uri Address { get; }

    /// <param name="settings">Configuration keys ("Fed:Node:Name") with their values.</param>
    /// <param name="startup">How long migrating and seeding may take before it is ready (default 3 minutes).</param>
    public static async Task<BenchNode> StartAsync(string name, IReadOnlyDictionary<string, string?> settings, TimeSpan? startup = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var web = Path.Combine(Environment.CurrentDirectory, "FedDashboard");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "bin", "Release", "net10.0", "FedDashboard.dll"), "--urls", address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["Fed__Node__Name"] = name;
        var node = new BenchNode(name, new Process { StartInfo = start }, address);
        node._process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node._process.Start();
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilReadyAsync(startup ?? TimeSpan.FromMinutes(3));
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>What the node has written to its console so far.</summary>
    public string Output()
    {
        lock (_output) return _output.ToString();
    }

    /// <summary>The node's resident set now, from /proc.</summary>
    public long RssBytes =>
        File.ReadLines($"/proc/{_process.Id}/status").Where(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024).Single();

    private async Task WaitUntilReadyAsync(TimeSpan startup)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.Add(startup);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output()}");
            try
            {
                if ((await client.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not ready yet.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"{Name} was not ready at {Address} within {startup.TotalMinutes:0} minutes:\n{Output()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
