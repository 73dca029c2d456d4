using FedDashboard.Api;
using FedDashboard.Core.Orchestration.TerminalProtocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// The terminal protocol's HTTP endpoints, as the app maps them, served by Kestrel on a free loopback port in front of
/// a <see cref="FedTestHost"/>'s orchestrator without workers: terminals call over the network, the test drives the
/// rounds. Every call reaches the same desks as in the app.
/// </summary>
public sealed class TerminalServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TerminalServer(WebApplication app, FedTestHost host, Uri address)
    {
        _app = app;
        Host = host;
        BaseAddress = address;
    }

    public FedTestHost Host { get; }
    public Uri BaseAddress { get; }

    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    public static async Task<TerminalServer> StartAsync(int terminals = 20, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var host = await FedTestHost.StartAsync(runWorkers: false, terminals, settings, clock: clock);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddTransient(_ => host.Get<EnrolmentDesk>());
            builder.Services.AddTransient(_ => host.Get<HeartbeatDesk>());
            builder.Services.AddTransient(_ => host.Get<WorkDesk>());
            var app = builder.Build();
            app.MapTerminalEndpoints();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new TerminalServer(app, host, new Uri(address));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Host.DisposeAsync();
    }
}
