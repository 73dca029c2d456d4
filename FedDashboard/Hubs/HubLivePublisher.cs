using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Live;
using Microsoft.AspNetCore.SignalR;

namespace FedDashboard.Hubs;

/// <summary>Sends each event to every hub client under its type's name (through the backplane when there is one).</summary>
internal sealed class HubLivePublisher(IHubContext<LiveHub> hub, ILogger<HubLivePublisher> logger) : ILivePublisher
{
    public async Task PublishAsync(LiveEvent liveEvent)
    {
        try
        {
            await hub.Clients.All.SendAsync(liveEvent.GetType().Name, liveEvent);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not publish live event {Event}.", liveEvent.GetType().Name);
        }
    }
}
