using System.Diagnostics;
using System.Net;
using System.Text;

namespace FedDashboard.Tests.Shared;

/// <summary>One dashboard node as its own process (the built app, as ./fed cluster starts it), on a fixed loopback port so it comes back at the same address.</summary>
public sealed class NodeProcess(string name, IReadOnlyDictionary<string, string?> environment) : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    public string Name { get; } = name;
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}");
    public bool IsRunning => _process is { HasExited: false };

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async Task StartAsync()
    {
        var webProject = Path.Combine(TestEnvironment.RepositoryRoot, "FedDashboard");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(webProject, "bin", configuration, "net10.0", "FedDashboard.dll"), "--urls", BaseAddress.ToString()])
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["Fed__Node__Name"] = Name;
        start.Environment["Fed__Node__PublicUrl"] = BaseAddress.ToString();
        _process?.Dispose(); // a killed node started again
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>kill -9: no shutdown, the lease and open work left as they are.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine($"[{Name}] {line}");
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
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
        throw new TimeoutException($"{Name} was not ready at {BaseAddress} within 3 minutes:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
