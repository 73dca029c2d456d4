using FedDashboard.Core.Orchestration.TerminalProtocol;
using FedDashboard.Core.Simulation;
using FedDashboard.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Core.Hosting;

/// <summary>The simulated fleet's side of the terminal protocol: in process (the default) or over HTTP, as Fed:Fleet:Transport says.</summary>
internal static class FleetTransportRegistration
{
    private const string AgentVersion = "fed-simulator/1";

    public static IServiceCollection AddFleetTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<FleetTransportOptions>(configuration);
        var options = configuration.GetSection(FleetTransportOptions.Section).Get<FleetTransportOptions>() ?? new();
        if (options.Transport != FleetTransport.Http) return services.AddTransient<ITerminalChannel, InProcessTerminalChannel>();

        var server = ServerUrl(options.ServerUrl, configuration["urls"]);
        // One client for the whole fleet, disposed with the container: connections are pooled, not opened per call.
        services.AddKeyedSingleton(AgentVersion, (_, _) => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(60),
        });
        return services.AddSingleton<ITerminalChannel>(sp => new HttpTerminalChannel(sp.GetRequiredKeyedService<HttpClient>(AgentVersion), AgentVersion));
    }

    /// <summary>The configured URL, else the app's first listening address with a wildcard host made loopback (Kestrel's default without one).</summary>
    internal static Uri ServerUrl(string? configured, string? urls)
    {
        var url = !string.IsNullOrEmpty(configured) ? configured : urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://localhost:5000";
        var wildcard = url.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://[::1]");
        var uri = new Uri(wildcard);
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
