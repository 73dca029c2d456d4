using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Rewards;
using FedDashboard.Core.Simulation;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FedDashboard.Tests.Security;

/// <summary>
/// The app in the Production environment, as ./fed run serves it, on Kestrel: what goes wrong is answered without the
/// exception's type, message or stack — a malformed body is a 400 problem, a stray library exception a 500 problem
/// with a request id — and the error page exists.
/// </summary>
public sealed class ProductionErrorsTests : IAsyncLifetime
{
    /// <summary>What a library might say; it must never reach the client.</summary>
    private const string Internals = "Npgsql connection pool exhausted at 10.0.0.7";

    private TestDatabase _database = null!;
    private WebApplicationFactory<Program> _app = null!;
    private Uri _baseAddress = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            foreach (var (key, value) in Settings(_database.ConnectionString)) web.UseSetting(key, value);
            // A stray exception from below Core, as EF, Npgsql or a JSON reader throw them.
            web.ConfigureTestServices(services => services.AddTransient<LedgerCorrections>(_ => throw new InvalidOperationException(Internals)));
        });
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        await DashboardAccounts.CreateAsync(_database.ConnectionString, "olga", Roles.Operator);
        await DashboardAccounts.CreateAsync(_database.ConnectionString, "april", Roles.Approver);
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

    private static void AssertNoInternals(string body)
    {
        Assert.DoesNotContain(Internals, body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task Approve_MalformedJson_BadRequestProblemWithoutInternals()
    {
        using var client = (await SignedInClient.SignInAsync(_baseAddress, "april")).Client;

        var response = await client.PostAsync("api/versions/1/approve", new StringContent("{\"comment\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("from the request body as JSON", body);
        AssertNoInternals(body);
    }

    [Fact]
    public async Task Correct_LibraryThrows_ServerErrorProblemWithRequestIdOnly()
    {
        using var client = (await SignedInClient.SignInAsync(_baseAddress, "olga")).Client;

        var response = await client.PostAsJsonAsync("api/rewards/entries/1/corrections", new { amount = 1m, reason = "x" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        AssertNoInternals(body);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(body).RootElement.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task ErrorPage_Renders_SaysSomethingWentWrongWithARequestId()
    {
        using var client = SignedInClient.Anonymous(_baseAddress);

        var response = await client.GetAsync("error");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", page);
        Assert.Contains("data-testid=\"request-id\"", page);
    }

    [Fact]
    public async Task StaticAssets_InProduction_Served()
    {
        using var client = SignedInClient.Anonymous(_baseAddress);

        var page = await client.GetStringAsync("account/login");

        var mudCss = System.Text.RegularExpressions.Regex.Match(page, "_content/MudBlazor/MudBlazor\\.min\\.[a-z0-9]+\\.css").Value;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(mudCss)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("_framework/blazor.web.js")).StatusCode);
    }
}
