using FedDashboard.Api;
using FedDashboard.Components;
using FedDashboard.Hosting;
using FedDashboard.Hosting.Health;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Hubs;
using FedDashboard.Model;
using FedDashboard.Security;
using Hangfire;
using MudBlazor.Services;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddNodeSwitch(args);
    // Outside Development too (./fed run serves Production from the build output): the libraries' files (MudBlazor,
    // blazor.web.js) are found through the build's manifest; a published app has no such manifest and is unaffected.
    builder.WebHost.UseStaticWebAssets();
    builder.Services.AddSingleton<IListeningUrls, ServerListeningUrls>();
    builder.AddFedCore();
    builder.Services.AddFedSignIn();
    builder.Services.AddClientKeys();
    // A circuit starts with the prerendered page's persisted state (the Terminals page's first rows: about 31 KB at
    // 100 terminals), more than SignalR's 32 KB default allows in one message; the page then never became interactive.
    builder.Services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(o => o.MaximumReceiveMessageSize = 128 * 1024);
    builder.Services.AddMudServices();
    builder.Services.AddLiveHub(builder.Configuration);
    builder.Services.AddDashboardQueries();
    builder.Services.AddHostedService<PageWarmUp>();
    builder.Services.AddRefusalHandling();
    builder.Services.AddTerminalProtocolDocument();
    builder.Services.AddClientApiDocument();
    builder.Services.AddFedHealthChecks(builder.Configuration);

    var app = builder.Build();
    await FedStartup.PrepareAsync(app.Services);

    // Development shows the developer exception page instead; ./fed run serves Production unless asked (--dev).
    if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseMiddleware<MustChangePasswordRedirect>();
    app.UseRateLimiter();
    app.UseMiddleware<CrossSiteRequestGuard>();
    app.UseAntiforgery();
    app.MapStaticAssets();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    var endpoints = app.MapGroup("").AddEndpointFilter<RefusalFilter>();
    endpoints.MapAccountEndpoints();
    endpoints.MapAuditEndpoints();
    endpoints.MapRewardEndpoints();
    endpoints.MapGovernanceEndpoints();
    endpoints.MapPayoutEndpoints();
    endpoints.MapEnrolmentEndpoints();
    endpoints.MapClientEndpoints();
    endpoints.MapClientApiEndpoints();
    endpoints.MapOperatorModelEndpoints();
    endpoints.MapCallbackEndpoints();
    app.MapTerminalEndpoints();
    app.MapFedHealthChecks();
    app.MapOpenApi(TerminalProtocolDocument.Route);
    app.MapApiReference();
    app.MapHub<LiveHub>(LiveHub.Path).RequireAuthorization(Policies.LiveHub);
    app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new HangfireAdministratorsFilter()] })
        .RequireAuthorization(Policies.Administrators);

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
