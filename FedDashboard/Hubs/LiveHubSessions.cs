using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using System.Collections.Concurrent;

namespace FedDashboard.Hubs;

/// <summary>
/// Signed-in users' connections to the live hub. A connection outlives the cookie it opened with, so after the hub's
/// policy admitted it (<see cref="StillSignedInRequirement"/>) it is checked every revalidation interval, like an open
/// page, and closed once the account is disabled or its roles changed. Thread-safe; one per process.
/// </summary>
public sealed class LiveHubSessions(SignInCheck check, IOptions<AccessOptions> options, ILogger<LiveHubSessions> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();

    /// <summary>Watches a connection whose sign-in the hub's policy has just found holding.</summary>
    public void Admit(HubCallerContext connection) => _connections[connection.ConnectionId] = connection;

    public void Leave(HubCallerContext connection) => _connections.TryRemove(connection.ConnectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RevalidationInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var connection in _connections.Values)
                    if (!await check.StillHoldsAsync(connection.User!)) connection.Abort();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not recheck the live hub's connections; trying again in {Interval}.", options.Value.RevalidationInterval);
            }
        }
    }
}
