using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Security;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FedDashboard.Tests.Security;

/// <summary>
/// The scope policies over HTTP: the real app on Kestrel with one extra endpoint ahead of it that demands a scope, as the
/// training request endpoints will (the client API has no scoped endpoint of its own yet). A key without the scope is answered
/// 403 with the code insufficient_scope and what it lacks.
/// </summary>
public sealed class ClientKeyScopeTests : IAsyncLifetime
{
    private const string SubmitProbe = "/api/v1/test-only/submit";

    private TestDatabase _database = null!;
    private WebApplicationFactory<Program> _app = null!;
    private Uri _baseAddress = null!;
    private int _client;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in Settings(_database.ConnectionString)) web.UseSetting(key, value);
            web.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ScopedProbe>());
        });
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        _client = (await _app.Services.GetRequiredService<ClientRegistry>().RegisterAsync(TestClients.Administrator, TestClients.Details())).Id;
    }

    private static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["ConnectionStrings:Fed"] = connectionString,
        ["Fed:Data:MnistPath"] = TestEnvironment.MnistPath,
        ["Fed:Data:BlobPath"] = Path.Combine(Path.GetTempPath(), $"fed-blobs-{Guid.NewGuid():N}"),
        ["Fed:Fleet:Simulate"] = "false",
        ["Fed:Fleet:Terminals"] = "10",
        ["Fed:DefaultJob:StartOnFreshDatabase"] = "false",
        ["Fed:Security:AdminUserName"] = DashboardAccounts.AdminName,
        ["Fed:Security:AdminPassword"] = DashboardAccounts.AdminPassword,
    };

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>
    /// Serves the probe ahead of the app's pipeline, through the app's own authentication schemes, policies and rate
    /// limit; every other request goes on to the app.
    /// </summary>
    private sealed class ScopedProbe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseRateLimiter();
            app.UseEndpoints(routes =>
                routes.MapGet(SubmitProbe, () => "submitted").RequireAuthorization(ClientKeyPolicies.Submit).RequireRateLimiting(ClientKeyRateLimit.Name));
            next(app);
        };
    }

    private async Task<HttpResponseMessage> CallAsync(ClientKeyScopes scopes)
    {
        var issued = await _app.Services.GetRequiredService<ClientKeys>().IssueAsync(TestClients.Administrator, _client, scopes, validForDays: null);
        using var caller = new HttpClient { BaseAddress = _baseAddress };
        caller.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Secret);
        return await caller.GetAsync(SubmitProbe);
    }

    [Fact]
    public async Task ScopedEndpoint_KeyWithTheScope_Ok()
    {
        var response = await CallAsync(ClientKeyScopes.SubmitRequests);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("submitted", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ScopedEndpoint_KeyWithoutTheScope_ForbiddenInsufficientScopeNamingWhatItLacks()
    {
        var response = await CallAsync(ClientKeyScopes.ReadRequests | ClientKeyScopes.DownloadModels);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ClientKeyErrors.InsufficientScope, problem.GetProperty("code").GetString());
        Assert.Matches("^API key fck_[0-9A-Z]{10} lacks the scope SubmitRequests this call needs; it holds ReadRequests, DownloadModels\\.$",
            problem.GetProperty("detail").GetString());
    }
}
