using System.Diagnostics;
using System.Text;

namespace FedDashboard.Tests.Shared;

/// <summary>The terminal agent as a device runs it: its own build, its own OS process, talking to the dashboard over HTTP.</summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private AgentProcess(Process process) => _process = process;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the agent said so far, for assertions and failure messages.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <param name="args">The agent's command line (--edge, --code, --data, --state, ...).</param>
    public static AgentProcess Start(params string[] args)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(TestEnvironment.RepositoryRoot, "FedDashboard.Agent", "bin", configuration, "net10.0", "FedDashboard.Agent.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var agent = new AgentProcess(new Process { StartInfo = start });
        agent._process.OutputDataReceived += (_, e) => agent.Append(e.Data);
        agent._process.ErrorDataReceived += (_, e) => agent.Append(e.Data);
        agent._process.Start();
        agent._process.BeginOutputReadLine();
        agent._process.BeginErrorReadLine();
        return agent;
    }

    /// <summary>Waits until the agent has said <paramref name="text"/>; fails early when it exits first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        try
        {
            await Eventually.WaitForAsync(() => Task.FromResult(Output.Contains(text, StringComparison.Ordinal) ? this
                    : _process.HasExited ? throw new InvalidOperationException($"The agent exited ({_process.ExitCode}) before saying '{text}':\n{Output}") : null),
                limit, $"the agent to say '{text}'");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message} It said:\n{Output}", timeout);
        }
    }

    /// <summary>SIGKILL: the device dies without a word.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager stops it; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan limit)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
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
