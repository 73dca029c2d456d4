using FedDashboard.Core.Orchestration.Live;
using Microsoft.AspNetCore.SignalR;

namespace FedDashboard.Hubs;

/// <summary>
/// Sends each event this node publishes to every hub client under its type's name. With Redis the backplane carries
/// it to the clients of every node, so each event is sent once, by the node that published it.
/// </summary>
internal sealed class HubLiveOutlet(IHubContext<LiveHub> hub) : ILiveOutlet
{
    public Task SendAsync(LiveEvent liveEvent) => hub.Clients.All.SendAsync(liveEvent.GetType().Name, liveEvent);
}
