using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Globalization;

namespace FedDashboard.Core.Hosting;

/// <summary>The orchestrator without the web app, for benchmarks and tests: same services, same start-up checks.</summary>
public static class EmbeddedHost
{
    /// <summary>
    /// A host on its own database and blob folder whose terminals stay where they are seeded, online and in coverage,
    /// as the FedAvg paper's clients do, and train at the server's speed; no pause between rounds and no demo job.
    /// The fleet does not move, so it heartbeats only when seeded: a day between heartbeats keeps it online for two.
    /// </summary>
    public static Dictionary<string, string?> SettledFleet(string connectionString, string mnistPath, string blobPath, int terminals) => new()
    {
        ["ConnectionStrings:Fed"] = connectionString,
        ["Fed:Data:MnistPath"] = mnistPath,
        ["Fed:Data:BlobPath"] = blobPath,
        ["Fed:Fleet:Simulate"] = "false",
        ["Fed:Terminals:HeartbeatSeconds"] = "86400",
        ["Fed:Fleet:Terminals"] = terminals.ToString(CultureInfo.InvariantCulture),
        ["Fed:Fleet:LowTierSamplesPerSecond"] = "0",
        ["Fed:Fleet:MidTierSamplesPerSecond"] = "0",
        ["Fed:Fleet:HighTierSamplesPerSecond"] = "0",
        ["Fed:Orchestration:SecondsBetweenRounds"] = "0",
        ["Fed:DefaultJob:StartOnFreshDatabase"] = "false",
    };

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
