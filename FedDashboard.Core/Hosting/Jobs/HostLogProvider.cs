using Hangfire.Logging;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Hosting.Jobs;

/// <summary>
/// Hangfire's log provider is process-global. When one embedded host is disposed while another lives on
/// (tests, benchmarks), the survivor's job creation must not fail on the dead host's logger factory.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
