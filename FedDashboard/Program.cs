using FedDashboard.Components;
using FedDashboard.Core;
using FedDashboard.Core.Live;
using FedDashboard.Hubs;
using FedDashboard.Model;
using Hangfire;
using Hangfire.Dashboard;
using MudBlazor.Services;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddSingleton<ILivePublisher, HubLivePublisher>();
    builder.AddFedCore();
    builder.Services.AddRazorComponents().AddInteractiveServerComponents();
    builder.Services.AddMudServices();
    builder.Services.AddSignalR();
    builder.Services.AddHostedService<LiveHubRelay>();
    builder.Services.AddDashboardQueries();
    builder.Services.AddCascadingAuthenticationState();

    var app = builder.Build();
    await FedStartup.PrepareAsync(app.Services);

    if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseAntiforgery();
    app.MapStaticAssets();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    app.MapHub<LiveHub>(LiveHub.Path);
    // Until sign-in exists, the job dashboard answers only requests from this machine.
    app.UseHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new LocalRequestsOnlyAuthorizationFilter()] });

    await app.RunAsync();
    return 0;
}
catch (StartupException exception)
{
    Console.Error.WriteLine($"FedDashboard cannot start: {exception.Message}");
    return 1;
}

/// <summary>The entry point, visible to the integration tests' host factory.</summary>
public partial class Program;
