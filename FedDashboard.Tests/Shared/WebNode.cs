using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// The web app in the test's process on Kestrel, as one node: its own name, a still fleet and no job, signed in to with
/// <see cref="DashboardAccounts.AdminName"/>. Several started on one database (and one Redis) are several nodes.
/// </summary>
public sealed class WebNode : IAsyncDisposable
{
    /// <summary>Hangfire keeps its configuration in process-wide statics, and nodes on one database would migrate it at once: one start at a time.</summary>
    private static readonly SemaphoreSlim StartGate = new(1, 1);

    private readonly WebApplicationFactory<Program> _app;
    private readonly string _blobs;

    private WebNode(WebApplicationFactory<Program> app, string blobs, Uri baseAddress) => (_app, _blobs, BaseAddress) = (app, blobs, baseAddress);

    public Uri BaseAddress { get; }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public T? GetService<T>() => _app.Services.GetService<T>();

    /// <param name="settings">Configuration keys (e.g. "ConnectionStrings:Redis") over the node's defaults.</param>
    public static async Task<WebNode> StartAsync(string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var blobs = Path.Combine(Path.GetTempPath(), $"fed-blobs-{Guid.NewGuid():N}");
        var configuration = new Dictionary<string, string>
        {
            ["ConnectionStrings:Fed"] = connectionString,
            ["Fed:Node:Name"] = name,
            ["Fed:Data:MnistPath"] = TestEnvironment.MnistPath,
            ["Fed:Data:BlobPath"] = blobs,
            ["Fed:Fleet:Simulate"] = "false",
            ["Fed:Fleet:Terminals"] = "10",
            ["Fed:DefaultJob:StartOnFreshDatabase"] = "false",
            ["Fed:Security:AdminUserName"] = DashboardAccounts.AdminName,
            ["Fed:Security:AdminPassword"] = DashboardAccounts.AdminPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) configuration[key] = value;
        var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in configuration) web.UseSetting(key, value);
            // A free port each: Kestrel's default (5000) would serve only the first node.
            web.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        });
        app.UseKestrel();
        await StartGate.WaitAsync();
        try
        {
            app.StartServer();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        finally
        {
            StartGate.Release();
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebNode(app, blobs, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_blobs)) Directory.Delete(_blobs, recursive: true);
    }
}
