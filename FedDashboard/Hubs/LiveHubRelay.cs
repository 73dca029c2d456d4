using FedDashboard.Core.Orchestration.Live;
using FedDashboard.Core.Simulation;
using FedDashboard.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;

namespace FedDashboard.Hubs;

/// <summary>
/// This node's one listener on the live hub: it connects once the server is listening and hands every
/// event to the in-process <see cref="LiveFeed"/> that the pages subscribe to. So a page sees events from
/// every node, and the node holds one hub connection however many pages are open.
/// </summary>
internal sealed class LiveHubRelay(IServer server, IHostApplicationLifetime lifetime, LiveFeed feed, NodeKey nodeKey, ILogger<LiveHubRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStartAsync(stoppingToken)) return;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            logger.LogWarning("The server reports no address; live updates reach no page.");
            return;
        }

        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1")), LiveHub.Path),
                o => o.Headers[NodeKey.Header] = nodeKey.Value)
            .WithAutomaticReconnect(new ForeverRetryPolicy())
            .Build();
        foreach (var type in LiveEventTypes.All)
        {
            connection.On(type.Name, [type], arguments =>
            {
                if (arguments[0] is LiveEvent liveEvent) feed.Deliver(liveEvent);
                return Task.CompletedTask;
            });
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await connection.StartAsync(stoppingToken);
                break;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Live hub not reachable yet at {Address}; retrying.", address);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private sealed class ForeverRetryPolicy : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            TimeSpan.FromSeconds(Math.Min(1 + retryContext.PreviousRetryCount, 10));
    }
}
