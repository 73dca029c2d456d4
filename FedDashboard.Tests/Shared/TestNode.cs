using FedDashboard.Core.Hosting;
using FedDashboard.Core.Hosting.Nodes;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// One node's registry and leadership as the app registers them, on a test's database, without its heartbeat running:
/// the test beats by hand, so it decides when a node renews or goes silent.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestNode(ServiceProvider services) => _services = services;

    public Leadership Leadership => _services.GetRequiredService<Leadership>();
    public NodeRegistry Registry => _services.GetRequiredService<NodeRegistry>();
    public NodeIdentity Identity => _services.GetRequiredService<NodeIdentity>();

    /// <param name="leaseSeconds">Short leases let a test see one expire; the heartbeat interval is half of it.</param>
    /// <param name="edgeQueue">Makes it an edge node serving this queue (its edge is not looked up).</param>
    public static TestNode Start(string connectionString, string name, double leaseSeconds = 10, TimeProvider? clock = null, string? edgeQueue = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddDbContextFactory<FedDbContext>(o => o.UseNpgsql(connectionString));
        services.AddOptions<NodeOptions>().Configure(o =>
        {
            o.Name = name;
            o.LeaseSeconds = leaseSeconds;
            o.HeartbeatSeconds = leaseSeconds / 2;
            if (edgeQueue is not null) (o.Role, o.Edge) = ("edge", edgeQueue);
        });
        services.AddFedNode(_ => edgeQueue is null ? ["default", "training"] : [edgeQueue]);
        return new TestNode(services.BuildServiceProvider());
    }

    /// <summary>One heartbeat of the node, as its hosted service beats.</summary>
    /// <returns>Why the node refuses leadership, or null.</returns>
    public Task<string?> BeatAsync() => _services.GetRequiredService<NodeHeartbeat>().BeatAsync(CancellationToken.None);

    /// <summary>Stops the node's heartbeat, as the host stops it, within the time <paramref name="ct"/> leaves.</summary>
    public Task StopAsync(CancellationToken ct) => _services.GetRequiredService<NodeHeartbeat>().StopAsync(ct);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
