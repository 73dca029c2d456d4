using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Core.Hosting;

/// <summary>The orchestrator without the web app, for benchmarks and tests: same services, same start-up checks.</summary>
public static class EmbeddedHost
{
    /// <param name="settings">Configuration keys (e.g. "Fed:Fleet:Terminals") over appsettings-free defaults.</param>
    /// <param name="runWorkers">Start the Hangfire servers (and the fleet simulation if configured); otherwise jobs wait in storage.</param>
    /// <param name="replace">Registrations over the orchestrator's own, e.g. a test's clock.</param>
    public static async Task<IHost> StartAsync(IDictionary<string, string?> settings, bool runWorkers, LogLevel logLevel = LogLevel.Warning, Action<IServiceCollection>? replace = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Embedded" });
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddFedCore();
        replace?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await FedStartup.PrepareAsync(host.Services);
            if (runWorkers) await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
