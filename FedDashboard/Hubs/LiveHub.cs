using Microsoft.AspNetCore.SignalR;

namespace FedDashboard.Hubs;

/// <summary>Carries live events from whichever node produced them to every node's pages; clients only listen.</summary>
public sealed class LiveHub(LiveHubSessions sessions) : Hub
{
    public const string Path = "/hubs/live";

    /// <summary>Every connection is a signed-in user's, watched for revocation.</summary>
    public override Task OnConnectedAsync()
    {
        sessions.Admit(Context);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Leave(Context);
        return Task.CompletedTask;
    }
}
