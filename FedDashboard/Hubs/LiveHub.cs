using FedDashboard.Security;
using Microsoft.AspNetCore.SignalR;

namespace FedDashboard.Hubs;

/// <summary>Carries live events from whichever node produced them to every node's pages; clients only listen.</summary>
public sealed class LiveHub(LiveHubSessions sessions) : Hub
{
    public const string Path = "/hubs/live";

    /// <summary>A signed-in user's connection is checked against their account; this node's relay presents its key instead.</summary>
    public override async Task OnConnectedAsync()
    {
        if (Context.User?.Identity?.AuthenticationType != NodeKeyAuthenticationHandler.SchemeName) await sessions.AdmitAsync(Context);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Leave(Context);
        return Task.CompletedTask;
    }
}
