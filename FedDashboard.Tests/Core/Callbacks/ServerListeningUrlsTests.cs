using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Hosting;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Hosting;
using FedDashboard.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net;

namespace FedDashboard.Tests.Core.Callbacks;

/// <summary>The web app's own addresses come from Kestrel as it listens, real port included.</summary>
public sealed class ServerListeningUrlsTests
{
    [Fact]
    public async Task CheckAsync_TheRunningServersOwnAddress_Refused()
    {
        await using var app = await StartAsync();
        var own = new Uri(app.Urls.Single());

        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() => app.Services.GetRequiredService<CallbackUrlCheck>().CheckAsync($"http://127.0.0.1:{own.Port}/api/v1/requests"));

        Assert.Contains($"127.0.0.1 port {own.Port}, where this application itself listens", refusal.Message);
    }

    [Fact]
    public async Task CheckAsync_AnotherPortOnTheSameAddress_ReturnsIt()
    {
        await using var app = await StartAsync();
        var otherPort = new Uri(app.Urls.Single()).Port == 1 ? 2 : 1;

        var uri = await app.Services.GetRequiredService<CallbackUrlCheck>().CheckAsync($"http://127.0.0.1:{otherPort}/hooks");

        Assert.Equal(otherPort, uri.Port);
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(CallbackServices.ToLocalReceivers);
        builder.Services.AddSingleton<IListeningUrls, ServerListeningUrls>();
        builder.Services.AddFedCallbacks(builder.Configuration);
        var app = builder.Build();
        await app.StartAsync();
        return app;
    }
}
