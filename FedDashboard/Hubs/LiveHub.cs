using Microsoft.AspNetCore.SignalR;

namespace FedDashboard.Hubs;

/// <summary>Carries live events from whichever node produced them to every node's pages; clients only listen.</summary>
public sealed class LiveHub : Hub
{
    public const string Path = "/hubs/live";
}
