using FedDashboard.Hosting;
using FedDashboard.Tests.Shared;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FedDashboard.Tests.Integration;

/// <summary>The node's warm-up renders its live pages outside any request, as prerendering would, on the real app and database.</summary>
public sealed class PageWarmUpTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private WebNode _node = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _node = await WebNode.StartAsync("node-1", _database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task RenderAsync_StartedNode_RendersEveryLivePageWithoutAFailureOrAnErrorLogged()
    {
        var warmUp = _node.Get<IEnumerable<IHostedService>>().OfType<PageWarmUp>().Single();
        using var log = new CapturedLog();
        _node.Get<ILoggerFactory>().AddProvider(log);

        var failures = await warmUp.RenderAsync();

        Assert.Empty(failures.Select(f => $"{f.Page}: {f.Failure}"));
        Assert.Empty(log.AtLeast(LogLevel.Error));
    }
}
