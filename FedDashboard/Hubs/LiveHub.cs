using FedDashboard.Security;
using Microsoft.AspNetCore.SignalR;

namespace FedDashboard.Hubs;

/// <summary>Carries live events from whichever node produced them to every node's pages; clients only listen.</summary>
public sealed class LiveHub(LiveHubSessions sessions) : Hub
{
    public const string Path = "/hubs/live";

    /// <summary>A signed-in user's connection is watched for revocation; this node's relay, signed in by its key, is not.</summary>
    public override Task OnConnectedAsync()
    {
        if (Context.User?.Identity?.AuthenticationType != NodeKeyAuthenticationHandler.SchemeName) sessions.Admit(Context);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Leave(Context);
        return Task.CompletedTask;
    }
}
